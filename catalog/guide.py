"""Answers first: the guide's replies to a career question, a named program or organisation, and
"what is there for me", as short plain sentences ready to send, plus the one fact that would
change the answer (`ask`) and the place as understood.

Everything here is built from the catalog's own lookups (occupations, named, geo), verdicts
(eligibility, matching) and pay (wages); this module only chooses and words them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from catalog import documents, eligibility, geo, matching, models, search, wages
from catalog.named import NameIndex
from catalog.occupations import OccupationIndex
from catalog.profile import Facts
from catalog.records import plain_rules
from catalog.said import GuideFacts, groups_of, understand

CAREERONESTOP = "https://www.careeronestop.org/"
# American Job Centers' toll-free help line, as CareerOneStop publishes it.
AJC_LINE = (f"American Job Centers help anyone in the US find free or low-cost training and jobs: "
            f"{CAREERONESTOP} or call 1-877-348-0502.")
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


LINE_CHARS = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def short(text: str, limit: int = LINE_CHARS) -> str:
    """Whole sentences up to `limit` characters (an SMS-sized line); a first sentence longer
    than that is cut at a word, marked with an ellipsis."""
    kept = ""
    for sentence in SENTENCE_END.split(text.strip()):
        joined = f"{kept} {sentence}".strip()
        if len(joined) > limit:
            break
        kept = joined
    if kept:
        return kept
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


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

    @classmethod
    def of(cls, session: Session, said: GuideFacts, today: dt.date) -> "Context":
        occupations = OccupationIndex.load(session)
        names = NameIndex.load(session)
        heard = understand(said, occupations, names)
        return cls(session, today, heard.facts, heard.place, occupations, names)

    def decided(self) -> dict:
        """What the catalog decided about the person (the one place that decides who is a minor),
        so the assistant can act on it, e.g. not ask a minor for contact details."""
        return {"is_minor": self.facts.is_minor, "student": self.facts.student}

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


def _sourced(record: dict) -> str:
    """"(source <url>, as of <date>)" for a fact taken from a catalog record."""
    return f"(source {record.get('source_url')}, as of {record.get('as_of') or record.get('recorded')})"


def _link(record: dict) -> str | None:
    return record.get("apply_url") or record.get("source_url") or record.get("website")


# ---------------------------------------------------------------- careers


def _programs_for(ctx: Context, key: str) -> list[matching.Scored]:
    """Catalog programs that lead to a career, for these facts (the teen/adult rule applied),
    best first; those the person is ruled out of are left out."""
    facts = Facts(profile=ctx.facts.profile, place=ctx.facts.place, interests=[key])
    names = documents.Names(ctx.session)
    rows = list(ctx.session.scalars(
        search.programs_query(ctx.session, occupations=[key], state=facts.state, today=ctx.today,
                              exclude_kinds=matching.NOT_FOR_INDIVIDUALS).limit(matching.CANDIDATE_LIMIT)
    ))
    names.load_for(row.data for row in rows)
    scored = [matching.score_program(row, facts, names) for row in rows]
    fitting = [item for item in scored if matching.offered(item, by_audience=True) and item.verdict.verdict != eligibility.NOT_ELIGIBLE]
    return [item.render(names, ctx.today) for item in matching.rank(fitting)]


def _careers_like(index: OccupationIndex, alternatives: list[tuple[str, float]]) -> list[str]:
    keys = [key for key, _ in alternatives][:3] or [key for key in POPULAR if key in index.titles]
    return [index.titles[key] for key in keys]


def career(session: Session, said_occupation: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    block = ctx.place_block()
    found = ctx.occupations.lookup(said_occupation)
    if not found.key:
        like = eligibility.join_words(_careers_like(ctx.occupations, found.alternatives)).replace(" or ", " and ")
        return {"facts": ctx.decided(), "found": False, "occupation": None, "place": block, "ask": None, "programs": [],
                "lines": [f"I don't have {said_occupation} in my guide; I cover health careers such as {like}."]}
    row = session.scalar(select(models.Occupation).where(models.Occupation.key == found.key))
    data = row.data
    lines = [short(f"{row.title}: {data['description']}") if data.get("description") else row.title]
    steps = data.get("education")
    if steps or data.get("time_to_enter"):
        lines.append(" ".join(part for part in (
            f"How to get there: {steps}." if steps else None,
            f"It usually takes {data['time_to_enter']}." if data.get("time_to_enter") else None,
        ) if part))
    pay = wages.pay(session, row, ctx.wage_place())
    lines.append(pay["sentence"] if pay else f"BLS does not publish pay for this career; see {wages.SOURCE_URL}")
    if pay and pay["note"] and ctx.place_known:
        lines.append(pay["note"])
        lines += _pay_examples(session, row, ctx)
    if data.get("outlook"):
        lines.append(short(f"Outlook: {data['outlook']}"))
    programs = _programs_for(ctx, row.key)[:PROGRAMS_SHOWN]
    shown = [{"key": item.key, "name": item.title, "url": _link(item.record)} for item in programs]
    if shown:
        lines.append("Programs in my guide that lead there:")
        lines += [f"{p['name']}: {p['url']}" if p["url"] else p["name"] for p in shown]
    place_lines = ctx.place_lines(block)
    lines += place_lines
    if not shown and not place_lines:
        where = f" for {ctx.where()}" if ctx.place_known else ""
        lines += [f"I don't have a program for this career{where} in my guide yet.", AJC_LINE]
    return {"facts": ctx.decided(), "found": True, "occupation": {"key": row.key, "title": row.title}, "lines": lines,
            "ask": ask(_career_ask(ctx, row.key)), "place": block, "programs": shown}


def _pay_examples(session: Session, row: models.Occupation, ctx: Context) -> list[str]:
    """Local pay for narrower careers when BLS publishes none for the career itself there."""
    found = wages.examples(session, row, ctx.wage_place())
    if not found:
        return []
    _, figures = found
    first = figures[0]
    where = (f"the {wages.short_area_name(first['area']['name'])} area" if first["level"] == "metro"
             else first["area"]["name"])
    each = [f"{'at least ' if f['top_coded'] else ''}{wages.money(f['median'], f['period'])} "
            f"{'an hour' if f['period'] == 'hour' else 'a year'} for {wages.plural(f['occupation']['title'], start=False)}"
            for f in figures]
    return [f"In {where}, the median pay is {eligibility.join_words(each).replace(' or ', ' and ')} "
            f"({wages.SOURCE_SHORT}, {first['release']})."]


def _career_ask(ctx: Context, key: str) -> str | None:
    """Where the person lives changes the pay and the programs; then, for someone whose age we do
    not know, whether programs only for adults or only for students are theirs."""
    if not ctx.place_known:
        return "place"
    if ctx.facts.is_minor is None:
        rows = ctx.session.scalars(search.programs_query(ctx.session, occupations=[key], state=ctx.facts.state, today=ctx.today))
        if any(matching.age_group(row.data) for row in rows):
            return "age"
    return None


# ---------------------------------------------------------------- one named thing


def about(session: Session, said_name: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    block = ctx.place_block()
    named = ctx.names.find(said_name)
    entry = named.entry
    if entry is None:
        lines = [f"I don't have {said_name} in my guide."]
        if named.alternatives:
            lines.append("Did you mean " + eligibility.join_words([e.name for e in named.alternatives]) + "?")
        return {"facts": ctx.decided(), "found": False, "kind": None, "key": None, "name": None, "lines": lines, "ask": None,
                "place": block, "verdict": None}
    lines: list[str] = []
    if named.unmatched:
        lines.append(f"I don't have a {named.unmatched} program at {entry.name} in my guide.")
    if entry.kind == "organization":
        organization = session.scalar(select(models.Organization).where(models.Organization.key == entry.key))
        programs, funds = search.organization_offers(session, entry.key)
        open_to_people = [p for p in programs if p.data.get("kind") not in matching.NOT_FOR_INDIVIDUALS] + funds
        if len(open_to_people) == 1 and not named.unmatched:
            # An organisation known here for one program ("Year Up"): that program is the answer.
            only = open_to_people[0]
            intro = [short(f"{organization.name}: {organization.data['description']}")] if organization.data.get("description") else []
            kind = "program" if isinstance(only, models.Program) else "funding"
            return _about_offer(ctx, block, kind, only, intro)
        return _about_organization(ctx, block, organization, programs, funds, lines)
    model = models.Program if entry.kind == "program" else models.Funding
    row = session.scalar(select(model).where(model.key == entry.key))
    return _about_offer(ctx, block, entry.kind, row, lines)


def _about_organization(ctx: Context, block, organization: models.Organization, programs, funds, lines: list[str]) -> dict:
    data = organization.data
    lines.append(short(f"{organization.name}: {data['description']}") if data.get("description") else organization.name)
    offered = [p for p in programs if p.data.get("kind") not in matching.NOT_FOR_INDIVIDUALS and matching.fits_age(p.data, ctx.facts)]
    if offered:
        lines.append(f"Its programs in my guide: {_names(offered, organization.key)}.")
    usable_funds = [f for f in funds if matching.fits_age(f.data, ctx.facts)]
    if usable_funds:
        lines.append(f"Its scholarships and tuition help: {_names(usable_funds, organization.key)}.")
    if not offered and not usable_funds and (programs or funds):
        lines.append("What it offers in my guide is not open to you" + (" at your age." if ctx.facts.is_minor else "."))
    lines += ctx.place_lines(block)
    link = data.get("website") or data.get("source_url")
    if link:
        lines.append(f"More: {link}")
    ask_fact = "age" if ctx.facts.is_minor is None and any(matching.age_group(r.data) for r in [*programs, *funds]) else None
    return {"facts": ctx.decided(), "found": True, "kind": "organization", "key": organization.key, "name": organization.name,
            "lines": lines, "ask": ask(ask_fact), "place": block, "verdict": None}


def _names(rows, organization_key: str, room: int = 220) -> str:
    """Names without their organisation's in front ("Futuro Health: Phlebotomist" -> "Phlebotomist")."""
    names = []
    for row in rows:
        name = row.data["name"]
        own = organization_key in (row.data.get("provider"), row.data.get("sponsor"))
        names.append(name.split(": ", 1)[1] if own and ": " in name else name)
    # As many as fit in one SMS-sized line, then how many more.
    count = 1
    while count < len(names) and len(", ".join(names[:count + 1])) <= room:
        count += 1
    return ", ".join(names[:count]) + (f" and {len(names) - count} more" if len(names) > count else "")


