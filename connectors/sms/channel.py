"""The SMS channel (Twilio): `connectors.sms.SMSInput` in credentials.yml, webhook
/webhooks/sms/webhook.

What Rasa's own Twilio channel lacks and this one does: it checks X-Twilio-Signature (forged posts
get 403 and never reach the assistant), answers STOP/START/HELP itself and keeps opt-outs, stores a
keyed hash instead of the phone number, turns buttons into a numbered list, fits replies into SMS,
and sends them with a non-blocking HTTP client after answering Twilio's webhook at once.

Every text acknowledged to Twilio is first written to the inbox (connectors/sms/inbox.py) and
deleted only once answered, so a server killed mid-turn loses none: the next server up answers it,
in order per sender, and never runs a turn twice (the turn carries the MessageSid as its message
id; a replayed text whose turn is in the conversation store has its stored reply sent instead).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, Optional
from urllib.parse import parse_qs

from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from core import settings
from connectors.background import RESEND_TEXT, BackgroundTasks, GiveUp
from connectors.clean import clean_text, sender_problem
from connectors.guarded import DEFAULT_MAX_BYTES, DEFAULT_MESSAGES_PER_HOUR, DEFAULT_MESSAGES_PER_MINUTE, GuardedInput
from connectors.limits import read_body, too_large, too_many
from connectors.sms import keywords
from connectors.sms.inbox import MAX_ATTEMPTS, Inbox, Text
from connectors.sms.buttons import ExpiringMap, chosen
from connectors.sms.optouts import OptOutStore
from connectors.sms.replies import Turn
from connectors.sms.segments import MAX_BODY_CHARS, count_segments
from connectors.sms.senders import normalize_number, sender_id, sender_key
from connectors.sms.twilio_api import SendError, TwilioSender

logger = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
MEDIA_ONLY_REPLY = (
    "Thanks! I can only read words, not pictures or files. "
    "Please type your question, like: how do I become a CNA?"
)
BUTTON_MEMORY_SECONDS = 24 * 3600
# How often a server looks for texts left by a server that died (and renews its own claims).
SWEEP_SECONDS = 2.0
# A text whose turn failed waits this long before it is tried again, doubling with each try.
RETRY_SECONDS = 1.0


class SMSTurnOutput(OutputChannel):
    """Collects one turn's messages; the channel sends them together once the turn is over."""

    @classmethod
    def name(cls) -> str:
        return "sms"

    def __init__(self) -> None:
        self.turn = Turn()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.turn.add(message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.turn.add({"text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        self.turn.add({"text": text, "buttons": buttons})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        self.turn.add({"image": image})

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if isinstance(json_message.get("text"), str):
            self.turn.add({"text": json_message["text"]})


class SenderLocks:
    """One turn at a time per sender, so replies and remembered buttons stay in order."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class SMSInput(GuardedInput):
    """The Twilio SMS channel, named "sms"."""

    durable_memory = True

    @classmethod
    def name(cls) -> str:
        return "sms"

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        return dict(
            account_sid=config.twilio_account_sid,
            auth_token=config.twilio_auth_token,
            from_number=config.twilio_from_number,
            api_base=config.twilio_api_base,
            sms_sender_key=config.sms_sender_key,
            public_base_url=config.public_base_url,
            support_contact=config.support_contact,
            opt_out_url=config.sms_opt_out_url,
            to_numbers=config.sms_to_numbers,
            message_memory_seconds=config.sms_message_memory_seconds,
            inbox_url=config.sms_inbox_url,
        )

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str,
        api_base: str,
        sms_sender_key: str,
        public_base_url: str,
        support_contact: str,
        opt_out_url: str,
        to_numbers: tuple[str, ...] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
        messages_per_minute: int = DEFAULT_MESSAGES_PER_MINUTE,
        messages_per_hour: int = DEFAULT_MESSAGES_PER_HOUR,
        redis_url: str = "",
        message_memory_seconds: float = 7 * 24 * 3600,
        memory_file: Optional[Path] = None,
        inbox_url: str = "",
    ) -> None:
        self.auth_token = auth_token
        # Texts are taken only when addressed to one of our numbers.
        self.to_numbers = {normalize_number(n) for n in (to_numbers or (from_number,)) if n}
        self.guard(max_bytes, messages_per_minute, redis_url, memory_file, messages_per_hour)
        # A MessageSid seen before (a replay, or Twilio trying again) is answered once.
        self.seen_messages = self.memory
        self.message_memory_seconds = message_memory_seconds
        self.public_base_url = public_base_url.rstrip("/")
        self.support_contact = support_contact
        self.opt_out_url = opt_out_url
        self.configured = bool(auth_token and account_sid and from_number)
        if not self.configured:
            logger.warning(
                "TWILIO_AUTH_TOKEN, TWILIO_ACCOUNT_SID or TWILIO_FROM_NUMBER is unset: "
                "the SMS channel refuses every request."
            )
        self.key = sender_key(sms_sender_key, auth_token) if auth_token else b""
        self.sender = TwilioSender(account_sid, auth_token, from_number, api_base)
        self.last_buttons: ExpiringMap[list[dict[str, Any]]] = ExpiringMap(BUTTON_MEMORY_SECONDS)
        self.locks = SenderLocks()
        # Retries are the inbox's: a failed text goes back to it and is taken up again later.
        self.background = BackgroundTasks("Answering an SMS", logger, attempts=1)
        self._store: Optional[OptOutStore] = None
        self._store_lock = asyncio.Lock()
        self.inbox_url = inbox_url
        self._inbox: Optional[Inbox] = None
        self.owner = uuid.uuid4().hex  # this server's name on the texts it claims
        self.place = ""  # its host and port, once it listens
        self.sweep_seconds, self.retry_seconds = SWEEP_SECONDS, RETRY_SECONDS
        self._draining: dict[str, int] = {}  # sender: tasks answering them
        self._at_work: set[str] = set()  # MessageSids being answered here
        self._on_new_message: Optional[Callable[[UserMessage], Awaitable[Any]]] = None
        self._app: Any = None
        self._sweeper: Optional[asyncio.Task] = None
        # The inbox's own threads: the webhook waits on them before it answers Twilio, so they
        # must not queue behind whatever else fills the loop's default executor.
        self._inbox_threads = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sms-inbox")
        self._inbox_lock = asyncio.Lock()

    def get_output_channel(self) -> Optional[OutputChannel]:
        # Replies need the number, which only lives while its own message is handled.
        return None

    async def _opt_outs(self) -> OptOutStore:
        # Opened when the server starts, or on first use if the database was down then (it must
        # not stop Rasa from starting); under a lock, so texts arriving together open it once.
        async with self._store_lock:
            if self._store is None:
                self._store = await asyncio.to_thread(OptOutStore, self.opt_out_url)
        return self._store

    async def inbox(self) -> Inbox:
        async with self._inbox_lock:
            if self._inbox is None:
                self._inbox = await self._in_thread(Inbox, self.inbox_url)
        return self._inbox

    async def _in_thread(self, function: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._inbox_threads, function, *args)

    def signature_ok(self, request: Request, form: RequestParameters) -> bool:
        if not self.configured:
            return False
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            return False
        url = self.public_base_url + request.path
        if request.query_string:
            url += "?" + request.query_string
        return RequestValidator(self.auth_token).validate(url, form, signature)

    async def send(self, number: str, sender: str, bodies: list[str],
                   text: Optional[Text] = None) -> None:
        """Sends each body (Twilio's sender retries passing failures); raises SendError. For a
        text from the inbox, bodies it sent before a crash are skipped and progress is kept."""
        skip = text.bodies_sent if text else 0
        for index, body in enumerate(bodies[skip:], start=skip + 1):
            segments = count_segments(body)
            await self.sender.send(number, body)
            if text is not None:
                await self._in_thread((await self.inbox()).sent, text.message_sid, index)
            logger.debug(
                "SMS to %s: %d chars, %d %s segments",
                sender[:12], len(body), segments.count, segments.encoding,
            )

    async def handle(
        self,
        number: str,
        text: str,
        num_media: int,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        queued: Optional[Text] = None,
    ) -> None:
        """Answers one text. The caller holds the sender's lock (answer_waiting does)."""
        sender = sender_id(self.key, number)
        store = await self._opt_outs()
        opted_out = await asyncio.to_thread(store.is_opted_out, sender)
        keyword = keywords.keyword_of(text, opted_out)
        if keyword is keywords.Keyword.OPT_IN:
            await asyncio.to_thread(store.opt_in, sender)
            await self.send(number, sender, [keywords.opt_in_text()], queued)
        elif opted_out:
            return  # nothing at all until they opt back in
        elif keyword is keywords.Keyword.OPT_OUT:
            # Stored before anything else: the one confirmation below is the last text sent.
            await asyncio.to_thread(store.opt_out, sender)
            self.last_buttons.pop(sender)
            await self.send(number, sender, [keywords.opt_out_text()], queued)
        elif keyword is keywords.Keyword.HELP:
            await self.send(number, sender, [keywords.help_text(self.support_contact)], queued)
        elif not text.strip():
            if num_media > 0:
                await self.send(number, sender, [MEDIA_ONLY_REPLY], queued)
        else:
            await self._converse(number, sender, text, on_new_message, queued)

    async def _converse(
        self,
        number: str,
        sender: str,
        text: str,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        queued: Optional[Text] = None,
    ) -> None:
        output = SMSTurnOutput()
        stored = None
        if queued is not None and queued.attempts > 1:
            # Taken up again after a crash or a failure: if the turn already ran, its reply is
            # in the conversation store and is sent from there, never run a second time.
            stored = await self._stored_reply(sender, queued.message_sid)
        if stored is not None:
            logger.info("A text taken up again had been answered before; sending the stored reply")
            for message in stored:
                output.turn.add(message)
        else:
            button = chosen(text, self.last_buttons.get(sender))
            metadata: dict[str, Any] = {}
            if button is not None and button.get("payload"):
                text = button["payload"]
                metadata["title"] = button.get("title") or text
            message = UserMessage(
                text.strip(), output, sender, input_channel=self.name(), metadata=metadata,
                message_id=queued.message_sid if queued else None,
            )
            # A failure here propagates: the text goes back to the inbox and is tried again.
            await on_new_message(message)
        bodies, buttons = output.turn.render()
        if not bodies:
            # Rasa ends a turn whose custom action failed (an action server it could not reach)
            # with nothing to say; an acknowledged text must not go unanswered.
            raise GiveUp(f"the turn of {sender[:12]} gave nothing to send")
        if buttons:
            self.last_buttons.set(sender, buttons)
        else:
            self.last_buttons.pop(sender)
        try:
            await self.send(number, sender, bodies, queued)
        except SendError as exc:
            # The turn is stored; running it again would answer twice. Ask them to resend.
            raise GiveUp(f"the reply to {sender[:12]} was not sent: {exc}") from exc

    async def _stored_reply(self, sender: str, message_sid: str) -> Optional[list[dict[str, Any]]]:
        """The assistant's messages after the turn with this message id, as the channel got them;
        None when no such turn is stored (it never ran, or there is no store to ask)."""
        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return None
        tracker = await store.retrieve(sender)
        if tracker is None:
            return None
        messages: Optional[list[dict[str, Any]]] = None
        for event in (event.as_dict() for event in tracker.events):
            if event.get("event") == "user":
                if messages is not None:
                    break  # the next turn began
                if event.get("message_id") == message_sid:
                    messages = []
            elif event.get("event") == "bot" and messages is not None:
                data = event.get("data") or {}
                messages.append({"text": event.get("text"), "buttons": data.get("buttons"),
                                 "image": data.get("image")})
        return messages

    async def answer_waiting(self, sender: str) -> None:
        """Answers the sender's waiting texts, oldest first, until none can be claimed."""
        inbox = await self.inbox()
        async with self.locks.hold(sender):
            while True:
                queued = await self._in_thread(inbox.claim_next, sender, self.owner, self.place)
                if queued is None:
                    return
                # Only claims at work are renewed: one whose task failed runs out and is taken up.
                self._at_work.add(queued.message_sid)
                try:
                    if not await self._answer(inbox, queued):
                        return  # it waits for a retry; later texts wait behind it
                finally:
                    self._at_work.discard(queued.message_sid)

    async def _answer(self, inbox: Inbox, queued: Text) -> bool:
        """Answers one claimed text; False when it was given back to be tried again later."""
        if queued.attempts > MAX_ATTEMPTS:
            logger.error("A text was taken up %d times without an answer; asking to resend it",
                         queued.attempts - 1)
            await self._apologise_and_drop(inbox, queued)
            return True
        try:
            await self.handle(queued.number, queued.body, queued.num_media, self._on_new_message, queued)
        except GiveUp as error:
            logger.error("Answering an SMS failed: %s", error, exc_info=error.__cause__)
            await self._apologise_and_drop(inbox, queued)
            return True
        except Exception as error:  # noqa: BLE001 - back to the inbox, tried again, then apologised for
            if queued.attempts >= MAX_ATTEMPTS:
                logger.error("Answering an SMS failed %d times", queued.attempts, exc_info=error)
                await self._apologise_and_drop(inbox, queued)
                return True
            delay = self.retry_seconds * 2 ** (queued.attempts - 1)
            logger.warning("Answering an SMS failed (try %d), trying again in %.3g s: %r",
                           queued.attempts, delay, error)
            await self._in_thread(inbox.retry_later, queued.message_sid, delay)
            return False
        await self._in_thread(inbox.done, queued.message_sid)
        return True

    async def _apologise_and_drop(self, inbox: Inbox, queued: Text) -> None:
        try:
            await self.apologise(queued.number, queued.sender)
        except Exception:  # noqa: BLE001 - nothing more can be done than saying so in the log
            logger.exception("Answering an SMS: the apology could not be sent either")
        await self._in_thread(inbox.done, queued.message_sid)

    def answer_in_background(self, sender: str, sweeping: bool = False) -> None:
        """Answers the sender's waiting texts in a task of its own. A new text always gets a
        task (it waits for the sender's lock); a sweep adds none while one is at work."""
        if sweeping and self._draining.get(sender):
            return
        self._draining[sender] = self._draining.get(sender, 0) + 1

        async def work() -> None:
            try:
                await self.answer_waiting(sender)
            finally:
                left = self._draining.pop(sender) - 1
                if left:
                    self._draining[sender] = left

        self.background.spawn(work)

    async def sweep(self) -> None:
        """Renews this server's claims and takes up texts nobody is answering: those left by a
        server that died, and those whose retry is due."""
        inbox = await self.inbox()
        await self._in_thread(inbox.renew, self.owner, list(self._at_work))
        for sender in await self._in_thread(inbox.senders_waiting):
            self.answer_in_background(sender, sweeping=True)

    def start_sweeping(self) -> None:
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = asyncio.ensure_future(self._sweep_forever())

    async def _sweep_forever(self) -> None:
        while True:
            try:
                await self.sweep()
            except Exception:  # noqa: BLE001 - the database may be back at the next sweep
                logger.exception("Could not look for waiting texts")
            await asyncio.sleep(self.sweep_seconds)

    async def apologise(self, number: str, sender: str) -> None:
        await self.send(number, sender, [RESEND_TEXT])

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sms = Blueprint("sms_webhook", __name__)
        self._on_new_message = on_new_message

        @sms.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            status = "ok" if self.configured else "not configured"
            return response.json({"status": status}, status=200 if self.configured else 503)

        @sms.route("/webhook", methods=["POST"], stream=True)
        async def webhook(request: Request) -> HTTPResponse:
            # Nothing is read or parsed for a call that cannot be Twilio's.
            if not self.configured or not request.headers.get("X-Twilio-Signature"):
                logger.info("Refused an SMS webhook call without a Twilio signature")
                return response.text("Forbidden", status=403)
            if not await read_body(request, self.max_bytes):
                return too_large(self.max_bytes, plain=True)
            try:
                form = twilio_form(request)
            except RepeatedParameter as repeated:
                # Twilio sends each parameter once; a repeated one is a signed request re-cut.
                logger.info("Refused an SMS webhook call: %s", repeated)
                return response.text(f"Bad request: {repeated}", status=400)
            if not self.signature_ok(request, form):
                logger.info("Refused an SMS webhook call without a valid Twilio signature")
                return response.text("Forbidden", status=403)
            if normalize_number(form.get("To") or "") not in self.to_numbers:
                logger.info("Refused a text addressed to a number this server does not serve")
                return response.text("Forbidden: not a number served here", status=403)
            message_sid = form.get("MessageSid") or ""
            if sender_problem(message_sid):
                return response.text("Bad request: no MessageSid, or not a plain one", status=400)
            if not await self.seen_messages.add(f"sms-sid:{message_sid}", self.message_memory_seconds):
                logger.info("An SMS already taken in came again (%s...); answered once", message_sid[:10])
                return response.text(EMPTY_TWIML, content_type="text/xml")
            # Only the digits and "+" of the number are kept (a stray character cannot reach Twilio).
            number = normalize_number(form.get("From") or "")
            if not number:
                return response.text(EMPTY_TWIML, content_type="text/xml")
            wait = await self.messages.wait(sender_id(self.key, number))
            if wait is not None:
                return too_many(wait, plain=True)
            text = clean_text(form.get("Body") or "")[:MAX_BODY_CHARS]
            try:
                num_media = int(form.get("NumMedia") or 0)
            except ValueError:
                num_media = 0
            # Kept in the inbox before Twilio hears back: from the 200 on, only the inbox holds it.
            sender = sender_id(self.key, number)
            try:
                inbox = await self.inbox()
                await self._in_thread(inbox.add, message_sid, sender, number, text, num_media)
            except Exception:  # noqa: BLE001 - not acknowledged, so not lost: Twilio keeps it
                logger.exception("Could not keep an SMS in the inbox; not acknowledging it")
                return response.text("Service unavailable", status=503)
            # Twilio gives up on a webhook after 15 s; the assistant may take longer, so the
            # reply goes out through the API once it is ready.
            self.answer_in_background(sender)
            self.start_sweeping()  # (a server whose start listeners did not run: the tests' own)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        @sms.listener("after_server_start")
        async def open_store(app: Any, *_: Any) -> None:
            if not self.configured:
                return
            self._app = app
            try:
                await self._opt_outs()
            except Exception:  # noqa: BLE001 - retried on the first text; Rasa must still start
                logger.exception("The SMS opt-out store could not be opened; trying again on the first text")
            # Texts the server killed in this place left unanswered are answered now (the first
            # sweep runs at once); those of servers elsewhere once their claims run out.
            self.place = f"{socket.gethostname()}:{app.state.port}"
            try:
                freed = await self._in_thread((await self.inbox()).take_over, self.place, self.owner)
                if freed:
                    logger.info("Answering %d texts a server here left unanswered when it stopped", freed)
            except Exception:  # noqa: BLE001 - their claims run out all the same
                logger.exception("Could not take over the texts left in the SMS inbox")
            self.start_sweeping()

        @sms.listener("after_server_stop")
        async def close(*_: Any) -> None:
            if self._sweeper is not None:
                self._sweeper.cancel()
            # What is not answered within the drain stays in the inbox for the next start.
            await self.background.drain()
            await self.sender.close()
            if self._store is not None:
                self._store.close()
            if self._inbox is not None:
                self._inbox.close()
            self._inbox_threads.shutdown(wait=False)

        return sms


class RepeatedParameter(ValueError):
    """A form parameter given more than once."""


def twilio_form(request: Request) -> RequestParameters:
    """The posted parameters, empty ones included: Twilio signs `Body=` of a picture-only message
    too, and Sanic's own form parsing drops blank values. Raises RepeatedParameter for a name
    given twice (`From=...&From=...`): which value counts would depend on who reads it."""
    if not request.content_type.startswith("application/x-www-form-urlencoded"):
        return RequestParameters()
    params = parse_qs(request.body.decode("utf-8", errors="replace"), keep_blank_values=True)
    repeated = sorted(name for name, values in params.items() if len(values) > 1)
    if repeated:
        raise RepeatedParameter(f"the parameter '{repeated[0]}' is given more than once")
    return RequestParameters(params)

