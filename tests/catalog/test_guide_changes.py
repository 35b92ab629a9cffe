"""The guide keeps the occupation and name indexes per process; an import, by the API or by
another process, is seen at the next request, never an answer from the records before it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sqlalchemy.orm import Session

from catalog import changes, importers
from core.settings import ROOT

ORGANIZATION = """\
source: test
records:
  - key: test_college
    name: {name}
    roles: [provider]
    aliases: [TCC]
    source_url: https://example.org/college
    sources: ["https://example.org/college"]
    recorded: 2026-11-01
"""
OCCUPATION = """\
source: test
records:
  - key: phlebotomist
    title: Phlebotomist
    soc_code: 31-9097.00
    aliases: [{alias}]
    source_url: https://www.onetonline.org/link/summary/31-9097.00
    last_verified: 2026-11-01
"""


def _import_in_another_process(server, path) -> None:
    """As an operator does it, with `python -m ops import`, beside the running service."""
    env = {**os.environ, "CATALOG_DATABASE_URL": server.engine.url.render_as_string(hide_password=False)}
    done = subprocess.run([sys.executable, "-m", "ops", "import", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _about(client, name: str) -> dict:
    response = client.post("/guide/about", json={"name": name})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_renamed_organisation_is_found_by_its_new_name_at_once(small_catalog, tmp_path):
    client = small_catalog.client
    assert _about(client, "Test Community College")["found"] is True
    assert _about(client, "Riverbend Learning Center")["found"] is False
    path = tmp_path / "organizations.yaml"
    path.write_text(ORGANIZATION.format(name="Riverbend Learning Center"))
    _import_in_another_process(small_catalog, path)
    renamed = _about(client, "Riverbend Learning Center")
    assert renamed["found"] is True and renamed["key"] == "test_college"
    assert renamed["name"] == "Riverbend Learning Center"
    assert _about(client, "Test Community College")["found"] is False
    # And back, so the module's other tests see the catalog they expect.
    path.write_text(ORGANIZATION.format(name="Test Community College"))
    _import_in_another_process(small_catalog, path)
    assert _about(client, "Test Community College")["found"] is True
    assert _about(client, "Riverbend Learning Center")["found"] is False


def test_a_new_alias_finds_its_career_at_once(small_catalog, tmp_path):
    client = small_catalog.client
    asked = {"occupation": "blood draw specialist", "facts": {"place": "Fresno, CA"}}
    assert client.post("/guide/career", json=asked).json()["found"] is False
    path = tmp_path / "occupations.yaml"
    path.write_text(OCCUPATION.format(alias="blood draw specialist"))
    _import_in_another_process(small_catalog, path)
    found = client.post("/guide/career", json=asked).json()
    assert found["found"] is True and found["occupation"]["key"] == "phlebotomist"
    path.write_text(OCCUPATION.format(alias="phlebo"))
    _import_in_another_process(small_catalog, path)
    assert client.post("/guide/career", json=asked).json()["found"] is False
    assert client.post("/guide/career", json={"occupation": "phlebo"}).json()["found"] is True


def test_only_a_written_import_changes_the_stamp(small_catalog, tmp_path):
    with Session(small_catalog.engine) as session:
        before = changes.stamp(session)
        assert before
        bad = tmp_path / "organizations.yaml"
        bad.write_text(textwrap.dedent("""\
            source: test
            records:
              - key: test_college
        """))
        assert importers.import_paths(session, [bad])[0].errors
        assert changes.stamp(session) == before
        # A feed's roles are records too (the API import, like a feed poll, writes roles).
    response = small_catalog.writer.post("/imports/jobpostings", params={"source": "stamp-test"}, json={
        "@context": "https://schema.org", "@type": "JobPosting", "identifier": "stamp-1",
        "title": "Phlebotomist", "hiringOrganization": {"name": "Test Hospital"},
        "jobLocation": {"address": {"addressLocality": "Fresno", "addressRegion": "CA", "postalCode": "93701"}},
        "datePosted": "2026-11-01", "url": "https://example.org/jobs/stamp-1",
    })
    assert response.status_code == 200, response.text
    with Session(small_catalog.engine) as session:
        assert changes.stamp(session) != before
