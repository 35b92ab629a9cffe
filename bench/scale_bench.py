"""Scale benchmark (`make bench-scale`): Locust drives 200 conversations at once through the REST
channel and the signed SMS channel, at 1 and at 2 Rasa replicas, while services fail.

Each replica count gets a stack of its own, started by `ops.launcher.Stack` exactly as
`RASA_REPLICAS=N make run` starts it (PostgreSQL tracker store and Redis lock store for both
counts, so only the number of replicas differs), and the Twilio stand-in (standins) in
this process receives the SMS replies. Everything is on loopback; every phase is bounded in time
and the run stops by itself.

Phases, one after another with the same 200 users:
  capacity        short think time (1-3 s), so the replicas are saturated: turns per second here
                  is what the stack can serve, the figure compared between 1 and 2 replicas
  steady          human think time (10-30 s)
  catalog-killed  the catalog process is killed (SIGKILL) for 20 s, then started again
  catalog-hung    the catalog is paused (SIGSTOP) for 20 s: it accepts connections, answers nothing
  replica-killed  (2 replicas only) one Rasa replica is killed (SIGKILL) and started again; the
                  phase lasts until it is serving again
  *-sigkill       the catalog, then an action server, then a Rasa server killed (SIGKILL) once
                  each and brought back by the launcher's supervisor (ops/supervisor.py), as under
                  `make run`; the phase lasts until the process answers its health URL again and a
                  probe turn (a new conversation asking for training) gets a full answer again
  after-*         recovery after each fault

`--small` is the load for a busy two-core machine: 40 users at one replica, shorter phases, and
only the SIGKILL faults (no capacity comparison, no catalog hang).

A REST turn is failed when it gets no 200 with a reply. An SMS turn is failed when its webhook is
not acknowledged (Twilio would retry it), and lost when it was acknowledged (200) and no reply
text reached the stand-in within SMS_REPLY_SECONDS. Figures go to results/scale-bench.{json,md};
the goals are reported, not asserted.

    PYTHONPATH=. .venv/bin/python -m bench.scale_bench [--users 200] [--replicas 1 2] [--capacity-seconds 90] [--small]
"""

# Locust runs each user as a greenlet: the standard library must be patched before anything else.
# ruff: noqa: E402 - every import below must come after gevent's patch
from gevent import monkey

monkey.patch_all()

import argparse
import datetime as dt
import json
import os
import platform
import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent

import gevent
import psycopg
from locust import FastHttpUser, task
from locust.env import Environment
from sqlalchemy.engine import make_url

from bench.bot_bench import git_commit, wait_for_model
from bench.scripts import OUR_SCRIPT
from ops.launcher import MODEL, Stack, isolated_env
from ops.processes import ServiceError
from ops.supervisor import STATUS_FILE, Supervisor
from standins.twilio import TwilioStandIn

RESULTS = ROOT / "results"
REST_PATH = "/webhooks/rest/webhook"
SMS_PATH = "/webhooks/sms/webhook"
TURN_TIMEOUT = 120.0
# A text acknowledged just before Rasa is killed waits in the SMS inbox until a Rasa server is up
# again (minutes on a busy machine): only no reply within this counts as lost.
SMS_REPLY_SECONDS = 300.0
FAULT_SECONDS = 20.0
RECOVERY_SECONDS = 30.0
START_TIMEOUT = 20 * 60
CAPACITY_THINK = (1.0, 3.0)
HUMAN_THINK = (10.0, 30.0)
GOALS = {"throughput_ratio_2_to_1": 1.6, "lost_acknowledged": 0, "catalog_outage_answer_seconds": 3.0}
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
# Killed once each, in this order; with replicas, the first replica's Rasa and action server.
SIGKILLED = ("catalog", "actions", "rasa")
# How long a killed process may take to answer again before the bench stops waiting (a Rasa
# server loads its model anew: minutes on a busy machine).
BACK_TIMEOUT = 15 * 60
# A turn that needs Rasa, the action server and the catalog; a full answer names the career and
# is neither an apology nor an answer saved from before the outage.
PROBE_TEXT = "I want medical assistant training"
NOT_A_FULL_ANSWER = ("went wrong", "can't look that up", "Saved answer")
# Texts sent (and acknowledged) just before each SIGKILL, so some are surely being answered when
# the process dies, whatever the users happen to be doing at that moment.
TEXTS_AT_KILL = 3
GOALS["sigkill_back_seconds"] = 60
BENCH_DATABASE = "scale_bench"


