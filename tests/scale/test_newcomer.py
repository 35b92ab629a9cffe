"""`make run` with no settings, as a newcomer runs it: the launcher makes the secrets, prints a
REST channel token that works (a client without it gets 401), keeps var/ private, and gives the
action server the assistant's catalog key only."""

from __future__ import annotations

import json
import re
import signal
import stat

import psutil
import requests

from ops.launcher import GENERATED_SECRETS, isolated_env
from tests.scale.conftest import STOP_BOUND_SECONDS

START_TIMEOUT = 20 * 60


def command_of(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # gone, or a finished child not yet reaped (the daily purge)
        return ""


def test_with_no_settings_the_printed_rest_token_works(launcher_factory, tmp_path):
    var_dir = tmp_path / "var"
    env = {**isolated_env(var_dir), **{name: "" for name in GENERATED_SECRETS}}
    launcher = launcher_factory(var_dir, env).start()
    launcher.wait_for_output("Health Careers Guide is running", START_TIMEOUT)
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

    launcher.children = launcher.descendants()
    launcher.signal(signal.SIGTERM)
    code, _ = launcher.wait_exit(STOP_BOUND_SECONDS)
    assert code == 0 and launcher.survivors() == []
