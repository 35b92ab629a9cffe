"""Where a record's facts come from: its quoted passages, how a passage is found in a source's
text, and what the API says about how recently a record was checked.

A source is a seed document (`000_8c03b5a5078ccf22.txt`, checked by the test suite against
`../shared/seeds/`) or a URL (checked by `python -m ops verify-sources`).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from catalog.records import is_seed

# Markdown that is not words: emphasis, link targets, escapes, footnote markers.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
_SUP = re.compile(r"<sup>.*?</sup>", re.S)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text with markdown emphasis, link markup and whitespace differences taken out: what a
    reader sees. The words themselves are not changed."""
    text = _SUP.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


def found(quote: str, text: str) -> bool:
    """Whether a quoted passage is in a text (both normalised the same way)."""
    return normalise(quote) in normalise(text)


class _TextOfPage(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg"}
    BLOCK = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td", "th", "ul", "ol"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def page_text(body: str, content_type: str = "text/html") -> str:
    """The readable text of a fetched page (HTML without its tags and scripts, or plain text)."""
    if "html" not in content_type.lower() and not body.lstrip().startswith("<"):
        return body
    parser = _TextOfPage()
    parser.feed(body)
    parser.close()
    return html.unescape("".join(parser.parts))


def record_quotes(data: dict) -> list[tuple[str, str]]:
    """Every (source, quote) a stored record cites: its eligibility rules, amount and cost, a
    union's memberships, and the passages behind the figures in its words (`cited`)."""
    parts = [rule for rule in (data.get("eligibility") or {}).values() if isinstance(rule, dict)]
    parts += [data.get("amount") or {}, data.get("cost") or {}, data.get("member_of") or {}]
    parts += data.get("cited") or []
    return [(part["source"], part["quote"]) for part in parts if part.get("source") and part.get("quote")]


def url_sources(data: dict) -> list[str]:
    """The URLs a record's facts come from: its `sources` and any URL its quotes cite."""
    urls = [s for s in data.get("sources", []) if not is_seed(s)]
    urls += [source for source, _ in record_quotes(data) if not is_seed(source)]
    return list(dict.fromkeys(urls))


def verification(data: dict, checks: dict) -> dict:
    """What the API says about how current a record is.

    `as_of`: the day the record's facts were copied from its sources (`recorded`): the assistant
    says "as of <as_of>, check <check_url>" while the record is not verified.
    `last_verified`: the day every URL source of the record last passed verify-sources (it
    answered, and every passage the record quotes from it was there); null until then, and null
    for a record that quotes nothing from a URL (a check could not confirm any of its facts).
    `status`: verified, changed (a quoted passage is gone), dead (a source does not answer), or
    unverified (not checked yet, or nothing to check it against)."""
    urls = url_sources(data)
    mine = record_quotes(data)
    status, days = "unverified", []
    checked = [(url, checks.get(url)) for url in urls]
    if any(check is not None and check.status == "dead" for _, check in checked):
        status = "dead"
    elif any(check is not None and set(check.missing_quotes or []) & {q for s, q in mine if s == url} for url, check in checked):
        status = "changed"
    elif any(not is_seed(source) for source, _ in mine) and all(check is not None and check.last_ok for _, check in checked):
        status = "verified"
        days = [check.last_ok for _, check in checked]
    return {
        "status": status,
        "last_verified": min(days).isoformat() if days else None,
        "as_of": data.get("recorded"),
        "check_url": data.get("source_url"),
    }
