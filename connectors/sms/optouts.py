"""Who has opted out of SMS (STOP), kept by sender hash so no phone number is stored.

SQLite under VAR_DIR by default; any SQLAlchemy URL (PostgreSQL for several Rasa servers sharing
one list) through SMS_OPT_OUT_DB_URL. Calls are blocking and short: the channel runs them in a
worker thread so the event loop keeps serving other people.
"""

from __future__ import annotations

import time

import sqlalchemy as sa

from core.sql import create_tables, ensure_sqlite_directory

metadata = sa.MetaData()
opt_outs = sa.Table(
    "sms_opt_outs",
    metadata,
    sa.Column("sender_hash", sa.String(80), primary_key=True),
    sa.Column("opted_out_at", sa.Float, nullable=False),
)


class OptOutStore:
    def __init__(self, url: str) -> None:
        ensure_sqlite_directory(url)
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
