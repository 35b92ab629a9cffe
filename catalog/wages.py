"""Local pay: BLS OEWS wages for the catalog's occupations, and the figure for a place.

Import (`python -m ops import-wages`): the OEWS database (catalog/wage_sources.py says where
it comes from) holds every published estimate as a `cell` keyed by area, industry and occupation.
We keep the all-industry cells of the catalog's occupations for the nation, every state and every
metro area, plus HUD's ZIP-to-CBSA crosswalk reduced to "the metro area holding most of this
ZIP's addresses". Both files are checked against their committed SHA-256 first, read completely,
then written in one transaction that replaces the previous import (so importing twice gives the
same rows, and a bad file changes nothing).

Lookup: a ZIP, a city or a state gives the most local area BLS publishes for: the metro area when
the place is in one, else the state, else the nation, always saying which level was used and why.
Limits: a ZIP is placed by the largest share of its addresses; BLS's nonmetropolitan areas are
groups of rural counties the crosswalk does not name, so rural places get the state figure.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import re
import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from catalog import geo, models
from catalog.wage_sources import OEWS, ZIP_CBSA, ChecksumMismatch, verify

SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)"
SOURCE_SHORT = "BLS"
SOURCE_URL = "https://www.bls.gov/oes/"
NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
# OEWS data type codes (the database's `datatype` table) and the columns they fill.
DATATYPES = {
    "01": "employment",
    "06": "hourly_p10", "08": "hourly_median", "10": "hourly_p90",
    "11": "annual_p10", "13": "annual_median", "15": "annual_p90",
}
# BLS's footnote for top-coded estimates states the ceiling; we read it rather than assume it.
TOP_CODE = re.compile(r"equal to or greater than \$([\d,.]+) per hour or \$([\d,.]+) per year")
CHUNK = 500


class WageImportError(ValueError):
    """A wage or crosswalk file that cannot be imported; the message says why."""


@dataclass
class WageImportResult:
    file: str
    release: str
    rows: int
    zips: int


def oews_code(soc_code: str, override: str | None = None) -> str:
    """The OEWS occupation ("29-1141") whose figures apply to a catalog occupation."""
    return override or soc_code[:7]


# ---------------------------------------------------------------- reading the files


@contextlib.contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    """The OEWS SQLite database, read-only; a .gz file is unpacked to a temporary file first."""
    with tempfile.TemporaryDirectory(prefix="oews-") as folder:
        target = path
        if path.suffix == ".gz":
            target = Path(folder) / path.stem
            try:
                with gzip.open(path, "rb") as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
            except (OSError, EOFError) as error:
                raise WageImportError(f"{path.name}: not a readable gzip file ({error})") from None
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            connection.close()
            raise WageImportError(f"{path.name}: not a SQLite database") from None
        missing = {"cell", "area", "occupation", "footnote", "meta"} - tables
        if missing:
            connection.close()
            raise WageImportError(f"{path.name}: not an OEWS database (no table {sorted(missing)[0]})")
        try:
            yield connection
        finally:
            connection.close()


def _number(text: str | None) -> float | None:
    try:
        return float(str(text).replace(",", ""))
    except (TypeError, ValueError):
        return None


def read_oews(path: Path, codes: set[str]) -> tuple[str, list[dict]]:
    """(release, wage rows) for the given OEWS occupation codes, in every area the file has."""
    with _database(path) as db:
        meta = {row["name"]: row["value"] for row in db.execute("SELECT name, value FROM meta")}
        release = meta.get("release")
        if not release:
            raise WageImportError(f"{path.name}: the database does not say which release it holds")
        footnotes = {row["footnote_code"]: row["footnote_text"] for row in db.execute("SELECT * FROM footnote")}
        top_code, ceilings = None, {}
        for code, text in footnotes.items():
            found = TOP_CODE.search(text)
            if found:
                top_code = code
                ceilings = {"hourly": _number(found.group(1)), "annual": _number(found.group(2))}
        areas = [dict(row) for row in db.execute("SELECT * FROM area")]
        postal = {a["state_code"]: geo.state_code(a["area_name"]) for a in areas if a["areatype_code"] == "S"}
        titles = {
            row["occupation_code"]: row["occupation_name"]
            for row in db.execute("SELECT occupation_code, occupation_name FROM occupation")
        }
        wanted = {code.replace("-", ""): code for code in codes if code.replace("-", "") in titles}
        by_key = {}
        for area in areas:
            for digits in wanted:
                key = f"OEU{area['areatype_code']}{area['area_code']}{ALL_INDUSTRIES}{digits}"
                by_key[key] = (area, digits)
        keys = list(by_key)
        rows = []
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start:start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for cell in db.execute(f"SELECT * FROM cell WHERE key IN ({marks})", chunk):
                area, digits = by_key[cell["key"]]
                rows.append(_wage_row(cell, area, wanted[digits], titles[digits], release,
                                      postal, footnotes, top_code, ceilings))
    return release, rows


def _wage_row(cell, area: dict, code: str, title: str, release: str, postal: dict, footnotes: dict,
              top_code: str | None, ceilings: dict) -> dict:
    kind = AREA_TYPES.get(area["areatype_code"], area["areatype_code"])
    row = {
        "occupation_code": code, "occupation_title": title, "area_code": area["area_code"],
        "area_type": kind, "area_name": area["area_name"],
        "state": None if kind == "national" else postal.get(area["state_code"]),
        "release": release, "top_coded": [], "notes": {},
    }
    for datatype, column in DATATYPES.items():
        value, footnote = cell[f"v{datatype}"], cell[f"f{datatype}"]
        number = _number(value)
        if footnote:
            row["notes"][column] = footnotes.get(footnote, f"BLS footnote {footnote}")
            if footnote == top_code and number is None and column != "employment":
                number = ceilings["hourly" if column.startswith("hourly") else "annual"]
                row["top_coded"].append(column)
        row[column] = int(number) if column == "employment" and number is not None else number
    return row


def read_zip_crosswalk(path: Path, metro_areas: set[str]) -> list[dict]:
    """ZIP code -> (state, the OEWS metro area holding most of its addresses, or None)."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            needed = {"zip", "geoid", "tot_ratio", "state"}
            if not needed <= set(reader.fieldnames or []):
                raise WageImportError(f"{path.name}: expected the columns {', '.join(sorted(needed))}")
            best: dict[str, tuple[float, str, str]] = {}
            for line, record in enumerate(reader, start=2):
                zip_code = (record["zip"] or "").strip().zfill(5)
                share = _number(record["tot_ratio"])
                if not geo.ZIP_RE.match(zip_code) or share is None:
                    raise WageImportError(f"{path.name}: line {line}: not a ZIP code and a share")
                if zip_code not in best or share > best[zip_code][0]:
                    best[zip_code] = (share, record["geoid"].strip(), record["state"].strip().upper()[:2])
    except (UnicodeDecodeError, csv.Error) as error:
        raise WageImportError(f"{path.name}: not a readable CSV file ({error})") from None
    return [
        {"zip": zip_code, "state": state or None,
         "area_code": f"00{cbsa}" if f"00{cbsa}" in metro_areas else None}
        for zip_code, (_, cbsa, state) in best.items()
    ]


