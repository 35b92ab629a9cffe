"""Local pay: the BLS OEWS figure for a catalog occupation in a place (imported by
catalog/wage_import.py).

A ZIP, a city or a state gives the most local area BLS publishes for: the metro area when the
place is in one; in a rural place, its nonmetropolitan area where the state has only one; else the
state, else the nation, always saying which level was used and why. Limits: a ZIP is placed by the
largest share of its addresses; in a state with several nonmetropolitan areas the state figure
stands in for a rural place, and the note says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from catalog import geo, models

SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)"
SOURCE_SHORT = "BLS"
SOURCE_URL = "https://www.bls.gov/oes/"
NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"
def oews_code(soc_code: str, override: str | None = None) -> str:
    """The OEWS occupation ("29-1141") whose figures apply to a catalog occupation."""
    return override or soc_code[:7]


# ---------------------------------------------------------------- the figure for a place


@dataclass(frozen=True)
class Where:
    """The areas to try, most local first, and why a less local one may be used."""

    # The local area: a metro area, or a nonmetropolitan area where the state has only one.
    metro: str | None = None
    state: str | None = None
    note: str | None = None


def _rural(session: Session, state: str | None, what: str) -> str:
    """Why a place outside every metro area gets its state's figure."""
    count = session.scalar(select(func.count(func.distinct(models.Wage.area_code))).where(
        models.Wage.area_type == "nonmetro", models.Wage.state == state)) or 0
    if count > 1:
        return (f"{what} is outside every metro area, in a rural part of {geo.STATE_NAMES.get(state, state)} that BLS "
                f"splits into {count} nonmetropolitan areas by county, and we cannot tell which one it is in")
    return f"{what} is not in a metro area BLS reports on"


def locate(session: Session, zip_code: str | None = None, city: str | None = None,
           state: str | None = None) -> Where:
    """Where a person is, as OEWS areas. A place we cannot find falls back honestly, with a note."""
    code = geo.state_code(state) if state else None
    unknown_state = f"We don't know the state '{state}'" if state and not code else None
    if zip_code:
        found = session.get(models.WageZip, zip_code)
        if found:
            outside = None if found.area_code else _rural(session, found.state, f"ZIP {zip_code}")
            return Where(found.area_code, found.state, outside)
        try:
            place = geo.from_zip(zip_code)
        except geo.UnknownPlace:
            return Where(None, code, f"We don't know the ZIP code {zip_code}")
        return Where(None, place.state, f"We could not tell which metro area ZIP {zip_code} is in")
    if city:
        if unknown_state:
            return Where(note=unknown_state)
        try:
            place = geo.from_city(city, code)
        except geo.UnknownPlace:
            return Where(None, code, f"We could not find the city '{city}'")
        areas = Counter(
            area for (area,) in session.execute(
                select(models.WageZip.area_code).where(models.WageZip.zip.in_(place.zips))
            )
        )
        if not areas:
            return Where(None, place.state, f"We could not tell which metro area {place.city} is in")
        metro = areas.most_common(1)[0][0]
        outside = None if metro else _rural(session, place.state, place.city)
        return Where(metro, place.state, outside)
    if state:
        return Where(None, code, unknown_state)
    return Where()


def pay(session: Session, occupation: models.Occupation, where: Where = Where()) -> dict | None:
    """The most local published pay for a catalog occupation, as the API shows it."""
    code = oews_code(occupation.soc_code, occupation.data.get("oews_code"))
    conditions = [models.Wage.area_code == NATIONAL]
    if where.metro:
        conditions.append(models.Wage.area_code == where.metro)
    if where.state:
        conditions.append((models.Wage.area_type == "state") & (models.Wage.state == where.state))
    rows = session.scalars(
        select(models.Wage).where(models.Wage.occupation_code == code, or_(*conditions))
    ).all()
    by_level = {("local" if row.area_code == where.metro else row.area_type): row for row in rows}
    note = where.note
    for level, asked in (("local", where.metro), ("state", where.state), ("national", NATIONAL)):
        if not asked:
            continue
        row = by_level.get(level)
        if row is not None and (row.hourly_median is not None or row.annual_median is not None):
            return document(row, occupation, note)
        if note is None:
            note = f"BLS publishes no median for this career in {_area_name(session, level, asked)}"
    return None


def examples(session: Session, occupation: models.Occupation, where: Where) -> tuple[str, list[dict]] | None:
    """(area name, pay of the occupation's `pay_examples` there) when BLS publishes none for the
    occupation itself in the most local area asked but does for those narrower careers."""
    keys = occupation.data.get("pay_examples") or []
    level = "metro" if where.metro else "state" if where.state else None
    if not keys or level is None:
        return None
    rows = session.scalars(select(models.Occupation).where(models.Occupation.key.in_(keys))).all()
    local_only = Where(where.metro, None) if level == "metro" else Where(None, where.state)
    area = where.metro if level == "metro" else None
    found = []
    for row in sorted(rows, key=lambda r: keys.index(r.key)):
        wage = pay(session, row, local_only)
        if wage and (wage["area"]["code"] == area if area else wage["level"] == level):
            found.append({"occupation": {"key": row.key, "title": row.title}, **wage})
    if not found:
        return None
    return found[0]["area"]["name"], found


