"""A person asking about one program in the chat, answering what the assistant asks with the
facts of a verdict case, in their own words (shared by tests/e2e/test_verdicts_chat.py)."""

from __future__ import annotations

from typing import Callable

from catalog.guide.context import QUESTIONS

# The assistant's questions and the fact each one asks for.
ASKED = {question: fact for fact, question in QUESTIONS.items()}
TURNS = 6


def converse(say: Callable[[str], str], first: str, answers: dict[str, str]) -> tuple[str, list[str]]:
    """(the last answer, every reply): the first message, then each question answered once from
    `answers` while the assistant asks one it has an answer for."""
    replies = [say(first)]
    given: set[str] = set()
    for _ in range(TURNS):
        asked = next((fact for question, fact in ASKED.items() if replies[-1].rstrip().endswith(question)), None)
        if asked is None or asked in given or asked not in answers:
            break
        given.add(asked)
        replies.append(say(answers[asked]))
    return replies[-1], replies