def _about_offer(ctx: Context, block, kind: str, row, lines: list[str]) -> dict:
    names = documents.Names(ctx.session).load_for([row.data])
    record = (documents.program if kind == "program" else documents.funding)(row, names, ctx.today)
    rules = plain_rules(row.data.get("eligibility"))
    verdict = eligibility.evaluate(rules, ctx.facts, names.name_of, names.member_of)
    adult_only_for_minor = ctx.facts.is_minor and matching.age_group(row.data) == "adults"
    lines.append(short(f"{record['name']}: {record['description']}") if record.get("description") else record["name"])
    who = [sentence for sentence in eligibility.describe(rules, names.name_of) if sentence not in verdict.unpublished]
    audiences = [AUDIENCE_WORDS[a] for a in record.get("audiences", []) if a in AUDIENCE_WORDS]
    if who:
        lines.append(short("Who it is for: " + " ".join(who)))
    elif audiences:
        lines.append(f"It is made for {eligibility.join_words(audiences).replace(' or ', ' and ')}.")
    if adult_only_for_minor:
        # A teenager is never told what an adult program costs as if it were open to them.
        lines.append("It is for adults, so it is not open to you yet.")
    else:
        lines += _money_lines(kind, record)
    apply_steps = record.get("how_to_apply")
    link = _link(record)
    if apply_steps and not adult_only_for_minor:
        tail = f" {link}" if link and link not in apply_steps else ""
        lines.append(short(f"How to apply: {apply_steps}", LINE_CHARS - len(tail)) + tail)
    lines.append(_dates_line(kind, record, link))
    lines += _verdict_lines(verdict)
    lines += ctx.place_lines(block)
    missing = verdict.missing_facts[0] if verdict.verdict == eligibility.MAYBE and verdict.missing_facts else None
    return {"facts": ctx.decided(),
        "found": True, "kind": kind, "key": record["key"], "name": record["name"], "lines": lines,
        "ask": ask(missing), "place": block,
        "verdict": {"status": STATUS[verdict.verdict], "reasons": verdict.reasons + verdict.unpublished,
                    "missing_facts": verdict.missing_facts},
    }


