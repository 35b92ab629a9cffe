"""One aspect of one record, in a sentence or two from what the record publishes: a career's pay
(hourly and yearly median, the 10th-90th range), training time and outlook; a program's cost,
place, format, length, who may apply, how and when to apply, where it leads and whom to contact;
a fund's amount and rules; an organisation's offers; a job listing's pay and place (demo listings
always labelled). Where a record is silent: "not published: ask <whom>" with the link."""

from __future__ import annotations

from sqlalchemy import select

from catalog import documents, eligibility, geo, matching, models, search, wages
from catalog.guide.career import programs_for
from catalog.guide.context import CAREERONESTOP, JOB_SEARCH, Context
from catalog.guide.wording import PER_WORDS, and_words, link, money, plural, short
from catalog.records import plain_rules



def _page(name: str | None, url: str | None) -> str:
    """A named link: "Futuro Health's page: https://..."."""
    if not url:
        return ""
    return f"{name}'s page: {url}" if name else f"Source: {url}"


def answer(ctx: Context, target: dict, what: str) -> tuple[list[str], list[dict]] | None:
    kind = target.get("type")
    if kind == "career":
        return _career(ctx, target["key"], what)
    if kind in ("program", "funding"):
        return _offer(ctx, kind, target["key"], what)
    if kind == "organization":
        return _organization(ctx, target["key"], what)
    if kind == "role":
        return _role(ctx, target["key"], what)
    return None


# ---------------------------------------------------------------- careers


def pay_lines(ctx: Context, row: models.Occupation) -> list[str]:
    """Hourly and yearly median, and what most earn (10th to 90th percentile), most local first."""
    pay = wages.pay(ctx.session, row, ctx.wage_place())
    if not pay:
        return [f"BLS does not publish pay for {plural(row.title, start=False)}; see {wages.SOURCE_URL}"]
    hourly, annual = pay["hourly"], pay["annual"]
    where = pay["sentence"].split(" earn a median", 1)[0]
    parts = []
    if hourly.get("median"):
        parts.append(f"{money(hourly['median'], 'hour')} an hour")
    if annual.get("median"):
        parts.append(f"{money(annual['median'], 'year')} a year")
    top = "at least " if pay["top_coded"] else ""
    lines = [f"{where} earn a median of {top}{' or '.join(parts)} ({wages.SOURCE_SHORT}, {pay['release']})."]
    for period, figures in (("hour", hourly), ("year", annual)):
        if figures.get("low") and figures.get("high"):
            per = "an hour" if period == "hour" else "a year"
            lines.append(f"Most earn between {money(figures['low'], period)} and {money(figures['high'], period)} {per} "
                         f"(the 10th to 90th percentile).")
            break
    if pay.get("note") and ctx.place_known:
        lines.append(pay["note"])
    lines.append(f"BLS's wage page: {wages.SOURCE_URL}")
    return lines


def _career(ctx: Context, key: str, what: str) -> tuple[list[str], list[dict]]:
    row = ctx.session.scalar(select(models.Occupation).where(models.Occupation.key == key))
    data = row.data
    source = _page("O*NET", data.get("source_url")) if data.get("source_url") else ""
    if what == "pay":
        return pay_lines(ctx, row), []
    if what in ("length", "requirements"):
        parts = [f"To become a {row.title.split(' (')[0].lower()}: {data['education']}." if data.get("education") else None,
                 f"It usually takes {data['time_to_enter']}." if data.get("time_to_enter") else None]
        lines = [" ".join(p for p in parts if p) or f"How long it takes is not published here; see {data.get('source_url')}"]
        return [*lines, source] if source else lines, []
    if what == "leads_to":
        lines = [short(f"Outlook: {data['outlook']}")] if data.get("outlook") else []
        related = [ctx.occupations.titles[k] for k in data.get("related", []) if k in ctx.occupations.titles]
        if related:
            lines.append(f"Careers it can lead to or sits next to: {and_words(related[:4])}.")
        return (lines or [f"The outlook is not published here; see {data.get('source_url')}"]), []
    if what == "work":
        lines = [short(f"{row.title}: {data['description']}") if data.get("description") else row.title]
        return [*lines, source] if source else lines, []
    # Cost, place, format, dates, applying, contact: those belong to a program, not a career.
    programs = programs_for(ctx, key)
    noun = {"cost": "cost", "paid": "pay during training", "place": "place", "online": "format",
            "dates": "dates", "apply": "way to apply", "contact": "contact"}.get(what, "answer")
    if not programs:
        return [f"A career has no single {noun}; it depends on the program, and I don't have one for "
                f"{plural(row.title, start=False)} that fits you in my guide yet.",
                f"American Job Centers list training near you: {CAREERONESTOP}"], []
    items = [{"type": "program", "key": p.key, "name": p.title} for p in programs[:3]]
    named = "; ".join(f"{i}. {item['name']}" for i, item in enumerate(items, 1))
    return [f"A career has no single {noun}; it depends on the program. Programs in my guide for "
            f"{plural(row.title, start=False)}: {named}.", "Ask about one by its number, for example \"the first one\"."], items


