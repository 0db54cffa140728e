"""End-to-end test of RenderPdf with a PDF larger than one 1 MiB chunk.

The test writes a snapshot of one user with many projects into a temporary
folder and serves it with the real service binary on a loopback port. It
calls RenderPdf through a Python gRPC client generated from the proto at
test time, which accepts messages of at most 1.5 MiB. The PDF is larger
than gRPC's default 4 MiB limit, so the call fails if the service sends
it in fewer, larger messages. The chunks must join to a PDF whose size and page count (from
pdfinfo) match the metadata.

Usage: large_pdf_test.py SERVICE_BINARY PROTO_DIR
"""

import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

from service_process import ServiceProcess, load_stubs

SERVICE, PROTO_DIR = sys.argv[1:3]
del sys.argv[1:3]

AS_OF = "2026-11-30T18:00:00Z"
USER_ID = "7d1c1c52-0000-4000-8000-000000000001"
USER_EMAIL = "large.pdf@example.test"
CHUNK_BYTES = 1024 * 1024
# Half a chunk above the largest part the service may send, for the
# metadata and the protobuf framing of a chunk.
MAX_RECEIVE_BYTES = CHUNK_BYTES * 3 // 2
# Each project name has 10 Chinese characters that no other name uses, so
# every project adds 10 glyphs to the embedded font subset: about 2.8 KB of
# PDF per project. Measured through this test on a shared 2-core machine,
# 1,400 projects gave 3.8 MiB and 1,600 gave 4.3 MiB in about 3 s, so the
# PDF is above gRPC's default 4 MiB message limit as well.
PROJECTS = 1600
GRPC_DEFAULT_LIMIT_BYTES = 4 * 1024 * 1024
FIRST_CHARACTER = 0x4E00  # The start of the CJK Unified Ideographs block.
DEADLINE_SECONDS = 240


pb2, pb2_grpc = load_stubs(PROTO_DIR)


def project_name(index):
    """Returns 10 Chinese characters that no other index gets."""
    first = FIRST_CHARACTER + index * 10
    return "".join(chr(code) for code in range(first, first + 10))


def write_snapshot(folder, projects):
    """Writes a snapshot of one user owning `projects` projects, each with
    one 10-minute conversation in November 2026."""
    users = [{"id": USER_ID, "email": USER_EMAIL, "first_name": "Large",
              "last_name": "Report"}]
    project_rows = []
    conversations = []
    for i in range(projects):
        project_id = f"00000000-0000-4000-8000-{i:012d}"
        project_rows.append({
            "id": project_id, "name": project_name(i),
            "created_at": "2026-01-15T09:00:00.000Z",
            "updated_at": "2026-01-15T09:00:00.000Z", "deleted_at": None,
            "directus_user_id": USER_ID, "is_conversation_allowed": True,
            "language": "en"})
        conversations.append({
            "id": f"10000000-0000-4000-8000-{i:012d}",
            "project_id": project_id,
            "created_at": f"2026-11-{1 + i % 28:02d}T10:00:00.000Z",
            "deleted_at": None, "duration": 600, "is_finished": True,
            "participant_name": "Participant", "source": None,
            "merged_transcript": None, "summary": None})
    collections = {
        "directus_users": users, "project": project_rows,
        "conversation": conversations, "conversation_chunk": [],
        "directus_activity": [], "project_chat": [],
        "project_chat_message": [], "project_report": [], "project_tag": []}
    for name, rows in collections.items():
        (pathlib.Path(folder) / f"{name}.json").write_text(
            json.dumps(rows), encoding="utf-8")


class LargePdfTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.snapshot = tempfile.TemporaryDirectory()
        write_snapshot(cls.snapshot.name, PROJECTS)
        # Only the gRPC client talks to this service, so no usage-cli.
        cls.service = ServiceProcess(
            SERVICE, None, {"USAGE_SNAPSHOT_DIR": cls.snapshot.name},
            cwd=tempfile.gettempdir())
        channel = cls.service.connect(
            options=[("grpc.max_receive_message_length", MAX_RECEIVE_BYTES)])
        cls.stub = pb2_grpc.UsageServiceStub(channel)

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()
        cls.snapshot.cleanup()

    def render(self):
        request = pb2.RenderPdfRequest(paper_size=pb2.PAPER_SIZE_A4)
        request.report.users.add(email=USER_EMAIL)
        request.report.period.preset = pb2.PERIOD_PRESET_LAST_30_DAYS
        request.report.time_zone = "UTC"
        request.report.as_of.FromJsonString(AS_OF)
        return list(self.stub.RenderPdf(request, timeout=DEADLINE_SECONDS))

    def test_chunks_join_to_valid_pdf(self):
        messages = self.render()
        self.assertEqual(messages[0].WhichOneof("part"), "metadata")
        metadata = messages[0].metadata
        chunks = [message.chunk for message in messages[1:]]
        for message in messages[1:]:
            self.assertEqual(message.WhichOneof("part"), "chunk")
        for chunk in chunks:
            self.assertLessEqual(len(chunk), CHUNK_BYTES)
        self.assertGreaterEqual(len(chunks), 2)

        pdf = b"".join(chunks)
        self.assertGreater(len(pdf), GRPC_DEFAULT_LIMIT_BYTES)
        self.assertEqual(len(pdf), metadata.size_bytes)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertIn(b"%%EOF", pdf[-32:])

        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            info = subprocess.run(["pdfinfo", file.name], check=True,
                                  capture_output=True, text=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
        self.assertIsNotNone(pages, info)
        self.assertEqual(int(pages.group(1)), metadata.page_count)
        self.assertGreater(metadata.page_count, 1)


if __name__ == "__main__":
    unittest.main()
