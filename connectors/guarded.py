"""What the four channels (REST, web, SMS, Teams) share: their settings come from the environment
(never credentials.yml), and each holds the same guards: a body limit, the shared memory (Redis or
this process) and a per-person message limit.

One construction path, so a new guard or setting reaches every channel at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from rasa.core.channels.channel import InputChannel

from core import settings
from connectors.limits import RateLimit, RateLimits
from connectors.memory import memory_for

DEFAULT_MAX_BYTES = 64 * 1024
# As core/settings.py's MESSAGES_PER_PERSON_PER_MINUTE and _PER_HOUR (why these: there).
DEFAULT_MESSAGES_PER_MINUTE = 40
DEFAULT_MESSAGES_PER_HOUR = 400


MEMORY_FILE = "channel-memory.db"


class GuardedInput(InputChannel):
    """An input channel whose settings are read from core/settings.py."""

    # Channels whose marks must outlive a restart without Redis (MessageSids, ended web
    # sessions) take `memory_file`: a SQLite file under VAR_DIR.
    durable_memory = False

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[str, Any]]) -> InputChannel:
        # Secrets never live in credentials.yml; they come from the environment via settings.
        config = settings.load()
        durable = {"memory_file": config.var_dir / MEMORY_FILE} if cls.durable_memory else {}
        return cls(
            **cls.settings_of(config),
            **durable,
            max_bytes=config.webhook_max_bytes,
            messages_per_minute=config.messages_per_person_per_minute,
            messages_per_hour=config.messages_per_person_per_hour,
            redis_url=config.redis_url,
        )

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        """This channel's own constructor arguments from the settings."""
        raise NotImplementedError

    def guard(self, max_bytes: int, messages_per_minute: int, redis_url: str,
              memory_file: Optional[Path] = None, messages_per_hour: int = DEFAULT_MESSAGES_PER_HOUR) -> None:
        """Sets `max_bytes`, `memory` and `messages` (per person: a minute's burst and an hour's budget)."""
        self.max_bytes = max_bytes
        self.memory = memory_for(redis_url, memory_file)
        self.messages = RateLimits(RateLimit(self.memory, self.name(), messages_per_minute, 60),
                                   RateLimit(self.memory, f"{self.name()}-hour", messages_per_hour, 3600))
