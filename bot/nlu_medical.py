"""Someone describing a symptom, an injury or a dose gets the medical answer ("call 911 or your
doctor"), whatever the model guessed. It runs after the crisis check (config.yml).

The model learns medical questions from examples, but it confuses a person's own health ("i have a
rash all over my legs", "how many tylenol can i take") with off-topic chat, which gets one line
about careers instead of the advice to call a doctor. The words people use for their own health
are few and plain, so they are read here, like the crisis statements (bot/nlu_safety.py):
- a symptom or injury said of oneself or someone close ("i have a lump", "my mom fell");
- a dose or a mix of medicines ("how many advil", "can i take ibuprofen with tylenol");
- "do I need stitches / should I go to the ER".
Health talk about a career or training ("i hurt my back, can i still be a cna", "do medical
assistants take blood pressure") is left to the model. A crisis is never changed. Each decision is
written to the parse result as `medical_check` (the words that decided it).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

MEDICAL_INTENT = "medical_question"
KEEP = {"crisis", MEDICAL_INTENT}

_WHO = (r"(?:i|i'?ve|i'?m|i just|my (?:\w+ )?(?:mom|mother|dad|father|son|daughter|kid|child|baby|brother|sister|"
        r"friend|grandma|grandpa|grandmother|grandfather|wife|husband|partner|boyfriend|girlfriend|aunt|uncle|cousin))")
_SYMPTOM = (r"(?:rash|lump|fever|cough|headache|migraine|(?:chest|stomach|tooth|ear|throat|back|neck) ?(?:pain|ache)|"
            r"stomach ?ache|toothache|sore throat|nausea|vomit\w*|throwing up|diarrh\w*|dizz\w*|faint\w*|bleed\w*|"
            r"bruis\w*|swell\w*|swollen|infect\w*|sprain\w*|fractur\w*|concussion|allergic reaction|seizure|"
            r"shortness of breath|trouble breathing|can'?t breathe|pain in (?:my|his|her) \w+|blood in)")
_BODY = r"(?:wrist|arm|ankle|leg|hand|finger|toe|foot|knee|hip|rib|nose|head|back|neck|shoulder|tooth|collarbone)"
_MEDICINE = (r"(?:tylenol|advil|ibuprofen|aspirin|motrin|aleve|benadryl|nyquil|dayquil|acetaminophen|naproxen|"
             r"antibiotics?|melatonin|cough syrup|painkillers?|pain pills|allergy pills?)")
# Words of the body and its health, for telling a health question from off-topic text
# (bot/nlu_off_topic.py): symptoms, body parts, medicines and the plain words around them.
HEALTH_WORDS = re.compile(
    rf"{_SYMPTOM}|\b{_BODY}s?\b|{_MEDICINE}|\b(sick|ill|hurt\w*|pain\w*|sore|symptoms?|fever|pregnan\w*|injur\w*|"
    r"stitches|er|emergency|medicine|meds|pills?|drugs?|disease|cancer|diabet\w*|asthma|covid|flu|vaccin\w*|shots?|"
    r"allerg\w*|addict\w*|overdos\w*|std|sti|hiv|bleed\w*|bones?|teeth|skin|eyes?|ears?|throat)\b",
    re.IGNORECASE)
MEDICAL_STATEMENTS = [
    # "i have a rash", "my son has a high fever", "i'm bleeding", "my dad keeps throwing up"
    rf"\b{_WHO} (?:\w+ ){{0,4}}{_SYMPTOM}",
    # "i think i broke my wrist", "my mom fell and hit her head"
    rf"\b{_WHO} (?:think i |may have |might have )?(?:broke|broken|sprained|twisted|fractured|dislocated|burned|burnt|"
    rf"cut|sliced) (?:my|his|her) {_BODY}\b",
    rf"\b{_WHO} (?:fell|passed out|fainted|collapsed)\b|\bhit (?:my|his|her) head\b",
    # "how many tylenol can i take", "can i take advil with nyquil"
    rf"\bhow (?:many|much) {_MEDICINE}\b|\bcan (?:i|you|my \w+) (?:take|mix|give (?:him|her|my \w+)) (?:\w+ )?{_MEDICINE}\b",
    # "do i need stitches", "should i go to the er"
    r"\bdo(?:es)? (?:i|you|we|they|he|she|my \w+) need (?:stitches|antibiotics|a tetanus shot|an x-?ray)\b",
    r"\bshould (?:i|we) (?:go to|call) (?:the )?(?:er|emergency room|urgent care|a doctor|my doctor)\b",
    # "is it normal to bleed after a tooth pulled"
    rf"\bis (?:it|this) normal (?:to|for|that) .*{_SYMPTOM}",
]
# Health words about work or training: the person is asking about a career, not for advice.
CAREER_WORDS = re.compile(
    r"\b(career|careers|job|jobs|become|becoming|work as|training|program|programs|school|class|classes|"
    r"certif\w*|licen[cs]e\w*|degree|shift|shifts|work|working|patients?|hire|hiring|apply|course|nurses?|nursing|cna|emt|"
    r"phlebotom\w*|techs?|technicians?|assistants?|hygienists?|therapists?|paramedics?|sonograph\w*|pharmacy|"
    # Training that can make a student faint ("i almost fainted in the dissection lab lmao is that a
    # sign i shouldnt be a doctor"), and a doctor as what one would be, not whom to call.
    # Also a cut while dissecting in class ("i cut my finger dissecting a frog in bio lol, do surgeons
    # ever get used to blood").
    r"dissection|dissect\w*|cadavers?|clinicals|anatomy|pre-?med|med school|surgeons|(be|being) an? (doctor|surgeon|"
    r"dentist|physician|pharmacist|vet|veterinarian|midwife))\b",
    re.IGNORECASE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class MedicalStatementClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"patterns": MEDICAL_STATEMENTS}

    def __init__(self, config: dict[str, Any]) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in config["patterns"]))

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "MedicalStatementClassifier":
        return cls(config)

    def statement(self, text: str) -> str | None:
        """The words of a statement about one's own health, or None (also when it is career talk)."""
        text = text.replace("\u2019", "'").lower()
        if CAREER_WORDS.search(text):
            return None
        match = self.pattern.search(text)
        return match.group(0) if match else None

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            model = (message.get(INTENT) or {}).get("name")
            words = None if model in KEEP else self.statement(message.get(TEXT) or "")
            if words is not None:
                medical = {"name": MEDICAL_INTENT, "confidence": 1.0}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != MEDICAL_INTENT]
                message.set(INTENT, medical, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [medical, *ranking], add_to_output=True)
            message.set("medical_check", {"model": model, "words": words}, add_to_output=True)
        return messages
