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
])
def test_education(said, level):
    assert education_of(said) == level


def test_groups():
    assert groups_of(["Hispanic", "first-generation", "veteran", "LGBTQ", "Black", "martian"]) == [
        "hispanic_latino", "first_generation", "veteran", "lgbtq", "black"]
