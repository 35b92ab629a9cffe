"""No message the model is judged on is a training example in disguise: after lowercasing and
removing punctuation, spacing and entity markup, no held-out, crisis, ordinary or public message
equals a training example in data/nlu (else the figures of make test-nlu measure memory)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from tests.nlu.check_nlu import (HINT_SETS, check_in_replies, crisis_messages, heldout_examples,
                                 never_read_crisis_messages, never_read_ordinary_messages, read_crisis_messages,
                                 read_lines)
from tests.nlu.ordinary_messages import ordinary_messages
from tests.nlu.public_sets import development_set, final_set

DATA = Path(__file__).parents[2] / "data" / "nlu"
MARKUP = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
NOT_WORD = re.compile(r"[^\w\s]|_")


def normalise(text: str) -> str:
    text = MARKUP.sub(r"\1", text).lower().replace("\u2019", "'")
    return " ".join(NOT_WORD.sub(" ", text).split())


def test_normalise_removes_case_punctuation_and_markup():
    assert normalise("How do I become a [Doctor](occupation)?") == "how do i become a doctor"
    assert normalise('whats [KP LAUNCH]{"entity": "program"}') == "whats kp launch"
    assert normalise("No, I don't!!") == "no i don t" == normalise("no i don t")


@pytest.fixture(scope="module")
def training() -> dict[str, str]:
    seen = {}
    for path in sorted(DATA.glob("*.yml")):
        for message in RasaYAMLReader().read(path).intent_examples:
            seen.setdefault(normalise(message.get("text")), path.name)
    return seen


JUDGED = {
    "heldout.yml": lambda: [text for text, _, _ in heldout_examples("heldout.yml")],
    "heldout_blind.yml": lambda: [text for text, _, _ in heldout_examples("heldout_blind.yml")],
    "smalltalk_blind.yml": lambda: [text for text, _, _ in heldout_examples("smalltalk_blind.yml")],
    "crisis_messages.txt": crisis_messages,
    "crisis_read_*.txt": read_crisis_messages,
    "hints_read_*.txt": lambda: [line for name in HINT_SETS for line in read_lines(name)],
    "crisis_never_read*.txt": never_read_crisis_messages,
    "ordinary_never_read*.txt": never_read_ordinary_messages,
    "ordinary_messages.py": ordinary_messages,
    "check_in_replies_read.txt": lambda: [text for _, text in check_in_replies("check_in_replies_read.txt")],
    "check_in_replies_never_read.txt": lambda: [text for _, text in check_in_replies("check_in_replies_never_read.txt")],
    "public development set": lambda: [text for text, _, _ in development_set()],
    "public final check": lambda: [text for text, _, _ in final_set()],
}


@pytest.mark.parametrize("name", sorted(JUDGED))
def test_no_judged_message_is_a_training_example(training, name):
    messages = JUDGED[name]()
    assert messages
    # The never-read sets stay unread: only the count is shown (and no list is compared, which
    # pytest would print).
    unread = "never_read" in name
    copies = [m if not unread else "" for m in messages if normalise(m) in training]
    shown = "" if unread else [f"{m!r} (in {training[normalise(m)]})" for m in copies]
    assert len(copies) == 0, f"{len(copies)} of {name} are training examples {shown}"
