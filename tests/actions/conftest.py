"""Action test fixtures: the real catalog service as a subprocess on loopback, the real domain,
and rasa_sdk Trackers built from slots and the latest message."""

from __future__ import annotations

import asyncio
import os
import secrets
import time
from pathlib import Path
from typing import Any, Optional

import pytest
import requests
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from ops.launcher import CATALOG_PYTHON
from ops.processes import Service, free_port
from core.settings import ROOT


class CatalogProcess:
    """`python -m ops serve-catalog` on a free port with its own SQLite file, started by the
    launcher's own process handling; it imports the seed catalog on first start. Stop and start
    it again to play a catalog outage."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api_key = secrets.token_urlsafe(24)
        env = {
            **os.environ,
            "CATALOG_HOST": "127.0.0.1",
            "CATALOG_PORT": str(self.port),
            "CATALOG_DATABASE_URL": f"sqlite:///{workdir / 'catalog.db'}",
            "CATALOG_API_KEY": self.api_key,
            "VAR_DIR": str(workdir),
        }
        self.service = Service("catalog", [str(CATALOG_PYTHON), "-m", "ops", "serve-catalog"],
                               f"{self.url}/healthz", env=env, log_path=workdir / "catalog.log")

    def start(self) -> None:
        self.service.start()
        try:
            self.service.wait_ready(time.monotonic() + 90)
        except RuntimeError:
            self.service.stop()
            raise
        self._warm_up()

    def _warm_up(self) -> None:
        # A fresh catalog builds its ZIP, city and occupation tables on first use, which takes
        # longer than the actions' timeout; a deployed catalog has served requests before anyone chats.
        requests.get(self.url + "/programs", params={"city": "Fresno", "state": "CA", "per_page": 1}, timeout=60)
        requests.post(self.url + "/match", json={"profile": {"zip": "93701", "interests": ["nurse"]}, "limit": 1}, timeout=60)

    def stop(self) -> None:
        self.service.stop(timeout=10)

    def get(self, path: str, **params: Any) -> Any:
        response = requests.get(self.url + path, params=params, headers={"X-API-Key": self.api_key}, timeout=5)
        response.raise_for_status()
        return response.json()


@pytest.fixture(scope="session")
def catalog(tmp_path_factory):
    process = CatalogProcess(tmp_path_factory.mktemp("catalog"))
    process.start()
    # The actions read the catalog's address and key from the environment, as in production.
    saved = {name: os.environ.get(name) for name in ("CATALOG_URL", "CATALOG_API_KEY")}
    os.environ["CATALOG_URL"] = process.url
    os.environ["CATALOG_API_KEY"] = process.api_key
    yield process
    process.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def domain() -> dict:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain")).as_dict()


def make_tracker(slots: Optional[dict] = None, *, text: str = "", intent: str = "inform",
                 entities: Optional[list[dict]] = None, channel: str = "rest", sender: str = "test-person",
                 new_slots: Optional[dict] = None, active_loop: Optional[str] = None,
                 metadata: Optional[dict] = None) -> Tracker:
    """A tracker as Rasa sends it: known `slots`, the latest user message, and `new_slots` as the
    slot events a form extracted this turn (what a validation action validates)."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or [],
              "metadata": metadata or {}}
    events: list[dict] = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest, "input_channel": channel, "metadata": metadata or {}},
    ]
    values = dict(slots or {})
    for name, value in (new_slots or {}).items():
        events.append({"event": "slot", "name": name, "value": value})
        values[name] = value
    loop = {"name": active_loop} if active_loop else {}
    return Tracker(sender, values, latest, events, False, None, loop, "action_listen")


def run_action(action, tracker: Tracker, domain: dict) -> tuple[list[dict], list[dict]]:
    """(messages, events) of one action run, exactly as the action server would collect them."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return dispatcher.messages, [dict(e) for e in events]


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def slot_events(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
