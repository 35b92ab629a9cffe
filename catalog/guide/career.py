"""POST /guide/career: a career answered: the work, the steps and time, local pay, outlook and the
programs in the guide that lead there, then the one fact that would change it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import documents, fit, matching, models, search, wages
from catalog.guide.context import AJC_LINE, POPULAR, PROGRAMS_SHOWN, Context
from catalog.guide.wording import and_words, link, money, plural, short
from catalog.occupations import OccupationIndex
from catalog.profile import Facts
from catalog.said import GuideFacts


def programs_for(ctx: Context, key: str) -> list[matching.Scored]:
    """Catalog programs that lead to a career, for these facts (the teen/adult rule applied),
    best first; those the person is ruled out of, or that are made for others or held far away
    (fit.py), are left out."""
    facts = Facts(profile=ctx.facts.profile, place=ctx.facts.place, interests=[key])
    names = documents.Names(ctx.session)
    rows = list(ctx.session.scalars(
        search.programs_query(ctx.session, occupations=[key], state=facts.state, today=ctx.today,
                              exclude_kinds=matching.NOT_FOR_INDIVIDUALS).limit(matching.CANDIDATE_LIMIT)
    ))
    names.load_for(row.data for row in rows)
    scored = [matching.score_program(row, facts, names) for row in rows]
    fitting = [matching.fitted(item, names) for item in scored if matching.offered(item, by_audience=True)]
    fitting = [item for item in fitting if item.fit.rank <= fit.FITS]
    return [item.render(names, ctx.today) for item in matching.rank(fitting)]


def _careers_like(index: OccupationIndex, alternatives: list[tuple[str, float]]) -> list[str]:
    keys = [key for key, _ in alternatives][:3] or [key for key in POPULAR if key in index.titles]
    return [index.titles[key] for key in keys]


def career(session: Session, said_occupation: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    block = ctx.place_block()
    found = ctx.occupations.lookup(said_occupation)
    if not found.key:
        like = and_words(_careers_like(ctx.occupations, found.alternatives))
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
    programs = programs_for(ctx, row.key)[:PROGRAMS_SHOWN]
    shown = [{"type": "program", "key": item.key, "name": item.title, "url": link(item.record)} for item in programs]
    if shown:
        lines.append("Programs in my guide that lead there:")
        lines += [f"{p['name']}: {p['url']}" if p["url"] else p["name"] for p in shown]
    place_lines = ctx.place_lines(block)
    lines += place_lines
    if not shown and not place_lines:
        where = f" for {ctx.where()}" if ctx.place_known else ""
        lines += [f"I don't have a program for this career{where} in my guide yet.", AJC_LINE]
    return {"facts": ctx.decided(), "found": True, "occupation": {"key": row.key, "title": row.title}, "lines": lines,
            "ask": ctx.ask(_career_ask(ctx, row.key)), "place": block, "programs": shown}


def _pay_examples(session: Session, row: models.Occupation, ctx: Context) -> list[str]:
    """Local pay for narrower careers when BLS publishes none for the career itself there."""
    found = wages.examples(session, row, ctx.wage_place())
    if not found:
        return []
    _, figures = found
    first = figures[0]
    where = (f"the {wages.short_area_name(first['area']['name'])} area" if first["level"] == "metro"
             else first["area"]["name"])
    each = [f"{'at least ' if f['top_coded'] else ''}{money(f['median'], f['period'])} "
            f"{'an hour' if f['period'] == 'hour' else 'a year'} for {plural(f['occupation']['title'], start=False)}"
            for f in figures]
    return [f"In {where}, the median pay is {and_words(each)} "
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


