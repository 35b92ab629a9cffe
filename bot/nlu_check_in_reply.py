"""Replies that say the person is fine, the answer the check-in hopes for (bot/nlu_safety.py decides).

After a hint of danger the assistant asks "Are you safe right now? ... If I read you wrong, just say
so" (domain/safety.yml). People answer in their own words: "no im fine, i was literally just asking
about payroll", "lol yes im okay, i meant im quitting my retail job", "You read me wrong. I'm fine",
"Safe. Misunderstanding - I'm retiring." Read alone, the model takes most of these for off-topic
text, a goodbye or a no, and "no" to "are you safe" must get the crisis lines.

A reply that opens by saying the person is fine, safe or misread, and says nothing worse after, is
marked (the entity `check_in_reply`), and its intent becomes a yes or a no as its first word says.
Elsewhere that is what such a reply means ("no im good" to an offer of more results is a no); after
the check-in the mark picks the glad reply (domain/safety.yml). A plain yes is marked too; a yes that
hedges ("kind of", "i guess", "for now", "does it matter") is not, and gets the crisis lines.
"""

from __future__ import annotations

import re

# The whole message says the person is safe ("yes im safe", "i'm safe now, promise"): a yes to the
# check-in. The sentence encoder put "im safe" within reach of the crisis example "i'm not safe right
# now", and the model took it for crisis.
SAFE = re.compile(
    r"^\W*((yes|yeah|yep|yup|ya|yea|yes i am|i am|ok|okay|lol|no worries)\W+)?(i'?m|im|i am|i feel|feeling) (totally |"
    r"really |completely |perfectly |actually |100% )?safe( now| rn| right now| here| at home)?(\W+(i promise|"
    r"promise|dont worry|don'?t worry|thanks?( you)?|thx|ty|lol|tho|just asking|honestly|really))*\W*$",
    re.IGNORECASE)

# Words a reply may open with before it says how the person is ("omg no", "haha yes", "ok yeah").
_OPENING = (r"^\W*((yes|yeah|yep|yup|ya|yea|yess+|no|nah|nope|naw|no no|lol|lmao|haha|omg|oh|ok|okay|sorry|"
            r"dw|no worries|honestly|thanks|thank you)\W+)*")
# Being fine said outright; not "im good at math" or "i'm fine with night shifts", which are about
# something else. A bare "ok", "good" or "alright" opens too many replies ("ok sure", "good evening")
# to say anything of the person: "fine" and "safe" alone do.
_FINE = (r"(((i'?m|im|i am|i feel|feeling|doing|i'?m doing|im doing|it'?s all|all|yes)\s+)(totally |really |completely |"
         r"perfectly |actually |100% |all |very )?(safe( and sound)?|fine|ok|okay|good|alright|all right|not in danger)"
         r"|(totally |completely |perfectly |100% )?(safe( and sound)?|fine)|(totally|completely|perfectly|100%) "
         r"(ok|okay|good|alright)|all good|not in (any )?danger)(?!\w| (at|with|to|for|in|on|enough|about|if|as|from|"
         r"doing|w|evening|morning|afternoon|night)\b)")
# Having been read wrong: "you misread me", "wrong read", "i was just asking", "it was a joke".
_MISREAD = (r"((you|u) (misread|misunderstood|read (me|that|it) wrong|got (me|it|that) wrong|took (me|it|that) wrong)"
            r"|wrong read|(a )?misunderstanding|(i was |i'?m |im |was )?(just |literally just |only )?"
            r"(asking|joking|kidding|venting)\b|it was (just )?(a joke|song lyrics|a song|a meme)|ur good|you'?re good)")
FINE = re.compile(_OPENING + f"({_FINE}|{_MISREAD})", re.IGNORECASE)
# What takes the fine back: "im fine. not really", "im fine jk", "i'm ok but i keep thinking about it".
TAKEN_BACK = re.compile(r"\b(not really|jk|actually (no|not)|i lied|lying|or not|idk|i don'?t know|"
                        r"but(?! thanks?\b| thank you\b| no harm\b))\b", re.IGNORECASE)


# A yes that is not quite one, to "are you safe right now?": "kind of", "i guess", "safe for now",
# "physically yes", "does it matter".
HEDGE = re.compile(r"\b(kind of|kinda|sort of|sorta|maybe|i guess|i think( so)?|i suppose|probably|not sure|idk|"
                   r"i don'?t know|dunno|does it matter|sometimes|mostly|for now|at the moment|hopefully|depends|"
                   r"physically|somewhat|barely|more or less|define safe|ig|meh)\b", re.IGNORECASE)
# A question or a request after "i'm fine" is answered, not taken for the reply alone: "yes im fine.
# how does tuition reimbursement work", "...and wanted to know about my tuition reimbursement".
ASKS = re.compile(r"\?|\b(how|what|whats|where|which|who|when|why|does|do i|do you|is there|are there|can (i|you|u)|"
                  r"could (i|you|u)|should i|tell me|want(ed)? to know|wondering|looking for|need (info|help))\b",
                  re.IGNORECASE)


def says_fine(text: str) -> bool:
    """The reply opens by saying the person is fine, safe or read wrong, and takes none of it back."""
    return FINE.search(text) is not None and TAKEN_BACK.search(text) is None


def hedges(text: str) -> bool:
    return HEDGE.search(text) is not None


def asks(text: str) -> bool:
    return ASKS.search(text) is not None


def says_yes(text: str) -> bool:
    """The reply's first word is a yes ("yes im safe", "ya im ok"), not a no ("nah im good")."""
    return re.match(r"^\W*(yes|yeah|yep|yup|ya|yea|yess+|ok|okay)\b", text, re.IGNORECASE) is not None
