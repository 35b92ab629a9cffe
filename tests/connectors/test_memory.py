"""The channels' short-lived facts (rate counters, MessageSids, ended sessions) behave the same in
this process's memory and in the machine's Redis, expire, and never block a message when Redis is
down."""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest

from connectors.limits import RateLimit
from connectors.memory import DurableMemory, Memory, RedisMemory, memory_for

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(params=["memory", "durable", "redis"])
def memory(request, tmp_path):
    if request.param == "durable":
        return DurableMemory(tmp_path / "memory.db")
    return Memory() if request.param == "memory" else RedisMemory(REDIS_URL)


@pytest.mark.asyncio
async def test_marks_and_counts_expire(memory):
    key = f"test:{uuid.uuid4().hex}"
    assert await memory.add(key, 0.5) is True
    assert await memory.add(key, 0.5) is False and await memory.has(key)
    limit = RateLimit(memory, f"test-{uuid.uuid4().hex}", 2, 0.5)
    assert [await limit.wait("someone") for _ in range(2)] == [None, None]
    wait = await limit.wait("someone")
    assert wait is not None and 0 < wait <= 0.5
    assert await limit.wait("someone else") is None
    await asyncio.sleep(0.7)
    assert not await memory.has(key) and await memory.add(key, 0.5)
    assert await limit.wait("someone") is None


@pytest.mark.asyncio
async def test_redis_down_lets_messages_through():
    down = RedisMemory("redis://127.0.0.1:1/0")
    assert await down.add("x", 10) is True
    assert await down.has("x") is False
    assert await RateLimit(down, "down", 1, 60).wait("someone") is None


@pytest.mark.asyncio
async def test_marks_outlive_a_restart_without_redis(tmp_path):
    first = memory_for("", tmp_path / "var" / "channel-memory.db")
    assert await first.add("sms-sid:SM1", 3600) and await first.add("web-ended:abc", 0.3)
    await first.close()
    again = memory_for("", tmp_path / "var" / "channel-memory.db")  # the process started again
    assert await again.add("sms-sid:SM1", 3600) is False and await again.has("sms-sid:SM1")
    await asyncio.sleep(0.4)
    assert not await again.has("web-ended:abc") and await again.add("web-ended:abc", 60)
    assert oct((tmp_path / "var" / "channel-memory.db").stat().st_mode & 0o777) == "0o600"
