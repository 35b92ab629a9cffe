"""Open roles from schema.org JobPosting feeds (ROLE_FEEDS), polled while the catalog runs and by
`python -m ops poll-feeds`.

Each feed's roles are replaced in one transaction, and only by a good fetch: an HTTP error, a
timeout, a body too large, invalid JSON, something that is not JobPostings, or one bad posting in
the list leaves the roles of the last good fetch as they were (they still expire by their
`validThrough`). Requests are conditional (the ETag and Last-Modified of the last good fetch), so
an unchanged feed costs a 304. A posting is one role, known by its `identifier` (or its `url`):
a new fetch updates it in place. A posting two feeds list (same identifier or same url) is served
once: the copy of the feed listed first in ROLE_FEEDS; the others are kept, marked `duplicate`, and
take over when that feed drops the posting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass

import httpx
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from catalog import models, readers, writers
from catalog.records import RoleIn

log = logging.getLogger(__name__)
USER_AGENT = "HealthCareersGuide-role-feeds/1.0 (reads JobPosting feeds for a career guide)"
ACCEPT = "application/ld+json, application/json;q=0.9, */*;q=0.1"


class FeedError(Exception):
    def __init__(self, message: str, http_status: int | None = None):
        super().__init__(message)
        self.http_status = http_status


@dataclass
class FeedResult:
    url: str
    source: str
    status: str  # updated, not_modified, failed
    roles: int  # roles the catalog holds from this feed now
    http_status: int | None = None
    error: str | None = None

    def line(self) -> str:
        if self.status == "failed":
            return f"FAILED  {self.url}: {self.error}; kept its {self.roles} roles from the last good fetch"
        word = "updated " if self.status == "updated" else "same    "
        return f"{word}{self.url}: {self.roles} roles"


def source_of(url: str) -> str:
    """The `source` of a feed's roles: stable for a URL and short enough for the column."""
    return "feed-" + hashlib.sha256(url.encode()).hexdigest()[:16]


