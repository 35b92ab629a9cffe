"""Training and other programs that fit the person (find_programs)."""

from __future__ import annotations

from actions.search import SearchAction, occupation_words


class ActionSearchPrograms(SearchAction):
    feature = "programs"
    kinds = ["program"]
    empty = "I didn't find a training program that fits yet. You can try another career, or ask a person for help."
    empty_buttons = [{"title": "Explore careers", "payload": "/explore_career"}]

    def name(self) -> str:
        return "action_search_programs"

    def intro(self, profile: dict) -> str:
        career = occupation_words(profile)
        return f"Here are {career} programs that fit you best:" if career else "Here are programs that fit you best:"

    def more_intro(self, profile: dict) -> str:
        return "Here are more programs:"

