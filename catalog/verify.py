"""Checking the catalog's source links: `python -m ops verify-sources`.

For every URL a program, fund or organization cites, ask the server (conditionally, with the
ETag and Last-Modified of the last check), follow redirects, and look for every passage the
records quote from it in the page's text. Each check is stored (SourceCheck), so the API can say
when a record was really last verified, and a report lists the dead, moved and changed sources
(Markdown and JSON).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from catalog import db, models, sources

USER_AGENT = "HealthCareersGuide-verify-sources/1.0 (checks that catalog facts still match their sources)"
PERMANENT = (301, 308)


@dataclass
class Source:
    """One URL, the passages records quote from it, and the records that cite it."""

    url: str
    quotes: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)


@dataclass
class Result:
    url: str
    status: str  # ok, moved, changed, dead
    http_status: int | None
    final_url: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    missing_quotes: list[str]
    quotes_checked: int
    records: list[str]
    error: str | None = None
    # A page nothing is quoted from (often a home page) can be reached, but confirms no fact.
    confirms_nothing: bool = False
    redirects: list[str] = field(default_factory=list)


def cited_sources(session: Session) -> dict[str, Source]:
    """Every URL the catalog's programs, funds and organizations cite, with what they quote."""
    found: dict[str, Source] = {}
    for model, kind in ((models.Program, "program"), (models.Funding, "funding"), (models.Organization, "organization")):
        for key, data in session.execute(select(model.key, model.data)):
            quotes = sources.record_quotes(data)
            for url in sources.url_sources(data):
                entry = found.setdefault(url, Source(url))
                entry.records.add(f"{kind}:{key}")
                entry.quotes.update(q for s, q in quotes if s == url)
    return found


def check(client: httpx.Client, source: Source, previous: models.SourceCheck | None) -> Result:
    headers = {}
    # A conditional request is only safe when the passages to look for are the ones looked for last
    # time: a 304 then means "still there" (or "still missing").
    same_quotes = previous is not None and set(previous.checked_quotes or []) == source.quotes
    if same_quotes and previous.status != "dead":
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    records = sorted(source.records)
    try:
        response = client.get(source.url, headers=headers)
    except httpx.HTTPError as error:
        return Result(source.url, "dead", None, None, None, None, False, sorted(source.quotes), len(source.quotes), records,
                      error=f"{type(error).__name__}: {error}")
    redirects = [str(r.headers.get("location", "")) for r in response.history]
    moved = any(r.status_code in PERMANENT for r in response.history)
    final_url = str(response.url) if response.history else None
    etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
    if response.status_code == 304 and previous is not None:
        missing = list(previous.missing_quotes or [])
        status = "changed" if missing else ("moved" if moved else "ok")
        return Result(source.url, status, 304, final_url or previous.final_url, etag or previous.etag,
                      modified or previous.last_modified, True, missing, len(source.quotes), records,
                      confirms_nothing=not source.quotes, redirects=redirects)
    if response.status_code >= 400:
        return Result(source.url, "dead", response.status_code, final_url, None, None, False, sorted(source.quotes),
                      len(source.quotes), records, error=f"HTTP {response.status_code}", redirects=redirects)
    text = sources.page_text(response.text, response.headers.get("content-type", ""))
    missing = sorted(q for q in source.quotes if not sources.found(q, text))
    status = "changed" if missing else ("moved" if moved else "ok")
    return Result(source.url, status, response.status_code, final_url, etag, modified, False, missing,
                  len(source.quotes), records, confirms_nothing=not source.quotes, redirects=redirects)


def _store(session: Session, result: Result, quotes: set[str], now: dt.datetime) -> None:
    row = session.get(models.SourceCheck, result.url) or models.SourceCheck(url=result.url)
    passed = result.status in ("ok", "moved")
    row.checked_at = now
    row.status = result.status
    row.http_status = result.http_status
    row.final_url = result.final_url
    row.etag = result.etag
    row.last_modified = result.last_modified
    row.missing_quotes = result.missing_quotes
    row.checked_quotes = sorted(quotes)
    if passed:
        row.last_ok = now.date()
    session.merge(row)


def verify(engine: Engine, out_dir: Path, timeout: float = 20.0, now: dt.datetime | None = None,
           only: list[str] | None = None) -> dict:
    """Check every cited URL (or `only` these), store the results, write the reports; returns the report."""
    now = now or dt.datetime.now(dt.timezone.utc)
    db.migrate(engine)
    sessions = db.session_factory(engine)
    with sessions() as session:
        cited = cited_sources(session)
        previous = {row.url: row for row in session.scalars(select(models.SourceCheck))}
        session.expunge_all()
    wanted = [cited[url] for url in sorted(cited) if not only or url in only]
    results: list[Result] = []
    with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
        for source in wanted:
            result = check(client, source, previous.get(source.url))
            results.append(result)
            with sessions() as session, session.begin():
                _store(session, result, source.quotes, now)
    report = _report(results, now)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "sources.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out_dir / "sources.md").write_text(markdown(report), encoding="utf-8")
    return report


def _report(results: list[Result], now: dt.datetime) -> dict:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    return {
        "checked_at": now.isoformat(timespec="seconds"),
        "summary": {"sources": len(results), **counts,
                    "confirm_nothing": sum(1 for r in results if r.confirms_nothing and r.status != "dead")},
        "sources": [asdict(result) for result in results],
    }


def _home_page(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def markdown(report: dict) -> str:
    lines = [f"# Source check, {report['checked_at']}", ""]
    summary = report["summary"]
    lines.append(", ".join(f"{name}: {count}" for name, count in summary.items()))
    lines.append("")
    sections = (
        ("dead", "Dead sources (the page does not answer): fix or replace the link",
         lambda r: r["error"] or ""),
        ("changed", "Changed sources (a quoted passage is no longer on the page): re-read and update the records",
         lambda r: "missing: " + " | ".join(f"“{q}”" for q in r["missing_quotes"])),
        ("moved", "Moved sources (permanent redirect; the quotes are still there): update the link",
         lambda r: f"now at {r['final_url']}"),
    )
    for status, title, detail in sections:
        rows = [r for r in report["sources"] if r["status"] == status]
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["None.", ""]
            continue
        for r in rows:
            lines.append(f"- {r['url']} ({r['http_status'] or 'no answer'}): {detail(r)}; cited by {', '.join(r['records'])}")
        lines.append("")
    weak = [r for r in report["sources"] if r["confirms_nothing"] and r["status"] != "dead"]
    lines += ["## Sources that confirm no fact (nothing is quoted from them; home pages marked)", ""]
    lines += [f"- {r['url']}{' (home page)' if _home_page(r['url']) else ''}: cited by {', '.join(r['records'])}" for r in weak] or ["None."]
    lines.append("")
    ok = [r for r in report["sources"] if r["status"] == "ok" and not r["confirms_nothing"]]
    lines += ["## Verified (every quoted passage found)", ""]
    lines += [f"- {r['url']}: {r['quotes_checked']} passage(s){' (not modified since the last check)' if r['not_modified'] else ''}" for r in ok] or ["None."]
    return "\n".join(lines) + "\n"
