"""What every guide answer shares: the person's facts as the catalog understood them, the place,
the help that exists everywhere, and the one question worth asking next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from catalog import eligibility, geo, matching, models, search, wages
from catalog.named import NameIndex
from catalog.occupations import OccupationIndex
from catalog.profile import Facts
from catalog.said import GuideFacts, understand

CAREERONESTOP = "https://www.careeronestop.org/"
# American Job Centers' toll-free help line, as CareerOneStop publishes it.
AJC_LINE = (f"American Job Centers help anyone in the US find free or low-cost training and jobs: "
            f"{CAREERONESTOP} or call 1-877-348-0502.")
JOB_SEARCH = f"These are examples. For real openings, search CareerOneStop's job finder: {CAREERONESTOP}"
# Offered when a career is not in the guide and no name is close: careers most people ask about.
POPULAR = ("medical_assistant", "registered_nurse", "nursing_assistant")
PROGRAMS_SHOWN = 3
QUESTIONS = {
    "age": "How old are you?",
    "place": "Where do you live? A ZIP code or city is enough.",
    "grade": "What grade are you in?",
    "student": "Are you in school now?",
    "education": "What's the most school you've finished?",
    "employer": "Where do you work?",
    "union": "Is your job covered by a union contract?",
    "current_occupation": "What job do you do now?",
    "groups": "Do you belong to any of the groups it serves?",
}
STATUS = {eligibility.ELIGIBLE: "likely", eligibility.MAYBE: "unknown", eligibility.NOT_ELIGIBLE: "unlikely"}
AUDIENCE_WORDS = {
    "students": "students", "job_seekers": "people looking for work", "adults": "adults",
    "employees": "people who already work in health care", "professionals": "working professionals",
    "organizations": "organizations, not individuals",
}


def ask(fact: str | None) -> dict | None:
    return {"fact": fact, "question": QUESTIONS[fact]} if fact else None


@dataclass
class Context:
    session: Session
    today: dt.date
    facts: Facts
    place: geo.Understood | None
    occupations: OccupationIndex
    names: NameIndex
    said: GuideFacts = field(default_factory=GuideFacts)
    not_taken: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, session: Session, said: GuideFacts, today: dt.date) -> "Context":
        occupations = OccupationIndex.load(session)
        names = NameIndex.load(session)
        heard = understand(said, occupations, names)
        return cls(session, today, heard.facts, heard.place, occupations, names, said, heard.not_taken)

    def decided(self) -> dict:
        """What the catalog decided about the person (the one place that decides who is a minor),
        so the assistant can act on it, e.g. not ask a minor for contact details; and the facts
        said that were not that fact (`not_taken`), to forget and ask again."""
        return {"is_minor": self.facts.is_minor, "student": self.facts.student, "not_taken": self.not_taken}

    def ask(self, fact: str | None) -> dict | None:
        """The question for a missing fact. Someone who said they are in school but not which
        school is asked their grade ("college" or "10th" answers it), not whether they are."""
        if fact == "student" and self.said.student and self.facts.student is None:
            fact = "grade"
        return ask(fact)

    @property
    def place_known(self) -> bool:
        return self.place is not None and self.place.problem is None

    def served(self) -> bool:
        """Whether any program open to individuals is held in the person's state."""
        state = self.facts.state
        if not state:
            return False
        return bool(self.session.scalar(select(exists().where(
            search.contains(models.Program.states, state), models.Program.kind.not_in(matching.NOT_FOR_INDIVIDUALS),
        ))))

    def place_block(self) -> dict | None:
        if self.place is None:
            return None
        return {"text": self.place.text, "name": self.place.name, "state": self.place.state,
                "served": self.place_known and self.served(), "problem": self.place.problem}

    def place_lines(self, block: dict | None) -> list[str]:
        """The place problem, or a plain "not here" with the help that exists everywhere."""
        if block is None:
            return []
        if block["problem"]:
            return [block["problem"]]
        if not block["served"]:
            return [f"I don't have programs in {self.where()} in my guide yet.", AJC_LINE]
        return []

    def where(self) -> str:
        return self.place.name if self.place_known else "your area"

    def wage_place(self) -> wages.Where:
        if not self.place_known:
            return wages.Where()
        return wages.locate(self.session, self.place.zip, self.place.city, self.place.state)
