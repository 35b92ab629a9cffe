"""Texts acknowledged to Twilio and not yet answered, kept in a database so a Rasa server killed
mid-turn (SIGKILL, an out-of-memory kill) loses none of them.

Twilio sends a text once: after our 200 it never sends it again. So a text is written here before
the webhook answers, and deleted only once its reply went out (or the person was asked to resend
it). Whatever is left when a server dies is taken up again, in order per sender, by the next server
that looks: the same one after its restart, or another replica.

Who is answering a text is a lease: a server claims a row for LEASE_SECONDS and renews the claim
while it works; a row whose lease ran out belongs to a server that died. Claims are one UPDATE
each, so two replicas never answer the same text. A claim also names the server's place (host and
port): a server starting in the place of one that died takes that one's texts at once, without
waiting for their leases (only one process can listen on a host's port). A row also counts its attempts, so a text that
itself kills the server is dropped, with an apology, after MAX_ATTEMPTS instead of crashing it
again and again.

SQLite under VAR_DIR by default; PostgreSQL (any SQLAlchemy URL) when SMS_INBOX_DB_URL, or else
SMS_OPT_OUT_DB_URL, names one, as replicas need. The phone number is held here only while its text
waits (the reply must reach it); the row is deleted once answered. Calls are blocking and short:
the channel runs them in a worker thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from core.sql import create_tables, ensure_sqlite_directory, secure_delete

# A server that stops renewing its claims for this long is taken for dead.
LEASE_SECONDS = 30.0
# Claims of one text, the first included: one replay after a crash, and one more.
MAX_ATTEMPTS = 3

metadata = sa.MetaData()
inbox = sa.Table(
    "sms_inbox",
    metadata,
    sa.Column("message_sid", sa.String(64), primary_key=True),
    sa.Column("sender_hash", sa.String(80), nullable=False, index=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("num_media", sa.Integer, nullable=False, default=0),
    sa.Column("received", sa.Float, nullable=False),
    # Claimable once this moment has passed: 0 when new, the end of a lease, or of a retry pause.
    sa.Column("lease_until", sa.Float, nullable=False, default=0.0),
    sa.Column("owner", sa.String(40)),
    sa.Column("place", sa.String(300)),  # host and port of the server holding the claim
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    # How many bodies of its reply went out already (a reply can be several texts).
    sa.Column("bodies_sent", sa.Integer, nullable=False, default=0),
)


@dataclass(frozen=True)
class Text:
    message_sid: str
    sender: str
    number: str
    body: str
    num_media: int
    attempts: int
    bodies_sent: int


class Inbox:
    def __init__(self, url: str, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        if url in ("", "sqlite://"):
            # In this process only (tests of the channel alone): one shared connection.
            self.engine = sa.create_engine("sqlite://", future=True, poolclass=StaticPool,
                                           connect_args={"check_same_thread": False})
        else:
            ensure_sqlite_directory(url)
            self.engine = sa.create_engine(url, future=True, pool_pre_ping=True)
        # Bodies and numbers: nothing of them may stay in the file's free pages once deleted.
        secure_delete(self.engine)
        create_tables(self.engine, metadata)

    def add(self, message_sid: str, sender: str, number: str, body: str, num_media: int) -> bool:
        """Keeps a text until it is answered; False when it is held already."""
        try:
            with self.engine.begin() as conn:
                conn.execute(inbox.insert().values(
                    message_sid=message_sid, sender_hash=sender, number=number, body=body,
                    num_media=num_media, received=self.clock(), lease_until=0.0, attempts=0, bodies_sent=0))
        except sa.exc.IntegrityError:
            return False
        return True

    def claim_next(self, sender: str, owner: str, place: str = "") -> Optional[Text]:
        """The sender's oldest waiting text, now claimed by `owner`; None when there is none, or
        when the oldest is being answered elsewhere or waits to be retried (a later text must
        not overtake it)."""
        now = self.clock()
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(inbox).where(inbox.c.sender_hash == sender)
                .order_by(inbox.c.received, inbox.c.message_sid).limit(1)
            ).first()
            if row is None or row.lease_until > now:
                return None
            claimed = conn.execute(
                inbox.update()
                .where(inbox.c.message_sid == row.message_sid, inbox.c.lease_until == row.lease_until)
                .values(owner=owner, place=place, lease_until=now + LEASE_SECONDS,
                        attempts=inbox.c.attempts + 1)
            )
            if claimed.rowcount != 1:
                return None  # another server claimed it at this moment
        return Text(row.message_sid, row.sender_hash, row.number, row.body, row.num_media,
                    row.attempts + 1, row.bodies_sent)

    def senders_waiting(self) -> list[str]:
        """Senders whose oldest text can be claimed now (new, retried, or left by a dead server);
        not those whose oldest is being answered (their later texts wait behind it)."""
        now = self.clock()
        older = inbox.alias("older")
        held_before = sa.exists().where(older.c.sender_hash == inbox.c.sender_hash,
                                        older.c.received < inbox.c.received, older.c.lease_until > now)
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(inbox.c.sender_hash).where(inbox.c.lease_until <= now, ~held_before).distinct()
            ).all()
        return [row.sender_hash for row in rows]

    def renew(self, owner: str, message_sids: Iterable[str]) -> None:
        """Extends `owner`'s claims on the texts it is still answering: it is alive."""
        sids = list(message_sids)
        if not sids:
            return
        with self.engine.begin() as conn:
            conn.execute(inbox.update().where(inbox.c.owner == owner, inbox.c.message_sid.in_(sids))
                         .values(lease_until=self.clock() + LEASE_SECONDS))

    def take_over(self, place: str, owner: str) -> int:
        """Frees the claims an earlier server in this place left when it died; how many."""
        with self.engine.begin() as conn:
            freed = conn.execute(inbox.update().where(inbox.c.place == place, inbox.c.owner != owner)
                                 .values(owner=None, lease_until=0.0))
        return freed.rowcount

    def sent(self, message_sid: str, bodies_sent: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(inbox.update().where(inbox.c.message_sid == message_sid)
                         .values(bodies_sent=bodies_sent))

    def retry_later(self, message_sid: str, seconds: float) -> None:
        """Gives a claim back, to be taken up again after `seconds`."""
        with self.engine.begin() as conn:
            conn.execute(inbox.update().where(inbox.c.message_sid == message_sid)
                         .values(owner=None, lease_until=self.clock() + seconds))

    def done(self, message_sid: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(inbox.delete().where(inbox.c.message_sid == message_sid))

    def waiting(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(inbox)).scalar_one()

    def close(self) -> None:
        self.engine.dispose()
