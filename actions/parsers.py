"""Recognising a bare reply (an age, a grade, schooling, yes or no), organization keys and the
career or name asked when the NLU marked none.

Pure functions with no Rasa state, so every action and form reads a fact the same way.
"""

from __future__ import annotations

import re
from typing import Any, Optional

MIN_AGE, MAX_AGE = 10, 110  # what the catalog's Profile accepts
KEY = re.compile(r"^[a-z0-9_]{1,80}$")  # a catalog key ("kaiser_permanente")

# "I live in", "it's", "near": words before a place in a reply to "where do you live?".
LEAD_IN = re.compile(
    r"^(?:i\s*(?:'m|am)\s+(?:in|from|near|at)|i\s+live\s+(?:in|near|at)|we\s+live\s+in|"
    r"i\s+stay\s+in|my\s+(?:city|zip(?:\s+code)?)\s+is|it'?s|in|near|from|around|close\s+to)\s+",
    re.I,
)


# A bare reply that names a grade or schooling is recognised here and sent as said; what it means
# ("junior" is grade 11, "LVN" a certificate) is read by the catalog alone (catalog/said.py).
GRADE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*grade(?:r)?\b|\bgrade\s*\d{1,2}\b|\b(?:freshman|sophomore|junior|senior)\b", re.I)
NUMBER_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def names_grade(text: Any) -> bool:
    """Whether a reply names a school grade ("10th grade", "grade 11", "a sophomore"); a bare
    number never does, because "10" answering "how old are you?" is an age."""
    return bool(GRADE.search(str(text or "")))


def parse_age(value: Any) -> Optional[int]:
    """Years of age from "17", "I'm 16", "twenty-four"; None when there is no believable age."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return number if MIN_AGE <= number <= MAX_AGE else None
    text = str(value or "").strip().lower()
    found = re.search(r"\b(\d{1,3})(?:\.0)?\b", text)
    if found:
        return parse_age(int(found.group(1)))
    words = re.findall(r"[a-z]+", text)
    for i, word in enumerate(words):
        if word in NUMBER_WORDS:
            number = NUMBER_WORDS[word]
            if number >= 20 and i + 1 < len(words) and words[i + 1] in UNITS:
                number += UNITS[words[i + 1]]
            return parse_age(number)
    return None


SCHOOLING = re.compile(
    r"doctor(?:ate|al)|ph\.?\s?d|\bmd\b|master|\bmsn\b|\bmsw\b|\bmph\b|bachelor|\bbsn\b|\bb\.?[as]\b|associate|\badn\b|"
    r"\ba\.?[as]\b|degree|certificat|\bcert\b|\bcna\b|\blvn\b|\blpn\b|college|high ?school|\bged\b|\bhi ?set\b|diploma|"
    r"didn'?t finish|did not finish|dropped out|graduated|finished school|middle school|^(?:none|no school|never went)$",
    re.I,
)


def names_schooling(text: Any) -> bool:
    """Whether a reply names schooling ("GED", "some college", "I'm an LVN"); sent as said."""
    return bool(SCHOOLING.search(str(text or "").strip()))


def parse_yes_no(value: Any) -> Optional[bool]:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if re.match(r"^(?:yes|yeah|yep|yup|sure|true|i do|correct|y)\b", text):
        return True
    if re.match(r"^(?:no|nope|nah|false|i don'?t|not|n)\b", text):
        return False
    return None


def as_key(value: Any) -> Optional[str]:
    """An organization key from a name: "Kaiser Permanente" -> kaiser_permanente."""
    text = re.sub(r"^(?:i\s+work\s+(?:at|for)|at|for)\s+", "", str(value or "").strip().lower())
    key = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return key if KEY.match(key) else None


def first(value: Any) -> Any:
    """A text slot filled by two entities at once holds a list; the first is what was meant."""
    return value[0] if isinstance(value, list) and value else value


# How people name the career they ask about when the NLU found no occupation entity: the words
# go to the catalog as said, which answers for them or names them back (never a different one).
CAREER_ASKED = re.compile(
    r"\b(?:become|becoming|be|being|work as|career as|job as|train as|training to be)\s+(?:an?\s+)?"
    r"(?P<be>[a-z][a-z' -]{2,40}?)(?:\s+(?:in|near|at|and|if|when|with)\b|[?.!,]|$)"
    r"|\bwhat\s+(?:does|do)\s+(?:an?\s+)?(?P<does>[a-z][a-z' -]{2,40}?)\s+do\b"
    r"|\bhow\s+much\s+(?:does|do)\s+(?:an?\s+)?(?P<earn>[a-z][a-z' -]{2,40}?)\s+(?:make|earn|get paid)\b",
    re.I,
)


def career_asked(text: Any) -> Optional[str]:
    """"veterinarian" from "how do I become a veterinarian?"; None when no career is named."""
    found = CAREER_ASKED.search(str(text or ""))
    if not found:
        return None
    words = re.sub(r"^(?:an?|the)\s+", "", next(g for g in found.groups() if g).strip(" '-"), flags=re.I)  # "an rn"
    return words if words.lower() not in ("they", "you", "it", "that", "this", "one", "them") else None


# "tell me about X", "how do I apply to X", "am I eligible for X": the name asked about when the
# NLU marked none, sent as said so the catalog answers for it or says it does not have it.
NAME_ASKED = re.compile(
    r"\b(?:about|apply\s+(?:to|for)|eligible\s+for|qualify\s+for|get\s+into|join)\s+(?:the\s+)?"
    r"(?P<name>[A-Za-z0-9][\w&'.-]*(?:\s+[\w&'.-]+){0,7}?)\s*(?:program\s*)?[?.!]*$",
    re.I,
)


def name_asked(text: Any) -> Optional[str]:
    """"Hogwarts Nursing School" from "tell me about Hogwarts Nursing School"; None otherwise."""
    found = NAME_ASKED.search(str(text or "").strip())
    if not found:
        return None
    name = found.group("name").strip()
    return None if name.lower() in ("it", "that", "this", "them", "me", "you", "health careers", "careers") else name
