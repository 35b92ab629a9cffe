"""Keeps the launcher's children running: one that dies is started again, after a pause that
doubles with each crash, and the reason is logged; only a crash loop stops the stack.

A process that dies (an out-of-memory kill, a crash) used to stop every other process with it, so
one bad moment in the action server took every conversation down. Now the rest keep serving: a
turn that needs the missing process gets the assistant's apology until it is back.

What the supervisor knows is written to var/status.json after every change, so `python -m ops
check` can show each process's state and restarts. Standard library only.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional, Sequence

from ops.processes import Service, answers

STATUS_FILE = "status.json"
# A process restarted this many times within CRASH_WINDOW_SECONDS is in a crash loop: starting it
# again would not help, and an operator must look.
MAX_RESTARTS = 5
CRASH_WINDOW_SECONDS = 600.0
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0


def now_text() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Watch:
    """What the supervisor knows of one child."""

    state: str = "running"  # running | waiting (to restart) | starting | given up
    restarts: int = 0
    recent: list[float] = field(default_factory=list)  # monotonic times of recent crashes
    due: float = 0.0
    last_exit: str = ""
    last_restart: str = ""

    def as_dict(self, service: Service) -> dict:
        return {"state": self.state, "pid": service.pid, "restarts": self.restarts,
                "last_exit": self.last_exit, "last_restart": self.last_restart}


class Supervisor:
    """Call `tick()` often (the launcher does, twice a second). It returns a message when a process
    is in a crash loop (the launcher then stops everything and exits 1), else None."""

    def __init__(
        self,
        services: Sequence[Service],
        status_path: Optional[Path],
        say: Callable[[str], None] = print,
        max_restarts: int = MAX_RESTARTS,
        window: float = CRASH_WINDOW_SECONDS,
        first_delay: float = FIRST_DELAY_SECONDS,
        max_delay: float = MAX_DELAY_SECONDS,
    ) -> None:
        self.services = list(services)
        self.status_path = status_path
        self.say = say
        self.max_restarts, self.window = max_restarts, window
        self.first_delay, self.max_delay = first_delay, max_delay
        self.watches = {service.name: Watch() for service in self.services}
        self.write_status()

    def tick(self) -> Optional[str]:
        changed = False
        for service in self.services:
            watch = self.watches[service.name]
            if watch.state in ("running", "starting") and service.exited and not service.stopped_on_purpose:
                given_up = self._crashed(service, watch)
                self.write_status()
                if given_up:
                    return given_up
                changed = True
            elif watch.state == "waiting" and time.monotonic() >= watch.due:
                service.start()
                watch.state, watch.restarts, watch.last_restart = "starting", watch.restarts + 1, now_text()
                self.say(f"Restarted {service.name} (restart {watch.restarts}, pid {service.pid}).")
                changed = True
            elif watch.state == "starting" and service.running and answers(service.ready_url, timeout=1.0):
                watch.state = "running"
                self.say(f"{service.name} is answering again.")
                changed = True
        if changed:
            self.write_status()
        return None

    def _crashed(self, service: Service, watch: Watch) -> Optional[str]:
        moment = time.monotonic()
        watch.last_exit = service.exit_message()
        watch.recent = [t for t in watch.recent if moment - t < self.window] + [moment]
        if len(watch.recent) > self.max_restarts:
            watch.state = "given up"
            return (f"{service.name} crashed {len(watch.recent)} times within {self.window:.0f} s "
                    f"(last: {watch.last_exit}); not restarting it again. Read its log, fix the cause, "
                    "then start the assistant again.\n" + service.log_tail(20))
        delay = min(self.max_delay, self.first_delay * 2 ** (len(watch.recent) - 1))
        watch.state, watch.due = "waiting", moment + delay
        self.say(f"{watch.last_exit}; restarting it in {delay:.3g} s.")
        return None

    def write_status(self) -> None:
        if self.status_path is None:
            return
        status = {"updated": now_text(),
                  "processes": {s.name: self.watches[s.name].as_dict(s) for s in self.services}}
        partial = self.status_path.with_suffix(".tmp")
        partial.write_text(json.dumps(status, indent=2))
        os.replace(partial, self.status_path)  # readers never see half a file


def read_status(var_dir: Path) -> Optional[dict]:
    """What the launcher last wrote, or None when it never ran here."""
    try:
        return json.loads((var_dir / STATUS_FILE).read_text())
    except (OSError, ValueError):
        return None


def status_lines(status: dict) -> list[str]:
    lines = [f"processes (as of {status.get('updated', '?')}):"]
    for name, process in (status.get("processes") or {}).items():
        line = f"  {name:12} {process.get('state', '?'):9} restarts: {process.get('restarts', 0)}"
        if process.get("last_exit"):
            line += f"  last: {process['last_exit']} ({process.get('last_restart') or 'not restarted'})"
        lines.append(line)
    return lines
