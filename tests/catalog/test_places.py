"""Places as people type them: any US ZIP, a city with or without its state, a state, or a
nickname; never a guess."""

from __future__ import annotations

import pytest

from catalog import geo


@pytest.mark.parametrize("said,name,state", [
    ("Houston Texas", "Houston, TX", "TX"), ("houston, tx", "Houston, TX", "TX"), ("Seattle", "Seattle, WA", "WA"),
    ("LA", "Los Angeles, CA", "CA"), ("SF", "San Francisco, CA", "CA"), ("the Bay Area", "the Bay Area, CA", "CA"),
    ("NYC", "New York, NY", "NY"), ("93701", "Fresno, CA", "CA"), ("Fresno CA 93701", "Fresno, CA", "CA"),
    ("I live in Fresno", "Fresno, CA", "CA"), ("Texas", "Texas", "TX"), ("wa", "Washington", "WA"),
    ("St. Louis", "Saint Louis, MO", "MO"), ("Pasadena, CA", "Pasadena, CA", "CA"), ("portland oregon", "Portland, OR", "OR"),
    ("Lafayette, LA", "Lafayette, LA", "LA"), ("Salt Lake City Utah", "Salt Lake City, UT", "UT"), ("socal", "California", "CA"),
])
def test_places_as_people_type_them(said, name, state):
    place = geo.understand(said)
    assert (place.name, place.state, place.problem) == (name, state, None)
    assert place.text == said


def test_a_city_or_zip_has_coordinates_and_what_the_pay_lookup_needs():
    pasadena = geo.understand("Pasadena, CA")
    # Pasadena's ZIP codes are filed under a neighbouring city's name too; the place keeps its own.
    assert pasadena.place.city == "Pasadena" and "91101" in pasadena.place.zips and pasadena.city == "pasadena"
    assert 34.0 < pasadena.place.lat < 34.3
    fresno = geo.understand("93701")
    assert fresno.zip == "93701" and fresno.place.zip == "93701"
    assert geo.understand("Texas").place is None


@pytest.mark.parametrize("said", ["Pasadna", "nurse", "medical assistant", "doctor", "00000", "asdfgh", ""])
def test_what_is_not_a_place_is_said_back(said):
    place = geo.understand(said)
    assert place.place is None and place.state is None and place.name is None
    assert place.problem == f"I couldn't place '{said}'. Send a ZIP code, or a city and state like Fresno, CA."
