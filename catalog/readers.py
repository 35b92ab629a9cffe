"""Reading catalog files: YAML, CSV and schema.org JobPosting feeds, checked record by record.

Nothing here touches the database: a file is read and validated completely first, so a bad file
is refused with a message naming the file, the record and the field before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from catalog.records import YAML_FILES, RoleIn

# Import order: later kinds refer to earlier ones.
KIND_ORDER = ("occupations", "organizations", "programs", "funding")


class CatalogImportError(ValueError):
    """A file that cannot be imported; the message names the file, record and field."""


def _where(file: str, index: int, record: Any) -> str:
    key = None
    if isinstance(record, dict):
        key = record.get("key") or record.get("identifier") or record.get("source_id")
        if isinstance(key, dict):
            key = key.get("value")
    return f"{file}: record {index + 1}" + (f" ({key})" if key else "")


def _validation_message(where: str, error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(record)"
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "is not a field of this schema"
    more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
    return f"{where}, field '{location}': {message}{more}"


def validate(file: str, model: type[BaseModel], records: list[Any]) -> list[BaseModel]:
    valid = []
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise CatalogImportError(f"{_where(file, index, record)}: a record must be a mapping of fields")
        try:
            valid.append(model.model_validate(record))
        except ValidationError as error:
            raise CatalogImportError(_validation_message(_where(file, index, record), error)) from None
    keys = [getattr(r, "key", None) or getattr(r, "source_id", None) for r in valid]
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise CatalogImportError(f"{_where(file, index, records[index])}: the key '{key}' appears twice in this file")
        seen.add(key)
    return valid




def read_yaml(path: Path) -> tuple[str, str, list[Any]]:
    """(kind, source, records) of a catalog YAML file."""
    try:
        # The C loader when PyYAML has it: ten thousand records parse in seconds, not a minute.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CatalogImportError(f"{path.name}: not valid YAML{where}") from None
    except UnicodeDecodeError:
        raise CatalogImportError(f"{path.name}: not a UTF-8 text file") from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise CatalogImportError(f"{path.name}: expected a mapping with 'source' and a list of 'records'")
    unknown = set(document) - {"source", "records", "kind"}
    if unknown:
        raise CatalogImportError(f"{path.name}: unknown top-level field '{sorted(unknown)[0]}'")
    kind = document.get("kind") or path.stem
    if kind not in YAML_FILES:
        raise CatalogImportError(
            f"{path.name}: cannot tell what the records are; name the file one of "
            f"{', '.join(k + '.yaml' for k in KIND_ORDER)} or add 'kind:'"
        )
    source = str(document.get("source") or path.stem)
    return kind, source, document["records"]


def _list_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted names of the list fields of a model, so CSV cells can be split on ';'."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        annotation = info.annotation
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            # Optional[X]: look at X (a rule such as eligibility.states holds its list in `value`).
            inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = inner[0] if len(inner) == 1 else annotation
            origin = typing.get_origin(annotation)
        if origin is list:
            found.add(prefix + name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found |= _list_fields(annotation, prefix + name + ".")
    return found


def _unflatten(row: dict[str, str], model: type[BaseModel]) -> dict[str, Any]:
    lists = _list_fields(model)
    record: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None:
            raise ValueError("the row has more cells than the header has columns")
        cell = (cell or "").strip()
        if cell == "":
            continue
        value: Any = [part.strip() for part in cell.split(";") if part.strip()] if column in lists else cell
        target = record
        parts = column.strip().split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return record


def read_csv(path: Path, kind: str | None = None) -> tuple[str, str, list[Any]]:
    """A CSV file: one record per row, dotted headers for nested fields (`cost.tuition`),
    `;` between the items of a list. The kind comes from the file name (`programs-2026.csv`)."""
    kind = kind or next((k for k in (*KIND_ORDER, "roles") if path.stem.startswith(k)), None)
    if kind is None:
        raise CatalogImportError(f"{path.name}: cannot tell what the rows are; start the file name with programs, funding, occupations, organizations or roles")
    model = RoleIn if kind == "roles" else YAML_FILES[kind]
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as error:
        raise CatalogImportError(f"{path.name}: not a readable CSV file ({error})") from None
    records = []
    for index, row in enumerate(rows):
        try:
            records.append(_unflatten(row, model))
        except ValueError as error:
            raise CatalogImportError(f"{path.name}: row {index + 2}: {error}") from None
    return kind, path.stem, records


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _date(value: Any) -> str | None:
    if not value:
        return None
    return str(value)[:10]


def posting_key(url: str) -> str:
    """A role key from a posting's URL (hashed when longer than a key may be)."""
    return url if len(url) <= 120 else "url-" + hashlib.sha256(url.encode()).hexdigest()[:40]


