"""The one way actions talk to the catalog service: HTTP with `requests`, per docs/catalog-api.md.

A person waits on every call, so each one has a total deadline (CATALOG_TIMEOUT_SECONDS, retry
included) and a short connect timeout. A catalog that is paused or stuck accepts connections and
never answers; after one call timed out, a circuit breaker opens: the next call first asks the
catalog's health URL with a short timeout (CATALOG_PROBE_SECONDS). A catalog that was only slow
answers it, the breaker closes and the call goes on, so one slow call costs one turn, not several;
a catalog still stuck fails the probe, and calls then fail at once for CATALOG_BREAKER_SECONDS
before the next probe.

When the catalog cannot answer, a guide answer given earlier to the very same question (the same
facts) is served again, marked with the day it was given (`SAVED_NOTE`).
"""

from __future__ import annotations

import asyncio
import copy
import json as json_module
import logging
import threading
import time
from collections import OrderedDict
from datetime import datetime, timezone
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
    """Closed until a call times out. Open, it lets one quick probe through (`allow()` returns
    "probe"; everyone else fails fast meanwhile): a probe that succeeds closes it, one that fails
    keeps it failing calls for `pause` seconds before the next probe. Thread-safe: calls run in
    worker threads."""

    def __init__(self, pause: float, clock=time.monotonic):
        self.pause = pause
        self.clock = clock
        self._lock = threading.Lock()
        self._open = False
        self._next_probe = 0.0
        self._probe_running = False

    def allow(self) -> str:
        """"call" (closed), "probe" (this caller probes first) or "fail" (fail at once)."""
        with self._lock:
            if not self._open:
                return "call"
            if self._probe_running or self.clock() < self._next_probe:
                return "fail"
            self._probe_running = True
            return "probe"

    def timed_out(self) -> None:
        """A call timed out: the next caller probes at once (the catalog may have been slow only)."""
        with self._lock:
            self._open, self._probe_running, self._next_probe = True, False, self.clock()

    def probe_failed(self) -> None:
        with self._lock:
            self._open, self._probe_running = True, False
            self._next_probe = self.clock() + self.pause

    def answered(self) -> None:
        """The catalog answered (whatever it said): it is alive."""
        with self._lock:
            self._open, self._probe_running, self._next_probe = False, False, 0.0

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._open


class CatalogClient:
    """One pooled session, so the action server reuses connections instead of opening one per turn."""

    def __init__(self, base_url: str, api_key: str, timeout: float, connect_timeout: float = 0.5,
                 breaker_seconds: float = 5.0, probe_seconds: float = 0.3):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.probe_seconds = probe_seconds
        self.breaker = Breaker(breaker_seconds)
        self.saved = SavedAnswers()
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def request(self, method: str, path: str, *, params: Optional[dict] = None,
                json: Any = None, keyed: bool = False) -> Any:
        allowed = self.breaker.allow()
        if allowed == "fail":
            raise CatalogUnavailable("the catalog timed out a moment ago; not waiting on it again yet")
        if allowed == "probe" and not self.alive():
            self.breaker.probe_failed()
            raise CatalogUnavailable("the catalog is still not answering its health check")
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

    def alive(self) -> bool:
        """Whether the catalog's health URL answers within the probe's short timeout."""
        try:
            answer = self.session.get(f"{self.base_url}/healthz", timeout=self.probe_seconds)
        except requests.RequestException:
            return False
        return answer.status_code == 200

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


SAVED_NOTE = "(Saved answer from {day}. I can't check for updates right now.)"
# Only the guide's answers are saved: they are the same for the same question and facts.
SAVED_PATHS = ("/guide/",)
SAVED_MAX = 512
SAVED_MAX_AGE_SECONDS = 7 * 24 * 3600


class SavedAnswers:
    """The latest answers to guide questions, kept in memory (at most SAVED_MAX, each at most
    SAVED_MAX_AGE_SECONDS old): the key holds the person's facts, so nothing outlives a restart."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._answers: OrderedDict[str, tuple[Any, datetime]] = OrderedDict()

    @staticmethod
    def key(method: str, path: str, kwargs: dict[str, Any]) -> Optional[str]:
        if not path.startswith(SAVED_PATHS) or kwargs.get("keyed"):
            return None
        return json_module.dumps([method, path, kwargs.get("params"), kwargs.get("json")], sort_keys=True, default=str)

    def remember(self, key: Optional[str], answer: Any) -> None:
        if key is None:
            return
        with self._lock:
            self._answers[key] = (copy.deepcopy(answer), datetime.now(timezone.utc))
            self._answers.move_to_end(key)
            while len(self._answers) > SAVED_MAX:
                self._answers.popitem(last=False)

    def recall(self, key: Optional[str]) -> Optional[Any]:
        """The saved answer marked with its day, or None."""
        with self._lock:
            found = self._answers.get(key) if key is not None else None
        if found is None:
            return None
        answer, when = found
        if (datetime.now(timezone.utc) - when).total_seconds() > SAVED_MAX_AGE_SECONDS:
            return None
        answer = copy.deepcopy(answer)
        if isinstance(answer, dict) and isinstance(answer.get("lines"), list):
            answer["lines"].append(SAVED_NOTE.format(day=f"{when:%d %B %Y}".lstrip("0")))
        return answer


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
              current.catalog_connect_timeout_seconds, current.catalog_breaker_seconds,
              current.catalog_probe_seconds)
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
    key = catalog.saved.key(method, path, kwargs)
    try:
        try:
            answer = await asyncio.wait_for(
                asyncio.to_thread(catalog.request, method, path, **kwargs),
                timeout=catalog.timeout + DEADLINE_GRACE_SECONDS,
            )
        except asyncio.TimeoutError as error:
            catalog.breaker.timed_out()
            raise CatalogUnavailable("the catalog did not answer in time") from error
    except CatalogUnavailable:
        saved = catalog.saved.recall(key)
        if saved is None:
            raise
        log.info("catalog %s %s unavailable: served the answer saved for the same question", method, path)
        return saved
    catalog.saved.remember(key, answer)
    return answer
