"""Assistant benchmark: many conversations at once through Rasa's REST channel, ours against a bare one.

Starts the project's assistant (catalog, action server, Rasa with models/assistant.tar.gz) through
`ops.launcher.Stack`, exactly as `make run` does, on free ports with a temporary VAR_DIR and SQLite
databases. Builds the assistant `rasa init` makes (no actions, no catalog, in-memory tracker) as
the yardstick, so the figures separate what Rasa itself costs from what our pipeline, actions and
catalog add. Each assistant gets a warm-up, a one-conversation baseline (service time without
queueing), then N concurrent conversations, each replaying a multi-turn script for several rounds
(a new sender every round, so every round is a fresh conversation). Ours then plays the career
quiz the same way (bench.scripts.QUIZ_SCRIPT), and its answer turns are set next to the ordinary
turns. Figures go to results/bot-bench.{json,md}; the goals are reported, not asserted.

    PYTHONPATH=. .venv/bin/python -m bench.bot_bench [--conversations 50] [--rounds 3] [--think-ms 0]
    PYTHONPATH=. .venv/bin/python -m bench.bot_bench --no-bare    (ours only: ordinary and quiz turns)
    PYTHONPATH=. .venv/bin/python -m bench.bot_bench --profile [--rounds 3]    (where a turn's time goes)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.scripts import BARE_SCRIPT, FOLLOWUPS, OUR_SCRIPT, QUIZ_BUTTONS, QUIZ_SCRIPT, QUIZ_TYPED
from ops.launcher import MODEL, RASA, Stack, isolated_env
from ops.processes import Service, free_port

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
GOALS = {"p95_ms": 300.0, "p95_ratio_to_bare": 2.0, "failed_turns": 0}
MODEL_WAIT_SECONDS = 40 * 60
START_TIMEOUT = 15 * 60
REST_PATH = "/webhooks/rest/webhook"

def wait_for_model(path: Path, timeout: float) -> None:
    """`make model` may still be writing the model; wait until the file exists and stops growing."""
    deadline = time.monotonic() + timeout
    announced = False
    last_size = -1
    while time.monotonic() < deadline:
        if path.exists():
            size = path.stat().st_size
            if size > 0 and size == last_size:
                return
            last_size = size
        elif not announced:
            print(f"Waiting for {path.relative_to(ROOT)} (run `make model`) ...", flush=True)
            announced = True
        time.sleep(5)
    raise RuntimeError(f"No trained model at {path} after {timeout / 60:.0f} minutes.")


def run_logged(command: list[str], cwd: Path, env: dict[str, str], log_path: Path, timeout: float) -> None:
    with open(log_path, "a") as log:
        subprocess.run(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, timeout=timeout, check=True,
        )


@dataclass
class BareAssistant:
    """The assistant `rasa init` creates, trained and served with its own defaults."""

    project: Path
    log_path: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    server: Service | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def build(self) -> None:
        """`rasa init --no-prompt` writes the project and trains it; `rasa train` if it did not."""
        self.project.mkdir(parents=True, exist_ok=True)
        try:
            run_logged([str(RASA), "init", "--no-prompt", "--init-dir", str(self.project)],
                       self.project, self.env, self.log_path, timeout=1800)
        except subprocess.CalledProcessError:
            if not (self.project / "domain.yml").exists():
                raise
        if not list((self.project / "models").glob("*.tar.gz")):
            run_logged([str(RASA), "train"], self.project, self.env, self.log_path, timeout=1800)
        if not list((self.project / "models").glob("*.tar.gz")):
            raise RuntimeError(f"The bare assistant has no trained model; see {self.log_path}")

    def start(self, timeout: float = 240.0) -> None:
        self.server = Service(
            "bare-rasa", [str(RASA), "run", "--enable-api", "-m", "models", "-p", str(self.port)],
            f"{self.url}/status", env=self.env, cwd=self.project, log_path=self.log_path,
        ).start()
        self.server.wait_ready(time.monotonic() + timeout)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


@dataclass
class Turn:
    text: str
    latency_ms: float
    failure: str | None = None


@dataclass
class Load:
    turns: list[Turn] = field(default_factory=list)
    seconds: float = 0.0
    transcript: list[dict] = field(default_factory=list)


def reply_text(messages: list[dict]) -> str:
    parts = []
    for message in messages:
        if message.get("text"):
            parts.append(message["text"])
        for button in message.get("buttons") or []:
            parts.append(f"[{button.get('title')}]")
        if message.get("custom") is not None:
            parts.append(json.dumps(message["custom"])[:200])
    return "\n".join(parts)


async def send(client: httpx.AsyncClient, url: str, sender: str, text: str) -> tuple[Turn, list[dict]]:
    started = time.perf_counter()
    try:
        response = await client.post(url, json={"sender": sender, "message": text})
        elapsed = (time.perf_counter() - started) * 1000
    except Exception as error:  # noqa: BLE001 - any exception is a failed turn, recorded by kind
        failure = f"{type(error).__name__}: {error}"[:200]
        return Turn(text, (time.perf_counter() - started) * 1000, failure), []
    if response.status_code != 200:
        return Turn(text, elapsed, f"HTTP {response.status_code}: {response.text[:200]}"), []
    try:
        messages = response.json()
    except ValueError:
        return Turn(text, elapsed, f"not JSON: {response.text[:200]}"), []
    if not isinstance(messages, list) or not reply_text(messages):
        return Turn(text, elapsed, f"empty reply to {text!r}"), []
    return Turn(text, elapsed), messages


async def conversation(client, url, sender, script, think, load: Load, keep_transcript: bool) -> None:
    for text in script:
        turn, messages = await send(client, url, sender, text)
        load.turns.append(turn)
        if keep_transcript:
            load.transcript.append({"user": text, "bot": reply_text(messages), "failure": turn.failure})
        if think:
            await asyncio.sleep(think)


async def drive(base_url: str, script: tuple[str, ...], conversations: int, rounds: int,
                warmup: int, think_ms: float, headers: dict[str, str] | None = None) -> dict[str, Load]:
    url = base_url + REST_PATH
    think = think_ms / 1000
    tag = secrets.token_hex(3)
    limits = httpx.Limits(max_connections=conversations + 10, max_keepalive_connections=conversations + 10)
    # headers: our REST channel's bearer token (the bare assistant's `rest:` channel takes none).
    async with httpx.AsyncClient(timeout=60.0, limits=limits, headers=headers) as client:
        # Warm-up: first calls load lazy code paths (TensorFlow graphs, SQLite pages, HTTP pools).
        warm = Load()
        for n in range(warmup):
            await conversation(client, url, f"warm-{tag}-{n}", script, 0, warm, keep_transcript=n == 0)
        # One conversation alone: the service time of a turn, without queueing behind others.
        alone = Load()
        started = time.perf_counter()
        for n in range(rounds):
            await conversation(client, url, f"alone-{tag}-{n}", script, 0, alone, keep_transcript=False)
        alone.seconds = time.perf_counter() - started
        loaded = Load()
        started = time.perf_counter()
        for r in range(rounds):
            await asyncio.gather(*(
                conversation(client, url, f"load-{tag}-{r}-{c}", script, think, loaded, keep_transcript=False)
                for c in range(conversations)
            ))
        loaded.seconds = time.perf_counter() - started
    loaded.transcript = warm.transcript
    return {"alone": alone, "loaded": loaded, "warmup": warm}


def summarize(load: Load) -> dict:
    ok = [t.latency_ms for t in load.turns if t.failure is None]
    failures = [t.failure for t in load.turns if t.failure]
    summary = {
        "turns": len(load.turns),
        "failed_turns": len(failures),
        "seconds": round(load.seconds, 2),
        "turns_per_second": round(len(load.turns) / load.seconds, 1) if load.seconds else None,
    }
    if len(ok) >= 2:
        cuts = statistics.quantiles(ok, n=100, method="inclusive")
        summary.update(
            p50_ms=round(cuts[49], 1), p95_ms=round(cuts[94], 1), p99_ms=round(cuts[98], 1),
            mean_ms=round(statistics.fmean(ok), 1), max_ms=round(max(ok), 1),
        )
    if failures:
        kinds: dict[str, int] = {}
        for failure in failures:
            kinds[failure] = kinds.get(failure, 0) + 1
        summary["failures"] = dict(sorted(kinds.items(), key=lambda kv: -kv[1])[:10])
    return summary


def bench(name: str, base_url: str, script, args, start_seconds: float, logs: str,
          headers: dict[str, str] | None = None) -> dict:
    print(f"Driving {args.conversations} conversations x {args.rounds} rounds at {name} ...", flush=True)
    loads = asyncio.run(drive(base_url, script, args.conversations, args.rounds, args.warmup, args.think_ms,
                              headers))
    warm = summarize(loads["warmup"])
    return {
        "start_seconds": round(start_seconds, 1),
        "script": list(script),
        "loaded": summarize(loads["loaded"]),
        "alone": summarize(loads["alone"]),
        # Where the time goes: which messages (the catalog searches?) cost most without queueing.
        "alone_median_ms_by_message": {
            text: round(statistics.median(t.latency_ms for t in loads["alone"].turns if t.text == text), 1)
            for text in script
        },
        # Follow-ups ("how much do they make" after a career): the turns that ask the catalog about
        # the last answer's subject.
        "followup": {phase: summarize(only(loads[phase], set(FOLLOWUPS) & set(script)))
                     for phase in ("loaded", "alone")},
        "warmup_failed_turns": warm["failed_turns"],
        "sample_transcript": loads["loaded"].transcript,
        "logs": logs,
    }


def only(load: Load, texts: set[str]) -> Load:
    """The turns of `load` whose message is one of `texts` (no rate: they are a part of the run)."""
    return Load(turns=[turn for turn in load.turns if turn.text in texts])


QUIZ_KINDS = {"quiz answer": set(QUIZ_BUTTONS) | set(QUIZ_TYPED), "button": set(QUIZ_BUTTONS),
              "typed 1-5": set(QUIZ_TYPED)}


def quiz_advanced(transcript: list[dict]) -> bool:
    """Whether each answer of the played quiz got the next question (the turns timed were answers)."""
    answers = transcript[1:]
    return bool(answers) and all(f"{number} of 30:" in (turn["bot"] or "")
                                 for number, turn in enumerate(answers, start=2))


def quiz_bench(base_url: str, args, headers: dict[str, str]) -> dict:
    """The quiz script at the same load as the ordinary one: its answer turns' latency."""
    print(f"Driving {args.conversations} quiz conversations x {args.rounds} rounds at ours ...", flush=True)
    loads = asyncio.run(drive(base_url, QUIZ_SCRIPT, args.conversations, args.rounds, args.warmup, args.think_ms,
                              headers))
    return {
        "script": list(QUIZ_SCRIPT),
        **{phase: {kind: summarize(only(loads[phase], texts)) for kind, texts in QUIZ_KINDS.items()}
           for phase in ("loaded", "alone")},
        "start_alone_median_ms": round(statistics.median(
            t.latency_ms for t in loads["alone"].turns if t.text == QUIZ_SCRIPT[0]), 1),
        "each_answer_got_the_next_question": quiz_advanced(loads["warmup"].transcript),
        "failed_turns": summarize(loads["loaded"])["failed_turns"],
    }


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


