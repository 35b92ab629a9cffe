"""ConversationStore against real databases: SQLite (file) and PostgreSQL (the machine's server)."""

from __future__ import annotations

import uuid

import pytest
from rasa.core.tracker_store import create_tracker_store
from rasa.core.utils import read_endpoints_from_path
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from ops.launcher import Stack
from bot.conversation_store import ConversationStore
from tests.conversation.conftest import stored_rows

pytestmark = pytest.mark.asyncio


def opening_turn(sender: str, domain) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
            UserUttered("I'm 17 and live in Oakland", {"name": "inform", "confidence": 0.98}),
            SlotSet("age", 17.0),
            SlotSet("place", "Oakland"),
            ActionExecuted("utter_what_next"),
            BotUttered("Got it. What do you want to do next?"),
            ActionExecuted("action_listen"),
        ],
        slots=domain.slots,
    )


async def test_saves_and_restores_a_conversation(store, sender_id, domain):
    await store.save(opening_turn(sender_id, domain))

    restored = await store.retrieve(sender_id)

    assert restored is not None
    assert restored.get_slot("age") == 17.0
    assert restored.get_slot("place") == "Oakland"
    assert restored.latest_message.text == "I'm 17 and live in Oakland"
    assert ("user", None) in stored_rows(store, sender_id)


async def test_later_turns_append_only_new_events(store, sender_id, domain):
    await store.save(opening_turn(sender_id, domain))
    before = len(stored_rows(store, sender_id))

    # As Rasa does for each message: load the conversation, add the turn, save.
    tracker = await store.retrieve(sender_id)
    tracker.update(UserUttered("thanks", {"name": "thank", "confidence": 0.99}))
    tracker.update(ActionExecuted("utter_thank"))
    tracker.update(ActionExecuted("action_listen"))
    await store.save(tracker)

    assert len(stored_rows(store, sender_id)) == before + 3


async def test_forget_me_deletes_every_stored_event_of_that_person(store, sender_id, domain):
    other = f"test-{uuid.uuid4().hex}"
    try:
        await store.save(opening_turn(other, domain))
        await store.save(opening_turn(sender_id, domain))
        assert stored_rows(store, sender_id)
        tracker = await store.retrieve(sender_id)

        # The turn as Rasa runs it: the action resets and restarts, then a new session begins.
        for event in [
            UserUttered("delete my data", {"name": "forget_me", "confidence": 0.97}),
            ActionExecuted("action_forget_me"),
            BotUttered("Done. I deleted what you told me."),
            AllSlotsReset(),
            Restarted(),
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
        ]:
            tracker.update(event)
        await store.save(tracker)

        assert stored_rows(store, sender_id) == []
        assert await store.retrieve(sender_id) is None
        # Nobody else's conversation is touched.
        assert stored_rows(store, other)
    finally:
        store.delete_conversation(other)


async def test_a_new_conversation_after_forgetting_is_stored_again(store, sender_id, domain):
    tracker = opening_turn(sender_id, domain)
    tracker.update(UserUttered("forget me", {"name": "forget_me", "confidence": 0.97}))
    tracker.update(ActionExecuted("action_forget_me"))
    tracker.update(Restarted())
    await store.save(tracker)
    assert stored_rows(store, sender_id) == []

    await store.save(opening_turn(sender_id, domain))

    assert (await store.retrieve(sender_id)).get_slot("age") == 17.0


async def test_start_over_keeps_the_conversation_stored(store, sender_id, domain):
    tracker = opening_turn(sender_id, domain)
    tracker.update(UserUttered("start over", {"name": "start_over", "confidence": 0.97}))
    tracker.update(ActionExecuted("action_start_over"))
    tracker.update(AllSlotsReset())
    tracker.update(Restarted())
    await store.save(tracker)

    assert ("action", "action_start_over") in stored_rows(store, sender_id)


def test_url_comes_from_the_settings(monkeypatch, tmp_path, domain):
    db_file = tmp_path / "nested" / "from-settings.db"
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{db_file}")

    store = ConversationStore(domain=domain)

    assert store.engine.url.database == str(db_file)
    assert db_file.exists()


