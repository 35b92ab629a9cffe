"""Money for school: scholarships (find_scholarships) and employer tuition support (tuition_support).

Both are funding records in the catalog; tuition support differs in what we ask first (whether
and where the person works), which the profile form handles, so the search itself is the same.
"""

from __future__ import annotations

from actions.search import SearchAction, occupation_words


class ActionSearchFunding(SearchAction):
    feature = "funding"
    kinds = ["funding"]
    empty = "I didn't find a scholarship that fits yet. A person can help you look."

    def name(self) -> str:
        return "action_search_funding"

    def intro(self, profile: dict) -> str:
        career = occupation_words(profile)
        return (f"Here are scholarships and other help paying for {career} training:" if career
                else "Here are scholarships and other help paying for school:")

    def more_intro(self, profile: dict) -> str:
        return "Here are more ways to pay for school:"


class ActionSearchTuition(SearchAction):
    feature = "tuition"
    kinds = ["funding"]
    empty = "I didn't find tuition support that fits yet. Your HR team or a career advisor can tell you more."

    def name(self) -> str:
        return "action_search_tuition"

    def intro(self, profile: dict) -> str:
        if profile.get("employee"):
            return "Here is tuition support that fits you as a health care worker:"
        return "Here is tuition support and other help paying for school:"

    def more_intro(self, profile: dict) -> str:
        return "Here is more tuition support:"
