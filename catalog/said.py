"""What a person told the assistant, in their words ("junior", "GED", "Kaiser", "Houston Texas",
"LVN"), turned into the catalog's Facts. The guide endpoints take these words so the assistant
never decides what they mean (or whether the person is a minor) itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from catalog import geo
from catalog.mentions import mentions_in
from catalog.named import Entry, NameIndex
from catalog.occupations import OccupationIndex, normal
from catalog.profile import Facts, Profile
from catalog.records import Group, Strict

Said = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]

GRADE_WORDS = {"freshman": 9, "sophomore": 10, "junior": 11, "senior": 12}
GRADE_NUMBER = re.compile(r"\b(1[0-2]|[1-9])(?:st|nd|rd|th)?\b")
# Most specific first: "some college" before "college", "master" before anything with "degree".
EDUCATION_PATTERNS = [
    (re.compile(r"doctor|phd|\bmd\b|dnp"), "doctorate"),
    (re.compile(r"master|\bmsn\b|\bmba\b|\bms\b|\bma degree"), "master"),
    (re.compile(r"bachelor|\bbsn\b|\bba\b|\bbs\b|4 year degree|four year degree|college degree|university degree"), "bachelor"),
    (re.compile(r"associate|\baa\b|\bas\b|\badn\b|2 year degree|two year degree|community college degree"), "associate"),
    (re.compile(r"certificate|certified|certification|\bcna\b|\blvn\b|\blpn\b|\bcert\b"), "certificate"),
    (re.compile(r"some college|in college|college student"), "some_college"),
    (re.compile(r"\bged\b|\bhs diploma|high school diploma|diploma|graduated high school|finished high school|hiset|high school grad"), "high_school"),
    (re.compile(r"some high school|dropped out|no diploma|didn t finish high school|did not finish high school|in high school|"
                r"still in school|high school student|middle school|\b(?:9|10|11|12)th grade|freshman|sophomore|junior|senior"), "some_high_school"),
    (re.compile(r"^none$|no school"), "none"),
]
GROUP_WORDS = {
    "hispanic": "hispanic_latino", "latino": "hispanic_latino", "latina": "hispanic_latino", "latinx": "hispanic_latino",
    "black": "black", "african american": "african_american", "native american": "native_american",
    "american indian": "native_american", "indigenous": "native_american", "asian": "asian_american",
    "asian american": "asian_american", "veteran": "veteran", "veterans": "veteran", "vet": "veteran",
    "first generation": "first_generation", "first gen": "first_generation", "lgbtq": "lgbtq", "lgbt": "lgbtq",
    "gay": "lgbtq", "trans": "lgbtq", "queer": "lgbtq", "woman": "women", "women": "women", "female": "women",
    "girls": "women", "low income": "low_income", "poor": "low_income", "disability": "disability",
    "disabled": "disability", "homeless": "homelessness", "formerly incarcerated": "justice_involved",
    "justice involved": "justice_involved", "youth": "youth", "minority": "underrepresented",
    "underrepresented": "underrepresented", "under represented": "underrepresented",
}
# Schooling said as being in school now ("still in high school", "junior"): a student, not a level reached.
IN_SCHOOL = re.compile(r"still in|in high school|high school student|in middle school|\d+th grade|freshman|sophomore|junior|senior")
NO_UNION = re.compile(r"^(no|none|not|non|nope|not in a union|no union|non union|nonunion|non represented)\b")
# "I'm not in a union", "we don't have a union", "she is non-represented": no union, said inside a
# sentence (a bare "union" in the same words would otherwise read as being in one).
NOT_IN_UNION = re.compile(r"\b(?:not|never|no longer|isn t|aren t|wasn t)(?: \w+){0,3} (?:union|unionized|represented)\b|"
                          r"\bnon ?(?:union|represented)\b|\bno union\b|\b(?:don t|dont|do not|doesn t|doesnt|does not) have (?:a )?union\b")
UNSURE = re.compile(r"\bnot sure\b|\bdon t know\b|\bdunno\b|\bidk\b|\bunsure\b|\bno idea\b")


def says_no_union(words: str) -> bool:
    """Whether words given about a union say the person is in none ("no", "I'm not in a union")."""
    words = normal(words)
    return not UNSURE.search(words) and bool(NO_UNION.match(words) or NOT_IN_UNION.search(words))


class GuideFacts(Strict):
    """The facts a conversation holds, as said (docs/catalog-api.md, "Guide")."""

    age: Optional[int] = Field(None, ge=10, le=110)
    grade: Optional[Said] = Field(None, description='"junior", "11th grade", "senior in high school", "high school"')
    place: Optional[Said] = Field(None, description="ZIP, city, city and state, state, or a nickname such as LA")
    education: Optional[Said] = Field(None, description='"GED", "high school diploma", "bachelor\'s", or an education level')
    student: Optional[bool] = None
    employee: Optional[bool] = None
    employer: Optional[Said] = None
    union: Optional[Said] = None
    current_occupation: Optional[Said] = None
    groups: list[Said] = Field([], max_length=15)


@dataclass
class Understood:
    facts: Facts
    place: geo.Understood | None
    # Facts said that are not that fact: a fund's name given as a union ("SEIU-UHW & Joint
    # Employer Education Fund Tuition Support"), so the caller can forget it and ask again.
    not_taken: list[str] = field(default_factory=list)


def grade_of(text: str) -> tuple[int | None, str | None]:
    """(grade 1-12, school level) from "junior", "11th grade", "senior in high school", "college"."""
    words = normal(text)
    if "college" in words or "university" in words:
        return None, "college"
    for word, grade in GRADE_WORDS.items():
        if word in words:
            return grade, "high_school"
    found = GRADE_NUMBER.search(words)
    if found:
        grade = int(found.group(1))
        return grade, "high_school" if grade >= 9 else "middle_school"
    if "middle" in words:
        return None, "middle_school"
    if "high" in words or words in ("hs", "highschool"):
        return None, "high_school"
    return None, None


def education_of(text: str) -> str | None:
    words = normal(text).replace("_", " ")
    if words.replace(" ", "_") in {level for _, level in EDUCATION_PATTERNS}:
        return words.replace(" ", "_")
    for pattern, level in EDUCATION_PATTERNS:
        if pattern.search(words):
            return level
    return None


def groups_of(said: list[str]) -> list[str]:
    found = []
    for text in said:
        words = normal(text).replace("_", " ")
        value = words.replace(" ", "_")
        group = value if value in Group.__members__ else GROUP_WORDS.get(words)
        if group is None:
            group = next((g for word, g in GROUP_WORDS.items() if re.search(rf"\b{word}\b", words)), None)
        if group and group not in found:
            found.append(group)
    return found


def names_an_offer(said: str, names: NameIndex) -> bool:
    """Whether the words are a program's or fund's name (the longest thing they name), so not an
    organisation a person works for or belongs to."""
    named = names.find(said)
    return named.entry is not None and named.entry.kind != "organization" and named.unmatched is None


UNION_ROLES = {"union", "federation"}


def _organization_in(said: str, names: NameIndex) -> tuple[str, Entry] | None:
    """(the words, the organisation) a person names: by its name, else the longest name inside."""
    found = names.find(said, ("organization",)).entry
    if found is not None:
        return normal(said), found
    return names.organization_in(said)


def not_a_union(said: str, names: NameIndex) -> bool:
    """Whether words given as a union name something else the catalog knows: a program or fund,
    or an organisation that is not a union ("SEIU-UHW & Joint Employer Education Fund" is a
    training trust)."""
    if says_no_union(said) or UNSURE.search(normal(said)):
        return False
    if names_an_offer(said, names):
        return True
    found = _organization_in(said, names)
    return found is not None and not (found[1].roles & UNION_ROLES)


def _organization_key(said: str, names: NameIndex, unknown: str | None = None) -> str | None:
    """The organisation a person names ("Kaiser", "a Kaiser hospital in Fresno", "SEIU-UHW"). One
    the catalog does not know keeps its own words as a key: it is still not the employer a
    program is for, so the verdict says no rather than maybe."""
    found = _organization_in(said, names)
    if found:
        return found[1].key
    return unknown or (normal(said).replace(" ", "_")[:80] or None)


def understand(said: GuideFacts, occupations: OccupationIndex, names: NameIndex) -> Understood:
    grade, level = grade_of(said.grade) if said.grade else (None, None)
    if level is None and said.education and IN_SCHOOL.search(normal(said.education)):
        level = grade_of(said.education)[1] or "high_school"
    if said.student is False:
        level = "not_student"
    elif said.student and level is None and said.age is not None and said.age < 18:
        level = "high_school" if said.age >= 14 else "middle_school"
    not_taken = ([*(["employer"] if said.employer and names_an_offer(said.employer, names) else []),
                  *(["union"] if said.union and not_a_union(said.union, names) else [])])
    employer_key = _organization_key(said.employer, names) if said.employer and "employer" not in not_taken else None
    union = None
    if said.union and "union" not in not_taken:
        if says_no_union(said.union):
            union = "none"
        elif UNSURE.search(normal(said.union)):
            union = None  # "not sure if we have a union": not known, so still worth asking
        else:
            union = _organization_key(said.union, names, unknown="member")
    job = _job_in(said.current_occupation, occupations, names) if said.current_occupation else None
    # Naming an employer ("I'm an LVN at Kaiser") says the person works there.
    employee = said.employee if said.employee is not None else (True if employer_key else None)
    place = None
    if said.place:
        # A career word is never taken for a place, even where a town bears the name.
        if normal(said.place) in occupations.names:
            place = geo.not_placed(said.place)
        else:
            place = geo.understand(said.place)
    profile = Profile(
        age=said.age, grade=grade, education=education_of(said.education) if said.education else None,
        student=level, employer=employer_key, employee=employee, union=union,
        current_occupation=job[0] if job else None, groups=groups_of(said.groups) if said.groups else None,
        zip=place.zip if place else None,
        city=place.place.city if place and place.place and not place.zip else None,
        state=place.state if place else None,
    )
    return Understood(Facts(profile=profile, place=place.place if place else None), place, not_taken)


# A reply longer than this is a sentence of its own, not an answer to the question asked.
REPLY_CHARS = 80
# Being in school now, said instead of a job ("I'm in high school", "a college student").
IN_SCHOOL_NOW = re.compile(IN_SCHOOL.pattern + r"|\b(?:in|at) (?:college|university)\b|college student")
# A career said as a goal or a past job, not the job done now.
NOT_NOW = re.compile(r"\b(?:want|wanna|become|becoming|would like|hope|hoping|plan|planning|dream|interested|used to|former|retired)\b")
# Words that say a reply names a school grade or level ("10th", "junior", "college"), not an age.
GRADE_SAID = re.compile(r"grade|freshman|sophomore|junior|senior|college|university|school|\b\d{1,2}(?:st|nd|rd|th)\b")


def reply_words(fact: str, text: str, occupations: OccupationIndex, names: NameIndex) -> tuple[str, str] | None:
    """(the fact, the words that give it) of a short reply to the question just asked about
    `fact`, or None when it does not answer it. A pending question is a hint: "California Nurses
    Association" answers "Is your job covered by a union contract?" though its words also read as
    a place, a job and a degree; "I'm a pediatrician" answers "What job do you do now?", and "I'm
    in high school" answers it too, with the school the person is in; "college" answers "What
    grade are you in?"."""
    words = normal(text)
    if not words or len(text) > REPLY_CHARS or "?" in text:
        return None
    if fact in ("union", "employer"):
        if fact == "union" and says_no_union(words):
            lead = NO_UNION.match(words)
            return fact, lead.group(0) if lead else words
        if names_an_offer(text, names) or (fact == "union" and not_a_union(text, names)):
            return None
        inside = names.organization_in(text)
        return (fact, inside[0]) if inside else None
    if fact == "current_occupation":
        if NOT_NOW.search(words):
            return None  # "I want to be a nurse" is where they are going, not the job they do
        job = _job_in(text, occupations, names)
        if job:
            return fact, job[1]
        return ("grade", words) if IN_SCHOOL_NOW.search(words) else None
    if fact == "grade":
        return (fact, words) if grade_of(text)[1] and GRADE_SAID.search(words) else None
    return None


