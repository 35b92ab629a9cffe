"""Checks of what a record's words may state, shared by the tests: every figure and every "free"
in free text goes through a sourced field (a quote of the same record)."""

from __future__ import annotations

import re

from catalog import sources

# The words a person reads that are not a cited field.
FREE_TEXT = (("description",), ("notes",), ("how_to_apply",), ("credential",), ("cost", "note"),
             ("cost", "covered"), ("amount", "note"), ("eligibility", "text"))
PHONE = re.compile(r"\b1-\d{3}-\d{3}-\d{4}\b")
URL = re.compile(r"\S+\.(?:org|com|edu|gov|net)\S*")
FIGURE = re.compile(r"\$?\d[\d,]*(?:\.\d+)?")
FREE = re.compile(r"\bfree\b", re.I)


def free_text(record: dict) -> list[tuple[str, str]]:
    found = []
    for path in FREE_TEXT:
        value = record
        for part in path:
            value = (value or {}).get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            found.append((".".join(path), value))
    return found


def _bare(figure: str) -> str:
    return figure.lstrip("$").replace(",", "").rstrip(".")


def unsourced(record: dict) -> list[str]:
    """Figures and "free"s in a record's free text that none of its quotes states."""
    quotes = " ".join(sources.normalise(quote) for _, quote in sources.record_quotes(record))
    quoted = {_bare(f) for f in FIGURE.findall(quotes)}
    tuition_free = (record.get("cost") or {}).get("tuition") == 0 and FREE.search((record.get("cost") or {}).get("quote", ""))
    problems = []
    for field, text in free_text(record):
        plain = URL.sub(" ", PHONE.sub(" ", text))
        for figure in FIGURE.findall(plain):
            if _bare(figure) not in quoted:
                problems.append(f"{record['key']}.{field}: '{figure}' is in no quote of the record")
        if FREE.search(plain) and not tuition_free:
            problems.append(f"{record['key']}.{field}: says 'free' without a sourced tuition of 0")
    return problems
