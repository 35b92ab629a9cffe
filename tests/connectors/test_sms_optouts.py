"""Opt-outs survive a restart and are stored by sender hash only."""

import os
import sqlite3
import uuid

import pytest
import sqlalchemy as sa

from connectors.sms.optouts import OptOutStore

URLS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_POSTGRES_URL") else [])


@pytest.fixture(params=URLS)
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nested' / 'opt-outs.db'}"
    return os.environ["TEST_POSTGRES_URL"]


def test_opt_out_is_remembered_until_opt_in(url):
    sender = f"sms-{uuid.uuid4().hex}"
    store = OptOutStore(url)
    assert not store.is_opted_out(sender)
    store.opt_out(sender)
    store.opt_out(sender)  # a second STOP changes nothing
    store.close()

    reopened = OptOutStore(url)
    assert reopened.is_opted_out(sender)
    assert not reopened.is_opted_out(f"sms-{uuid.uuid4().hex}")
    reopened.opt_in(sender)
    assert not reopened.is_opted_out(sender)
    reopened.close()


def test_only_the_hash_is_stored(tmp_path):
    path = tmp_path / "opt-outs.db"
    store = OptOutStore(f"sqlite:///{path}")
    store.opt_out("sms-abc")
    store.close()
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT * FROM sms_opt_outs").fetchall()
    assert len(rows) == 1 and rows[0][0] == "sms-abc"
    assert [c[1] for c in sqlite3.connect(path).execute("PRAGMA table_info(sms_opt_outs)")] == [
        "sender_hash", "opted_out_at"
    ]


def test_store_uses_the_given_database_not_a_default(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    OptOutStore(url).opt_out("sms-1")
    assert sa.inspect(sa.create_engine(url)).has_table("sms_opt_outs")
