"""The ZIP table behind every place, checked against where each state is.

ZIP codes, their cities, states, counties and coordinates come from the `zipcodes` package
(offline). Its table gives some ZIPs impossible coordinates (0,0 for hundreds of PO-box, unique
and military ZIPs, Stockton's 95214 among them). Where each state is comes from the U.S. Census
Bureau's 2017 Gazetteer of counties (`data/places/census-counties-2017.psv`: each county's land
and water area and its internal point): a state's box is the union of a square around each of its
counties' internal points, of half-side sqrt(area) + 10 miles, so it holds the whole county even
when the county is long and thin.

A ZIP whose coordinates fall outside its own state's box takes the centre of the other ZIPs of
its city in that state, else its county's internal point; with neither it is left out. ZIPs of
places that are not states (military APO/FPO codes, territories other than Puerto Rico) are left
out: the guide covers the states, DC and Puerto Rico.
"""

from __future__ import annotations

import csv
import math
import statistics
from functools import lru_cache

import zipcodes

from core.settings import ROOT

COUNTIES = ROOT / "data" / "places" / "census-counties-2017.psv"
MILES_PER_DEGREE = 69.0
# Half-side of each county's square beyond sqrt(area): room for a county's odd shape.
COUNTY_MARGIN_MILES = 10.0


def east(lon: float) -> float:
    """Longitudes as one run west of Greenwich: Alaska's Aleutians cross 180 degrees."""
    return lon - 360.0 if lon > 0 else lon


@lru_cache(maxsize=1)
def counties() -> list[dict]:
    with COUNTIES.open(newline="", encoding="utf-8") as handle:
        return [
            {"state": row["state"], "name": row["name"], "area": float(row["area_sqmi"]),
             "lat": float(row["lat"]), "lon": east(float(row["lon"]))}
            for row in csv.DictReader(handle, delimiter="|")
        ]


@lru_cache(maxsize=1)
def state_boxes() -> dict[str, tuple[float, float, float, float]]:
    """State code -> (south, north, west, east) in degrees, from its counties."""
    boxes: dict[str, list[float]] = {}
    for county in counties():
        reach = math.sqrt(county["area"]) + COUNTY_MARGIN_MILES
        dlat = reach / MILES_PER_DEGREE
        dlon = reach / (MILES_PER_DEGREE * math.cos(math.radians(county["lat"])))
        box = boxes.setdefault(county["state"], [90.0, -90.0, 180.0, -360.0])
        box[0], box[1] = min(box[0], county["lat"] - dlat), max(box[1], county["lat"] + dlat)
        box[2], box[3] = min(box[2], county["lon"] - dlon), max(box[3], county["lon"] + dlon)
    return {state: tuple(box) for state, box in boxes.items()}


def in_state(lat: float, lon: float, state: str) -> bool:
    box = state_boxes().get(state)
    return bool(box) and box[0] <= lat <= box[1] and box[2] <= east(lon) <= box[3]


def _county_point(state: str, county: str | None) -> tuple[float, float] | None:
    wanted = (county or "").lower()
    for row in counties():
        if row["state"] == state and row["name"].lower() == wanted:
            return row["lat"], row["lon"]
    return None


@lru_cache(maxsize=1)
def zip_rows() -> dict[str, dict]:
    """ZIP code -> its row (`lat`, `long` as floats), every one inside its own state."""
    rows = [row for row in zipcodes.list_all() if row["state"] in state_boxes()]
    placed, misplaced = {}, []
    for row in rows:
        lat, lon = float(row["lat"] or 0), float(row["long"] or 0)
        if in_state(lat, lon, row["state"]):
            placed[row["zip_code"]] = {**row, "lat": lat, "long": lon, "fixed": None}
        else:
            misplaced.append(row)
    by_city: dict[tuple[str, str], list[dict]] = {}
    for row in placed.values():
        by_city.setdefault((row["city"].lower(), row["state"]), []).append(row)
    for row in misplaced:
        neighbours = by_city.get((row["city"].lower(), row["state"]))
        if neighbours:
            point = (statistics.median(r["lat"] for r in neighbours), statistics.median(r["long"] for r in neighbours))
            how = "city"
        else:
            point, how = _county_point(row["state"], row.get("county")), "county"
        if point and in_state(*point, row["state"]):
            placed[row["zip_code"]] = {**row, "lat": point[0], "long": point[1], "fixed": how}
    return placed
