"""Small helpers for the project's own SQL stores (conversations, links between them, SMS opt-outs).

No imports beyond SQLAlchemy, and only what SQLAlchemy 1.4 (Rasa's environment) and 2.x (the
catalog's) share, so the stores and the operator commands use the same code.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url


def ensure_sqlite_directory(url) -> None:
    """SQLite creates the file but not its folder (var/ does not exist on a fresh clone). Both are
    made private to their owner (0700, 0600): they hold conversations and contact details."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        private_file(Path(url.database).expanduser())


def private_file(path: Path) -> None:
    """Creates `path` (and its folder) readable by its owner only, unless it exists already."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def create_tables(engine: sa.engine.Engine, tables: sa.MetaData) -> None:
    """Creates what is missing, also when another thread or server does the same at that moment:
    "check, then create" is not atomic, so the loser of that race finds the table made for it."""
    try:
        tables.create_all(engine)
    except (sa.exc.OperationalError, sa.exc.ProgrammingError, sa.exc.IntegrityError):
        inspector = sa.inspect(engine)
        if not all(inspector.has_table(name) for name in tables.tables):
            raise


def secure_delete(engine: sa.engine.Engine) -> None:
    """SQLite keeps deleted rows in its free pages until they are reused: a deleted email could
    still be read from the file. With secure_delete every connection overwrites what it deletes."""
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _secure_delete_pragma)


def _secure_delete_pragma(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def checkpoint(engine: sa.engine.Engine) -> None:
    """After personal data was deleted from a SQLite file in write-ahead-log mode: copy the log
    into the file and empty it, so the deleted rows do not stay behind in the log's older frames."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
