"""The verdict cases (tests/cases/verdicts.py) through the chat on REST: each person asks about a
program or fund by its name, as they would, answers what the assistant asks in their own words, and
the assistant's last answer says what the catalog's POST /eligibility says
(tests/catalog/test_verdict_cases.py checks that side). Cases the chat cannot reach yet carry the
reason (`chat_gap`) and are checked through the catalog only."""

from __future__ import annotations

import uuid

import pytest

from tests.cases.verdicts import CASES
from tests.e2e.conftest import say
from tests.e2e.verdict_chat import converse

IN_CHAT = [case for case in CASES if not case.chat_gap]
OPPOSITE = {"you likely qualify": "you likely don't qualify", "you likely don't qualify": "you likely qualify."}


def test_the_chat_checks_a_case_of_every_verdict():
    assert len(IN_CHAT) >= 10
    assert {case.verdict for case in IN_CHAT} == {"eligible", "maybe", "not_eligible"}


@pytest.mark.parametrize("case", IN_CHAT, ids=[case.name for case in IN_CHAT])
def test_the_chat_answer_says_the_verdict(stack, case):
    sender = f"verdict-{uuid.uuid4().hex[:12]}"
    last, replies = converse(lambda text: " ".join(m.get("text") or "" for m in say(stack, sender, text)),
                             case.say, case.answers)
    for phrase in case.chat:
        assert phrase in last, (case.name, replies)
        if phrase in OPPOSITE:
            assert OPPOSITE[phrase] not in last, (case.name, last)
