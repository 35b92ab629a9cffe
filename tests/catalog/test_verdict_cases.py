"""The verdict cases (tests/cases/verdicts.py) through `POST /eligibility` with the seed data."""

from __future__ import annotations

import pytest

from tests.cases.verdicts import CASES


def test_there_are_enough_cases():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_verdict_case(api, case):
    response = api.post("/eligibility", json={"profile": case.profile, **case.target})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["verdict"] == case.verdict, answer
    said = " ".join(answer["reasons"] + answer["missing"] + answer["unpublished"])
    assert case.because in said, said
