"""The one way actions talk to the catalog service: HTTP with `requests`, per docs/catalog-api.md.

A person waits on every call, so each one has a total deadline (CATALOG_TIMEOUT_SECONDS, retry
included) and a short connect timeout. A catalog that is paused or stuck accepts connections and
never answers; after one call timed out, a circuit breaker fails the next calls at once for
CATALOG_BREAKER_SECONDS instead of making every turn wait out the deadline again, then lets one
call through to see whether the catalog is back.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any, Optional

import requests
from requests.adapters import HTTPAdapter

from core import settings as bot_settings

log = logging.getLogger(__name__)


class CatalogUnavailable(Exception):
    """The catalog could not be reached or failed on its side; the person gets a polite 'try later'."""


class CatalogError(Exception):
    """The catalog refused the request (4xx); `detail` is its plain sentence saying why."""

    def __init__(self, status: int, detail: str):
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class Breaker:
    """Open for `pause` seconds after a timeout; then one trial call, which closes it on success
    or opens it again on another timeout. Thread-safe: calls run in worker threads."""

    def __init__(self, pause: float, clock=time.monotonic):
        self.pause = pause
        self.clock = clock
        self._lock = threading.Lock()
        self._open_until: Optional[float] = None
        self._trial_running = False

    def allow(self) -> bool:
        with self._lock:
            if self._open_until is None:
                return True
            if self.clock() < self._open_until or self._trial_running:
                return False
            self._trial_running = True
            return True

    def timed_out(self) -> None:
        with self._lock:
            self._open_until = self.clock() + self.pause
            self._trial_running = False

    def answered(self) -> None:
        """The catalog answered (whatever it said): it is alive."""
        with self._lock:
            self._open_until = None
            self._trial_running = False

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._open_until is not None


class CatalogClient:
    """One pooled session, so the action server reuses connections instead of opening one per turn."""

    def __init__(self, base_url: str, api_key: str, timeout: float, connect_timeout: float = 0.5,
                 breaker_seconds: float = 5.0):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.breaker = Breaker(breaker_seconds)
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def request(self, method: str, path: str, *, params: Optional[dict] = None,
                json: Any = None, keyed: bool = False) -> Any:
        if not self.breaker.allow():
            raise CatalogUnavailable("the catalog timed out a moment ago; not waiting on it again yet")
        deadline = time.monotonic() + self.timeout
        try:
            answer = self._request(method, path, params, json, keyed, deadline)
        except requests.Timeout as error:
            self.breaker.timed_out()
            log.warning("catalog %s %s: no answer within %.1f s; not waiting on it for %.0f s",
                        method, path, self.timeout, self.breaker.pause)
            raise CatalogUnavailable("the catalog did not answer in time") from error
        except BaseException:
            self.breaker.answered()  # refused or failed quickly: nothing to stop waiting on
            raise
        self.breaker.answered()
        return answer

    def _request(self, method: str, path: str, params: Optional[dict], json: Any, keyed: bool,
                 deadline: float) -> Any:
        headers = {"Accept": "application/json"}
        if keyed:
            headers["X-API-Key"] = self.api_key
        params = {k: v for k, v in (params or {}).items() if v is not None}
        url = self.base_url + path
        # One retry, within the same deadline: a connection dropped by a restarting catalog or a
        # passing 5xx usually heals at once. A timeout is not retried: the catalog may still be
        # working on the request, and the person has waited long enough.
        for attempt in (1, 2):
            left = deadline - time.monotonic()
            if left <= 0:
                raise requests.Timeout("no time left for another try")
            try:
                response = self.session.request(
                    method, url, params=params, json=json, headers=headers,
                    timeout=(min(self.connect_timeout, left), left),
                )
            except requests.Timeout:
                raise
            except requests.ConnectionError as error:
                # The error's text quotes the query string (ZIP codes, ages): log its kind only.
                log.warning("catalog %s %s: connection failed (try %d): %s", method, path, attempt,
                            type(error).__name__)
                if attempt == 2:
                    raise CatalogUnavailable(type(error).__name__) from error
                continue
            except requests.RequestException as error:
                log.warning("catalog %s %s failed: %s", method, path, type(error).__name__)
                raise CatalogUnavailable(type(error).__name__) from error
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


# Lets the worker thread's own timeout end the call first (it logs why); the wait is the backstop.
DEADLINE_GRACE_SECONDS = 0.1

_lock = threading.Lock()
_clients: dict[tuple, CatalogClient] = {}


def client() -> CatalogClient:
    """The client for the current settings. Settings are read on every call so a changed
    environment (another catalog URL or key) takes effect without restarting the action server;
    reading them costs microseconds, next to milliseconds for the call itself."""
    current = bot_settings.load()
    wanted = (current.catalog_base_url, current.catalog_key_for_bot, current.catalog_timeout_seconds,
              current.catalog_connect_timeout_seconds, current.catalog_breaker_seconds)
    with _lock:
        found = _clients.get(wanted)
        if found is None:
            found = _clients[wanted] = CatalogClient(*wanted)
        return found


async def call(method: str, path: str, **kwargs: Any) -> Any:
    """`CatalogClient.request` off the event loop: requests blocks, and the action server is async.

    The thread's own timeouts end a hung call; the wait here is the guarantee that the action
    goes on at the deadline even if socket operations overran it (a slow connect, then a read)."""
    catalog = client()
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(catalog.request, method, path, **kwargs),
            timeout=catalog.timeout + DEADLINE_GRACE_SECONDS,
        )
    except asyncio.TimeoutError as error:
        catalog.breaker.timed_out()
        raise CatalogUnavailable("the catalog did not answer in time") from error
