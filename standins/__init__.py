"""Local stand-ins for Twilio and the Bot Framework: real HTTP servers on loopback that speak
enough of each protocol for the channels to be tested end to end without the internet.

Standard library HTTP server plus pyjwt/cryptography only, so both Python environments can use
them (the connector tests run in Rasa's, the end-to-end tests in the catalog's).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional
from urllib.parse import parse_qs


class Reply:
    def __init__(self, status: int, body: Any = None, content_type: str = "application/json"):
        self.status = status
        self.body = body
        self.content_type = content_type


class Received:
    """One request as a handler sees it."""

    def __init__(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode(), keep_blank_values=True).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"null")


class HTTPStandIn:
    """A threaded HTTP server calling `self.handle(Received) -> Reply` for every request."""

    def __init__(self) -> None:
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None
        self.lock = threading.Condition()

    def handle(self, request: Received) -> Reply:  # pragma: no cover - overridden
        raise NotImplementedError

    def start(self, port: int = 0):
        """Serves on 127.0.0.1:`port` (a free port when 0) in a background thread."""
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    reply = standin.handle(Received(self.command, self.path, headers, body))
                except Exception as exc:  # noqa: BLE001 - a stand-in bug shows up as a 500, not a hang
                    reply = Reply(500, {"error": repr(exc)})
                payload = reply.body
                if not isinstance(payload, (bytes, str)):
                    payload = json.dumps(payload)
                data = payload.encode() if isinstance(payload, str) else payload
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the stand-in first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def record(self, items: list, item: Any) -> None:
        with self.lock:
            items.append(item)
            self.lock.notify_all()

    def settle(self, select: Callable[[], list], timeout: float, quiet: float) -> list:
        """The selected items once the first has come and then `quiet` seconds passed with no
        new one (an answer may be several messages); whatever came when `timeout` runs out."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                seen = len(select())
                now = time.monotonic()
                left = deadline - now
                if left <= 0:
                    return select()
                self.lock.wait(min(left, quiet) if seen else left)
                if seen and len(select()) == seen and time.monotonic() - now >= quiet:
                    return select()

    def wait_for(
        self, select: Callable[[], list], count: int, timeout: float, what: str
    ) -> list:
        """The selected items once there are at least `count`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                items = select()
                if len(items) >= count:
                    return items
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"expected {count} {what} within {timeout}s, got {len(items)}: {items!r}"
                    )
                self.lock.wait(left)


async def serve_channel(channel: Any, on_new_message: Callable[[Any], Any], name: str):
    """Rasa's side of the wire for the channel tests: `channel`'s blueprint mounted the way Rasa
    mounts it (under /webhooks/<name>/) on a real Sanic server on a free port, with
    `on_new_message` in place of the assistant. Returns (server, base URL); close the server.
    Sanic and Rasa are imported here so that the stand-ins load without them."""
    import socket

    from sanic import Sanic

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Sanic 21 can start only one app per name; each server gets its own.
    app = Sanic(f"{name}_{port}")
    app.blueprint(channel.blueprint(on_new_message), url_prefix=f"/webhooks/{channel.name()}")
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, debug=False
    )
    await server.startup()
    return server, f"http://127.0.0.1:{port}"