def rendered_endpoints(tmp_path, **env):
    """endpoints.yml as the launcher hands it to Rasa, with its variables filled in."""
    return read_endpoints_from_path(str(Stack(env={"VAR_DIR": str(tmp_path), **env}).endpoints_file()))


async def test_endpoints_yml_loads_this_store(monkeypatch, tmp_path, database_url, domain):
    monkeypatch.setenv("TRACKER_DB_URL", database_url)
    endpoints = rendered_endpoints(tmp_path, ACTION_ENDPOINT_URL="http://127.0.0.1:5055/webhook")

    store = create_tracker_store(endpoints.tracker_store, domain)

    # Rasa wraps custom stores; underneath is ours, on the configured database.
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, ConversationStore)
    assert inner.engine.url.get_backend_name() == database_url.split(":")[0]
    sender = f"test-{uuid.uuid4().hex}"
    try:
        await store.save(opening_turn(sender, domain))
        assert (await store.retrieve(sender)).get_slot("place") == "Oakland"
    finally:
        inner.delete_conversation(sender)
        inner.engine.dispose()


def test_endpoints_yml_reads_the_action_server_url_from_the_environment(tmp_path):
    endpoints = rendered_endpoints(tmp_path, ACTION_ENDPOINT_URL="http://127.0.0.1:5999/webhook")

    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"
    assert endpoints.lock_store.type == "in_memory"


def test_redis_url_switches_the_lock_store_to_redis(tmp_path):
    endpoints = rendered_endpoints(
        tmp_path, ACTION_ENDPOINT_URL="http://127.0.0.1:5999/webhook", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert endpoints.lock_store.type == "redis"
    assert endpoints.lock_store.url == "127.0.0.1"
    assert endpoints.lock_store.kwargs["port"] == 6379 and endpoints.lock_store.kwargs["db"] == 3
    # And Rasa builds a working Redis lock store from it, on the machine's Redis.
    from rasa.core.lock_store import LockStore, RedisLockStore

    store = LockStore.create(endpoints.lock_store)
    assert isinstance(store, RedisLockStore)
    conversation = f"test-{uuid.uuid4().hex}"
    store.save_lock(store.create_lock(conversation))
    assert store.get_lock(conversation) is not None
    store.delete_lock(conversation)
    assert store.get_lock(conversation) is None


async def test_a_sender_the_database_cannot_encode_raises_instead_of_exiting(store, domain):
    from bot.conversation_store import ConversationStoreError

    # Rasa's own store calls sys.exit(1) here (SystemExit would escape `except Exception`).
    with pytest.raises(ConversationStoreError):
        await store.save(opening_turn("x\ud800", domain))
    sender = f"after-{uuid.uuid4().hex[:8]}"
    await store.save(opening_turn(sender, domain))  # and the store goes on
    assert (await store.retrieve(sender)).get_slot("age") == 17.0


async def test_what_forget_me_deleted_is_not_left_in_the_sqlite_files(tmp_path, domain):
    path = tmp_path / "conversations.db"
    store = ConversationStore(domain=domain, url=f"sqlite:///{path}")
    email = f"sam.{uuid.uuid4().hex[:8]}@example.org"
    try:
        tracker = opening_turn("forgotten-1", domain)
        tracker.update(UserUttered(f"my email is {email}", {"name": "inform", "confidence": 0.9}))
        await store.save(tracker)
        await store.save(opening_turn("kept-1", domain))
        # Into the file itself, as after hours of running (not only in the write-ahead log).
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert email.encode() in path.read_bytes()

        await store.save(forget_turn_of(await store.retrieve("forgotten-1")))

        files = [path, path.with_name(path.name + "-wal")]
        leftover = b"".join(p.read_bytes() for p in files if p.exists())
        assert email.encode() not in leftover
        assert await store.retrieve("kept-1") is not None
    finally:
        store.engine.dispose()


def forget_turn_of(tracker: DialogueStateTracker) -> DialogueStateTracker:
    for event in [UserUttered("forget me", {"name": "forget_me", "confidence": 0.97}),
                  ActionExecuted("action_forget_me"), Restarted(), ActionExecuted("action_session_start"),
                  SessionStarted(), ActionExecuted("action_listen")]:
        tracker.update(event)
    return tracker
