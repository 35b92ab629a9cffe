"""Programs, funds and organisations found by the names people use, never swapped: on the seed
catalog."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from catalog.named import NameIndex


@pytest.fixture(scope="module")
def index(catalog) -> NameIndex:
    with Session(catalog.engine) as session:
        return NameIndex.load(session)


@pytest.mark.parametrize("said,kind,key", [
    # An organisation's name is the organisation, though its programs carry it as an alias.
    ("Futuro Health", "organization", "futuro_health"), ("Futuro", "organization", "futuro_health"),
    ("Year Up", "organization", "year_up"), ("Ed Fund", "organization", "seiu_uhw_joint_employer_education_fund"),
    ("KP School of Allied Health", "organization", "kp_school_of_allied_health"),
    ("KPSAHS", "organization", "kp_school_of_allied_health"),
    # A record's own name (HCCP is inside the program's name) beats another record's alias.
    ("HCCP", "program", "hccp_washington"), ("NSA", "program", "kp_nurse_scholars_academy"),
    ("the Nurse Scholars Academy", "program", "kp_nurse_scholars_academy"),
    ("Futuro scholarship", "funding", "futuro_health_scholarship"),
    # An organisation, then which of its programs.
    ("KP School of Allied Health radiology program", "program", "kp_school_of_allied_health_radiology"),
    ("KPSAHS ultrasound", "program", "kp_school_of_allied_health_ultrasound"),
    ("Futuro Health medical assistant program", "program", "futuro_health_medical_assistant"),
    ("Kaiser nurse scholars", "program", "kp_nurse_scholars_academy"),
    # Near-spellings.
    ("Nurse Scholars Acadamy", "program", "kp_nurse_scholars_academy"), ("Futuro Helth", "organization", "futuro_health"),
    # Names the seed documents use.
    ("Kaiser Permanente School of Allied Health", "organization", "kp_school_of_allied_health"),
    ("Mental Health Training Program", "program", "kp_mental_health_training_program"),
    ("Community Health Leadership Program", "program", "apha_community_health_leadership_program"),
    ("Health Equity Scholars Program", "funding", "health_equity_scholars_program"),
    ("SEIU-UHW Joint Employer Education Fund", "organization", "seiu_uhw_joint_employer_education_fund"),
])
def test_found_by_the_names_people_use(index, said, kind, key):
    found = index.find(said).entry
    assert found is not None and (found.kind, found.key) == (kind, key)


@pytest.mark.parametrize("said", ["veterinarian", "Harvard Medical School", "Stanford Nurse Residency", "nurse", "program", "KP"])
def test_never_swapped(index, said):
    found = index.find(said).entry
    if said == "KP":
        # KP is Kaiser Permanente itself, not one of its schools or programs.
        assert found.key == "kaiser_permanente"
    else:
        assert found is None


def test_an_organisations_program_it_does_not_have_is_said_back(index):
    found = index.find("KP School of Allied Health nursing")
    assert found.entry.key == "kp_school_of_allied_health" and found.unmatched == "nursing"


def test_organisations_only(index):
    assert index.find("Kaiser", ("organization",)).entry.key == "kaiser_permanente"
    assert index.find("Nurse Scholars Academy", ("organization",)).entry is None
