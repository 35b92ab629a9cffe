"""Request dependencies: database sessions, the API key for writes, and strict query strings."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Iterator

from fastapi import Depends, Header, HTTPException, Query, Request
from sqlalchemy.orm import Session


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def today(request: Request) -> dt.date:
    """The date deadlines are compared with (tests may pin it through the app's state)."""
    return getattr(request.app.state, "today", None) or dt.date.today()


# Who holds which key (core/settings.py): CATALOG_API_KEY is the operator's and opens every
# keyed endpoint; the narrower keys open only what their holder needs.
ROLE_KEYS = {"bot": "catalog_bot_key", "advisor": "catalog_advisor_key"}


def _key_check(*roles: str):
    def check(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
        settings = request.app.state.settings
        names = ["catalog_api_key"] + [ROLE_KEYS[role] for role in roles]
        accepted = [getattr(settings, name) for name in names if getattr(settings, name)]
        if not accepted:
            wanted = " or ".join(name.upper() for name in names)
            raise HTTPException(503, f"This is turned off on this server: {wanted} is not set.")
        if not x_api_key:
            raise HTTPException(401, "This needs an API key in the X-API-Key header.")
        # Every key is compared, in constant time, so timing tells nothing about which one is close.
        matches = [hmac.compare_digest(x_api_key.encode(), key.encode()) for key in accepted]
        if not any(matches):
            raise HTTPException(403, "That API key is not valid for this.")

    return check


# The operator's key only (imports, the retention purge).
require_api_key = _key_check()
# The assistant's work: recording a hand-off, forgetting a conversation's referrals.
require_bot_key = _key_check("bot")
# Advisors' work: listing, reading and updating referrals.
require_advisor_key = _key_check("advisor")


def _query_names(dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_query(request: Request) -> None:
    """A misspelt filter (`ocupation=`) would otherwise be ignored and return everything."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    allowed = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed)) or "none"
        raise HTTPException(422, f"Unknown query parameter '{unknown[0]}'. Known parameters: {known}.")


class Paging:
    def __init__(
        self,
        page: Annotated[int, Query(ge=1, le=10_000, description="Page number, from 1")] = 1,
        per_page: Annotated[int, Query(ge=1, le=100, description="Items per page")] = 20,
    ):
        self.page = page
        self.per_page = per_page

    def answer(self, items: list, total: int) -> dict:
        return {"items": items, "total": total, "page": self.page, "per_page": self.per_page}


SessionDep = Annotated[Session, Depends(get_session)]
TodayDep = Annotated[dt.date, Depends(today)]
PagingDep = Annotated[Paging, Depends()]
SearchText = Annotated[str | None, Query(max_length=200, description="Words to search for")]
ZipQuery = Annotated[str | None, Query(pattern=r"^\d{5}$", description="5-digit US ZIP code")]
CityQuery = Annotated[str | None, Query(max_length=80)]
StateQuery = Annotated[str | None, Query(max_length=30, description="2-letter code or state name")]
RadiusQuery = Annotated[float, Query(gt=0, le=250, description="Miles around the ZIP or city")]
OccupationQuery = Annotated[str | None, Query(max_length=80, description="Occupation key or any name for it")]
