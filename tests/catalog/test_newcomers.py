"""Questions as newcomers ask them, against the real seed catalog: the right programs come back
with the right verdicts."""

from __future__ import annotations


def match(api, kinds, **profile):
    response = api.post("/match", json={"profile": profile, "kinds": kinds, "limit": 10})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def by_key(items):
    return {item["key"]: item for item in items}


def test_free_medical_assistant_training_for_a_24_year_old_in_fresno(api):
    items = match(api, ["program"], age=24, city="Fresno", state="CA", education="high_school",
                  interests=["medical assistant"], max_cost=0)
    top = items[0]
    assert top["key"] == "futuro_health_medical_assistant"
    assert top["verdict"] == "eligible"
    assert "It is free to you." in top["why"]
    assert top["record"]["cost"]["tuition"] == 0
    # Without the diploma fact, the answer is "maybe" and names it.
    unsure = by_key(match(api, ["program"], age=24, city="Fresno", interests=["MA"], max_cost=0))
    futuro = unsure["futuro_health_medical_assistant"]
    assert futuro["verdict"] == "maybe"
    assert any("high-school diploma or GED" in line for line in futuro["missing"])


def test_tuition_support_for_a_kaiser_permanente_nurse_who_wants_an_msn(api):
    nurse = dict(employee=True, employer="kaiser_permanente", current_occupation="registered_nurse",
                 education="bachelor", city="Oakland", state="CA", interests=["nurse"])
    items = by_key(match(api, ["funding", "program"], **nurse))
    support = items["kp_nurse_scholars_tuition_support"]
    assert support["verdict"] == "eligible"
    assert "It is open to Kaiser Permanente employees, and you are one." in support["reasons"]
    assert items["kp_nurse_scholars_msn"]["verdict"] == "eligible"
    eligible = [item for item in items.values() if item["verdict"] == "eligible"]
    assert {"kp_nurse_scholars_tuition_support", "kp_nurse_scholars_msn"} <= {i["key"] for i in eligible}

    # The same nurse in Los Angeles is outside Northern California, and is told so.
    south = by_key(match(api, ["funding"], **{**nurse, "city": "Los Angeles"}))
    assert south["kp_nurse_scholars_tuition_support"]["verdict"] == "not_eligible"
    assert any("Northern California" in r for r in south["kp_nurse_scholars_tuition_support"]["reasons"])

    # Someone who does not work there learns the academy is for employees.
    outsider = api.post("/eligibility", json={"profile": {"employee": False, "city": "Oakland"}, "program": "kp_nurse_scholars_academy"}).json()
    assert outsider["verdict"] == "not_eligible"
    assert "It is only open to Kaiser Permanente employees." in outsider["reasons"]


def test_programs_for_a_16_year_old_student_in_seattle(api):
    items = match(api, ["program"], age=16, grade=11, city="Seattle", state="WA", student="high_school")
    assert items[0]["key"] == "hccp_washington"
    assert items[0]["verdict"] == "eligible"
    keys = [item["key"] for item in items]
    assert "futuro_health_medical_assistant" not in keys  # California only, and for adults


def test_a_minor_is_not_offered_adult_training_as_eligible(api):
    items = by_key(match(api, ["program"], age=16, city="Fresno", interests=["medical assistant"]))
    futuro = items.get("futuro_health_medical_assistant")
    assert futuro is not None and futuro["verdict"] == "not_eligible"
    assert any("turn 18" in line for line in futuro["what_would_change"])


def test_pathway_to_medical_assistant_from_fresno(api):
    body = api.post("/pathway", json={"profile": {"age": 24, "zip": "93701", "education": "high_school"}, "occupation": "MA"}).json()
    assert body["occupation"]["key"] == "medical_assistant"
    assert body["program"]["key"] in {"futuro_health_medical_assistant", "kp_school_of_allied_health_medical_assisting"}
    assert body["verdict"] == "eligible"
    assert body["steps"][0]["title"].startswith("Apply to")
    assert body["steps"][-1]["title"] == "Apply for jobs"
