"""Rules say exactly what their sources say, and facts agree across records (issue: facts, second
pass). The data checks read the seed catalog files; the verdict checks go through the HTTP catalog
and are driven by the rule data alone."""

from __future__ import annotations

import re

import pytest
import yaml

from catalog import sources
from core.settings import ROOT
from tests.catalog.facts_check import free_text, unsourced

CATALOG = ROOT / "data" / "catalog"


def records(*names: str) -> list[dict]:
    found = []
    for name in names or ("organizations", "programs", "funding"):
        found += yaml.safe_load((CATALOG / f"{name}.yaml").read_text(encoding="utf-8"))["records"]
    return found


def by_key() -> dict[str, dict]:
    return {record["key"]: record for record in records()}


def rules_of(record: dict):
    for name, rule in (record.get("eligibility") or {}).items():
        if isinstance(rule, dict) and "quote" in rule:
            yield name, rule


def organization_words(key: str, organizations: dict[str, dict]) -> list[str]:
    record = organizations[key]
    return [record["name"], *record.get("aliases", [])]


# ---------------------------------------------------------------- a rule names what its quote names


def test_a_quote_that_names_a_union_is_a_rule_naming_that_union_and_every_condition_it_states():
    organizations = {r["key"]: r for r in records("organizations")}
    checked = 0
    for record in records("programs", "funding"):
        rules = dict(rules_of(record))
        for name, rule in rules.items():
            quote = rule["quote"]
            if re.search(r"\bSEIU\b|\bAlliance\b|\bCoalition\b|union member", quote):
                assert "unions" in rules, (record["key"], name)
                named = rules["unions"]["value"]
                # Every union or coalition the rule names is named in the quote, in its words.
                for key in named:
                    words = organization_words(key, organizations)
                    assert any(re.sub(r"\s*\(.*\)", "", w).split()[-1] in quote for w in words), (record["key"], key)
                assert rules.get("union_status", {}).get("value") != "represented", (
                    f"{record['key']}: 'any union' is broader than {quote!r}")
                checked += 1
            if re.search(r"probation", quote, re.I):
                assert any("probation" in c for c in rules.get("conditions", {}).get("value", [])), record["key"]
    assert checked >= 5


def test_a_union_is_matched_to_the_funds_of_its_own_union(api):
    kp = dict(employee=True, employer="kaiser_permanente")
    cna = api.post("/eligibility", json={"profile": {**kp, "union": "california_nurses_association"},
                                         "funding": "seiu_uhw_education_fund_tuition_reimbursement"}).json()
    assert cna["verdict"] == "not_eligible"
    hudnall = api.post("/eligibility", json={"profile": {**kp, "union": "seiu_uhw"},
                                             "funding": "ben_hudnall_trust_tuition_support"}).json()
    assert "whether you have completed your probationary period" in hudnall["missing"]
    # "im in seiu" at Kaiser, asking whether KP pays for nursing school: the Ed Fund that serves her union.
    body = api.post("/match", json={"profile": {**kp, "union": "seiu", "current_occupation": "customer_service_representative",
                                                "interests": ["LVN"]}, "kinds": ["funding"], "limit": 10}).json()
    found = {item["key"]: item for item in body["items"]}
    assert found["seiu_uhw_education_fund_tuition_reimbursement"]["verdict"] == "eligible"


def test_a_rule_is_on_the_record_its_quote_is_about():
    records_ = by_key()
    academy = records_["kp_nurse_scholars_academy"]["eligibility"]
    # The Choice program's limits are that fund's, not the whole academy's.
    assert not any("tuition assistance" in rule["quote"] for _, rule in rules_of(records_["kp_nurse_scholars_academy"]))
    assert "union_status" not in academy and "regions" not in academy and "current_occupations" not in academy
    assert records_["kp_nurse_scholars_tuition_support"]["eligibility"]["union_status"]["value"] == "non_represented"
    # A sentence about scholarships rules a scholarship (or the leadership program it describes), not a training.
    for record in records("programs"):
        for name, rule in rules_of(record):
            if "granted scholarships" in rule["quote"]:
                pytest.fail(f"{record['key']}.{name} quotes the scholarships")