# ---------------------------------------------------------------- programs and funds


def _offer(ctx: Context, kind: str, key: str, what: str) -> tuple[list[str], list[dict]]:
    model = models.Program if kind == "program" else models.Funding
    row = ctx.session.scalar(select(model).where(model.key == key))
    names = documents.Names(ctx.session).load_for([row.data])
    record = (documents.program if kind == "program" else documents.funding)(row, names, ctx.today)
    owner_key = row.data.get("provider") if kind == "program" else row.data.get("sponsor")
    owner = names.name_of(owner_key) if owner_key else record["name"]
    url = link(record)
    ask = f"ask {owner}: {url}" if url else f"ask {owner}"
    name = record["name"]
    lines = _offer_lines(ctx, kind, record, row, what, name, ask)
    page = _page(owner, record.get("source_url"))
    if page and not any(record.get("source_url", "") in line for line in lines):
        lines.append(page)
    return lines, []


def _offer_lines(ctx: Context, kind: str, record: dict, row, what: str, name: str, ask: str) -> list[str]:
    location = record.get("location") or {}
    if what == "cost" or (what == "pay" and kind == "funding"):
        return _money(kind, record, name, ask)
    if what in ("paid", "pay"):
        if record.get("paid") is True:
            return [f"Yes: {name} is paid (you earn while you train)."]
        if record.get("paid") is False:
            return [f"No: {name} is not a paid job; it is training."]
        if "stipend" in (record.get("support_services") or []):
            return [f"{name} offers a stipend; how much is not published: {ask}"]
        return [f"Whether {name} pays you is not published: {ask}"]
    if what in ("place", "online"):
        return _place(kind, record, location, name, ask, what)
    if what == "length":
        if kind == "funding":
            return [f"{name} is money for school, not a class, so it has no length. " + _dates(kind, record, name, ask)]
        parts = [f"{name} takes {record['length']}." if record.get("length") else None,
                 {"online": "It is online.", "hybrid": "It is part online, part in person.",
                  "in_person": "It is in person."}.get(record.get("format") or "")]
        found = " ".join(p for p in parts if p)
        return [found] if found else [f"How long {name} takes is not published: {ask}"]
    if what == "requirements":
        rules = plain_rules(row.data.get("eligibility"))
        names = documents.Names(ctx.session).load_for([row.data])
        verdict = eligibility.evaluate(rules, ctx.facts, names.name_of, names.member_of)
        who = eligibility.describe(rules, names.name_of)
        lines = [short(f"Who can apply to {name}: " + " ".join(who))] if who else [f"Who can apply to {name} is not published: {ask}"]
        if verdict.verdict == eligibility.ELIGIBLE:
            lines.append("From what you told me, you likely qualify.")
        elif verdict.verdict == eligibility.NOT_ELIGIBLE:
            lines.append("From what you told me, you likely don't qualify: " + " ".join(verdict.failures[:1]))
        elif verdict.missing:
            lines.append(f"To know if you qualify, I need {verdict.missing[0]}.")
        return lines
    if what == "apply":
        steps = record.get("how_to_apply")
        if ctx.facts.is_minor and matching.age_group(row.data) == "adults":
            return [f"{name} is for adults, so it is not open to you yet."]
        return [short(f"How to apply to {name}: {steps}")] if steps else [f"How to apply to {name} is not published: {ask}"]
    if what == "dates":
        return [_dates(kind, record, name, ask)]
    if what == "leads_to":
        careers = [o.get("title") or o.get("name") for o in record.get("occupations") or [] if isinstance(o, dict)]
        parts = [f"You finish with: {record['credential']}." if record.get("credential") else None,
                 f"It leads to work as {and_words([c for c in careers if c])}." if careers else None,
                 f"It pays for: {and_words(record['pays_for'])}." if record.get("pays_for") else None]
        found = " ".join(p for p in parts if p)
        return [found] if found else [f"Where {name} leads is not published: {ask}"]
    if what == "contact":
        return [f"To reach {name}, {ask}"]
    return [short(f"{name}: {record['description']}") if record.get("description") else name]


def _money(kind: str, record: dict, name: str, ask: str) -> list[str]:
    if kind == "program":
        cost = record.get("cost") or {}
        if cost.get("tuition") == 0:
            return [f"{name} is free to you (source: {cost.get('source') or record.get('source_url')})."]
        if cost.get("tuition"):
            per = PER_WORDS.get(cost.get("per"), "")
            return [f"Tuition for {name} is ${cost['tuition']:,.0f} {per}".rstrip() + "."]
        lines = [short(cost["note"])] if cost.get("note") else [f"The cost of {name} is not published: {ask}"]
        if cost.get("covered"):
            lines.append(short(cost["covered"]))
        return lines
    amount = record.get("amount") or {}
    if record.get("covers_full_tuition"):
        return [f"{name} can cover the full tuition."]
    if amount.get("max"):
        return [f"{name} gives up to ${amount['max']:,.0f} {PER_WORDS.get(amount.get('per'), '')}".rstrip() + "."]
    return [short(amount["note"])] if amount.get("note") else [f"How much {name} gives is not published: {ask}"]


