"""Catalog test fixtures: a real catalog service over HTTP on loopback, on SQLite and, when
TEST_POSTGRES_URL is set (always under CI), on PostgreSQL too."""

from __future__ import annotations

import dataclasses
import os
import secrets
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest
import uvicorn

from catalog import db, service, wage_import
from catalog.app import create_app
from core.settings import ROOT, load
from ops.launcher import free_port

SEED_DIR = ROOT / "data" / "catalog"
FILES = Path(__file__).parent / "files"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")

if os.environ.get("CI") == "true" and not POSTGRES_URL:
    raise RuntimeError("CI must run the PostgreSQL tests: set TEST_POSTGRES_URL")


def _postgres_database(name: str) -> str:
    """A fresh database on the test server, so tests never touch anyone else's tables."""
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_URL.rsplit("/", 1)[0]
    return f"{base}/{name}"


def _drop_postgres_database(name: str) -> None:
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def _database(backend: str, tmp_path_factory):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('catalog') / 'catalog.db'}"
        return
    name = f"catalog_test_{uuid.uuid4().hex[:8]}"
    yield _postgres_database(name)
    _drop_postgres_database(name)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    yield from _database(request.param, tmp_path_factory)


@pytest.fixture(scope="module", params=BACKENDS)
def small_database_url(request, tmp_path_factory):
    yield from _database(request.param, tmp_path_factory)


class Server:
    """The catalog app served by uvicorn in a thread, reached through real HTTP."""

    def __init__(self, database_url: str, api_key: str, data_dir: Path = SEED_DIR, wage_dir: Path | None = None,
                 **settings_overrides):
        self.api_key = api_key
        # The assistant's and the advisors' narrower keys (catalog/api/deps.py).
        self.bot_key, self.advisor_key = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
        port = free_port()
        settings = dataclasses.replace(load(), catalog_database_url=database_url, catalog_api_key=api_key, catalog_port=port,
                                       catalog_bot_key=self.bot_key, catalog_advisor_key=self.advisor_key,
                                       **settings_overrides)
        self.app = create_app(settings)
        self.engine = self.app.state.engine
        # As `python -m ops serve-catalog` does it.
        self.import_results = service.prepare(self.engine, data_dir, wage_dir, demo_roles=not settings.role_feeds)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        self.client = httpx.Client(base_url=self.url, timeout=30)
        self.writer = httpx.Client(base_url=self.url, timeout=30, headers={"X-API-Key": api_key})

    def stop(self) -> None:
        self.client.close()
        self.writer.close()
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.engine.dispose()


WAGE_DIR = load().wage_data_dir


def wage_data_present() -> bool:
    """Whether `make wage-data` has fetched the BLS files; under CI it must have."""
    present = all(path.is_file() for path in wage_import.default_files(WAGE_DIR))
    if not present and os.environ.get("CI") == "true":
        raise RuntimeError(f"CI must test with the real wage data: run `make wage-data` (looked in {WAGE_DIR})")
    return present


@pytest.fixture(scope="session")
def catalog(database_url):
    """The catalog with the real seed data (and BLS wages when fetched), as `make run` serves it."""
    server = Server(database_url, secrets.token_urlsafe(16), wage_dir=WAGE_DIR if wage_data_present() else None)
    failures = [r.errors for r in server.import_results if r.errors]
    assert not failures, f"the seed catalog does not import: {failures}"
    yield server
    server.stop()


@pytest.fixture(scope="session")
def api(catalog) -> httpx.Client:
    return catalog.client


@pytest.fixture(scope="module")
def small_catalog(small_database_url):
    """A tiny catalog (tests/catalog/files) whose every fact a test can count on."""
    server = Server(small_database_url, secrets.token_urlsafe(16), FILES)
    yield server
    server.stop()


@pytest.fixture()
def empty_engine(tmp_path):
    """A fresh, migrated SQLite catalog for importer tests."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'import.db'}")
    db.migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture()
def pg_engine():
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL is not set (CI always sets it)")
    name = f"catalog_import_{uuid.uuid4().hex[:8]}"
    engine = db.make_engine(_postgres_database(name))
    db.migrate(engine)
    yield engine
    engine.dispose()
    _drop_postgres_database(name)