def download(client: httpx.Client, url: str, headers: dict, timeout: float, max_bytes: int) -> tuple[httpx.Response, bytes | None]:
    """The feed's response and body (None for 304). The timeout covers the whole download, so a
    server that sends a byte at a time cannot hold a poll for ever."""
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return response, None
            if response.status_code >= 300:
                raise FeedError(f"HTTP {response.status_code}", response.status_code)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FeedError(f"the feed is larger than {max_bytes:,} bytes", response.status_code)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FeedError(f"the feed is larger than {max_bytes:,} bytes", response.status_code)
                if time.monotonic() > deadline:
                    raise FeedError(f"the download took longer than {timeout:g} s", response.status_code)
            return response, bytes(body)
    except httpx.TimeoutException:
        raise FeedError(f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise FeedError(f"{type(error).__name__}: {error}") from None


def one_per_posting(roles: list[dict]) -> list[dict]:
    """A posting listed twice (same identifier, or same link) is one role: the later copy wins."""
    by_key = {role.get("source_id"): role for role in roles}
    by_url = {role.get("url") or ("key", key): role for key, role in by_key.items()}
    return list(by_url.values())


def parse(body: bytes, name: str) -> list[RoleIn]:
    """Every posting of a feed, validated; any problem refuses the whole feed."""
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise FeedError(f"not valid JSON ({error})") from None
    try:
        _, roles = readers.read_jobpostings(document, name)
        if not roles:
            # An empty list is more often a broken export than a board with no openings.
            raise FeedError("the feed lists no job postings")
        return readers.validate(name, RoleIn, one_per_posting(roles))
    except readers.CatalogImportError as error:
        raise FeedError(str(error)) from None


def replace_roles(session: Session, source: str, roles: list[RoleIn], today: dt.date) -> int:
    """Make the feed's roles exactly these (the expired left out); returns how many."""
    live = [role for role in roles if role.valid_through is None or role.valid_through >= today]
    writers.write_roles(session, source, live)
    keep = {role.source_id for role in live}
    old = session.execute(select(models.Role.id, models.Role.source_id).where(models.Role.source == source)).all()
    writers.delete_roles(session, [role_id for role_id, source_id in old if source_id not in keep])
    return len(live)


def remove_expired(session: Session, today: dt.date) -> int:
    """Delete feed roles whose validThrough has passed (the API already stopped showing them)."""
    sources = select(models.RoleFeed.source)
    ids = list(session.scalars(select(models.Role.id).where(
        models.Role.source.in_(sources), models.Role.valid_through < today)))
    writers.delete_roles(session, ids)
    return len(ids)


def remove_demo_roles(session: Session) -> int:
    """Delete the demo roles: a catalog with real feeds never mixes examples in."""
    ids = list(session.scalars(select(models.Role.id).where(models.Role.demo.is_(True))))
    writers.delete_roles(session, ids)
    return len(ids)


def _count(session: Session, source: str) -> int:
    return session.scalar(select(func.count()).select_from(models.Role).where(models.Role.source == source)) or 0


def _save_state(session: Session, url: str, result: FeedResult, now: dt.datetime,
                response: httpx.Response | None = None, count: int | None = None) -> None:
    """Remember how the poll went; after a good fetch, also its validators and role count."""
    state = session.get(models.RoleFeed, result.source) or models.RoleFeed(source=result.source, roles=0)
    state.url, state.checked_at, state.status = url, now, result.status
    state.http_status, state.error = result.http_status, result.error
    if response is not None and count is not None:
        state.roles, state.fetched_at = count, now
        state.etag, state.last_modified = response.headers.get("etag"), response.headers.get("last-modified")
    session.merge(state)


def poll_feed(sessions: sessionmaker, client: httpx.Client, url: str, timeout: float, max_bytes: int,
              today: dt.date, now: dt.datetime) -> FeedResult:
    result = FeedResult(url, source_of(url), "failed", 0)
    headers = {}
    with sessions() as session:
        state = session.get(models.RoleFeed, result.source)
        # Conditional only when the roles of that fetch are what the catalog holds.
        if state is not None and state.fetched_at is not None:
            if state.etag:
                headers["If-None-Match"] = state.etag
            if state.last_modified:
                headers["If-Modified-Since"] = state.last_modified
    response = roles = None
    try:
        response, body = download(client, url, headers, timeout, max_bytes)
        result.http_status = response.status_code
        roles = parse(body, url) if body is not None else None
    except FeedError as error:
        result.error, result.http_status = str(error)[:500], error.http_status or result.http_status
        response = None
    if roles is not None:
        try:
            with sessions() as session, session.begin():
                result.status = "updated"
                _save_state(session, url, result, now, response, replace_roles(session, result.source, roles, today))
        except SQLAlchemyError as error:
            log.exception("storing the roles of %s failed", url)
            result.status, result.error = "failed", f"the roles could not be stored ({type(error).__name__})"
    elif response is not None:
        result.status = "not_modified"
    if result.status != "updated":
        with sessions() as session, session.begin():
            _save_state(session, url, result, now)
    with sessions() as session:
        result.roles = _count(session, result.source)
    return result


def retire(session: Session, urls: list[str]) -> int:
    """Delete the roles and state of feeds that are no longer listed; returns the roles deleted."""
    wanted = {source_of(url) for url in urls}
    gone = [feed.source for feed in session.scalars(select(models.RoleFeed)) if feed.source not in wanted]
    ids = list(session.scalars(select(models.Role.id).where(models.Role.source.in_(gone)))) if gone else []
    writers.delete_roles(session, ids)
    if gone:
        session.execute(delete(models.RoleFeed).where(models.RoleFeed.source.in_(gone)))
    return len(ids)


def place_feeds(session: Session, urls: list[str], all_feeds: bool) -> None:
    """Remember each feed's place in ROLE_FEEDS. A feed polled by hand that was never listed goes
    after the others; the places of the feeds polled with the whole list are kept."""
    states = {feed.source: feed for feed in session.scalars(select(models.RoleFeed))}
    last = max((feed.position for feed in states.values() if feed.position is not None), default=-1)
    for number, url in enumerate(dict.fromkeys(urls)):
        state = states.get(source_of(url))
        if state is None:
            continue
        if all_feeds:
            state.position = number
        elif state.position is None:
            last += 1
            state.position = last


def mark_duplicates(session: Session) -> int:
    """Serve each posting once across feeds: walking the feeds in their ROLE_FEEDS order (a role's
    row id breaks ties within a feed), a role whose identifier or url an earlier one has is marked
    a duplicate. Returns how many are."""
    order = {source: (position if position is not None else float("inf"), source)
             for source, position in session.execute(select(models.RoleFeed.source, models.RoleFeed.position))}
    if not order:
        return 0
    rows = session.execute(select(
        models.Role.id, models.Role.source, models.Role.source_id, models.Role.data["url"].as_string(), models.Role.duplicate,
    ).where(models.Role.source.in_(list(order)))).all()
    seen: set[tuple[str, str]] = set()
    changed: dict[bool, list[int]] = {True: [], False: []}
    count = 0
    for role_id, _source, source_id, url, was in sorted(rows, key=lambda row: (order[row[1]], row[0])):
        keys = {("identifier", source_id)} | ({("url", url)} if url else set())
        now = bool(keys & seen)
        seen |= keys
        count += now
        if now != was:
            changed[now].append(role_id)
    for value, ids in changed.items():
        for start in range(0, len(ids), writers.CHUNK):
            session.execute(update(models.Role).where(models.Role.id.in_(ids[start:start + writers.CHUNK])).values(duplicate=value))
    return count


def poll(sessions: sessionmaker, urls: list[str], *, timeout: float = 30.0, max_bytes: int = 20 * 1024 * 1024,
         today: dt.date | None = None, all_feeds: bool = True) -> list[FeedResult]:
    """Poll each feed once, then delete expired roles (and, when `urls` is the whole list, the
    roles of feeds no longer in it) and mark the postings another feed listed first also holds."""
    today = today or dt.date.today()
    now = dt.datetime.now(dt.timezone.utc)
    results = []
    with httpx.Client(follow_redirects=True, timeout=timeout,
                      headers={"User-Agent": USER_AGENT, "Accept": ACCEPT}) as client:
        for url in dict.fromkeys(urls):
            results.append(poll_feed(sessions, client, url, timeout, max_bytes, today, now))
    with sessions() as session, session.begin():
        if all_feeds:
            retire(session, urls)
        remove_expired(session, today)
        place_feeds(session, urls, all_feeds)
        mark_duplicates(session)
    return results


class Poller:
    """Polls the configured feeds in a background thread while the catalog serves: at start,
    then every `interval` seconds. A failure is logged and the next round comes as planned."""

    def __init__(self, sessions: sessionmaker, urls: tuple[str, ...], interval: float, timeout: float, max_bytes: int):
        if interval <= 0:
            raise ValueError(f"ROLE_FEEDS_INTERVAL must be more than 0 seconds, got {interval}")
        self.sessions, self.urls, self.interval = sessions, list(urls), interval
        self.timeout, self.max_bytes = timeout, max_bytes
        self.rounds = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="role-feeds", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for result in poll(self.sessions, self.urls, timeout=self.timeout, max_bytes=self.max_bytes):
                    (log.warning if result.status == "failed" else log.info)("role feed %s", result.line())
            except Exception:  # noqa: BLE001 - a database hiccup must not end polling for good
                log.exception("polling the role feeds failed; trying again in %s s", self.interval)
            self.rounds += 1
            self._stop.wait(self.interval)
