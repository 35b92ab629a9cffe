"""Role feeds against a real web server on loopback whose feeds change between polls: conditional
requests (ETag and Last-Modified answered by 304), one role per posting, expiry by validThrough,
feeds going bad in every way without losing the good roles, two feeds side by side, the
catalog service polling in the background, and the operator's `poll-feeds` command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from core.settings import ROOT
from catalog import db, feeds, models, search
from tests.catalog.conftest import BACKENDS, FILES, Server, _database

TODAY = dt.date.today()


def posting(identifier: str | None, title: str, zip_code: str = "93701", valid_days: int | None = 30,
            url: str | None = None) -> dict:
    item = {
        "@type": "JobPosting", "title": title, "occupationalCategory": "31-9092.00",
        "hiringOrganization": {"@type": "Organization", "name": "Example Clinic"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "postalCode": zip_code}},
        "datePosted": str(TODAY - dt.timedelta(days=3)),
        "url": url or f"https://jobs.example.org/{identifier or title.replace(' ', '-').lower()}",
    }
    if identifier:
        item["identifier"] = {"@type": "PropertyValue", "name": "Example", "value": identifier}
    if valid_days is not None:
        item["validThrough"] = str(TODAY + dt.timedelta(days=valid_days))
    return item


def item_list(*postings: dict) -> bytes:
    return json.dumps({"@context": "https://schema.org", "@type": "ItemList",
                       "itemListElement": [{"@type": "ListItem", "position": i + 1, "item": p}
                                           for i, p in enumerate(postings)]}).encode()


@dataclasses.dataclass
class Feed:
    """What the server answers for one path; a test edits it between polls."""

    body: bytes = b"[]"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0


class FeedServer:
    def __init__(self):
        self.feeds: dict[str, Feed] = {}
        self.requests: list[tuple[str, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                outer.requests.append((self.path, dict(self.headers)))
                feed = outer.feeds.get(self.path)
                if feed is None:
                    self.send_error(404)
                    return
                fresh_etag = feed.etag and self.headers.get("If-None-Match") == feed.etag
                fresh_date = feed.last_modified and self.headers.get("If-Modified-Since") == feed.last_modified
                if feed.status == 200 and (fresh_etag or (fresh_date and not feed.etag)):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(feed.status)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(feed.body)))
                if feed.etag:
                    self.send_header("ETag", feed.etag)
                if feed.last_modified:
                    self.send_header("Last-Modified", feed.last_modified)
                self.end_headers()
                if feed.delay:
                    # Dribble the body out so the download runs past its time limit.
                    for start in range(0, len(feed.body), 16):
                        self.wfile.write(feed.body[start:start + 16])
                        self.wfile.flush()
                        time.sleep(feed.delay)
                else:
                    self.wfile.write(feed.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def conditional(self, path: str) -> list[dict]:
        """Headers of the requests for `path` that were conditional."""
        return [h for p, h in self.requests if p == path and ("If-None-Match" in h or "If-Modified-Since" in h)]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site():
    server = FeedServer()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def sessions(request, tmp_path_factory):
    urls = _database(request.param, tmp_path_factory)
    engine = db.make_engine(next(urls))
    db.migrate(engine)
    yield db.session_factory(engine)
    engine.dispose()
    next(urls, None)


def roles_of(sessions, url: str) -> dict[str, tuple[int, str]]:
    """source_id -> (row id, title) of a feed's roles."""
    with sessions() as session:
        rows = session.execute(select(models.Role.source_id, models.Role.id, models.Role.title)
                               .where(models.Role.source == feeds.source_of(url)))
        return {source_id: (row_id, title) for source_id, row_id, title in rows}


def role_documents(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(models.SearchDocument).where(models.SearchDocument.kind == "role"))


def by_url(results: list[feeds.FeedResult]) -> dict[str, feeds.FeedResult]:
    return {r.url: r for r in results}


