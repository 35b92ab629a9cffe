"""Sending texts through Twilio's Messages API with aiohttp, so a slow Twilio never stalls the
Rasa server's event loop (Rasa's own channel calls the blocking twilio client inside it)."""

from __future__ import annotations

import asyncio
import logging
from typing import Optional

import aiohttp

logger = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}


class SendError(RuntimeError):
    """Twilio did not accept a message; the text says why, without the number."""


async def _json(reply: aiohttp.ClientResponse) -> dict:
    try:
        payload = await reply.json(content_type=None)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


class TwilioSender:
    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str,
        api_base: str,
        timeout_seconds: float = 10.0,
        attempts: int = 3,
    ) -> None:
        self.url = f"{api_base.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self.auth = aiohttp.BasicAuth(account_sid, auth_token)
        self.from_number = from_number
        self.timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self.attempts = attempts
        self._session: Optional[aiohttp.ClientSession] = None

    def _http(self) -> aiohttp.ClientSession:
        # Made on first use, inside the running loop (Sanic starts its loop after channels load).
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self.timeout)
        return self._session

    async def send(self, to: str, body: str) -> str:
        """Sends one message; returns Twilio's message sid."""
        form = {"To": to, "From": self.from_number, "Body": body}
        for attempt in range(1, self.attempts + 1):
            try:
                async with self._http().post(self.url, data=form, auth=self.auth) as reply:
                    payload = await _json(reply)
                    if reply.status in (200, 201):
                        return str(payload.get("sid", ""))
                    if reply.status not in RETRY_STATUSES or attempt == self.attempts:
                        # Twilio's error text often quotes the number, so only its code is kept.
                        raise SendError(
                            f"Twilio refused a message: HTTP {reply.status}, "
                            f"error code {payload.get('code')}"
                        )
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                if attempt == self.attempts:
                    raise SendError(f"Twilio could not be reached: {exc!r}") from exc
            await asyncio.sleep(0.5 * attempt)
        raise SendError("unreachable")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