@dataclass
class Turn:
    channel: str
    phase: str
    started: float  # seconds since the run began
    seconds: float
    outcome: str  # ok | failed | lost
    detail: str = ""


class Run:
    """What every user reads (think time, phase) and where every turn is written."""

    def __init__(self) -> None:
        self.think = CAPACITY_THINK
        self.phase = "ramp-up"
        self.began = time.monotonic()
        self.turns: list[Turn] = []
        self.phases: list[tuple[str, float, float]] = []  # (name, start, end) in run seconds
        self.rest_token = ""
        self.twilio: Optional["IndexedTwilio"] = None
        self.sms_url = ""
        self.rest_url = ""
        self.recoveries: list[dict] = []  # one per process killed in the *-sigkill phases

    def now(self) -> float:
        return time.monotonic() - self.began

    def record(self, channel: str, phase: str, started: float, outcome: str, detail: str = "") -> None:
        self.turns.append(Turn(channel, phase, round(started, 3), round(self.now() - started, 3), outcome, detail[:160]))


RUN = Run()


class IndexedTwilio(TwilioStandIn):
    """The Twilio stand-in with texts counted per number, so 50 waiting phones cost nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.count_to: dict[str, int] = {}

    def record(self, items: list, item: dict) -> None:
        self.count_to[item["to"]] = self.count_to.get(item["to"], 0) + 1
        # Only the count is needed; keeping every text would grow without end.


def think(_user) -> float:
    return random.uniform(*RUN.think)


class ScriptUser(FastHttpUser):
    """One person replaying the script, turn after turn with think time between, then starting
    a new conversation; `say` is how their channel carries one turn."""

    abstract = True
    wait_time = think
    network_timeout = TURN_TIMEOUT
    connection_timeout = 10.0

    def on_start(self) -> None:
        self.step = 0
        self.new_conversation()

    @task
    def turn(self) -> None:
        self.say(OUR_SCRIPT[self.step], RUN.phase, RUN.now())
        self.step += 1
        if self.step == len(OUR_SCRIPT):
            self.on_start()

    def new_conversation(self) -> None:
        raise NotImplementedError

    def say(self, text: str, phase: str, started: float) -> None:
        raise NotImplementedError


class RestUser(ScriptUser):
    """A web-chat person on the REST channel (Bearer token, as any REST client must send)."""

    weight = 3

    def new_conversation(self) -> None:
        self.sender = f"rest-{uuid.uuid4().hex[:12]}"

    def say(self, text: str, phase: str, started: float) -> None:
        headers = {"Authorization": f"Bearer {RUN.rest_token}"} if RUN.rest_token else {}
        try:
            with self.client.post(REST_PATH, json={"sender": self.sender, "message": text}, headers=headers,
                                  catch_response=True, name="rest turn") as response:
                if response.status_code != 200:
                    outcome, detail = "failed", f"HTTP {response.status_code}: {(response.text or '')[:100]}"
                elif not any(m.get("text") for m in (response.json() or [])):
                    outcome, detail = "failed", f"empty reply to {text!r}"
                else:
                    outcome, detail = "ok", ""
                response.success()
        except Exception as error:  # noqa: BLE001 - any error is a failed turn, recorded by kind
            outcome, detail = "failed", f"{type(error).__name__}: {error}"
        RUN.record("rest", phase, started, outcome, detail)


class SmsUser(ScriptUser):
    """A job seeker texting: a signed Twilio webhook, then the reply text at the stand-in."""

    weight = 1

    def new_conversation(self) -> None:
        self.number = "+1555" + "".join(random.choices("0123456789", k=7))

    def say(self, text: str, phase: str, started: float) -> None:
        twilio = RUN.twilio
        params = twilio.inbound_params(From=self.number, Body=text)
        headers = {"X-Twilio-Signature": twilio.sign(RUN.sms_url, params)}
        before = twilio.count_to.get(self.number, 0)
        try:
            with self.client.post(SMS_PATH, data=params, headers=headers, catch_response=True,
                                  name="sms webhook") as response:
                acknowledged = response.status_code == 200
                detail = "" if acknowledged else f"HTTP {response.status_code}"
                response.success()
        except Exception as error:  # noqa: BLE001 - any error is an unacknowledged text, recorded
            acknowledged, detail = False, f"{type(error).__name__}: {error}"
        if not acknowledged:
            RUN.record("sms", phase, started, "failed", detail)
            return
        deadline = time.monotonic() + SMS_REPLY_SECONDS
        while twilio.count_to.get(self.number, 0) <= before and time.monotonic() < deadline:
            gevent.sleep(0.1)
        replied = twilio.count_to.get(self.number, 0) > before
        RUN.record("sms", phase, started, "ok" if replied else "lost",
                   "" if replied else f"acknowledged, no reply to {text!r} in {SMS_REPLY_SECONDS:.0f} s")
        # A turn can be several texts; let them all arrive before the next message.
        gevent.sleep(0.5)


# ---------------------------------------------------------------------------------------------
# The stack and the faults


def postgres_url() -> str:
    """A freshly emptied database for the tracker store and the SMS opt-outs."""
    base = make_url(os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL") or DEFAULT_POSTGRES)
    admin_url = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    return base.set(drivername="postgresql", database=BENCH_DATABASE).render_as_string(hide_password=False)


def phase(name: str, seconds: float = 0.0) -> None:
    if RUN.phases:
        last, start, _ = RUN.phases[-1]
        RUN.phases[-1] = (last, start, RUN.now())
    RUN.phase = name
    RUN.phases.append((name, RUN.now(), RUN.now()))
    print(f"  [{RUN.now():6.0f} s] {name}", flush=True)
    if seconds:
        gevent.sleep(seconds)


def scenario(stack: Stack, capacity_seconds: float, replica_kill: bool, recovery: float,
             catalog_faults: bool = True, sigkills: bool = True) -> None:
    phase("ramp-up", 30)
    if capacity_seconds:
        phase("capacity", capacity_seconds)
    RUN.think = HUMAN_THINK
    phase("settle", recovery)
    phase("steady", 2 * recovery)
    if catalog_faults:
        catalog_outages(stack, recovery)
    if replica_kill:
        phase("replica-killed")
        stack.service("rasa-2").kill()
        stack.start_process("rasa-2", timeout=START_TIMEOUT)
        phase("after-replica-kill", recovery)
    if sigkills:
        sigkill_each(stack, recovery)
    phase("end")


def catalog_outages(stack: Stack, recovery: float) -> None:
    catalog = stack.service("catalog")
    phase("catalog-killed")
    catalog.kill()
    gevent.sleep(FAULT_SECONDS)
    phase("catalog-restarting")
    stack.start_process("catalog")
    phase("after-catalog-kill", recovery)
    phase("catalog-hung")
    catalog.pause()
    gevent.sleep(FAULT_SECONDS)
    catalog.resume()
    phase("after-catalog-hang", recovery)


def full_answer() -> bool:
    """One probe turn in a new conversation: True when it got a full answer."""
    import requests

    try:
        answer = requests.post(RUN.rest_url, timeout=30,
                               json={"sender": f"probe-{uuid.uuid4().hex[:10]}", "message": PROBE_TEXT},
                               headers={"Authorization": f"Bearer {RUN.rest_token}"})
        text = " ".join(m.get("text") or "" for m in answer.json()) if answer.status_code == 200 else ""
    except Exception:  # noqa: BLE001 - refused, reset, timed out or not JSON: not answered
        return False
    return "medical assist" in text.lower() and not any(words in text for words in NOT_A_FULL_ANSWER)


def texts_before_kill() -> list[tuple[str, float]]:
    """Sends TEXTS_AT_KILL signed texts from new numbers: (number, when) of those acknowledged."""
    import requests

    acknowledged = []
    for _ in range(TEXTS_AT_KILL):
        number = "+1555" + "".join(random.choices("0123456789", k=7))
        params = RUN.twilio.inbound_params(From=number, Body=PROBE_TEXT)
        try:
            answer = requests.post(RUN.sms_url, data=params, timeout=10,
                                   headers={"X-Twilio-Signature": RUN.twilio.sign(RUN.sms_url, params)})
        except Exception:  # noqa: BLE001 - not acknowledged: Twilio would keep it
            continue
        if answer.status_code == 200:
            acknowledged.append((number, time.monotonic()))
    return acknowledged


def answered_texts(sent: list[tuple[str, float]]) -> int:
    """How many of `sent` got a reply, waiting up to SMS_REPLY_SECONDS after each was sent."""
    for number, when in sent:
        while not RUN.twilio.count_to.get(number) and time.monotonic() < when + SMS_REPLY_SECONDS:
            gevent.sleep(0.5)
    return sum(bool(RUN.twilio.count_to.get(number)) for number, _ in sent)


def sigkill_each(stack: Stack, recovery: float) -> None:
    """SIGKILL the catalog, an action server and a Rasa server in turn while the users go on, with
    the launcher's supervisor restarting them as `make run` does. Records, per process, the
    seconds until it answered its health URL again and until a probe turn got a full answer."""
    answering_again: dict[str, float] = {}  # name: when the supervisor saw it answer again

    def say(line: str) -> None:
        print(f"           {line}", flush=True)
        if line.endswith(" is answering again."):
            answering_again[line.removesuffix(" is answering again.")] = time.monotonic()

    supervisor = Supervisor(stack.processes, stack.settings.var_dir / STATUS_FILE, say=say)

    def supervise() -> None:
        while True:
            given_up = supervisor.tick()
            if given_up:
                print(given_up, flush=True)
                return
            gevent.sleep(0.25)

    watcher = gevent.spawn(supervise)
    try:
        for kind in SIGKILLED:
            name = kind if kind == "catalog" or not stack.replicated else f"{kind}-1"
            service = stack.service(name)
            answering_again.pop(name, None)
            phase(f"{kind}-sigkill")
            at_kill = texts_before_kill()
            killed, kill_at = time.monotonic(), RUN.now()
            service.kill()
            back = answered = None
            while time.monotonic() - killed < BACK_TIMEOUT and (back is None or answered is None):
                if back is None and name in answering_again:
                    back = answering_again[name] - killed
                if answered is None and full_answer():
                    answered = time.monotonic() - killed
                gevent.sleep(0.5)
            RUN.recoveries.append({"process": name, "kill_at": round(kill_at, 1),
                                   "back_seconds": None if back is None else round(back, 1),
                                   "full_answer_seconds": None if answered is None else round(answered, 1),
                                   "down_until": round(RUN.now(), 1), "texts_at_kill": at_kill})
            print(f"           {name}: answering its health URL after {RUN.recoveries[-1]['back_seconds']} s, "
                  f"full answers after {RUN.recoveries[-1]['full_answer_seconds']} s", flush=True)
            phase(f"after-{kind}-sigkill", recovery)
        for entry in RUN.recoveries:
            sent = entry.pop("texts_at_kill")
            entry.update(texts_at_kill=len(sent), texts_at_kill_answered=answered_texts(sent))
    finally:
        watcher.kill()


def warm_up(stack: Stack, twilio: IndexedTwilio) -> None:
    """Every replica answers once over REST and SMS before the clock starts (first turns load
    lazy code paths; the first SMS on a replica opens its opt-out store)."""
    import requests

    headers = {"Authorization": f"Bearer {RUN.rest_token}"}
    for _ in range(4 * stack.settings.rasa_replicas):
        sender = f"warm-{uuid.uuid4().hex[:8]}"
        for text in OUR_SCRIPT[:2]:
            requests.post(stack.rasa_url + REST_PATH, json={"sender": sender, "message": text},
                          headers=headers, timeout=TURN_TIMEOUT)
        number = "+1555" + "".join(random.choices("0123456789", k=7))
        params = twilio.inbound_params(From=number, Body="hi")
        requests.post(RUN.sms_url, data=params, headers={"X-Twilio-Signature": twilio.sign(RUN.sms_url, params)},
                      timeout=30)
        deadline = time.monotonic() + 60
        while not twilio.count_to.get(number) and time.monotonic() < deadline:
            gevent.sleep(0.2)


def run_replicas(replicas: int, users: int, capacity_seconds: float, replica_kill: bool, recovery: float,
                 work: Path, catalog_faults: bool = True, sigkills: bool = True) -> dict:
    global RUN
    RUN = Run()
    twilio = IndexedTwilio().start()
    RUN.twilio = twilio
    var_dir = work / f"replicas-{replicas}"
    env = {
        **isolated_env(var_dir, replicas=replicas),
        **twilio.env(),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "REST_CHANNEL_TOKEN": secrets.token_urlsafe(24),
    }
    database = postgres_url()
    env["TRACKER_DB_URL"] = env["SMS_OPT_OUT_DB_URL"] = database
    RUN.rest_token = env["REST_CHANNEL_TOKEN"]
    stack = Stack(env=env)
    RUN.sms_url = stack.rasa_url + SMS_PATH
    RUN.rest_url = stack.rasa_url + REST_PATH
    print(f"[{replicas} replica(s)] starting (logs in {var_dir / 'logs'}) ...", flush=True)
    started = time.monotonic()
    try:
        stack.start(timeout=START_TIMEOUT)
        start_seconds = time.monotonic() - started
        print(f"[{replicas} replica(s)] ready in {start_seconds:.0f} s; warming up ...", flush=True)
        warm_up(stack, twilio)
        environment = Environment(user_classes=[RestUser, SmsUser], host=stack.rasa_url)
        runner = environment.create_local_runner()
        RUN.began = time.monotonic()
        runner.start(users, spawn_rate=max(users / 20, 1))
        try:
            scenario(stack, capacity_seconds, replica_kill and replicas > 1, recovery, catalog_faults, sigkills)
        finally:
            runner.quit()
            # Replies to the last SMS turns are recorded by the users before they stop.
            gevent.sleep(1)
    finally:
        stack.stop()
        twilio.stop()
    sms_around_kills()
    return {"replicas": replicas, "start_seconds": round(start_seconds, 1), "users": users,
            "phases": summarize_phases(), "recoveries": RUN.recoveries, "turns": [asdict(t) for t in RUN.turns],
            "logs": str(var_dir / "logs")}


# ---------------------------------------------------------------------------------------------
# Figures


def figures(turns: list[Turn], seconds: float) -> dict:
    done = [t.seconds * 1000 for t in turns if t.outcome == "ok"]
    result = {
        "turns": len(turns),
        "ok": len(done),
        "failed": sum(t.outcome == "failed" for t in turns),
        "lost": sum(t.outcome == "lost" for t in turns),
        "seconds": round(seconds, 1),
        "turns_per_second": round(len(done) / seconds, 2) if seconds else None,
    }
    if len(done) >= 2:
        cuts = statistics.quantiles(done, n=100, method="inclusive")
        result.update(p50_ms=round(cuts[49]), p95_ms=round(cuts[94]), max_ms=round(max(done)))
    answered = [t for t in turns if t.outcome == "ok"]
    result["answered_within_3s"] = sum(t.seconds <= GOALS["catalog_outage_answer_seconds"] for t in answered)
    kinds: dict[str, int] = {}
    for t in turns:
        if t.outcome != "ok":
            key = f"{t.channel} {t.outcome}: {t.detail}"
            kinds[key] = kinds.get(key, 0) + 1
    if kinds:
        result["problems"] = dict(sorted(kinds.items(), key=lambda kv: -kv[1])[:8])
    return result


def sms_around_kills() -> None:
    """Adds to each recovery what became of the texts: those in flight when the process was killed
    (acknowledged or being acknowledged, reply not yet sent) and those sent while it was away."""
    sms = [t for t in RUN.turns if t.channel == "sms"]
    for entry in RUN.recoveries:
        kill_at, until = entry["kill_at"], entry["down_until"]
        in_flight = [t for t in sms if t.started <= kill_at <= t.started + t.seconds]
        while_down = [t for t in sms if kill_at < t.started <= until]
        entry.update(
            sms_in_flight=len(in_flight), sms_in_flight_lost=sum(t.outcome == "lost" for t in in_flight),
            sms_in_flight_refused=sum(t.outcome == "failed" for t in in_flight),
            sms_acknowledged_while_down=sum(t.outcome != "failed" for t in while_down),
            sms_lost_while_down=sum(t.outcome == "lost" for t in while_down),
            sms_refused_while_down=sum(t.outcome == "failed" for t in while_down),
        )


def summarize_phases() -> dict:
    """Figures per phase (turns by the phase they started in; throughput by turns completed)."""
    out: dict[str, dict] = {}
    for index, (name, start, end) in enumerate(RUN.phases):
        if name == "end":
            continue
        key = name if name not in out else f"{name}-{index}"
        inside = [t for t in RUN.turns if start <= t.started < end]
        completed = [t for t in RUN.turns if t.outcome == "ok" and start <= t.started + t.seconds < end]
        entry = figures(inside, end - start)
        entry["turns_per_second"] = round(len(completed) / (end - start), 2) if end > start else None
        entry["by_channel"] = {ch: figures([t for t in inside if t.channel == ch], end - start) for ch in ("rest", "sms")}
        texts = [t for t in inside if t.channel == "sms"]
        entry["sms_acknowledged"] = sum(t.outcome != "failed" for t in texts)
        entry["sms_answered"] = sum(t.outcome == "ok" for t in texts)
        out[key] = entry
    return out


def markdown(report: dict) -> str:
    runs = report["runs"]
    lines = [
        "# Scale benchmark",
        "",
        f"{report['config']['users']} Locust users at once (REST : SMS = 3 : 1) on loopback, each replaying "
        f"a {len(OUR_SCRIPT)}-turn conversation; think time {CAPACITY_THINK[0]:g}-{CAPACITY_THINK[1]:g} s in the "
        f"capacity phase, {HUMAN_THINK[0]:g}-{HUMAN_THINK[1]:g} s after it. PostgreSQL tracker store and Redis "
        f"lock store at every replica count. {report['machine']['cpus']} CPUs shared with other work (load "
        f"average at start {report['machine']['load_average_at_start'][0]}), commit {report['commit']}, {report['date']}"
        + (" (`--small`)." if report["config"].get("small") else "."),
        "",
        "| phase | replicas | turns | ok | failed | lost | turns/s | p50 ms | p95 ms | max ms | answered within 3 s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        for name, f in run["phases"].items():
            if name.startswith("ramp-up"):
                continue
            lines.append(
                f"| {name} | {run['replicas']} | {f['turns']} | {f['ok']} | {f['failed']} | {f['lost']} | "
                f"{f['turns_per_second']} | {f.get('p50_ms', '')} | {f.get('p95_ms', '')} | {f.get('max_ms', '')} | "
                f"{f['answered_within_3s']} of {f['ok']} |")
    lines += ["", "| goal | measured | met |", "|---|---|:---:|"]
    for goal, measured, met in report["verdicts"]:
        lines.append(f"| {goal} | {measured} | {'n/a' if met is None else ('yes' if met else 'no')} |")
    for run in runs:
        problems: dict[str, int] = {}
        for f in run["phases"].values():
            for kind, count in (f.get("problems") or {}).items():
                problems[kind] = problems.get(kind, 0) + count
        if problems:
            lines += ["", f"Failed and lost turns at {run['replicas']} replica(s), by kind:", ""]
            lines += [f"- {count} x `{kind}`" for kind, count in sorted(problems.items(), key=lambda kv: -kv[1])]
    recoveries = [(run["replicas"], r) for run in runs for r in run.get("recoveries", [])]
    if recoveries:
        lines += [
            "", "Each process killed once (SIGKILL) under load and restarted by the launcher's supervisor. "
            "\"Back\": until it answered its health URL again; \"full answers\": until a probe turn in a new "
            "conversation was answered in full again (with 2 replicas the proxy may send it to the replica still up). "
            f"Texts sent just before the kill: {TEXTS_AT_KILL} signed texts from new numbers, acknowledged (200), "
            "then the SIGKILL at once, so they are being answered when the process dies. "
            "SMS in flight: the users' texts sent before the kill whose reply was "
            "still to come; lost: acknowledged (200) and no reply within "
            f"{SMS_REPLY_SECONDS:.0f} s; refused: not acknowledged (Twilio keeps them).", "",
            "| process killed | replicas | back s | full answers s | texts sent just before the kill: answered / acknowledged | "
            "SMS in flight: lost / refused / all | SMS sent while down: lost / refused / acknowledged |",
            "|---|---:|---:|---:|---|---|---|",
        ]
        for replicas, r in recoveries:
            lines.append(
                f"| {r['process']} | {replicas} | {r['back_seconds']} | {r['full_answer_seconds']} | "
                f"{r['texts_at_kill_answered']} / {r['texts_at_kill']} | {r['sms_in_flight_lost']} / {r['sms_in_flight_refused']} / {r['sms_in_flight']} | "
                f"{r['sms_lost_while_down']} / {r['sms_refused_while_down']} / {r['sms_acknowledged_while_down']} |")
    killed = [(run["replicas"], name, f) for run in runs for name, f in run["phases"].items() if "sigkill" in name]
    if killed:
        lines += [
            "", "The users' texts by the phase they were sent in: acknowledged (200 from the webhook) and "
            f"answered (a reply reached the stand-in within {SMS_REPLY_SECONDS:.0f} s); the rest of the "
            "acknowledged ones are lost.", "",
            "| phase | replicas | texts sent | acknowledged | answered | lost |", "|---|---:|---:|---:|---:|---:|",
        ]
        for replicas, name, f in killed:
            sms = f["by_channel"]["sms"]
            lines.append(f"| {name} | {replicas} | {sms['turns']} | {f['sms_acknowledged']} | {f['sms_answered']} | "
                         f"{f['sms_acknowledged'] - f['sms_answered']} |")
    lines += ["", "Stack start (models loaded): " + ", ".join(
        f"{r['replicas']} replica(s) {r['start_seconds']} s" for r in runs) + "."]
    return "\n".join(lines) + "\n"


def verdicts(runs: list[dict]) -> list[tuple[str, str, Optional[bool]]]:
    by_count = {r["replicas"]: r for r in runs}
    out: list[tuple[str, str, Optional[bool]]] = []
    if 1 in by_count and 2 in by_count and "capacity" in by_count[1]["phases"]:
        one = by_count[1]["phases"]["capacity"]["turns_per_second"]
        two = by_count[2]["phases"]["capacity"]["turns_per_second"]
        ratio = round(two / one, 2) if one else None
        out.append((f"2 replicas serve at least {GOALS['throughput_ratio_2_to_1']}x the turns per second of one",
                    f"{two} / {one} = {ratio}x", None if ratio is None else ratio >= GOALS["throughput_ratio_2_to_1"]))
    for run in runs:
        lost = sum(f["lost"] for f in run["phases"].values())
        out.append((f"no acknowledged message lost ({run['replicas']} replica(s))", str(lost), lost == 0))
        for r in run.get("recoveries", []):
            back = r["back_seconds"]
            out.append((f"{r['process']} killed (SIGKILL) answers again within {GOALS['sigkill_back_seconds']} s "
                        f"({run['replicas']} replica(s))", f"{back} s (full answers after {r['full_answer_seconds']} s)",
                        back is not None and back <= GOALS["sigkill_back_seconds"]))
            lost = r["sms_in_flight_lost"] + r["sms_lost_while_down"] + r["texts_at_kill"] - r["texts_at_kill_answered"]
            out.append((f"no acknowledged SMS lost when {r['process']} was killed ({run['replicas']} replica(s))",
                        str(lost), lost == 0))
        for name in ("catalog-killed", "catalog-hung"):
            f = run["phases"].get(name)
            if f:
                slow = f["turns"] - f["answered_within_3s"]
                out.append((f"every turn during the {name.replace('-', ' ')} answered within 3 s ({run['replicas']} replica(s))",
                            f"{f['answered_within_3s']} of {f['turns']} (p95 {f.get('p95_ms')} ms)", slow == 0))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--replicas", type=int, nargs="+", help="replica counts to run (default 1 2; 1 with --small)")
    parser.add_argument("--capacity-seconds", type=float, default=90.0)
    parser.add_argument("--recovery-seconds", type=float, default=RECOVERY_SECONDS,
                        help="settling time between phases (the steady phase is twice this)")
    parser.add_argument("--no-replica-kill", action="store_true", help="skip killing a replica")
    parser.add_argument("--no-sigkill", action="store_true",
                        help="skip killing the catalog, an action server and a Rasa server under supervision")
    parser.add_argument("--small", action="store_true",
                        help="40 users, 20 s phases, the SIGKILL faults only, 1 replica unless --replicas says (a busy two-core machine)")
    args = parser.parse_args()
    if args.small:
        args.users, args.capacity_seconds, args.recovery_seconds = 40, 0.0, 20.0
    args.replicas = args.replicas or ([1] if args.small else [1, 2])

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    work = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    print(f"Work folder {work}", flush=True)
    wait_for_model(MODEL, 40 * 60)
    runs = []
    try:
        for replicas in args.replicas:
            runs.append(run_replicas(replicas, args.users, args.capacity_seconds,
                                     not (args.no_replica_kill or args.small),
                                     args.recovery_seconds, work, catalog_faults=not args.small,
                                     sigkills=not args.no_sigkill))
            for name, f in runs[-1]["phases"].items():
                print(f"  {replicas} replica(s) {name:20} turns {f['turns']:5}  ok {f['ok']:5}  failed {f['failed']:4}  "
                      f"lost {f['lost']:3}  {f['turns_per_second']} turns/s  p50 {f.get('p50_ms')} ms  p95 {f.get('p95_ms')} ms",
                      flush=True)
    except ServiceError as error:
        print(f"{error}\nLogs: {work}", file=sys.stderr)
        return 1
    report = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": load_at_start, "platform": platform.platform()},
        "config": {"small": args.small, "users": args.users, "capacity_seconds": args.capacity_seconds,
                   "recovery_seconds": args.recovery_seconds, "capacity_think": CAPACITY_THINK,
                   "human_think": HUMAN_THINK, "fault_seconds": FAULT_SECONDS, "sms_reply_seconds": SMS_REPLY_SECONDS},
        "goals": GOALS,
        "runs": runs,
    }
    report["verdicts"] = verdicts(runs)
    RESULTS.mkdir(exist_ok=True)
    summary = {**report, "runs": [{k: v for k, v in r.items() if k != "turns"} for r in runs]}
    (RESULTS / "scale-bench.json").write_text(json.dumps(summary, indent=2) + "\n")
    (RESULTS / "scale-bench.md").write_text(markdown(report))
    print()
    for goal, measured, met in report["verdicts"]:
        print(f"  [{'n/a' if met is None else ('met' if met else 'MISSED')}] {goal}: {measured}")
    print(f"\nWritten results/scale-bench.json and results/scale-bench.md; every turn in {work}")
    (work / "turns.json").write_text(json.dumps([r["turns"] for r in runs]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
