"""The catalog API through real HTTP: lookups, filters, pagination, match, eligibility,
pathway, referrals behind the API key, and bad input that gets a clear 4xx and changes nothing."""

from __future__ import annotations

import pytest

from tests.catalog.conftest import wage_data_present


def test_health_counts_the_seed_catalog(api):
    body = api.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] in ("sqlite", "postgresql")
    counts = body["counts"]
    assert counts["occupations"] >= 25 and counts["programs"] >= 10 and counts["funding"] >= 5 and counts["roles"] >= 20


def test_openapi_is_published(api):
    schema = api.get("/openapi.json").json()
    assert {"/match", "/pathway", "/eligibility", "/programs", "/referrals"} <= set(schema["paths"])


@pytest.mark.parametrize(
    ("name", "key"),
    [("MA", "medical_assistant"), ("phlebo", "phlebotomist"), ("LVN", "licensed_vocational_nurse"),
     ("sonographer", "diagnostic_medical_sonographer"), ("sonografer", "diagnostic_medical_sonographer"),
     ("medicle assistant", "medical_assistant"), ("EVS", "environmental_services_worker"),
     ("Registered Nurses", "registered_nurse"), ("cna", "nursing_assistant")],
)
def test_occupation_lookup_handles_typos_and_nicknames(api, name, key):
    body = api.get("/occupations/lookup", params={"name": name}).json()
    assert body["match"] and body["match"]["key"] == key


def test_occupation_lookup_does_not_guess(api):
    body = api.get("/occupations/lookup", params={"name": "astronaut"}).json()
    assert body["match"] is None


def test_occupation_document(api):
    body = api.get("/occupations/medical_assistant").json()
    assert body["soc_code"] == "31-9092.00"
    assert body["onet_url"].endswith("31-9092.00")
    assert body["source_url"].startswith("https://") and body["last_verified"]
    if wage_data_present():
        assert body["wage"]["median"] > 0 and body["wage"]["year"] == 2025
    assert all({"key", "title"} <= set(r) for r in body["related"])


def test_every_record_is_sourced(api):
    for path in ("/programs", "/funding", "/organizations"):
        page = api.get(path, params={"per_page": 100} | ({} if path == "/organizations" else {"include_expired": True})).json()
        assert page["items"]
        for item in page["items"]:
            assert item["source_url"].startswith("http"), item["key"]
            assert item["sources"], item["key"]
            # Nothing has been checked against its sources in this test database: no stamp, and
            # the date the facts were taken for "as of <date>, check <link>".
            assert item["last_verified"] is None, item["key"]
            assert item["verification"] == {"status": "unverified", "last_verified": None,
                                            "as_of": item["as_of"], "check_url": item["source_url"]}
            assert item["as_of"] >= "2026-11-23", item["key"]


def test_programs_filter_by_occupation_name_and_place(api):
    page = api.get("/programs", params={"occupation": "medical assistant", "zip": "93701"}).json()
    keys = [item["key"] for item in page["items"]]
    assert "futuro_health_medical_assistant" in keys
    assert "hccp_washington" not in keys
    for item in page["items"]:
        assert "medical_assistant" in [o["key"] for o in item["occupations"]]


def test_unknown_occupation_filter_is_a_clear_422(api):
    response = api.get("/programs", params={"occupation": "astronaut"})
    assert response.status_code == 422
    assert "astronaut" in response.json()["detail"]


def test_pagination(api):
    first = api.get("/occupations", params={"per_page": 5, "page": 1}).json()
    second = api.get("/occupations", params={"per_page": 5, "page": 2}).json()
    assert first["total"] == second["total"] >= 10
    assert len(first["items"]) == 5
    assert not {i["key"] for i in first["items"]} & {i["key"] for i in second["items"]}


def test_roles_nearest_first_and_marked_demo(api):
    page = api.get("/roles", params={"zip": "93701", "radius_miles": 50}).json()
    assert page["items"], "the demo feed has roles near Fresno"
    distances = [item["distance_miles"] for item in page["items"]]
    assert distances == sorted(distances) and distances[-1] <= 50
    assert all(item["demo"] is True for item in page["items"])
    assert all(item["location"]["state"] == "CA" for item in page["items"])


