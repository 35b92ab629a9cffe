"""`make audit`: the lock files' pins against the PyPA advisory snapshot kept in the repository.
It must be able to fail: a known-vulnerable pin is reported and fails the audit."""

from __future__ import annotations

import subprocess
import sys

from core.settings import ROOT
from ops import audit


def run_audit(*locks) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ops", "audit", *map(str, locks)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_a_known_vulnerable_pin_is_reported_and_fails_the_audit(tmp_path):
    lock = tmp_path / "old.lock"
    lock.write_text("jinja2==2.10\n    # via flask\nrequests[socks]==2.19.0 ; python_version >= '3'\nidna==3.20\n")
    result = run_audit(lock)
    assert result.returncode == 1, result.stdout
    assert "jinja2==2.10: PYSEC-2019-217 (CVE-2019-10906" in result.stdout and "fixed in 2.10.1." in result.stdout
    assert "requests==2.19.0: PYSEC-2018-28" in result.stdout
    assert "old.lock: 3 pins, " in result.stdout
    assert "idna==" not in result.stdout


def test_fixed_versions_and_ranges_are_read_as_the_database_means_them():
    advisory = {"id": "X", "affected": [{"package": {"name": "Jinja2"}, "ranges": [
        {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.10.1"}]},
        {"type": "ECOSYSTEM", "events": [{"introduced": "3.0"}, {"last_affected": "3.0.2"}]},
        {"type": "GIT", "events": [{"introduced": "0"}, {"fixed": "abc123"}]}]}]}
    assert audit.affected(advisory, "jinja2", "2.10") == ("2.10.1",)
    assert audit.affected(advisory, "jinja2", "2.10.1") is None
    assert audit.affected(advisory, "jinja2", "3.0.2") is not None
    assert audit.affected(advisory, "jinja2", "3.0.3") is None
    assert audit.affected({**advisory, "withdrawn": "2024-01-01"}, "jinja2", "2.10") is None


def test_both_lock_files_are_audited_against_the_recorded_snapshot():
    source = (audit.ADVISORIES / "SOURCE.md").read_text()
    assert "commit: 3ccb612573e2511ab5cad7dafecd838605c80cda" in source and "2024-10-10" in source
    result = run_audit()
    print(result.stdout)
    assert "catalog.lock: " in result.stdout and "rasa.lock: " in result.stdout
    # Every package pinned that the database knows of has its entries in the snapshot.
    assert {"jinja2", "requests", "aiohttp", "sanic", "tensorflow"} <= {d.name for d in audit.ADVISORIES.iterdir()}
    assert result.returncode == 0, result.stdout
