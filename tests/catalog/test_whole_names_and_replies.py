"""A program or fund asked about by its whole name is that program or fund, whatever part of the
name the NLU marked and whatever kind of request the words sounded like; and a reply to the
question just asked is read as that fact. Through the real HTTP API on the seed catalog."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from catalog.mentions import longest_in
from catalog.named import NameIndex
from catalog.occupations import OccupationIndex
from tests.catalog.test_guide import post, text

ED_FUND = "seiu_uhw_education_fund_tuition_reimbursement"
ED_FUND_ASKED = "Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?"
COUNSELING = "kp_school_of_allied_health_mental_health_counseling"


@pytest.fixture(scope="module")
def indexes(catalog) -> tuple[OccupationIndex, NameIndex]:
    with Session(catalog.engine) as session:
        return OccupationIndex.load(session), NameIndex.load(session)


# ---------------------------------------------------------------- whole names


@pytest.mark.parametrize("said, key", [
    ("Am I eligible for the KPSAHS Master of Science in Counseling?", COUNSELING),
    ("how much is the KPSAHS radiology program and is it online", "kp_school_of_allied_health_radiology"),
    ("Can I apply to the KPSAHS radiologic technology program?", "kp_school_of_allied_health_radiology"),
    # A training provider and a career is its program (an employer and a career is a job there).
    ("is the Futuro phlebotomist program free", "futuro_health_phlebotomist"),
    (ED_FUND_ASKED, ED_FUND),
    ("Am I eligible for the IHI Safety Net Endowment scholarships?", "ihi_safety_net_scholarships"),
    ("Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?", "kp_nurse_scholars_tuition_support"),
])
def test_a_message_names_the_longest_thing_the_catalog_knows(indexes, said, key):
    assert longest_in(said, *indexes).key == key


@pytest.mark.parametrize("said", ["I'm a Kaiser RN", "I'm a Kaiser nurse", "I work at Kaiser in Fresno",
                                  "is there tuition help for Kaiser workers"])
def test_an_employer_and_a_job_are_not_one_of_its_programs(indexes, said):
    assert longest_in(said, *indexes).type != "program"


def test_the_part_the_nlu_marked_does_not_win_over_the_whole_name(api):
    answer = post(api, "/guide/about", {"name": "KPSAHS", "text": "Am I eligible for the KPSAHS Master of Science in Counseling?",
                                        "facts": {"age": 29, "education": "bachelor's degree"}})
    assert answer["key"] == COUNSELING
    assert "you likely qualify" in text(answer)


def test_a_list_request_naming_one_fund_is_answered_about_it(api):
    answer = post(api, "/guide/list", {"kind": "tuition", "text": ED_FUND_ASKED, "facts": {}})
    assert (answer["kind"], answer["key"]) == ("funding", ED_FUND)
    assert answer["ask"]["fact"] == "employer"
    # A list that names no one program or fund is still a list.
    listed = post(api, "/guide/list", {"kind": "tuition", "text": "is there tuition help for Kaiser workers", "facts": {}})
    assert "kind" not in listed and listed["items"]


@pytest.mark.parametrize("union", ["SEIU-UHW & Joint Employer Education Fund Tuition Support",
                                   # The training trust itself is an organisation, not a union.
                                   "SEIU-UHW & Joint Employer Education Fund"])
def test_a_funds_name_taken_for_a_union_is_not_the_persons_union(api, union):
    facts = {"employer": "Kaiser", "union": union, "place": "Fresno"}
    answer = post(api, "/guide/about", {"name": "Education Fund", "text": ED_FUND_ASKED, "facts": facts})
    assert answer["key"] == ED_FUND and answer["facts"]["not_taken"] == ["union"]
    assert answer["ask"]["fact"] == "union"  # asked, not settled by the fund's own name
    for member in ("UHW", "SEIU-UHW", "no"):
        assert post(api, "/guide/about", {"name": "Education Fund", "facts": {**facts, "union": member}})["facts"]["not_taken"] == []


# ---------------------------------------------------------------- tuition lists read naturally


@pytest.mark.parametrize("facts, opening", [
    ({"employer": "Kaiser", "place": "Oakland"}, "Here are 3 ways to get help with tuition that fit what you told me:"),
    ({"employer": "Walmart", "employee": True, "place": "Fresno"}, "Here is 1 way to get help with tuition that fits what you told me:"),
])
def test_a_tuition_list_says_what_it_holds_in_plain_words(api, facts, opening):
    answer = post(api, "/guide/list", {"kind": "tuition", "facts": facts})
    assert answer["lines"][0] == opening, answer["lines"]


# ---------------------------------------------------------------- replies to the question asked


def reply(api, said: str, asked: str | None, subject: dict | None = None) -> dict | None:
    subject = subject or {"type": "funding", "key": "ben_hudnall_trust_tuition_support", "name": "Ben Hudnall"}
    answer = post(api, "/guide/aspect", {"text": said, "subject": subject, "asked": asked, "facts": {}})
    assert answer["followup"] is False or answer.get("reply") is None
    return answer.get("reply")


@pytest.mark.parametrize("said, asked, fact, words", [
    # Its words also read as a place, a job and a degree; as a reply to the union question it is the union.
    ("California Nurses Association", "union", "union", "california nurses association"),
    ("OFNHP", "union", "union", "ofnhp"),
    ("no, not in a union", "union", "union", "no"),
    ("I'm a pediatrician", "current_occupation", "current_occupation", "pediatrician"),
    ("psychologist, I have a PhD", "current_occupation", "current_occupation", "psychologist"),
    ("I'm a health services manager", "current_occupation", "current_occupation", "health services manager"),
    # No job: the school they are in answers it.
    ("I'm in high school", "current_occupation", "grade", "i m in high school"),
    ("college", "grade", "grade", "college"),
    ("10th", "grade", "grade", "10th"),
])
def test_a_reply_to_the_question_asked_is_that_fact(api, said, asked, fact, words):
    assert reply(api, said, asked) == {"fact": fact, "said": words}


@pytest.mark.parametrize("said, asked", [
    ("16", "grade"), ("Oakland", "union"), ("Kaiser", "union"), ("how much does it pay?", "current_occupation"),
    ("I have my high school diploma", "current_occupation"), ("I want to be a nurse", "current_occupation"),
    ("California Nurses Association", None),
    # A fund's name is not anyone's union.
    ("SEIU-UHW & Joint Employer Education Fund Tuition Support", "union"),
])
def test_a_message_that_does_not_answer_it_is_not_read_as_it(api, said, asked):
    assert reply(api, said, asked) is None


def test_a_reply_is_never_a_followup_about_the_subject(api):
    # "bachelor's" names a requirement of the subject; while the job is asked, the job is the answer.
    answer = post(api, "/guide/aspect", {"text": "RN with a bachelor's", "asked": "current_occupation",
                                         "subject": {"type": "program", "key": "satcher_health_policy_leadership_fellowship",
                                                     "name": "Satcher"}, "facts": {}})
    assert answer["followup"] is False and answer["reply"] == {"fact": "current_occupation", "said": "rn"}


def test_the_job_said_in_a_sentence_settles_the_verdict(api):
    satcher = "Satcher Health Policy Leadership Fellowship"
    pediatrician = post(api, "/guide/about", {"name": satcher, "facts": {"current_occupation": "I'm a pediatrician"}})
    assert "you likely qualify" in text(pediatrician)
    psychologist = post(api, "/guide/about", {"name": satcher, "facts": {"current_occupation": "psychologist, I have a PhD"}})
    assert psychologist["ask"]["fact"] == "education"  # the job does not settle it; the degree does


def test_someone_in_school_is_asked_which_grade_not_again_whether(api):
    pipeline = "Kaiser Permanente health career pipeline programs for students"
    first = post(api, "/guide/about", {"name": pipeline, "facts": {}})
    assert first["ask"]["fact"] == "student"
    in_school = post(api, "/guide/about", {"name": pipeline, "facts": {"student": True}})
    assert in_school["ask"] == {"fact": "grade", "question": "What grade are you in?"}
    tenth = post(api, "/guide/about", {"name": pipeline, "facts": {"student": True, "grade": "10th"}})
    assert tenth["ask"]["fact"] == "groups"  # being one of the groups it serves would settle it


def test_a_question_about_a_name_says_the_name_for_a_message_the_nlu_could_not_place(api):
    # The NLU may give up on a long name; the catalog still says what the question is about.
    answer = post(api, "/guide/aspect", {"text": "Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?",
                                         "list_asked": True, "facts": {}})
    assert answer["followup"] is False
    assert answer["named"] == {"type": "funding", "key": "kp_nurse_scholars_tuition_support",
                               "name": "Nurse Scholars Academy tuition assistance (Choice program)"}
