"""The assistant's processes as one stack: what `make run` starts (ops/run.py), and what the tests
and benchmarks start too.

One catalog, `RASA_REPLICAS` pairs of Rasa server and action server (one pair by default), and
HAProxy (ops/proxy.py) in front. Only the proxy faces the outside: it listens on
`PUBLIC_HOST:RASA_PORT` and passes on `/webhooks/` alone (the channels and the widget). The Rasa
servers listen on loopback (`RASA_HOST`) on the ports after `RASA_PORT`, so Rasa's HTTP API is
reached from this machine only; the action servers on `ACTION_PORT` and the ports after it, the
catalog on `CATALOG_PORT`, both on loopback too. The end-to-end tests and the benchmarks start the
assistant through `Stack` too, so what they exercise is what an operator runs.

Stopping: the proxy, then Rasa, then the action servers, then the catalog, each tier within
`processes.STOP_SECONDS` (20 s).
"""

from __future__ import annotations

import json
import os
import secrets
import string
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ops.processes import GRACEFUL_SECONDS, Service, ServiceError, free_port, free_ports, stop_in_order
from ops.proxy import proxy_service
from core.settings import ROOT, Settings, load
from core.sql import private_file

CATALOG_PYTHON = ROOT / ".venv" / "bin" / "python"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
MODEL = ROOT / "models" / "assistant.tar.gz"

# Secrets a local run needs; made once and kept in var/ so sessions and referrals survive a restart.
GENERATED_SECRETS = (
    "RASA_API_TOKEN", "REST_CHANNEL_TOKEN", "CATALOG_API_KEY", "CATALOG_BOT_KEY", "CATALOG_ADVISOR_KEY",
    "WEB_SESSION_SECRET", "ACTION_SERVER_TOKEN",
)
# Keys only the catalog and the operator hold: the action server and Rasa get the bot's key alone,
# so what reaches them cannot list referrals.
CATALOG_ONLY_SECRETS = ("CATALOG_API_KEY", "CATALOG_ADVISOR_KEY")
# Loading a model takes one to two minutes per Rasa process on two free CPUs, several times that
# when replicas load side by side on a busy machine.
START_SECONDS = 15 * 60

__all__ = ["Stack", "free_port", "free_ports", "isolated_env", "local_secrets"]


def local_secrets(var_dir: Path) -> dict[str, str]:
    """Secrets from the environment, or generated once and stored (mode 0600) under var/."""
    private_directory(var_dir)
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
        path.touch(mode=0o600)
        path.chmod(0o600)
        path.write_text(json.dumps(stored, indent=2))
    return {name: os.environ.get(name) or stored[name] for name in GENERATED_SECRETS}


def generated_here(name: str) -> bool:
    """True when a secret came from var/local-secrets.json rather than the operator's environment."""
    return not os.environ.get(name)


