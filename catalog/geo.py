"""Places: ZIP codes and cities to coordinates (offline: catalog/places.py says where the ZIP
table comes from and how every ZIP is kept inside its own state), distances, and the named regions
programs serve."""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache

from catalog import places

ZIP_RE = re.compile(r"^\d{5}$")
EARTH_RADIUS_MILES = 3958.8

STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico",
}
STATE_CODES = {name.lower(): code for code, name in STATE_NAMES.items()}


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    city: str | None
    state: str | None
    zip: str | None = None
    # A city's ZIP codes (in the chosen state), for facts kept by ZIP such as the metro area.
    zips: tuple[str, ...] = ()


class UnknownPlace(ValueError):
    """A ZIP or city we cannot place; the message says which, in plain words."""


def state_code(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.upper() in STATE_NAMES:
        return value.upper()
    return STATE_CODES.get(value.lower())


@lru_cache(maxsize=4096)
def from_zip(zip_code: str) -> Place:
    if not ZIP_RE.match(zip_code or ""):
        raise UnknownPlace(f"'{zip_code}' is not a ZIP code: use 5 digits, like 93701.")
    row = _zips().get(zip_code)
    if row is None:
        raise UnknownPlace(f"ZIP code {zip_code} is not a US ZIP code we know.")
    return Place(row["lat"], row["long"], row["city"].title(), row["state"], zip_code)


def _zips() -> dict[str, dict]:
    """ZIP code -> its row, every one inside its own state (catalog/places.py)."""
    return places.zip_rows()


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    """Lower-case city name -> its ZIP rows, built once from the offline ZIP table."""
    index: dict[str, list[dict]] = {}
    for row in _zips().values():
        for name in [row["city"], *row.get("acceptable_cities", [])]:
            index.setdefault(name.lower(), []).append(row)
    return index


SHORT_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
SHORT_WORD = re.compile(r"^(st|ste|ft|mt)\.?\s+")


@lru_cache(maxsize=4096)
def from_city(city: str, state: str | None = None) -> Place:
    code = state_code(state) if state else None
    if state and not code:
        raise UnknownPlace(f"'{state}' is not a US state we know.")
    wanted = " ".join(city.lower().split())
    rows = _cities().get(wanted, [])
    if not rows and SHORT_WORD.match(wanted):
        # "St. Louis", "Ft Worth", "Mt Shasta": the ZIP table spells the first word out.
        wanted = SHORT_WORD.sub(lambda m: SHORT_WORDS[m.group(1)] + " ", wanted)
        rows = _cities().get(wanted, [])
    if code:
        rows = [row for row in rows if row["state"] == code]
    if not rows:
        where = f"{city}, {code}" if code else city
        raise UnknownPlace(f"We could not find the city '{where}'. Try a ZIP code.")
    # A city name shared by several states is ambiguous without one; take the one with most ZIPs.
    states: dict[str, list[dict]] = {}
    for row in rows:
        states.setdefault(row["state"], []).append(row)
    chosen = max(states.values(), key=len)
    # The median ZIP, not the mean: one far-off PO-box ZIP does not move a city's centre.
    lat = statistics.median(row["lat"] for row in chosen)
    lon = statistics.median(row["long"] for row in chosen)
    zips = tuple(row["zip_code"] for row in chosen)
    # Named as typed when the name is one of the city's other names (Pasadena's ZIPs are filed
    # under La Canada Flintridge too).
    name = next((row["city"] for row in chosen if row["city"].lower() == wanted), wanted)
    return Place(lat, lon, name.title(), chosen[0]["state"], zips=zips)


def locate(zip_code: str | None = None, city: str | None = None, state: str | None = None) -> Place | None:
    if zip_code:
        return from_zip(zip_code)
    if city:
        return from_city(city, state)
    return None


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))


def bounding_box(place: Place, radius_miles: float) -> tuple[float, float, float, float]:
    """Latitude and longitude limits that contain the circle, for an indexed pre-filter."""
    dlat = radius_miles / 69.0
    dlon = radius_miles / max(1.0, 69.0 * math.cos(math.radians(place.lat)))
    return place.lat - dlat, place.lat + dlat, place.lon - dlon, place.lon + dlon


# Regions the seed programs name. Each is a state plus a latitude band or a circle, so a ZIP or
# city decides membership without a hand-kept list of towns.
@dataclass(frozen=True)
class Region:
    state: str
    min_lat: float = -90
    max_lat: float = 90
    center: tuple[float, float] | None = None
    radius_miles: float = 0


REGIONS = {
    # Kaiser Permanente's own split of California: Northern California reaches Fresno (36.7 N).
    "northern california": Region("CA", min_lat=36.0),
    "southern california": Region("CA", max_lat=36.0),
    "seattle area": Region("WA", center=(47.6062, -122.3321), radius_miles=60),
    "puget sound": Region("WA", center=(47.6062, -122.3321), radius_miles=80),
    "washington": Region("WA"),
    "georgia": Region("GA"),
    "mid-atlantic": Region("MD"),
}


