"""POST /guide/aspect: a follow-up about one aspect of what the conversation is about ("how much
does it cost?", "is the second one online?", "and for an LVN?"), answered from that record.

The subject is what the message names (the longest name the catalog knows), else a position in
the last list, else the conversation's subject. What a record does not publish is said so, with
whom to ask and the link. A follow-up that points at nothing gets a plain sentence of what can be
asked, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from catalog.guide import record_aspects
from catalog.guide.context import Context
from catalog.guide.wording import and_words
from catalog.guide import careers
from catalog.mentions import longest_in, mentions_in
from catalog.said import GuideFacts, followup_of, reply_words

# What a record of each type can answer; other aspects are answered by what does apply.
EXAMPLES = ('Ask about something I showed you, for example "how much does it cost?", "is the first one online?" '
            'or "how do I apply?", or name a career or program.')
# Aspects that are not also ways to filter a list ("free", "near me", "online"), so a short
# question about one is about the subject even when the NLU calls it a list request.
LIST_NEUTRAL = {"length", "requirements", "pay", "dates", "leads_to", "apply", "contact", "work", "paid"}
COMPARE = re.compile(r"\b(?:vs\.?|versus|compare|comparison|difference|differ|better|or|and)\b", re.I)
NO_SUBJECT = "I'm not sure which one you mean. " + EXAMPLES


def _no_position(position: int, shown: list[dict]) -> str:
    names = and_words([f"{i}. {item.get('name')}" for i, item in enumerate(shown[:5], 1)])
    return f"I showed you {len(shown)}, so there is no number {position}: {names}. Ask about one by its number or name."


def _pick(position: int, shown: list[dict]) -> dict | None:
    if position == -1:
        return shown[-1] if shown else None
    return shown[position - 1] if 1 <= position <= len(shown) else None


def aspect(session: Session, text: str, subject: dict | None, shown: list[dict], before: str | None,
           list_asked: bool, said: GuideFacts, today: dt.date, asked: str | None = None) -> dict:
    """{"followup": bool, "aspect", "subject", "lines", "items"}: `followup` false means the message
    is not about an aspect of something (the caller answers it as a new question); `aspect` is
    still given, so "and for an LVN?" after a pay question can keep it. With the question the
    assistant asked last (`asked`), a reply that answers it is that fact ("reply": the fact and
    the words that give it), never a follow-up or a new subject."""
    ctx = Context.of(session, said, today)
    answered = reply_words(asked, text, ctx.occupations, ctx.names) if asked else None
    if answered:
        return {"followup": False, "aspect": None, "subject": None, "lines": [], "items": [], "named": None,
                "reply": {"fact": answered[0], "said": answered[1]}}
    named_careers = [m for m in mentions_in(text, ctx.occupations, ctx.names) if m.type == "career"]
    keys = list(dict.fromkeys(m.key for m in named_careers))
    if len(keys) >= 2 and COMPARE.search(text) and re.search(r"\bvs\b|versus|compar|differ|better|which|or\b", text, re.I):
        # "MA or LVN, which is better?": both side by side.
        items = [{"type": "career", "key": m.key, "name": m.name} for m in named_careers][:2]
        return {"followup": True, "aspect": None, "subject": None, "lines": careers.compare(ctx, keys),
                "items": items, "facts": ctx.decided()}
    heard = followup_of(text)
    named = longest_in(text, ctx.occupations, ctx.names)
    what = heard.aspect
    referenced = heard.position is not None or heard.pointing
    switching = what is None and bool(named and heard.switch and before and (subject or shown))
    if switching:
        what = before  # "and for an LVN?": the same question about another subject
    if what is None and heard.position is not None and shown:
        what = "work"  # "the second one": tell me about it
    not_followup = {"followup": False, "aspect": what, "subject": None, "lines": [], "items": [], "named": None}
    if named and (what is not None or len(named.said) >= 0.6 * len(text.strip())):
        # A message that is mostly one name the catalog knows ("futuro health medical assistant"),
        # or asks about one ("Am I eligible for the ... (Choice program)?"): said, so a message
        # the NLU could not place is answered about that name.
        not_followup["named"] = {"type": named.type, "key": named.key, "name": named.name}
    if what is None:
        return not_followup
    in_conversation = bool(subject or shown)
    # "any free CNA classes near me?" is a new list, not a follow-up; "how much school?" after a
    # career (which the NLU may call a list request) asks about that career.
    if list_asked and not referenced and not switching and (named or what not in LIST_NEUTRAL or not in_conversation):
        return not_followup
    target: dict | None = None
    if named and (in_conversation or referenced):
        target = {"type": named.type, "key": named.key, "name": named.name}
    elif named:
        return not_followup  # a first question naming its subject gets the whole answer
    elif heard.position is not None:
        if not shown:
            return {**not_followup, "followup": True, "lines": [NO_SUBJECT]}
        target = _pick(heard.position, shown)
        if target is None:
            return {**not_followup, "followup": True, "lines": [_no_position(heard.position, shown)]}
    elif subject:
        target = subject
    elif len(shown) == 1:
        target = shown[0]
    elif shown and referenced:
        names = and_words([f"{i}. {item.get('name')}" for i, item in enumerate(shown[:5], 1)])
        return {**not_followup, "followup": True, "lines": [f"Which one? {names}. Say its number or name."]}
    elif referenced:
        return {**not_followup, "followup": True, "lines": [NO_SUBJECT]}
    if target is None:
        return not_followup
    answer = record_aspects.answer(ctx, target, what)
    if answer is None:
        return {**not_followup, "followup": True, "lines": [NO_SUBJECT]}
    lines, items = answer
    return {"followup": True, "aspect": what, "subject": target, "lines": lines, "items": items,
            "facts": ctx.decided()}
