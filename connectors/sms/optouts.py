"""Who has opted out of SMS (STOP), kept by sender hash so no phone number is stored.

SQLite under VAR_DIR by default; any SQLAlchemy URL (PostgreSQL for several Rasa servers sharing
one list) through SMS_OPT_OUT_DB_URL. Calls are blocking and short: the channel runs them in a
worker thread so the event loop keeps serving other people.
"""

from __future__ import annotations

import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

metadata = sa.MetaData()
opt_outs = sa.Table(
    "sms_opt_outs",
    metadata,
    sa.Column("sender_hash", sa.String(80), primary_key=True),
    sa.Column("opted_out_at", sa.Float, nullable=False),
)


def create_tables(engine: sa.engine.Engine, tables: sa.MetaData) -> None:
    """Creates what is missing, also when another thread or server does the same at that moment:
    "check, then create" is not atomic, so the loser of that race finds the table made for it."""
    try:
        tables.create_all(engine)
    except (sa.exc.OperationalError, sa.exc.ProgrammingError, sa.exc.IntegrityError):
        inspector = sa.inspect(engine)
        if not all(inspector.has_table(name) for name in tables.tables):
            raise


class OptOutStore:
    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(url, future=True, pool_pre_ping=True)
        create_tables(self.engine, metadata)

    def is_opted_out(self, sender_hash: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(opt_outs.c.sender_hash).where(opt_outs.c.sender_hash == sender_hash)
            ).first()
        return row is not None

    def opt_out(self, sender_hash: str) -> None:
        try:
            with self.engine.begin() as conn:
                # Delete-then-insert works the same on SQLite and PostgreSQL (no dialect upsert).
                conn.execute(opt_outs.delete().where(opt_outs.c.sender_hash == sender_hash))
                conn.execute(
                    opt_outs.insert().values(sender_hash=sender_hash, opted_out_at=time.time())
                )
        except sa.exc.IntegrityError:
            pass  # another server stored the same opt-out at the same moment

    def opt_in(self, sender_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(opt_outs.delete().where(opt_outs.c.sender_hash == sender_hash))

    def close(self) -> None:
        self.engine.dispose()
