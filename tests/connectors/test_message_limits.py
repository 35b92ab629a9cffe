"""The per-person message limits as shipped (core/settings.py's defaults, built the way Rasa builds a
channel): a person answering the career quiz as fast as they can tap is never refused, while a
script is held to a minute's burst and an hour's budget. The clock is the test's, so an hour of
messages takes no time."""

from __future__ import annotations

import pytest

from connectors.guarded import DEFAULT_MESSAGES_PER_HOUR, DEFAULT_MESSAGES_PER_MINUTE
from connectors.limits import wait_words
from connectors.rest import RestInput
from core import settings
from tests.connectors.test_teams_auth import Clock

SHORT_FORM, QUICK = 60, 30


@pytest.fixture
def shipped(monkeypatch):
    """The REST channel on the default limits, its counters on the test's clock."""
    for name in ("MESSAGES_PER_PERSON_PER_MINUTE", "MESSAGES_PER_PERSON_PER_HOUR", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REST_CHANNEL_TOKEN", "limits-test-token")
    channel = RestInput.from_credentials(None)
    clock = Clock()
    channel.memory.clock = clock  # the in-process counters (no REDIS_URL)
    return channel.messages, clock


async def send(limits, clock: Clock, who: str, count: int, every: float) -> list[float | None]:
    """`count` messages from `who`, one every `every` seconds: the wait each one got (None: taken)."""
    waits = []
    for _ in range(count):
        waits.append(await limits.wait(who))
        clock.now += every
    return waits


def test_the_constructors_defaults_are_the_settings_defaults(monkeypatch):
    monkeypatch.delenv("MESSAGES_PER_PERSON_PER_MINUTE", raising=False)
    monkeypatch.delenv("MESSAGES_PER_PERSON_PER_HOUR", raising=False)
    config = settings.load()
    assert (config.messages_per_person_per_minute, config.messages_per_person_per_hour) == (
        DEFAULT_MESSAGES_PER_MINUTE, DEFAULT_MESSAGES_PER_HOUR)


@pytest.mark.asyncio
@pytest.mark.parametrize("every", [1.5, 2.0, 3.0])
async def test_a_person_tapping_through_both_quizzes_is_never_refused(shipped, every):
    limits, clock = shipped
    # "career quiz", the whole Short Form, "quick quiz", the whole quick one, a few questions after.
    waits = await send(limits, clock, "student", 1 + SHORT_FORM + 1 + QUICK + 20, every)
    assert waits == [None] * len(waits)


@pytest.mark.asyncio
async def test_a_script_is_stopped_within_the_minute(shipped):
    limits, clock = shipped
    waits = await send(limits, clock, "script", 60, 0.5)
    assert waits[:DEFAULT_MESSAGES_PER_MINUTE] == [None] * DEFAULT_MESSAGES_PER_MINUTE
    assert all(wait is not None and 0 < wait <= 60 for wait in waits[DEFAULT_MESSAGES_PER_MINUTE:])
    assert await limits.wait("someone else") is None  # per person


@pytest.mark.asyncio
async def test_a_script_kept_under_the_minutes_limit_meets_the_hours_budget(shipped):
    limits, clock = shipped
    every = 60 / DEFAULT_MESSAGES_PER_MINUTE  # exactly as fast as the minute allows
    waits = await send(limits, clock, "steady-script", DEFAULT_MESSAGES_PER_HOUR + 5, every)
    taken = waits.index(next(wait for wait in waits if wait is not None))
    assert taken == DEFAULT_MESSAGES_PER_HOUR  # 10 minutes in, not the 2,400 the minute alone allows
    hour_wait = waits[taken]
    assert hour_wait == pytest.approx(3600 - DEFAULT_MESSAGES_PER_HOUR * every)  # till the hour's window ends
    assert wait_words(hour_wait) == "about 50 minutes"


def test_waits_in_words():
    assert [wait_words(s) for s in (10, 90, 91, 600, 3500, 3600, 7200)] == [
        "a minute", "a minute", "about 2 minutes", "about 10 minutes", "about 59 minutes", "about an hour",
        "about 2 hours"]
