"""Stopping: every stop signal stops every child of `python -m ops run` within a bound, and a child
that dies brings the whole stack down with a message naming it."""

from __future__ import annotations

import signal

import pytest
import requests

from ops.launcher import isolated_env
from tests.scale.conftest import STOP_BOUND_SECONDS


def catalog_answers(port: str) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def started_launcher(launcher_factory, tmp_path):
    env = isolated_env(tmp_path / "var")
    launcher = launcher_factory(tmp_path / "var", env).start()
    # Catalog up, action server and Rasa started (Rasa is still loading its model): the moment
    # an impatient operator or a rolling update stops it.
    launcher.wait_for(lambda: catalog_answers(env["CATALOG_PORT"]), "catalog answering", 180)
    launcher.wait_for(lambda: len(launcher.psutil_children()) >= 3, "three children", 30)
    return launcher


@pytest.fixture
def running(launcher_factory, tmp_path):
    launcher = started_launcher(launcher_factory, tmp_path)
    return launcher


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_stop_signal_stops_every_child_within_the_bound(running, signum):
    running.signal(signum)
    code, seconds = running.wait_exit(STOP_BOUND_SECONDS)
    assert code == 0, running.text()
    assert running.survivors() == []
    assert f"Received {signum.name}; stopping" in running.text()
    assert "Stopped." in running.text()
    print(f"{signum.name}: {len(running.children)} processes stopped in {seconds:.1f} s")


def test_a_child_that_dies_stops_the_others_and_says_which(running):
    running.children = running.descendants()
    running.child("ops serve-catalog").send_signal(signal.SIGKILL)
    code, _ = running.wait_exit(STOP_BOUND_SECONDS)
    assert code == 1
    assert "Stopping everything because catalog was killed by signal 9" in running.text()
    assert running.survivors() == []
