"""POST /guide/fits: "what fits me?", "I'm good with my hands": three careers with why, pay and
time to train (catalog/guide/careers.py chooses them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from catalog.guide import careers
from catalog.guide.context import Context
from catalog.said import GuideFacts


def fits(session: Session, text: str, said: GuideFacts, today: dt.date) -> dict:
    ctx = Context.of(session, said, today)
    lines, items = careers.fits(ctx, text)
    return {"facts": ctx.decided(), "lines": lines, "items": items, "ask": None, "place": ctx.place_block()}
