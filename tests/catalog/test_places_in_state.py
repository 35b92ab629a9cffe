"""Every place is where it is: no ZIP in the place data has impossible coordinates, each one lies
inside its own state (a box per state derived from the Census Bureau's 2017 county Gazetteer), and a
city's centre lies near the county most of its ZIP codes are in."""

from __future__ import annotations

import math
from collections import Counter

import zipcodes

from catalog import geo, places


def test_every_zip_in_the_place_data_is_inside_its_own_state():
    rows = geo._zips()
    assert len(rows) > 41_000
    outside = [(code, row["state"], row["lat"], row["long"]) for code, row in rows.items()
               if not places.in_state(row["lat"], row["long"], row["state"])]
    assert outside == []
    assert not [code for code, row in rows.items() if row["lat"] == 0 or row["long"] == 0]


def test_the_zip_table_as_shipped_puts_hundreds_of_zips_at_0_0_and_none_of_them_reach_a_person():
    zero = [row["zip_code"] for row in zipcodes.list_all() if float(row["lat"] or 0) == 0 == float(row["long"] or 0)]
    assert len(zero) >= 800 and "95214" in zero
    stockton = geo.from_zip("95214")
    assert (stockton.city, stockton.state) == ("Stockton", "CA")
    assert places.in_state(stockton.lat, stockton.lon, "CA")
    # Stockton is in the Northern California Kaiser Permanente programs name.
    assert geo.in_region("Northern California", stockton, "CA") is True


def test_every_state_box_is_where_the_state_is():
    boxes = places.state_boxes()
    assert set(boxes) >= set(geo.STATE_NAMES)
    south, north, west, east = boxes["CA"]
    assert 31 < south < 33 and 42 < north < 43.5 and -126 < west < -124 and -115 < east < -113
    assert places.in_state(64.84, -147.72, "AK") and places.in_state(51.88, -176.64, "AK")  # Fairbanks, Adak
    assert not any(places.in_state(0, 0, state) for state in boxes)
    assert not places.in_state(33.75, -84.39, "CA") and not places.in_state(37.97, -121.31, "AL")  # Atlanta, Stockton


def _county_of(city_rows: list[dict]) -> str | None:
    names = Counter(row.get("county") for row in city_rows if row.get("county"))
    return names.most_common(1)[0][0] if names else None


def test_a_city_centre_is_in_its_state_and_near_the_county_most_of_its_zips_are_in():
    by_city: dict[tuple[str, str], list[dict]] = {}
    for row in geo._zips().values():
        by_city.setdefault((row["city"], row["state"]), []).append(row)
    points = {(c["state"], c["name"].lower()): c for c in places.counties()}
    checked, far = 0, []
    for (city, state), rows in by_city.items():
        if len(rows) < 3:
            continue
        county = points.get((state, (_county_of(rows) or "").lower()))
        if county is None:
            continue
        centre = geo.from_city(city, state)
        assert places.in_state(centre.lat, centre.lon, state), (city, state)
        # Twice the county's square: long, thin counties (Washoe) and ones whose Census internal
        # point sits offshore (San Francisco, with the Farallon Islands) still hold their cities.
        reach = 2 * math.sqrt(county["area"]) + places.COUNTY_MARGIN_MILES
        if geo.distance_miles(centre.lat, centre.lon, county["lat"], county["lon"]) > reach:
            far.append((city, state, county["name"]))
        checked += 1
    assert checked > 1_000
    assert far == []


def test_stockton_and_birmingham_are_where_they_are():
    stockton = geo.from_city("Stockton")
    assert stockton.state == "CA" and geo.distance_miles(stockton.lat, stockton.lon, 37.96, -121.29) < 10
    birmingham = geo.from_city("Birmingham", "AL")
    assert geo.distance_miles(birmingham.lat, birmingham.lon, 33.52, -86.81) < 10
