"""POST /guide/about: one named program, fund or organisation: what it is, who it is for, cost,
how and when to apply, and the verdict for this person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import documents, eligibility, matching, models, search
from catalog.guide.context import AUDIENCE_WORDS, STATUS, Context
from catalog.guide.wording import LINE_CHARS, PER_WORDS, and_words, link, or_words, short, sourced
from catalog.mentions import longest_in, mentions_in
from catalog.occupations import normal
from catalog.records import plain_rules
from catalog.said import GuideFacts


def about(session: Session, said_name: str, said: GuideFacts, today: dt.date, text: str | None = None) -> dict:
    ctx = Context.of(session, said, today)
    block = ctx.place_block()
    longer = longest_in(text, ctx.occupations, ctx.names) if text else None
    if longer and longer.type != "career" and normal(said_name) in longer.said and len(longer.said) > len(normal(said_name)):
        # "futuro health medical assistant" with only "futuro health" marked: the program, not the organisation.
        said_name = longer.name
    named = ctx.names.find(said_name)
    if text and named.entry is not None and named.entry.kind == "organization":
        # "does Futuro Health have an LVN program?": the organisation's program for that career.
        careers = [m for m in mentions_in(text, ctx.occupations, ctx.names) if m.type == "career"]
        offer = ctx.names.find(f"{named.entry.name} {careers[0].said}") if careers else None
        if offer is not None and offer.entry is not None and offer.entry.kind != "organization" and offer.unmatched is None:
            named = offer
    entry = named.entry
    if entry is None:
        lines = [f"I don't have {said_name} in my guide."]
        if named.alternatives:
            lines.append("Did you mean " + or_words([e.name for e in named.alternatives]) + "?")
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
    names = documents.Names(ctx.session).load_for([row.data for row in [*programs, *funds]], checks=False)
    programs, funds = matching.by_fit(programs, ctx.facts, names), matching.by_fit(funds, ctx.facts, names)
    offered = [p for p in programs if p.data.get("kind") not in matching.NOT_FOR_INDIVIDUALS and matching.fits_age(p.data, ctx.facts)]
    if offered:
        lines.append(f"Its programs in my guide: {_names(offered, organization.key)}.")
    usable_funds = [f for f in funds if matching.fits_age(f.data, ctx.facts)]
    if usable_funds:
        lines.append(f"Its scholarships and tuition help: {_names(usable_funds, organization.key)}.")
    if not offered and not usable_funds and (programs or funds):
        lines.append("What it offers in my guide is not open to you" + (" at your age." if ctx.facts.is_minor else "."))
    lines += ctx.place_lines(block)
    url = data.get("website") or data.get("source_url")
    if url:
        lines.append(f"More: {url}")
    ask_fact = "age" if ctx.facts.is_minor is None and any(matching.age_group(r.data) for r in [*programs, *funds]) else None
    items = [{"type": "program" if isinstance(o, models.Program) else "funding", "key": o.key, "name": o.data["name"]}
             for o in [*offered, *usable_funds]]
    return {"facts": ctx.decided(), "found": True, "kind": "organization", "key": organization.key, "name": organization.name,
            "lines": lines, "ask": ctx.ask(ask_fact), "place": block, "verdict": None, "items": items}


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
        lines.append(f"It is made for {and_words(audiences)}.")
    if adult_only_for_minor:
        # A teenager is never told what an adult program costs as if it were open to them.
        lines.append("It is for adults, so it is not open to you yet.")
    else:
        lines += _money_lines(kind, record)
    apply_steps = record.get("how_to_apply")
    url = link(record)
    if apply_steps and not adult_only_for_minor:
        tail = f" {url}" if url and url not in apply_steps else ""
        lines.append(short(f"How to apply: {apply_steps}", LINE_CHARS - len(tail)) + tail)
    lines.append(_dates_line(kind, record, url))
    lines += _verdict_lines(verdict)
    lines += ctx.place_lines(block)
    missing = verdict.missing_facts[0] if verdict.verdict == eligibility.MAYBE and verdict.missing_facts else None
    return {"facts": ctx.decided(),
        "found": True, "kind": kind, "key": record["key"], "name": record["name"], "lines": lines,
        "ask": ctx.ask(missing), "place": block,
        "verdict": {"status": STATUS[verdict.verdict], "reasons": verdict.reasons + verdict.unpublished,
                    "missing_facts": verdict.missing_facts},
    }




def _money_lines(kind: str, record: dict) -> list[str]:
    """Cost or amount only as the record's sources state them, with where and when."""
    if kind == "program":
        cost = record.get("cost") or {}
        tuition = cost.get("tuition")
        if tuition == 0:
            return [f"It is free to you {sourced(record)}."]
        if tuition:
            return [f"Tuition is ${tuition:,.0f} {PER_WORDS.get(cost.get('per'), '')} {sourced(record)}.".replace("  ", " ")]
        return [f"The cost is not published here; check {link(record)}"]
    amount = record.get("amount") or {}
    if record.get("covers_full_tuition"):
        return [f"It can cover the full tuition {sourced(record)}."]
    if amount.get("max"):
        return [f"It gives up to ${amount['max']:,.0f} {PER_WORDS.get(amount.get('per'), '')} {sourced(record)}.".replace("  ", " ")]
    return [f"The amount is not published; check {link(record)}"]


def _dates_line(kind: str, record: dict, link: str | None) -> str:
    deadline = record.get("next_deadline") if kind == "program" else record.get("deadline")
    if deadline and not record.get("expired"):
        return f"Apply by {deadline} {sourced(record)}."
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