# ---------------------------------------------------------------- importing


def catalog_codes(session: Session) -> set[str]:
    rows = session.execute(select(models.Occupation.soc_code, models.Occupation.data)).all()
    return {oews_code(soc, data.get("oews_code")) for soc, data in rows}


def import_wages(session: Session, oews_path: Path, crosswalk_path: Path,
                 oews_sha256: str | None = None, crosswalk_sha256: str | None = None) -> WageImportResult:
    """Check, read, then replace the wage tables in one transaction; nothing changes on error."""
    for path in (oews_path, crosswalk_path):
        if not path.is_file():
            raise WageImportError(f"{path}: no such file (run `make wage-data`)")
    try:
        verify(oews_path, oews_sha256)
        verify(crosswalk_path, crosswalk_sha256)
    except ChecksumMismatch as error:
        raise WageImportError(str(error)) from None
    codes = catalog_codes(session)
    if not codes:
        raise WageImportError("The catalog has no occupations yet: import the catalog first.")
    release, rows = read_oews(oews_path, codes)
    metros = {row["area_code"] for row in rows if row["area_type"] == "metro"}
    zips = read_zip_crosswalk(crosswalk_path, metros)
    try:
        session.execute(delete(models.Wage))
        session.execute(delete(models.WageZip))
        # Core inserts of all rows at once (batched by the driver): four times faster than ORM
        # bulk inserts on PostgreSQL for the ~70,000 rows.
        session.execute(models.Wage.__table__.insert(), rows)
        session.execute(models.WageZip.__table__.insert(), zips)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return WageImportResult(oews_path.name, release, len(rows), len(zips))


def default_files(directory: Path) -> tuple[Path, Path]:
    return directory / OEWS.name, directory / ZIP_CBSA.name


# ---------------------------------------------------------------- the figure for a place


@dataclass(frozen=True)
class Where:
    """The areas to try, most local first, and why a less local one may be used."""

    metro: str | None = None
    state: str | None = None
    note: str | None = None


def locate(session: Session, zip_code: str | None = None, city: str | None = None,
           state: str | None = None) -> Where:
    """Where a person is, as OEWS areas. A place we cannot find falls back honestly, with a note."""
    code = geo.state_code(state) if state else None
    unknown_state = f"We don't know the state '{state}'" if state and not code else None
    if zip_code:
        found = session.get(models.WageZip, zip_code)
        if found:
            outside = None if found.area_code else f"ZIP {zip_code} is not in a metro area BLS reports on"
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
        outside = None if metro else f"{place.city} is not in a metro area BLS reports on"
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
    by_level = {row.area_type: row for row in rows}
    note = where.note
    for level, asked in (("metro", where.metro), ("state", where.state), ("national", NATIONAL)):
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
    found = []
    for row in sorted(rows, key=lambda r: keys.index(r.key)):
        wage = pay(session, row, local_only)
        if wage and wage["level"] == level:
            found.append({"occupation": {"key": row.key, "title": row.title}, **wage})
    if not found:
        return None
    return found[0]["area"]["name"], found


def _area_name(session: Session, level: str, asked: str) -> str:
    if level == "state":
        return geo.STATE_NAMES.get(asked, asked)
    name = session.scalar(select(models.Wage.area_name).where(models.Wage.area_code == asked).limit(1))
    return name or "that metro area"


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
    where = {"metro": f"in the {short_area_name(area['name'])} area", "state": f"in {area['name']}",
             "national": "nationwide"}[level]
    amount = ("at least " if wage["top_coded"] else "") + money(wage["median"], wage["period"])
    per = "an hour" if wage["period"] == "hour" else "a year"
    return f"{who} {where} earn a median of {amount} {per} ({SOURCE_SHORT}, {wage['release']})."