def _job_in(said: str, occupations: OccupationIndex, names: NameIndex) -> tuple[str, str] | None:
    """(occupation key, the words naming it) of the job a person says they do: as named
    ("pediatrician"), or the first career their words name ("I'm a pediatrician", "psychologist,
    I have a PhD", "I work in the call center")."""
    found = occupations.lookup(said).key
    if found:
        return found, normal(said)
    return next(((m.key, m.said) for m in mentions_in(said, occupations, names) if m.type == "career"), None)


# ---------------------------------------------------------------- follow-ups
# What a follow-up asks about ("how much does it cost?", "is the second one online?", "and for an
# LVN?"): the aspect, and which thing (a pronoun, a position in the last list, or nothing).
# Checked in order: the first aspect whose words are in the message wins, so "how do I apply"
# is applying, not who may apply, and "is it paid" is whether the training pays, not its cost.
ASPECT_WORDS = [
    ("paid", r"\b(?:is|are|was) (?:it|this|that|they|the \w+(?: one)?) paid\b|\bpaid (?:training|program|internship)\b|"
             r"\bget paid (?:to|while|during|for)\b|\bstipend\b|\bdo (?:they|you) pay (?:you|me|us)\b|\bpay me\b|\bpaid\W*$"),
    ("cost", r"\bcosts?\b|\b(?:need|have|got) to pay\b|\btuition\b|\bprice\b|\bfees?\b|\bis (?:it|this|that) free\b"),
    ("pay", r"\bhow much (?:do|does|can|will|would) [a-z ]+? (?:make|earn|get paid|pay)\b|\bhow much (?:money )?(?:do|does) [a-z ]+? (?:make|earn)|"
            r"\bsalary\b|\bsalaries\b|\bwages?\b|\bearn\b|\bmake a year\b|\bhourly\b|\byearly\b|\bannual\b|"
            r"\bper hour\b|\ban hour\b|\ba year\b|\bpay range\b|\bpay\b(?! for)|\bincome\b|\bmoney (?:do|does|can)\b"),
    ("cost", r"\bcost|\bhow much (?:is|does|will|would) (?:it|this|that|the [a-z ]+)\b|\bprice\b|\btuition\b|\bfree\b|"
             r"\bfees?\b|\bhave to pay\b|\bpay for (?:it|this|that|the)\b|\bafford\b|\bexpensive\b|\bcheap\b|"
             r"\bhow much (?:money )?(?:do|does) (?:it|this|that) (?:give|pay|cover)|\bhow much (?:do|does|will) (?:they|it) give\b|\bamount\b"),
    ("online", r"\bonline\b|\bin person\b|\bin-person\b|\bremote(?:ly)?\b|\bvirtual\b|\bon campus\b|\bhybrid\b|\bfrom home\b|\bzoom\b"),
    ("requirements", r"\brequire|\bwhat (?:do|would) (?:i|you) need\b|\bdo i (?:need|have to have)\b|\bneed to have\b|"
                     r"\bwho can\b|\bwho is it for\b|\bwho (?:is|are) (?:it|this|they) for\b|\beligib|\bqualify\b|\bprereq|"
                     r"\bcan (?:i|a|an|someone|teens?|adults?) (?:do|join|apply|get|take)\b|\bam i (?:able|allowed|old enough)\b|"
                     r"\bage limit\b|\bhow old\b|\bdiploma\b|\bged\b|\bdegree\b|\bcriteria\b|\bfor (?:teens|students|adults)\b"),
    ("apply", r"how (?:do|can|would|should) (?:i|you|we|one) (?:apply|sign up|enroll|register|get in|join|start)|"
              r"how to (?:apply|sign up|enroll|register|join)|\bapplication\b|\bsign ?up\b|\bwhere do i apply\b|\bapply\b(?! for (?:it|this|that))"),
    ("place", r"\bwhere (?:is|are|'s) (?:it|this|that|they|the)\b|\bwhere is\b|\bwhere\b.*\b(?:located|held|taught|at)\b|"
              r"\blocated\b|\blocation\b|\baddress\b|\bwhat (?:city|cities|area|state)\b|\bwhich (?:city|cities|campus|area)\b|"
              r"\bnear me\b|\bclose to me\b|\bhow far\b"),
    ("dates", r"\bdeadline|\bwhen (?:does|do|is|are|can|will|should)\b|\bstart date|\bwhen\b.*\bstarts?\b|\bdue\b|"
              r"\bdates?\b|\bopens?\b|\bnext (?:class|cohort|session|round)\b|\bwhat month\b|\bstill open\b|\btoo late\b"),
    ("length", r"\bhow long\b|\blength\b|\bweeks?\b|\bmonths?\b|\byears? (?:of school|to)\b|\bschedule\b|\bpart[- ]?time\b|"
               r"\bfull[- ]?time\b|\bhours a week\b|\bnights?\b|\bweekends?\b|\bhow much school\b|\bhow many years\b|"
               r"\bhow much time\b|\btime to train\b|\bhow much training\b|\bduration\b"),
    ("leads_to", r"\blead(?:s)? to\b|\bwhat (?:job|jobs|career|careers|work)s? (?:can|will|does|do|could)\b|\bafter (?:it|i finish|finishing|that)\b|"
                 r"\bwhat can i do with\b|\bcertificat|\bcredential\b|\bwhat do i get\b|\blicense\b|\boutlook\b|\bdemand\b|\bjob security\b|"
                 r"\bmove up\b|\bnext step up\b"),
    ("contact", r"\bcontact\b|\bphone\b|\bemail\b|\bcall (?:them|someone)\b|\breach (?:them|someone)\b|\bwebsite\b|\blink\b|"
                r"\btalk to (?:them|someone there)\b|\bwho do i (?:ask|call|talk to)\b|\bmore info\b"),
    ("work", r"\bwhat (?:do|does) (?:they|it|he|she|an? [a-z ]+) do\b|\bday to day\b|\bwhat(?:'s| is) the (?:job|work) like\b|"
             r"\bduties\b|\bwhat is (?:it|that|this)\b|\btell me (?:more|about (?:it|that|this|the))\b|\bmore about\b|\bdetails\b"),
]
ASPECTS = tuple(dict.fromkeys(name for name, _ in ASPECT_WORDS))
_ASPECT_PATTERNS = [(name, re.compile(pattern)) for name, pattern in ASPECT_WORDS]
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
            "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "last": -1}