def test_two_feeds_conditional_requests_one_role_per_posting_and_expiry(site, sessions):
    a, b = site.url("/a.jsonld"), site.url("/b.json")
    site.feeds["/a.jsonld"] = Feed(item_list(
        posting("a1", "Medical Assistant"),
        posting("a2", "Expired Job", valid_days=-1),
        posting(None, "Front Desk", url="https://jobs.example.org/front-desk"),
        posting("a1", "Medical Assistant (Entry Level)"),  # the same posting again: one role, the later copy
    ), etag='"a-1"')
    # Feed b has no ETag, only Last-Modified.
    site.feeds["/b.json"] = Feed(json.dumps([posting("b1", "Phlebotomist", zip_code="98101")]).encode(),
                                 last_modified="Mon, 30 Nov 2026 08:00:00 GMT")

    first = by_url(feeds.poll(sessions, [a, b]))
    assert (first[a].status, first[a].roles) == ("updated", 2)
    assert (first[b].status, first[b].roles) == ("updated", 1)
    roles_a = roles_of(sessions, a)
    assert set(roles_a) == {"a1", "https://jobs.example.org/front-desk"}  # the expired one is not kept
    assert roles_a["a1"][1] == "Medical Assistant (Entry Level)"
    assert role_documents(sessions) == 3

    # Unchanged: both answer 304 to conditional requests and nothing changes.
    second = by_url(feeds.poll(sessions, [a, b]))
    assert second[a].status == second[b].status == "not_modified"
    assert site.conditional("/a.jsonld")[-1]["If-None-Match"] == '"a-1"'
    assert site.conditional("/b.json")[-1]["If-Modified-Since"] == "Mon, 30 Nov 2026 08:00:00 GMT"
    assert roles_of(sessions, a) == roles_a

    # The feed changes: a1 is updated in place, the front desk job is gone, a3 is new.
    site.feeds["/a.jsonld"] = Feed(item_list(posting("a1", "Medical Assistant II"), posting("a3", "Scrub Tech")),
                                   etag='"a-2"')
    third = by_url(feeds.poll(sessions, [a, b]))
    assert (third[a].status, third[a].roles, third[b].status) == ("updated", 2, "not_modified")
    now = roles_of(sessions, a)
    assert set(now) == {"a1", "a3"}
    assert now["a1"] == (roles_a["a1"][0], "Medical Assistant II")  # same row, new title
    assert role_documents(sessions) == 3

    # A day after b1's validThrough it is removed even though its feed did not change.
    later = TODAY + dt.timedelta(days=31)
    by_url(feeds.poll(sessions, [a, b], today=later))
    assert roles_of(sessions, b) == {}
    with sessions() as session:
        assert session.get(models.RoleFeed, feeds.source_of(b)).status == "not_modified"


BAD_FEEDS = {
    "server error": Feed(b"oops", status=500),
    "not found": Feed(b"", status=404),
    "invalid JSON": Feed(b'{"@type": "ItemList", "itemListElement": [', etag='"bad-1"'),
    "not JobPostings": Feed(json.dumps({"@type": "Organization", "name": "Example"}).encode()),
    "a list of strings": Feed(b'["a", "b"]'),
    "an empty list": Feed(item_list()),
    "half valid": Feed(item_list(posting("a9", "New Good Job"), posting("a8", "Bad Zip", zip_code="9370"))),
    "too large": Feed(item_list(*[posting(f"x{i}", "Medical Assistant " + "x" * 200) for i in range(80)])),
    "too slow": Feed(item_list(posting("a7", "Slow Job")), delay=0.3),
}


