"""Stopping and staying up: every stop signal stops every child of `python -m ops run` within a
bound, and a child killed while the stack runs is started again and the stack answers."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import pytest
import requests

from core.settings import ROOT
from ops.launcher import isolated_env
from ops.supervisor import read_status
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


# Loading the model takes one to two minutes on two free CPUs, several times that on a busy machine.
READY_SECONDS = 900


def rest_turn(env: dict[str, str], text: str) -> list[dict]:
    answer = requests.post(f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/rest/webhook",
                           json={"sender": "supervised-1", "message": text},
                           headers={"Authorization": f"Bearer {env['REST_CHANNEL_TOKEN']}"}, timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()


def channels_answer(env: dict[str, str]) -> bool:
    """The REST channel's health through the proxy (it checks a Rasa that is down every 0.5 s)."""
    try:
        return requests.get(f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/rest/", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def restarted(var_dir, name: str) -> bool:
    process = (read_status(var_dir) or {}).get("processes", {}).get(name, {})
    return process.get("restarts") == 1 and process.get("state") == "running"


def test_a_killed_process_comes_back_and_the_stack_answers(launcher_factory, tmp_path):
    var_dir = tmp_path / "var"
    env = isolated_env(var_dir)
    launcher = launcher_factory(var_dir, env).start()
    launcher.wait_for_output("Health Careers Guide is running", READY_SECONDS)
    assert rest_turn(env, "hi")
    for fragment, name in (("run actions", "actions"), ("serve-catalog", "catalog"), ("--enable-api", "rasa")):
        killed = launcher.child(fragment)
        killed.kill()  # SIGKILL: an out-of-memory kill or a crash
        launcher.wait_for(lambda name=name: restarted(var_dir, name), f"{name} restarted and answering", READY_SECONDS)
        assert killed.pid not in [child.pid for child in launcher.psutil_children()]
        launcher.wait_for(lambda: channels_answer(env), "the channels answering through the proxy", 30)
        # A turn that needs Rasa, the action server and the catalog gets a real answer.
        replies = " ".join(m.get("text", "") for m in rest_turn(env, "I want medical assistant training"))
        assert replies and "went wrong" not in replies and "can't look that up" not in replies, (name, replies)
        assert f"{name} was killed by signal 9" in launcher.text()
    check = subprocess.run([sys.executable, "-m", "ops", "check"], cwd=ROOT, env=launcher.env,
                           capture_output=True, text=True, timeout=120)
    for name in ("actions", "catalog", "rasa"):
        assert re.search(rf"{name} +running +restarts: 1 +last: {name} was killed by signal 9", check.stdout), check.stdout
    launcher.signal(signal.SIGTERM)
    code, _ = launcher.wait_exit(STOP_BOUND_SECONDS)
    assert code == 0 and launcher.survivors() == []
