"""The verdict cases (tests/cases/verdicts.py) through the chat on REST: each person asks in one
message, as they would, and the assistant's answer says what the catalog's POST /eligibility says
(tests/catalog/test_verdict_cases.py checks that side)."""

from __future__ import annotations

import uuid

import pytest

from tests.cases.verdicts import CASES
from tests.e2e.conftest import say


def words(messages: list[dict]) -> str:
    return " ".join(message.get("text") or "" for message in messages)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_chat_answer_says_the_verdict(stack, case):
    answer = words(say(stack, f"verdict-{uuid.uuid4().hex[:12]}", case.say))
    assert answer, "every question gets an answer"
    for phrase in case.chat:
        assert phrase in answer, (case.say, answer)
    other = {"you likely qualify": "you likely don't qualify", "you likely don't qualify": "From what you told me, you likely qualify"}
    for phrase in case.chat:
        if phrase in other:
            assert other[phrase] not in answer, answer
