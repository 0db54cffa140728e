"""usage-cli `pdf`: the file is a PDF whose text contains the escaped user
name and headline figures, and whose fonts are all embedded."""

import pathlib
import subprocess
import tempfile
import unittest

import support


def _pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"],
                          capture_output=True,
                          text=True,
                          check=True).stdout


def _fonts(path):
    """Returns (name, embedded) for every font pdffonts lists."""
    output = subprocess.run(["pdffonts", str(path)],
                            capture_output=True,
                            text=True,
                            check=True).stdout
    fonts = []
    # Two header lines; a type may contain a space ("CID TrueType"), so the
    # columns are read from the right: emb sub uni object generation.
    for line in output.splitlines()[2:]:
        columns = line.split()
        fonts.append((columns[0], columns[-5] == "yes"))
    return fonts


class CliPdfTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        cls.main_pdf = cls.render("main_user.json", "main.pdf")
        cls.busy_pdf = cls.render("busy_user.json", "busy.pdf")

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    @classmethod
    def render(cls, expected_name, file_name):
        path = pathlib.Path(cls.directory.name) / file_name
        request = support.load_expected(expected_name)["request"]
        process = support.run_cli("pdf", *support.selection_args(request),
                                  "-o", str(path))
        if process.returncode != 0:
            raise AssertionError(f"usage-cli pdf exited with "
                                 f"{process.returncode}: {process.stderr}")
        return path

    def test_file_is_pdf(self):
        self.assertEqual(self.main_pdf.read_bytes()[:5], b"%PDF-")

    def test_user_name_is_escaped(self):
        text = _pdf_text(self.main_pdf)
        self.assertIn("R&D <Q3>", text)
        self.assertIn("Zoë", text)

    def test_project_name_is_escaped(self):
        self.assertIn('R&D <Q3> "draft"', _pdf_text(self.main_pdf))

    def test_busy_pdf_shows_conversation_count(self):
        text = _pdf_text(self.busy_pdf)
        self.assertIn("Pieter Paging", text)
        self.assertRegex(text, r"(?<![\d.,])120(?![\d.,])")

    def test_every_font_is_embedded(self):
        for path in (self.main_pdf, self.busy_pdf):
            fonts = _fonts(path)
            self.assertTrue(fonts, f"{path.name} lists no fonts")
            for name, embedded in fonts:
                with self.subTest(file=path.name, font=name):
                    self.assertTrue(embedded)


if __name__ == "__main__":
    unittest.main()