def _area_name(session: Session, level: str, asked: str) -> str:
    if level == "state":
        return geo.STATE_NAMES.get(asked, asked)
    name = session.scalar(select(models.Wage.area_name).where(models.Wage.area_code == asked).limit(1))
    return name or "that area"


def national(session: Session, occupations: list[models.Occupation]) -> dict[str, dict]:
    """Occupation key -> national pay document, for a page of occupations in one query."""
    codes = {o.key: oews_code(o.soc_code, o.data.get("oews_code")) for o in occupations}
    rows = session.scalars(
        select(models.Wage).where(models.Wage.area_code == NATIONAL,
                                  models.Wage.occupation_code.in_(set(codes.values())))
    ).all()
    by_code = {row.occupation_code: row for row in rows
               if row.hourly_median is not None or row.annual_median is not None}
    return {o.key: document(by_code[codes[o.key]], o) for o in occupations if codes[o.key] in by_code}


def document(row: models.Wage, occupation: models.Occupation, note: str | None = None) -> dict:
    period = "hour" if row.hourly_median is not None else "year"
    prefix = "hourly" if period == "hour" else "annual"
    # Which of the figures shown are BLS's top-code ceiling, in the names the API uses.
    top = [{"p10": "low", "p90": "high"}.get(name.split("_", 1)[1], "median")
           for name in row.top_coded if name.startswith(prefix)]
    year = re.search(r"\d{4}", row.release)
    # O*NET's finer occupations (codes not ending in .00) and those whose record names a broader
    # BLS occupation (`oews_code`) get the group's figure, and the sentence names the group.
    own = occupation.soc_code.endswith(".00") and not occupation.data.get("oews_code")
    exact = own or plural(occupation.title).lower() == row.occupation_title.lower()
    wage = {
        "median": getattr(row, f"{prefix}_median"),
        "low": getattr(row, f"{prefix}_p10"),
        "high": getattr(row, f"{prefix}_p90"),
        "period": period,
        "top_coded": "median" in top,
        "at_least": top,
        "hourly": {"low": row.hourly_p10, "median": row.hourly_median, "high": row.hourly_p90},
        "annual": {"low": row.annual_p10, "median": row.annual_median, "high": row.annual_p90},
        "employment": row.employment,
        "level": row.area_type,
        "area": {"code": row.area_code, "name": row.area_name, "state": row.state},
        "bls_occupation": {"code": row.occupation_code, "title": row.occupation_title, "group": not exact},
        "release": row.release,
        "year": int(year.group()) if year else None,
        "source": SOURCE,
        "source_url": SOURCE_URL,
        "footnotes": sorted(set(row.notes.values())),
        "note": f"{note}, so this is the {_level_words(row)} figure." if note else None,
    }
    who = plural(occupation.title)
    if not exact:
        who = f"{_sentence_case(row.occupation_title)} (the BLS group that includes {plural(occupation.title, start=False)})"
    wage["sentence"] = sentence(who, wage)
    return wage


def _level_words(row: models.Wage) -> str:
    if row.area_type == "national":
        return "national"
    if row.area_type == "nonmetro":
        return row.area_name
    return f"{short_area_name(row.area_name)} area" if row.area_type == "metro" else row.area_name


def short_area_name(name: str) -> str:
    """"Los Angeles-Long Beach-Anaheim, CA" -> "Los Angeles": how people name a metro area."""
    return re.split(r"[-,/]", name, maxsplit=1)[0].strip()


def _sentence_case(text: str, start: bool = True) -> str:
    """Lower-case words except acronyms ("IT", "EMT"); a capital first letter to start a sentence."""
    words = [w if (w.isupper() and len(w) > 1) else w.lower() for w in text.split()]
    text = " ".join(words)
    return text[0].upper() + text[1:] if start and text else text


def plural(title: str, start: bool = True) -> str:
    """"Nursing Assistant (CNA)" -> "Nursing assistants"."""
    words = _sentence_case(re.sub(r"\s*\([^)]*\)", "", title).strip(), start).split()
    last = words[-1]
    if last.endswith("wife"):
        last = last[:-4] + "wives"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def money(value: float, period: str) -> str:
    return f"${value:,.2f}" if period == "hour" else f"${value:,.0f}"


def sentence(who: str, wage: dict) -> str:
    """"Medical assistants in the Fresno area earn a median of $21.97 an hour (BLS, May 2025).\""""
    level, area = wage["level"], wage["area"]
    where = {"metro": f"in the {short_area_name(area['name'])} area", "nonmetro": f"in the {area['name']}",
             "state": f"in {area['name']}", "national": "nationwide"}[level]
    amount = ("at least " if wage["top_coded"] else "") + money(wage["median"], wage["period"])
    per = "an hour" if wage["period"] == "hour" else "a year"
    return f"{who} {where} earn a median of {amount} {per} ({SOURCE_SHORT}, {wage['release']})."
