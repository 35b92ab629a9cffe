"""Finding the program, fund or organisation a person names: "Futuro Health", "NSA", "HCCP",
"the KP School of Allied Health radiology program", "Nurse Scholars Acadamy".

Never a swap, as with occupations: a name is matched exactly (names, the short forms inside their
parentheses, aliases, keys), as "an organisation + which of its programs" ("KP School of Allied
Health radiology"), or as a near-spelling that accounts for every word on both sides. When a name
fits several records, a record's own name beats another's alias, and an organisation beats the
programs that carry its name ("Futuro Health" is the organisation, not one of its programs). A
name that fits nothing is not found, and the caller names it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import changes, models
from catalog.occupations import ALTERNATIVE_THRESHOLD, MATCH_THRESHOLD, accounts_for, name_forms, normal, same_word

KINDS = ("organization", "program", "funding")
# Words that say what kind of thing is meant, not which one; a said name may add or leave them out.
KIND_WORDS = {"the", "program", "programs", "course", "courses", "class", "classes", "training", "at", "s", "of", "a", "an", "in", "for"}
# Near-spellings may leave these out of a record's name.
GENERIC = {"program", "programs", "sciences"}
# At most this many words after an organisation's name say which of its offers is meant.
WHICH_WORDS = 8


@dataclass
class Entry:
    kind: str
    key: str
    name: str
    # The organisation that runs or sponsors it (programs and funds).
    owner: str | None = None
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    # Words that tell it apart among its organisation's offers: its name, key and careers.
    words: set[str] = field(default_factory=set)
    # An organisation's roles as its record gives them (provider, sponsor, employer, union, federation).
    roles: set[str] = field(default_factory=set)


@dataclass
class Named:
    entry: Entry | None
    # Said words after an organisation's name that match none of its programs ("KP nursing").
    unmatched: str | None = None
    alternatives: list[Entry] = field(default_factory=list)


def _plain(text: str) -> str:
    words = normal(text).split()
    while words and words[0] in KIND_WORDS:
        words = words[1:]
    while words and words[-1] in KIND_WORDS:
        words = words[:-1]
    return " ".join(words)


def _preferred(hits: list[tuple[Entry, bool]]) -> Entry:
    """A record's own name over an alias; then organisation, program, fund."""
    return min(hits, key=lambda hit: (not hit[1], KINDS.index(hit[0].kind), hit[0].name))[0]


