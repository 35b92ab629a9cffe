"""Importing catalog files: read and validate (readers.py), then write (writers.py).

A file is checked completely before anything is written, and then written in one transaction, so
a bad file imports nothing and its error names the file, the record and the field. Records are
upserted by (source, key), so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from catalog.readers import CatalogImportError, catalog_files, read_file, validate
from catalog.records import YAML_FILES, RoleIn
from catalog.writers import check_references, write_records, write_roles

__all__ = ["CatalogImportError", "ImportResult", "catalog_files", "import_paths", "import_records"]


@dataclass
class ImportResult:
    file: str
    kind: str
    count: int
    errors: list[str] = field(default_factory=list)


def import_records(session: Session, kind: str, source: str, records: list[Any], file: str) -> ImportResult:
    """Validate then write one file's records; nothing is written if any record is bad."""
    if kind == "roles":
        valid = validate(file, RoleIn, records)
        with session.begin_nested():
            write_roles(session, source, valid)
        return ImportResult(file, kind, len(valid))
    valid = validate(file, YAML_FILES[kind], records)
    check_references(file, kind, valid, session)
    try:
        with session.begin_nested():
            write_records(session, kind, source, valid)
    except CatalogImportError as error:
        raise CatalogImportError(f"{file}: {error}") from None
    return ImportResult(file, kind, len(valid))


def import_paths(session: Session, paths: list[Path]) -> list[ImportResult]:
    """Import each file in its own transaction; a bad file is reported and the others go on."""
    results = []
    for path in paths:
        try:
            kind, source, records = read_file(path)
            result = import_records(session, kind, source, records, path.name)
            session.commit()
        except CatalogImportError as error:
            session.rollback()
            result = ImportResult(path.name, "", 0, [str(error)])
        results.append(result)
    return results

