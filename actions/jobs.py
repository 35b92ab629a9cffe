"""Open roles near the person (find_jobs)."""

from __future__ import annotations

from actions.search import SearchAction, occupation_words


class ActionSearchJobs(SearchAction):
    feature = "jobs"
    kinds = ["role"]
    empty = "I didn't find open jobs near you right now. Training can open more doors: want to look at programs?"
    empty_buttons = [{"title": "Find training", "payload": "/find_programs"}]

    def name(self) -> str:
        return "action_search_jobs"

    def intro(self, profile: dict) -> str:
        career = occupation_words(profile)
        return f"Here are {career} jobs near you:" if career else "Here are health care jobs near you:"

    def more_intro(self, profile: dict) -> str:
        return "Here are more jobs:"