def test_a_rule_quotes_more_than_the_program_name():
    for record in records("programs", "funding"):
        for name, rule in rules_of(record):
            quote = sources.normalise(rule["quote"]).lower().removeprefix("the ")
            assert quote not in record["name"].lower(), (record["key"], name)


def test_a_current_job_rule_names_the_job_in_its_quote():
    occupations = {r["key"]: r for r in yaml.safe_load((CATALOG / "occupations.yaml").read_text())["records"]}
    for record in records("programs", "funding"):
        rule = (record.get("eligibility") or {}).get("current_occupations")
        if not rule:
            continue
        for key in rule["value"]:
            title = re.sub(r"\s*\(.*\)", "", occupations[key]["title"]).lower()
            assert title in rule["quote"].lower(), (record["key"], key, rule["quote"])


# ---------------------------------------------------------------- soft or hard, from the words


def test_whether_groups_come_first_or_alone_is_decided_from_the_words():
    checked = 0
    for record in records("programs", "funding"):
        rule = (record.get("eligibility") or {}).get("groups")
        if not rule:
            continue
        quote, required = rule["quote"].lower(), rule.get("required", False)
        if re.search(r"prefer|priorit", quote):
            assert required is False, record["key"]
        elif re.search(r"\bonly\b|must be", quote):
            assert required is True, record["key"]
        else:
            assert required == "unclear", (record["key"], "the words name the groups without saying which")
        checked += 1
    assert checked >= 4


def test_an_unclear_group_rule_says_so_in_the_verdict(api):
    answer = api.post("/eligibility", json={"profile": {"grade": 10, "city": "Oakland", "state": "CA", "groups": []},
                                            "program": "kp_health_career_pipeline_programs"}).json()
    assert answer["verdict"] == "maybe"
    assert any("does not say whether others can join" in line for line in answer["unpublished"])


# ---------------------------------------------------------------- position rules can be settled


def test_every_position_rule_says_what_settles_it():
    for record in records("programs", "funding"):
        rule = (record.get("eligibility") or {}).get("position")
        if rule:
            assert rule.get("occupations") or rule.get("education"), record["key"]


@pytest.mark.parametrize(("profile", "verdict"), [
    ({"age": 44, "current_occupation": "pediatrician"}, "eligible"),
    ({"age": 44, "current_occupation": "registered_nurse", "education": "bachelor"}, "not_eligible"),
    ({"age": 44, "education": "doctorate"}, "eligible"),
    ({"age": 44}, "maybe"),
])
def test_a_position_is_settled_by_the_job_and_degree_named(api, profile, verdict):
    answer = api.post("/eligibility", json={"profile": profile, "program": "satcher_health_policy_leadership_fellowship"}).json()
    assert answer["verdict"] == verdict, answer
    assert ("current_occupation" in answer["missing_facts"]) == (verdict == "maybe")


# ---------------------------------------------------------------- figures and "free" in free text


def test_no_figure_or_free_in_free_text_without_a_quote_of_the_record_stating_it():
    problems = [problem for record in records() for problem in unsourced(record)]
    assert problems == []


def test_the_free_text_check_catches_a_figure_and_a_free():
    record = {"key": "x", "description": "A $65 application fee.", "how_to_apply": "Applying is free. Call 1-888-872-4606.",
              "cost": {"source": "https://example.org/a", "quote": "Tuition is $1,000 per year."}}
    assert unsourced(record) == ["x.description: '$65' is in no quote of the record",
                                 "x.how_to_apply: says 'free' without a sourced tuition of 0"]
    assert unsourced({**record, "description": "Tuition is $1,000."}) == [record_problem for record_problem in unsourced(
        {**record, "description": ""}) if "free" in record_problem]


