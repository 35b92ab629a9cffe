"""Hints of danger that call for a question before an answer (bot/nlu_safety.py decides).

Some messages hint at danger without saying it: "if something happens to me who gets my last
paycheck", "sorry to bother u. last text", "idk why i even try anymore". The 988 answer would say
more than the text does, and a career answer would walk past a person who may be saying goodbye. A
caring person would ask first, so the assistant does: it checks in ("are you safe right now?") with
the crisis lines in the same short reply, and a yes or a no decides what comes next
(data/rules/safety.yml).

The hints are kinds, written here in our own words: a question about what happens if one is gone,
a last message or an apology said as a farewell, effort that no longer seems worth it, having had
enough, not lasting, no longer needing anything, belongings given away, ceasing to bother people,
not seeing oneself around, goodbyes and thanks said as farewells, letters to one's family, a pet
given away, hope given up for oneself, a tiredness not of the body, not caring what becomes of one.
They are read after the ordinary senses of danger words are set aside (a trip, leave, a phone
about to die), so "my last text before my phone dies" stays a career question.
"""

from __future__ import annotations

import re

# Benefits asked about in HR's words ("who is the default beneficiary if i pass away", "does the
# tuition get forgiven if i pass away while enrolled", "what happens to my 403b if i die, does it go
# to my spouse automatically"): anywhere in the message, unless the time is near ("if i die tonight").
_NOT_PAPERWORK = (r"^(?=.*\b(tonight|today|soon|this week)\b|(?!.*\b(beneficiar\w*|estate|owe|owed|repay\w*|"
                  r"pay (it )?back|forgiv\w*|discharg\w*|policy|enroll\w*|automatically|default|designat\w*|"
                  r"paperwork|forms?|workers'? ?comp|covered|coverage|cover (it|my|the|them)|employer\w*|"
                  r"through (work|my job|the hospital|my employer|the company)|(on|off) the clock|group life|hr|"
                  r"(i|i'?m|im) (transfer\w*|resign\w*|quit\w*)|employed|laid off|layoffs?|reorg\w*|restructur\w*|"
                  r"position|contract|pension|retire\w*)\b)).*?")
# Away at a time of day or when someone calls ("if i'm not around when the recruiter calls", "...at 3",
# "...tomorrow morning").
_NOT_AN_ERRAND = (r"(?! (at \d|by \d|in time|((tomorrow|this|in the) )?(morning|afternoon|evening|lunch)|"
                  r"to (answer|pick|sign|take|get)\b|(when|while) (the|my|they|he|she|u|you|some ?one|some ?body) "
                  r"(\w+ ){0,2}(call|sign|come|arriv|show|deliver|text|email|ring|stop)))")
# Work, school, a drive or paperwork named as what one is tired of or can't go on with ("cant keep
# doing this night shift schedule", "tired of everything about this commute", "...being on paper").
_WORK_NAMED = (r"(?![^.!?]*\b(jobs?|shifts?|schedules?|commute|drive|traffic|bus|parking|school|class(es)?|semesters?|"
               r"programs?|retail|work|warehouse|store|restaurant|customers|boss|manager|hours|overtime|nights|doubles|"
               r"pay|paper|paperwork|forms?|online|portal|emails?|costing|prices?|tuition)\b)")

