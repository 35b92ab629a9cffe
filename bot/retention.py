"""How long personal data lives, and forgetting a person on request.

What is kept, and for how long (RETENTION_DAYS, 90 by default):
- Conversations (Rasa's tracker events in TRACKER_DB_URL): a conversation nobody wrote in for
  that long is deleted whole; of a live one, the earlier sessions older than that are deleted
  (Rasa only reads the current session back, so the conversation goes on unchanged).
- Referrals (the catalog): deleted through the catalog's API when nobody touched them for that
  long, open and closed alike.
- Links between the conversations of one person (see below): deleted with the conversations.
- SMS opt-outs are never purged: carriers and the law require honouring a STOP for as long as we
  can text. They hold a keyed hash of the number and the time, nothing else.
- Logs hold no message text, contact details or phone numbers (SMS senders are keyed hashes),
  and are started afresh each time the services start.

One person can have several conversation ids on one channel: a web chat session is replaced by a
new one when the person starts over. The web channel records that the new session continues the
old one (`link`); "forget me" then deletes every conversation of that person (`forget_person`)
and their referrals, not only the current one. SMS senders are one keyed hash per phone number
and Teams senders one id per user for this bot, so there the sender id already is the person.

`purge_expired` is what the launcher runs daily; `python -m bot purge` runs it by hand.

SQLAlchemy Core only, in what versions 1.4 (Rasa's environment) and 2.x (the catalog's) share.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Iterable, Optional

import sqlalchemy as sa

from bot import settings as settings_module
from bot.sql import create_tables, ensure_sqlite_directory

logger = logging.getLogger(__name__)

DAY_SECONDS = 24 * 3600

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


# The retention purge


@dataclass
class PurgeReport:
    older_than_days: int
    conversations: int = 0
    events: int = 0
    referrals: Optional[int] = None
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What an operator reads: counts only, never the data."""
        referrals = "not purged" if self.referrals is None else str(self.referrals)
        lines = [
            f"Retention: {self.older_than_days} days",
            f"Conversations deleted whole: {self.conversations}",
            f"Conversation events deleted (those conversations and earlier sessions of others): {self.events}",
            f"Referrals deleted: {referrals}",
            "SMS opt-outs: kept (a STOP must be honoured for as long as we can text)",
        ]
        return lines + [f"Problem: {problem}" for problem in self.problems]


def purge_conversations(engine: sa.engine.Engine, older_than_days: int,
                        now: Optional[float] = None) -> tuple[int, int]:
    """Deletes conversations with nothing newer than the cutoff, and earlier sessions older than
    the cutoff of the others. Returns (conversations deleted whole, events deleted)."""
    cutoff = (time.time() if now is None else now) - older_than_days * DAY_SECONDS
    with engine.begin() as connection:
        inspector = sa.inspect(connection)
        if not inspector.has_table(events.name):
            return 0, 0
        newer = sa.select(events.c.sender_id).where(events.c.timestamp >= cutoff)
        gone = connection.execute(
            sa.select(sa.func.count(sa.distinct(events.c.sender_id))).where(
                events.c.sender_id.not_in(newer)
            )
        ).scalar() or 0
        later = events.alias("later")
        newer_here = sa.exists().where(later.c.sender_id == events.c.sender_id, later.c.timestamp >= cutoff)
        current_session = (
            sa.select(sa.func.max(later.c.timestamp))
            .where(later.c.sender_id == events.c.sender_id, later.c.type_name == SESSION_STARTED)
            .scalar_subquery()
        )
        deleted = connection.execute(
            events.delete().where(
                events.c.timestamp < cutoff,
                sa.or_(~newer_here, events.c.timestamp < current_session),
            )
        ).rowcount or 0
        if inspector.has_table(links.name):
            remaining = sa.select(events.c.sender_id)
            connection.execute(
                links.delete().where(links.c.linked_at < cutoff, links.c.sender_id.not_in(remaining))
            )
    return gone, deleted


def _catalog(method: str, url: str, api_key: str, body: Optional[dict] = None,
             timeout: float = 30) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method,
        headers={"X-API-Key": api_key, "Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.loads(answer.read() or b"{}")


def purge_referrals(catalog_url: str, api_key: str, older_than_days: int) -> int:
    answer = _catalog("POST", f"{catalog_url.rstrip('/')}/referrals/purge", api_key,
                      {"older_than_days": older_than_days})
    return int(answer.get("deleted", 0))


def delete_referrals(catalog_url: str, api_key: str, conversation_ids: Iterable[str]) -> int:
    """Deletes the referrals of these conversations ("forget me")."""
    deleted = 0
    for conversation_id in conversation_ids:
        query = urllib.parse.urlencode({"conversation_id": conversation_id})
        deleted += int(_catalog("DELETE", f"{catalog_url.rstrip('/')}/referrals?{query}", api_key)
                       .get("deleted", 0))
    return deleted


def _engine(url: str) -> sa.engine.Engine:
    ensure_sqlite_directory(url)
    return sa.create_engine(url)


def purge_expired(settings: Optional[settings_module.Settings] = None,
                  now: Optional[float] = None) -> PurgeReport:
    """Deletes everything older than RETENTION_DAYS (the launcher calls this daily). Never raises
    for an unreachable database or catalog: the report says what could not be done."""
    settings = settings or settings_module.load()
    report = PurgeReport(settings.retention_days)
    try:
        engine = _engine(settings.tracker_db_url)
        try:
            report.conversations, report.events = purge_conversations(engine, settings.retention_days, now)
        finally:
            engine.dispose()
    except sa.exc.SQLAlchemyError as error:
        report.problems.append(f"conversations not purged: {type(error).__name__}")
    if not settings.catalog_api_key:
        report.problems.append("referrals not purged: CATALOG_API_KEY is not set")
    else:
        try:
            report.referrals = purge_referrals(settings.catalog_base_url, settings.catalog_api_key,
                                               settings.retention_days)
        except (urllib.error.URLError, OSError, ValueError) as error:
            report.problems.append(f"referrals not purged: the catalog did not answer ({error})")
    for line in report.lines():
        logger.info(line)
    return report
