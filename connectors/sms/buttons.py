"""Buttons over SMS: shown as a numbered list, and a reply of just that number means the button.

The last buttons each sender saw are kept in memory only (keyed by the sender hash, never the
number) and forgotten after a while, so an old list cannot turn a later "2" into a stale choice.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from typing import Any, Callable, Generic, Optional, TypeVar

V = TypeVar("V")

CHOICE = re.compile(r"\s*#?\s*(\d{1,2})\s*[.)]?\s*")


class ExpiringMap(Generic[V]):
    """A bounded in-memory map whose entries vanish `ttl_seconds` after they were last set."""

    def __init__(
        self, ttl_seconds: float, max_entries: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl_seconds
        self.max_entries = max_entries
        self.clock = clock
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()

    def set(self, key: str, value: V) -> None:
        self._items.pop(key, None)
        self._items[key] = (self.clock() + self.ttl, value)
        while len(self._items) > self.max_entries:
            self._items.popitem(last=False)

    def get(self, key: str) -> Optional[V]:
        self._sweep()
        entry = self._items.get(key)
        return entry[1] if entry else None

    def pop(self, key: str) -> Optional[V]:
        entry = self._items.pop(key, None)
        return entry[1] if entry and entry[0] > self.clock() else None

    def _sweep(self) -> None:
        # Entries are in order of last set, so expired ones are all at the front.
        now = self.clock()
        while self._items:
            key, (expires, _) = next(iter(self._items.items()))
            if expires > now:
                break
            del self._items[key]

    def __len__(self) -> int:
        self._sweep()
        return len(self._items)


NUMBER_HINT = "Reply with a number."


def numbered(text: str, buttons: list[dict[str, Any]], start: int = 1) -> str:
    """The message text followed by its buttons as "1. Title" lines, counting from `start`."""
    lines = [f"{i}. {b.get('title') or b.get('payload')}" for i, b in enumerate(buttons, start)]
    return "\n".join(part for part in [(text or "").strip(), *lines] if part)


def chosen(text: str, buttons: Optional[list[dict[str, Any]]]) -> Optional[dict[str, Any]]:
    """The button a reply like "2" or "2." picks from `buttons`, if it is one of theirs."""
    if not buttons:
        return None
    match = CHOICE.fullmatch(text or "")
    if not match:
        return None
    index = int(match.group(1))
    return buttons[index - 1] if 1 <= index <= len(buttons) else None
