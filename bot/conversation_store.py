"""Where Rasa keeps conversations: Rasa's SQL tracker store, configured from TRACKER_DB_URL.

endpoints.yml names this class (``bot.conversation_store.ConversationStore``) instead of spelling
out a dialect, host and password, so the same settings module that every other process reads
decides where conversations live: a SQLite file by default, PostgreSQL when the URL names one.

It also honours "forget me": when a turn ran ``action_forget_me``, every stored event of that
person is deleted instead of saving the turn, so nothing they said stays behind, together with
their earlier conversations on the same channel (a web chat that was started over) and those
conversations' referrals (bot/forgetting.py says which ids one person has).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Iterator, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, ensure_schema_exists
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
import sqlalchemy
import sqlalchemy.orm
import sqlalchemy.pool
from sqlalchemy.engine.url import make_url

from bot import quiet_logs  # noqa: F401 - Rasa's warnings that quote a person's words, left out
from bot import rasa_speedups  # noqa: F401 - two of Rasa's per-turn costs, cut (see the module)
from bot import forgetting
from core import settings as settings_module
from core.sql import checkpoint, ensure_sqlite_directory, secure_delete

logger = logging.getLogger(__name__)

FORGET_ACTION = "action_forget_me"


class ConversationStoreError(RuntimeError):
    """The store could not read or write a conversation; that turn fails, the process goes on."""


class ConversationStore(SQLTrackerStore):
    """SQLTrackerStore built from one database URL, deleting a person's conversations on request."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[str] = None,
        **kwargs: Any,
    ) -> None:
        # Rasa passes the endpoint's `url` as `host`; the URL from the settings wins unless the
        # endpoint (or a test) names one explicitly.
        explicit = url or kwargs.pop("host", None)
        parsed = make_url(explicit or settings_module.load().tracker_db_url)
        ensure_sqlite_directory(parsed)
        super().__init__(
            domain=domain,
            dialect=parsed.drivername,
            host=parsed.host,
            port=parsed.port,
            db=parsed.database,
            username=parsed.username,
            password=parsed.password,
            event_broker=event_broker,
            query=dict(parsed.query) or None,
            **kwargs,
        )
        if self.engine.dialect.name == "sqlite":
            # Rasa's engine opens and closes a connection per query (NullPool); closing the last
            # connection of a write-ahead log checkpoints it to disk. Keep connections instead,
            # as SQLAlchemy 2 does for SQLite files (each is used by one thread at a time).
            self.engine.dispose()
            self.engine = sqlalchemy.create_engine(
                self.engine.url, poolclass=sqlalchemy.pool.QueuePool,
                connect_args={"check_same_thread": False},
            )
            sqlalchemy.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            secure_delete(self.engine)
            self.sessionmaker = sqlalchemy.orm.sessionmaker(bind=self.engine)
        # Made at start-up (never on first use), and safe when several servers start together.
        forgetting.create_link_table(self.engine)

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[sqlalchemy.orm.Session]:
        """Rasa's scope calls sys.exit(1) on any ValueError, and a sender id or text the database
        cannot encode is one (UnicodeEncodeError): one bad message stopped every conversation.
        Here the error is raised as ConversationStoreError; the channel apologises for that turn."""
        session = self.sessionmaker()
        try:
            ensure_schema_exists(session)
            yield session
        except ValueError as error:
            session.rollback()
            # The type only: the value may quote what the person sent.
            raise ConversationStoreError(f"the conversation store refused an operation ({type(error).__name__})") from error
        finally:
            session.close()

    async def save(self, tracker: DialogueStateTracker) -> None:
        if _ran_forget_me(_this_turn(tracker)):
            await self.forget(tracker.sender_id)
            return
        await super().save(tracker)

    async def forget(self, sender_id: str) -> list[str]:
        """Deletes this person's conversations and, for the earlier ones, their referrals (the
        forget-me action deletes the current conversation's and tells the person if it could
        not). Returns the conversation ids."""
        senders = self.delete_conversation(sender_id)
        earlier = [sender for sender in senders if sender != sender_id]
        if earlier:
            config = settings_module.load()
            try:
                await asyncio.to_thread(
                    forgetting.delete_referrals, config.catalog_base_url, config.catalog_key_for_bot, earlier
                )
            except Exception as error:  # noqa: BLE001 - the retention purge deletes them later
                logger.error("Referrals of %d earlier conversations of %s were not deleted: %s",
                             len(earlier), sender_id, type(error).__name__)
        return senders

    def delete_conversation(self, sender_id: str) -> list[str]:
        """Deletes every stored event of this conversation and of the person's other ones on the
        same channel; returns the conversation ids."""
        senders, deleted = forgetting.forget_person(self.engine, sender_id)
        checkpoint(self.engine)  # nothing of theirs left in the SQLite write-ahead log
        # Sender ids are pseudonyms (SMS senders are keyed hashes), safe to log.
        logger.info("Deleted %d stored events of %d conversation(s) of %s on request",
                    deleted, len(senders), sender_id)
        return senders

    def link(self, sender_id: str, previous_sender_id: str) -> None:
        """`sender_id` is a new conversation of the person who had `previous_sender_id`."""
        forgetting.link(self.engine, sender_id, previous_sender_id)


def _sqlite_write_ahead_log(connection, _record) -> None:
    """Each turn is one commit. SQLite's default journal makes every commit wait for the disk
    twice (about 25-60 ms here, the largest cost of saving a turn); with a write-ahead log and
    synchronous=NORMAL a commit is an append, and readers (web history, the purge) never block
    the writer. A committed turn survives the process crashing; a power cut may lose the last
    moments, which the default SQLite store accepts (PostgreSQL is the production store)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _this_turn(tracker: DialogueStateTracker) -> list:
    """The events since the latest user message: what this turn added (no query needed)."""
    turn = []
    for event in reversed(tracker.events):
        turn.append(event)
        if isinstance(event, UserUttered):
            break
    return turn


def _ran_forget_me(events: list) -> bool:
    # Not just the latest event: after action_forget_me restarts the conversation, Rasa runs
    # action_session_start in the same turn, so the request sits a few events back.
    return any(
        isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION
        for event in events
    )
