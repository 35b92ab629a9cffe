"""Child processes: started, waited for until their health URL answers, stopped within a bound.

The launcher (`make run`), the test fixtures and the benchmarks all start services through
`Service`, so what the tests exercise is what an operator runs. Standard library only: it is
imported from both Python environments.

Each child runs in a session of its own, so a Ctrl-C in the terminal reaches only the launcher,
which then stops the children in order; a signal to a child goes to its whole process group, so
nothing a child started itself is left behind.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from core.settings import ROOT

# How long a child may take to finish its work after SIGTERM before it gets SIGKILL. Sanic (Rasa,
# the action server) and uvicorn (the catalog) finish requests in flight within this, and Rasa
# sends the SMS and Teams replies it has already acknowledged (connectors/background.py).
STOP_SECONDS = 20.0
# Sanic's own wait for open requests (SANIC_GRACEFUL_SHUTDOWN_TIMEOUT), inside STOP_SECONDS.
GRACEFUL_SECONDS = 10


# A child's log is rotated past this size (at start, and while it runs: ops/run.py), keeping
# LOG_GENERATIONS older files (name.log.1 the newest); the retention purge deletes old ones.
LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_GENERATIONS = 3


def rotate_log(path: Path, max_bytes: int = LOG_MAX_BYTES, generations: int = LOG_GENERATIONS) -> bool:
    """Copies a log past `max_bytes` to name.log.1 (shifting older ones, dropping the oldest) and
    empties it in place: the child keeps writing (its file is open for appending). True when
    rotated. A few lines written during the copy may be lost, as with logrotate's copytruncate."""
    try:
        if path.stat().st_size <= max_bytes:
            return False
    except FileNotFoundError:
        return False
    for n in range(generations - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    with open(path, "rb") as current, os.fdopen(
            os.open(path.with_name(f"{path.name}.1"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as copy:
        while chunk := current.read(1024 * 1024):
            copy.write(chunk)
    os.truncate(path, 0)
    return True


class ServiceError(RuntimeError):
    """A child exited or never became ready; the message names it and quotes its log."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_ports(count: int, attempts: int = 100, avoid: Iterable[int] = ()) -> int:
    """The first of `count` consecutive free loopback ports (replicas use consecutive ports), none
    of them in `avoid` (ports chosen already but not yet bound)."""
    avoid = set(avoid)
    for _ in range(attempts):
        first = free_port()
        if first + count > 65535 or avoid & set(range(first, first + count)):
            continue
        sockets = []
        try:
            for port in range(first, first + count):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError(f"no {count} consecutive free ports found")


def answers(url: str, timeout: float = 2.0) -> bool:
    """True when `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        return False


@dataclass
class Service:
    """One child process: its command, where it says it is ready, and where it logs."""

    name: str
    command: list[str]
    ready_url: str
    env: Optional[dict[str, str]] = None
    cwd: Path = ROOT
    log_path: Optional[Path] = None
    popen: Optional[subprocess.Popen] = field(default=None, repr=False)
    # Set by terminate() (a stop asked for), cleared by start(): the supervisor restarts a child
    # that exited only when this is false.
    stopped_on_purpose: bool = field(default=False, repr=False)

    @property
    def pid(self) -> Optional[int]:
        return self.popen.pid if self.popen else None

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    @property
    def exited(self) -> bool:
        """Started and no longer running (stopped on purpose or not)."""
        return self.popen is not None and self.popen.poll() is not None

    def start(self) -> "Service":
        if self.running:
            return self
        self.stopped_on_purpose = False
        if self.log_path:
            # Logs are readable by their owner only, like all of var/.
            self.log_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            rotate_log(self.log_path)
            log = os.fdopen(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        else:
            log = open(os.devnull, "wb")
        with log:
            # umask 077: the databases and files the child creates are private too.
            self.popen = subprocess.Popen(
                self.command, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True, umask=0o077,
            )
        return self

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def exit_message(self) -> str:
        code = self.popen.returncode if self.popen else None
        how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited with code {code}"
        where = f" (log: {self.log_path})" if self.log_path else ""
        return f"{self.name} {how}{where}"

    def wait_ready(self, deadline: float, watch: Iterable["Service"] = ()) -> None:
        """Until the ready URL answers 200. Raises ServiceError if this or a watched service
        exits first, or at `deadline` (a time.monotonic() value)."""
        watched = [self, *watch]
        while time.monotonic() < deadline:
            for service in watched:
                if service.exited:
                    raise ServiceError(f"{service.exit_message()}:\n{service.log_tail()}")
            if answers(self.ready_url):
                return
            time.sleep(0.5)
        raise ServiceError(f"{self.name} was not ready in time:\n{self.log_tail()}")

    def send(self, signum: int) -> None:
        """A signal to the child's whole process group."""
        if self.running:
            try:
                os.killpg(self.popen.pid, signum)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self.stopped_on_purpose = True
        self.send(signal.SIGTERM)
        # A paused child (SIGSTOP) would hold SIGTERM until it is continued.
        self.send(signal.SIGCONT)

    def wait_stopped(self, timeout: float) -> None:
        """Waits for the child to exit after terminate(); SIGKILL when `timeout` runs out."""
        if not self.popen:
            return
        try:
            self.popen.wait(timeout=max(timeout, 0))
        except subprocess.TimeoutExpired:
            self.send(signal.SIGKILL)
            self.popen.wait()
        # Anything the child left in its group goes with it.
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        self.terminate()
        self.wait_stopped(timeout)

    def kill(self) -> None:
        """SIGKILL, no clean-up: what a crash looks like (the load test uses it)."""
        self.send(signal.SIGKILL)
        if self.popen:
            self.popen.wait()

    def pause(self) -> None:
        """SIGSTOP: the process keeps its sockets but answers nothing, like a hung service."""
        self.send(signal.SIGSTOP)

    def resume(self) -> None:
        self.send(signal.SIGCONT)


def stop_in_order(tiers: Sequence[Sequence[Service]], timeout: float = STOP_SECONDS) -> None:
    """Stops tier after tier (the services of one tier together), each within `timeout`."""
    for tier in tiers:
        for service in tier:
            service.terminate()
        deadline = time.monotonic() + timeout
        for service in tier:
            service.wait_stopped(deadline - time.monotonic())
