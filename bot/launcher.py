"""Starts the three processes (catalog, action server, Rasa) and stops them together.

`make run` and the end-to-end test fixture both use `Stack`, so what the tests exercise is what an
operator runs. Each process gets the same environment, so settings agree across them.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import ROOT, load

CATALOG_PYTHON = ROOT / ".venv" / "bin" / "python"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
MODEL = ROOT / "models" / "assistant.tar.gz"

# Secrets a local run needs; made once and kept in var/ so sessions and referrals survive a restart.
GENERATED_SECRETS = ("RASA_API_TOKEN", "CATALOG_API_KEY", "WEB_SESSION_SECRET")


def local_secrets(var_dir: Path) -> dict[str, str]:
    """Secrets from the environment, or generated once and stored (mode 0600) under var/."""
    path = var_dir / "local-secrets.json"
    stored: dict[str, str] = {}
    if path.exists():
        stored = json.loads(path.read_text())
    changed = False
    for name in GENERATED_SECRETS:
        if not os.environ.get(name) and name not in stored:
            stored[name] = secrets.token_urlsafe(24)
            changed = True
    if changed:
        var_dir.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(json.dumps(stored, indent=2))
    return {name: os.environ.get(name) or stored[name] for name in GENERATED_SECRETS}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_env(var_dir: Path) -> dict[str, str]:
    """A stack of its own (tests, benchmarks): free ports, SQLite files under `var_dir`, fresh
    random secrets, no Redis, no telemetry."""
    rasa_port = free_port()
    return {
        "VAR_DIR": str(var_dir),
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(free_port()),
        "CATALOG_PORT": str(free_port()),
        "CATALOG_DATABASE_URL": f"sqlite:///{var_dir / 'catalog.db'}",
        "TRACKER_DB_URL": f"sqlite:///{var_dir / 'conversations.db'}",
        "CATALOG_API_KEY": secrets.token_urlsafe(16),
        "RASA_API_TOKEN": secrets.token_urlsafe(16),
        "WEB_SESSION_SECRET": secrets.token_urlsafe(24),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{rasa_port}",
        "WEB_ALLOWED_ORIGINS": f"http://127.0.0.1:{rasa_port},http://localhost:{rasa_port}",
        "REDIS_URL": "",
        "RASA_TELEMETRY_ENABLED": "false",
    }


def lock_store(redis_url: str) -> str:
    """The lock_store entry of endpoints.yml (indented below its key)."""
    if not redis_url:
        return "type: in_memory"
    url = urllib.parse.urlsplit(redis_url)
    lines = [
        "type: redis", f"url: {url.hostname or '127.0.0.1'}", f"port: {url.port or 6379}",
        f"db: {(url.path or '/0').lstrip('/') or 0}",
    ]
    if url.password:
        lines.append(f"password: {json.dumps(urllib.parse.unquote(url.password))}")
    return "\n  ".join(lines)


@dataclass
class Process:
    name: str
    command: list[str]
    ready_url: str
    popen: subprocess.Popen | None = None
    log_path: Path | None = None

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Stack:
    """The catalog, action server and Rasa server, configured by one environment."""

    env: dict[str, str] = field(default_factory=dict)
    model: Path = MODEL
    processes: list[Process] = field(default_factory=list)

    def __post_init__(self) -> None:
        base = dict(os.environ)
        base.update(self.env)
        # Settings are read from this environment, so every process and this one agree.
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(base)
        try:
            self.settings = load()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        s = self.settings
        base.setdefault("CATALOG_URL", s.catalog_base_url)
        base.setdefault("ACTION_ENDPOINT_URL", s.action_url)
        base["PYTHONPATH"] = str(ROOT)
        base.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        # Rasa reuses connections to the action server; rasa-sdk 3.6 closes idle ones after 5 s,
        # and a request sent on a closing one fails. Keep them open longer than Rasa does.
        base.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", "120")
        base.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        self.env = base

    @property
    def catalog_url(self) -> str:
        return self.settings.catalog_base_url

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.action_port}"

    @property
    def catalog_api_key(self) -> str:
        return self.settings.catalog_api_key

    @property
    def rasa_api_token(self) -> str:
        return self.settings.rasa_api_token

    @property
    def tracker_db_url(self) -> str:
        return self.settings.tracker_db_url

    def endpoints_file(self) -> Path:
        """endpoints.yml with its ${VARIABLES} filled from this stack's environment. Rasa 3.6's
        own substitution does not reach its YAML reader, so the launcher does it."""
        values = {**self.env, "LOCK_STORE": lock_store(self.settings.redis_url)}
        text = string.Template((ROOT / "endpoints.yml").read_text()).substitute(values)
        path = self.settings.var_dir / "endpoints.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def _plan(self) -> list[Process]:
        s = self.settings
        return [
            Process(
                "catalog",
                [str(CATALOG_PYTHON), "-m", "catalog", "serve"],
                f"{self.catalog_url}/healthz",
            ),
            Process(
                "actions",
                [str(RASA), "run", "actions", "--actions", "actions", "-p", str(s.action_port)],
                f"{self.action_url}/health",
            ),
            Process(
                "rasa",
                [
                    str(RASA), "run", "-m", str(self.model), "--enable-api",
                    "--auth-token", s.rasa_api_token, "--credentials", "credentials.yml",
                    "--endpoints", str(self.endpoints_file()), "-p", str(s.rasa_port),
                ],
                f"{self.rasa_url}/status?token={s.rasa_api_token}",
            ),
        ]

    def start(self, timeout: float = 240.0) -> "Stack":
        if not self.model.exists():
            raise RuntimeError(f"No trained model at {self.model}: run `make model` first.")
        log_dir = self.settings.var_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.processes = self._plan()
        for proc in self.processes:
            proc.log_path = log_dir / f"{proc.name}.log"
            log = open(proc.log_path, "w")
            proc.popen = subprocess.Popen(
                proc.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        for proc in self.processes:
            self._wait_ready(proc, deadline)
        return self

    def _wait_ready(self, proc: Process, deadline: float) -> None:
        while time.monotonic() < deadline:
            if proc.popen and proc.popen.poll() is not None:
                self.stop()
                raise RuntimeError(f"{proc.name} exited early:\n{proc.log_tail()}")
            try:
                with urllib.request.urlopen(proc.ready_url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{proc.name} was not ready in time:\n{proc.log_tail()}")

    def stop(self) -> None:
        for proc in reversed(self.processes):
            if proc.popen and proc.popen.poll() is None:
                os.killpg(proc.popen.pid, signal.SIGTERM)
        for proc in reversed(self.processes):
            if not proc.popen:
                continue
            try:
                proc.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.popen.pid, signal.SIGKILL)
                proc.popen.wait()

    def _process(self, name: str) -> Process:
        return next(proc for proc in self.processes if proc.name == name)

    def stop_process(self, name: str) -> None:
        """Stop one process (the tests use it to show what happens while a service is down)."""
        proc = self._process(name)
        if proc.popen and proc.popen.poll() is None:
            os.killpg(proc.popen.pid, signal.SIGTERM)
            proc.popen.wait(timeout=20)

    def start_process(self, name: str, timeout: float = 240.0) -> None:
        proc = self._process(name)
        log = open(proc.log_path, "a")
        proc.popen = subprocess.Popen(
            proc.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_ready(proc, time.monotonic() + timeout)

    def restart(self, name: str, timeout: float = 240.0) -> None:
        """Stop one process and start it again (used to show state survives a restart)."""
        self.stop_process(name)
        self.start_process(name, timeout)


def main() -> int:
    settings = load()
    env = local_secrets(settings.var_dir)
    stack = Stack(env=env)
    print("Starting the catalog, the action server and Rasa (logs in var/logs/) ...", flush=True)
    try:
        stack.start()
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    public = stack.settings.public_base_url.rstrip("/")
    print(
        "\nHealth Careers Guide is running.\n"
        f"  Chat page:        {public}/webhooks/web/\n"
        f"  REST channel:     POST {public}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API:    {stack.rasa_url} (token: {stack.rasa_api_token})\n"
        f"  Catalog API docs: {stack.catalog_url}/docs\n"
        "Press Ctrl-C to stop.",
        flush=True,
    )
    try:
        while all(p.popen and p.popen.poll() is None for p in stack.processes):
            time.sleep(1)
        dead = [p.name for p in stack.processes if p.popen and p.popen.poll() is not None]
        print(f"Stopped because {', '.join(dead)} exited; see var/logs/.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()
