"""Short-lived facts the channels share: rate-limit counters, the Twilio messages already taken
in, the web sessions ended. In Redis when REDIS_URL is set, so every Rasa replica sees the same
facts. Without Redis the marks (MessageSids, ended sessions) are kept in a SQLite file under
VAR_DIR, so a restart forgets neither (a replayed text answered twice, an ended chat reopened),
and the counters in this process's memory. Every fact expires.

A Redis that does not answer must not stop people from chatting: callers get the answer that lets
the message through, and the failure is logged.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Optional

logger = logging.getLogger(__name__)

PREFIX = "hcg:"
# The in-process store drops expired facts once it holds this many.
PRUNE_AT = 10_000


class Memory:
    """In this process's memory."""

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self._facts: dict[str, tuple[int, float]] = {}

    def _live(self, key: str) -> Optional[tuple[int, float]]:
        fact = self._facts.get(key)
        if fact is not None and fact[1] <= self.clock():
            del self._facts[key]
            return None
        return fact

    def _prune(self) -> None:
        if len(self._facts) >= PRUNE_AT:
            now = self.clock()
            self._facts = {k: v for k, v in self._facts.items() if v[1] > now}

    async def add(self, key: str, seconds: float) -> bool:
        """Marks `key` for `seconds`; True when it was not marked already."""
        if self._live(key) is not None:
            return False
        self._prune()
        self._facts[key] = (1, self.clock() + seconds)
        return True

    async def has(self, key: str) -> bool:
        return self._live(key) is not None

    async def hit(self, key: str, window: float) -> tuple[int, float]:
        """Counts one hit in the current window of `window` seconds: (hits so far, seconds left)."""
        fact = self._live(key)
        now = self.clock()
        if fact is None:
            self._prune()
            fact = (0, now + window)
        fact = (fact[0] + 1, fact[1])
        self._facts[key] = fact
        return fact[0], fact[1] - now


class RedisMemory:
    """In Redis, shared by every process that uses the same REDIS_URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._client = None

    def client(self):
        # Made on first use, inside the running event loop.
        if self._client is None:
            import redis.asyncio as redis

            self._client = redis.from_url(self.url, socket_timeout=1.0, socket_connect_timeout=1.0)
        return self._client

    async def add(self, key: str, seconds: float) -> bool:
        try:
            return bool(await self.client().set(PREFIX + key, 1, nx=True, px=int(seconds * 1000)))
        except Exception as error:  # noqa: BLE001 - see the module's docstring
            logger.warning("Redis did not answer (%r); treating %s as new", error, key.split(":")[0])
            return True

    async def has(self, key: str) -> bool:
        try:
            return bool(await self.client().exists(PREFIX + key))
        except Exception as error:  # noqa: BLE001 - see the module's docstring
            logger.warning("Redis did not answer (%r)", error)
            return False

    async def hit(self, key: str, window: float) -> tuple[int, float]:
        try:
            async with self.client().pipeline(transaction=True) as pipe:
                pipe.incr(PREFIX + key)
                pipe.pexpire(PREFIX + key, int(window * 1000), nx=True)
                pipe.pttl(PREFIX + key)
                count, _, ttl = await pipe.execute()
            return int(count), max(int(ttl), 0) / 1000
        except Exception as error:  # noqa: BLE001 - see the module's docstring
            logger.warning("Redis did not answer (%r); not counting", error)
            return 0, 0.0

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()


class DurableMemory(Memory):
    """Marks in a SQLite file (they must outlive a restart), counters in this process's memory
    (a restart may reset a rate limit). One process only: replicas need Redis anyway."""

    def __init__(self, path: Path, clock=time.monotonic, wall_clock=time.time) -> None:
        super().__init__(clock)
        self.wall_clock = wall_clock
        self._lock = threading.Lock()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS marks (key TEXT PRIMARY KEY, expires REAL NOT NULL)")
        self._adds = 0

    def _add(self, key: str, seconds: float) -> bool:
        now = self.wall_clock()
        with self._lock:
            self._adds += 1
            if self._adds % 1000 == 0:
                self._db.execute("DELETE FROM marks WHERE expires <= ?", (now,))
            self._db.execute("DELETE FROM marks WHERE key = ? AND expires <= ?", (key, now))
            added = self._db.execute("INSERT OR IGNORE INTO marks VALUES (?, ?)", (key, now + seconds))
            return added.rowcount == 1

    def _has(self, key: str) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM marks WHERE key = ? AND expires > ?",
                                   (key, self.wall_clock())).fetchone()
        return row is not None

    async def add(self, key: str, seconds: float) -> bool:
        return await asyncio.to_thread(self._add, key, seconds)

    async def has(self, key: str) -> bool:
        return await asyncio.to_thread(self._has, key)

    async def close(self) -> None:
        with self._lock:
            self._db.close()


def memory_for(redis_url: str, durable_file: Optional[Path] = None):
    """Redis when a URL is given; else a SQLite file for the marks when one is named; else memory."""
    if redis_url:
        return RedisMemory(redis_url)
    return DurableMemory(durable_file) if durable_file else Memory()
