"""Every health occupation, found by the names people use, and never swapped for another career
that merely shares a word: over HTTP against the seed catalog, and on the index alone with careers
taken out, to prove a missing career is named back rather than replaced."""

from __future__ import annotations

import pytest
import yaml

from catalog.occupations import OccupationIndex, name_forms
from tests.catalog.conftest import SEED_DIR

RECORDS = yaml.safe_load((SEED_DIR / "occupations.yaml").read_text())["records"]

# Names, short forms and misspellings people type, and the career each means.
FOUND = [
    ("CNA", "nursing_assistant"), ("nurse aide", "nursing_assistant"), ("MA", "medical_assistant"),
    ("medicle assistant", "medical_assistant"), ("LVN", "licensed_vocational_nurse"),
    ("LPN", "licensed_vocational_nurse"), ("nurse", "registered_nurse"), ("nursing", "registered_nurse"),
    ("Registered Nurses", "registered_nurse"), ("RT", "respiratory_therapist"),
    ("resp therapist", "respiratory_therapist"), ("respiratory therapists", "respiratory_therapist"),
    ("respitory therapist", "respiratory_therapist"), ("EMT", "emergency_medical_technician"),
    ("paramedic", "paramedic"), ("rad tech", "radiologic_technologist"), ("x-ray tech", "radiologic_technologist"),
    ("xray tech", "radiologic_technologist"), ("phlebo", "phlebotomist"), ("phlebotomy tech", "phlebotomist"),
    ("scrub tech", "surgical_technologist"), ("surgical tech", "surgical_technologist"),
    ("sono", "diagnostic_medical_sonographer"), ("sonografer", "diagnostic_medical_sonographer"),
    ("pharm tech", "pharmacy_technician"), ("dental asistant", "dental_assistant"),
    ("EVS", "environmental_services_worker"), ("medical coder", "medical_records_specialist"),
    ("mental health counselor", "mental_health_counselor"), ("psych tech", "psychiatric_technician"),
    ("CRNA", "nurse_anesthetist"), ("OB/GYN", "obstetrician_gynecologist"), ("pediatrition", "pediatrician"),
    ("sterile processing tech", "sterile_processing_technician"), ("patient navigator", "care_coordinator"),
    ("medical secretary", "medical_secretary"), ("health information technologist", "health_information_technologist"),
    ("EKG tech", "cardiovascular_technologist"), ("dietician", "dietitian"), ("doctor", "physician"),
    ("marriage and family therapist", "marriage_family_therapist"), ("physical therapy", "physical_therapist"),
]
# Careers the guide does not cover, and words that name no career: no match and nothing offered.
NOTHING = ["veterinarian", "vet tech", "animal doctor", "zoo keeper", "pilot", "astronaut", "lawyer",
           "software engineer", "teacher", "firefighter", "marine biologist", "dental", "IT"]
# Pairs that share a word but are different careers: typing one never gives the other.
NEVER_SWAPPED = [
    ("respiratory therapist", "marriage_family_therapist"), ("marriage and family therapist", "respiratory_therapist"),
    ("radiation therapist", "respiratory_therapist"), ("respiratory therapist", "radiation_therapist"),
    ("physical therapist assistant", "physical_therapist"), ("physical therapist", "physical_therapist_assistant"),
    ("dental hygienist", "dental_assistant"), ("dental assistant", "dental_hygienist"),
    ("nurse practitioner", "registered_nurse"), ("registered nurse", "nurse_practitioner"),
    ("nurse anesthetist", "anesthesiologist"), ("anesthesiologist", "nurse_anesthetist"),
    ("psychiatric technician", "psychiatric_aide"), ("psychiatric aide", "psychiatric_technician"),
    ("clinical laboratory technologist", "clinical_laboratory_technician"),
    ("clinical laboratory technician", "clinical_laboratory_technologist"),
    ("optometrist", "ophthalmologist"), ("ophthalmologist", "optometrist"),
]
# Names several careers share: none is chosen, all are offered.
SHARED = {
    "therapist": {"marriage_family_therapist", "mental_health_counselor", "physical_therapist",
                  "occupational_therapist", "respiratory_therapist"},
    "counselor": {"mental_health_counselor", "substance_abuse_counselor", "rehabilitation_counselor"},
    "social worker": {"clinical_social_worker", "mental_health_social_worker"},
    "caregiver": {"home_health_aide", "personal_care_aide"},
    "eye doctor": {"optometrist", "ophthalmologist"},
}