UNIT_PERIODS = {"HOUR": "hour", "YEAR": "year", "MONTH": "month", "WEEK": "week"}


def jobposting_to_role(posting: dict, demo: bool) -> dict[str, Any]:
    """The fields of a schema.org JobPosting the catalog keeps, as a RoleIn document."""
    if posting.get("@type") not in ("JobPosting", None):
        raise ValueError(f"@type is {posting.get('@type')!r}, expected 'JobPosting'")
    identifier = posting.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    if identifier is None and isinstance(posting.get("url"), str):
        # A posting without an identifier is known by its link, so the next fetch updates it.
        identifier = posting_key(posting["url"])
    location = _first(posting.get("jobLocation")) or {}
    address = location.get("address") or {}
    geo_point = location.get("geo") or {}
    salary = posting.get("baseSalary") or {}
    value = salary.get("value") or {}
    if not isinstance(value, dict):
        value = {"value": value}
    organization = posting.get("hiringOrganization") or {}
    education = posting.get("educationRequirements")
    if isinstance(education, dict):
        education = education.get("credentialCategory")
    experience = posting.get("experienceRequirements")
    if isinstance(experience, dict):
        experience = experience.get("description") or (
            f"{experience.get('monthsOfExperience')} months of experience"
            if experience.get("monthsOfExperience") is not None else None
        )
    requirements = "; ".join(str(part) for part in (education, experience) if part) or None
    soc = posting.get("occupationalCategory")
    if isinstance(soc, dict):
        soc = soc.get("codeValue")
    record = {
        "source_id": str(identifier) if identifier is not None else None,
        "title": posting.get("title"),
        "soc_code": soc,
        "employer": organization.get("name") if isinstance(organization, dict) else organization,
        "zip": address.get("postalCode"),
        "city": address.get("addressLocality"),
        "state": address.get("addressRegion"),
        "lat": geo_point.get("latitude"),
        "lon": geo_point.get("longitude"),
        "requirements": requirements,
        "pay_min": value.get("minValue", value.get("value")),
        "pay_max": value.get("maxValue", value.get("value")),
        "pay_period": UNIT_PERIODS.get(str(value.get("unitText") or salary.get("unitText") or "").upper()),
        "employment_type": _first(posting.get("employmentType")),
        "date_posted": _date(posting.get("datePosted")),
        "valid_through": _date(posting.get("validThrough")),
        "url": posting.get("url"),
        "description": posting.get("description"),
        "demo": bool(posting.get("demo", demo)),
    }
    if isinstance(posting.get("entryLevel"), bool):
        record["entry_level"] = posting["entryLevel"]
    return {k: v for k, v in record.items() if v is not None}


def read_jobpostings(document: Any, name: str) -> tuple[bool, list[Any]]:
    """(demo, role documents) of a JobPosting feed: an ItemList, a list, or one posting."""
    demo = False
    if isinstance(document, dict) and "itemListElement" in document:
        demo = bool(document.get("demo"))
        items = document["itemListElement"]
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict):
        items = [document]
    else:
        raise CatalogImportError(f"{name}: expected a JobPosting, a list of them or an ItemList")
    if not isinstance(items, list):
        raise CatalogImportError(f"{name}: itemListElement must be a list")
    roles = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("@type") == "ListItem":
            item = item.get("item")
        if not isinstance(item, dict):
            raise CatalogImportError(f"{name}: record {index + 1}: a JobPosting must be an object")
        try:
            roles.append(jobposting_to_role(item, demo))
        except (ValueError, TypeError, AttributeError) as error:
            raise CatalogImportError(f"{_where(name, index, item)}: {error}") from None
    return demo, roles


def read_json(path: Path) -> list[Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CatalogImportError(f"{path.name}: not valid JSON ({error})") from None
    return read_jobpostings(document, path.name)[1]


def read_file(path: Path) -> tuple[str, str, list[Any]]:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".csv":
        return read_csv(path)
    if suffix in (".json", ".jsonld"):
        return "roles", path.stem, read_json(path)
    raise CatalogImportError(f"{path.name}: unknown file type; use .yaml, .csv or .json/.jsonld (JobPosting)")


def catalog_files(directory: Path) -> list[Path]:
    """The catalog files of a directory, in the order their references need."""
    files = [directory / f"{kind}.yaml" for kind in KIND_ORDER if (directory / f"{kind}.yaml").exists()]
    extra = sorted(p for p in directory.iterdir() if p.suffix.lower() in (".csv", ".json", ".jsonld"))
    return files + extra