@pytest.mark.parametrize("problem", list(BAD_FEEDS))
def test_a_bad_feed_keeps_its_roles_and_the_other_feeds_go_on(site, sessions, problem):
    a, b = site.url("/a"), site.url("/b")
    site.feeds["/a"] = Feed(item_list(posting("a1", "Medical Assistant"), posting("a2", "Phlebotomist")), etag='"a-1"')
    site.feeds["/b"] = Feed(item_list(posting("b1", "Caregiver")), etag='"b-1"')
    feeds.poll(sessions, [a, b])
    good_a = roles_of(sessions, a)
    assert len(good_a) == 2

    site.feeds["/a"] = BAD_FEEDS[problem]
    site.feeds["/b"] = Feed(item_list(posting("b1", "Caregiver"), posting("b2", "Home Health Aide")), etag='"b-2"')
    results = by_url(feeds.poll(sessions, [a, b], timeout=1.0, max_bytes=10_000))
    assert results[a].status == "failed" and results[a].error
    assert results[a].roles == 2
    assert roles_of(sessions, a) == good_a  # nothing erased, nothing half-written
    assert (results[b].status, results[b].roles) == ("updated", 2)  # the other feed is unaffected
    with sessions() as session:
        state = session.get(models.RoleFeed, feeds.source_of(a))
        assert state.status == "failed" and state.roles == 2 and state.etag == '"a-1"'

    # Good again: replaced as usual (asked conditionally with the last good fetch's ETag).
    site.feeds["/a"] = Feed(item_list(posting("a1", "Medical Assistant")), etag='"a-3"')
    after = by_url(feeds.poll(sessions, [a, b]))
    assert (after[a].status, after[a].roles) == ("updated", 1)
    assert site.conditional("/a")[-1]["If-None-Match"] == '"a-1"'


def test_a_feed_taken_off_the_list_loses_its_roles(site, sessions):
    a, b = site.url("/a"), site.url("/b")
    site.feeds["/a"] = Feed(item_list(posting("a1", "Medical Assistant")))
    site.feeds["/b"] = Feed(item_list(posting("b1", "Caregiver")))
    feeds.poll(sessions, [a, b])
    feeds.poll(sessions, [b], all_feeds=False)  # polling one feed by hand leaves the others alone
    assert len(roles_of(sessions, a)) == 1
    feeds.poll(sessions, [b])
    assert roles_of(sessions, a) == {} and len(roles_of(sessions, b)) == 1


def served(sessions) -> dict[tuple[str, str], str]:
    """(title, url) -> the feed source of every role the API serves (search.roles_near's query),
    each posting once."""
    with sessions() as session:
        query, _ = search.roles_near(session, state="CA", today=TODAY)
        roles = list(session.scalars(query))
    found = {(role.title, role.data.get("url")): role.source for role in roles}
    assert len(found) == len(roles), [(role.title, role.source) for role in roles]
    return found


def test_a_posting_in_two_feeds_is_served_once_from_the_feed_listed_first(site, sessions):
    a, b = site.url("/a"), site.url("/b")
    site.feeds["/a"] = Feed(item_list(
        posting("x1", "Medical Assistant", url="https://jobs.example.org/ma"),
        posting(None, "Front Desk", url="https://jobs.example.org/front-desk"),
    ))
    site.feeds["/b"] = Feed(item_list(
        posting("x1", "Medical Assistant", url="https://board.example.com/ma-copy"),  # same identifier
        posting("b2", "Front Desk", url="https://jobs.example.org/front-desk"),  # same url
        posting("b3", "Phlebotomist"),
    ))
    feeds.poll(sessions, [a, b])
    first = served(sessions)
    assert sorted(title for title, _ in first) == ["Front Desk", "Medical Assistant", "Phlebotomist"]
    assert first[("Medical Assistant", "https://jobs.example.org/ma")] == feeds.source_of(a)
    assert first[("Front Desk", "https://jobs.example.org/front-desk")] == feeds.source_of(a)
    # Every copy is kept: the other feed's takes over as soon as it is the only one.
    assert len(roles_of(sessions, b)) == 3
    # The same feeds listed the other way round: the other feed's copies are served.
    feeds.poll(sessions, [b, a])
    swapped = served(sessions)
    assert len(swapped) == 3 and set(swapped.values()) == {feeds.source_of(b)}
    assert ("Medical Assistant", "https://board.example.com/ma-copy") in swapped
    # Polling again changes nothing; polling one feed by hand keeps the order.
    feeds.poll(sessions, [b, a])
    feeds.poll(sessions, [a], all_feeds=False)
    assert served(sessions) == swapped
    # The feed listed first drops the posting: the other feed's copy is served.
    site.feeds["/b"] = Feed(item_list(posting("b3", "Phlebotomist")))
    feeds.poll(sessions, [b, a])
    after = served(sessions)
    assert after[("Medical Assistant", "https://jobs.example.org/ma")] == feeds.source_of(a)
    assert len(after) == 3