PER_WORDS = matching.PER_WORDS


def _money_lines(kind: str, record: dict) -> list[str]:
    """Cost or amount only as the record's sources state them, with where and when."""
    if kind == "program":
        cost = record.get("cost") or {}
        tuition = cost.get("tuition")
        if tuition == 0:
            return [f"It is free to you {_sourced(record)}."]
        if tuition:
            return [f"Tuition is ${tuition:,.0f} {PER_WORDS.get(cost.get('per'), '')} {_sourced(record)}.".replace("  ", " ")]
        return [f"The cost is not published here; check {_link(record)}"]
    amount = record.get("amount") or {}
    if record.get("covers_full_tuition"):
        return [f"It can cover the full tuition {_sourced(record)}."]
    if amount.get("max"):
        return [f"It gives up to ${amount['max']:,.0f} {PER_WORDS.get(amount.get('per'), '')} {_sourced(record)}.".replace("  ", " ")]
    return [f"The amount is not published; check {_link(record)}"]


def _dates_line(kind: str, record: dict, link: str | None) -> str:
    deadline = record.get("next_deadline") if kind == "program" else record.get("deadline")
    if deadline and not record.get("expired"):
        return f"Apply by {deadline} {_sourced(record)}."
    if record.get("rolling"):
        return "Applications are taken any time."
    return f"Dates are not published; check {link}"


