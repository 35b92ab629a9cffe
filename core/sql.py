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
