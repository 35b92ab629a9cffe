"""Where a Rasa server's start goes, part by part (run with .venv-rasa's Python): the imports
(TensorFlow, Rasa, the channels), then loading the model, timed per graph component with a
wrapper around Rasa's graph nodes (spaCy, the sentence encoder, DIET, the policies...), then the
first turn (graphs traced on first use). What a restart after a SIGKILL waits for, before the
supervisor sees the server answer; printed with the machine's load average, since every part
stretches on a busy machine.

    .venv-rasa/bin/python -m bench.start_profile [MODEL] [--out results/start-profile.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", nargs="?", default=str(ROOT / "models" / "assistant.tar.gz"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--as-rasa-does", action="store_true",
                        help="without bot/rasa_speedups.py (Rasa's own loading), for comparison")
    args = parser.parse_args()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    load_before = os.getloadavg()[0]
    parts: dict[str, float] = {}
    began = time.monotonic()

    start = time.monotonic()
    import tensorflow  # noqa: F401 - timed: the heaviest import
    parts["import tensorflow"] = time.monotonic() - start
    start = time.monotonic()
    import rasa.core.agent  # noqa: F401
    import rasa.core.run  # noqa: F401
    import rasa.engine.graph as graph
    parts["import rasa"] = time.monotonic() - start
    start = time.monotonic()
    import connectors.sms  # noqa: F401 - the channels credentials.yml names
    import connectors.teams  # noqa: F401
    import connectors.web  # noqa: F401
    parts["import the channels"] = time.monotonic() - start
    if not args.as_rasa_does:
        # What the tracker store (bot/conversation_store.py) imports before the model loads.
        import bot.rasa_speedups  # noqa: F401

    components: dict[str, float] = defaultdict(float)
    original = graph.GraphNode._load_component

    def timed_load(self, **kwargs):
        started = time.monotonic()
        try:
            return original(self, **kwargs)
        finally:
            components[self._component_class.__name__] += time.monotonic() - started

    graph.GraphNode._load_component = timed_load
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    unpack = LocalModelStorage.from_model_archive.__func__

    def timed_unpack(cls, *args, **kwargs):
        started = time.monotonic()
        try:
            return unpack(cls, *args, **kwargs)
        finally:
            components["unpacking the model archive"] += time.monotonic() - started

    LocalModelStorage.from_model_archive = classmethod(timed_unpack)
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import UserMessage

    start = time.monotonic()
    agent = asyncio.run(load_agent(model_path=args.model))
    parts["load the model"] = time.monotonic() - start
    start = time.monotonic()
    asyncio.run(agent.parse_message(UserMessage("I want medical assistant training").text))
    parts["first message understood (graphs traced)"] = time.monotonic() - start
    parts["in all"] = time.monotonic() - began

    slowest = dict(sorted(components.items(), key=lambda kv: -kv[1])[:8])
    report = {"load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
              "cpus": os.cpu_count(), "seconds": {k: round(v, 1) for k, v in parts.items()},
              "model_components_seconds": {k: round(v, 1) for k, v in slowest.items()}}
    for name, seconds in report["seconds"].items():
        print(f"  {name:45} {seconds:6.1f} s")
    print("  slowest model components:")
    for name, seconds in report["model_components_seconds"].items():
        print(f"    {name:43} {seconds:6.1f} s")
    print(f"  load average {report['load_average_before']} before, {report['load_average_after']} after, "
          f"{report['cpus']} CPUs")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
