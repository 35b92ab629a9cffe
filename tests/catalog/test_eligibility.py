"""Eligibility rules against profiles: verdicts, reasons, missing facts and what would change."""

from __future__ import annotations

import pytest

from catalog import geo
from catalog.eligibility import ELIGIBLE, MAYBE, NOT_ELIGIBLE, describe, evaluate
from catalog.profile import Facts, Profile

NAMES = {"kaiser_permanente": "Kaiser Permanente", "seiu_uhw": "SEIU-UHW", "registered_nurse": "Registered Nurse"}


def check(rules: dict, **profile):
    place = geo.locate(profile.get("zip"), profile.get("city"), profile.get("state"))
    facts = Facts(profile=Profile(**profile), place=place)
    return evaluate(rules, facts, lambda key: NAMES.get(key, key))


def test_no_rules_means_eligible():
    assert check({}).verdict == ELIGIBLE


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"age": 24}, ELIGIBLE), ({"age": 17}, NOT_ELIGIBLE), ({}, MAYBE), ({"grade": 10}, NOT_ELIGIBLE), ({"grade": 12}, MAYBE)],
)
def test_minimum_age(profile, verdict):
    assert check({"min_age": 18}, **profile).verdict == verdict


def test_too_young_says_when_it_changes():
    result = check({"min_age": 18}, age=16)
    assert result.reasons == ["It is for people 18 and older, and you are 16."]
    assert result.what_would_change == ["You can join once you turn 18, in about 2 years."]


def test_missing_age_is_named():
    result = check({"min_age": 18})
    assert result.verdict == MAYBE and result.missing == ["your age (it is for people 18 and older)"]


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"education": "high_school"}, ELIGIBLE), ({"education": "bachelor"}, ELIGIBLE),
     ({"education": "some_high_school"}, NOT_ELIGIBLE), ({"grade": 11}, NOT_ELIGIBLE), ({}, MAYBE)],
)
def test_education(profile, verdict):
    assert check({"education": "high_school"}, **profile).verdict == verdict


def test_education_reason_in_plain_words():
    result = check({"education": "high_school"}, education="some_high_school")
    assert result.reasons == ["You need a high-school diploma or GED first."]
    assert result.what_would_change == ["Finishing a high-school diploma or GED would make you eligible."]


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"zip": "93701"}, ELIGIBLE), ({"city": "Seattle"}, NOT_ELIGIBLE), ({"state": "california"}, ELIGIBLE), ({}, MAYBE)],
)
def test_states(profile, verdict):
    assert check({"states": ["CA"]}, **profile).verdict == verdict


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"city": "Seattle", "state": "WA"}, ELIGIBLE), ({"zip": "98402"}, ELIGIBLE), ({"zip": "99201"}, NOT_ELIGIBLE),
     ({"zip": "93701"}, NOT_ELIGIBLE), ({"state": "WA"}, MAYBE)],
)
def test_regions(profile, verdict):
    # Tacoma (98402) is within the Seattle area; Spokane (99201) is not.
    assert check({"regions": ["Seattle area"]}, **profile).verdict == verdict


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"employee": True, "employer": "kaiser_permanente"}, ELIGIBLE),
     ({"employee": True, "employer": "other_health"}, NOT_ELIGIBLE),
     ({"employee": False}, NOT_ELIGIBLE), ({}, MAYBE), ({"employee": True}, MAYBE)],
)
def test_employees_of_an_employer(profile, verdict):
    assert check({"employees_only": True, "employer": "kaiser_permanente"}, **profile).verdict == verdict


def test_employer_rule_reads_plainly():
    result = check({"employees_only": True, "employer": "kaiser_permanente", "states": ["CA"]}, employee=False, state="CA")
    assert "It is only open to Kaiser Permanente employees." in result.reasons
    assert describe({"employees_only": True, "employer": "kaiser_permanente", "states": ["CA"]}, lambda k: NAMES[k]) == [
        "For people who live in California.", "Open only to Kaiser Permanente employees.",
    ]


@pytest.mark.parametrize(
    ("status", "union", "verdict"),
    [("represented", "seiu_uhw", ELIGIBLE), ("represented", "none", NOT_ELIGIBLE), ("represented", None, MAYBE),
     ("non_represented", "none", ELIGIBLE), ("non_represented", "seiu_uhw", NOT_ELIGIBLE), ("non_represented", None, MAYBE)],
)
def test_union_status(status, union, verdict):
    result = check({"union_status": status}, union=union)
    assert result.verdict == verdict
    if verdict == MAYBE:
        assert "whether your job is covered by a union" in result.missing[0]


@pytest.mark.parametrize(("job", "verdict"), [("registered_nurse", ELIGIBLE), ("medical_assistant", NOT_ELIGIBLE), (None, MAYBE)])
def test_current_occupation(job, verdict):
    assert check({"current_occupations": ["registered_nurse"]}, current_occupation=job).verdict == verdict


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"grade": 10}, ELIGIBLE), ({"student": "high_school"}, ELIGIBLE), ({"student": "not_student"}, NOT_ELIGIBLE),
     ({"education": "bachelor"}, NOT_ELIGIBLE), ({"age": 24, "education": "high_school"}, NOT_ELIGIBLE), ({}, MAYBE)],
)
def test_student_status(profile, verdict):
    assert check({"student_status": ["high_school"]}, **profile).verdict == verdict


def test_a_graduate_may_still_be_in_college():
    assert check({"student_status": ["college"]}, education="high_school").verdict == MAYBE


