"""The longest thing the catalog knows that a message names: "unit secretary", "medical billing
and coding", "Kaiser Mental Health Scholars Academy", "an LVN". A word inside a longer known name
("secretary" in "unit secretary") never stands for it alone, so the caller asks the catalog about
what the person meant, not a different record that shares a word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.named import KIND_WORDS, NameIndex
from catalog.occupations import OccupationIndex, normal

# Forms that are everyday words as well as names: never taken as a mention inside a sentence.
EVERYDAY = {"it", "aid", "aide", "tech", "care", "health", "help", "office", "doctor", "school", "free", "online",
            "assistant", "work", "job", "jobs", "training", "program", "class", "nurse aid", "ma", "pa", "ot", "pt", "or", "er"}
# Initials people type in lower case too ("im an lvn").
LOWER_INITIALS = {"rn", "rns", "lvn", "lvns", "lpn", "lpns", "cna", "cnas", "emt", "emts", "cma", "np", "nps", "bsn", "adn", "rt", "cnm", "crna"}
# Two-letter forms people type as initials: only in capitals, or as the whole message's subject.
INITIALS = re.compile(r"\b[A-Z]{2,4}s?\b")


@dataclass
class Mention:
    type: str  # career, program, funding, organization
    key: str
    name: str
    said: str
    # Said by the record's own name (or its organisation's and which offer), not an alias.
    own: bool = True


def _forms(occupations: OccupationIndex, names: NameIndex):
    for form, keys in occupations.names.items():
        if len(keys) == 1:
            key = next(iter(keys))
            yield form, Mention("career", key, occupations.titles[key], form)
    for form, hits in names.forms.items():
        entry, own = min(hits, key=lambda hit: (not hit[1], ("organization", "program", "funding").index(hit[0].kind)))
        yield form, Mention(entry.kind, entry.key, entry.name, form, own)


def _offers_named(padded: str, found: list[tuple[int, int, Mention]], occupations: OccupationIndex,
                  names: NameIndex) -> list[tuple[int, int, Mention]]:
    """An organisation's name followed by words of one of its offers' own names ("KPSAHS Master
    of Science in Counseling"): that offer, over the whole span. An employer and a career ("a
    Kaiser nurse") is a job there, not an offer; a school and a career ("KPSAHS radiologic
    technology") is its program."""
    offers = []
    for start, end, mention in found:
        if mention.type != "organization":
            continue
        employs = "employer" in names.by_key[("organization", mention.key)].roles
        following = padded[end + 1:].split()  # `end` is the last letter of the name (spans start at the space before it)
        which = names.offer_after(mention.said, following)
        if which:
            count, entry = which
            if employs and " ".join(w for w in following[:count] if w not in KIND_WORDS) in occupations.names:
                continue
            said = " ".join([mention.said, *following[:count]])
            offers.append((start, start + len(said), Mention(entry.kind, entry.key, entry.name, said)))
    return offers


def mentions_in(text: str, occupations: OccupationIndex, names: NameIndex) -> list[Mention]:
    """Every known name inside the words, longest first, none inside a longer one found."""
    padded = f" {normal(text)} "
    capitals = {normal(word) for word in INITIALS.findall(text)}
    found: list[tuple[int, int, Mention]] = []
    for form, mention in _forms(occupations, names):
        if form in KIND_WORDS or (form in EVERYDAY and form not in capitals):
            continue
        if len(form) <= 3 and form not in capitals and form not in LOWER_INITIALS:
            continue  # "do", "ma", "pa" are words; "DO", "MA" are names
        start = padded.find(f" {form} ")
        if start >= 0:
            found.append((start, start + len(form), mention))
    found += _offers_named(padded, found, occupations, names)
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
    kept: list[tuple[int, int, Mention]] = []
    for start, end, mention in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, mention))
    return [mention for _, _, mention in sorted(kept, key=lambda item: item[0])]


def longest_in(text: str, occupations: OccupationIndex, names: NameIndex) -> Mention | None:
    found = mentions_in(text, occupations, names)
    return max(found, key=lambda m: len(m.said)) if found else None
