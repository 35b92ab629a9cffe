"""A message the model could not place and that says nothing of what the assistant covers gets
`out_of_scope` (its one plain line about what the assistant does) instead of `nlu_fallback`
("Sorry, I didn't get that. Could you say it another way?"). It runs last (config.yml).

Asking someone to rephrase "is chocolate bad for you" or "start a timer for me" invites the same
question again; telling them plainly what the assistant is for does not. The model alone leaves
such text unplaced when no intent is sure enough (the public development set showed dozens), so
the decision is made here, from the words:
- the model fell back (`nlu_fallback`), and nothing of the person's was extracted (a career, a
  program, an age, a ZIP, a contact, or a place that moves the search: a place alone, or a number
  the model took for an age with nothing saying it is one, is no fact of ours);
- no word of the assistant's own subjects: health and care work, school and training, money for
  it, jobs and pay, the person's facts, reaching a person, the quiz, or this chat itself;
- at least five words and no number that may be one of the person's facts (an age said as one, a
  grade, a ZIP, a score, money or a length of study): a short reply ("naw", "Clovis", "text me", a
  name given to the hand-off's questions) may answer a question just asked, and stays with the
  dialogue.
The model also places such text with confidence: "which nations are not democratic" as a career
question, "what's the humidity today" as a medical one, "how is sushi at jiro" as a greeting. A
career, program, medical, small-talk, hand-off or forget-me guess becomes `out_of_scope` too when
the text has, besides all of the above (from four words):
- no word of the body or its health (bot/nlu_medical.py), so a symptom keeps its medical answer;
- no word pointing back ("it", "they", "that one", "the first"): "what do they do all day" asks
  about what was just shown, and the dialogue answers it from the conversation;
- for a small-talk, hand-off or forget-me guess, none of that intent's own words (GUESS_WORDS): a
  greeting with a word of greeting, a request for a person that names one, stays.
Arithmetic ("is 126 divisible by 8", "add up 8 and 7") is off-topic whatever the model guessed (but
a crisis or a medical question), when nothing of ours was extracted and none of the assistant's
words and no word of health is there: its digits are numbers to compute, not an age or a ZIP.
Everything else keeps the model's decision. Each decision is written to the parse result as
`off_topic_check`.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_medical import HEALTH_WORDS

FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
MIN_WORDS = 5
MIN_WORDS_OF_A_GUESS = 4
# Guesses whose answer is a career card, a program list or the medical line: wrong for off-topic text.
CAREER_GUESSES = {"explore_career", "program_info", "find_programs", "find_jobs", "check_eligibility",
                  "find_scholarships", "tuition_support", "medical_question"}
# "Work" as in functioning ("how does a democracy work", "does hypnosis work"), not as in a job.
FUNCTIONING = re.compile(r"\b(does|do|did) (\w+ ){1,3}work\b(?! (as|at|in|for|with|nights|shifts)\b)")
# A number may be an age, a grade, a ZIP or a score the model did not tag ("im 16 what can i do", "is
# a 3.5 gpa enough"): it keeps the model's reading. Clock times and years are set aside first ("an
# alarm for 05:00", "the best shows of 2019"; not "born in 2008" or "class of 2027").
TIMES_AND_YEARS = re.compile(r"\b\d{1,2}:\d\d\b|(?<!born )(?<!class )\b(of|in|for|from|since) (19|20)\d\d\b")
ARITHMETIC = re.compile(r"\b(\d+ (divided|multiplied) by \d+|(is )?\d+ divisible by \d+|square root of \d+|divide \d+ by \d+|"
                        r"add up \d+ and \d+|\d+ (plus|minus|times) \d+)\b")
# A number that may be one of the person's facts keeps the model's reading: an age ("im 16", "17
# yo"), a grade ("11th"), a ZIP, a GPA or score ("3.5"), or money ("$700"). Other numbers ("a flight
# for under 700", "between 9 and 10", "a table for 5") say nothing of them.
FACT_NUMBERS = re.compile(r"^\d{1,2}\b|\bborn in \d{4}\b|\b(i'?m|im|i am|age|aged|turn\w*|be) \d{1,2}\b|\b\d{1,2} ?(yo|y/?o|years?|yrs?)\b|"
                          r"\b\d{1,2}(st|nd|rd|th)\b|\b\d{5}\b|\d\.\d|\$ ?\d|\b\d+ ?(k|dollars|bucks|an hour|/h)\b|"
                          r"\b\d+ ?(wks?|weeks?|months?|mos|years?|yrs?|hours?|hrs?|semesters?|credits?|units?)\b")
# A place said to move what was shown ("what about los angeles", "anything closer to fresno").
PLACE_MOVES = re.compile(r"^(what|how) about\b|^(and|or|in|at|near|around)\b|\b(instead|near|nearby|around|close to|"
                         r"closer to|in my area|live in|living in|moved? to|moving to|from)\b")
# "It" that stands for nothing said before ("how long does it take to become an architect").
NOT_POINTING = re.compile(r"\bdoes it take to\b|\bis it true (that|if)\b")
POINTS_BACK = re.compile(r"\b(it|its|it's|they|them|their|theirs|that|those|this|these|one|ones|he|she|him|her|there|"
                         r"then|first|second|third|last|same|both|either)\b")

# The model's other guesses, and the words without which each is no answer: a greeting has a word of
# greeting, a request for a person names one ("how is sushi at jiro" guessed as a greeting, "i need
# to do laundry later today" as a goodbye, "what things did i not want to forget" as wiping the chat).
GUESS_WORDS = {
    "greet": r"\b(hi|hii+|hello|hey|heya|yo|sup|howdy|hiya|morning|afternoon|evening|greetings|what'?s up|whats up|how are you|"
             r"how'?s it going|how r u|nice to meet)\b",
    "goodbye": r"\b(bye|goodbye|see (you|ya|u)|good ?night|night|cya|ttyl|take care|gotta go|have to go|leaving|"
               r"signing off|peace|done|that'?s all|talk soon|(talk|catch (you|ya|u)|see (you|ya|u)) later|^later|"
               r"enjoyed|nice (talking|chatting|speaking)|speaking with you|"
               r"talking (to|with) you|pleasure)\b",
    "thank": r"\b(thank\w*|thanks|thx|ty|tysm|appreciat\w*|grateful|gratitude|cheers)\b",
    "affirm": r"\b(yes|yeah|yea|yep|yup|ya|sure|ok|okay|k|correct|right|absolutely|definitely|of course|sounds good|please|"
              r"do it|go ahead|exactly|true|indeed|affirmative|confirmed|fine|alright|that works|i do|i am|i agree)\b",
    "deny": r"\b(no|nope|nah|naw|not|never|don'?t|dont|negative|wrong|incorrect|i'?m good|pass)\b",
    "bot_challenge": r"\b(bot|robot|human|real|person|ai|machine|computer|program|automated|you|your|u|ur)\b",
    "forget_me": r"\b(forget (me|about|what|everything|my|all|it|this|that|our|us|the (chat|conversation))|"
                 r"delete|erase|remove|wipe|clear|data|info\w*|history|record\w*|privacy|personal|said|told)\b",
    "human_handoff": r"\b(person|someone|somebody|people|human|real|(talk|speak|chat) (to|with)|agent|"
                     r"staff|representative|counsel\w*|"
                     r"advis\w*|call|reach|live)\b",
}
GUESS_WORDS = {intent: re.compile(words) for intent, words in GUESS_WORDS.items()}

# Stems of the assistant's subjects; a match anywhere keeps the fallback (and its "say it another
# way"), since such a message may be a question the model did not know how to place.
SUBJECT_WORDS = re.compile(
    r"\b(health\w*|care\w*|medic\w*|nurs\w*|doctor\w*|physician\w*|hospital\w*|clinic\w*|patient\w*|"
    r"therap\w*|tech|techs|technician\w*|technolog\w*|assistant\w*|aide\w*|dental|dentist\w*|pharm\w*|lab|labs|"
    r"blood|emt|ems|cna|lvn|rn|ma|mental|counsel\w*|psych\w*|surg\w*|sonogra\w*|radiolog\w*|phlebot\w*|"
    r"vet|vets|veteran\w*|job\w*|work\w*|employ\w*|hir\w*|career\w*|shift\w*|pay\w*|paid|wage\w*|salar\w*|"
    r"earn\w*|money|cost\w*|price\w*|afford\w*|scholar\w*|grant\w*|tuition|fund\w*|loan\w*|stipend\w*|"
    r"school\w*|class\w*|course\w*|college\w*|universit\w*|train\w*|program\w*|certif\w*|licen\w*|degree\w*|"
    r"diploma|ged|stud\w*|teen\w*|grade|interns?|internships?|apprentic\w*|appl(y|ies|ied|ying|ications?|icants?)|requir\w*|qualif\w*|eligib\w*|"
    r"deadline\w*|online|in person|certs?|quit\w*|laid off|layoffs?|human|advisor\w*|coach\w*|contact\w*|e-?mail\w*|text\w*|call\w*|"
    # A phone as a way to reach someone, not the device ("where is my phone").
    r"phone ?(numbers?|#|calls?|interviews?|screens?)|by phone|over the phone|"
    r"union\w*|seiu|kaiser|kp|quiz\w*|skip|more|next|else|other|help\w*|bot|chatbot|robot|ai|message\w*|ring|teams|sms|mail|dm|"
    # A student's future and where to begin: "what i want to be", "no idea what to do after graduation".
    r"graduat\w*|future|plan\w*|interest\w*|good at|grow up|meaningful|(want|wanna|going) (to )?(do|be)|start\w*|"
    r"begin\w*|sign up|get in|enroll\w*|resume|boards?|background|coroner)\b",
    re.IGNORECASE)


def no_facts(text: str, entities: list) -> bool:
    """Nothing extracted but a place, or a number the model took for an age: a place alone is no fact
    of ours ("do i need a visa to get into italy") unless it moves the search ("what about los
    angeles"), and the model tags any number as an age ("add up 8 and 7"); a real age is said as one
    (FACT_NUMBERS), and that keeps the model's reading."""
    places = any(e.get("entity") == "GPE" for e in entities)
    return (all(e.get("entity") in ("GPE", "age") for e in entities)
            and not (places and PLACE_MOVES.search(text)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OffTopicWhenUnplaced(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"min_words": MIN_WORDS}

    def __init__(self, config: dict[str, Any]) -> None:
        self.min_words = int(config["min_words"])

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "OffTopicWhenUnplaced":
        return cls(config)

    def off_topic(self, text: str, entities: list, min_words: int | None = None) -> bool:
        text = FUNCTIONING.sub(lambda m: m.group(0)[:-len("work")] + "runs", text.replace("\u2019", "'").lower())
        return (no_facts(text, entities) and len(text.split()) >= (min_words or self.min_words)
                and not FACT_NUMBERS.search(TIMES_AND_YEARS.sub(" ", text)) and not SUBJECT_WORDS.search(text))

    @staticmethod
    def arithmetic(text: str, entities: list) -> bool:
        low = text.replace("\u2019", "'").lower()
        return (no_facts(low, entities) and bool(ARITHMETIC.search(low)) and not SUBJECT_WORDS.search(low)
                and not HEALTH_WORDS.search(low))

    def guess_off_topic(self, text: str, entities: list) -> bool:
        low = text.replace("\u2019", "'").lower()
        return (self.off_topic(text, entities, MIN_WORDS_OF_A_GUESS) and not POINTS_BACK.search(NOT_POINTING.sub(" ", low))
                and not HEALTH_WORDS.search(low))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            text, entities = message.get(TEXT) or "", message.get(ENTITIES) or []
            unplaced = intent.get("name") == FALLBACK and self.off_topic(text, entities)
            name = intent.get("name")
            guessed = ((name in CAREER_GUESSES or name in GUESS_WORDS) and self.guess_off_topic(text, entities)
                       and not (name in GUESS_WORDS and GUESS_WORDS[name].search(text.replace("\u2019", "'").lower())))
            counting = intent.get("name") not in ("crisis", "medical_question") and self.arithmetic(text, entities)
            decided = unplaced or guessed or counting
            if decided:
                off = {"name": OUT_OF_SCOPE, "confidence": intent.get("confidence")}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != OUT_OF_SCOPE]
                message.set(INTENT, off, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [off, *ranking], add_to_output=True)
            message.set("off_topic_check", {"unplaced_and_off_topic": unplaced, "guess_without_our_subject": guessed,
                                            "arithmetic": counting},
                        add_to_output=True)
        return messages
