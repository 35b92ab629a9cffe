"""Carrier keywords (STOP, START, HELP and friends), answered before anything reaches the assistant.

Carriers and Twilio expect these words to work on every number whatever the conversation is about,
so they are matched on the whole message only ("stop" opts out; "stop sending me jobs in LA" is
a sentence for the assistant).
"""

from __future__ import annotations

import enum
import re
from typing import Optional

PROGRAM = "Health Careers Guide"


class Keyword(enum.Enum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"


OPT_OUT_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
OPT_IN_WORDS = {"START", "UNSTOP"}
# "Yes" is an everyday answer; it only opts back in from someone who has opted out.
OPT_IN_AFTER_OPT_OUT = {"YES"}
HELP_WORDS = {"HELP", "INFO"}

_EDGES = re.compile(r"^[\s\"'.!?,;:()*-]+|[\s\"'.!?,;:()*-]+$")


def normalize(text: str) -> str:
    return _EDGES.sub("", text or "").upper().replace(" ", "")


def keyword_of(text: str, opted_out: bool) -> Optional[Keyword]:
    word = normalize(text)
    if word in OPT_OUT_WORDS:
        return Keyword.OPT_OUT
    if word in OPT_IN_WORDS or (opted_out and word in OPT_IN_AFTER_OPT_OUT):
        return Keyword.OPT_IN
    if word in HELP_WORDS:
        return Keyword.HELP
    return None


def help_text(support_contact: str) -> str:
    return (
        f"{PROGRAM}: free help finding health care jobs, training and money for school. "
        "We only text you back when you text us. Msg & data rates may apply. "
        f"Reply STOP to opt out. Need help? Contact {support_contact}."
    )


def opt_out_text() -> str:
    return (
        f"You are unsubscribed from {PROGRAM} and will get no more texts. "
        "Reply START to come back."
    )


def opt_in_text() -> str:
    return (
        f"Welcome back to {PROGRAM}! Ask me about health jobs or training. "
        "Reply HELP for help, STOP to opt out. Msg & data rates may apply."
    )
