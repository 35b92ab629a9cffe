"""Facts in the words people use, read the one way the catalog reads them."""

from __future__ import annotations

import pytest

from catalog.said import education_of, grade_of, groups_of


@pytest.mark.parametrize("said,grade,level", [
    ("junior", 11, "high_school"), ("11th grade", 11, "high_school"), ("senior in high school", 12, "high_school"),
    ("high school", None, "high_school"), ("8th", 8, "middle_school"), ("middle school", None, "middle_school"),
    ("junior in college", None, "college"), ("freshman", 9, "high_school"), ("12", 12, "high_school"),
])
def test_grades(said, grade, level):
    assert grade_of(said) == (grade, level)


@pytest.mark.parametrize("said,level", [
    ("GED", "high_school"), ("high school diploma", "high_school"), ("bachelor's", "bachelor"),
    ("associate's degree", "associate"), ("some college", "some_college"), ("master's", "master"),
    ("some high school", "some_high_school"), ("bachelor", "bachelor"), ("doctorate", "doctorate"), ("a pilot", None),
    # Read here only (the actions send the words): an LVN has a certificate, a junior is in high school.
    ("I'm an LVN", "certificate"), ("cna", "certificate"), ("still in high school", "some_high_school"),
    ("junior", "some_high_school"),
])
def test_education(said, level):
    assert education_of(said) == level


def test_groups():
    assert groups_of(["Hispanic", "first-generation", "veteran", "LGBTQ", "Black", "martian"]) == [
        "hispanic_latino", "first_generation", "veteran", "lgbtq", "black"]


def test_still_in_high_school_makes_a_student_and_dropping_out_does_not():
    from catalog.named import NameIndex
    from catalog.occupations import OccupationIndex
    from catalog.said import GuideFacts, understand

    def level(education: str) -> str | None:
        return understand(GuideFacts(education=education), OccupationIndex([]), NameIndex([])).facts.profile.student

    assert level("still in high school") == "high_school"
    assert level("junior") == "high_school"
    assert level("I dropped out") is None
