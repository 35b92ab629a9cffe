"""verify-sources against a local web server on loopback: a page with the quoted passages (that
answers 304 to a conditional request), a page that lost one, a 404, a permanent redirect and a
page nothing is quoted from. The checks land in the catalog, whose API then returns a real
`last_verified` for the record whose sources passed, and says which records changed."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from catalog import verify
from core.settings import ROOT
from tests.catalog.conftest import FILES, Server

PAGES = {
    "/good": "<html><body><h1>Training</h1><p>You must be <b>18 or older</b>.</p>"
             "<script>var hidden = 'The fee is $900 per program.';</script><p>The fee is $900\n per program.</p></body></html>",
    "/edited": "<html><body><p>You must be 21 or older.</p></body></html>",
    "/new-home": "<html><body><p>Open to employees of Example Hospital.</p></body></html>",
    "/": "<html><body><p>Welcome to Example.</p></body></html>",
}
ETAG = '"v1"'


class Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, dict]] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        Handler.requests.append((self.path, dict(self.headers)))
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/new-home")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404)
            return
        if self.path == "/good" and self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        body = PAGES[self.path].encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/good":
            self.send_header("ETag", ETAG)
            self.send_header("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def catalog_files(tmp_path, site: str):
    folder = tmp_path / "catalog"
    folder.mkdir()
    shutil.copy(FILES / "occupations.yaml", folder / "occupations.yaml")
    (folder / "organizations.yaml").write_text(f"""source: test
records:
  - key: example_college
    name: Example College
    source_url: {site}/
    sources: ["{site}/"]
    recorded: 2026-11-01
""")
    (folder / "programs.yaml").write_text(f"""source: test
records:
  - key: good_course
    name: Good Course
    kind: training
    provider: example_college
    cost: {{tuition: 900, per: program, source: "{site}/good", quote: "The fee is $900 per program."}}
    eligibility:
      min_age: {{value: 18, source: "{site}/good", quote: "You must be 18 or older."}}
    source_url: {site}/good
    sources: ["{site}/good"]
    recorded: 2026-11-01
  - key: edited_course
    name: Edited Course
    kind: training
    eligibility:
      min_age: {{value: 18, source: "{site}/edited", quote: "You must be 18 or older."}}
    source_url: {site}/edited
    sources: ["{site}/edited"]
    recorded: 2026-11-01
  - key: gone_course
    name: Gone Course
    kind: training
    eligibility:
      min_age: {{value: 18, source: "{site}/gone", quote: "You must be 18 or older."}}
    source_url: {site}/gone
    sources: ["{site}/gone"]
    recorded: 2026-11-01
  - key: moved_course
    name: Moved Course
    kind: training
    eligibility:
      employees_only: {{value: true, source: "{site}/old", quote: "Open to employees of Example Hospital."}}
    source_url: {site}/old
    sources: ["{site}/old", "000_8c03b5a5078ccf22.txt"]
    recorded: 2026-11-01
""")
    return folder


def by_url(report: dict, site: str) -> dict:
    return {entry["url"].removeprefix(site): entry for entry in report["sources"]}


def test_verify_sources_reports_and_records_real_checks(small_database_url, site, tmp_path):
    catalog = Server(small_database_url, secrets.token_urlsafe(8), catalog_files(tmp_path, site))
    try:
        assert not [r.errors for r in catalog.import_results if r.errors]
        before = catalog.client.get("/programs/good_course").json()
        assert before["last_verified"] is None and before["verification"]["status"] == "unverified"
        assert before["as_of"] == "2026-11-01"

        first = verify.verify(catalog.engine, tmp_path / "report", now=dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc))
        checked = by_url(first, site)
        assert set(checked) == {"/", "/good", "/edited", "/gone", "/old"}
        assert checked["/good"]["status"] == "ok" and checked["/good"]["missing_quotes"] == []
        assert checked["/good"]["etag"] == ETAG and checked["/good"]["last_modified"] == "Mon, 02 Nov 2026 10:00:00 GMT"
        assert checked["/edited"]["status"] == "changed"
        assert checked["/edited"]["missing_quotes"] == ["You must be 18 or older."]
        assert checked["/gone"]["status"] == "dead" and checked["/gone"]["http_status"] == 404
        assert checked["/old"]["status"] == "moved" and checked["/old"]["final_url"] == f"{site}/new-home"
        assert checked["/"]["confirms_nothing"] is True
        assert first["summary"] == {"sources": 5, "ok": 2, "changed": 1, "dead": 1, "moved": 1, "confirm_nothing": 1}

        written = json.loads((tmp_path / "report" / "sources.json").read_text())
        assert written == first
        text = (tmp_path / "report" / "sources.md").read_text()
        assert f"- {site}/gone (404): HTTP 404; cited by program:gone_course" in text
        assert "missing: “You must be 18 or older.”" in text
        assert f"now at {site}/new-home" in text and f"{site}/ (home page)" in text

        # The API returns what the checks found.
        good = catalog.client.get("/programs/good_course").json()
        assert good["last_verified"] == "2026-11-30" and good["verification"]["status"] == "verified"
        assert catalog.client.get("/programs/edited_course").json()["verification"]["status"] == "changed"
        gone = catalog.client.get("/programs/gone_course").json()
        assert gone["verification"] == {"status": "dead", "last_verified": None, "as_of": "2026-11-01", "check_url": f"{site}/gone"}
        assert catalog.client.get("/programs/moved_course").json()["last_verified"] == "2026-11-30"
        # A home page nothing is quoted from can be reached, but verifies no fact.
        assert catalog.client.get("/organizations/example_college").json()["last_verified"] is None

        # The second run asks conditionally; the unchanged page answers 304 and stays verified.
        Handler.requests.clear()
        second = verify.verify(catalog.engine, tmp_path / "report", now=dt.datetime(2026, 12, 7, 9, tzinfo=dt.timezone.utc))
        asked = dict(Handler.requests)
        assert asked["/good"].get("If-None-Match") == ETAG
        assert asked["/good"].get("If-Modified-Since") == "Mon, 02 Nov 2026 10:00:00 GMT"
        again = by_url(second, site)["/good"]
        assert again["not_modified"] is True and again["http_status"] == 304 and again["status"] == "ok"
        assert catalog.client.get("/programs/good_course").json()["last_verified"] == "2026-12-07"
        assert catalog.client.get("/programs/edited_course").json()["last_verified"] is None
    finally:
        catalog.stop()


def test_the_operator_command(site, tmp_path):
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {"CATALOG_DATABASE_URL": database, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    folder = catalog_files(tmp_path, site)
    subprocess.run([sys.executable, "-m", "ops", "import", str(folder)], env=env, check=True, capture_output=True, cwd=ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "ops", "verify-sources", "--out", str(tmp_path / "out"), "--url", f"{site}/good"],
        env=env, capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "sources: 1, ok: 1" in done.stdout
    failing = subprocess.run([sys.executable, "-m", "ops", "verify-sources", "--out", str(tmp_path / "out")],
                             env=env, capture_output=True, text=True, cwd=ROOT)
    assert failing.returncode == 1 and "dead: 1" in failing.stdout  # dead or changed sources fail the command
    assert (tmp_path / "out" / "sources.md").exists()