def private_directory(path: Path) -> None:
    """var/ holds conversations, contact details and keys: readable by its owner only. What an
    earlier version left readable to others is tightened too."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    for folder, dirs, files in os.walk(path):
        for names, mode in ((dirs, 0o700), (files, 0o600)):
            for name in names:
                target = os.path.join(folder, name)
                if not os.path.islink(target):  # never what a link points at
                    os.chmod(target, mode)


def isolated_env(var_dir: Path, replicas: int = 1) -> dict[str, str]:
    """A stack of its own (tests, benchmarks): free ports (the proxy's and the replicas' are
    consecutive), SQLite files under `var_dir`, fresh random secrets, no Redis, no telemetry."""
    rasa_port = free_ports(replicas + 1)
    # Chosen before any is bound: each range must keep clear of the others.
    action_port = free_ports(replicas, avoid=range(rasa_port, rasa_port + replicas + 1))
    catalog_port = free_ports(1, avoid=[*range(rasa_port, rasa_port + replicas + 1),
                                        *range(action_port, action_port + replicas)])
    return {
        "VAR_DIR": str(var_dir),
        "RASA_PORT": str(rasa_port),
        "RASA_REPLICAS": str(replicas),
        "ACTION_PORT": str(action_port),
        "CATALOG_PORT": str(catalog_port),
        "CATALOG_DATABASE_URL": f"sqlite:///{var_dir / 'catalog.db'}",
        "TRACKER_DB_URL": f"sqlite:///{var_dir / 'conversations.db'}",
        "CATALOG_API_KEY": secrets.token_urlsafe(16),
        "CATALOG_BOT_KEY": secrets.token_urlsafe(16),
        "CATALOG_ADVISOR_KEY": secrets.token_urlsafe(16),
        "RASA_API_TOKEN": secrets.token_urlsafe(16),
        "REST_CHANNEL_TOKEN": secrets.token_urlsafe(16),
        "WEB_SESSION_SECRET": secrets.token_urlsafe(24),
        "ACTION_SERVER_TOKEN": secrets.token_urlsafe(24),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{rasa_port}",
        "WEB_ALLOWED_ORIGINS": f"http://127.0.0.1:{rasa_port},http://localhost:{rasa_port}",
        "REDIS_URL": "",
        "RASA_TELEMETRY_ENABLED": "false",
    }


def replica_problem(settings: Settings) -> Optional[str]:
    """Why these settings cannot run `RASA_REPLICAS` Rasa processes, or None."""
    n = settings.rasa_replicas
    if n < 1:
        return f"RASA_REPLICAS must be 1 or more, got {n}."
    if n == 1:
        return None
    if not settings.tracker_db_url.startswith("postgresql"):
        return (
            f"RASA_REPLICAS={n} needs a conversation store every replica shares: set TRACKER_DB_URL "
            "to a postgresql:// URL (a SQLite file belongs to one process)."
        )
    if not settings.redis_url:
        return (
            f"RASA_REPLICAS={n} needs Redis, so replicas take turns on a conversation and the web "
            "chat reaches sockets held by another replica: set REDIS_URL (e.g. redis://127.0.0.1:6379/0)."
        )
    return None


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
class Stack:
    """The catalog, the action servers and the Rasa servers (and the proxy in front of several),
    configured by one environment."""

    env: dict[str, str] = field(default_factory=dict)
    model: Path = MODEL
    processes: list[Service] = field(default_factory=list)

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
        base["PYTHONPATH"] = str(ROOT)
        base.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        # Rasa reuses connections to the action server; rasa-sdk 3.6 closes idle ones after 5 s,
        # and a request sent on a closing one fails. Keep them open longer than Rasa does.
        base.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", "120")
        # Sanic finishes requests in flight on SIGTERM; within this, so the launcher's bound holds.
        base.setdefault("SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", str(GRACEFUL_SECONDS))
        base.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        # The proxy in front of Rasa is on loopback and adds X-Forwarded-For: believe it.
        base.setdefault("TRUSTED_PROXIES", "127.0.0.1")
        self.env = base

    # Addresses ----------------------------------------------------------------------------

    @property
    def replicated(self) -> bool:
        return self.settings.rasa_replicas > 1

    @property
    def catalog_url(self) -> str:
        return self.settings.catalog_base_url

    @property
    def rasa_url(self) -> str:
        """Where the channels are: the proxy in front of Rasa (it serves /webhooks/ only)."""
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def replica_urls(self) -> list[str]:
        """Each Rasa server's own address, on loopback: the channels and the HTTP API."""
        return [f"http://127.0.0.1:{self.settings.rasa_port + i}"
                for i in range(1, self.settings.rasa_replicas + 1)]

    @property
    def api_url(self) -> str:
        """Rasa's HTTP API (any replica: they share the conversation store)."""
        return self.replica_urls[0]

    @property
    def action_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.settings.action_port + i}"
                for i in range(self.settings.rasa_replicas)]

    @property
    def action_url(self) -> str:
        return self.action_urls[0]

    @property
    def catalog_api_key(self) -> str:
        return self.settings.catalog_api_key

    @property
    def rasa_api_token(self) -> str:
        return self.settings.rasa_api_token

    @property
    def rest_headers(self) -> dict[str, str]:
        """What a client of the REST channel sends."""
        return {"Authorization": f"Bearer {self.settings.rest_channel_token}"}

    @property
    def tracker_db_url(self) -> str:
        return self.settings.tracker_db_url

    def endpoints_file(self, action_webhook: Optional[str] = None, name: str = "endpoints.yml") -> Path:
        """endpoints.yml with its ${VARIABLES} filled from this stack's environment. Rasa 3.6's
        own substitution does not reach its YAML reader, so the launcher does it."""
        values = {
            **self.env,
            "ACTION_ENDPOINT_URL": action_webhook or self.settings.action_url,
            "ACTION_AUTHORIZATION": json.dumps(f"Bearer {self.settings.action_server_token}"),
            "LOCK_STORE": lock_store(self.settings.redis_url),
        }
        text = string.Template((ROOT / "endpoints.yml").read_text()).substitute(values)
        path = self.settings.var_dir / name
        private_file(path)  # it may hold the Redis password
        path.write_text(text)
        return path

    # Processes ----------------------------------------------------------------------------

    def _plan(self) -> list[Service]:
        """Every child, in start order. One replica keeps the plain names (catalog, actions, rasa)."""
        s = self.settings
        log_dir = s.var_dir / "logs"

        def service(name: str, command: list[str], ready_url: str, env: Optional[dict] = None) -> Service:
            return Service(name, command, ready_url, env=env or self.env, log_path=log_dir / f"{name}.log")

        # The action servers and Rasa hold the bot's catalog key only; rasa-sdk binds to SANIC_HOST;
        # bot.action_server refuses calls without ACTION_SERVER_TOKEN.
        bot_env = {k: v for k, v in self.env.items() if k not in CATALOG_ONLY_SECRETS}
        bot_env["CATALOG_BOT_KEY"] = s.catalog_key_for_bot
        action_env = {**bot_env, "SANIC_HOST": s.action_host}
        plan = [service("catalog", [str(CATALOG_PYTHON), "-m", "ops", "serve-catalog"], f"{self.catalog_url}/healthz")]
        rasas = []
        for index, (rasa_url, action_url) in enumerate(zip(self.replica_urls, self.action_urls), start=1):
            suffix = f"-{index}" if self.replicated else ""
            action_port = urllib.parse.urlsplit(action_url).port
            plan.append(service(
                f"actions{suffix}",
                [str(RASA_PYTHON), "-m", "bot.action_server", "run", "actions", "--actions", "actions",
                 "-p", str(action_port)],
                f"{action_url}/health", action_env,
            ))
            # An explicit ACTION_ENDPOINT_URL (an action server run elsewhere) serves every replica.
            webhook = s.action_endpoint_url or f"{action_url}/webhook"
            endpoints = self.endpoints_file(webhook, f"endpoints{suffix}.yml")
            command = [
                # The API token reaches Rasa in its environment (RASA_API_TOKEN), never on the
                # command line every local user can read (bot/rasa_server.py).
                str(RASA_PYTHON), "-m", "bot.rasa_server", "run", "-m", str(self.model), "--enable-api",
                "--credentials", "credentials.yml",
                "--endpoints", str(endpoints), "-p", str(urllib.parse.urlsplit(rasa_url).port),
                # Reached from outside through the proxy only, which passes on /webhooks/ alone.
                "-i", s.rasa_host,
            ]
            rasas.append(service(f"rasa{suffix}", command, f"{rasa_url}/status?token={s.rasa_api_token}", bot_env))
        plan += rasas
        ports = [urllib.parse.urlsplit(url).port for url in self.replica_urls]
        plan.append(proxy_service(s.var_dir, s.public_host, s.rasa_port, ports, self.env, log_dir / "proxy.log"))
        return plan

    def start(self, timeout: float = START_SECONDS, interrupted: Callable[[], bool] = lambda: False) -> "Stack":
        """Starts every child at once (they load in parallel) and waits until each answers.
        Stops what it started and raises ServiceError if one exits, or at `timeout`, or when
        `interrupted()` becomes true (a stop signal while starting)."""
        problem = replica_problem(self.settings)
        if problem:
            raise ServiceError(problem)
        if not self.model.exists():
            raise ServiceError(f"there is no trained model at {self.model}: run `make model` first.")
        self.processes = self._plan()
        try:
            for service in self.processes:
                service.start()
            deadline = time.monotonic() + timeout
            for service in self.processes:
                self._wait_ready(service, deadline, interrupted)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, service: Service, deadline: float, interrupted: Callable[[], bool]) -> None:
        # In slices, so a stop signal or a dead sibling is noticed within a second.
        while True:
            if interrupted():
                raise ServiceError("Stopped while starting.")
            try:
                service.wait_ready(min(deadline, time.monotonic() + 1.0), watch=self.processes)
                return
            except ServiceError:
                dead = self.exited()
                if dead:
                    raise ServiceError(f"{dead[0].exit_message()}:\n{dead[0].log_tail()}") from None
                if time.monotonic() >= deadline:
                    raise

    def exited(self) -> list[Service]:
        """Children that have exited since they were started."""
        return [service for service in self.processes if service.exited]

    def tiers(self) -> list[list[Service]]:
        """Stop order: the proxy (no new requests), Rasa, the action servers, the catalog."""
        order = ("proxy", "rasa", "actions", "catalog")
        return [[p for p in self.processes if p.name.split("-")[0] == kind] for kind in order]

    def stop(self) -> None:
        stop_in_order(self.tiers())

    def service(self, name: str) -> Service:
        return next(p for p in self.processes if p.name == name)

    def stop_process(self, name: str) -> None:
        """Stop one process (the tests use it to show what happens while a service is down)."""
        self.service(name).stop()

    def start_process(self, name: str, timeout: float = START_SECONDS) -> None:
        service = self.service(name).start()
        deadline = time.monotonic() + timeout
        self._wait_ready(service, deadline, lambda: False)
        if name.startswith("rasa"):
            # The channels reach it once the proxy's next check has seen it up again.
            self._wait_ready(self.service("proxy"), deadline, lambda: False)

    def restart(self, name: str, timeout: float = START_SECONDS) -> None:
        """Stop one process and start it again (used to show state survives a restart)."""
        self.stop_process(name)
        self.start_process(name, timeout)
