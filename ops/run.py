"""`make run` / `python -m ops run`: starts the stack (ops/launcher.py), keeps it running
(ops/supervisor.py) and stops it.

A child that dies is restarted with a growing pause and the launcher says why; only a crash loop
(ops/supervisor.py: MAX_RESTARTS within CRASH_WINDOW_SECONDS) stops everything, and the launcher
then exits 1 naming the process. SIGTERM, SIGINT or SIGHUP stops the proxy, then Rasa, then the
action servers, then the catalog, each tier within `processes.STOP_SECONDS` (20 s), and the
launcher exits 0. A child that exits while the stack is still starting stops it too (exit 1):
that is a configuration problem, not a crash.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

from core.settings import ROOT, load, masked_url
from ops.launcher import CATALOG_PYTHON, Stack, generated_here, local_secrets, replica_problem
from ops.processes import STOP_SECONDS, ServiceError, rotate_log
from ops.supervisor import STATUS_FILE, Supervisor

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# The retention purge (`python -m ops purge`) runs at start and then once a day.
PURGE_EVERY_SECONDS = 24 * 3600
# How often the children's logs are checked for rotation (ops/processes.py: LOG_MAX_BYTES).
ROTATE_EVERY_SECONDS = 60


class DailyPurge:
    """Runs `python -m ops purge` (personal data past RETENTION_DAYS) at start and every day."""

    def __init__(self, env: dict[str, str], log_path: Path, every: float = PURGE_EVERY_SECONDS):
        self.env, self.log_path, self.every = env, log_path, every
        self.popen: Optional[subprocess.Popen] = None
        self.due = time.monotonic()

    def tick(self) -> None:
        if self.popen is not None and self.popen.poll() is not None:
            if self.popen.returncode != 0:
                print(f"The retention purge failed (exit code {self.popen.returncode}); see {self.log_path}.",
                      file=sys.stderr, flush=True)
            self.popen = None
        if self.popen is None and time.monotonic() >= self.due:
            self.due = time.monotonic() + self.every
            with open(self.log_path, "ab") as log:
                self.popen = subprocess.Popen(
                    [str(CATALOG_PYTHON), "-m", "ops", "purge"], cwd=ROOT, env=self.env,
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                )

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


class StopSignals:
    """Remembers the first stop signal; later ones change nothing (the stop is under way)."""

    def __init__(self) -> None:
        self.received: Optional[int] = None

    def install(self) -> None:
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, _frame) -> None:
        if self.received is None:
            self.received = signum

    def __call__(self) -> bool:
        return self.received is not None

    @property
    def name(self) -> str:
        return signal.Signals(self.received).name if self.received else ""


def shown_secret(name: str, value: str) -> str:
    """A secret this launcher made for a local run is printed so the instructions work as given;
    one the operator set is not."""
    return value if generated_here(name) else f"${name}"


def banner(stack: Stack) -> str:
    s = stack.settings
    public = masked_url(s.public_base_url.rstrip("/"))
    behind = f" ({s.rasa_replicas} Rasa replicas behind the proxy)" if s.rasa_replicas > 1 else ""
    rest_token = shown_secret("REST_CHANNEL_TOKEN", s.rest_channel_token)
    keys = (f"  Advisors' key:    CATALOG_ADVISOR_KEY in {s.var_dir / 'local-secrets.json'}\n"
            if generated_here("CATALOG_ADVISOR_KEY") else "")
    return (
        "\nHealth Careers Guide is running" + behind + ".\n"
        f"  Chat page:        {public}/webhooks/web/\n"
        f"  REST channel:     POST {public}/webhooks/rest/webhook\n"
        f"                    with the header 'Authorization: Bearer {rest_token}'\n"
        f"  Rasa HTTP API:    {stack.api_url} (token: {shown_secret('RASA_API_TOKEN', s.rasa_api_token)})\n"
        f"  Catalog API docs: {masked_url(stack.catalog_url)}/docs\n"
        + keys +
        "Press Ctrl-C to stop."
    )


def main() -> int:
    # Everything the services write under var/ (databases, logs, endpoints) is private to its owner.
    os.umask(0o077)
    stop = StopSignals()
    stop.install()
    try:
        settings = load()
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    problem = replica_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    stack = Stack(env=local_secrets(settings.var_dir))
    purge = DailyPurge(stack.env, settings.var_dir / "logs" / "purge.log")
    what = "the catalog, the action server and Rasa" if settings.rasa_replicas == 1 else (
        f"the catalog, {settings.rasa_replicas} action servers, {settings.rasa_replicas} Rasa replicas and the proxy")
    print(f"Starting {what} (logs in {settings.var_dir / 'logs'}) ...", flush=True)
    try:
        stack.start(interrupted=stop)
        print(banner(stack), flush=True)
        next_rotation = time.monotonic() + ROTATE_EVERY_SECONDS
        supervisor = Supervisor(stack.processes, settings.var_dir / STATUS_FILE,
                                say=lambda line: print(line, file=sys.stderr, flush=True))
        while not stop():
            given_up = supervisor.tick()
            if given_up:
                print(f"Stopping everything because {given_up}", file=sys.stderr, flush=True)
                return 1
            purge.tick()
            if time.monotonic() >= next_rotation:
                next_rotation = time.monotonic() + ROTATE_EVERY_SECONDS
                for service in stack.processes:
                    if service.log_path:
                        rotate_log(service.log_path)
            time.sleep(0.5)
        return 0
    except ServiceError as exc:
        if stop():
            return 0
        print(f"Stopping everything because {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        if stop():
            print(f"Received {stop.name}; stopping ...", flush=True)
        purge.stop()
        stack.stop()
        print("Stopped.", flush=True)
