"""POST /guide/list: what fits the person now (programs, scholarships, tuition help or job
listings), a page at a time, then the fact that would narrow it most. A request whose words name
one program or fund by its own name is answered about that one."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from catalog import eligibility, matching
from catalog.guide.about import about
from catalog.guide.context import AJC_LINE, JOB_SEARCH, QUESTIONS, Context
from catalog.guide.wording import LINE_CHARS, short, sourced
from catalog.profile import Facts
from catalog.mentions import longest_in
from catalog.said import GuideFacts, groups_of


LIST_KINDS = {
    "programs": (("program",), None),
    "scholarships": (("funding",), ("scholarship", "fellowship", "grant")),
    "tuition": (("funding",), ("tuition_support", "tuition_reimbursement", "stipend", "grant")),
    "jobs": (("role",), None),
    "any": (("program", "funding"), None),
}
# What one and several of each kind are called ("Here is 1 way ...", "Here are 3 ways ...").
KIND_NOUNS = {
    "programs": ("program", "programs"), "scholarships": ("scholarship", "scholarships"),
    "tuition": ("way to get help with tuition", "ways to get help with tuition"),
    "jobs": ("job listing", "job listings"), "any": ("program or fund", "programs or funds"),
}
PAGE = 3
# Said instead of what is missing when that does not fit the line; the question after the list asks it.
SHORT_NEED = "I'd need to know more to be sure."
LEFT_OUT_SHOWN = 5
# Words asking for help getting hired: then a resume workshop fits a student too.
JOB_HELP_WORDS = re.compile(r"\bresumes?\b|\binterview|\bhired\b|\bhiring\b|\bcover letter|\b(?:get|find|land|first|summer) (?:a )?job\b")
FREE_WORDS = ("free", "no cost", "no-cost", "without paying", "don't have to pay", "dont have to pay")


def _is_free(item: dict) -> bool:
    record = item["record"] or {}
    return (record.get("cost") or {}).get("tuition") == 0 or bool(record.get("covers_full_tuition"))


def listing(session: Session, kind: str, said_occupation: str | None, group: str | None, text: str | None,
            said: GuideFacts, offset: int, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    named = longest_in(text, ctx.occupations, ctx.names) if text else None
    if named is not None and named.type in ("program", "funding") and named.own:
        # "Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?" asks
        # about that one fund, whatever kind of list the words sound like: its answer, with its
        # `kind` and `key`, so the caller knows what it was about.
        return about(session, named.name, said, today, text)
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
    job_help_asked = bool(text) and bool(JOB_HELP_WORDS.search(text.lower()))
    found_items = matching.match(session, facts, list(kinds), matching.CANDIDATE_LIMIT, today, by_audience=True,
                                 fit_to_person=True, job_help_asked=job_help_asked)
    items = [item for item in found_items if item["verdict"] != eligibility.NOT_ELIGIBLE]
    ruled_out = [item for item in found_items if item["verdict"] == eligibility.NOT_ELIGIBLE]
    if funding_kinds:
        items = [item for item in items if (item["record"] or {}).get("kind") in funding_kinds]
        ruled_out = [item for item in ruled_out if (item["record"] or {}).get("kind") in funding_kinds]
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
    # What fits is shown before what is made for others or held far away, never on one page with
    # it: the first page is only what fits, and "show more" goes on to the rest, each with why.
    fitting = sum(1 for item in items if item["fit"]["rank"] in ("first", "fits"))
    end = offset + PAGE if offset >= fitting else min(offset + PAGE, fitting)
    page = items[offset:end]
    shown = [_item(item) for item in page]
    one_noun, noun = KIND_NOUNS[kind]
    if shown:
        if offset >= fitting:
            # Nothing that fits is left: the rest, each saying why it fits less well.
            where = f" in {ctx.where()}" if ctx.place_known else ""
            lines.append(f"I don't have {noun} that fit what you told me{where}. The closest I have:" if offset == 0
                         else "Here are more, though they fit you less well:")
        else:
            one = len(shown) == 1
            lines.append(f"Here {'is' if one else 'are'} {len(shown)} {one_noun if one else noun} that {'fits' if one else 'fit'} what you told me:"
                         if offset == 0 else "Here are more:")
        lines += [caveat] if caveat else []
        lines += [f"{item['name']}: {item['line']}" for item in shown]
        if any(item["demo"] for item in shown):
            lines.append(JOB_SEARCH)
    elif not (ctx.place_known and not block["served"]):
        # Where the catalog serves nothing, the place lines below say so.
        lines.append(f"I don't have {'more ' if offset else ''}{noun} that fit{' in ' + ctx.where() if ctx.place_known else ''} in my guide.")
    place_lines = ctx.place_lines(block)
    lines += place_lines
    if (not shown or not fitting) and AJC_LINE not in lines:
        # Nothing that fits: the help that exists everywhere, after the closest the guide has.
        lines.append(AJC_LINE)
    return {"facts": ctx.decided(), "items": shown, "lines": lines, "ask": ctx.ask(_list_ask(ctx, items)), "place": block,
            "more": len(items) > end, "left_out": [_left_out(item) for item in ruled_out[:LEFT_OUT_SHOWN]]}


def _left_out(item: dict) -> dict:
    """A result the person's facts rule out, and the rule that does."""
    return {"type": item["type"], "key": item["key"], "name": item["title"], "reason": item["fit"]["reason"]}


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
    place = item["fit"]
    why = item["why"]
    if place["rank"] == "first":
        # Its own reason ("for members of your union") says who it is for better than its audience.
        why = [reason for reason in why if not reason.startswith("It is made for")]
    line = why[0] if why else short(record.get("description") or "", LINE_CHARS // 2)
    if "$" in line or "free" in line.lower():
        # An amount or a price is said with where it comes from and when.
        line = f"{line.rstrip('.')} {sourced(record)}."
    if record.get("demo"):
        # A demo listing never reads as a real job (documents.DEMO_NOTICE).
        line = f"{record.get('notice') or 'An example listing, not a real opening.'} {line}"
    # What is added to the line, most useful first, while "name: line" still fits an SMS line.
    room = LINE_CHARS - len(item["title"]) - 2
    after = place["reason"] if place["rank"] == "after" else None
    need = f"I'd need {item['missing'][0]} to be sure." if item["verdict"] == eligibility.MAYBE and item["missing"] else None
    def fits(extra: str) -> bool:
        return len(line) + 1 + len(extra) <= room

    if after and fits(after):
        line = f"{line} {after}"
    if need:
        need = need if fits(need) else SHORT_NEED
        line = f"{line} {need}" if fits(need) else line
    if place["rank"] == "first" and place["reason"] and fits(place["reason"]):
        line = f"{place['reason']} {line}"
    return {"type": item["type"], "key": item["key"], "name": item["title"], "kind": kind, "line": line,
            "demo": bool(record.get("demo")), "fit": place,
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
    # A fact that would settle only what is made for others or held far away is not worth asking.
    for item in (item for item in items if item["fit"]["rank"] in ("first", "fits")):
        if item["verdict"] == eligibility.MAYBE:
            for fact in item["missing_facts"][:1]:
                counts[fact] = counts.get(fact, 0) + 1
    known = {fact for fact in counts if fact in QUESTIONS}
    return max(known, key=lambda fact: counts[fact]) if known else None

