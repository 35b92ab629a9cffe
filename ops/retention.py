"""How long personal data lives, and the purge that enforces it.

What is kept, and for how long (RETENTION_DAYS, 90 by default):
- Conversations (Rasa's tracker events in TRACKER_DB_URL): a conversation nobody wrote in for
  that long is deleted whole; of a live one, the earlier sessions older than that are deleted
  (Rasa only reads the current session back, so the conversation goes on unchanged).
- Referrals (the catalog): deleted through the catalog's API when nobody touched them for that
  long, open and closed alike.
- Links between the conversations of one person (bot/forgetting.py): deleted with the conversations.
- SMS opt-outs are never purged: carriers and the law require honouring a STOP for as long as we
  can text. They hold a keyed hash of the number and the time, nothing else.
- Logs hold no message text, contact details or phone numbers (SMS senders are keyed hashes,
  bot/quiet_logs.py keeps Rasa from quoting messages). Each is rotated past 10 MB (three older
  files kept, ops/processes.py); rotated files older than RETENTION_DAYS are deleted here.

Forgetting one person on request ("forget me") is bot/forgetting.py's: the conversation store
does it inside the Rasa process.

`purge_expired` is what the launcher runs daily; `python -m ops purge` runs it by hand.

SQLAlchemy Core only, in what versions 1.4 (Rasa's environment) and 2.x (the catalog's) share.
"""

from __future__ import annotations

import logging
import time
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from bot.forgetting import SESSION_STARTED, catalog_request, events, links
from core import settings as settings_module
from core.sql import checkpoint, ensure_sqlite_directory, secure_delete

logger = logging.getLogger(__name__)

DAY_SECONDS = 24 * 3600


# The retention purge


@dataclass
class PurgeReport:
    older_than_days: int
    conversations: int = 0
    events: int = 0
    referrals: Optional[int] = None
    old_logs: int = 0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What an operator reads: counts only, never the data."""
        referrals = "not purged" if self.referrals is None else str(self.referrals)
        lines = [
            f"Retention: {self.older_than_days} days",
            f"Conversations deleted whole: {self.conversations}",
            f"Conversation events deleted (those conversations and earlier sessions of others): {self.events}",
            f"Referrals deleted: {referrals}",
            f"Rotated logs deleted: {self.old_logs}",
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


def purge_referrals(catalog_url: str, api_key: str, older_than_days: int) -> int:
    answer = catalog_request("POST", f"{catalog_url.rstrip('/')}/referrals/purge", api_key,
                      {"older_than_days": older_than_days})
    return int(answer.get("deleted", 0))


def purge_logs(log_dir: Path, older_than_days: int, now: Optional[float] = None) -> int:
    """Deletes rotated logs (name.log.N) last written before the cutoff; returns how many."""
    cutoff = (time.time() if now is None else now) - older_than_days * DAY_SECONDS
    deleted = 0
    for path in log_dir.glob("*.log.*") if log_dir.is_dir() else ():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink()
            deleted += 1
    return deleted


def _engine(url: str) -> sa.engine.Engine:
    ensure_sqlite_directory(url)
    engine = sa.create_engine(url)
    secure_delete(engine)  # what is purged is overwritten, not left in free pages
    return engine


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
            checkpoint(engine)
        finally:
            engine.dispose()
    except sa.exc.SQLAlchemyError as error:
        report.problems.append(f"conversations not purged: {type(error).__name__}")
    try:
        report.old_logs = purge_logs(settings.var_dir / "logs", settings.retention_days, now)
    except OSError as error:
        report.problems.append(f"rotated logs not purged: {type(error).__name__}")
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