def lookup(api, name: str) -> dict:
    response = api.get("/occupations/lookup", params={"name": name})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(("name", "key"), FOUND)
def test_names_people_use_find_the_career(api, name, key):
    assert (lookup(api, name)["match"] or {}).get("key") == key


@pytest.mark.parametrize("name", NOTHING)
def test_careers_not_covered_are_not_replaced(api, name):
    body = lookup(api, name)
    assert body["match"] is None and body["alternatives"] == []


@pytest.mark.parametrize(("name", "other"), NEVER_SWAPPED)
def test_a_shared_word_never_swaps_one_career_for_another(api, name, other):
    body = lookup(api, name)
    assert body["match"]["key"] != other
    assert other not in [a["key"] for a in body["alternatives"]]


@pytest.mark.parametrize(("name", "keys"), SHARED.items())
def test_a_name_several_careers_share_picks_none_and_offers_all(api, name, keys):
    body = lookup(api, name)
    assert body["match"] is None
    assert {a["key"] for a in body["alternatives"]} <= keys and len(body["alternatives"]) >= min(3, len(keys))


def test_near_spellings_are_offered_not_answered_when_unsure(api):
    body = lookup(api, "x ray")
    assert body["match"] is None and [a["key"] for a in body["alternatives"]] == ["radiologic_technologist"]


def index_without(*left_out: str) -> OccupationIndex:
    return OccupationIndex([(r["key"], r["title"], r.get("aliases", [])) for r in RECORDS if r["key"] not in left_out])


def test_a_missing_career_is_not_replaced_by_one_that_shares_a_word():
    # Both directions: whichever of the pair the catalog lacks, the other is never offered for it.
    for wanted, missing in (("respiratory therapist", "respiratory_therapist"),
                            ("marriage and family therapist", "marriage_family_therapist"),
                            ("nurse practitioner", "nurse_practitioner"),
                            ("surgical technologist", "surgical_technologist"),
                            ("dental hygienist", "dental_hygienist")):
        found = index_without(missing).lookup(wanted)
        assert found.key is None and found.alternatives == [], (wanted, found)
    # A typo of a missing career is not "corrected" into another one either.
    assert index_without("respiratory_therapist").lookup("resperatory therapist").key is None


def test_every_title_and_alias_finds_its_own_record():
    index = index_without()
    shared = {name for name, keys in index.names.items() if len(keys) > 1}
    for record in RECORDS:
        for name in [record["title"], *record.get("aliases", [])]:
            if any(form in shared for form in name_forms(name)):
                continue
            assert index.lookup(name).key == record["key"], (name, record["key"])


def test_the_catalog_covers_the_health_occupations():
    codes = {r["soc_code"][:2] for r in RECORDS}
    assert len(RECORDS) >= 100 and {"29", "31", "21", "11", "43"} <= codes
    for record in RECORDS:
        assert record["description"] and record["education_level"] and record["time_to_enter_months"] is not None
        assert record["related"] and record["key"] not in record["related"]
    # Veterinary occupations are left out on purpose: this guide covers human health care.
    assert not {"29-1131.00", "29-2056.00", "31-9096.00"} & {r["soc_code"] for r in RECORDS}
    # Mental health counselors: O*NET-SOC 2019 21-1014.00, paid as SOC 2018 / OEWS 21-1018.
    counselor = next(r for r in RECORDS if r["key"] == "mental_health_counselor")
    assert (counselor["soc_code"], counselor["oews_code"]) == ("21-1014.00", "21-1018")
