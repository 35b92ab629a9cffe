"""The launcher as an operator runs it: `python -m ops run` in a process of its own, watched from
outside (its output, its child processes) and stopped with real signals."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import psutil
import pytest

from core.settings import ROOT

# The launcher stops the proxy, Rasa, the action servers and the catalog one tier after another,
# each within processes.STOP_SECONDS (20 s); this bound leaves room for a busy machine.
STOP_BOUND_SECONDS = 45


class Launcher:
    def __init__(self, var_dir: Path, env: dict[str, str]):
        self.var_dir = var_dir
        self.output = var_dir / "launcher.out"
        self.env = {**os.environ, **env}
        self.popen: Optional[subprocess.Popen] = None
        self.children: list[psutil.Process] = []

    def start(self) -> "Launcher":
        self.var_dir.mkdir(parents=True, exist_ok=True)
        with open(self.output, "wb") as out:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", "ops", "run"], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )
        return self

    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def wait_for(self, condition, what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.popen.poll() is not None:
                raise AssertionError(f"the launcher exited ({self.popen.returncode}) before {what}:\n{self.text()[-3000:]}")
            time.sleep(0.5)
        raise AssertionError(f"no {what} within {timeout:.0f} s:\n{self.text()[-3000:]}\n{self.log_tails()}")

    def wait_for_output(self, text: str, timeout: float) -> None:
        self.wait_for(lambda: text in self.text(), repr(text), timeout)

    def descendants(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.popen.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def psutil_children(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.popen.pid).children()
        except psutil.NoSuchProcess:
            return []

    def child(self, fragment: str) -> psutil.Process:
        """The child whose command line contains `fragment` (e.g. 'ops serve-catalog')."""
        for process in psutil.Process(self.popen.pid).children():
            if fragment in " ".join(process.cmdline()):
                return process
        raise AssertionError(f"no child running {fragment!r}")

    def signal(self, signum: int) -> None:
        # Remembered first: what must be gone once the launcher is.
        self.children = self.descendants()
        assert self.children, "the launcher has no children to stop"
        self.popen.send_signal(signum)

    def wait_exit(self, timeout: float = STOP_BOUND_SECONDS) -> tuple[int, float]:
        started = time.monotonic()
        try:
            code = self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the launcher was still running {timeout} s later:\n{self.text()[-2000:]}") from None
        return code, time.monotonic() - started

    def survivors(self) -> list[str]:
        alive = []
        for process in self.children:
            try:
                if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                    alive.append(f"{process.pid} {' '.join(process.cmdline())[:120]}")
            except psutil.NoSuchProcess:
                pass
        return alive

    def log_tails(self) -> str:
        logs = self.var_dir / "logs"
        if not logs.is_dir():
            return ""
        return "\n".join(f"--- {p.name}\n" + "\n".join(p.read_text(errors="replace").splitlines()[-15:])
                         for p in sorted(logs.glob("*.log")))

    def kill_all(self) -> None:
        """Clean-up after a failed test: nothing is left running whatever happened."""
        for process in [*self.descendants(), *self.children]:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
        if self.popen and self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()


@pytest.fixture
def launcher_factory():
    started: list[Launcher] = []

    def make(var_dir: Path, env: dict[str, str]) -> Launcher:
        launcher = Launcher(var_dir, env)
        started.append(launcher)
        return launcher

    yield make
    for launcher in started:
        launcher.kill_all()


@pytest.fixture(scope="module")
def twilio():
    """The Twilio stand-in on loopback: the Messages API the stack replies through, and the signer."""
    from standins.twilio import TwilioStandIn

    standin = TwilioStandIn().start()
    yield standin
    standin.stop()
