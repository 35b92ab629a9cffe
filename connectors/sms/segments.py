"""How a reply fits into SMS: one Twilio message body holds at most 1,600 characters, and carriers
bill per segment (160 GSM-7 characters, or 70 UCS-2 ones once any character is outside GSM-7).

Typographic quotes and dashes are swapped for plain ones first, because one curly apostrophe would
switch the whole message to UCS-2 and more than double its segments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BODY_CHARS = 1600

# The GSM 03.38 default alphabet, and the extension table whose characters take two septets.
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = set("^{}\\[~]|€\f")

GSM_SINGLE, GSM_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67

PLAIN_EQUIVALENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...",
    "\u00a0": " ", "\u2022": "-", "\u00b7": "-",
}
PLAIN_TABLE = str.maketrans(PLAIN_EQUIVALENTS)


def plain(text: str) -> str:
    """The text with typographic punctuation replaced by GSM-7 look-alikes."""
    return text.translate(PLAIN_TABLE)


def is_gsm7(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENDED for ch in text)


def _units(text: str, gsm: bool) -> list[int]:
    """What each character costs: septets in GSM-7, 16-bit code units in UCS-2."""
    if gsm:
        return [2 if ch in GSM_EXTENDED else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    count: int


def count_segments(text: str) -> Segments:
    """Segments a carrier bills for `text`; a character is never split across two segments."""
    gsm = is_gsm7(text)
    units = _units(text, gsm)
    encoding = "GSM-7" if gsm else "UCS-2"
    single, multi = (GSM_SINGLE, GSM_MULTI) if gsm else (UCS2_SINGLE, UCS2_MULTI)
    if sum(units) <= single:
        return Segments(encoding, 1 if text else 0)
    count, used = 1, 0
    for cost in units:
        if used + cost > multi:
            count, used = count + 1, 0
        used += cost
    return Segments(encoding, count)


PARAGRAPH = re.compile(r"\n\s*\n")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pieces(text: str, limit: int) -> list[str]:
    """Cut text into pieces no longer than `limit`, at the largest boundary that works:
    paragraphs, then sentences, then words, and only as a last resort mid-word."""
    if len(text) <= limit:
        return [text]
    for splitter, glue in ((PARAGRAPH, "\n\n"), (SENTENCE_END, " "), (re.compile(r"\s+"), " ")):
        parts = [p.strip() for p in splitter.split(text) if p.strip()]
        if len(parts) > 1:
            return _pack(parts, glue, limit)
    return [text[i : i + limit] for i in range(0, len(text), limit)]


def _pack(parts: list[str], glue: str, limit: int) -> list[str]:
    """Greedily join consecutive parts with `glue` while the result stays under `limit`."""
    out: list[str] = []
    current = ""
    for part in parts:
        for piece in _pieces(part, limit):
            candidate = f"{current}{glue}{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                out.append(current)
                current = piece
    if current:
        out.append(current)
    return out


def split_for_sms(texts: list[str], limit: int = MAX_BODY_CHARS) -> list[str]:
    """One turn's messages as few SMS bodies as possible, each at most `limit` characters."""
    joined = "\n\n".join(plain(t).strip() for t in texts if t and t.strip())
    if not joined:
        return []
    return _pieces(joined, limit)
