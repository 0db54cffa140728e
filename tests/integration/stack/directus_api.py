"""A small client for Directus's REST API, standard library only."""

import json
import time
import urllib.error
import urllib.request

import stackenv


class DirectusError(Exception):
    """Raised when Directus returns a status other than 2xx."""

    def __init__(self, method, path, status, body):
        super().__init__(f"{method} {path} returned {status}: {body[:500]}")
        self.status = status
        self.body = body


class Client:
    """Sends requests to the stack's Directus with a bearer token."""

    def __init__(self, token=None, base_url=None):
        self.base_url = base_url or stackenv.directus_url()
        self.token = token

    @classmethod
    def login(cls, email, password):
        """Returns a client that uses the access token of `email`."""
        client = cls()
        data = client.request("POST", "/auth/login", {
            "email": email,
            "password": password
        })
        client.token = data["access_token"]
        return client

    def request(self, method, path, body=None, attempts=5):
        """Sends one request and returns the `data` member of the response.

        503 responses, which Directus's pressure limiter returns while the
        server is busy, are retried after a short pause.
        """
        for attempt in range(attempts):
            try:
                return self._send(method, path, body)
            except DirectusError as error:
                if error.status != 503 or attempt + 1 == attempts:
                    raise
                time.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")

    def _send(self, method, path, body):
        headers = {"Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.base_url + path,
                                         data=payload,
                                         headers=headers,
                                         method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            raise DirectusError(method, path, error.code,
                                error.read().decode(errors="replace"))
        if not text:
            return None
        return json.loads(text).get("data")
