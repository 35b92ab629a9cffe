"""Where Rasa keeps conversations: Rasa's SQL tracker store, configured from TRACKER_DB_URL.

endpoints.yml names this class (``bot.conversation_store.ConversationStore``) instead of spelling
out a dialect, host and password, so the same settings module that every other process reads
decides where conversations live: a SQLite file by default, PostgreSQL when the URL names one.

It also honours "forget me": when a turn ran ``action_forget_me``, every stored event of that
person is deleted instead of saving the turn, so nothing they said stays behind.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine.url import make_url

from bot import settings as settings_module

logger = logging.getLogger(__name__)

FORGET_ACTION = "action_forget_me"


class ConversationStore(SQLTrackerStore):
    """SQLTrackerStore built from one database URL, deleting a conversation on request."""

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
        _ensure_sqlite_directory(parsed)
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

    async def save(self, tracker: DialogueStateTracker) -> None:
        if _ran_forget_me(self._unsaved_events(tracker)):
            self.delete_conversation(tracker.sender_id)
            return
        await super().save(tracker)

    def delete_conversation(self, sender_id: str) -> int:
        """Delete every stored event of one conversation; returns how many were deleted."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        # The sender id is a pseudonym (SMS senders are keyed hashes), safe to log.
        logger.info("Deleted %d stored events of conversation %s on request", deleted, sender_id)
        return deleted

    def _unsaved_events(self, tracker: DialogueStateTracker) -> list:
        with self.session_scope() as session:
            return list(self._additional_events(session, tracker))


def _ran_forget_me(events: list) -> bool:
    # Not just the latest event: after action_forget_me restarts the conversation, Rasa runs
    # action_session_start in the same turn, so the request sits a few events back.
    return any(
        isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION
        for event in events
    )


def _ensure_sqlite_directory(url) -> None:
    """SQLite creates the file but not its folder (var/ does not exist on a fresh clone)."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
