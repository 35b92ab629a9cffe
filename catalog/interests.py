"""The O*NET Interest Profiler: its questions, the compact answer string that holds a quiz in
progress, and the area scores as O*NET publishes them (data/interests/profiler.yaml).

A quiz's whole state is its answer string: one character per question asked so far, in the
form's order, `1` (Strongly dislike) to `5` (Strongly like) as O*NET's web services write answers,
or `0` for a question the person skipped. A chat slot can hold it, and any channel, replica or
restart resumes from it.

Scoring (Short Form): each answer earns 0 (Strongly dislike) to 4 (Strongly like) points, summed
per area: 10 questions, 0 to 40. Skipped questions are left out and the area's score is its
answered questions' average times ten, so it stays on the same 0-40 scale; the quick version's
five questions per area are scaled the same way (points doubled). It is for career exploration
only, never for screening anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from core.settings import ROOT

PROFILER = ROOT / "data" / "interests" / "profiler.yaml"
LETTERS = "RIASEC"
FORM_NAMES = {"short": "Short Form, 60 questions", "quick": "quick version, 30 questions"}
SKIPPED = "0"
# An area needs at least this share of its questions answered to be scored at all.
MIN_ANSWERED_SHARE = 0.5
# Scores this close together (on 0-40) do not tell areas apart: "I can't tell yet".
FLAT_SPREAD = 4
# A third area is named when it is this close to the second.
THIRD_AREA_WITHIN = 4


class InterestError(ValueError):
    """Input the profiler cannot use, said in a plain sentence (the API answers 422 with it)."""


@dataclass(frozen=True)
class Item:
    number: int
    area: str
    text: str


@lru_cache(maxsize=1)
def profiler() -> dict:
    return yaml.safe_load(PROFILER.read_text())


@lru_cache(maxsize=None)
def items(form: str) -> tuple[Item, ...]:
    """The form's questions in the order they are asked (and answered in the answer string)."""
    data = profiler()["items"]
    if form == "short":
        # Two of each area at a time: R1 R2 I1 I2 ... C1 C2 R3 R4 ...
        order = [(area, index) for pair in range(5) for area in LETTERS for index in (2 * pair, 2 * pair + 1)]
    elif form == "quick":
        per_area = profiler()["quick_items_per_area"]
        order = [(area, index) for index in range(per_area) for area in LETTERS]
    else:
        raise InterestError(f"There is no '{form}' version: use short (60 questions) or quick (30 questions).")
    return tuple(Item(number, area, data[area][index]) for number, (area, index) in enumerate(order, start=1))


def choices() -> list[dict]:
    return [dict(answer) for answer in profiler()["answers"]]


def about() -> dict:
    data = profiler()
    return {
        "forms": {form: {"name": name, "questions": len(items(form))} for form, name in FORM_NAMES.items()},
        "answers": choices(),
        "areas": {letter: dict(data["areas"][letter]) for letter in LETTERS},
        "answer_string": "one character per question asked so far, in order: 1 (Strongly dislike) to 5 "
                         "(Strongly like), 0 for a skipped question",
        "notice": data["notice"], "exploration_only": data["exploration_only"], "source_url": data["source_url"],
    }


def check(form: str, answers: str) -> tuple[Item, ...]:
    """The form's items, once the answer string is known to fit it."""
    asked = items(form)
    bad = next((char for char in answers if char not in "012345"), None)
    if bad is not None:
        raise InterestError(f"Answers are digits 1 to 5 (0 for a skipped question); '{bad[:1]}' is not one.")
    if len(answers) > len(asked):
        raise InterestError(f"That is {len(answers)} answers; the {FORM_NAMES[form]} has {len(asked)} questions.")
    return asked


def progress(form: str, answers: str) -> dict:
    total = len(items(form))
    return {"answered": len(answers), "total": total, "text": f"{min(len(answers) + 1, total)} of {total}"}


def question(form: str, answers: str) -> dict:
    """Where a quiz stands: the next question to ask, or done."""
    asked = check(form, answers)
    done = len(answers) == len(asked)
    item = None if done else asked[len(answers)]
    return {
        "form": form, "answers": answers, "done": done, "progress": progress(form, answers),
        "item": None if item is None else {
            "number": item.number, "text": item.text,
            "prompt": f"{item.number} of {len(asked)}: {item.text}.",
        },
        "choices": choices(),
    }


