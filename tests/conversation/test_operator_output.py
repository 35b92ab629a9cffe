"""What operators see printed: `python -m ops check` and the launcher's banner never show a
password or a secret the operator set; the secrets a local run generates are kept 0600."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from urllib.parse import urlsplit

from ops.launcher import CATALOG_PYTHON, GENERATED_SECRETS, Stack, local_secrets
from ops.run import banner
from core.settings import ROOT

SECRETS = {
    "CATALOG_DATABASE_URL": "postgresql://postgres:catalog-pw-123@127.0.0.1:5432/test",
    "TRACKER_DB_URL": "postgresql://postgres:tracker-pw-456@127.0.0.1:5432/test",
    "REDIS_URL": "redis://:redis-pw-789@127.0.0.1:6379/0",
    "REST_CHANNEL_TOKEN": "rest-token-abc",
    "CATALOG_BOT_KEY": "bot-key-def",
    "CATALOG_ADVISOR_KEY": "advisor-key-ghi",
    "TWILIO_AUTH_TOKEN": "twilio-token-jkl",
}


def check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(CATALOG_PYTHON), "-m", "ops", "check"], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120)


def test_bot_check_masks_passwords_and_secrets():
    done = check(SECRETS)
    shown = done.stdout + done.stderr
    assert done.returncode == 0, shown
    for value in SECRETS.values():
        secret = urlsplit(value).password if "://" in value else value
        assert secret and secret not in shown, secret
    assert "postgresql://postgres:***@127.0.0.1:5432/test" in shown
    assert "redis://:***@127.0.0.1:6379/0" in shown
    assert "catalog database: reachable" in shown

    # The same when the database refuses and the error quotes where it tried.
    done = check({**SECRETS, "CATALOG_DATABASE_URL": "postgresql://nobody:error-pw-000@127.0.0.1:1/none"})
    assert done.returncode == 1 and "NOT reachable" in done.stdout
    assert "error-pw-000" not in done.stdout + done.stderr


def test_generated_secrets_are_private_and_printed_only_when_generated(tmp_path, monkeypatch):
    for name in GENERATED_SECRETS:
        monkeypatch.delenv(name, raising=False)
    var_dir = tmp_path / "var"
    (var_dir / "logs").mkdir(parents=True)
    (var_dir / "logs" / "rasa.log").write_text("left by an earlier version")
    (var_dir / "logs" / "rasa.log").chmod(0o644)
    generated = local_secrets(var_dir)
    assert stat.S_IMODE((var_dir / "logs" / "rasa.log").stat().st_mode) == 0o600
    assert stat.S_IMODE((var_dir / "logs").stat().st_mode) == 0o700
    assert set(generated) == set(GENERATED_SECRETS) and all(generated.values())
    assert stat.S_IMODE(var_dir.stat().st_mode) == 0o700
    stored = var_dir / "local-secrets.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert json.loads(stored.read_text()) == generated
    assert local_secrets(var_dir) == generated  # kept across restarts

    monkeypatch.setenv("VAR_DIR", str(var_dir))
    text = banner(Stack(env=generated))
    assert f"Authorization: Bearer {generated['REST_CHANNEL_TOKEN']}" in text
    # An operator's own token is referred to by name, not printed.
    monkeypatch.setenv("REST_CHANNEL_TOKEN", "operator-token")
    monkeypatch.setenv("RASA_API_TOKEN", "operator-api-token")
    text = banner(Stack(env={"REST_CHANNEL_TOKEN": "operator-token", "RASA_API_TOKEN": "operator-api-token"}))
    assert "operator-token" not in text and "operator-api-token" not in text
    assert "Bearer $REST_CHANNEL_TOKEN" in text
