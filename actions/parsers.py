"""Reading people's answers: places, ages, grades, schooling, yes or no, organization names.

Pure functions with no Rasa state, so every action and form reads a fact the same way.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from actions.records import KEY

EDUCATION_LEVELS = ("none", "some_high_school", "high_school", "some_college", "certificate",
                    "associate", "bachelor", "master", "doctorate")
MIN_AGE, MAX_AGE = 10, 110  # what the catalog's Profile accepts

ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
LEAD_IN = re.compile(
    r"^(?:i\s*(?:'m|am)\s+(?:in|from|near|at)|i\s+live\s+(?:in|near|at)|we\s+live\s+in|"
    r"i\s+stay\s+in|my\s+(?:city|zip(?:\s+code)?)\s+is|it'?s|in|near|from|around|close\s+to)\s+",
    re.I,
)


def parse_location(text: Any) -> Optional[dict]:
    """{"zip", "city", "state"} from an answer, or None when it names no place we could look up."""
    text = str(text or "").strip()
    found = ZIP.search(text)
    if found:
        return {"zip": found.group(1), "city": None, "state": None}
    cleaned = LEAD_IN.sub("", text).strip(" .!?")
    if not cleaned or len(cleaned) > 60 or re.search(r"[\d@/]", cleaned):
        return None
    if "," in cleaned:
        city, state = (part.strip() for part in cleaned.split(",", 1))
    else:
        words = cleaned.split()
        # "Fresno CA": a trailing two-letter word is a state code.
        if len(words) > 1 and len(words[-1]) == 2 and words[-1].isalpha():
            city, state = " ".join(words[:-1]), words[-1]
        else:
            city, state = cleaned, ""
    city = city.title() if city.islower() else city
    state = state.upper() if len(state) == 2 else (state.title() if state.islower() else state)
    if not city and not state:
        return None
    return {"zip": None, "city": city or None, "state": state or None}


def location_text(place: dict) -> str:
    """How a confirmed place is kept in the `location` slot."""
    return place.get("zip") or ", ".join(p for p in (place.get("city"), place.get("state")) if p)


GRADE_WORDS = {"freshman": 9, "sophomore": 10, "junior": 11, "senior": 12}
GRADE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*grade|\bgrade\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)?\s*grader\b", re.I)
NUMBER_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def parse_grade(value: Any, bare: bool = True) -> Optional[int]:
    """A school grade from "10th grade", "grade 11", "sophomore"; a bare number ("10", as the grade
    entity and slot hold it) counts only when `bare`, because "10" answering "how old are you?" is an age."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return number if bare and 1 <= number <= 12 else None
    text = str(value or "").strip().lower()
    if re.fullmatch(r"\d{1,2}(?:\.0)?", text):
        return parse_grade(float(text), bare)
    found = GRADE.search(text)
    if found:
        return parse_grade(int(next(g for g in found.groups() if g)))
    for word, grade in GRADE_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return grade
    return None


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


# Checked in order: the first phrase found wins, so "still in high school" is not read as a diploma.
EDUCATION_PHRASES = [
    ("doctorate", r"doctor(?:ate|al)|ph\.?\s?d|\bmd\b|\bdnp\b|psy\.?\s?d"),
    ("master", r"master|\bmsn\b|\bmsw\b|\bmph\b|\bmba\b|graduate degree"),
    ("bachelor", r"bachelor|\bbsn\b|\bb\.?a\b|\bb\.?s\b|4[- ]year degree|four[- ]year degree|college degree"),
    ("associate", r"associate|\badn\b|\ba\.?a\b|\ba\.?s\b|2[- ]year degree|two[- ]year degree|community college degree"),
    ("certificate", r"certificat|\bcert\b|\bcna\b|\blvn\b|\blpn\b"),
    ("some_college", r"some college|in college|college student|started college|some classes|community college"),
    ("some_high_school", r"still in (?:high )?school|in high school|high school student|some high school|"
                         r"didn'?t finish|did not finish|dropped out|no diploma|middle school|\b(?:9|10|11|12)th grade|"
                         r"freshman|sophomore|junior|senior"),
    ("high_school", r"diploma|\bged\b|\bhi ?set\b|high school|graduated|finished school"),
    ("none", r"^(?:none|no|nothing|no school|never went)$"),
]


def parse_education(value: Any) -> Optional[str]:
    text = str(value or "").strip().lower()
    if text in EDUCATION_LEVELS:
        return text
    for level, pattern in EDUCATION_PHRASES:
        if re.search(pattern, text):
            return level
    return None


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
