#include "html/page_assets.h"

#include "absl/strings/str_replace.h"
#include "html/svg.h"
#include "render/style.h"

namespace usage::html {
namespace {

// $INK and the other names are replaced by the palette's colors.
constexpr char kStyle[] = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: $PANEL; color: $INK;
  font: 15px/1.5 "DejaVu Sans", "Noto Sans CJK SC", system-ui, sans-serif;
  overflow-wrap: anywhere; }
main { max-width: 980px; margin: 24px auto; background: #fff;
  padding: 32px 40px 48px; border: 1px solid $HAIRLINE; border-radius: 6px; }
h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 12px; }
h2 { font-size: 17px; margin: 36px 0 12px; padding-bottom: 6px;
  border-bottom: 1px solid $RULE; color: $INK; }
h3, h4, h5 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px;
  color: $ACCENT; margin: 0; font-weight: bold; }
.muted, .unused { color: $MUTED; }
.small { font-size: 13px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0;
  color: $INK; }
.facts dt { font-size: 12px; color: $MUTED; }
.facts dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px;
  margin-top: 12px; }
.cards.heroes { grid-template-columns: repeat(3, 1fr); margin-top: 24px; }
.card { background: $PANEL; border-radius: 6px; padding: 12px 14px; }
.card .label { font-size: 12px; color: $MUTED; }
.card .value { font-size: 20px; font-weight: bold; }
.card.hero .value { font-size: 28px; color: $ACCENT; }
.card .detail { font-size: 13px; }
.trend.up { color: $UP; font-weight: bold; }
.trend.down { color: $DOWN; font-weight: bold; }
.trend.flat { color: $MUTED; font-weight: bold; }
.band { margin-top: 16px; }
.features { list-style: none; padding: 0; display: flex; flex-wrap: wrap;
  gap: 8px 28px; margin: 8px 0 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { text-align: left; font-size: 12px; color: $MUTED; font-weight: bold;
  border-bottom: 1px solid $RULE; padding: 6px 8px; white-space: nowrap; }
td { border-bottom: 1px solid $HAIRLINE; padding: 5px 8px;
  overflow-wrap: anywhere; vertical-align: top; }
td.num { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
th button.sort { font: inherit; color: inherit; background: none; border: 0;
  padding: 0; cursor: pointer; }
th button.sort::after { content: " ↕"; color: $RULE; }
th[aria-sort="ascending"] button.sort::after { content: " ↑"; color: $ACCENT; }
th[aria-sort="descending"] button.sort::after { content: " ↓";
  color: $ACCENT; }
svg.chart { width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart text.axis, svg.chart text.legend { font-size: 10px; }
.range[hidden] { display: none; }
.range { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px;
  font-size: 13px; }
.range input { width: 260px; accent-color: $ACCENT; }
.range output { font-weight: bold; }
.findings, .notes { padding-left: 0; list-style: none; }
.findings li, .notes li { margin: 6px 0; }
.badge { display: inline-block; font-size: 11px; font-weight: bold;
  border-radius: 3px; padding: 1px 6px; color: #fff; background: $MUTED; }
.badge.positive { background: $UP; }
.badge.info { background: $ACCENT; }
.badge.warning { background: #b7791f; }
.badge.critical { background: $DOWN; }
.count { display: inline-block; min-width: 3em; font-weight: bold; }
li.depth-1 { margin-left: 1.5em; } li.depth-2 { margin-left: 3em; }
li.depth-3 { margin-left: 4.5em; }
.visually-hidden { position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); }
footer { margin-top: 40px; font-size: 12px; color: $MUTED; }
@media (max-width: 720px) {
  main { padding: 20px; } .cards, .cards.heroes, .columns {
  grid-template-columns: 1fr 1fr; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { border: 0; margin: 0; padding: 0; max-width: none; }
  .no-print, .range { display: none !important; }
  section, table, svg, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
}
)css";

constexpr char kScript[] = R"js(
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function svgElement(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // The smallest 1, 2 or 5 times a power of ten at or above value.
  function niceMaximum(value) {
    if (!(value > 0)) return 1;
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (value <= steps[i] * power * (1 + 1e-9)) return steps[i] * power;
    }
    return 10 * power;
  }

  function axisLabel(value) {
    return value < 10 && value !== 0 ? value.toFixed(1)
                                     : Math.round(value).toLocaleString('en-US');
  }

  function drawTimeline(plot, days) {
    var left = Number(plot.dataset.left), top = Number(plot.dataset.top);
    var width = Number(plot.dataset.width);
    var height = Number(plot.dataset.height);
    var colors = plot.dataset.colors.split(' ');
    var bottom = top + height;
    while (plot.firstChild) plot.removeChild(plot.firstChild);

    var maximum = niceMaximum(Math.max.apply(null, days.map(function (day) {
      return Math.max(day.conversations, day.messages);
    })));
    for (var i = 0; i <= 4; i++) {
      var gridY = bottom - height * i / 4;
      plot.appendChild(svgElement('line', {x1: left, x2: left + width,
        y1: gridY, y2: gridY, stroke: colors[2]}));
      plot.appendChild(svgElement('text', {'class': 'axis', x: left - 4,
        y: gridY + 3, 'text-anchor': 'end', fill: colors[3]},
        axisLabel(maximum * i / 4)));
    }
    var step = width / days.length;
    function x(index) { return left + step * (index + 0.5); }
    function y(value) { return bottom - height * value / maximum; }
    function line(key, color) {
      var points = days.map(function (day, index) {
        return x(index).toFixed(2) + ',' + y(day[key]).toFixed(2);
      });
      plot.appendChild(svgElement('polyline', {fill: 'none', stroke: color,
        'stroke-width': 2, points: points.join(' ')}));
    }
    line('messages', colors[1]);
    line('conversations', colors[0]);
    days.forEach(function (day, index) {
      var circle = svgElement('circle', {'class': 'point',
        'data-date': day.date, cx: x(index).toFixed(2),
        cy: y(day.conversations).toFixed(2), r: 2.5, fill: colors[0]});
      var lines = [day.date + ': ' + day.conversations + ' conversations'];
      day.projects.forEach(function (project) {
        lines.push(project[0] + ': ' + project[1]);
      });
      circle.appendChild(svgElement('title', {}, lines.join('\n')));
      plot.appendChild(circle);
    });
    [[0, days[0].date], [days.length - 1, days[days.length - 1].date]]
      .forEach(function (label) {
        plot.appendChild(svgElement('text', {'class': 'axis', x: x(label[0]),
          y: bottom + 13, 'text-anchor': 'middle', fill: colors[3]},
          label[1]));
      });
  }

  function setUpTimeline(days) {
    var controls = document.getElementById('timeline-controls');
    var plot = document.getElementById('timeline-plot');
    if (!controls || !plot || days.length === 0) return;
    var start = document.getElementById('timeline-start');
    var end = document.getElementById('timeline-end');
    var output = document.getElementById('timeline-range');
    function update(moved) {
      var from = Number(start.value), to = Number(end.value);
      if (from > to) {
        if (moved === start) { end.value = from; to = from; }
        else { start.value = to; from = to; }
      }
      output.textContent = days[from].date + ' – ' + days[to].date;
      start.setAttribute('aria-valuetext', days[from].date);
      end.setAttribute('aria-valuetext', days[to].date);
      drawTimeline(plot, days.slice(from, to + 1));
    }
    start.addEventListener('input', function () { update(start); });
    end.addEventListener('input', function () { update(end); });
    controls.hidden = false;
    update(null);
  }

  function setUpSorting(table) {
    if (!table) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var collator = new Intl.Collator(undefined,
                                     {numeric: true, sensitivity: 'base'});
    headers.forEach(function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = header.textContent;
      header.textContent = '';
      header.appendChild(button);
      header.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) {
          other.setAttribute('aria-sort', 'none');
        });
        header.setAttribute('aria-sort', ascending ? 'ascending'
                                                   : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var first = a.cells[column], second = b.cells[column];
          var order = first.dataset.sort !== undefined
              ? Number(first.dataset.sort) - Number(second.dataset.sort)
              : collator.compare(first.textContent, second.textContent);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  setUpTimeline(data.days);
  setUpSorting(document.getElementById('projects-table'));
})();
)js";

}  // namespace

std::string PageStyle() {
  return absl::StrReplaceAll(kStyle,
                             {{"$INK", ColorHex(render::kInk)},
                              {"$MUTED", ColorHex(render::kMuted)},
                              {"$RULE", ColorHex(render::kRule)},
                              {"$HAIRLINE", ColorHex(render::kHairline)},
                              {"$PANEL", ColorHex(render::kPanel)},
                              {"$ACCENT", ColorHex(render::kAccent)},
                              {"$UP", render::kUpMarkup},
                              {"$DOWN", render::kDownMarkup}});
}

std::string PageScript() { return kScript; }

}  // namespace usage::html
