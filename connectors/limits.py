"""What every webhook does before it looks at a request: refuse a body that is too large while
reading it (Content-Length or chunked), and count requests per IP or per person.

Routes that use `read_body` are declared with `stream=True`, so Sanic hands them the request
before it has read the body (it would otherwise accept up to 100 MB first).
"""

from __future__ import annotations

import ipaddress
import math
from typing import Iterable, Optional, Sequence, Union

from sanic import response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


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


def wait_words(seconds: float) -> str:
    """"a minute", "about 5 minutes", "about an hour": as the widget words its own waits
    (connectors/web/widget/src/server.js, waitWords)."""
    if seconds <= 90:
        return "a minute"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"about {minutes} minutes"
    hours = round(minutes / 60)
    return "about an hour" if hours <= 1 else f"about {hours} hours"


def trusted_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """TRUSTED_PROXIES ("127.0.0.1", "10.0.0.0/8", "::1") as networks; raises ValueError naming a
    bad entry, so a typo stops the server at start instead of trusting no one or everyone."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(f"TRUSTED_PROXIES: {entry!r} is not an IP address or network") from None
    return tuple(networks)


def _within(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: Request, trusted: Sequence[Network] = ()) -> str:
    """The caller's address. X-Forwarded-For is believed only from a trusted proxy: walking it from
    the right (the hop nearest to us), the first address that is not a trusted proxy is the
    caller's; earlier entries are whatever the caller chose to send. With no trusted proxies
    (the default) the peer's own address counts, so no one can pick the address they are counted as."""
    peer = request.conn_info.client_ip if request.conn_info else request.ip
    if not _within(peer, trusted):
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _within(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # not an address: a proxy we trust would not write that
    return peer


class RateLimit:
    """At most `limit` requests per `window` seconds for each key (an IP address, a person)."""

    def __init__(self, memory, name: str, limit: int, window: float) -> None:
        self.memory, self.name, self.limit, self.window = memory, name, limit, window

    async def wait(self, who: str) -> Optional[float]:
        """None when `who` may go on; else the seconds until they may."""
        count, left = await self.memory.hit(f"rate:{self.name}:{who}", self.window)
        return left if count > self.limit else None


class RateLimits:
    """Several limits on the same people at once (a minute's burst, an hour's budget): `who` may go
    on while every one of them allows it. Each counts every message, refused ones too, so a flood
    held back by the minute's limit still spends the hour's budget."""

    def __init__(self, *limits: RateLimit) -> None:
        self.limits = limits

    async def wait(self, who: str) -> Optional[float]:
        waits = [await limit.wait(who) for limit in self.limits]
        refused = [wait for wait in waits if wait is not None]
        return max(refused) if refused else None
