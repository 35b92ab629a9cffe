"""Forgetting a person on request, and the links that say which conversations are one person's.

One person can have several conversation ids on one channel: a web chat session is replaced by a
new one when the person starts over. The web channel records that the new session continues the
old one (`link`); "forget me" then deletes every conversation of that person (`forget_person`)
and their referrals (`delete_referrals`), not only the current one. SMS senders are one keyed hash
per phone number and Teams senders one id per user for this bot, so there the sender id already is
the person. How long data is kept otherwise is ops/retention.py's.

SQLAlchemy Core only, in what versions 1.4 (Rasa's environment) and 2.x (the catalog's) share.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from typing import Iterable, Optional

import sqlalchemy as sa

from core.sql import create_tables

# Rasa's own table (rasa.core.tracker_store.SQLTrackerStore), described here only to query it.
_rasa_tables = sa.MetaData()
events = sa.Table(
    "events",
    _rasa_tables,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
)
SESSION_STARTED = "session_started"

link_tables = sa.MetaData()
links = sa.Table(
    "conversation_links",
    link_tables,
    # Each conversation (sender id) belongs to one person, named by their first conversation.
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("person_id", sa.String(255), nullable=False, index=True),
    sa.Column("linked_at", sa.Float, nullable=False),
)


def create_link_table(engine: sa.engine.Engine) -> None:
    create_tables(engine, link_tables)


# Linking conversations of one person and forgetting them all


def person_of(connection, sender_id: str) -> str:
    found = connection.execute(
        sa.select(links.c.person_id).where(links.c.sender_id == sender_id)
    ).first()
    return found[0] if found else sender_id


def link(engine: sa.engine.Engine, sender_id: str, previous_sender_id: str,
         now: Optional[float] = None) -> str:
    """Records that `sender_id` continues the conversations of `previous_sender_id`'s person;
    returns that person's id."""
    now = time.time() if now is None else now
    with engine.begin() as connection:
        person = person_of(connection, previous_sender_id)
        for sender in {previous_sender_id, sender_id}:
            connection.execute(links.delete().where(links.c.sender_id == sender))
            connection.execute(links.insert().values(sender_id=sender, person_id=person, linked_at=now))
    return person


def conversations_of(connection, sender_id: str) -> list[str]:
    """Every conversation id of the person `sender_id` belongs to, itself included."""
    person = person_of(connection, sender_id)
    linked = connection.execute(
        sa.select(links.c.sender_id).where(links.c.person_id == person)
    ).scalars().all()
    return sorted({sender_id, person, *linked})


def forget_person(engine: sa.engine.Engine, sender_id: str) -> tuple[list[str], int]:
    """Deletes every stored event of every conversation of this person, and the links between
    them; returns (the conversation ids, how many events were deleted)."""
    with engine.begin() as connection:
        senders = conversations_of(connection, sender_id)
        deleted = 0
        if sa.inspect(connection).has_table(events.name):
            deleted = connection.execute(
                events.delete().where(events.c.sender_id.in_(senders))
            ).rowcount or 0
        person = person_of(connection, sender_id)
        connection.execute(
            links.delete().where(sa.or_(links.c.sender_id.in_(senders), links.c.person_id == person))
        )
    return senders, deleted


def catalog_request(method: str, url: str, api_key: str, body: Optional[dict] = None,
             timeout: float = 30) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method,
        headers={"X-API-Key": api_key, "Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.loads(answer.read() or b"{}")


def delete_referrals(catalog_url: str, api_key: str, conversation_ids: Iterable[str]) -> int:
    """Deletes the referrals of these conversations ("forget me")."""
    deleted = 0
    for conversation_id in conversation_ids:
        query = urllib.parse.urlencode({"conversation_id": conversation_id})
        deleted += int(catalog_request("DELETE", f"{catalog_url.rstrip('/')}/referrals?{query}", api_key)
                       .get("deleted", 0))
    return deleted
