"""How the guide words what it says: whole sentences that fit an SMS, money, plurals, lists of
names, and where a fact comes from as a named link a person can tap."""

from __future__ import annotations

import re

from catalog import matching, wages
from catalog.eligibility import join_words

LINE_CHARS = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PER_WORDS = matching.PER_WORDS
money = wages.money
plural = wages.plural

__all__ = ["LINE_CHARS", "PER_WORDS", "and_words", "join_words", "link", "money", "or_words",
           "plural", "short", "sourced"]


def short(text: str, limit: int = LINE_CHARS) -> str:
    """Whole sentences up to `limit` characters (an SMS-sized line); a first sentence longer
    than that is cut at a word, marked with an ellipsis."""
    kept = ""
    for sentence in SENTENCE_END.split(text.strip()):
        joined = f"{kept} {sentence}".strip()
        if len(joined) > limit:
            break
        kept = joined
    if kept:
        return kept
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def or_words(words: list[str]) -> str:
    """"a, b or c"."""
    return join_words(words)


def and_words(words: list[str]) -> str:
    """"a, b and c"."""
    if len(words) < 2:
        return join_words(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def sourced(record: dict) -> str:
    """"(source <url>, as of <date>)" for a fact taken from a catalog record."""
    return f"(source {record.get('source_url')}, as of {record.get('as_of') or record.get('recorded')})"


def link(record: dict) -> str | None:
    return record.get("apply_url") or record.get("source_url") or record.get("website")


def per_words(per: str | None) -> str:
    return PER_WORDS.get(per, "") if per else ""
