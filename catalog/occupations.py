"""Finding an occupation from the words people use: "MA", "phlebo", "nursing", "sonografer"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import models

# Below this score a fuzzy match is a guess, and the catalog does not guess.
MATCH_THRESHOLD = 80
WORD = re.compile(r"[a-z0-9]+")


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


@dataclass
class Lookup:
    key: str | None
    score: float
    alternatives: list[tuple[str, float]]


class OccupationIndex:
    """Every title, alias and key of the catalog's occupations, for exact then fuzzy lookup."""

    def __init__(self, rows: list[tuple[str, str, list[str]]]):
        self.titles: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for key, title, aliases in rows:
            self.titles[key] = title
            for name in (key.replace("_", " "), title, *aliases):
                self.names.setdefault(_normal(name), key)
        # Simple plurals ("nurses", "phlebotomists") match too.
        for name, key in list(self.names.items()):
            self.names.setdefault(name + "s", key)

    @classmethod
    def load(cls, session: Session) -> "OccupationIndex":
        rows = session.execute(
            select(models.Occupation.key, models.Occupation.title, models.Occupation.data)
        ).all()
        return cls([(key, title, data.get("aliases", [])) for key, title, data in rows])

    def lookup(self, name: str) -> Lookup:
        wanted = _normal(name)
        if not wanted:
            return Lookup(None, 0, [])
        exact = self.names.get(wanted)
        if exact:
            return Lookup(exact, 100, [])
        if len(wanted) <= 3:
            # Two or three letters are initials ("MA", "RN"): only an exact alias counts.
            return Lookup(None, 0, [])
        scored: dict[str, float] = {}
        for candidate, score, _ in process.extract(wanted, list(self.names), scorer=fuzz.WRatio, limit=15):
            key = self.names[candidate]
            # WRatio rewards short partial matches; a whole-string ratio keeps "nurse" off "nursing assistant".
            whole = fuzz.ratio(wanted, candidate)
            combined = max(whole, score * 0.9 if len(candidate) >= 4 else whole)
            if combined > scored.get(key, 0):
                scored[key] = combined
        ranked = sorted(scored.items(), key=lambda item: -item[1])
        if not ranked:
            return Lookup(None, 0, [])
        best_key, best_score = ranked[0]
        alternatives = [(k, round(s, 1)) for k, s in ranked[1:4] if s >= 60]
        if best_score < MATCH_THRESHOLD:
            return Lookup(None, round(best_score, 1), [(best_key, round(best_score, 1)), *alternatives][:3])
        return Lookup(best_key, round(best_score, 1), alternatives)

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
