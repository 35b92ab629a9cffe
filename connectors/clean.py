"""What every channel does to what a person sent before the assistant sees it.

A sender id becomes a database key, a lock name and a log field, so it must be plain: one that
held a lone surrogate once stopped the whole service (the conversation store could not encode it).
Message text keeps every letter, emoji and right-to-left mark a person can type, and loses only
what no person types: lone surrogates, NUL and other control characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

MAX_SENDER_CHARS = 200
# Letters, digits and the punctuation the channels' own ids use (Teams "29:1a-B_c", SMS hashes,
# web session ids, an integration's "user@example.org").
SENDER_PATTERN = re.compile(r"[A-Za-z0-9_.:@+=\-]+")
SENDER_RULE = (
    f"'sender' must be 1 to {MAX_SENDER_CHARS} characters of letters, digits and _ . : @ + = -"
)
# Kept from the control characters: line breaks and tabs are how people lay out a message.
KEPT_CONTROLS = {"\n", "\t"}


def sender_problem(sender: Any) -> Optional[str]:
    """Why `sender` cannot name a conversation (the message to answer with), or None."""
    if not isinstance(sender, str) or not sender or len(sender) > MAX_SENDER_CHARS:
        return SENDER_RULE
    if not SENDER_PATTERN.fullmatch(sender):
        return SENDER_RULE
    return None


def clean_text(text: Any) -> str:
    """Text as valid Unicode, NFC-normalised, without surrogates or control characters (line
    breaks and tabs kept, a carriage return dropped); "" for anything that is not a string."""
    if not isinstance(text, str):
        return ""
    text = text.replace("\r\n", "\n")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char not in KEPT_CONTROLS):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
