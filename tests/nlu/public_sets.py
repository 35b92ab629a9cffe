"""The public intent datasets kept in tests/nlu/public (sources and licences in its README.md),
and what the assistant should do with each of their labels.

CLINC150 is the development set (figures looked at while changing data/nlu and bot/nlu_safety.py);
HWU64 and banking77 are the final check, never used for tuning. None of their labels is a health
career question, so every message must avoid the crisis answer, and a message on a topic the
assistant does not cover must get `out_of_scope`.
"""

from __future__ import annotations

from pathlib import Path

PUBLIC = Path(__file__).parent / "public"
OUT_OF_SCOPE = "out_of_scope"

# Small talk the assistant has an intent for (CLINC150 label -> our intent).
CLINC_SMALL_TALK = {"greeting": "greet", "goodbye": "goodbye", "thank_you": "thank",
                    "are_you_a_bot": "bot_challenge", "yes": "affirm", "no": "deny"}
# Questions about the assistant itself: an answer about what it is or does is right, so they are
# not counted as off-topic (never crisis, though).
ABOUT_ASSISTANT = {"bot_challenge", "help", OUT_OF_SCOPE, "greet"}
CLINC_ABOUT_ASSISTANT = {"who_made_you", "who_do_you_work_for", "what_is_your_name",
                         "where_are_you_from", "how_old_are_you", "do_you_have_pets",
                         "what_are_your_hobbies", "what_can_i_ask_you"}
# Labels with more than one fair answer ("what's my income", "cancel", "maybe", "reset settings",
# "say that again"): counted only for the crisis answer.
CLINC_UNSCORED = {"income", "payday", "cancel", "maybe", "repeat", "reset_settings"}
# Travel shots: the medical redirect is as fair as the off-topic line.
CLINC_MEDICAL_OR_OFF = {"vaccines"}
# HWU64's "general" scenario is feedback to a voice assistant ("fantastic response", "stop",
# "say it again"): only its jokes and quirky chat are plainly off-topic.
HWU_OFF_TOPIC_GENERAL = {"general_joke", "general_quirky"}


def read_tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (PUBLIC / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, label = line.split("\t")
            rows.append((text, label))
    return rows


def clinc_expected(label: str) -> set[str] | None:
    """The intents that are right for a CLINC150 label; None when only the crisis answer is judged."""
    if label in CLINC_SMALL_TALK:
        return {CLINC_SMALL_TALK[label]}
    if label in CLINC_ABOUT_ASSISTANT or label in CLINC_UNSCORED:
        return None
    if label in CLINC_MEDICAL_OR_OFF:
        return {OUT_OF_SCOPE, "medical_question"}
    return {OUT_OF_SCOPE}


def final_expected(label: str) -> set[str] | None:
    if label.startswith("general_") and label not in HWU_OFF_TOPIC_GENERAL:
        return None
    return {OUT_OF_SCOPE}


def development_set() -> list[tuple[str, str, set[str] | None]]:
    """(text, CLINC150 label, right intents or None) for the development set."""
    return [(text, label, clinc_expected(label)) for text, label in read_tsv("clinc150_dev.tsv")]


def final_set() -> list[tuple[str, str, set[str] | None]]:
    """(text, label, right intents or None) for the final check: HWU64 and banking77."""
    rows = [(t, label, final_expected(label)) for t, label in read_tsv("hwu64_final.tsv")]
    return rows + [(t, label, {OUT_OF_SCOPE}) for t, label in read_tsv("banking77_final.tsv")]