def test_expired_postings_are_hidden_unless_asked_for(small_catalog):
    client = small_catalog.client
    visible = client.get("/roles").json()
    everything = client.get("/roles", params={"include_expired": True}).json()
    assert [r["key"] for r in visible["items"]] == ["roles:t-1"]
    assert {r["key"] for r in everything["items"]} == {"roles:t-1", "roles:t-2"}
    programs = client.get("/programs").json()
    assert [p["key"] for p in programs["items"]] == ["ma_open"]
    assert {p["key"] for p in client.get("/programs", params={"include_expired": True}).json()["items"]} == {"ma_open", "ma_closed"}


def test_full_text_search(small_catalog):
    found = small_catalog.client.get("/programs", params={"q": "certif"}).json()
    assert [p["key"] for p in found["items"]] == ["ma_open"]
    assert small_catalog.client.get("/programs", params={"q": "zzzz"}).json()["total"] == 0


def test_match_ranks_eligible_first_with_reasons(small_catalog):
    profile = {"age": 24, "zip": "93701", "education": "high_school", "interests": ["MA"]}
    body = small_catalog.client.post("/match", json={"profile": profile, "limit": 10}).json()
    assert body["interests"] == ["medical_assistant"]
    items = body["items"]
    assert items[0]["key"] == "ma_open" and items[0]["verdict"] == "eligible"
    assert "It is free to you." in items[0]["why"]
    verdicts = [item["verdict"] for item in items]
    order = {"eligible": 0, "maybe": 1, "not_eligible": 2}
    assert verdicts == sorted(verdicts, key=order.get)
    funding = next(item for item in items if item["key"] == "hospital_tuition")
    assert funding["verdict"] == "maybe" and any("Test Hospital" in m for m in funding["missing"])
    role = next(item for item in items if item["type"] == "role")
    assert role["record"]["demo"] is True and "example" in " ".join(role["why"])


def test_eligibility_answer_explains_and_says_what_would_change(small_catalog):
    body = small_catalog.client.post("/eligibility", json={"profile": {"age": 16, "zip": "93701"}, "program": "ma_open"}).json()
    assert body["verdict"] == "not_eligible"
    assert "It is for people 18 and older, and you are 16." in body["reasons"]
    assert any("turn 18" in line for line in body["what_would_change"])
    # A 16-year-old without a diploma is taken to be in high school: the diploma comes first.
    assert "You need a high-school diploma or GED first." in body["reasons"]
    assert body["program"]["key"] == "ma_open"


def test_pathway_plan(small_catalog):
    profile = {"age": 30, "zip": "93701", "education": "high_school"}
    body = small_catalog.client.post("/pathway", json={"profile": profile, "occupation": "medical assistant"}).json()
    assert body["occupation"]["key"] == "medical_assistant"
    assert body["program"]["key"] == "ma_open"
    assert body["total_cost"] == 0 and body["net_cost"] == 0
    assert body["months_to_first_job"] == 9
    assert [s["order"] for s in body["steps"]] == list(range(1, len(body["steps"]) + 1))
    assert body["steps"][0]["title"].startswith("Apply to Medical Assistant Certificate")
    assert body["roles"] and body["roles"][0]["key"] == "roles:t-1"


def test_referrals_need_the_api_key(api, catalog):
    referral = {"contact": "student@example.org", "contact_method": "email", "consent": True, "conversation_id": "c-1"}
    assert api.post("/referrals", json=referral).status_code == 401
    assert api.post("/referrals", json=referral, headers={"X-API-Key": "wrong"}).status_code == 403
    assert api.get("/referrals").status_code == 401


def test_referral_lifecycle(catalog):
    writer = catalog.writer
    created = writer.post("/referrals", json={
        "contact": "+1 559 555 0100", "contact_method": "sms", "consent": True, "conversation_id": "conv-life",
        "channel": "sms", "topic": "medical assistant training", "context": {"zip": "93701"},
    })
    assert created.status_code == 201
    referral = created.json()
    assert referral["status"] == "new"
    listed = writer.get("/referrals", params={"conversation_id": "conv-life"}).json()
    assert [r["id"] for r in listed["items"]] == [referral["id"]]
    updated = writer.patch(f"/referrals/{referral['id']}", json={"status": "contacted", "advisor_note": "Called back"}).json()
    assert updated["status"] == "contacted" and updated["advisor_note"] == "Called back"
    assert writer.delete("/referrals", params={"conversation_id": "conv-life"}).json() == {"deleted": 1}
    assert writer.get("/referrals", params={"conversation_id": "conv-life"}).json()["total"] == 0


