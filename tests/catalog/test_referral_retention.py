"""Referrals are kept only as long as the retention period: the purge deletes those nobody touched
for that many days, open and closed alike, and nothing newer."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa

from catalog import models


def make_referral(catalog, status: str = "new") -> str:
    created = catalog.writer.post("/referrals", json={
        "contact": "sam@example.org", "contact_method": "email", "consent": True,
        "conversation_id": f"retention-{uuid.uuid4().hex[:8]}",
    })
    assert created.status_code == 201
    referral = created.json()
    if status != "new":
        assert catalog.writer.patch(f"/referrals/{referral['id']}", json={"status": status}).status_code == 200
    return referral["id"]


def age(catalog, referral_id: str, days: int) -> None:
    """Moves a referral's dates into the past, as if it had been made and last touched then."""
    then = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    with catalog.engine.begin() as connection:
        connection.execute(
            sa.update(models.Referral).where(models.Referral.id == referral_id)
            .values(created_at=then, updated_at=then)
        )


def exists(catalog, referral_id: str) -> bool:
    with catalog.engine.connect() as connection:
        return connection.execute(
            sa.select(models.Referral.id).where(models.Referral.id == referral_id)
        ).first() is not None


def test_purge_deletes_referrals_untouched_longer_than_the_period(catalog):
    old_open, old_closed = make_referral(catalog), make_referral(catalog, "closed")
    recent, just_inside = make_referral(catalog, "contacted"), make_referral(catalog)
    age(catalog, old_open, 91)
    age(catalog, old_closed, 200)
    age(catalog, recent, 10)
    age(catalog, just_inside, 89)

    answer = catalog.writer.post("/referrals/purge", json={"older_than_days": 90})

    assert answer.status_code == 200
    assert answer.json()["deleted"] >= 2
    assert not exists(catalog, old_open) and not exists(catalog, old_closed)
    assert exists(catalog, recent) and exists(catalog, just_inside)
    # Nothing older is left for a second run.
    assert catalog.writer.post("/referrals/purge", json={"older_than_days": 90}).json() == {"deleted": 0}


def test_purge_needs_the_key_and_a_sensible_period(catalog, api):
    assert api.post("/referrals/purge", json={"older_than_days": 90}).status_code == 401
    for body in ({"older_than_days": 0}, {"older_than_days": "soon"}, {}, {"older_than_days": 90, "all": True}):
        answer = catalog.writer.post("/referrals/purge", json=body)
        assert answer.status_code == 422, body
        assert answer.json()["detail"]