def _verdict_lines(verdict: eligibility.Verdict) -> list[str]:
    if verdict.verdict == eligibility.ELIGIBLE:
        return ["From what you told me, you likely qualify."]
    if verdict.verdict == eligibility.NOT_ELIGIBLE:
        return ["From what you told me, you likely don't qualify: " + " ".join(verdict.failures[:2]),
                *verdict.what_would_change[:1]]
    lines = []
    if verdict.missing:
        lines.append(f"To know if you qualify, I need {verdict.missing[0]}.")
    lines += verdict.unpublished[:1]
    return lines



# ---------------------------------------------------------------- what fits now

LIST_KINDS = {
    "programs": (("program",), None),
    "scholarships": (("funding",), ("scholarship", "fellowship", "grant")),
    "tuition": (("funding",), ("tuition_support", "tuition_reimbursement", "stipend", "grant")),
    "jobs": (("role",), None),
    "any": (("program", "funding"), None),
}
KIND_NOUNS = {"programs": "programs", "scholarships": "scholarships", "tuition": "tuition help", "jobs": "job listings", "any": "programs or funds"}
PAGE = 3
FREE_WORDS = ("free", "no cost", "no-cost", "without paying", "don't have to pay", "dont have to pay")


def _is_free(item: dict) -> bool:
    record = item["record"] or {}
    return (record.get("cost") or {}).get("tuition") == 0 or bool(record.get("covers_full_tuition"))


