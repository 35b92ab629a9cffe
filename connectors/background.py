"""Work that outlives a webhook call. Twilio and Bot Framework give up on a webhook after 15 s,
so the SMS and Teams channels answer at once and send the assistant's reply when it is ready.

Once the webhook is answered the vendor will not send the message again, so nothing may be lost
quietly: work that fails is tried again, and if it still fails the person is asked to resend
rather than left waiting for an answer that never comes.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Optional

RESEND_TEXT = "Sorry, something went wrong. Please send your message again."
ATTEMPTS = 2
RETRY_DELAY_SECONDS = 1.0


class GiveUp(Exception):
    """Raised by work that must not be tried again (the assistant already took the message in,
    so running it twice would answer twice): the person gets the apology at once."""


class BackgroundTasks:
    def __init__(self, what: str, logger: logging.Logger, attempts: int = ATTEMPTS,
                 retry_delay: float = RETRY_DELAY_SECONDS) -> None:
        self.what = what
        self.logger = logger
        self.attempts = attempts
        self.retry_delay = retry_delay
        # Kept until done: the event loop holds tasks only weakly.
        self.tasks: set[asyncio.Task] = set()

    def spawn(self, work: Callable[[], Awaitable[Any]],
              apology: Optional[Callable[[], Awaitable[Any]]] = None) -> None:
        """Runs `work()` in the background, again after a pause if it fails, and `apology()` if
        it never succeeds."""
        task = asyncio.ensure_future(self._run(work, apology))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _run(self, work: Callable[[], Awaitable[Any]],
                   apology: Optional[Callable[[], Awaitable[Any]]]) -> None:
        for attempt in range(1, self.attempts + 1):
            try:
                await work()
                return
            except GiveUp as error:
                self.logger.error("%s failed: %s", self.what, error, exc_info=error.__cause__)
                break
            except Exception as error:  # noqa: BLE001 - any failure is retried, then apologised for
                if attempt == self.attempts:
                    self.logger.error("%s failed %d times", self.what, attempt, exc_info=error)
                    break
                self.logger.warning("%s failed (try %d), trying again: %r", self.what, attempt, error)
                await asyncio.sleep(self.retry_delay)
        if apology is None:
            return
        try:
            await apology()
        except Exception:  # noqa: BLE001 - nothing more can be done than saying so in the log
            self.logger.exception("%s: the apology could not be sent either", self.what)