def wait_for(check, seconds: float = 20.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the catalog to poll its feeds")


def test_the_service_polls_in_the_background_and_drops_the_demo_roles(site, small_database_url):
    site.feeds["/jobs"] = Feed(item_list(posting("j1", "Medical Assistant"),
                                         posting("j2", "Phlebotomist", valid_days=0)), etag='"1"')
    catalog = Server(small_database_url, secrets.token_urlsafe(8), FILES,
                     role_feeds=(site.url("/jobs"),), role_feeds_interval=0.5)
    try:
        def titles():
            answer = catalog.client.get("/roles", params={"per_page": 50}).json()
            return sorted(r["title"] for r in answer["items"]) if answer["items"] else None

        assert wait_for(titles) == ["Medical Assistant", "Phlebotomist"]
        roles = catalog.client.get("/roles", params={"zip": "93701"}).json()["items"]
        # The demo roles of the seed files are gone.
        assert all(r["demo"] is False and r["notice"] is None for r in roles)
        assert roles[0]["url"].startswith("https://jobs.example.org/")
        # A role valid through today is still shown today; the feed changes and the catalog follows.
        site.feeds["/jobs"] = Feed(item_list(posting("j1", "Medical Assistant II")), etag='"2"')
        assert wait_for(lambda: titles() == ["Medical Assistant II"] or None)
        assert site.conditional("/jobs")
    finally:
        catalog.stop()
    with catalog.app.state.sessions() as session:
        assert not session.scalar(select(func.count()).select_from(models.Role).where(models.Role.demo.is_(True)))


def test_demo_roles_are_labelled_wherever_they_are_shown(api):
    """Without feeds (`make run`), the seed's example roles are served, each marked as an example."""
    notice = "This listing is an example, not a real opening."
    roles = api.get("/roles", params={"zip": "93701"}).json()["items"]
    assert roles and all(r["demo"] is True and r["notice"] == notice for r in roles)
    matched = api.post("/match", json={"profile": {"zip": "93701", "age": 30}, "kinds": ["role"], "limit": 3}).json()
    items = matched["items"]
    assert items and all(i["record"]["demo"] is True and notice in i["why"] for i in items)
    plan = api.post("/pathway", json={"profile": {"zip": "93701", "age": 30}, "occupation": "medical assistant"}).json()
    assert plan["roles"] and all(r["notice"] == notice for r in plan["roles"])
    assert "example listings (not real openings)" in plan["steps"][-1]["detail"]


def run_poll_feeds(database_url: str, feeds_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CATALOG_DATABASE_URL": database_url, "ROLE_FEEDS": feeds_env,
           "ROLE_FEEDS_TIMEOUT_SECONDS": "5", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ops", "poll-feeds"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_poll_feeds_command(site, tmp_path):
    database_url = f"sqlite:///{tmp_path / 'catalog.db'}"
    site.feeds["/a"] = Feed(item_list(posting("a1", "Medical Assistant")), etag='"1"')
    site.feeds["/b"] = Feed(b"not json")
    # Comma and space separated, as an operator may write them.
    done = run_poll_feeds(database_url, f"{site.url('/a')}, {site.url('/b')}")
    assert done.returncode == 1, done.stderr
    assert f"updated {site.url('/a')}: 1 roles" in done.stdout
    assert f"FAILED  {site.url('/b')}: not valid JSON" in done.stdout
    assert "2 feeds: 1 ok, 1 failed" in done.stdout
    done = run_poll_feeds(database_url, site.url("/a"))
    assert done.returncode == 0 and f"same    {site.url('/a')}: 1 roles" in done.stdout
