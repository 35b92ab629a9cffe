"""The catalog's FastAPI application."""

from __future__ import annotations

import datetime as dt
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import JSONResponse

from catalog import db, feeds
from catalog.api import deps, errors, guidance, guide, health, imports, interests, listings, occupations, referrals
from core.settings import Settings, load

# Bodies larger than this are refused before they are read (a JobPosting feed fits easily).
MAX_BODY_BYTES = 20 * 1024 * 1024


TOO_LARGE = "The request body is too large (20 MB at most)."


class BodyLimit:
    """Refuses a body over `limit` bytes: at once when Content-Length says so, and while reading
    when it does not (a chunked body), before anything parses it."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await JSONResponse({"detail": TOO_LARGE}, status_code=413)(scope, receive, send)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                # An HTTPException passes through FastAPI's body reading as it is: a 413 answer.
                raise HTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, counted, send)


class RefuseNul:
    """PostgreSQL cannot store NUL characters: refuse them in the URL before any query runs.
    Plain ASGI: as Starlette HTTP middleware the check cost about a millisecond a request."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            raw = scope.get("query_string", b"").lower() + scope.get("path", "").encode()
            if b"%00" in raw or b"\x00" in raw:
                refusal = JSONResponse({"detail": "The request may not contain NUL characters."}, status_code=422)
                return await refusal(scope, receive, send)
        await self.app(scope, receive, send)


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
    # Added first, so it is the innermost middleware: the route reads the body through it directly.
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(RefuseNul)
    for module in (health, occupations, listings, guidance, guide, interests, referrals, imports):
        app.include_router(module.router)
    return app
