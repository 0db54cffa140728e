"""The standard gRPC health check, and the RenderPdf stream."""

import subprocess
import tempfile
import unittest

import grpc

import grpc_client
import service
import support

# Page sizes in PostScript points as pdfinfo prints them.
A4_POINTS = (595.276, 841.89)
LETTER_POINTS = (612.0, 792.0)


def _pdfinfo(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        output = subprocess.run(["pdfinfo", file.name],
                                capture_output=True,
                                text=True,
                                check=True).stdout
    info = {}
    for line in output.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def _page_size(info):
    # "Page size:      595.276 x 841.89 pts (A4)"
    width, _, rest = info["Page size"].partition(" x ")
    return float(width), float(rest.split()[0])


class HealthTest(unittest.TestCase):

    def test_overall_health_is_serving(self):
        # HealthCheckResponse{status: SERVING} is field 1 with varint 1.
        response = service.health_status(support.stackenv.service_address())
        self.assertEqual(response, b"\x08\x01")

    def test_usage_service_health_is_serving(self):
        response = service.health_status(
            support.stackenv.service_address(),
            service_name="echo.usage.v1.UsageService")
        self.assertEqual(response, b"\x08\x01")

    def test_unknown_service_health_is_not_found(self):
        with self.assertRaises(grpc.RpcError) as raised:
            service.health_status(support.stackenv.service_address(),
                                  service_name="no.such.Service")
        self.assertEqual(raised.exception.code(), grpc.StatusCode.NOT_FOUND)


class RenderPdfTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = grpc_client.Client()
        request = support.load_expected("main_user.json")["request"]
        cls.request = grpc_client.report_request(request)
        cls.a4 = cls.client.render_pdf(cls.request)
        cls.letter = cls.client.render_pdf(cls.request, "PAPER_SIZE_LETTER")

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def test_stream_starts_with_metadata(self):
        self.assertEqual(self.a4[0].WhichOneof("part"), "metadata")
        for response in self.a4[1:]:
            self.assertEqual(response.WhichOneof("part"), "chunk")

    def test_chunks_form_pdf_of_announced_size(self):
        metadata = self.a4[0].metadata
        data = b"".join(response.chunk for response in self.a4[1:])
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertEqual(len(data), metadata.size_bytes)

    def test_chunks_fit_one_mebibyte(self):
        for response in self.a4[1:]:
            self.assertLessEqual(len(response.chunk), 1 << 20)

    def test_metadata_matches_pdfinfo(self):
        metadata = self.a4[0].metadata
        info = _pdfinfo(b"".join(response.chunk for response in self.a4[1:]))
        self.assertGreaterEqual(metadata.page_count, 1)
        self.assertEqual(int(info["Pages"]), metadata.page_count)
        self.assertTrue(metadata.file_name.endswith(".pdf"),
                        metadata.file_name)

    def test_paper_sizes(self):
        for stream, expected in ((self.a4, A4_POINTS), (self.letter,
                                                        LETTER_POINTS)):
            info = _pdfinfo(b"".join(part.chunk for part in stream[1:]))
            width, height = _page_size(info)
            with self.subTest(expected=expected):
                self.assertAlmostEqual(width, expected[0], delta=0.5)
                self.assertAlmostEqual(height, expected[1], delta=0.5)


if __name__ == "__main__":
    unittest.main()
