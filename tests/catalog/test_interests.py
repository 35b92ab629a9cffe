"""The Interest Profiler resource over real HTTP on the seed catalog: O*NET's scoring on known
answer strings, results that follow the O*NET occupation profiles, and plain 4xx answers to bad
input."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import statistics

import pytest
import yaml

from core.settings import ROOT
from tests.catalog.conftest import wage_data_present

LETTERS = "RIASEC"
PROFILES = json.loads((ROOT / "data" / "interests" / "occupations.json").read_text())
PROFILER = yaml.safe_load((ROOT / "data" / "interests" / "profiler.yaml").read_text())


def questions(api, form: str) -> list[dict]:
    """Walk the quiz through the API, so the order under test is the one served."""
    areas, answers = [], ""
    item_area = {text: letter for letter, texts in PROFILER["items"].items() for text in texts}
    while True:
        step = api.get(f"/interests/{form}/question", params={"answers": answers}).json()
        if step["done"]:
            return areas
        areas.append(item_area[step["item"]["text"]])
        answers += "3"


def pattern(areas: list[str], high: str, low: str = "1", top: str = "5") -> str:
    return "".join(top if area in high else low for area in areas)


# ---------------------------------------------------------------- the questions


def test_the_short_form_asks_sixty_questions_ten_per_area_in_onets_order(api):
    areas = questions(api, "short")
    assert len(areas) == 60 and all(areas.count(letter) == 10 for letter in LETTERS)
    # O*NET's Short Form asks two of each area in turn: R R I I A A S S E E C C, five times.
    assert "".join(areas[:12]) == "RRIIAASSEECC" and "".join(areas) == "RRIIAASSEECC" * 5
    first = api.get("/interests/short/question").json()
    assert first["item"]["text"] == "Build kitchen cabinets" and first["progress"]["text"] == "1 of 60"
    assert [c["name"] for c in first["choices"]] == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]


def test_the_quick_version_asks_thirty_questions_five_per_area_in_turn(api):
    areas = questions(api, "quick")
    assert "".join(areas) == LETTERS * 5
    second = api.get("/interests/quick/question", params={"answers": "4"}).json()
    # O*NET's 30-question version starts the same way.
    assert second["item"]["text"] == "Develop a new medicine" and second["progress"]["text"] == "2 of 30"


def test_every_question_fits_one_sms_segment_with_its_reply_hint(api):
    answers = ""
    for _ in range(60):
        step = api.get("/interests/short/question", params={"answers": answers}).json()
        text = f"{step['item']['prompt']} Reply 1-5 (1 strongly dislike, 5 strongly like), skip or back."
        assert len(text) <= 160 and text.isascii(), text
        answers += "2"


def test_the_about_page_keeps_onets_notices(api):
    about = api.get("/interests").json()
    assert "U.S. Department of Labor" in about["notice"] and "trademark" in about["notice"]
    assert "exploring careers only" in about["exploration_only"]
    assert "CC BY 4.0" in about["credit"] and "O*NET" in about["credit"]


# ---------------------------------------------------------------- scoring


def test_scores_are_onets_sums_of_zero_to_four_points_per_area(api):
    areas = questions(api, "short")
    # A known answer string: each area's ten answers chosen so its O*NET sum is known.
    wanted = {"R": "1111111111", "I": "5555555555", "A": "3333333333", "S": "5454545454", "E": "2222222222", "C": "1234512345"}
    counters = {letter: iter(wanted[letter]) for letter in LETTERS}
    answers = "".join(next(counters[area]) for area in areas)
    scores = api.get("/interests/short/scores", params={"answers": answers}).json()
    # Strongly dislike 0 ... Strongly like 4, summed: 0, 40, 20, 35, 10, 20.
    assert scores["scores"] == {"R": 0, "I": 40, "A": 20, "S": 35, "E": 10, "C": 20}
    assert scores["top_areas"] == ["I", "S"] and scores["clear"]


def test_onets_own_example_answer_string(api):
    # The answer string in O*NET Web Services' "Matching careers" example, scored by hand with
    # the Short Form's rule (answer - 1 points, summed per area, in the served order).
    answers = "553421321134342523523523254115342111351145453111231155343444"
    areas = questions(api, "short")
    expected = {letter: sum(int(a) - 1 for a, area in zip(answers, areas) if area == letter) for letter in LETTERS}
    assert api.get("/interests/short/scores", params={"answers": answers}).json()["scores"] == expected
    assert sum(expected.values()) == sum(int(a) - 1 for a in answers)


def test_skipped_questions_are_left_out_and_the_area_stays_on_the_same_scale(api):
    areas = questions(api, "short")
    answers = list(pattern(areas, "S", low="3"))
    first_social = areas.index("S")
    answers[first_social] = "0"  # skipped
    detail = api.get("/interests/short/scores", params={"answers": "".join(answers)}).json()["detail"]
    assert detail["S"]["answered"] == 9 and detail["S"]["points"] == 36 and detail["S"]["score"] == 40
    assert detail["R"]["score"] == 20


def test_the_quick_version_is_scaled_to_the_short_forms_range(api):
    areas = questions(api, "quick")
    scores = api.get("/interests/quick/scores", params={"answers": pattern(areas, "C", low="2")}).json()["scores"]
    assert scores == {"R": 10, "I": 10, "A": 10, "S": 10, "E": 10, "C": 40}


# ---------------------------------------------------------------- results follow O*NET's profiles


def _correlation_order(high: str) -> list[str]:
    """Occupations ranked by how well their O*NET profile fits the pattern, computed here from
    the O*NET levels, independently of the service."""
    person = [40 if letter in high else 0 for letter in LETTERS]
    fits = {key: statistics.correlation(person, p["levels"]) for key, p in PROFILES["occupations"].items()}
    return sorted(fits, key=lambda key: -fits[key])


def results(api, form: str, answers: str, **body) -> dict:
    response = api.post(f"/interests/{form}/results", json={"answers": answers, **body})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert all(isinstance(line, str) and 0 < len(line) <= 320 for line in answer["lines"]), answer["lines"]
    return answer


def test_social_and_investigative_ranks_nursing_and_therapy_above_medical_records(api):
    areas = questions(api, "short")
    answer = results(api, "short", pattern(areas, "SI"), facts={"age": 30}, preparation="long", limit=10)
    keys = [career["key"] for career in answer["careers"]]
    assert answer["top_areas"] == ["I", "S"]
    # What O*NET's profiles say, computed here: nurses and therapists fit far better.
    order = _correlation_order("SI")
    assert order.index("registered_nurse") < order.index("medical_records_specialist")
    assert keys == order[:10]
    assert any("nurse" in key or "therap" in key for key in keys)
    assert "medical_records_specialist" not in keys
    for career in answer["careers"]:
        assert PROFILES["occupations"][career["key"]]["high_point_code"][0] in "SI"


def test_conventional_ranks_medical_records_above_nursing(api):
    areas = questions(api, "short")
    answer = results(api, "short", pattern(areas, "C"), facts={"age": 30}, preparation="long", limit=10)
    keys = [career["key"] for career in answer["careers"]]
    order = _correlation_order("C")
    assert order.index("medical_records_specialist") < order.index("registered_nurse")
    assert "medical_records_specialist" in keys and "registered_nurse" not in keys
    assert keys == order[:10]
    assert answer["top_areas"] == ["C"]


def test_a_sixteen_year_old_sees_paths_that_start_in_high_school_first(api):
    areas = questions(api, "quick")
    teen = results(api, "quick", pattern(areas, "SI"), facts={"age": 16, "place": "Fresno, CA"}, limit=3)
    adult = results(api, "quick", pattern(areas, "SI"), facts={"age": 30, "place": "Fresno, CA"}, limit=3)
    assert teen["ready_for"] == "starts in high school or within a year"
    assert all(career["preparation"] == "starts in high school or within a year" for career in teen["careers"])
    assert [c["key"] for c in teen["careers"]] != [c["key"] for c in adult["careers"]]
    assert "begin in high school" in " ".join(teen["lines"])


def test_each_career_says_what_it_is_time_pay_and_a_program_the_person_can_join(api):
    areas = questions(api, "quick")
    answer = results(api, "quick", pattern(areas, "C"), facts={"age": 16, "grade": "junior", "place": "Fresno, CA"}, limit=5)
    said = " ".join(answer["lines"])
    assert "Conventional (organizing" in said
    for career in answer["careers"]:
        assert career["what"].startswith(career["title"]) and career["time_to_train"]
        if wage_data_present():
            assert career["pay"] and "(BLS, May 2025)" in " ".join(career["lines"])
        program = career["program"]
        if program:
            # Never a program a 16-year-old is ruled out of, nor one only for adults.
            assert program["verdict"] != "not_eligible"
            detail = api.get(f"/programs/{program['key']}").json()
            assert detail.get("kind") not in ("workshop", "hiring")
    assert any(career["program"] for career in answer["careers"]), "no program found for any career"
    assert answer["ask"] is None  # the place is known


def test_all_the_same_answers_get_an_honest_i_cant_tell_yet(api):
    for same in "531":
        answer = results(api, "quick", same * 30)
        assert not answer["clear"] and answer["careers"] == []
        assert answer["lines"][0].startswith("I can't tell yet") and "Try the quiz again" in answer["lines"][1]


# ---------------------------------------------------------------- replies and bad input


@pytest.mark.parametrize("said, answers", [("4", "34"), ("Strongly like", "35"), ("not sure", "33"), ("skip", "30"),
                                          ("back", ""), ("LIKE!", "34"),
                                          ("Next question", "30"), ("skip that one", "30")])
def test_replies_in_words_move_the_quiz(api, said, answers):
    step = api.post("/interests/quick/reply", json={"answers": "3", "reply": said}).json()
    assert step["understood"] and step["answers"] == answers and step["message"] is None


@pytest.mark.parametrize("said", ["7", "yes", "idk", "🙂", "I really am not sure what any of this means " * 5])
def test_a_reply_that_is_not_an_answer_gets_a_plain_sentence_and_loses_nothing(api, said):
    step = api.post("/interests/quick/reply", json={"answers": "45", "reply": said}).json()
    assert not step["understood"] and step["answers"] == "45" and step["progress"]["text"] == "3 of 30"
    assert step["message"].startswith("Please answer with a number from 1 to 5")


@pytest.mark.parametrize("path, params, words", [
    ("/interests/quick/scores", {"answers": "1239"}, "digits 1 to 5"),
    ("/interests/quick/scores", {"answers": "3" * 31}, "30 questions"),
    ("/interests/quick/scores", {"answers": "000"}, "no answers yet"),
    ("/interests/quick/question", {"answers": "12a"}, "'a' is not one"),
    ("/interests/long/question", {}, "'form' must be one of"),
])
def test_bad_answer_strings_get_a_4xx_with_a_sentence(api, path, params, words):
    response = api.get(path, params=params)
    assert response.status_code == 422 and words in response.json()["detail"], response.text


@pytest.mark.parametrize("answers, words", [("", "no answers yet"), ("33", "2 of 30 questions answered"),
                                            ("6" * 30, "'6' is not one")])
def test_results_before_the_end_get_a_4xx_with_a_sentence(api, answers, words):
    response = api.post("/interests/quick/results", json={"answers": answers})
    assert response.status_code == 422 and words in response.json()["detail"], response.text


def test_a_finished_quiz_takes_no_more_replies(api):
    response = api.post("/interests/quick/reply", json={"answers": "3" * 30, "reply": "4"})
    assert response.status_code == 422 and "finished" in response.json()["detail"]


# ---------------------------------------------------------------- the O*NET data


def test_the_profiles_cover_the_catalogs_occupations_with_their_source_recorded():
    occupations = yaml.safe_load((ROOT / "data" / "catalog" / "occupations.yaml").read_text())["records"]
    keys = {o["key"] for o in occupations}
    assert set(PROFILES["occupations"]) | set(PROFILES["without_profile"]) == keys
    # O*NET publishes no interest profile for the "all other" physicians and surgeons.
    assert PROFILES["without_profile"] == ["physician", "surgeon"]
    assert re.fullmatch(r"[0-9a-f]{64}", PROFILES["sha256"]) and PROFILES["license"] == "CC BY 4.0"
    for key, profile in PROFILES["occupations"].items():
        assert len(profile["levels"]) == 6 and all(1 <= level <= 7 for level in profile["levels"])
        assert re.fullmatch(r"[RIASEC]{1,3}", profile["high_point_code"]), key


def test_a_sample_matches_the_onet_codes_in_reference():
    # REFERENCE.md names these O*NET-SOC codes; each profile is the row of that code.
    reference = {"registered_nurse": ("29-1141.00", "Registered Nurses"),
                 "licensed_vocational_nurse": ("29-2061.00", "Licensed Practical and Licensed Vocational Nurses"),
                 "nursing_assistant": ("31-1131.00", "Nursing Assistants"),
                 "medical_assistant": ("31-9092.00", "Medical Assistants"),
                 "phlebotomist": ("31-9097.00", "Phlebotomists"),
                 "pharmacy_technician": ("29-2052.00", "Pharmacy Technicians"),
                 "dental_hygienist": ("29-1292.00", "Dental Hygienists"),
                 "health_services_manager": ("11-9111.00", "Medical and Health Services Managers")}
    for key, (code, title) in reference.items():
        profile = PROFILES["occupations"][key]
        assert (profile["soc_code"], profile["onet_title"]) == (code, title)
    # Registered nurses: O*NET's high points are Social, Investigative, Conventional.
    assert PROFILES["occupations"]["registered_nurse"]["high_point_code"] == "SIC"


def test_the_builder_refuses_a_file_that_is_not_the_recorded_one():
    from catalog import interest_sources

    header = "PK,O*NET-SOC Code,Title,Interests Element ID,Interests Element Name,Scale ID,Scale Name,Data Value,Date,Domain Source\n"
    with pytest.raises(ValueError, match="not the recorded"):
        interest_sources.build(header.encode(), [])
    rows = list(csv.reader([header]))
    assert rows and hashlib.sha256(header.encode()).hexdigest() != interest_sources.SOURCE_SHA256
