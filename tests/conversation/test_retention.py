"""Data lifetime on real databases (a SQLite file and the machine's PostgreSQL): the retention purge
deletes old conversations and old sessions and nothing newer; "forget me" reaches every
conversation of the person and their referrals; `python -m ops purge` prints counts only."""

from __future__ import annotations

import os
import subprocess
import time
import uuid

import pytest
import requests
import sqlalchemy as sa
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot import forgetting
from ops import retention
from core.settings import ROOT
from tests.actions.conftest import CatalogProcess
from tests.conversation.conftest import stored_rows

pytestmark = pytest.mark.asyncio

DAY = 24 * 3600


def session(sender: str, domain, started: float, text: str, age: float | None = None) -> list:
    """One session's events, all stamped `started` (+ a second per event)."""
    events = [
        ActionExecuted("action_session_start", timestamp=started),
        SessionStarted(timestamp=started + 1),
        ActionExecuted("action_listen", timestamp=started + 2),
        UserUttered(text, {"name": "inform", "confidence": 0.9}, timestamp=started + 3),
    ]
    if age is not None:
        events.append(SlotSet("age", age, timestamp=started + 4))
    events += [
        ActionExecuted("utter_what_next", timestamp=started + 5),
        BotUttered("Got it.", timestamp=started + 6),
        ActionExecuted("action_listen", timestamp=started + 7),
    ]
    return events


async def store_events(store, sender: str, domain, events: list) -> None:
    await store.save(DialogueStateTracker.from_events(sender, events, slots=domain.slots))


@pytest.fixture
def senders(store):
    made: list[str] = []

    def new() -> str:
        made.append(f"test-{uuid.uuid4().hex}")
        return made[-1]

    yield new
    for sender in made:
        store.delete_conversation(sender)


async def test_purge_deletes_old_conversations_and_old_sessions_only(store, senders, domain):
    now = time.time()
    gone, ongoing, recent = senders(), senders(), senders()
    await store_events(store, gone, domain, session(gone, domain, now - 100 * DAY, "my email is a@b.org", 17.0))
    # A person who came back: an old session, then one today (its slots carried over).
    await store_events(store, ongoing, domain,
                       session(ongoing, domain, now - 120 * DAY, "I'm 16", 16.0)
                       + session(ongoing, domain, now - 60, "hi again", 16.0))
    await store_events(store, recent, domain, session(recent, domain, now - 89 * DAY, "hello"))
    before_ongoing = len(stored_rows(store, ongoing))

    conversations, deleted = retention.purge_conversations(store.engine, 90, now=now)

    assert conversations >= 1 and deleted >= len(session(gone, domain, 0, "", 17.0)) + 8
    assert stored_rows(store, gone) == []
    assert len(stored_rows(store, ongoing)) == before_ongoing - 8
    assert len(stored_rows(store, recent)) == 7
    # The live conversation reads back as before: Rasa only loads its current session.
    tracker = await store.retrieve(ongoing)
    assert tracker.latest_message.text == "hi again" and tracker.get_slot("age") == 16.0
    # A second purge finds nothing more of these.
    retention.purge_conversations(store.engine, 90, now=now)
    assert len(stored_rows(store, ongoing)) == before_ongoing - 8


def forget_turn(sender: str, domain, tracker: DialogueStateTracker) -> DialogueStateTracker:
    for event in [
        UserUttered("forget me", {"name": "forget_me", "confidence": 0.97}),
        ActionExecuted("action_forget_me"),
        Restarted(),
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
    ]:
        tracker.update(event)
    return tracker


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    process = CatalogProcess(tmp_path_factory.mktemp("catalog"))
    process.start()
    yield process
    process.stop()


def make_referral(catalog, conversation_id: str) -> None:
    answer = requests.post(catalog.url + "/referrals", headers={"X-API-Key": catalog.api_key}, timeout=10, json={
        "contact": "sam@example.org", "contact_method": "email", "consent": True, "conversation_id": conversation_id,
    })
    assert answer.status_code == 201


def referrals_of(catalog, conversation_id: str) -> list:
    return catalog.get("/referrals", conversation_id=conversation_id)["items"]


