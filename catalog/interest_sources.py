"""Where the occupations' interest profiles come from, and how `data/interests/occupations.json`
is made from O*NET's `Interests` file.

O*NET's Interests data gives every O*NET-SOC occupation a level from 1 to 7 in each of the six
RIASEC areas (scale OI) and its first, second and third interest high-points (scale IH: 1 = R
... 6 = C, 0 = none). The file used is the copy in the public repository reen967/onet_data
(`interests.csv`); its rows are dated Nov-23 and come from O*NET's machine-learning estimates
(its `Date` and `Domain Source` columns). The file does not name the O*NET database release, so
neither do we. Its SHA-256 is recorded below and in the JSON, and only the rows for this guide's
occupations (data/catalog/occupations.yaml) are kept.

`python -m catalog.interest_sources INTERESTS_CSV` rebuilds the JSON and refuses a file whose
checksum differs from the one recorded here (bump SOURCE_SHA256 on purpose for a new release).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

import yaml

from core.settings import ROOT

SOURCE = "O*NET Interests (interests.csv), copy in the public repository reen967/onet_data"
SOURCE_URL = "https://github.com/reen967/onet_data/blob/1e0b737/interests.csv"
SOURCE_SHA256 = "20b7aafbc355fdcd1d96f82c9ceaab9ded5f3e6982416932a63cc21e6d4e7f43"
LICENSE = "CC BY 4.0"
# O*NET's required credit line for its database (CC BY 4.0), with the release left as the file
# leaves it: unknown.
CREDIT = ("This product includes information from the O*NET Database by the U.S. Department of Labor, "
          "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
          "O*NET® is a trademark of USDOL/ETA.")
AREAS = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
LETTERS = "RIASEC"
OUT = ROOT / "data" / "interests" / "occupations.json"
OCCUPATIONS = ROOT / "data" / "catalog" / "occupations.yaml"


def build(raw: bytes, occupations: list[dict]) -> dict:
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise ValueError(f"interests.csv has SHA-256 {digest}, not the recorded {SOURCE_SHA256}")
    by_code: dict[str, dict] = {}
    dates, domains = set(), set()
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))):
        entry = by_code.setdefault(row["O*NET-SOC Code"], {"title": row["Title"], "levels": {}, "high_points": {}})
        dates.add(row["Date"])
        domains.add(row["Domain Source"])
        name, value = row["Interests Element Name"], float(row["Data Value"])
        if row["Scale ID"] == "OI":
            entry["levels"][name[0]] = value
        elif row["Scale ID"] == "IH":
            entry["high_points"][name.split()[0]] = int(value)
    profiles, missing = {}, []
    for occupation in occupations:
        found = by_code.get(occupation["soc_code"])
        if found is None or len(found["levels"]) != 6:
            missing.append(occupation["key"])
            continue
        order = [found["high_points"].get(rank, 0) for rank in ("First", "Second", "Third")]
        profiles[occupation["key"]] = {
            "soc_code": occupation["soc_code"], "onet_title": found["title"],
            "levels": [found["levels"][letter] for letter in LETTERS],
            "high_point_code": "".join(LETTERS[n - 1] for n in order if n),
        }
    return {
        "source": SOURCE, "source_url": SOURCE_URL, "sha256": SOURCE_SHA256, "license": LICENSE, "credit": CREDIT,
        "release": "not named in the file", "dates": sorted(dates), "domain_source": sorted(domains),
        "scale": "OI levels 1 (low) to 7 (high), in the order R, I, A, S, E, C",
        "without_profile": missing, "occupations": profiles,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m catalog.interest_sources INTERESTS_CSV", file=sys.stderr)
        return 2
    occupations = yaml.safe_load(OCCUPATIONS.read_text())["records"]
    try:
        built = build(Path(argv[0]).read_bytes(), occupations)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    OUT.write_text(json.dumps(built, indent=1, sort_keys=False) + "\n")
    print(f"{len(built['occupations'])} occupations written to {OUT.relative_to(ROOT)}; without a profile: {built['without_profile']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