ROWS = (
    ("Stack ready (model loaded), s", lambda r: r["start_seconds"]),
    ("Turns (under load)", lambda r: r["loaded"]["turns"]),
    ("Turns/second", lambda r: r["loaded"]["turns_per_second"]),
    ("p50 turn latency, ms", lambda r: r["loaded"].get("p50_ms")),
    ("p95 turn latency, ms", lambda r: r["loaded"].get("p95_ms")),
    ("p99 turn latency, ms", lambda r: r["loaded"].get("p99_ms")),
    ("Max turn latency, ms", lambda r: r["loaded"].get("max_ms")),
    ("Failed turns", lambda r: r["loaded"]["failed_turns"]),
    ("p50 / p95 alone (1 conversation), ms",
     lambda r: f"{r['alone'].get('p50_ms')} / {r['alone'].get('p95_ms')}"),
    ("follow-up turns: p50 / p95 under load, ms",
     lambda r: p50_p95(r["followup"]["loaded"]) if r["followup"]["loaded"]["turns"] else "n/a"),
    ("follow-up turns: p50 / p95 alone, ms",
     lambda r: p50_p95(r["followup"]["alone"]) if r["followup"]["alone"]["turns"] else "n/a"),
)
# The starts of the assistant's "did not understand" lines (domain/core.yml, utter_fallback and
# utter_out_of_scope) and of the catalog's "couldn't place".
FALLBACK_WORDS = ("Sorry, I didn't get that", "I can only help with", "I couldn't place")
QUIZ_COLUMNS = ("ordinary turn", "quiz answer", "quiz: button", "quiz: typed 1-5")


