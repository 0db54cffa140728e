// Browser tests of the HTML report that `usage-cli html` writes: the file
// opens in Debian's Chromium (through playwright-core), loads nothing else,
// logs no error, and its slider, sorting and word cloud work.
//
// Environment: HTML_REPORT (the file), BROWSER_NPM_DIR (where npm installed
// playwright-core) and CHROMIUM (the browser binary).
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {pathToFileURL} from 'node:url';

const require = createRequire(
    path.join(process.env.BROWSER_NPM_DIR, 'package.json'));
const {chromium} = require('playwright-core');

const reportUrl = pathToFileURL(process.env.HTML_REPORT).href;
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    // The tests run as root in CI, where Chromium's sandbox cannot start.
    args: ['--no-sandbox'],
  });
});

after(async () => {
  await browser?.close();
});

// Opens the report and records every request and every console error.
async function openReport(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(reportUrl, {waitUntil: 'load'});
  return {context, page, requests, errors};
}

test('loads nothing but the file and logs no error', async () => {
  const {context, page, requests, errors} = await openReport();
  await page.waitForTimeout(200);
  assert.deepEqual(requests, [reportUrl]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('timeline slider narrows the visible range', async () => {
  const {context, page} = await openReport();
  const range = page.locator('#timeline-range');
  const points = page.locator('#timeline-plot circle.point');
  const textBefore = await range.textContent();
  const countBefore = await points.count();
  assert.ok(countBefore > 10, `only ${countBefore} days in the timeline`);

  // Five steps to the right move the window's start by five days.
  await page.locator('#timeline-start').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');

  const textAfter = await range.textContent();
  assert.notEqual(textAfter, textBefore);
  assert.equal(await points.count(), countBefore - 5);
  const firstDate = await points.first().getAttribute('data-date');
  assert.ok(textAfter.startsWith(firstDate),
            `range "${textAfter}" does not start at ${firstDate}`);
  await context.close();
});

test('timeline slider follows a mouse drag', async () => {
  const {context, page} = await openReport();
  const range = page.locator('#timeline-range');
  const points = page.locator('#timeline-plot circle.point');
  const start = page.locator('#timeline-start');
  const textBefore = await range.textContent();
  const countBefore = await points.count();
  assert.ok(countBefore > 10, `only ${countBefore} days in the timeline`);
  const max = Number(await start.getAttribute('max'));
  assert.equal(max, countBefore - 1);

  // At value 0 the thumb sits at the left end of the track. Dragging it
  // to the middle of the input sets the value to max / 2, rounded. The
  // check allows 3 steps because the pointer grabs the thumb off centre.
  await start.scrollIntoViewIfNeeded();
  const box = await start.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, {steps: 10});
  await page.mouse.up();

  const value = Number(await start.inputValue());
  assert.ok(Math.abs(value - max / 2) <= 3,
            `the drag set the start to ${value} of ${max}`);
  const textAfter = await range.textContent();
  assert.notEqual(textAfter, textBefore);
  // The plot keeps the days from `value` to `max`.
  assert.equal(await points.count(), countBefore - value);
  const firstDate = await points.first().getAttribute('data-date');
  assert.ok(textAfter.startsWith(firstDate),
            `range "${textAfter}" does not start at ${firstDate}`);
  await context.close();
});

// Returns the cell texts and data-sort values of one column.
async function columnCells(page, column) {
  return page.$$eval('#projects-table tbody tr', (rows, index) => rows.map(
      (row) => ({text: row.cells[index].textContent,
                 sort: row.cells[index].dataset.sort})), column);
}

test('projects table sorts by a numeric column both ways', async () => {
  const {context, page} = await openReport();
  const headers = await page.$$eval('#projects-table th',
                                    (cells) => cells.map((c) => c.textContent));
  const column = headers.findIndex((h) => h.startsWith('Conversations'));
  assert.ok(column >= 0, `no Conversations header in ${headers}`);
  const cells = await columnCells(page, column);
  assert.ok(cells.length >= 2, 'the demo user needs two projects');
  const ascending = cells.map((c) => Number(c.sort)).sort((a, b) => a - b);

  const header = page.locator('#projects-table th').nth(column);
  await header.locator('button').click();
  assert.deepEqual((await columnCells(page, column)).map((c) => Number(c.sort)),
                   ascending);
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');

  await header.locator('button').click();
  assert.deepEqual((await columnCells(page, column)).map((c) => Number(c.sort)),
                   [...ascending].reverse());
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  await context.close();
});

test('projects table sorts names by locale', async () => {
  const {context, page} = await openReport();
  const cells = await columnCells(page, 0);
  const collator = new Intl.Collator(undefined,
                                     {numeric: true, sensitivity: 'base'});
  const expected = cells.map((c) => c.text).sort(collator.compare);
  await page.locator('#projects-table th').first().locator('button').click();
  assert.deepEqual((await columnCells(page, 0)).map((c) => c.text), expected);
  await context.close();
});

test('tables and charts are there without JavaScript', async () => {
  const {context, page} = await openReport({javaScriptEnabled: false});
  assert.ok(await page.locator('#projects-table tbody tr').count() > 0);
  assert.ok(await page.locator('table').count() >= 5);
  assert.ok(await page.locator('svg.chart').count() >= 5);
  assert.ok(await page.locator('#timeline-plot circle.point').count() > 10);
  assert.equal(await page.locator('#timeline-controls').isVisible(), false);
  await context.close();
});

test('word cloud words do not overlap', async () => {
  const {context, page} = await openReport();
  const boxes = await page.$$eval('svg.cloud text.word', (words) =>
    words.map((word) => {
      const box = word.getBoundingClientRect();
      return {text: word.textContent, left: box.left, right: box.right,
              top: box.top, bottom: box.bottom};
    }));
  assert.ok(boxes.length >= 2, `only ${boxes.length} words in the cloud`);
  // Half a pixel of slack absorbs rounding of the scaled view box.
  const slack = 0.5;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.left < b.right - slack && b.left < a.right - slack &&
                      a.top < b.bottom - slack && b.top < a.bottom - slack;
      assert.ok(!overlap, `"${a.text}" overlaps "${b.text}"`);
    }
  }
  await context.close();
});
