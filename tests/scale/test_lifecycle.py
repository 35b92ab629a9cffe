"""Stopping and staying up: every stop signal stops every child of `python -m ops run` within a
bound; `make run` with no settings, as a newcomer runs it, makes the secrets, prints a REST channel
token that works (a client without it gets 401), keeps var/ private and gives the action server the
assistant's catalog key only; and in that same running stack (one model load for both) a child
killed is started again and the stack answers."""

from __future__ import annotations

import json
import re
import signal
import stat
import subprocess
import sys

import psutil
import pytest
import requests

from core.settings import ROOT
from ops.launcher import GENERATED_SECRETS, isolated_env
from ops.supervisor import read_status
from tests.scale.conftest import STOP_BOUND_SECONDS, Launcher


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


def rest_turn(env: dict[str, str], token: str, text: str) -> list[dict]:
    answer = requests.post(f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/rest/webhook",
                           json={"sender": "supervised-1", "message": text},
                           headers={"Authorization": f"Bearer {token}"}, timeout=60)
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


def command_of(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # gone, or a finished child not yet reaped (the daily purge)
        return ""


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory):
    """(launcher, var_dir, env): `python -m ops run` with no settings, running."""
    var_dir = tmp_path_factory.mktemp("newcomer") / "var"
    env = {**isolated_env(var_dir), **{name: "" for name in GENERATED_SECRETS}}
    launcher = Launcher(var_dir, env).start()
    try:
        launcher.wait_for_output("Health Careers Guide is running", READY_SECONDS)
        yield launcher, var_dir, env
    finally:
        launcher.kill_all()


def test_with_no_settings_the_printed_rest_token_works(newcomer):
    launcher, var_dir, env = newcomer
    stored = json.loads((var_dir / "local-secrets.json").read_text())
    printed = re.search(r"Authorization: Bearer (\S+)'", launcher.text())
    assert printed and printed.group(1) == stored["REST_CHANNEL_TOKEN"], launcher.text()

    url = f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/rest/webhook"
    body = {"sender": "newcomer", "message": "hi"}
    assert requests.post(url, json=body, timeout=10).status_code == 401
    answer = requests.post(url, json=body, headers={"Authorization": f"Bearer {printed.group(1)}"}, timeout=60)
    assert answer.status_code == 200 and answer.json()

    assert stat.S_IMODE(var_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((var_dir / "local-secrets.json").stat().st_mode) == 0o600
    [actions] = [p for p in launcher.descendants() if "run actions" in command_of(p)]
    held = actions.environ()
    assert held.get("CATALOG_BOT_KEY") == stored["CATALOG_BOT_KEY"]
    assert not held.get("CATALOG_API_KEY") and not held.get("CATALOG_ADVISOR_KEY")


def test_a_killed_process_comes_back_and_the_stack_answers(newcomer):
    launcher, var_dir, env = newcomer
    token = json.loads((var_dir / "local-secrets.json").read_text())["REST_CHANNEL_TOKEN"]
    assert rest_turn(env, token, "hi")
    for fragment, name in (("run actions", "actions"), ("serve-catalog", "catalog"), ("--enable-api", "rasa")):
        killed = launcher.child(fragment)
        killed.kill()  # SIGKILL: an out-of-memory kill or a crash
        launcher.wait_for(lambda name=name: restarted(var_dir, name), f"{name} restarted and answering", READY_SECONDS)
        assert killed.pid not in [child.pid for child in launcher.psutil_children()]
        launcher.wait_for(lambda: channels_answer(env), "the channels answering through the proxy", 30)
        # A turn that needs Rasa, the action server and the catalog gets a real answer.
        replies = " ".join(m.get("text", "") for m in rest_turn(env, token, "I want medical assistant training"))
        assert replies and "went wrong" not in replies and "can't look that up" not in replies, (name, replies)
        assert f"{name} was killed by signal 9" in launcher.text()
    check = subprocess.run([sys.executable, "-m", "ops", "check"], cwd=ROOT, env=launcher.env,
                           capture_output=True, text=True, timeout=120)
    for name in ("actions", "catalog", "rasa"):
        assert re.search(rf"{name} +running +restarts: 1 +last: {name} was killed by signal 9", check.stdout), check.stdout
    launcher.signal(signal.SIGTERM)
    code, _ = launcher.wait_exit(STOP_BOUND_SECONDS)
    assert code == 0 and launcher.survivors() == []
