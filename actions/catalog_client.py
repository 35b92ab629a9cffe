"""The one way actions talk to the catalog service: HTTP with `requests`, per docs/catalog-api.md."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any, Optional

import requests
from requests.adapters import HTTPAdapter

from bot import settings as bot_settings

log = logging.getLogger(__name__)


class CatalogUnavailable(Exception):
    """The catalog could not be reached or failed on its side; the person gets a polite 'try later'."""


class CatalogError(Exception):
    """The catalog refused the request (4xx); `detail` is its plain sentence saying why."""

    def __init__(self, status: int, detail: str):
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class CatalogClient:
    """One pooled session, so the action server reuses connections instead of opening one per turn."""

    def __init__(self, base_url: str, api_key: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def request(self, method: str, path: str, *, params: Optional[dict] = None,
                json: Any = None, keyed: bool = False) -> Any:
        headers = {"Accept": "application/json"}
        if keyed:
            headers["X-API-Key"] = self.api_key
        params = {k: v for k, v in (params or {}).items() if v is not None}
        url = self.base_url + path
        # One retry: a connection dropped by a restarting catalog or a passing 5xx usually heals at
        # once. A read timeout is not retried: the catalog may still be working on the request, and
        # doubling the wait would keep the person waiting too long.
        for attempt in (1, 2):
            try:
                response = self.session.request(method, url, params=params, json=json,
                                                 headers=headers, timeout=self.timeout)
            except requests.ConnectionError as error:
                log.warning("catalog %s %s: connection failed (try %d): %s", method, path, attempt, error)
                if attempt == 2:
                    raise CatalogUnavailable(str(error)) from error
                continue
            except requests.RequestException as error:
                log.warning("catalog %s %s failed: %s", method, path, error)
                raise CatalogUnavailable(str(error)) from error
            if response.status_code >= 500:
                log.warning("catalog %s %s: status %d (try %d)", method, path, response.status_code, attempt)
                if attempt == 2:
                    raise CatalogUnavailable(f"status {response.status_code}")
                continue
            if response.status_code >= 400:
                raise CatalogError(response.status_code, _detail(response))
            try:
                return response.json()
            except ValueError as error:
                raise CatalogUnavailable("the catalog answered with something that is not JSON") from error
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.session.close()


def _detail(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return detail if isinstance(detail, str) else f"The catalog refused the request ({response.status_code})."


_lock = threading.Lock()
_clients: dict[tuple, CatalogClient] = {}


def client() -> CatalogClient:
    """The client for the current settings. Settings are read on every call so a changed
    environment (another catalog URL or key) takes effect without restarting the action server."""
    current = bot_settings.load()
    wanted = (current.catalog_base_url, current.catalog_api_key, current.catalog_timeout_seconds)
    with _lock:
        found = _clients.get(wanted)
        if found is None:
            found = _clients[wanted] = CatalogClient(*wanted)
        return found


async def call(method: str, path: str, **kwargs: Any) -> Any:
    """`CatalogClient.request` off the event loop: requests blocks, and the action server is async."""
    return await asyncio.to_thread(client().request, method, path, **kwargs)
