#!/usr/bin/python3
"""A scripted OpenAI-compatible chat completion server for tests.

Responds to POST .../chat/completions (OpenAI and Azure URL styles) with the
steps of a script, records every request, and is controlled over HTTP:

  POST /_fake/script    body: JSON list of steps; replaces the script and
                        restarts it at the first step.
  GET  /_fake/requests  returns the recorded chat completion requests.
  POST /_fake/reset     clears the recorded requests and the script.

The script format is described in README.md next to this file. Uses the
Python 3 standard library only.
"""

import argparse
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_TEXT = "fake completion"


def completion_body(text, finish_reason="stop"):
    """Returns a chat completion response body with `text` as content."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake-model",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": text},
            "finish_reason": finish_reason,
        }],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                  "total_tokens": 2},
    }


class State:
    """The script and the recorded requests, shared by handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.steps = []
        self.next_step = 0
        self.requests = []

    def set_script(self, steps):
        with self.lock:
            self.steps = steps
            self.next_step = 0

    def reset(self):
        with self.lock:
            self.steps = []
            self.next_step = 0
            self.requests = []

    def record_and_take_step(self, record):
        """Records a request and returns its step; the last step repeats."""
        with self.lock:
            self.requests.append(record)
            if not self.steps:
                return {"text": DEFAULT_TEXT}
            step = self.steps[min(self.next_step, len(self.steps) - 1)]
            self.next_step += 1
            return step

    def recorded(self):
        with self.lock:
            return list(self.requests)


def validate_steps(steps):
    """Raises ValueError unless `steps` is a non-empty list of objects."""
    if not isinstance(steps, list) or not steps:
        raise ValueError("the script must be a non-empty JSON list of steps")
    known = {"status", "headers", "body", "text", "finish_reason",
             "stall_seconds", "drop"}
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            raise ValueError(f"step {index} is not a JSON object")
        unknown = set(step) - known
        if unknown:
            raise ValueError(f"step {index} has unknown keys {sorted(unknown)}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeLlm/1"

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        # Request lines would clutter test output; errors still go to stderr.
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def send(self, status, body, headers=None):
        payload = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        has_type = False
        for name, value in (headers or {}).items():
            has_type = has_type or name.lower() == "content-type"
            self.send_header(name, str(value))
        if not has_type:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def send_json(self, status, value):
        self.send(status, json.dumps(value))

    def do_GET(self):  # pylint: disable=invalid-name
        if self.path == "/_fake/requests":
            self.send_json(200, self.server.state.recorded())
        else:
            self.send_json(404, {"error": {"message": "not found",
                                           "code": "not_found"}})

    def do_POST(self):  # pylint: disable=invalid-name
        body = self.read_body()
        if self.path == "/_fake/script":
            self.set_script(body)
        elif self.path == "/_fake/reset":
            self.server.state.reset()
            self.send_json(200, {"ok": True})
        elif self.path.split("?", 1)[0].endswith("/chat/completions"):
            self.answer_completion(body)
        else:
            self.send_json(404, {"error": {"message": "not found",
                                           "code": "not_found"}})

    def set_script(self, body):
        try:
            steps = json.loads(body.decode("utf-8"))
            validate_steps(steps)
        except ValueError as error:
            self.send_json(400, {"error": str(error)})
            return
        self.server.state.set_script(steps)
        self.send_json(200, {"ok": True, "steps": len(steps)})

    def answer_completion(self, body):
        try:
            parsed = json.loads(body.decode("utf-8"))
        except ValueError:
            parsed = None
        record = {
            "method": self.command,
            "path": self.path,
            "headers": {name.lower(): value
                        for name, value in self.headers.items()},
            "body": body.decode("utf-8", errors="replace"),
            "json": parsed,
        }
        step = self.server.state.record_and_take_step(record)
        time.sleep(float(step.get("stall_seconds", 0)))
        if step.get("drop"):
            self.close_connection = True
            return
        self.send(*response_for(step))


def response_for(step):
    """Returns (status, body, headers) for a script step."""
    status = int(step.get("status", 200))
    headers = step.get("headers", {})
    if "body" in step:
        body = step["body"]
        if not isinstance(body, str):
            body = json.dumps(body)
    elif status != 200 and "text" not in step:
        body = json.dumps({"error": {"message": f"fake HTTP {status}",
                                     "type": "fake", "code": str(status)}})
    else:
        body = json.dumps(completion_body(
            step.get("text", DEFAULT_TEXT),
            step.get("finish_reason", "stop")))
    return status, body, headers


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--port-file",
                        help="file to write the port to once listening")
    parser.add_argument("--tls-cert", help="PEM certificate; enables HTTPS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    return parser.parse_args()


def main():
    args = parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State()
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    if args.port_file:
        # Written under a temporary name and renamed, so that a reader never
        # sees a partial file.
        temporary = args.port_file + ".tmp"
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(f"{port}\n")
        os.replace(temporary, args.port_file)
    print(f"PORT {port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
