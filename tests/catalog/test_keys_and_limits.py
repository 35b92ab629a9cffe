"""Who may do what with referrals (the assistant's key, the advisors' key, the operator's key),
and the body limit held also for chunked bodies that state no length."""

from __future__ import annotations

import uuid

import httpx

from catalog.app import MAX_BODY_BYTES


def referral(conversation_id: str) -> dict:
    return {"contact": "student@example.org", "contact_method": "email", "consent": True,
            "conversation_id": conversation_id}


def test_the_bot_key_creates_and_forgets_but_cannot_list_or_update(catalog, api):
    bot = {"X-API-Key": catalog.bot_key}
    advisor = {"X-API-Key": catalog.advisor_key}
    conversation = f"keys-{uuid.uuid4().hex[:8]}"

    created = api.post("/referrals", json=referral(conversation), headers=bot)
    assert created.status_code == 201, created.text
    listed = api.get("/referrals", params={"conversation_id": conversation}, headers=bot)
    assert listed.status_code == 403 and "not valid for this" in listed.json()["detail"]
    assert api.patch(f"/referrals/{created.json()['id']}", json={"status": "closed"}, headers=bot).status_code == 403
    assert api.post("/referrals/purge", json={"older_than_days": 1}, headers=bot).status_code == 403
    assert api.post("/imports/jobpostings", json=[], headers=bot).status_code == 403

    # Advisors read and update; they cannot record referrals or delete them.
    listed = api.get("/referrals", params={"conversation_id": conversation}, headers=advisor)
    assert [r["id"] for r in listed.json()["items"]] == [created.json()["id"]]
    assert api.patch(f"/referrals/{created.json()['id']}", json={"status": "contacted"}, headers=advisor).status_code == 200
    assert api.post("/referrals", json=referral(conversation), headers=advisor).status_code == 403
    assert api.delete("/referrals", params={"conversation_id": conversation}, headers=advisor).status_code == 403

    # The operator's key does all of it; the bot forgets the conversation.
    assert catalog.writer.get("/referrals", params={"conversation_id": conversation}).json()["total"] == 1
    assert api.delete("/referrals", params={"conversation_id": conversation}, headers=bot).json() == {"deleted": 1}


def test_chunked_bodies_are_held_to_the_limit(catalog):
    def chunks():
        piece = b"[" + b" " * (64 * 1024)
        yield piece
        sent = len(piece)
        while sent <= MAX_BODY_BYTES:
            yield b" " * (1024 * 1024)
            sent += 1024 * 1024
        yield b"]"

    with httpx.Client(base_url=catalog.url, timeout=30) as http:
        answer = http.post("/imports/jobpostings", content=chunks(),
                           headers={"X-API-Key": catalog.api_key, "Content-Type": "application/json"})
        assert "content-length" not in {k.lower() for k in answer.request.headers}
        assert answer.status_code == 413, answer.text
        stated = http.post("/referrals", content=b"x" * (MAX_BODY_BYTES + 1),
                           headers={"X-API-Key": catalog.bot_key, "Content-Type": "application/json"})
        assert stated.status_code == 413 and "too large" in stated.json()["detail"]