# "the second one", "the 2nd", "number 2", "#3", "the last one"; never "what do I do first" or
# "how long does it last".
POSITION = re.compile(
    r"\bthe\s+(" + "|".join(ORDINALS) + r")\b(?!\s+(?:step|time|thing|thing i|day|week|year|month))"
    r"|\b(" + "|".join(ORDINALS) + r")\s+(?:one|program|option|fund|scholarship|job|listing|school|course|class)\b"
    r"|\b(?:number|option|#|no\.?)\s*(\d{1,2})\b|\bthe (\d{1,2}) one\b", re.I)
POINTING = re.compile(r"\b(?:it|its|it's|that|this|they|them|those|these|that one|this one|the (?:programs?|funds?|"
                      r"scholarships?|courses?|class(?:es)?|trainings?|jobs?|careers?|internships?|schools?|one))\b")
# "and for an LVN?", "what about phlebotomists?", "same for Fresno": the aspect asked last, of another subject.
SWITCH = re.compile(r"^(?:and|what|how|ok(?:ay)?|same|but)\b.*\b(?:for|about|with|of)\b|^(?:and|or)\s+(?:an?\s+)?\w+", re.I)


@dataclass
class Followup:
    aspect: str | None
    # 1-based position in the last list (-1: the last), or None.
    position: int | None
    pointing: bool
    switch: bool


def followup_of(text: str) -> Followup:
    """The aspect and reference a message names, as said ("how much does the 2nd one cost?")."""
    words = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()
    aspect = next((name for name, pattern in _ASPECT_PATTERNS if pattern.search(words)), None)
    position = None
    found = POSITION.search(words)
    if found:
        token = next(g for g in found.groups() if g)
        position = ORDINALS.get(token.lower()) if not token.isdigit() else int(token)
    return Followup(aspect, position, bool(POINTING.search(words)), bool(SWITCH.search(words)))