def p50_p95(summary: dict) -> str:
    return f"{summary.get('p50_ms')} / {summary.get('p95_ms')}"


def quiz_rows(result: dict) -> list[tuple[str, ...]]:
    """p50 / p95 of an ordinary turn and of a quiz answer (all, buttons, typed), loaded and alone."""
    ours = result["assistants"]["ours"]
    quiz = ours["quiz"]
    return [(f"p50 / p95, {label}, ms", p50_p95(ours[phase]),
             *(p50_p95(quiz[phase][kind]) for kind in QUIZ_KINDS))
            for phase, label in (("loaded", f"{result['config']['conversations']} conversations"),
                                 ("alone", "one conversation"))]


def not_more(quiz_ms, ordinary_ms) -> bool | None:
    return None if quiz_ms is None or ordinary_ms is None else quiz_ms <= ordinary_ms


def verdicts(result: dict) -> list[tuple[str, str, bool | None]]:
    ours, ratio = result["assistants"]["ours"], result["p95_ratio_ours_to_bare"]
    p95 = ours["loaded"].get("p95_ms")
    quiz = ours["quiz"]
    failed = ours["loaded"]["failed_turns"] + quiz["failed_turns"]
    checks = [
        (f"p95 turn latency < {GOALS['p95_ms']:.0f} ms (ours, catalog call included)",
         f"{p95} ms", None if p95 is None else p95 < GOALS["p95_ms"]),
        (f"p95 at most {GOALS['p95_ratio_to_bare']:.0f}x the bare assistant",
         ratio_words(result), None if ratio is None else ratio <= GOALS["p95_ratio_to_bare"]),
        ("no failed turns (ours, ordinary and quiz)", str(failed), failed == 0),
    ]
    for phase, label in (("alone", "one conversation"), ("loaded", "under load")):
        quiz_p95, ordinary_p95 = quiz[phase]["quiz answer"].get("p95_ms"), ours[phase].get("p95_ms")
        checks.append((f"a quiz answer costs no more than an ordinary turn (p95, {label})",
                       f"{quiz_p95} vs {ordinary_p95} ms", not_more(quiz_p95, ordinary_p95)))
    # A follow-up timed while it fell back would flatter the figure.
    lost = [turn["user"] for turn in ours["sample_transcript"]
            if turn["user"] in FOLLOWUPS and any(words in (turn["bot"] or "") for words in FALLBACK_WORDS)]
    checks.append(("each timed follow-up got an answer, not a fallback", ", ".join(lost) or "yes", not lost))
    advanced = quiz["each_answer_got_the_next_question"]
    checks.append(("each timed quiz answer got the next question", "yes" if advanced else "no", advanced))
    return checks


