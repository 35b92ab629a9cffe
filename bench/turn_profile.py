"""Where one turn's time goes, measured inside Rasa (run with .venv-rasa's Python).

Loads the model with the endpoints the launcher wrote (our tracker store, the running action
server), plays one conversation at a time, and times each part of every turn with wrappers around
the code that does it: each NLU component and policy (Rasa's graph nodes), the tracker store,
the lock, and each custom action call (wall time: serialising the tracker, HTTP, the action
server). Every action call is then replayed in this process through rasa_sdk's executor, with
the catalog calls timed, to split the action server's share into our action code and the catalog.
`python -m bench.bot_bench --profile` starts the catalog and action server and runs this.

    .venv-rasa/bin/python -m bench.turn_profile ENDPOINTS_YML MODEL --rounds 5 --out profile.json [--quiz]

--quiz plays the career quiz instead (bench.scripts.QUIZ_SCRIPT) and times its answer turns only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

from bench.scripts import OUR_SCRIPT, QUIZ_SCRIPT, QUIZ_START

# Milliseconds per part, for the turn being played.
timings: dict[str, float] = defaultdict(float)
action_calls: list[dict] = []


def timed(owner, name: str, label) -> None:
    """Wraps owner.name (sync or async) so its wall time adds to timings[label(args)]."""
    original = getattr(owner, name)
    if asyncio.iscoroutinefunction(original):
        async def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                timings[label(args)] += (time.perf_counter() - started) * 1000
    else:
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timings[label(args)] += (time.perf_counter() - started) * 1000
    setattr(owner, name, wrapper)


def node_label(args) -> str:
    node = args[0]
    # "run_DIETClassifier5" -> "DIETClassifier"; the number is the node's place in the graph.
    name = getattr(node, "_node_name", "node").removeprefix("run_").rstrip("0123456789")
    return f"graph: {name}"


def instrument() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.lock_store import InMemoryLockStore, LockStore
    from rasa.engine.graph import GraphNode

    from bot.conversation_store import ConversationStore

    timed(GraphNode, "__call__", node_label)
    timed(ConversationStore, "retrieve", lambda _: "tracker store: load")
    timed(ConversationStore, "save", lambda _: "tracker store: save")
    timed(LockStore, "lock", lambda _: "lock store")
    timed(InMemoryLockStore, "get_or_create_lock", lambda _: "lock store")

    original_format = RemoteAction._action_call_format

    def capture(self, tracker, domain):
        started = time.perf_counter()
        body = original_format(self, tracker, domain)
        encoded = json.dumps(body)
        timings["action call: tracker and domain as JSON"] += (time.perf_counter() - started) * 1000
        action_calls.append({"name": self.name(), "body": json.loads(encoded), "bytes": len(encoded)})
        return body

    RemoteAction._action_call_format = capture
    timed(RemoteAction, "run", lambda args: "action call (wall, incl. action server and catalog)")


async def play(agent, rounds: int, script: tuple[str, ...]) -> tuple[list[dict[str, float]], list[dict]]:
    """Per-turn timings of the measured rounds and their action calls (the quiz's start is played,
    not measured: its answers are the turns in question)."""
    per_turn: list[dict[str, float]] = []
    measured: list[dict] = []
    for round_number in range(rounds + 1):  # round 0 warms up
        sender = f"profile-{uuid.uuid4().hex[:8]}"
        for text in script:
            timings.clear()
            calls_before = len(action_calls)
            started = time.perf_counter()
            await agent.handle_text(text, sender_id=sender)
            total = (time.perf_counter() - started) * 1000
            if round_number and text != QUIZ_START:
                per_turn.append({"turn (total)": total, **timings})
                measured += action_calls[calls_before:]
    return per_turn, measured


async def replay_actions(calls: list[dict]) -> dict[str, list[float]]:
    """Each action call again, in this process: our action code and the catalog, apart."""
    from rasa_sdk.executor import ActionExecutor

    from actions import catalog_client

    catalog_ms: list[float] = []
    original = catalog_client.CatalogClient.request

    def request(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            catalog_ms.append((time.perf_counter() - started) * 1000)

    catalog_client.CatalogClient.request = request
    executor = ActionExecutor()
    executor.register_package("actions")
    result: dict[str, list[float]] = defaultdict(list)
    for call in calls:
        catalog_ms.clear()
        started = time.perf_counter()
        await executor.run(call["body"])
        total = (time.perf_counter() - started) * 1000
        result["action code, in process (incl. catalog)"].append(total)
        result["catalog requests"].append(sum(catalog_ms))
        result["catalog request count"].append(len(catalog_ms))
    return result


# Which graph nodes are the NLU pipeline (config.yml's pipeline) and which the dialogue policies.
POLICIES = ("MemoizationPolicy", "RulePolicy", "TEDPolicy", "UnexpecTEDIntentPolicy", "select_prediction",
            "rule_only_data_provider", "domain_provider")


def group_of(part: str) -> str:
    if part.startswith("graph: "):
        return "dialogue policies" if part[len("graph: "):] in POLICIES else "NLU pipeline"
    if part.startswith("action call"):
        return "action calls"
    return part


def summarise(per_turn: list[dict[str, float]], calls: list[dict], replayed: dict, turns: int) -> dict:
    parts = sorted({key for turn in per_turn for key in turn})
    # Mean per turn (parts absent from a turn count as 0) and median of the turn totals.
    mean = {part: round(sum(turn.get(part, 0.0) for turn in per_turn) / len(per_turn), 1) for part in parts}
    by_action: dict[str, list[int]] = defaultdict(list)
    for call in calls:
        by_action[call["name"]].append(call["bytes"])
    groups: dict[str, float] = defaultdict(float)
    for part, ms in mean.items():
        if part != "turn (total)" and part != "action call: tracker and domain as JSON":
            groups[group_of(part)] += ms
    return {
        "turns": len(per_turn),
        "mean_ms_per_turn_by_group": {name: round(ms, 1) for name, ms in sorted(groups.items())},
        "turn_p50_ms": round(statistics.median(t["turn (total)"] for t in per_turn), 1),
        "mean_ms_per_turn": mean,
        "action_calls_per_turn": round(len(calls) / turns, 2),
        "action_call_bytes_median": round(statistics.median(c["bytes"] for c in calls)) if calls else 0,
        "action_calls": {name: {"calls": len(sizes), "median_bytes": round(statistics.median(sizes))}
                         for name, sizes in sorted(by_action.items())},
        "replayed_per_turn_ms": {name: round(sum(values) / turns, 1) for name, values in replayed.items()},
    }


async def main_async(args) -> dict:
    from rasa.core.agent import load_agent
    from rasa.core.utils import read_endpoints_from_path
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Logged as `rasa run` logs by default: debug logging would add its own cost to every turn.
    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)
    instrument()
    agent = await load_agent(model_path=str(args.model), endpoints=read_endpoints_from_path(str(args.endpoints)))
    per_turn, measured = await play(agent, args.rounds, QUIZ_SCRIPT if args.quiz else OUR_SCRIPT)
    replayed = await replay_actions(measured)
    return summarise(per_turn, measured, replayed, len(per_turn))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("endpoints", type=Path)
    parser.add_argument("model", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quiz", action="store_true", help="the career quiz's answer turns")
    args = parser.parse_args()
    result = asyncio.run(main_async(args))
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
