"""`python -m bot.action_server run actions ...`: rasa_sdk's own action server, which takes only
calls that carry the shared secret in ACTION_SERVER_TOKEN.

rasa_sdk 3.6 checks nothing itself: anyone who reaches its port can run any action (and so use
the catalog key the actions hold). Rasa can send a secret with every action call (endpoints.yml,
`action_endpoint.headers`, which the launcher and `python -m ops endpoints` fill in); this adds
the check on the receiving side through rasa_sdk's plugin hook `attach_sanic_app_extensions`, the
one place its server lets code add request middleware. Unset, every call is refused, as the
channels refuse every request while their secret is unset. `/health` stays open for probes.
"""

from __future__ import annotations

import hmac
import os
import sys

import pluggy
from rasa_sdk.plugin import plugin_manager
from sanic import response

# rasa_sdk's hook implementation marker: its plugin manager calls what carries it.
hookimpl = pluggy.HookimplMarker("rasa_sdk")
OPEN_PATHS = {"/health"}
REFUSED = {"error": "This action server takes calls from the assistant only (Authorization: Bearer <ACTION_SERVER_TOKEN>)."}


def authorized(header: str, token: str) -> bool:
    """True when the Authorization header carries `token` (compared in constant time)."""
    expected = f"Bearer {token}"
    return bool(token) and hmac.compare_digest(header.encode(), expected.encode())


class SharedSecret:
    """A rasa_sdk plugin: request middleware that refuses calls without the shared secret."""

    def __init__(self, token: str) -> None:
        self.token = token

    @hookimpl
    def attach_sanic_app_extensions(self, app) -> None:
        @app.middleware("request")
        async def check_secret(request):
            if request.path not in OPEN_PATHS and not authorized(request.headers.get("Authorization", ""), self.token):
                return response.json(REFUSED, status=401)


def main() -> None:
    plugin_manager().register(SharedSecret(os.environ.get("ACTION_SERVER_TOKEN", "")))
    sys.argv[0] = "rasa"
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
