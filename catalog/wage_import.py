"""Importing local pay (`python -m ops import-wages`): the BLS OEWS database and HUD's
ZIP-to-CBSA crosswalk (catalog/wage_sources.py says where both come from).

The OEWS database holds every published estimate as a `cell` keyed by area, industry and
occupation. We keep the all-industry cells of the catalog's occupations for the nation, every
state, every metro area and every nonmetropolitan area, plus the crosswalk reduced to "the area
holding most of this ZIP's addresses": its metro area, or, outside every metro area, its state's
nonmetropolitan area when BLS draws only one in that state (with several, BLS splits the state's
rural counties among them and neither file says which ZIP is in which, so the ZIP keeps none and
the lookup says the state figure stands in). Both files are checked against their committed
SHA-256 first, read completely, then written in one transaction that replaces the previous import
(so importing twice gives the same rows, and a bad file changes nothing).
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalog import geo, models
from catalog.wage_sources import OEWS, ZIP_CBSA, ChecksumMismatch, verify
from catalog.wages import ALL_INDUSTRIES, oews_code

# OEWS area types; BLS files its nonmetropolitan areas under "M" with the metro areas, and names
# them "... nonmetropolitan area".
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
NONMETRO_NAME = re.compile(r"nonmetropolitan area$", re.I)
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


def area_type(area: dict) -> str:
    kind = AREA_TYPES.get(area["areatype_code"], area["areatype_code"])
    return "nonmetro" if kind == "metro" and NONMETRO_NAME.search(area["area_name"]) else kind


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
    kind = area_type(area)
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


def read_zip_crosswalk(path: Path, metro_areas: set[str], nonmetro_areas: dict[str, list[str]] | None = None) -> list[dict]:
    """ZIP code -> (state, the OEWS area holding most of its addresses, or None): its metro area,
    else its state's one nonmetropolitan area (`nonmetro_areas`: state -> its nonmetro area codes)."""
    nonmetro_areas = nonmetro_areas or {}
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
    rows = []
    for zip_code, (_, cbsa, state) in best.items():
        area = f"00{cbsa}" if f"00{cbsa}" in metro_areas else None
        rural = nonmetro_areas.get(state) or []
        if area is None and len(rural) == 1:
            area = rural[0]
        rows.append({"zip": zip_code, "state": state or None, "area_code": area})
    return rows


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
    rural: dict[str, set[str]] = {}
    for row in rows:
        if row["area_type"] == "nonmetro" and row["state"]:
            rural.setdefault(row["state"], set()).add(row["area_code"])
    zips = read_zip_crosswalk(crosswalk_path, metros, {state: sorted(codes) for state, codes in rural.items()})
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


