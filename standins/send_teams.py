"""Write to the local assistant as a Teams user, through the Bot Framework's protocol, and print
its answer.

Start the assistant with a Bot Framework registration of your own making, pointed here:

    export TEAMS_APP_ID=00000000-0000-0000-0000-000000000001 TEAMS_APP_PASSWORD=local-test-secret
    export TEAMS_OPENID_URL=http://127.0.0.1:8902/v1/.well-known/openidconfiguration
    export TEAMS_LOGIN_BASE=http://127.0.0.1:8902
    make run

then, in another terminal with the same variables:

    PYTHONPATH=. .venv/bin/python -m standins.send_teams "does my hospital pay for nursing school"

A Bot Framework stand-in on the OpenID URL's port publishes its signing key (OpenID metadata and
JWKS) and issues the bot's outbound tokens; the activity is posted to PUBLIC_BASE_URL's Teams
webhook with an RS256 token it signed, and the replies the assistant posts to the Bot Connector
API (the activity's serviceUrl, the stand-in) are printed. The stand-in keeps its key and the
tokens it issued in VAR_DIR, so the assistant's cached ones stay good from one run to the next;
the same --user continues the same conversation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization

from core.settings import load
from standins.botframework import BotFrameworkStandIn

TEAMS_PATH = "/webhooks/teams/webhook"


def remembered(standin: BotFrameworkStandIn, state: Path) -> None:
    """Takes the key and tokens of earlier runs, if any."""
    if state.exists():
        saved = json.loads(state.read_text())
        standin.key = serialization.load_pem_private_key(saved["key"].encode(), password=None)
        standin.kid = saved["kid"]
        standin.access_tokens.update(saved["tokens"])


def remember(standin: BotFrameworkStandIn, state: Path) -> None:
    state.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    pem = standin.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
    descriptor = os.open(state, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump({"key": pem, "kid": standin.kid, "tokens": sorted(standin.access_tokens)}, file)


def said(activity: dict) -> str:
    """The reply's text: its Adaptive Card's text blocks, else the plain-text fallback."""
    for attachment in activity.get("attachments") or []:
        blocks = (attachment.get("content") or {}).get("body") or []
        text = "\n".join(b.get("text", "") for b in blocks if b.get("type") == "TextBlock")
        buttons = [a.get("title", "") for a in (attachment.get("content") or {}).get("actions") or []]
        if text:
            return text + ("".join(f"\n  [{title}]" for title in buttons) if buttons else "")
    return activity.get("text") or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text", help="what the employee writes")
    parser.add_argument("--user", default="local-test-user", help="who writes (one conversation each)")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for the first reply")
    args = parser.parse_args(argv)

    settings = load()
    openid = urlsplit(settings.teams_openid_url)
    if not settings.teams_app_id or not settings.teams_app_password or not openid.port \
            or openid.hostname not in ("127.0.0.1", "localhost"):
        print("Set TEAMS_APP_ID, TEAMS_APP_PASSWORD, a local TEAMS_OPENID_URL and TEAMS_LOGIN_BASE "
              "(e.g. http://127.0.0.1:8902), the same as for `make run`.", file=sys.stderr)
        return 2
    standin = BotFrameworkStandIn(settings.teams_app_id, settings.teams_app_password,
                                  settings.teams_tenant_id, issuer=settings.teams_issuer)
    state = settings.var_dir / "standins" / "botframework.json"
    remembered(standin, state)
    standin.start(openid.port)
    conversation = f"a:local-{args.user}"
    try:
        # One person, one tenant: the employer's when it is set (its people are known employees).
        person = uuid.uuid5(uuid.NAMESPACE_URL, f"local-test-user:{args.user}")
        tenant = settings.teams_employer_tenant_id or str(uuid.uuid5(uuid.NAMESPACE_URL, "local-test-tenant"))
        activity = standin.activity(args.text, conversation_id=conversation, user_id=f"29:{args.user}",
                                    aad_object_id=str(person), tenant_id=tenant)
        response = standin.post_activity(settings.public_base_url.rstrip("/") + TEAMS_PATH, activity)
        if response.status_code not in (200, 201, 202):
            print(f"The webhook answered {response.status_code}: {response.text[:200]}", file=sys.stderr)
            return 1
        replies = standin.settle(lambda: standin.replies_in(conversation), args.timeout, quiet=3.0)
    finally:
        standin.stop()
        remember(standin, state)
    if not replies:
        print(f"No reply within {args.timeout:.0f} s.", file=sys.stderr)
        return 1
    for reply in replies:
        print(said(reply), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
