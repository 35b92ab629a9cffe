"""What every webhook does before it looks at a request: refuse a body that is too large while
reading it (Content-Length or chunked), and count requests per IP or per person.

Routes that use `read_body` are declared with `stream=True`, so Sanic hands them the request
before it has read the body (it would otherwise accept up to 100 MB first).
"""

from __future__ import annotations

import ipaddress
import math
from typing import Optional

from sanic import response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse


async def read_body(request: Request, limit: int) -> bool:
    """Reads the body into `request.body`; False (and stops reading) once it exceeds `limit` bytes,
    or at once when Content-Length says it will."""
    stream = getattr(request, "stream", None)
    if stream is not None:
        stream.request_max_size = limit
        try:
            await request.receive_body()
        except PayloadTooLarge:
            return False
    return len(request.body or b"") <= limit


def too_large(limit: int, plain: bool = False) -> HTTPResponse:
    message = f"The request body is too large ({limit // 1024} KB at most)."
    return response.text(message, status=413) if plain else response.json({"error": message}, status=413)


def too_many(retry_after: float, plain: bool = False) -> HTTPResponse:
    message = "Too many requests. Please wait a little and try again."
    # Exposed so the widget, on another site's page, can read how long to wait.
    headers = {"Retry-After": str(max(1, math.ceil(retry_after))), "Access-Control-Expose-Headers": "Retry-After"}
    if plain:
        return response.text(message, status=429, headers=headers)
    return response.json({"error": message}, status=429, headers=headers)


def client_ip(request: Request) -> str:
    """The caller's address. Behind the launcher's proxy (a loopback peer) it is the last address
    in X-Forwarded-For, the one the proxy itself added."""
    peer = request.conn_info.client_ip if request.conn_info else request.ip
    try:
        local = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        local = False
    forwarded = request.headers.get("x-forwarded-for", "")
    if local and forwarded:
        return forwarded.split(",")[-1].strip() or peer
    return peer


class RateLimit:
    """At most `limit` requests per `window` seconds for each key (an IP address, a person)."""

    def __init__(self, memory, name: str, limit: int, window: float) -> None:
        self.memory, self.name, self.limit, self.window = memory, name, limit, window

    async def wait(self, who: str) -> Optional[float]:
        """None when `who` may go on; else the seconds until they may."""
        count, left = await self.memory.hit(f"rate:{self.name}:{who}", self.window)
        return left if count > self.limit else None
