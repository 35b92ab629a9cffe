"""Reading people's answers: ages, grades, schooling, places, contacts."""

import pytest

from actions.handoff import parse_contact, parse_method
from actions.parsers import career_asked, name_asked, names_grade, names_schooling, parse_age, parse_yes_no


@pytest.mark.parametrize("answer, age", [
    ("17", 17), ("I'm 16", 16), ("24 years old", 24), ("twenty-four", 24), ("sixteen", 16),
    (24.0, 24), ("I am 5", None), ("blue", None), ("200", None),
])
def test_ages(answer, age):
    assert parse_age(answer) == age


@pytest.mark.parametrize("answer, grade", [
    ("10th grade", True), ("grade 11", True), ("I'm a sophomore", True), ("12th grader", True), ("junior", True),
    ("I'm 16", False), ("10", False),
])
def test_a_bare_reply_naming_a_grade_is_recognised_and_a_bare_number_is_not(answer, grade):
    # What the grade is ("junior" is 11) is the catalog's reading (tests/catalog/test_said.py).
    assert names_grade(answer) is grade


@pytest.mark.parametrize("answer, schooling", [
    ("still in high school", True), ("high school diploma", True), ("I have my GED", True), ("some college", True),
    ("a certificate", True), ("associate degree", True), ("BSN", True), ("PhD", True), ("I'm an LVN", True),
    ("I didn't finish high school", True), ("pizza", False), ("Fresno", False),
])
def test_a_bare_reply_naming_schooling_is_recognised(answer, schooling):
    assert names_schooling(answer) is schooling


@pytest.mark.parametrize("answer, method", [
    ("text message", "sms"), ("Email", "email"), ("phone call", "phone"), ("on Teams", "teams"), ("carrier pigeon", None),
])
def test_contact_methods(answer, method):
    assert parse_method(answer) == method


@pytest.mark.parametrize("answer, found", [
    ("me@example.org", ("email", "me@example.org")),
    ("it's (559) 555-0134", ("phone", "(559) 555-0134")),
    ("123 Main Street", (None, None)),
])
def test_contacts(answer, found):
    assert parse_contact(answer) == found


def test_yes_and_no():
    assert parse_yes_no("yes please") is True
    assert parse_yes_no("nope") is False
    assert parse_yes_no("maybe") is None


@pytest.mark.parametrize("question, career", [
    ("how do I become a veterinarian?", "veterinarian"),
    ("what does a respiratory therapist do and how much do they earn?", "respiratory therapist"),
    ("wat do u need to be a nurse", "nurse"),
    ("I want to be a medical assistant in Fresno", "medical assistant"),
    ("how much do they make", None),
    ("tell me about Futuro Health", None),
])
def test_the_career_named_in_a_question(question, career):
    assert career_asked(question) == career


@pytest.mark.parametrize("question, name", [
    ("tell me about Hogwarts Nursing School", "Hogwarts Nursing School"),
    ("how do I apply to Year Up?", "Year Up"),
    ("am i eligible for the nurse scholars academy", "nurse scholars academy"),
    ("tell me about it", None),
    ("how do i become a nurse", None),
])
def test_the_name_asked_about(question, name):
    assert name_asked(question) == name


def test_an_article_is_not_part_of_the_career():
    assert career_asked("how do you become an rn") == "rn"
