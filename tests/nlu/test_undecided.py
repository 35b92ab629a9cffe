"""Undecided messages the model never trained on (tests/nlu/undecided_messages.txt): enough of
them, and none a training example. What the trained model makes of them (nearly all offered the
career quiz or careers, never a program list) is checked by `make test-nlu` (check_nlu.py), which
loads the model once for every set of messages."""

from __future__ import annotations

from core.settings import ROOT
from tests.nlu.check_nlu import undecided_messages


def test_there_are_at_least_forty_and_none_is_in_the_training_data():
    said = undecided_messages()
    assert len(said) >= 40
    training = "\n".join(path.read_text(encoding="utf-8").lower() for path in (ROOT / "data" / "nlu").glob("*.yml"))
    assert not [text for text in said if f"- {text.lower()}\n" in training]