# ---------------------------------------------------------------- a reply in words

ANSWER_WORDS = {
    "strongly dislike": 1, "really dislike": 1, "hate": 1, "hate it": 1, "no way": 1,
    "dislike": 2, "don't like": 2, "dont like": 2, "not really": 2,
    "unsure": 3, "not sure": 3, "neutral": 3, "maybe": 3,
    "like": 4, "like it": 4,
    "strongly like": 5, "really like": 5, "love": 5, "love it": 5,
}
SKIP = {"skip", "next", "pass", "skip it", "skip this", "skip this one", "skip that", "skip that one",
        "next question", "next one"}
BACK = {"back", "go back", "previous", "undo", "change my answer", "change last answer"}
NOT_AN_ANSWER = ("Please answer with a number from 1 to 5: 1 is strongly dislike, 3 is unsure, 5 is strongly like. "
                 "You can also say skip, back or stop the quiz.")


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("’", "'")).strip()


def reading(reply: str) -> str | int | None:
    """1-5 for an answer, "skip" or "back", or None for anything else."""
    words = _words(reply)
    if re.fullmatch(r"[1-5]", words):
        return int(words)
    if words in ANSWER_WORDS:
        return ANSWER_WORDS[words]
    if words in SKIP:
        return "skip"
    if words in BACK:
        return "back"
    return None


def reply(form: str, answers: str, text: str) -> dict:
    """The quiz after one reply: an answer, skip or back; anything else leaves it unchanged and
    says what it takes, in one sentence."""
    asked = check(form, answers)
    if len(answers) == len(asked):
        raise InterestError("This quiz is finished: ask for the results.")
    read = reading(text)
    message = None
    if read == "back":
        if answers:
            answers = answers[:-1]
        else:
            message = "This is the first question, so there is nothing to go back to."
    elif read == "skip":
        answers += SKIPPED
    elif isinstance(read, int):
        answers += str(read)
    else:
        message = NOT_AN_ANSWER
    return {**question(form, answers), "understood": read is not None, "message": message}


# ---------------------------------------------------------------- scores


def scores(form: str, answers: str) -> dict:
    """Each area's score on O*NET's 0-40 scale, with the raw points and how many were answered."""
    asked = check(form, answers)
    if not answers.strip(SKIPPED):
        raise InterestError("There are no answers yet: answer at least one question first.")
    per_area: dict[str, dict] = {letter: {"points": 0, "answered": 0, "questions": 0} for letter in LETTERS}
    for item, char in zip(asked, answers):
        area = per_area[item.area]
        area["questions"] += 1
        if char != SKIPPED:
            area["points"] += int(char) - 1
            area["answered"] += 1
    for letter, area in per_area.items():
        share = area["answered"] / max(1, sum(1 for item in asked if item.area == letter))
        # The answered questions' average, on the Short Form's 0-40 (exactly the sum when all
        # ten were answered); rounded half up, as a count of points is.
        area["score"] = int(area["points"] * 10 / area["answered"] + 0.5) if area["answered"] else None
        area["enough"] = share >= MIN_ANSWERED_SHARE
    return per_area


def top_areas(per_area: dict) -> tuple[list[str], str | None]:
    """The two strongest areas (three when the third is close to the second), or, when the
    answers cannot tell the areas apart, no areas and the reason."""
    if not all(area["enough"] for area in per_area.values()):
        return [], "skipped"
    ordered = sorted(LETTERS, key=lambda letter: (-per_area[letter]["score"], LETTERS.index(letter)))
    values = [per_area[letter]["score"] for letter in ordered]
    if values[0] - values[-1] <= FLAT_SPREAD:
        return [], "flat"
    # Only areas above the weakest count as interests ("all 0 but Conventional" names one).
    above = [letter for letter, value in zip(ordered, values) if value > values[-1]]
    top = above[:2]
    if len(above) > 2 and values[1] - values[2] <= THIRD_AREA_WITHIN:
        top.append(above[2])
    return top, None


def area_words(letter: str) -> str:
    area = profiler()["areas"][letter]
    return f"{area['name']} ({area['words']})"
