"""Finding an occupation from the words people use: "MA", "phlebo", "nursing", "sonografer".

Never a swap: a name is matched exactly (titles, aliases, keys), or as a near-spelling of one.
A near-spelling must account for every word on both sides: each word typed must be (a misspelling
of) a word of the name, and each word that tells the name apart ("respiratory", "family") must have
been typed. So "resperatory therapist" finds Respiratory Therapist, while "respiratory therapist"
never becomes Marriage and Family Therapist and "veterinarian" finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import changes, models

# A near-spelling scoring below this is a guess, and the catalog does not guess.
MATCH_THRESHOLD = 80
# Near-spellings above this (but not sure enough to answer) are offered as "did you mean".
ALTERNATIVE_THRESHOLD = 60
WORD = re.compile(r"[a-z0-9]+")
# Words that say what kind of worker, not which career: typing them is not enough to pick one, and
# a name may leave them out ("dental assistant" is still found from "dental asistant").
GENERIC = {
    "tech", "techs", "technician", "technicians", "technologist", "technologists", "assistant",
    "assistants", "aide", "aides", "worker", "workers", "specialist", "specialists", "therapist",
    "therapists", "nurse", "nurses", "doctor", "doctors", "physician", "physicians", "counselor",
    "counselors", "manager", "managers", "medical", "clinical", "health", "healthcare", "care",
    "services", "service",
}
# Words that carry nothing in a job name.
FILLER = {"a", "an", "the", "of", "and", "for", "in", "to", "or"}
ABBREVIATIONS = {
    "tech": {"technician", "technologist"}, "techs": {"technicians", "technologists"},
    "asst": {"assistant"}, "doc": {"doctor"},
}


def normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def name_forms(name: str) -> list[str]:
    """A title as people type it: "Nursing Assistant (CNA)" -> the bare title, "CNA", and the whole."""
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    inside = [part for group in re.findall(r"\(([^)]*)\)", name) for part in group.split("/")]
    forms = [normal(form) for form in (bare, *inside, name)]
    return [form for form in dict.fromkeys(forms) if form]


def same_word(typed: str, word: str) -> bool:
    if typed == word or word in ABBREVIATIONS.get(typed, ()):
        return True
    # Two or three letters are initials ("MA", "RN"): only exact counts.
    return len(typed) >= 4 and len(word) >= 4 and fuzz.ratio(typed, word) >= 80


def accounts_for(wanted: str, name: str, generic: set[str] = GENERIC) -> bool:
    """Every word typed is a word of the name, and every telling word of the name was typed
    (`generic` words say what kind of thing, not which, so they may be left out)."""
    typed = [w for w in wanted.split() if w not in FILLER]
    words = name.split()
    if not typed:
        return False
    if not all(any(same_word(t, w) for w in words) for t in typed):
        return False
    return all(any(same_word(t, w) for t in typed) for w in words if w not in generic and w not in FILLER)


@dataclass
class Lookup:
    key: str | None
    score: float
    alternatives: list[tuple[str, float]]


# Initials people also say in the plural ("lvns", "rns", "cnas").
PLURAL_INITIALS = {"rn", "lvn", "lpn", "cna", "emt", "np", "cma"}


class OccupationIndex:
    """Every title, alias and key of the catalog's occupations, for exact then near-spelling lookup."""

    def __init__(self, rows: list[tuple[str, str, list[str]]]):
        self.titles: dict[str, str] = {}
        # Name -> the keys it names. A name two occupations share names neither for sure.
        self.names: dict[str, set[str]] = {}
        for key, title, aliases in rows:
            self.titles[key] = title
            for name in (key.replace("_", " "), title, *aliases):
                for form in name_forms(name):
                    self.names.setdefault(form, set()).add(key)
        # Simple plurals ("nurses", "phlebotomists") match too.
        for name, keys in list(self.names.items()):
            if (len(name) > 3 or name in PLURAL_INITIALS) and not name.endswith("s"):
                self.names.setdefault(name + "s", set()).update(keys)
        self._choices = list(self.names)

    @classmethod
    def load(cls, session: Session) -> "OccupationIndex":
        """The index of the occupations the database holds now. Building it takes longer than a
        whole match, so each process keeps it until the records change (catalog/changes.py)."""
        return changes.kept(session, "occupation index", cls.read)

    @classmethod
    def read(cls, session: Session) -> "OccupationIndex":
        return cls([
            (key, title, aliases or [])
            for key, title, aliases in session.execute(
                select(models.Occupation.key, models.Occupation.title, models.Occupation.data["aliases"])
            )
        ])

    def lookup(self, name: str) -> Lookup:
        wanted = normal(name)
        if not wanted:
            return Lookup(None, 0, [])
        exact = self.names.get(wanted)
        if exact:
            if len(exact) == 1:
                return Lookup(next(iter(exact)), 100, [])
            return Lookup(None, 100, [(key, 100.0) for key in sorted(exact)])
        if len(wanted) <= 3:
            return Lookup(None, 0, [])
        scored: dict[str, float] = {}
        candidates = process.extract(wanted, self._choices, scorer=fuzz.ratio,
                                     score_cutoff=ALTERNATIVE_THRESHOLD, limit=40)
        candidates += process.extract(wanted, self._choices, scorer=fuzz.token_sort_ratio,
                                      score_cutoff=ALTERNATIVE_THRESHOLD, limit=40)
        for candidate, score, _ in candidates:
            if not accounts_for(wanted, candidate):
                continue
            for key in self.names[candidate]:
                scored[key] = max(scored.get(key, 0), round(score, 1))
        ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
        if not ranked:
            return Lookup(None, 0, [])
        best_key, best_score = ranked[0]
        tied = len(ranked) > 1 and ranked[1][1] == best_score
        if best_score < MATCH_THRESHOLD or tied:
            return Lookup(None, best_score, ranked[:3])
        return Lookup(best_key, best_score, ranked[1:4])

    def keys_for(self, names: list[str]) -> tuple[list[str], list[str]]:
        """(occupation keys, names that matched nothing)."""
        keys, unknown = [], []
        for name in names:
            found = self.lookup(name).key
            if found:
                if found not in keys:
                    keys.append(found)
            else:
                unknown.append(name)
        return keys, unknown