def column(result: dict, name: str, get) -> str:
    data = result["assistants"].get(name)
    return "n/a" if data is None else str(get(data))


def ratio_words(result: dict) -> str:
    ratio = result["p95_ratio_ours_to_bare"]
    return "n/a" if ratio is None else f"{ratio}x"


def markdown(result: dict) -> str:
    ours, bare = result["assistants"]["ours"], result["assistants"].get("bare")
    cfg = result["config"]
    lines = [
        "# Assistant benchmark",
        "",
        f"{cfg['conversations']} concurrent conversations x {cfg['rounds']} rounds through "
        f"`POST {REST_PATH}`, think time {cfg['think_ms']:g} ms, after {cfg['warmup']} warm-up "
        f"conversation(s). Ours: {len(ours['script'])}-turn script (search turns call the catalog), "
        f"SQLite tracker and catalog. "
        + (f"Bare: the `rasa init` assistant, {len(bare['script'])}-turn script, in-memory tracker. "
           if bare else "Bare: not run (--no-bare). ")
        + f"{result['machine']['cpus']} CPUs (load average at start "
        f"{result['machine']['load_average_at_start'][0]}), commit {result['commit']}, {result['date']}.",
        "",
        "| | ours | bare `rasa init` |",
        "|---|---:|---:|",
    ]
    for label, get in ROWS:
        lines.append(f"| {label} | {column(result, 'ours', get)} | {column(result, 'bare', get)} |")
    lines += ["", f"p95 ratio ours / bare: **{ratio_words(result)}**", "",
              f"The career quiz (ours, the same load): {len(ours['quiz']['script'])}-turn script, "
              f"\"{ours['quiz']['script'][0]}\" then answers as buttons' payloads and typed digits; the "
              f"start alone took {ours['quiz']['start_alone_median_ms']} ms at the median.", "",
              "| | " + " | ".join(QUIZ_COLUMNS) + " |", "|---|" + "---:|" * len(QUIZ_COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in quiz_rows(result)]
    lines += ["", "| goal | measured | met |", "|---|---:|:---:|"]
    for goal, measured, met in verdicts(result):
        lines.append(f"| {goal} | {measured} | {'n/a' if met is None else ('yes' if met else 'no')} |")
    lines += ["", "Median latency of each message, one conversation alone (ms):", "",
              "| message (ours) | ms |", "|---|---:|"]
    lines += [f"| {text} | {ms} |" for text, ms in ours["alone_median_ms_by_message"].items()]
    for name, data in result["assistants"].items():
        if data and data["loaded"].get("failures"):
            lines += ["", f"Failures ({name}):", ""]
            lines += [f"- {count} x `{kind}`" for kind, count in data["loaded"]["failures"].items()]
    return "\n".join(lines) + "\n"


def print_table(result: dict) -> None:
    width = max(len(label) for label, _ in ROWS) + 2
    print(f"\n{'':{width}}{'ours':>16}{'bare':>16}")
    for label, get in ROWS:
        print(f"{label:{width}}{column(result, 'ours', get):>16}{column(result, 'bare', get):>16}")
    print(f"{'p95 ratio ours / bare':{width}}{ratio_words(result):>16}\n")
    print(f"{'':{width}}" + "".join(f"{name:>18}" for name in QUIZ_COLUMNS))
    for label, *cells in quiz_rows(result):
        print(f"{label:{width}}" + "".join(f"{cell:>18}" for cell in cells))
    print()
    for goal, measured, met in verdicts(result):
        print(f"  [{'n/a' if met is None else ('met' if met else 'MISSED')}] {goal}: {measured}")
    for name, data in result["assistants"].items():
        for kind, count in ((data or {}).get("loaded", {}).get("failures") or {}).items():
            print(f"  {name} failure x{count}: {kind}")


class Backends(Stack):
    """The catalog and the action server only (no Rasa, no proxy): the profile loads the model in its own process."""

    def _plan(self):
        return [proc for proc in super()._plan() if proc.name not in ("rasa", "proxy")]


def profile(args) -> int:
    """One conversation at a time inside Rasa, each part of each turn timed (bench.turn_profile)."""
    var_dir = Path(tempfile.mkdtemp(prefix="bot-profile-"))
    (var_dir / "logs").mkdir()
    stack = Backends(env=isolated_env(var_dir), model=args.model)
    RESULTS.mkdir(exist_ok=True)
    name = "turn-profile-quiz" if args.quiz else "turn-profile"
    out = RESULTS / f"{name}.json"
    try:
        stack.start(timeout=START_TIMEOUT)
        command = [str(RASA.parent / "python"), "-m", "bench.turn_profile",
                   str(stack.endpoints_file()), str(args.model), "--rounds", str(args.rounds), "--out", str(out),
                   *(["--quiz"] if args.quiz else [])]
        print("Profiling one conversation at a time inside Rasa ...", flush=True)
        run_logged(command, ROOT, stack.env, var_dir / "logs" / "profile.log", timeout=START_TIMEOUT)
    except (RuntimeError, subprocess.SubprocessError) as error:
        print(f"{error}\nLogs: {var_dir / 'logs'}", file=sys.stderr)
        return 1
    finally:
        stack.stop()
    result = json.loads(out.read_text())
    lines = [
        "# Where a turn's time goes (one conversation at a time, inside Rasa)", "",
        f"{result['turns']} {'quiz answer turns' if args.quiz else 'turns of the benchmark script'}, "
        f"commit {git_commit()}, "
        f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}, load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs. Turn p50 {result['turn_p50_ms']} ms "
        "(timing wrappers included).", "",
        "| part | mean ms per turn |", "|---|---:|",
    ]
    lines += [f"| **{name}** | **{ms}** |" for name, ms in result["mean_ms_per_turn_by_group"].items()]
    lines += [f"| {name} | {ms} |" for name, ms in result["mean_ms_per_turn"].items() if ms >= 0.5]
    lines += ["", f"Action calls per turn: {result['action_calls_per_turn']}, median request "
              f"{result['action_call_bytes_median']:,} bytes. Replayed in process: "
              + ", ".join(f"{k} {v}" for k, v in result["replayed_per_turn_ms"].items()) + " (per turn)."]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2, help="conversations played before measuring")
    parser.add_argument("--think-ms", type=float, default=0.0, help="pause between a reply and the next message")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--no-bare", action="store_true",
                        help="skip the bare `rasa init` assistant (ours only: ordinary and quiz turns)")
    parser.add_argument("--profile", action="store_true",
                        help="instead: time each part of a turn inside Rasa (results/turn-profile.md)")
    parser.add_argument("--quiz", action="store_true",
                        help="with --profile: the career quiz's answer turns (results/turn-profile-quiz.md)")
    args = parser.parse_args()
    if args.profile:
        return profile(args)

    # Other work on the machine skews the figures; the load average says how much there was.
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    # Kept after the run: its logs/ explain any failed turn.
    var_dir = Path(tempfile.mkdtemp(prefix="bot-bench-"))
    logs = var_dir / "logs"
    logs.mkdir()
    print(f"VAR_DIR {var_dir} (logs in {logs})", flush=True)
    env = isolated_env(var_dir)
    bare_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    bare = BareAssistant(var_dir / "bare", logs / "bare-rasa.log", bare_env)
    bare_result = None
    stack: Stack | None = None
    try:
        if not args.no_bare:
            # Trained first: it can run while the project's model is still being trained.
            print("Building the bare `rasa init` assistant ...", flush=True)
            started = time.monotonic()
            bare.build()
            bare_train_seconds = time.monotonic() - started

        wait_for_model(args.model, MODEL_WAIT_SECONDS)
        print("Starting the catalog, the action server and Rasa ...", flush=True)
        stack = Stack(env=env, model=args.model)
        started = time.monotonic()
        # Loading the model can take minutes on a busy machine; the figure is what we want.
        stack.start(timeout=START_TIMEOUT)
        stack_seconds = time.monotonic() - started
        ours = bench("ours", stack.rasa_url, OUR_SCRIPT, args, stack_seconds,
                     "logs/catalog.log, logs/actions.log, logs/rasa.log", stack.rest_headers)
        ours["quiz"] = quiz_bench(stack.rasa_url, args, stack.rest_headers)
        # The two never share the CPU while measured.
        stack.stop()
        stack = None

        if not args.no_bare:
            print("Starting the bare assistant ...", flush=True)
            started = time.monotonic()
            bare.start(timeout=START_TIMEOUT)
            bare_seconds = time.monotonic() - started
            bare_result = bench("bare", bare.url, BARE_SCRIPT, args, bare_seconds, "logs/bare-rasa.log")
            bare_result["train_seconds"] = round(bare_train_seconds, 1)
    except (RuntimeError, subprocess.SubprocessError) as error:
        print(f"{error}\nLogs: {logs}", file=sys.stderr)
        return 1
    finally:
        if stack is not None:
            stack.stop()
        bare.stop()

    ours_p95 = ours["loaded"].get("p95_ms")
    bare_p95 = bare_result["loaded"].get("p95_ms") if bare_result else None
    result = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": load_at_start, "platform": platform.platform(), "python": platform.python_version()},
        "config": {"conversations": args.conversations, "rounds": args.rounds, "warmup": args.warmup,
                   "think_ms": args.think_ms, "model": str(args.model.relative_to(ROOT)
                                                          if args.model.is_relative_to(ROOT) else args.model.name)},
        "goals": GOALS,
        "assistants": {"ours": ours, "bare": bare_result},
        "p95_ratio_ours_to_bare": round(ours_p95 / bare_p95, 2) if ours_p95 and bare_p95 else None,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bot-bench.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "bot-bench.md").write_text(markdown(result))
    print_table(result)
    print(f"\nWritten results/bot-bench.json and results/bot-bench.md; logs in {logs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
