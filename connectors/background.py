"""Work that outlives a webhook call. Twilio and Bot Framework give up on a webhook after 15 s,
so the SMS and Teams channels answer at once and send the assistant's reply when it is ready."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable


class BackgroundTasks:
    def __init__(self, what: str, logger: logging.Logger) -> None:
        self.what = what
        self.logger = logger
        # Kept until done: the event loop holds tasks only weakly.
        self.tasks: set[asyncio.Task] = set()

    def spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        task.add_done_callback(self._log_failure)

    def _log_failure(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None:
            self.logger.error("%s failed", self.what, exc_info=task.exception())
