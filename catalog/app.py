"""The catalog's FastAPI application."""

from __future__ import annotations

import datetime as dt
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from catalog import db, feeds
from catalog.api import deps, errors, guidance, health, imports, listings, occupations, referrals
from bot.settings import Settings, load

# Bodies larger than this are refused before they are read (a JobPosting feed fits easily).
MAX_BODY_BYTES = 20 * 1024 * 1024


def create_app(settings: Settings | None = None, today: dt.date | None = None) -> FastAPI:
    settings = settings or load()
    engine = db.make_engine(settings.catalog_database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The role feeds are polled while the service runs (from start, then every interval).
        poller = app.state.poller
        if poller is not None:
            poller.start()
        yield
        if poller is not None:
            poller.stop()

    app = FastAPI(
        title="Health Careers Guide catalog",
        version="1.0",
        description=(
            "Occupations, training programs, scholarships and tuition support, open roles, "
            "eligibility and pathway plans. Every record carries a source link and the date it "
            "was last verified."
        ),
        dependencies=[Depends(deps.reject_unknown_query)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = db.session_factory(engine)
    app.state.today = today
    app.state.poller = feeds.Poller(
        app.state.sessions, settings.role_feeds, settings.role_feeds_interval,
        settings.role_feeds_timeout_seconds, settings.role_feeds_max_bytes,
    ) if settings.role_feeds else None
    errors.install(app)

    @app.middleware("http")
    async def refuse_nul(request: Request, call_next):
        # PostgreSQL cannot store NUL characters; refuse them in the URL before any query runs.
        raw = request.scope.get("query_string", b"").lower() + request.scope.get("path", "").encode()
        if b"%00" in raw or b"\x00" in raw:
            return JSONResponse({"detail": "The request may not contain NUL characters."}, status_code=422)
        return await call_next(request)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": "The request body is too large (20 MB at most)."}, status_code=413)
        return await call_next(request)

    for module in (health, occupations, listings, guidance, referrals, imports):
        app.include_router(module.router)
    return app
