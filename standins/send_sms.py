"""Text the local assistant as Twilio would, and print its answer.

Start the assistant with Twilio settings of your own making and its Messages API pointed here:

    export TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 TWILIO_AUTH_TOKEN=local-test-token
    export TWILIO_FROM_NUMBER=+15550001234 TWILIO_API_BASE=http://127.0.0.1:8901
    make run

then, in another terminal with the same variables:

    PYTHONPATH=. .venv/bin/python -m standins.send_sms "i want to be a medical assistant"

The text is signed with TWILIO_AUTH_TOKEN as Twilio signs (X-Twilio-Signature over
PUBLIC_BASE_URL's webhook URL and the form) and posted to the SMS webhook. The assistant answers
through Twilio's Messages API; a Twilio stand-in on TWILIO_API_BASE's port receives the texts and
prints them. The same --from number continues the same conversation.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

from core.settings import load
from standins.twilio import TwilioStandIn

SMS_PATH = "/webhooks/sms/webhook"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text", help="what the person texts")
    parser.add_argument("--from", dest="sender", default="+15555550100", help="the person's number")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for the first reply")
    args = parser.parse_args(argv)

    settings = load()
    api = urlsplit(settings.twilio_api_base)
    if not settings.twilio_auth_token or api.hostname not in ("127.0.0.1", "localhost") or not api.port:
        print("Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and a local "
              "TWILIO_API_BASE (e.g. http://127.0.0.1:8901), the same as for `make run`.", file=sys.stderr)
        return 2
    twilio = TwilioStandIn(settings.twilio_auth_token, settings.twilio_account_sid,
                           settings.twilio_from_number).start(api.port)
    try:
        webhook = settings.public_base_url.rstrip("/") + SMS_PATH
        response = twilio.post_inbound(webhook, {"From": args.sender, "Body": args.text})
        if response.status_code != 200:
            print(f"The webhook answered {response.status_code}: {response.text[:200]}", file=sys.stderr)
            return 1
        texts = twilio.settle(lambda: twilio.messages_to(args.sender), args.timeout, quiet=3.0)
    finally:
        twilio.stop()
    if not texts:
        print(f"No reply within {args.timeout:.0f} s.", file=sys.stderr)
        return 1
    for text in texts:
        print(text["body"], end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