async def test_forget_me_reaches_every_conversation_of_the_person(store, senders, domain, catalog, monkeypatch):
    monkeypatch.setenv("CATALOG_URL", catalog.url)
    monkeypatch.setenv("CATALOG_API_KEY", catalog.api_key)
    now = time.time()
    first, second, current, stranger = senders(), senders(), senders(), senders()
    for sender in (first, second, current, stranger):
        await store_events(store, sender, domain, session(sender, domain, now - 600, f"I am {sender}"))
    # The person started over twice on the web: each new session continues the one before.
    store.link(second, first)
    store.link(current, second)
    make_referral(catalog, first)
    make_referral(catalog, stranger)

    tracker = await store.retrieve(current)
    await store.save(forget_turn(current, domain, tracker))

    for sender in (first, second, current):
        assert stored_rows(store, sender) == []
    assert referrals_of(catalog, first) == []
    # Nobody else's conversation or referral is touched, and no link is left behind.
    assert stored_rows(store, stranger) and referrals_of(catalog, stranger)
    with store.engine.connect() as connection:
        left = connection.execute(
            sa.select(forgetting.links.c.sender_id).where(
                forgetting.links.c.sender_id.in_([first, second, current])
            )
        ).all()
    assert left == []
    requests.delete(catalog.url + "/referrals", params={"conversation_id": stranger},
                    headers={"X-API-Key": catalog.api_key}, timeout=10)


async def test_a_conversation_with_no_links_is_forgotten_alone(store, senders, domain):
    mine, other = senders(), senders()
    for sender in (mine, other):
        await store_events(store, sender, domain, session(sender, domain, time.time() - 60, "hello"))
    await store.save(forget_turn(mine, domain, await store.retrieve(mine)))
    assert stored_rows(store, mine) == [] and stored_rows(store, other)


def run_purge(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "ops", "purge"], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env}, capture_output=True, text=True, timeout=120,
    )


async def test_the_purge_command_prints_counts_and_never_the_data(store, senders, domain, catalog, database_url):
    now = time.time()
    old = senders()
    await store_events(store, old, domain, session(old, domain, now - 200 * DAY, "my email is sam@example.org"))
    make_referral(catalog, "purge-command-" + uuid.uuid4().hex[:6])

    result = run_purge({"TRACKER_DB_URL": database_url, "CATALOG_URL": catalog.url,
                        "CATALOG_API_KEY": catalog.api_key, "RETENTION_DAYS": "90"})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Conversations deleted whole:" in result.stdout and "Referrals deleted: 0" in result.stdout
    assert "opt-outs: kept" in result.stdout
    assert "sam@example.org" not in result.stdout + result.stderr and old not in result.stdout
    assert stored_rows(store, old) == []


async def test_the_purge_command_says_what_it_could_not_do(database_url):
    from ops.launcher import free_port

    result = run_purge({"TRACKER_DB_URL": database_url, "CATALOG_URL": f"http://127.0.0.1:{free_port()}",
                        "CATALOG_API_KEY": "some-key", "RETENTION_DAYS": "90"})
    assert result.returncode == 1
    assert "referrals not purged: the catalog did not answer" in result.stdout
    bad = run_purge({"TRACKER_DB_URL": database_url, "RETENTION_DAYS": "0"})
    assert bad.returncode != 0 and "RETENTION_DAYS must be at least 1" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr


async def test_what_the_purge_deleted_is_not_left_in_the_sqlite_files(tmp_path, domain, monkeypatch):
    from core import settings as settings_module
    from bot.conversation_store import ConversationStore

    path = tmp_path / "conversations.db"
    store = ConversationStore(domain=domain, url=f"sqlite:///{path}")
    email = f"old.{uuid.uuid4().hex[:8]}@example.org"
    try:
        await store_events(store, "old-1", domain, session("old-1", domain, time.time() - 100 * DAY, f"my email is {email}"))
        # Someone recent shares the pages, so they are rewritten, not emptied.
        await store_events(store, "recent-1", domain, session("recent-1", domain, time.time() - DAY, "hello"))
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert email.encode() in path.read_bytes()
    finally:
        store.engine.dispose()
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{path}")
    monkeypatch.setenv("CATALOG_API_KEY", "")
    report = retention.purge_expired(settings_module.load())
    assert report.conversations == 1
    leftover = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    assert email.encode() not in leftover and b"recent-1" in leftover


def test_the_purge_deletes_rotated_logs_past_the_retention_period(tmp_path, monkeypatch):
    from core import settings as settings_module

    logs = tmp_path / "var" / "logs"
    logs.mkdir(parents=True)
    for name, age_days in (("rasa.log", 200), ("rasa.log.1", 10), ("rasa.log.2", 100), ("actions.log.1", 91)):
        path = logs / name
        path.write_text("x")
        old = time.time() - age_days * DAY
        os.utime(path, (old, old))
    monkeypatch.setenv("VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'var' / 'conversations.db'}")
    monkeypatch.setenv("CATALOG_API_KEY", "")
    report = retention.purge_expired(settings_module.load())
    assert report.old_logs == 2 and "Rotated logs deleted: 2" in report.lines()
    # The live log is never deleted, only rotated copies past the period.
    assert sorted(p.name for p in logs.iterdir()) == ["rasa.log", "rasa.log.1"]