def referral_count(catalog) -> int:
    return catalog.writer.get("/referrals", params={"per_page": 1}).json()["total"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"contact": "a@b.org", "contact_method": "email", "consent": False}, "consent"),
        ({"contact": "a@b.org", "contact_method": "email", "consent": True, "shoe_size": 9}, "shoe_size"),
        ({"contact": "not an email", "contact_method": "email", "consent": True}, "email"),
        ({"contact": "a@b.org", "contact_method": "pigeon", "consent": True}, "contact_method"),
        ({"contact": "x" * 5000, "contact_method": "email", "consent": True}, "too long"),
        ({"contact": "a@b.org", "contact_method": "email", "consent": "yes please"}, "consent"),
    ],
)
def test_bad_referrals_are_refused_and_change_nothing(catalog, body, words):
    before = referral_count(catalog)
    response = catalog.writer.post("/referrals", json=body)
    assert response.status_code == 422
    assert words in response.json()["detail"]
    assert referral_count(catalog) == before


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "words"),
    [
        ("get", "/programs", {"params": {"zip": "1234"}}, "5-digit ZIP"),
        ("get", "/programs", {"params": {"zip": "00000"}}, "not a US ZIP"),
        ("get", "/programs", {"params": {"state": "Narnia"}}, "Narnia"),
        ("get", "/programs", {"params": {"kind": "'; DROP TABLE programs; --"}}, "kind"),
        ("get", "/programs", {"params": {"q": "x" * 500}}, "too long"),
        ("get", "/programs", {"params": {"per_page": 1000}}, "per_page"),
        ("get", "/roles", {"params": {"radius": 5}}, "Unknown query parameter 'radius'"),
        ("get", "/occupations/<script>", {}, None),
        ("post", "/match", {"json": {"profile": {"age": "old"}}}, "'profile.age' must be a whole number"),
        ("post", "/match", {"json": {"profile": {"zip": "<b>93701</b>"}}}, "5-digit ZIP"),
        ("post", "/match", {"json": {"profile": {"favourite_colour": "red"}}}, "favourite_colour"),
        ("post", "/match", {"content": b"{not json", "headers": {"content-type": "application/json"}}, "not valid JSON"),
        ("post", "/eligibility", {"json": {"profile": {}}}, "either 'program' or 'funding'"),
        ("post", "/eligibility", {"json": {"profile": {}, "program": "no_such_program"}}, "no_such_program"),
        ("post", "/pathway", {"json": {"profile": {}, "occupation": "wizard"}}, "wizard"),
        ("get", "/referrals", {"params": {"conversation_id": "a\x00b"}, "headers": {"X-API-Key": "x"}}, "NUL"),
        ("post", "/match", {"json": {"profile": {"city": "Fres\x00no"}}}, "NUL"),
    ],
)
def test_bad_input_gets_a_clear_4xx(api, method, path, kwargs, words):
    response = getattr(api, method)(path, **kwargs)
    assert 400 <= response.status_code < 500, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    if words:
        assert words in detail, detail


def test_sql_fragments_are_just_text(api):
    before = api.get("/healthz").json()["counts"]
    response = api.get("/programs", params={"q": "nurse'; DROP TABLE programs; --"})
    assert response.status_code == 200
    assert api.get("/healthz").json()["counts"] == before


def test_jobposting_import_over_http(small_catalog):
    feed = {"@type": "ItemList", "itemListElement": [{
        "@type": "JobPosting", "identifier": "http-1", "title": "Phlebotomist trainee", "occupationalCategory": "31-9097.00",
        "hiringOrganization": {"name": "Example Lab"},
        "jobLocation": {"address": {"postalCode": "93701", "addressRegion": "CA"}},
        "validThrough": "2099-01-01",
    }]}
    assert small_catalog.client.post("/imports/jobpostings", json=feed).status_code == 401
    response = small_catalog.writer.post("/imports/jobpostings", params={"source": "board"}, json=feed)
    assert response.json() == {"imported": 1, "source": "board"}
    assert small_catalog.writer.post("/imports/jobpostings", params={"source": "board"}, json=feed).status_code == 200
    roles = small_catalog.client.get("/roles", params={"occupation": "phlebo", "zip": "93701"}).json()
    assert [r["key"] for r in roles["items"]] == ["board:http-1"]
    assert roles["items"][0]["entry_level"] is True

    broken = {"itemListElement": [{"@type": "JobPosting", "title": "No id"}]}
    response = small_catalog.writer.post("/imports/jobpostings", params={"source": "board"}, json=broken)
    assert response.status_code == 422 and "record 1" in response.json()["detail"] and "source_id" in response.json()["detail"]