def _place(kind: str, record: dict, location: dict, name: str, ask: str, what: str) -> list[str]:
    rules = record.get("eligibility") or {}
    states = location.get("states") or (rules.get("states") or {}).get("value") or []
    where = location.get("cities") or location.get("regions") or [geo.STATE_NAMES.get(s, s) for s in states]
    online = location.get("online") or record.get("format") in ("online", "hybrid")
    if kind == "funding":
        if what == "online":
            return [f"{name} is money for school, not a class; you use it for the program you choose."]
        return [f"{name} is for people in {and_words(where)}."] if where else [f"{name} is not tied to one place."]
    fmt = {"online": "online", "hybrid": "part online, part in person", "in_person": "in person"}.get(record.get("format") or "")
    if what == "online":
        if fmt:
            return [f"{name} is {fmt}."]
        if online:
            return [f"{name} has online options."]
        if location.get("online") is False and where:
            return [f"{name} is held in person in {and_words(where)}; online classes are not published: {ask}"]
        return [f"Whether {name} is online is not published: {ask}"]
    if where:
        return [f"{name} is held in {and_words(where)}" + (" (with online options)." if online else ".")
                + (" The exact campus is not published: " + ask if not location.get("cities") else "")]
    return [f"Where {name} is held is not published: {ask}"]


def _dates(kind: str, record: dict, name: str, ask: str) -> str:
    deadline = record.get("next_deadline") if kind == "program" else record.get("deadline")
    if deadline and not record.get("expired"):
        return f"Apply to {name} by {deadline}."
    if record.get("rolling"):
        return f"{name} takes applications any time."
    if record.get("expired"):
        return f"The last published deadline for {name} has passed; the next one is not published: {ask}"
    return f"Dates for {name} are not published: {ask}"


# ---------------------------------------------------------------- organisations and listings


def _organization(ctx: Context, key: str, what: str) -> tuple[list[str], list[dict]]:
    row = ctx.session.scalar(select(models.Organization).where(models.Organization.key == key))
    data = row.data
    url = data.get("website") or data.get("source_url")
    if what in ("contact", "place"):
        states = [geo.STATE_NAMES.get(s, s) for s in data.get("states", [])]
        place = f" It works in {and_words(states)}." if states and what == "place" else ""
        return [f"{row.name}'s page: {url}.{place}"], []
    programs, funds = search.organization_offers(ctx.session, key)
    offers = [p for p in programs if p.data.get("kind") not in matching.NOT_FOR_INDIVIDUALS
              and matching.fits_age(p.data, ctx.facts)] + [f for f in funds if matching.fits_age(f.data, ctx.facts)]
    if not offers:
        return [f"{row.name} has nothing in my guide open to you; its page: {url}"], []
    items = [{"type": "program" if isinstance(o, models.Program) else "funding", "key": o.key, "name": o.data["name"]}
             for o in offers[:5]]
    named = "; ".join(f"{i}. {item['name']}" for i, item in enumerate(items, 1))
    return [f"That depends on which of {row.name}'s offers you mean: {named}.",
            "Ask about one by its number, for example \"how much does the first one cost?\""], items


def _role(ctx: Context, key: str, what: str) -> tuple[list[str], list[dict]]:
    source, _, source_id = key.partition(":")
    row = ctx.session.scalar(select(models.Role).where(models.Role.source == source, models.Role.source_id == source_id))
    if row is None:
        return ["That listing is gone from my guide. " + JOB_SEARCH], []
    data = row.data
    lines = [f"{row.title} is an example listing, not a real opening."] if row.demo else []
    if what in ("pay", "paid", "cost"):
        low, high, per = data.get("pay_min"), data.get("pay_max"), data.get("pay_period") or "hour"
        word = "an hour" if per == "hour" else f"a {per}"
        if low and high:
            lines.append(f"It lists {money(low, per)} to {money(high, per)} {word}.")
        elif low or high:
            lines.append(f"It lists {money(low or high, per)} {word}.")
        else:
            lines.append("Its pay is not listed.")
    elif what == "place":
        lines.append(f"It is in {', '.join(p for p in (data.get('city'), row.state) if p) or 'a place not listed'}.")
    elif what == "requirements":
        lines.append(short(f"It asks for: {data['requirements']}") if data.get("requirements") else "Its requirements are not listed.")
    else:
        employer = f" at {row.employer}" if row.employer else ""
        lines.append(short(f"{row.title}{employer}: {data.get('description') or 'no description listed'}"))
    if row.demo or not data.get("url"):
        lines.append(JOB_SEARCH)
    else:
        lines.append(f"The listing: {data['url']}")
    return lines, []

