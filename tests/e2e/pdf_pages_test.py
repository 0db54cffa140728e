"""Checks the demo report's PDF with poppler: page size and count, embedded
fonts, the same bytes on every run, and every page against a committed
reference image within a tolerance.

The references are grey-scale PNGs at REFERENCE_DPI. After an intended
change of the layout, look at the new pages and then rewrite the
references with USAGE_UPDATE_REFERENCE_IMAGES=1.

Usage: pdf_pages_test.py SERVICE_BINARY CLI_BINARY SNAPSHOT_DIR REFERENCE_DIR
"""

import os
import pathlib
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

from service_process import ServiceProcess

SERVICE, CLI, SNAPSHOT, REFERENCE_DIR = sys.argv[1:5]
del sys.argv[1:5]

AS_OF = "2026-11-30T18:00:00Z"
USER_EMAIL = "anna.devries@utrecht.example"
REFERENCE_DPI = 30
# A pixel differs when its grey level moves by more than this many of 255.
PIXEL_TOLERANCE = 48
# A page matches when at most this share of its pixels differ: enough for
# anti-aliasing to move, far too little for a moved or missing block.
PAGE_TOLERANCE = 0.004
UPDATE = os.environ.get("USAGE_UPDATE_REFERENCE_IMAGES") == "1"

PAPERS = {
    # Points, as pdfinfo prints them.
    "a4": (595.276, 841.89),
    "letter": (612.0, 792.0),
}


def read_pgm(data):
    """Returns (width, height, pixels) of a binary PGM (P5) image."""
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        start = position
        while not data[position:position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    if fields[0] != b"P5" or int(fields[3]) != 255:
        raise ValueError("not an 8-bit P5 image")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1:position + 1 + width * height]
    return width, height, pixels


def png_chunk(kind, payload):
    body = kind + payload
    return (struct.pack(">I", len(payload)) + body +
            struct.pack(">I", zlib.crc32(body)))


def write_png(path, width, height, pixels):
    """Writes 8-bit grey pixels as a PNG with filter 0 on every row."""
    rows = b"".join(b"\0" + pixels[y * width:(y + 1) * width]
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) +
                     png_chunk(b"IDAT", zlib.compress(rows, 9)) +
                     png_chunk(b"IEND", b""))


def read_png(path):
    """Reads a PNG written by write_png."""
    data = path.read_bytes()
    position = 8
    idat = b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        payload = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", payload[:8])
        elif kind == b"IDAT":
            idat += payload
        position += 12 + length
    rows = zlib.decompress(idat)
    stride = width + 1
    if any(rows[y * stride] != 0 for y in range(height)):
        raise ValueError(f"{path}: only filter 0 rows are supported")
    pixels = b"".join(rows[y * stride + 1:(y + 1) * stride]
                      for y in range(height))
    return width, height, pixels


def differing_share(first, second):
    width, height, pixels = first
    other_width, other_height, other_pixels = second
    if (width, height) != (other_width, other_height):
        return 1.0
    differing = sum(1 for a, b in zip(pixels, other_pixels)
                    if abs(a - b) > PIXEL_TOLERANCE)
    return differing / (width * height)


def page_images(pdf, folder):
    """Renders every page of `pdf` as grey PGM files, in page order."""
    subprocess.run(["pdftoppm", "-r", str(REFERENCE_DPI), "-gray", str(pdf),
                    str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.pgm"),
                  key=lambda p: int(p.stem.split("-")[-1]))


def pdfinfo(pdf):
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                            text=True, check=True).stdout
    info = {}
    for line in output.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


class PdfPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.service = ServiceProcess(SERVICE, CLI, {
            "USAGE_SNAPSHOT_DIR": SNAPSHOT, "PATH": os.environ["PATH"]})
        cls.service.wait_until_serving()
        cls.folder = pathlib.Path(tempfile.mkdtemp(prefix="pdf-pages-"))
        cls.pdfs = {paper: cls.render(paper, f"{paper}.pdf")
                    for paper in PAPERS}

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    @classmethod
    def render(cls, paper, name):
        path = cls.folder / name
        result = subprocess.run(
            [CLI, "--server", cls.service.address, "pdf", "--user",
             USER_EMAIL, "--period", "last-90-days", "--tz",
             "Europe/Amsterdam", "--as-of", AS_OF, "--paper", paper,
             "--no-progress", "-o", str(path)],
            capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        return path

    def test_page_size_matches_the_paper(self):
        for paper, (width, height) in PAPERS.items():
            with self.subTest(paper=paper):
                size = pdfinfo(self.pdfs[paper])["Page size"]
                numbers = [float(part) for part in size.split()[0:3:2]]
                self.assertAlmostEqual(numbers[0], width, places=1)
                self.assertAlmostEqual(numbers[1], height, places=1)

    def test_every_font_is_embedded(self):
        for paper, pdf in self.pdfs.items():
            lines = subprocess.run(
                ["pdffonts", str(pdf)], capture_output=True, text=True,
                check=True).stdout.splitlines()[2:]
            self.assertTrue(lines, "no fonts listed")
            for line in lines:
                # Columns: name, type, encoding, emb, sub, uni, object, id.
                self.assertEqual(line.split()[-5], "yes", line)

    def test_the_same_request_gives_the_same_bytes(self):
        again = self.render("a4", "again.pdf")
        self.assertEqual(again.read_bytes(), self.pdfs["a4"].read_bytes())

    def test_pages_match_the_reference_images(self):
        for paper, pdf in self.pdfs.items():
            folder = self.folder / f"pages-{paper}"
            folder.mkdir()
            pages = page_images(pdf, folder)
            self.assertEqual(len(pages), int(pdfinfo(pdf)["Pages"]))
            reference_dir = pathlib.Path(REFERENCE_DIR) / paper
            if UPDATE:
                self.write_references(pages, reference_dir)
                continue
            references = sorted(reference_dir.glob("page-*.png"))
            self.assertEqual(len(pages), len(references),
                             f"{paper}: page count differs from the "
                             "references")
            for number, (page, reference) in enumerate(
                    zip(pages, references), start=1):
                with self.subTest(paper=paper, page=number):
                    share = differing_share(read_pgm(page.read_bytes()),
                                            read_png(reference))
                    self.assertLessEqual(
                        share, PAGE_TOLERANCE,
                        f"{paper} page {number}: {share:.2%} of the pixels "
                        f"differ from {reference}")

    def write_references(self, pages, reference_dir):
        reference_dir.mkdir(parents=True, exist_ok=True)
        for old in reference_dir.glob("page-*.png"):
            old.unlink()
        for number, page in enumerate(pages, start=1):
            width, height, pixels = read_pgm(page.read_bytes())
            write_png(reference_dir / f"page-{number:02d}.png", width, height,
                      pixels)


if __name__ == "__main__":
    unittest.main()