def test_free_to_you_only_where_a_quote_says_free():
    for record in records("programs"):
        cost = record.get("cost") or {}
        if cost.get("tuition") == 0:
            assert re.search(r"\bfree\b", cost["quote"], re.I), record["key"]


# ---------------------------------------------------------------- facts agree across records


FUNDING_KINDS = {"scholarship", "tuition_support", "tuition_reimbursement", "fellowship", "grant", "stipend"}


def linked_pairs(all_records: dict[str, dict]):
    """Records that speak of the same thing: a fund and the programs it pays for, and programs
    (or funds) that send people to the same application page."""
    for record in all_records.values():
        for key in record.get("programs", []):
            yield record, all_records[key]
    by_url: dict[str, list[dict]] = {}
    for record in all_records.values():
        if record.get("apply_url"):
            table = "funding" if record["kind"] in FUNDING_KINDS else "programs"
            by_url.setdefault(f"{table} {record['apply_url']}", []).append(record)
    for group in by_url.values():
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                yield first, second


# Rules about who the organisation serves (not a program's own entry level), and how a record
# that does not publish one names it in `unpublished.what`.
SHARED_RULES = {"employer": "employer", "employees_only": "employer", "unions": "union", "union_status": "union status",
                "regions": "region", "states": "state", "current_occupations": "role"}


def test_overlapping_facts_agree_across_records():
    all_records = {r["key"]: r for r in records("programs", "funding")}
    problems = []
    for first, second in linked_pairs(all_records):
        mine, theirs = dict(rules_of(first)), dict(rules_of(second))
        for name in set(mine) & set(theirs) & set(SHARED_RULES):
            if mine[name]["value"] != theirs[name]["value"]:
                problems.append(f"{first['key']} and {second['key']} disagree on {name}")
        for stated, other in ((mine, second), (theirs, first)):
            unknown = ((other.get("eligibility") or {}).get("unpublished") or {}).get("what", "")
            for name in set(stated) & set(SHARED_RULES):
                if other.get("programs") is None and SHARED_RULES[name] in unknown and name not in dict(rules_of(other)):
                    problems.append(f"{other['key']} says its {SHARED_RULES[name]} rule is not published; a linked record states it")
        what = (second.get("cost") or {}).get("covered", "") + (second.get("cost") or {}).get("note", "")
        if first.get("pays_for") and "decided with each learner" in what:
            problems.append(f"{first['key']} lists what it pays for; {second['key']} says it is decided per learner")
    for record in all_records.values():
        words = " ".join(text for _, text in free_text(record))
        if (record.get("location") or {}).get("online") is False and "online" in words.lower():
            problems.append(f"{record['key']}: online is false but its words speak of online courses")
    assert problems == []


def test_support_services_say_what_the_seed_says():
    mhsa = by_key()["kp_mental_health_scholars_academy"]
    # "networking assistance for training placements" is not job placement.
    assert "job_placement" not in mhsa.get("support_services", [])


def test_a_rule_from_one_application_cycle_says_which():
    for record in records("programs", "funding"):
        for name, rule in rules_of(record):
            cycle = re.search(r"\b(20\d\d)-(20\d\d)\b", rule["quote"])
            if cycle or rule["quote"] in {r["quote"] for _, r in rules_of(record) if r.get("cycle")}:
                assert rule.get("cycle"), (record["key"], name)


def test_the_verdict_says_a_rule_is_from_the_2023_2024_cycle(api):
    answer = api.post("/eligibility", json={"profile": {"grade": 12, "city": "Fresno", "state": "CA"},
                                            "funding": "health_equity_scholars_program"}).json()
    assert "These rules are from the 2023-2024 cycle; check the current one." in answer["reasons"]
    described = api.get("/funding/health_equity_scholars_program").json()["eligibility"]["summary"]
    assert "These rules are from the 2023-2024 cycle; check the current one." in described
