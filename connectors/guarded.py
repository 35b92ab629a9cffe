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
from connectors.limits import RateLimit
from connectors.memory import memory_for

DEFAULT_MAX_BYTES = 64 * 1024
DEFAULT_MESSAGES_PER_MINUTE = 20


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
            redis_url=config.redis_url,
        )

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        """This channel's own constructor arguments from the settings."""
        raise NotImplementedError

    def guard(self, max_bytes: int, messages_per_minute: int, redis_url: str,
              memory_file: Optional[Path] = None) -> None:
        """Sets `max_bytes`, `memory` and `messages` (per person, a minute's window)."""
        self.max_bytes = max_bytes
        self.memory = memory_for(redis_url, memory_file)
        self.messages = RateLimit(self.memory, self.name(), messages_per_minute, 60)
