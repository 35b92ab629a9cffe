"""Fixtures for the conversation store: a real SQLite file and the machine's PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from bot.conversation_store import ConversationStore

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def domain():
    from rasa.shared.core.domain import Domain

    return Domain.load("domain")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        # A folder that does not exist yet, as var/ on a fresh clone.
        return f"sqlite:///{tmp_path / 'var' / 'conversations.db'}"
    return POSTGRES_URL


@pytest.fixture
def store(database_url, domain):
    store = ConversationStore(domain=domain, url=database_url)
    yield store
    store.engine.dispose()


@pytest.fixture
def sender_id(store):
    """A sender no other test (or run) uses; its rows are removed afterwards."""
    sender = f"test-{uuid.uuid4().hex}"
    yield sender
    store.delete_conversation(sender)


def stored_rows(store: ConversationStore, sender: str) -> list[tuple[str, str]]:
    """(type_name, action_name) of every stored event of one sender, read with plain SQL."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT type_name, action_name FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": sender},
        )
        return [tuple(row) for row in rows]