class NameIndex:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_key = {(e.kind, e.key): e for e in entries}
        # Said form -> (entry, whether it is the entry's own name rather than an alias).
        self.forms: dict[str, list[tuple[Entry, bool]]] = {}
        for entry in entries:
            for form in entry.names:
                self.forms.setdefault(form, []).append((entry, True))
            for form in entry.aliases - entry.names:
                self.forms.setdefault(form, []).append((entry, False))
        self._choices = list(self.forms)

    @classmethod
    def load(cls, session: Session) -> "NameIndex":
        """The names the database holds now, kept per process until the records change."""
        return changes.kept(session, "name index", cls.read)

    @classmethod
    def read(cls, session: Session) -> "NameIndex":
        titles = dict(session.execute(select(models.Occupation.key, models.Occupation.title)).all())
        entries = []
        for kind, model, owner in (
            ("organization", models.Organization, None),
            ("program", models.Program, "provider"),
            ("funding", models.Funding, "sponsor"),
        ):
            for row in session.scalars(select(model)):
                data = row.data
                names = {form for form in name_forms(data["name"]) if form}
                names.add(normal(data["key"].replace("_", " ")))
                aliases = {normal(alias) for alias in data.get("aliases", [])} - {""}
                words = set(" ".join([*names, *(normal(titles.get(k, k)) for k in data.get("occupations", []))]).split())
                entry = Entry(kind, data["key"], data["name"], data.get(owner) if owner else None, names, aliases, words,
                              set(data.get("roles") or []))
                entries.append(entry)
        return cls(entries)

    def offers(self, organization: str) -> list[Entry]:
        """The programs and funds an organisation runs or sponsors."""
        return [e for e in self.entries if e.kind != "organization" and e.owner == organization]

    def find(self, said: str, kinds: tuple[str, ...] = KINDS) -> Named:
        wanted = _plain(said)
        if not wanted:
            return Named(None)
        # As said first ("Mental Health Training Program" is a name), then without "the ... program".
        hits = [hit for form in (normal(said), wanted) for hit in self.forms.get(form, []) if hit[0].kind in kinds]
        if hits:
            return Named(_preferred(hits))
        within = self._within_organization(wanted) if ("program" in kinds or "funding" in kinds) else None
        if within and within.unmatched is None:
            return within
        near = self._near(wanted, kinds)
        # "Futuro Helth" is a near-spelling; "KP School of Allied Health nursing" is the school,
        # with the words that name none of its programs said back.
        return near if near.entry or within is None else within

    def organization_in(self, said: str) -> tuple[str, Entry] | None:
        """(the name as said, the organisation) whose name or alias is inside the words ("a
        Kaiser hospital in Fresno"), the longest name first."""
        padded = f" {normal(said)} "
        found = [
            (form, entry) for form, hits in self.forms.items() for entry, _ in hits
            if entry.kind == "organization" and f" {form} " in padded
        ]
        return max(found, key=lambda pair: len(pair[0])) if found else None

    def offer_after(self, form: str, following: list[str]) -> tuple[int, Entry] | None:
        """(how many words, the offer) for the most of `following` words that, after an
        organisation's name as said (`form`), name one of its offers by its own name: "KPSAHS" +
        "Master of Science in Counseling is it free" is the counseling program, by five words."""
        for count in range(min(len(following), WHICH_WORDS), 0, -1):
            if following[count - 1] in KIND_WORDS:
                continue  # "... Counseling for": the name ends before the kind word
            named = self._within_organization(" ".join([form, *following[:count]]), by_name=True)
            if named is not None and named.entry is not None and named.entry.kind != "organization" and named.unmatched is None:
                return count, named.entry
        return None

    def _within_organization(self, wanted: str, by_name: bool = False) -> Named | None:
        """"KP School of Allied Health radiology": an organisation's name, then which of its offers
        (`by_name`: by words of the offer's own names only, not of the careers it leads to, as
        inside a sentence "Kaiser workers" is not a program for some kind of worker)."""
        padded = f" {wanted} "
        found = self.organization_in(wanted)
        if not found:
            return None
        form, organization = found
        rest = [w for w in padded.replace(f" {form} ", " ", 1).split() if w not in KIND_WORDS]
        if not rest:
            return Named(organization)
        org_words = set(" ".join([*organization.names, *organization.aliases]).split())
        scored = []
        for entry in self.offers(organization.key):
            telling = (set(" ".join(entry.names).split()) if by_name else entry.words) - org_words
            if all(any(same_word(typed, word) for word in telling) for typed in rest):
                scored.append((len(rest) / max(1, len(telling)), entry))
        if not scored:
            return Named(organization, unmatched=" ".join(rest))
        best = max(score for score, _ in scored)
        return Named(_preferred([(entry, True) for score, entry in scored if score == best]))

    def _near(self, wanted: str, kinds: tuple[str, ...]) -> Named:
        if len(wanted) <= 3:
            return Named(None)
        candidates = process.extract(wanted, self._choices, scorer=fuzz.ratio, score_cutoff=ALTERNATIVE_THRESHOLD, limit=20)
        candidates += process.extract(wanted, self._choices, scorer=fuzz.token_sort_ratio, score_cutoff=ALTERNATIVE_THRESHOLD, limit=20)
        sure, maybe = [], []
        for form, score, _ in sorted(candidates, key=lambda c: -c[1]):
            for entry, own in self.forms[form]:
                if entry.kind not in kinds:
                    continue
                if score >= MATCH_THRESHOLD and accounts_for(wanted, form, GENERIC):
                    sure.append((entry, own))
                elif entry not in maybe:
                    maybe.append(entry)
        if sure:
            return Named(_preferred(sure))
        return Named(None, alternatives=maybe[:3])
