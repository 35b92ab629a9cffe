"""Work that outlives a webhook call. Twilio and Bot Framework give up on a webhook after 15 s,
so the SMS and Teams channels answer at once and send the assistant's reply when it is ready."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable

# Sanic waits up to SANIC_GRACEFUL_SHUTDOWN_TIMEOUT (10 s as the launcher sets it) for open
# requests first, so the two stay within the 20 s a stopping process is given.
DRAIN_SECONDS = 8.0


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

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Lets replies already acknowledged finish when the server stops (SIGTERM), within
        `timeout`; the launcher and Kubernetes allow a stopping Rasa 20 s in all."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)

    def _log_failure(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None:
            self.logger.error("%s failed", self.what, exc_info=task.exception())
