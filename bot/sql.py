"""Small helpers for the project's own SQL stores (conversations, links between them, SMS opt-outs).

No imports beyond SQLAlchemy, and only what SQLAlchemy 1.4 (Rasa's environment) and 2.x (the
catalog's) share, so the stores and the operator commands use the same code.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url


def ensure_sqlite_directory(url) -> None:
    """SQLite creates the file but not its folder (var/ does not exist on a fresh clone)."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def create_tables(engine: sa.engine.Engine, tables: sa.MetaData) -> None:
    """Creates what is missing, also when another thread or server does the same at that moment:
    "check, then create" is not atomic, so the loser of that race finds the table made for it."""
    try:
        tables.create_all(engine)
    except (sa.exc.OperationalError, sa.exc.ProgrammingError, sa.exc.IntegrityError):
        inspector = sa.inspect(engine)
        if not all(inspector.has_table(name) for name in tables.tables):
            raise