@pytest.mark.parametrize(("grade", "verdict"), [(9, ELIGIBLE), (12, ELIGIBLE), (7, NOT_ELIGIBLE), (None, MAYBE)])
def test_grades(grade, verdict):
    assert check({"min_grade": 9, "max_grade": 12}, grade=grade).verdict == verdict


def test_groups_preferred_are_not_required():
    result = check({"groups": ["veteran"]}, groups=[])
    assert result.verdict == ELIGIBLE and "It gives priority to veterans." in result.reasons


@pytest.mark.parametrize(("groups", "verdict"), [(["veteran"], ELIGIBLE), (["low_income"], NOT_ELIGIBLE), (None, MAYBE)])
def test_groups_required(groups, verdict):
    assert check({"groups": ["veteran"], "groups_required": True}, groups=groups).verdict == verdict


def test_groups_it_is_unclear_about_are_asked_while_unknown():
    rules = {"groups": ["underrepresented"], "groups_required": "unclear"}
    unknown = check(rules)
    # Being one of them would make it "likely"; the source's silence about others is said too.
    assert unknown.verdict == MAYBE and unknown.missing_facts == ["groups"] and unknown.unpublished
    told = check(rules, groups=["asian_american"])
    assert told.verdict == MAYBE and told.missing_facts == [] and "does not say whether others can join" in told.unpublished[0]
    assert check(rules, groups=["black"]).verdict == ELIGIBLE


def test_the_older_barriers_field_still_counts_as_groups():
    assert check({"groups": ["veteran"], "groups_required": True}, barriers=["veteran"]).verdict == ELIGIBLE


@pytest.mark.parametrize(("said", "served"), [("black", "african_american"), ("african_american", "black"), ("hispanic_latino", "underrepresented")])
def test_the_same_group_by_another_name(said, served):
    result = check({"groups": [served], "groups_required": True}, groups=[said])
    assert result.verdict == ELIGIBLE


@pytest.mark.parametrize(
    ("profile", "verdict", "ruled_out"),
    [({"age": 16}, NOT_ELIGIBLE, True), ({"grade": 11}, NOT_ELIGIBLE, True), ({"student": "high_school"}, NOT_ELIGIBLE, True),
     ({"age": 40}, MAYBE, False), ({}, MAYBE, False)],
)
def test_a_position_rule_rules_out_students_and_asks_adults(profile, verdict, ruled_out):
    result = check({"position": "leaders of safety-net hospitals and health centers"}, **profile)
    assert result.verdict == verdict
    assert result.ruled_out_by_age_or_school is ruled_out
    if verdict == MAYBE:
        assert result.missing == ["whether you are one of the leaders of safety-net hospitals and health centers it is for"]


def test_a_job_that_does_not_settle_a_position_asks_for_the_degree():
    rules = {"position": "physicians and postdoctoral professionals", "position_occupations": ["physician"],
             "position_education": "doctorate", "position_only": True}
    psychologist = check(rules, current_occupation="psychologist")
    # Asking the job again would loop; the degree decides.
    assert psychologist.verdict == MAYBE and psychologist.missing_facts == ["education"]
    assert check(rules, current_occupation="psychologist", education="doctorate").verdict == ELIGIBLE
    assert check(rules, current_occupation="registered_nurse", education="bachelor").verdict == NOT_ELIGIBLE
    assert check(rules).missing_facts == ["current_occupation"]


def test_unpublished_rules_say_who_to_ask_and_never_pass():
    rules = {"unpublished": {"what": "who can apply", "ask": "Year Up", "url": "https://www.yearup.org/"}}
    result = check(rules, age=24, city="Los Angeles", state="CA")
    assert result.verdict == MAYBE
    assert result.unpublished == ["Who can apply is not published: ask Year Up (https://www.yearup.org/)."]
    assert result.missing == []
    # A rule the person fails still decides.
    assert check({**rules, "min_age": 18}, age=16).verdict == NOT_ELIGIBLE


def test_age_and_school_failures_are_marked_other_failures_are_not():
    assert check({"min_age": 18}, age=16).ruled_out_by_age_or_school
    assert check({"student_status": ["high_school"]}, student="not_student").ruled_out_by_age_or_school
    assert check({"education": "bachelor"}, grade=10).ruled_out_by_age_or_school
    assert not check({"education": "bachelor"}, age=30, education="high_school").ruled_out_by_age_or_school
    assert not check({"states": ["CA"]}, state="WA").ruled_out_by_age_or_school


@pytest.mark.parametrize(
    ("profile", "minor"),
    [({"age": 17}, True), ({"age": 18}, False), ({"grade": 12}, True), ({"grade": 9}, True),
     ({"student": "high_school"}, True), ({"student": "college"}, None), ({}, None), ({"age": 19, "grade": 12}, False)],
)
def test_is_minor_is_decided_in_one_place(profile, minor):
    assert Facts(profile=Profile(**profile)).is_minor is minor


def test_one_failure_beats_missing_facts():
    result = check({"min_age": 18, "education": "high_school", "states": ["CA"]}, age=19)
    assert result.verdict == MAYBE
    result = check({"min_age": 18, "education": "high_school", "states": ["CA"]}, age=17, education="high_school")
    assert result.verdict == NOT_ELIGIBLE
    assert result.missing == ["where you live (it is for people who live in California)"]  # still named


def test_a_teenager_without_a_diploma_counts_as_in_high_school():
    result = check({"student_status": ["high_school"], "education": "high_school"}, age=16)
    assert result.verdict == NOT_ELIGIBLE
    assert "It is for high-school students, and you are one." in result.reasons
    assert "You need a high-school diploma or GED first." in result.reasons
