"""One turn of the assistant's messages as SMS bodies.

Rasa hands a channel one message at a time; over SMS they are sent together (fewer, fuller texts
arrive in order), with every button of the turn numbered once, from 1, across all its messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from connectors.sms.buttons import NUMBER_HINT, numbered
from connectors.sms.segments import split_for_sms


@dataclass
class Turn:
    messages: list[dict[str, Any]] = field(default_factory=list)

    def add(self, message: dict[str, Any]) -> None:
        self.messages.append(message)

    def render(self) -> tuple[list[str], list[dict[str, Any]]]:
        """(SMS bodies, the turn's buttons in the order they are numbered)."""
        texts: list[str] = []
        buttons: list[dict[str, Any]] = []
        for message in self.messages:
            own = [b for b in message.get("buttons") or [] if isinstance(b, dict)]
            text = message.get("text") or ""
            if message.get("image"):
                text = f"{text}\n{message['image']}".strip()
            texts.append(numbered(text, own, start=len(buttons) + 1))
            buttons.extend(own)
        if buttons:
            texts.append(NUMBER_HINT)
        return split_for_sms(texts), buttons
