"""POST /guide/fits: "what fits me?", "I'm good with my hands": three careers with why, pay and
time to train; and POST /guide/career with `plan`: "what do I do next?" as a numbered plan
(catalog/guide/careers.py words both)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from catalog.guide import careers
from catalog.guide.career import career
from catalog.guide.context import Context
from catalog.said import GuideFacts


def fits(session: Session, text: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    lines, items = careers.fits(ctx, text)
    return {"facts": ctx.decided(), "lines": lines, "items": items, "ask": None, "place": ctx.place_block()}


def plan(session: Session, said_occupation: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    found = ctx.occupations.lookup(said_occupation)
    if not found.key:
        return career(session, said_occupation, said, today)  # names it back, with careers it covers
    steps, items = careers.plan(ctx, found.key)
    return {"facts": ctx.decided(), "found": True,
            "occupation": {"key": found.key, "title": ctx.occupations.titles[found.key]},
            "lines": steps, "ask": None, "place": ctx.place_block(), "programs": items}