def in_region(region_name: str, place: Place | None, state: str | None) -> bool | None:
    """True or False when the place settles it, None when we do not know enough."""
    region = REGIONS.get(region_name.strip().lower())
    if region is None:
        return None
    where_state = (place.state if place else None) or state
    if where_state and where_state != region.state:
        return False
    if place is None:
        return None if region.center or region.min_lat > -90 or region.max_lat < 90 else (
            True if where_state == region.state else None
        )
    if region.center:
        return distance_miles(place.lat, place.lon, *region.center) <= region.radius_miles
    return region.min_lat <= place.lat < region.max_lat


# ---------------------------------------------------------------- a place as people type it

# Names people use for a place that are not its postal name. "LA" alone is Los Angeles (people
# who mean Louisiana write the state's name); after a city it is still the state code.
NICKNAMES = {
    "la": ("Los Angeles", "CA", None), "l a": ("Los Angeles", "CA", None),
    "sf": ("San Francisco", "CA", None), "san fran": ("San Francisco", "CA", None),
    "bay area": ("San Francisco", "CA", "the Bay Area, CA"),
    "sf bay area": ("San Francisco", "CA", "the Bay Area, CA"),
    "san francisco bay area": ("San Francisco", "CA", "the Bay Area, CA"),
    "nyc": ("New York", "NY", None), "new york city": ("New York", "NY", None),
    "philly": ("Philadelphia", "PA", None), "vegas": ("Las Vegas", "NV", None),
    "nola": ("New Orleans", "LA", None), "atl": ("Atlanta", "GA", None), "chi town": ("Chicago", "IL", None),
}
# Regions that name a state and nothing narrower: the state is known, the city is not.
STATE_NICKNAMES = {
    "socal": "CA", "so cal": "CA", "southern california": "CA", "norcal": "CA", "nor cal": "CA",
    "northern california": "CA", "washington state": "WA", "dc": "DC", "d c": "DC",
}
LEAD_WORDS = re.compile(r"^(?:i\s+live\s+in|i\s+m\s+in|im\s+in|living\s+in|in|near|around|from|the)\s+")
ZIP_IN_TEXT = re.compile(r"\b(\d{5})(?:-\d{4})?\b")


@dataclass(frozen=True)
class Understood:
    """A place as typed, understood: `place` for a ZIP or city, only `state` for a state, or a
    `problem` sentence when it is not a place we know (never a guess)."""

    text: str
    place: Place | None = None
    state: str | None = None
    name: str | None = None
    problem: str | None = None
    # How wages.locate finds the pay area: the ZIP, or the city and state.
    zip: str | None = None
    city: str | None = None


def _plain(text: str) -> str:
    text = text.lower().replace(".", " ").replace("’", "'")
    text = re.sub(r"[^a-z0-9,' ]+", " ", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous, text = text, LEAD_WORDS.sub("", text)
    return text.strip(" ,")


def _city(text: str, city: str, state: str | None, name: str | None = None) -> Understood:
    place = from_city(city, state)
    return Understood(text, place, place.state, name or f"{place.city}, {place.state}", city=city)


def _split_state(words: str) -> tuple[str, str] | None:
    """("houston", "TX") from "houston, tx", "houston texas", "new york ny"; None without a state."""
    if "," in words:
        city, state = (part.strip() for part in words.rsplit(",", 1))
        code = state_code(state) or STATE_NICKNAMES.get(state)
        return (city, code) if city and code else None
    parts = words.split()
    for size in (3, 2, 1):
        if len(parts) > size:
            code = state_code(" ".join(parts[-size:]))
            if code:
                return " ".join(parts[:-size]), code
    return None


def understand(text: str) -> Understood:
    """Any US ZIP, city (with or without a state), state name or code, or a common nickname
    ("LA", "the Bay Area", "NYC"). A city without a state is the state where the name has most
    ZIP codes (Seattle is in Washington)."""
    raw = (text or "").strip()
    found = ZIP_IN_TEXT.search(raw)
    try:
        if found:
            place = from_zip(found.group(1))
            return Understood(raw, place, place.state, f"{place.city}, {place.state}", zip=found.group(1))
        words = _plain(raw)
        bare = words.replace(",", " ").strip()
        bare = " ".join(bare.split())
        if bare in NICKNAMES:
            city, state, name = NICKNAMES[bare]
            return _city(raw, city, state, name)
        code = state_code(bare) or STATE_NICKNAMES.get(bare)
        if code:
            return Understood(raw, None, code, STATE_NAMES[code])
        split = _split_state(words)
        if split:
            city, code = split
            city = city.strip(" ,")
            if city in NICKNAMES and NICKNAMES[city][1] == code:
                city_name, state, name = NICKNAMES[city]
                return _city(raw, city_name, state, name)
            try:
                return _city(raw, city, code)
            except UnknownPlace:
                pass
        if bare:
            return _city(raw, bare, None)
    except UnknownPlace:
        pass
    return not_placed(raw)


def not_placed(text: str) -> Understood:
    """Said back, never guessed."""
    return Understood(text, problem=f"I couldn't place '{text}'. Send a ZIP code, or a city and state like Fresno, CA.")
