"""What each catalog process builds from the records (the occupation and name indexes), kept
until the records change.

Every write of records (an import through the API or the command line, a feed poll) replaces a
random stamp in the `catalog_changes` row, in the same transaction as the records. A reader reads
the stamp (one small query) and rebuilds what it kept under an older stamp. The stamp lives in the
database, not in the process, so an import run by another process or on another replica is seen
at the next request; and it is random, not a counter, so two databases never share one.
"""

from __future__ import annotations

import secrets
import threading
from typing import Callable, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalog import models

T = TypeVar("T")
ROW = 1
# (database URL, what) -> (stamp, the thing built)
_KEPT: dict[tuple[str, str], tuple[str, object]] = {}
_LOCK = threading.Lock()


def mark(session: Session) -> None:
    """Say, in the caller's transaction, that records changed."""
    session.execute(update(models.CatalogChanges).where(models.CatalogChanges.id == ROW)
                    .values(stamp=secrets.token_hex(16)))
    session.info.pop("catalog_stamp", None)


def stamp(session: Session) -> str | None:
    """The current stamp, read once per transaction (a request asks for both indexes)."""
    transaction = session.get_transaction()
    seen = session.info.get("catalog_stamp")
    if transaction is not None and seen is not None and seen[0] is transaction:
        return seen[1]
    current = session.scalar(select(models.CatalogChanges.stamp).where(models.CatalogChanges.id == ROW))
    session.info["catalog_stamp"] = (session.get_transaction(), current)
    return current


def kept(session: Session, what: str, build: Callable[[Session], T]) -> T:
    """`build(session)`, or what it returned earlier when the records have not changed since.

    The stamp is read before the records, so something built from newer records than its stamp
    says is rebuilt once more at worst, and never the other way round."""
    current = stamp(session)
    if current is None:  # a database from before the stamp: nothing is kept
        return build(session)
    key = (session.get_bind().url.render_as_string(hide_password=False), what)
    found = _KEPT.get(key)
    if found is not None and found[0] == current:
        return found[1]  # type: ignore[return-value]
    built = build(session)
    with _LOCK:
        _KEPT[key] = (current, built)
    return built