def listing(session: Session, kind: str, said_occupation: str | None, group: str | None, text: str | None,
            said: GuideFacts, offset: int, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    block = ctx.place_block()
    lines: list[str] = []
    interests = []
    if said_occupation:
        found = ctx.occupations.lookup(said_occupation)
        if found.key:
            interests = [found.key]
        else:
            lines.append(f"I don't have {said_occupation} in my guide, so I left it out.")
    facts = ctx.facts
    if group:
        wanted = groups_of([group])
        facts.profile = facts.profile.model_copy(update={"groups": list(dict.fromkeys([*(facts.profile.groups or []), *wanted]))})
    facts = Facts(profile=facts.profile, place=facts.place, interests=interests)
    kinds, funding_kinds = LIST_KINDS[kind]
    found_items = matching.match(session, facts, list(kinds), matching.CANDIDATE_LIMIT, today, by_audience=True)
    items = [item for item in found_items if item["verdict"] != eligibility.NOT_ELIGIBLE]
    if funding_kinds:
        items = [item for item in items if (item["record"] or {}).get("kind") in funding_kinds]
    if group:
        served = matching.person_groups(groups_of([group]))
        items = [item for item in items if served & set(((item["record"] or {}).get("eligibility") or {}).get("groups") or [])]
    free_asked = bool(text) and any(word in text.lower() for word in FREE_WORDS)
    caveat = None
    if free_asked:
        free = [item for item in items if _is_free(item)]
        if not free and items:
            caveat = "None of these is published as free; ask each one about cost."
        else:
            items = free
    # Only what is held where the person lives, or nationwide, when we know where that is.
    if ctx.place_known and facts.state:
        items = [item for item in items if _local(item, facts.state)]
    if block and not block["served"] and facts.profile.employee is not True:
        # Where the catalog has no programs, what is left is open only to some employers' staff;
        # someone who has not said they work there is better served by the local help below.
        items = [item for item in items if not _employees_only(item)]
    page = items[offset:offset + PAGE]
    shown = [_item(item) for item in page]
    noun = KIND_NOUNS[kind]
    if shown:
        one = len(shown) == 1
        named = noun.rstrip('s') if one else noun
        lines.append(f"Here {'is' if one else 'are'} {len(shown)} {named} that {'fits' if one else 'fit'} what you told me:"
                     if offset == 0 else "Here are more:")
        lines += [caveat] if caveat else []
        lines += [f"{item['name']}: {item['line']}" for item in shown]
    elif not (ctx.place_known and not block["served"]):
        # Where the catalog serves nothing, the place lines below say so.
        lines.append(f"I don't have {'more ' if offset else ''}{noun} that fit{' in ' + ctx.where() if ctx.place_known else ''} in my guide.")
    place_lines = ctx.place_lines(block)
    lines += place_lines
    if not shown and AJC_LINE not in lines:
        lines.append(AJC_LINE)
    return {"facts": ctx.decided(), "items": shown, "lines": lines, "ask": ask(_list_ask(ctx, items)), "place": block,
            "more": len(items) > offset + PAGE}


def _employees_only(item: dict) -> bool:
    rules = (item["record"] or {}).get("eligibility") or {}
    return bool(rules.get("employer") or rules.get("employees_only"))


def _local(item: dict, state: str) -> bool:
    record = item["record"] or {}
    if item["type"] == "role":
        return True
    states = (record.get("location") or {}).get("states") or (record.get("eligibility") or {}).get("states") or []
    return not states or state in states


def _item(item: dict) -> dict:
    record = item["record"] or {}
    kind = "job" if item["type"] == "role" else (record.get("kind") or item["type"])
    line = item["why"][0] if item["why"] else short(record.get("description") or "", LINE_CHARS // 2)
    if "$" in line or "free" in line.lower():
        # An amount or a price is said with where it comes from and when.
        line = f"{line.rstrip('.')} {_sourced(record)}."
    if item["verdict"] == eligibility.MAYBE and item["missing"]:
        line += f" I'd need {item['missing'][0]} to be sure."
    return {"key": item["key"], "name": item["title"], "kind": kind, "line": line,
            "url": record.get("apply_url") or record.get("source_url") or record.get("url")}


def _age_group(item: dict) -> str | None:
    record = item["record"] or {}
    return None if item["type"] == "role" else matching.age_group_of(record.get("eligibility") or {}, record.get("audiences") or [])


def _list_ask(ctx: Context, items: list[dict]) -> str | None:
    """The fact that narrows the list most: where the person lives, then whether they are a
    minor (which decides the adult-only and student-only programs), then the fact most of the
    undecided results are waiting for."""
    if not ctx.place_known:
        return "place"
    if ctx.facts.is_minor is None and any(_age_group(item) for item in items):
        return "age"
    counts: dict[str, int] = {}
    for item in items:
        if item["verdict"] == eligibility.MAYBE:
            for fact in item["missing_facts"][:1]:
                counts[fact] = counts.get(fact, 0) + 1
    known = {fact for fact in counts if fact in QUESTIONS}
    return max(known, key=lambda fact: counts[fact]) if known else None

