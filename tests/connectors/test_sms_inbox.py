"""The SMS inbox on SQLite and on PostgreSQL: texts come out oldest first per sender, one server at
a time holds a text, a later text never overtakes one being answered or waiting for a retry, and a
claim left by a server that died is taken up once its lease runs out, or at once by the server
starting in its place."""

from __future__ import annotations

import pytest

from connectors.sms.inbox import LEASE_SECONDS, Inbox
from tests.connectors.test_sms_reliability import fresh_database  # noqa: F401 - a fixture


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def inbox(fresh_database):  # noqa: F811 - the fixture imported above
    clock = Clock()
    box = Inbox(fresh_database, clock=clock)
    yield box, clock
    box.close()


def test_texts_come_out_in_order_and_once(inbox):
    box, clock = inbox
    for n, sid in enumerate(["SM1", "SM2"]):
        clock.now += 1
        assert box.add(sid, "sms-a", "+15555550100", f"text {n}", 0)
    assert not box.add("SM1", "sms-a", "+15555550100", "text 0", 0)  # held already
    box.add("SM3", "sms-b", "+15555550101", "other", 0)
    assert sorted(box.senders_waiting()) == ["sms-a", "sms-b"]

    first = box.claim_next("sms-a", "server-1")
    assert (first.message_sid, first.body, first.attempts) == ("SM1", "text 0", 1)
    # Another server gets nothing of this sender: the oldest is held, the later one waits behind it.
    assert box.claim_next("sms-a", "server-2") is None
    assert box.senders_waiting() == ["sms-b"]
    box.sent("SM1", 1)
    box.done("SM1")
    second = box.claim_next("sms-a", "server-2")
    assert second.message_sid == "SM2" and box.waiting() == 2


def test_a_dead_servers_claim_is_taken_up_after_its_lease_and_a_retry_waits(inbox):
    box, clock = inbox
    box.add("SM1", "sms-a", "+15555550100", "hi", 0)
    box.claim_next("sms-a", "dead-server")
    box.sent("SM1", 2)
    clock.now += LEASE_SECONDS / 2
    box.renew("live-server", ["SM1"])  # someone else's renewal does not keep it
    assert box.claim_next("sms-a", "live-server") is None
    clock.now += LEASE_SECONDS
    again = box.claim_next("sms-a", "live-server")
    assert (again.attempts, again.bodies_sent) == (2, 2)
    # The live server renews its claim while it works: nobody takes it meanwhile.
    clock.now += LEASE_SECONDS * 0.9
    box.renew("live-server", ["SM1"])
    clock.now += LEASE_SECONDS * 0.9
    assert box.claim_next("sms-a", "third-server") is None
    # A claim it no longer works on (its task failed) is not renewed, and runs out.
    box.renew("live-server", [])
    clock.now += LEASE_SECONDS * 0.2
    assert box.claim_next("sms-a", "third-server") is not None
    box.retry_later("SM1", 0)
    box.retry_later("SM1", 5)
    assert box.claim_next("sms-a", "third-server") is None and box.senders_waiting() == []
    clock.now += 5
    assert box.claim_next("sms-a", "third-server").attempts == 4


def test_a_server_starting_where_one_died_takes_its_texts_at_once(inbox):
    box, clock = inbox
    box.add("SM1", "sms-a", "+15555550100", "hi", 0)
    box.add("SM2", "sms-b", "+15555550101", "hello", 0)
    box.claim_next("sms-a", "dead-server", "host:5006")
    box.claim_next("sms-b", "other-replica", "host:5007")
    # Its claims have not run out, but nothing else can listen on host:5006 while it lives.
    assert box.take_over("host:5006", "new-server") == 1
    taken = box.claim_next("sms-a", "new-server", "host:5006")
    assert taken.message_sid == "SM1" and taken.attempts == 2
    # The other replica's claim is its own, and the new server's own claims stay too.
    assert box.take_over("host:5006", "new-server") == 0
    assert box.claim_next("sms-b", "new-server", "host:5006") is None
