"""`python -m bot.rasa_server run ...`: Rasa's own command line, with the HTTP API token taken
from the RASA_API_TOKEN environment variable instead of `--auth-token` on the command line.

A process's command line is readable by every local user (`ps`, /proc/<pid>/cmdline); its
environment only by its owner. The token is added to the arguments inside this process, after
the kernel recorded the command line, so `ps` never shows it.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    token = os.environ.get("RASA_API_TOKEN", "")
    if any(arg == "--auth-token" or arg.startswith("--auth-token=") for arg in sys.argv[1:]):
        sys.exit("Pass the API token in RASA_API_TOKEN, not on the command line.")
    if token and sys.argv[1:2] == ["run"] and "--enable-api" in sys.argv:
        # In one piece: a generated token may start with "-".
        sys.argv.append(f"--auth-token={token}")
    sys.argv[0] = "rasa"
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