# Each kind is searched on its own: one alternation of them all costs several times as much, since
# a combined pattern loses what each kind's leading words let the regex engine skip (0.44 against
# about 0.1 ms a message over the read sets, measured).
HINTS = tuple(re.compile(kind, re.IGNORECASE) for kind in [
    # What happens if one is gone ("...does my scholarship transfer to my sister if i'm not around").
    # Not an errand ("if i'm gone when the mail comes") nor a job left ("if i'm no longer here
    # because i transfer"). The generic "you" ("does it go to your family if you die") is a policy.
    _NOT_PAPERWORK + r"(\bif (i'?m|im|i am) (gone|no longer (here|around)|not (here|around)( any ?more| next \w+)?)"
    r"\b" + _NOT_AN_ERRAND + r"|\b(once|after) (i'?m|im|i am) (gone|no longer (here|around))"
    r"\b" + _NOT_AN_ERRAND + r"|"
    # Not an injury at work ("if something happens to me at clinicals does the insurance cover it").
    r"\bif (something|anything) (happens|happened|were to happen|was to happen|should happen) to me\b(?! (at|on|during|"
    r"while|in) (work|clinicals?|the job|my shift|shift|a shift|class|school|the (unit|floor|hospital|road|way)|driving|"
    r"commuting)\b)|"
    # Not an admission or a deadline ("if i dont make it into the program", "...to the interview on time").
    r"\bif i (die|died|pass away|passed away)\b|\bif i (don'?t|dont|do not) make it\b(?! (in|into|to|on|onto|past|by|"
    r"before|for|back|there|home|out|up|off|the|a|an)\b| through (?!(the night|tonight|this week|the week)\b)))",
    # A last message said as a farewell ("sorry to bother u. last text", "this is my last message.
    # thank you"). Not a message asked about ("did u get my last message?", "my last text didnt go
    # through") nor one before something ("last text b4 my phone dies", set aside as ordinary).
    r"(^|[.!?,;] *|\b(this is|this'?ll be|that'?s|that was|heres|here'?s|here is|sorry,?|ok,?|okay,?) )(my )?last "
    r"(text|txt|message|msg)\b(?=\W*$|[.!?] *(thank|thanks|thx|ty|bye|goodbye|love|sorry)\b| (ever|from me|to (you|u|"
    r"any ?one|any ?body))\b)(?![^.!?]*\b(didn'?t|did not|never|wasn'?t) (go through|send|deliver|get)\b)",
    r"\blast time i'?ll (bother|text|message|talk to|write( to)?) (you|u|any ?one|any ?body|y'?all|every ?one)\b"
    r"(?! (with|about)\b)|\blast time i'?ll bother\b[^.!?]*[.!?,;]* *(thanks?|thx|ty) (you |u )?for everything\b",
    # An apology for everything, or for the last time; not "sorry to bother you again, one more
    # question" nor "sorry in advance for all the questions".
    r"\bsorry (to bother|for bothering) (\w+ ){0,3}?(for|one) (the )?last time\b|\bsorry for everything\b(?=\W*$|"
    r"[.!?,]| (i'?ve|ive|i have) (done|put|caused))|\bsorry in advance for (everything|what i'?m (about|going) to do|"
    r"what im (about|going|gonna) (to )?do)\b",
    # Thanks as a farewell; not "thanks for everything! i'll submit the form tomorrow. bye!".
    r"\b(thanks?|thx|ty) (you |u )?for everything\b(?=\W+(this is (goodbye|it|the end)|goodbye (forever|for good)|"
    r"(you|u) (won'?t|wont) (hear from|see) me|i'?m sorry|im sorry|i love (you|u)|for the last time)\b)|"
    r"\bthis is (goodbye|my goodbye)\b(?=\W*$|,? (for (real|good)|forever)\b)|\b(probably|maybe) (the|my) last "
    r"(time|message|text)\b(?=\W*$| (you'?ll|u'?ll) (hear|see)\b)",
    # Sorry, to be passed on; not a message for a recruiter or being late ("tell my mom im sorry
    # i'll be late").
    r"\btell (my|him|her|them) (?!(recruiter|manager|boss|supervisor|instructor|teacher|prof\w*|interviewer|hr|"
    r"coworkers?|preceptor|advisor|charge nurse)\b)(\w+ ){0,2}(that )?(i'?m|im|i am) sorry\b(?=\W*$|[.!?,;]| ("
    r"for (everything|it all|all of (it|this))|and (that )?i love|i love|i tried|i couldn'?t|it wasn'?t)\b)"
    r"(?![^.!?]*\b(late|miss(ed)?|running behind|reschedul\w*)\b)",
    # Effort that no longer seems worth it. Not a plan weighed ("whats the point of the TEAS if...",
    # set aside as ordinary) nor a form or a step ("whats the point of this form", "...of it if the
    # hospital won't reimburse").
    r"\bthe point (of|in) (trying|applying|studying|working|going|doing|bothering)\b[^.!?]{0,20}\b(anywhere|any ?more|"
    r"at all|anything)\b|\bthe point (of|in) (anything|any of (it|this)|it all|even trying)\b|"
    r"\bthe point (of|in) (it|this)\b(?=\W*$|\W*(any ?more|anyway|honestly|tbh|lol|fr|really)\b|\W+(i|im|i'?m|nothing|"
    r"no ?one|every ?thing|idk)\b)|\bwhat'?s (even )?the point (any ?more|anyway)\b|\bwhat'?s even the point\b",
    r"\bwhy (do )?i (even )?(try|bother)\b[^.!?]{0,20}\b(any ?more|at all)\b|\bwhy (do )?i even (try|bother)\W*$|"
    r"\b((don'?t|dont|do not) (even )?know|idk) why i (even )?(try|bother)\W*$",
    # Having had enough, not going on; not work or a commute named ("cant keep doing this commute",
    # "...this night shift schedule", "had enough of everyone at this job").
    r"\b(can'?t|cant|cannot) keep (doing|going on like|living like) this\b(?=\W+(any ?more|any longer|much longer)\b)|"
    r"\b(can'?t|cant|cannot) keep (doing|going on like|living like) this\b" + _WORK_NAMED
    + r"(\W+(tbh|honestly|lol))?\W*($|[.!?,])",
    # Not knowing how much longer one can go on, the same way ("not sure how much longer i can do this").
    r"\b((don'?t|dont|do not) know|not sure|idk|no idea) how (much )?long(er)? i can (do|keep (doing|going|this up|it up)|take|"
    r"handle|last|go on)\b( (this|it|any of (this|it)|all (of )?this))?" + _WORK_NAMED + r"(\W+(tbh|honestly|lol))?\W*($|[.!?,])",
    r"\b(had|have had|i'?ve had|ive had) enough of (it all|life|all of (it|this)|this life)\b|\b(had|have had|i'?ve had|"
    r"ive had) enough of (everything|every ?one|every ?body)\b(?=\W*$|[.!?,])",
    r"\b(tired|exhausted|sick) of (everything|it all)\b" + _WORK_NAMED,
    # Not lasting, said by oneself ("i dont think ill make it much longer"); not a car or a class
    # ("my car wont make it much longer", "i wont make it to graduation if i fail chem").
    r"(\bi |^|[.!?,;] ?)(really |honestly |probably |prob |just )?(won'?t|wont|will not|might not|may not|"
    r"(i'?m |im )?not (gonna|going to)|(don'?t|dont) think (i'?ll|ill|i will)) make it (that far|much longer|"
    r"to (graduation|summer|next (year|month|week)|the end( of the (year|month|week))?|my birthday|christmas))\b"
    r"(?=\W*($|[.!?,])|\W+(honestly|tbh|lol|any ?way)\b)",
    r"\b(you|u|y'?all|they|every ?one) (won'?t|wont|will not) have to (deal with|worry about|put up with) me (much longer|"
    r"any ?more|for long)\b",
    # No longer needing anything; not "i won't need anything from HR", a car after a move, nor
    # what "we" or "you" won't need.
    r"\b(?<!we )(?<!you )(?<!u )(?<!they )(won'?t|wont|will not|might not|may not) (need|be needing) (much of )?(anything|my (stuff|things|belongings|car|"
    r"clothes)|any of (it|this|my stuff))\W+(any ?more|where (i'?m|im) going|after (tonight|this week|today))\b"
    r"(?![^.!?]*\b(mov(e|ed|ing)|once|since|bc|because|cuz|programs?|jobs?|school|class(es)?)\b)|"
    # Or said of nearly everything ("might not need that job after all. might not need much of anything").
    r"\b(?<!we )(?<!you )(?<!u )(?<!they )(won'?t|wont|will not|might not|may not) need much of anything\b(?=\W*$)",
    # Ceasing to bother people; not with questions or at work ("stop bothering everyone about shifts").
    r"\b(stop|quit) (bothering|being a (bother|burden) to|burdening) (every ?one|every ?body|any ?one|people|you all|"
    r"y'?all|you guys|my family)\b(?! (with|about|at|for|to)\b)|\b(stop|quit) being a (burden|bother)\b(?=\W*$| soon\b| "
    r"(for good|forever)\b)|\b(won'?t|wont|will not) (bother|burden) (any ?one|"
    r"every ?one|any ?body|every ?body) (any ?more|much longer|ever again)\b",
    # Belongings given away; not for a move or a donation ("giving away some of my textbooks before i move").
    r"\b(giv(e|ing)|gave|given) away (some of |most of |a lot of |half of )?my (stuff|things|belongings|possessions)\b"
    r"(?![^.!?]*\b(mov(e|ed|es|ing)|relocat\w*|downsiz\w*|(garage|yard) sale|marketplace|goodwill|donat\w*|"
    r"declutter\w*|dorm)\b)",
    # Not seeing oneself still around in a few years; not at a job or in a field ("i don't see myself
    # around this unit in 5 years", "...being around patients all day").
    r"\b(don'?t|dont|do not|can'?t|cant|cannot) (really |honestly |even )?see (myself|me) (still |even )?(being )?around\b"
    r"(?! (here|this|that|the|my|our|these|those|patients|people|kids|blood|needles|sick)\b)(?![^.!?]*\b(jobs?|unit|floor|"
    r"company|field|hospital|clinic|position|role|industry|place|team|department|retail|store|profession|bedside)\b)",
    # Sorry for everything, said to the end or with a word after it ("sorry for everything really").
    r"\bsorry for everything\W+(really|honestly|truly|tbh|i mean it|i mean that)\W*($|[.!?,])",
    # Thanks said as if for the last time, in the past tense ("i want everyone to know i was grateful
    # for them"); not a card, a speech or a party for leaving a job.
    r"(^|[.!?,;] *)(i )?(just |really )?(want|wanted|need) (every ?one|every ?body|them all|all of (you|them)|people|my "
    r"(family|friends|parents|kids)) to know (that )?i (appreciated|loved|cared about|was grateful for) (them|you|everyone|"
    r"everybody|all of (them|you))\b(?![^.!?]*\b(card|speech|toast|party|leav\w*|retir\w*|"
    r"transfer\w*|last (day|shift|week)|unit|team|shift|potluck|moving|graduat\w*)\b)",
    # Hope given up for oneself ("things never get better for someone like me"); not a workplace or a
    # wage ("nothing ever gets better at this hospital", "the pay never gets better").
    r"\b(nothing|things|it|life) (ever |really |just )?(never |don'?t |doesn'?t |won'?t |will never |is never going to )?"
    r"(gets?|get|ever get|will get|is going to get|is gonna get) better for (me|people like me|someone like me|"
    r"(girls|guys|kids|people) like me)\b(?! (at|in|with|on) (this|my|the|work|school)\b)",
    # A farewell passed on in case one is not there ("tell my coach thank you for everything if i'm not
    # around", "if i don't make it, tell my mom i love her"); not a message about being late.
    r"\btell (my|him|her|them|every ?one|every ?body) (\w+ ){0,2}(thanks?|thank (you|u)|i love|i loved|goodbye|bye)\b"
    r"[^.!?]{0,40}\bif i (don'?t|dont|do not) make it\b(?! (on time|in time|to (the|my|a|an) (\w+ )?(interview|meeting|"
    r"appointment|shift|class|call|bus|train|event|party|ceremony)|there|back)\b)|"
    r"\bif i (don'?t|dont|do not) make it\b(?! (on time|in time|to (the|my|a|an) (\w+ )?(interview|meeting|appointment|"
    r"shift|class|call|bus|train|event|party|ceremony)|there|back)\b)[^.!?]{0,20}\btell (my|him|her|them|every ?one|"
    r"every ?body) (\w+ ){0,2}(thanks?|thank (you|u)|i love|i loved|goodbye|bye|i'?m sorry|im sorry)\b",
    # A tiredness said not to be of the body ("tired, and not the kind sleep fixes"); not burnout named.
    r"(\b(tired|exhausted)\W{1,4}(and )?not (the |from )?(sleep|physical|nap) (kind|type|way)\b|"
    r"\b(tired|exhausted)\b[^.!?]{0,12}\bnot the kind (that )?(sleep|rest|a nap|naps) (fixes|helps|can fix|will fix)\b)"
    r"(?![^.!?]{0,40}\b(burn(ed|t)? ?out|jobs?|work|shifts?|nights|school|class(es)?|commute|doubles|coffee|caffeine)\b)",
    # Goodbyes being said to people, not to a unit, patients or classmates, nor before a move or a
    # new job ("saying my goodbyes to the unit before i transfer").
    r"\b(say|saying|said|been saying) (my |all my |our )?goodbyes\b(?! (to|at) (my |the |our |all my |all the )?"
    r"(coworkers?|co-workers?|team|unit|patients?|residents?|class(mates)?|students|staff|preceptors?|floor|job|work|"
    r"school|clinic|store|old|regulars|customers))(?![^.!?]*\b(mov(e|ed|ing)|relocat\w*|transfer\w*|last (day|shift|week)|"
    r"leav\w*|retir\w*|graduat\w*|deploy\w*|new job|farewell|trip|vacation|abroad)\b)",
    # A pet given away with no reason but the time ("gave my dog to my sister, it was time"); not for a
    # move, a new job or long shifts.
    r"^(?!.*\b(mov(e|ed|es|ing)|relocat\w*|apartment|landlord|lease|allerg\w*|baby|deploy\w*|dorm|travel\w*|jobs?|"
    r"shifts?|hours|school|program|clinicals)\b).*?\b(gave|given|giving|rehomed|rehoming) (away )?my (cat|dog|pets?|kitten|puppy|bird|bunny|rabbit|hamster)\b"
    r"[^.!?]*[.!?,;]* *(it )?(felt|feels|seemed|seems|was|is|it'?s|its) (like )?(the )?right time\b",
    # Letters written to one's family or friends, not thank-you or holiday letters, nor ones from
    # far away for a reason ("writing letters to my family from basic training").
    r"\b(writ\w*|wrote) (?!(thank|cover|christmas|holiday|birthday|recommendation|reference|love|wedding)\b)(\w+ )?"
    r"(letters?|notes?) (to|for) (each of |all of )?(my|every ?one|every ?body)( (family|friends|"
    r"parents|kids|children|loved ones|mom and dad|people i love|wife|husband|partner|sisters?|brothers?))?\b"
    r"(?![^.!?]*\b(thank\w*|christmas|holiday|birthday|recommendation|reference|cover|graduation|"
    r"wedding|every (day|week|month)|from (basic|boot camp|camp|college|school|deployment|overseas|abroad)|deploy\w*|"
    r"training|camp|prison|jail|overseas|abroad|pen ?pal|class|assignment|project|homework)\b)",
    # Not caring any more what becomes of oneself; not at work ("stopped caring what happens to me at
    # this job").
    r"\b(stopped|stop|don'?t|dont|do not|no longer|quit) (really |even )?car(e|ing) (about )?(what|whether|if) "
    r"(happens to me|becomes of me|i (live|die|wake up|make it|get hurt))\b(?! (at|in|on) (this|my|the|work|school)\b)",
])


def hint(text: str) -> str | None:
    """The words of a hint in text whose ordinary senses are already set aside, or None."""
    for kind in HINTS:
        match = kind.search(text)
        if match:
            return match.group(0)
    return None
