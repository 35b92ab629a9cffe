"""Facts from any message: bare replies to the asked fact, and the catalog's facts object."""

import pytest

from actions.facts import facts_of, known, places_said, reply_to
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize("asked, text, intent, slots", [
    ("place", "Pasadena, CA", "inform", {"place": "Pasadena, CA"}),
    ("place", "I live in fresno", "inform", {"place": "fresno"}),
    ("place", "16", "inform", {"age": "16"}),            # another fact than the one asked is kept
    ("place", "I have my GED", "inform", {"education": "I have my GED"}),  # sent as said; the catalog reads it
    ("age", "19", "inform", {"age": "19"}),
    ("age", "11th grade", "inform", {"grade": "11th grade"}),
    ("age", "no idea", "inform", {}),
    ("education", "some college", "inform", {"education": "some college"}),
    ("employer", "I work at Kaiser Permanente", "inform", {"employer": "Kaiser Permanente"}),
    ("employee", "yes", "affirm", {"employee": True}),
    ("union", "no", "deny", {"union": "none"}),
    (None, "Pasadena", "inform", {}),                      # nothing asked: entities say what it is
    ("place", "/find_jobs", "find_jobs", {}),              # a button is not a reply
])
def test_a_bare_reply(asked, text, intent, slots):
    assert reply_to(asked, make_tracker(text=text, intent=intent)) == slots


def test_a_place_said_as_two_entities_is_joined_and_a_zip_wins():
    gpe = [{"entity": "GPE", "value": "Houston"}, {"entity": "GPE", "value": "Texas"}, {"entity": "GPE", "value": "houston"}]
    assert places_said(make_tracker(entities=gpe)) == "Houston, Texas"
    assert places_said(make_tracker(entities=[*gpe, {"entity": "zip", "value": "77002"}])) == "77002"


def test_facts_are_sent_as_said_and_nothing_is_decided_here():
    facts = facts_of({"age": "19", "place": ["Fresno", "CA"], "education": "GED", "employee": "employee",
                      "employer": "Kaiser", "group": ["Hispanic", "veteran"], "current_occupation": "lvn"})
    assert facts == {"age": 19, "grade": None, "place": "Fresno", "education": "GED", "student": None,
                     "employee": True, "employer": "Kaiser", "union": None, "current_occupation": "lvn",
                     "groups": ["Hispanic", "veteran"]}
    assert "is_minor" not in facts
    # What a grade says (in school, grade 11) is the catalog's reading; the words go as said.
    assert facts_of({"grade": "junior"})["grade"] == "junior" and facts_of({"grade": "junior"})["student"] is None
    assert known(facts, "age") and not known(facts, "grade") and known(facts, "group")


def test_a_career_marked_in_part_goes_to_the_catalog_whole():
    from actions.answer import career_said

    text = "what does a respiratory therapist do and how much do they earn?"
    start = text.index("therapist")
    part = [{"entity": "occupation", "value": "marriage_and_family_therapist", "start": start, "end": start + 9}]
    assert career_said(make_tracker(text=text, entities=part), "marriage_and_family_therapist") == "respiratory therapist"
    text = "how do i become a cna"
    whole = [{"entity": "occupation", "value": "nursing_assistant", "start": 18, "end": 21}]
    assert career_said(make_tracker(text=text, entities=whole), "nursing_assistant") == "nursing_assistant"


def test_words_read_as_a_place_are_not_a_career():
    from actions.facts import subject_value

    both = [{"entity": "occupation", "value": "Pasadena", "start": 0, "end": 8},
            {"entity": "GPE", "value": "Pasadena", "start": 0, "end": 8}]
    assert subject_value(make_tracker(text="Pasadena, CA", entities=both), "occupation") is None
    goal = [{"entity": "occupation", "value": "physician", "start": 18, "end": 24}]
    assert subject_value(make_tracker(text="how do I become a doctor", entities=goal), "occupation") == "physician"
