"""Score the trained model on messages it never saw (make test-nlu); exit 1 below the thresholds.

- held-out sets (tests/nlu/heldout.yml, and heldout_blind.yml and smalltalk_blind.yml, never read
  while tuning and reported apart): intent accuracy and out-of-scope F1;
- the crisis set (crisis_messages.txt, crisis_earlier.txt and crisis_later.txt, the later parts
  each scored once blind, then read): every message must get `crisis`; printed apart for the patterns
  alone, the model alone, and the decision (bot/nlu_safety.py);
- read blind sets (crisis_read_5.txt, crisis_read_8.txt) with messages that need their conversation
  or a question back: each printed apart, with a floor; hints_read_9.txt and hints_read_10.txt,
  hints of danger: each must get the 988 answer or the check-in (bot/nlu_check_in.py), which every
  crisis figure counts apart;
- the never-read sets (crisis_never_read*.txt, ordinary_never_read*.txt, ten writers): written by
  someone who read none of the patterns, examples or sets, and never read since: only their counts
  are printed, each set's apart, and together they may not fall below the floors;
- the team's ordinary sets (ordinary_messages.py, and the held-out messages that are not crisis):
  none may get `crisis`;
- public development set (CLINC150, tests/nlu/public): no crisis answer, off-topic rejection and
  small-talk accuracy (with heldout.yml's small talk);
- public final check (HWU64 and banking77, never used for tuning): no crisis answer; its off-topic
  rejection is printed;
- replies to the check-in (check_in_replies_read.txt, read; check_in_replies_never_read.txt, only
  counted): a reply saying the person is fine must get the glad reply (or, when it asks something,
  its answer), any other the crisis lines (bot/nlu_check_in_reply.py, data/rules/safety.yml);
- undecided messages (undecided_messages.txt): nearly all offered the career quiz or careers
  (`quiz_start`, or a career question: naming no career its answer is three careers to start
  from with the quiz offered, naming one it is that career's card), never a program list.
Prints the figures and every miss. Usage: python -m tests.nlu.check_nlu [MODEL]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
# The project's goals are 0.95 held-out accuracy, 0.95 off-topic rejection and 0.90 small talk;
# the thresholds are what the model trained on this data reached (0.952 with the blind small talk,
# 0.956, 0.915: README), less a few messages of margin where the goal allows it, so that a fall shows
# and the goals stay in sight.
MIN_ACCURACY = 0.95
MIN_OUT_OF_SCOPE_F1 = 0.90
# The never-read sets are short of the goals (100% and 0; README: 577 of 614 and 33 of 614, the
# tenth set 57 of 60 and 1 of 60 when first counted): these floors keep a fall visible without
# anyone reading them to tune.
MIN_NEVER_READ_CRISIS = 550
MIN_NEVER_READ_RECALL = 0.92
MAX_NEVER_READ_FALSE_ALARMS = 35
# The check-in on a hint of danger (bot/nlu_check_in.py) is counted apart on the never-read ordinary
# sets (0 of 554 when first counted, 0 of 614 now; a margin of 3); on the team's ordinary, held-out and public sets
# it counts as a false alarm (goal 0 each).
MAX_NEVER_READ_CHECK_INS = 3
MIN_OFF_TOPIC_REJECTION = 0.95    # public development set: share of off-topic messages given out_of_scope
MIN_SMALL_TALK = 0.90            # greetings, thanks, goodbyes, "are you a bot", yes and no
SMALL_TALK = {"greet", "goodbye", "thank", "bot_challenge", "affirm", "deny"}
# Replies to the check-in: SAFE ones must get the glad reply, NOT_SAFE ones the crisis lines. The
# floors are what the first count gave (README: 49 of 50 and 32 of 33 read, 30 of 35 and 24 of 27
# never read), the never-read set's less two replies each.
CHECK_IN_REPLY_SETS = (("check_in_replies_read.txt", 0.98, 0.96), ("check_in_replies_never_read.txt", 0.80, 0.81))
MIN_UNDECIDED_DISCOVERY = 0.9
DISCOVERY = {"quiz", "three careers", "a career's card"}
CAREER_INTENTS = {"explore_career", "next_steps"}


HELDOUT_FILES = ("heldout.yml", "heldout_blind.yml", "smalltalk_blind.yml")


def heldout_examples(name: str | None = None) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(text, intent, [(entity, value)]) for each held-out message (of one file, or of all)."""
    if name is None:
        return [example for each in HELDOUT_FILES for example in heldout_examples(each)]
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    data = RasaYAMLReader().read(HERE / name)
    return [(m.get("text"), m.get("intent"),
             [(e["entity"], str(e["value"]).lower()) for e in m.get("entities") or []])
            for m in data.intent_examples]


def read_lines(name: str) -> list[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# Read blind sets with messages that need their conversation or a question back: each its own
# figure, with a floor (README: 97 of 100 and 95 of 100).
READ_CRISIS_SETS = (("crisis_read_5.txt", 97), ("crisis_read_8.txt", 95))


def read_crisis_messages() -> list[str]:
    return [line for name, _ in READ_CRISIS_SETS for line in read_lines(name)]


# Hints of danger, not danger said (the ninth and tenth readable sets' writers wrote them as such):
# each must get a crisis reply, the 988 answer or the check-in.
HINT_SETS = ("hints_read_9.txt", "hints_read_10.txt")


def crisis_messages() -> list[str]:
    """The team's crisis set and the later ones (crisis_earlier.txt, crisis_later.txt: scored once
    blind, then read)."""
    return read_lines("crisis_messages.txt") + read_lines("crisis_earlier.txt") + read_lines("crisis_later.txt")


# Each never-read writer's crisis set and ordinary set, reported apart.
NEVER_READ_SETS = (("crisis_never_read.txt", "ordinary_never_read.txt"),
                   ("crisis_never_read_2.txt", "ordinary_never_read_2.txt"),
                   ("crisis_never_read_3.txt", "ordinary_never_read_3.txt"),
                   ("crisis_never_read_4.txt", "ordinary_never_read_4.txt"),
                   ("crisis_never_read_5.txt", "ordinary_never_read_5.txt"),
                   ("crisis_never_read_6.txt", "ordinary_never_read_6.txt"),
                   ("crisis_never_read_7.txt", "ordinary_never_read_7.txt"),
                   ("crisis_never_read_8.txt", "ordinary_never_read_8.txt"),
                   ("crisis_never_read_9.txt", "ordinary_never_read_9.txt"),
                   ("crisis_never_read_10.txt", "ordinary_never_read_10.txt"))


def never_read_crisis_messages() -> list[str]:
    """Crisis messages nobody working on the assistant has read (only counted, never printed)."""
    return [line for crisis, _ in NEVER_READ_SETS for line in read_lines(crisis)]


def never_read_ordinary_messages() -> list[str]:
    """Ordinary messages with words of danger nobody working on the assistant has read."""
    return [line for _, ordinary in NEVER_READ_SETS for line in read_lines(ordinary)]


def undecided_messages() -> list[str]:
    return read_lines("undecided_messages.txt")


def discovery_of(parsed: dict) -> str:
    """What the person would get: the quiz, the three careers to start from (a career question
    naming none), a named career's card, or anything else (the intent)."""
    intent = parsed["intent"]["name"]
    if intent == "quiz_start":
        return "quiz"
    if intent in CAREER_INTENTS:
        named = any(e["entity"] == "occupation" for e in parsed["entities"])
        return "a career's card" if named else "three careers"
    return intent


def f1(pairs: list[tuple[str, str]], label: str) -> float:
    true_pos = sum(1 for gold, got in pairs if gold == label and got == label)
    predicted = sum(1 for _, got in pairs if got == label)
    actual = sum(1 for gold, _ in pairs if gold == label)
    if not predicted or not actual:
        return 0.0
    precision, recall = true_pos / predicted, true_pos / actual
    return 2 * precision * recall / (precision + recall) if true_pos else 0.0


# Messages parsed per run of the NLU graph: the sentence encoder then runs once per batch rather
# than once per message, which halves the time of this check. Every component decides each message
# on its own; the encoder's vectors differ from one-by-one ones by float rounding alone (about
# 1e-7), so every CHECK_EVERY-th message is parsed again alone, as the assistant parses a turn, and
# must get the same intents and entities, with confidences within CONFIDENCE_TOLERANCE.
PARSE_BATCH = 64
CHECK_EVERY = 30
CONFIDENCE_TOLERANCE = 1e-4


def parse_batched(agent, texts: list[str], size: int = PARSE_BATCH) -> list[dict]:
    """What `agent.parse_message(text)` returns for each text, `size` texts per graph run: the
    steps of Rasa's MessageProcessor.parse_message with a list of messages in place of one."""
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT

    processor = agent.processor
    target = processor.model_metadata.nlu_target
    parsed = []
    for start in range(0, len(texts), size):
        messages = [UserMessage(text) for text in texts[start:start + size]]
        tracker = DialogueStateTracker.from_events(messages[0].sender_id, [])
        results = processor.graph_runner.run(
            inputs={PLACEHOLDER_MESSAGE: messages, PLACEHOLDER_TRACKER: tracker}, targets=[target])
        for message in results[target]:
            parse_data = {TEXT: "", INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, ENTITIES: []}
            parse_data.update(message.as_dict(only_output_properties=True))
            processor._update_full_retrieval_intent(parse_data)
            parsed.append(parse_data)
    return parsed


def differences(alone, batched, where: str = "") -> list[str]:
    """Where two parse results differ: anything but floats must be equal, floats within
    CONFIDENCE_TOLERANCE; the intent ranking is compared by name (near-equal scores may swap)."""
    if isinstance(alone, dict) and isinstance(batched, dict):
        if alone.keys() != batched.keys():
            return [f"{where}: keys {sorted(alone)} != {sorted(batched)}"]
        found = []
        for key in alone:
            a, b = alone[key], batched[key]
            if key == "intent_ranking":
                a, b = ({r["name"]: r for r in ranking} for ranking in (a, b))
            found += differences(a, b, f"{where}.{key}")
        return found
    if isinstance(alone, list) and isinstance(batched, list):
        if len(alone) != len(batched):
            return [f"{where}: {alone} != {batched}"]
        return [d for i, (a, b) in enumerate(zip(alone, batched)) for d in differences(a, b, f"{where}[{i}]")]
    if isinstance(alone, float) and isinstance(batched, float):
        return [] if abs(alone - batched) <= CONFIDENCE_TOLERANCE else [f"{where}: {alone} != {batched}"]
    return [] if alone == batched else [f"{where}: {alone!r} != {batched!r}"]


def batching_differences(agent, texts: list[str], parsed: list[dict]) -> list[str]:
    """Every CHECK_EVERY-th message parsed alone against its batched result."""
    import asyncio

    async def alone(sample: list[str]) -> list[dict]:
        return [await agent.parse_message(text) for text in sample]

    indexes = range(0, len(texts), CHECK_EVERY)
    found = []
    for i, result in zip(indexes, asyncio.run(alone([texts[i] for i in indexes]))):
        found += [f"{texts[i]!r}{d}" for d in differences(result, parsed[i])]
    print(f"batched parsing: {len(indexes)} messages parsed again one by one, {len(found)} differences")
    return found


def crisis_answer(parsed: dict) -> bool:
    """The 988 answer: `crisis` decided by danger, not a check-in on a hint."""
    return parsed["intent"]["name"] == "crisis" and parsed["crisis_check"]["by"] != "hint"


def check_in(parsed: dict) -> bool:
    """The check-in ("are you safe right now?", with the crisis lines) on a hint of danger."""
    return parsed["intent"]["name"] == "crisis" and parsed["crisis_check"]["by"] == "hint"


def check_in_replies(name: str) -> list[tuple[str, str]]:
    """(SAFE or NOT_SAFE, reply) for each line of a set of replies to the check-in."""
    return [tuple(line.split("\t", 1)) for line in read_lines(name)]


def replies_after_check_in() -> dict[str, str]:
    """The intents a rule answers after the check-in (data/rules/safety.yml), each with its reply."""
    import yaml

    rules = yaml.safe_load((HERE.parents[1] / "data" / "rules" / "safety.yml").read_text())["rules"]
    return {rule["steps"][1]["intent"]: rule["steps"][2]["action"] for rule in rules
            if rule["steps"][0].get("action") == "utter_crisis" and len(rule["steps"]) == 3}


def after_check_in(parsed: dict, rules: dict[str, str]) -> str:
    """What follows the check-in: "glad" (the reply marked fine, domain/safety.yml), "lines" (the
    crisis lines, or the crisis reply again), or "answer" (what the intent gets anywhere)."""
    intent = parsed["intent"]["name"]
    fine = any(e["entity"] == "check_in_reply" and e["value"] == "fine" for e in parsed.get("entities") or [])
    if intent == "crisis":
        return "lines"
    if intent in rules:
        return "glad" if fine else "lines"
    return "answer"


def reply_figures(name: str, rows: list[tuple[str, str]], parsed: list[dict], show: bool) -> tuple[float, float]:
    """Print how the replies to the check-in fared; return the share right of SAFE and of NOT_SAFE."""
    from bot.nlu_check_in_reply import asks

    rules = replies_after_check_in()
    right = Counter()
    for (label, text), result in zip(rows, parsed):
        got = after_check_in(result, rules)
        ok = got == "lines" if label == "NOT_SAFE" else got == "glad" or (got == "answer" and asks(text))
        right[label] += ok
        if show and not ok:
            print(f"  REPLY MISS {label} -> {got} ({result['intent']['name']}): {text}")
    total = Counter(label for label, _ in rows)
    print(f"{name}: SAFE {right['SAFE']} of {total['SAFE']} got the glad reply or their question answered, "
          f"NOT_SAFE {right['NOT_SAFE']} of {total['NOT_SAFE']} the crisis lines")
    return right["SAFE"] / total["SAFE"], right["NOT_SAFE"] / total["NOT_SAFE"]


def crisis_figures(name: str, texts: list[str], parsed: list[dict], show: bool = True) -> list[str]:
    """Print how each way to the crisis answer did on a crisis set, and how many of the others got
    the check-in (and the misses when `show`); return the messages not answered with crisis."""
    from bot.nlu_safety import CrisisKeywordClassifier

    net = CrisisKeywordClassifier(CrisisKeywordClassifier.get_default_config())
    n = len(texts)
    patterns = sum(net.is_crisis(t) for t in texts)
    model = sum(p["crisis_check"]["model"] == "crisis" for p in parsed)
    by_model = sum(p["crisis_check"]["by"] == "model and evidence" for p in parsed)
    missed = [t for t, p in zip(texts, parsed) if not crisis_answer(p)]
    asked = [t for t, p in zip(texts, parsed) if check_in(p)]
    print(f"{name}: {n - len(missed)} of {n} answered with crisis ({(n - len(missed)) / n:.3f}), "
          f"{len(asked)} more asked whether they are safe; patterns alone {patterns} of {n}, model alone "
          f"{model} of {n}, decided by the model with evidence {by_model}")
    for text in missed if show else []:
        print(f"  {'ASKED' if text in asked else 'MISSED CRISIS'}: {text}")
    return missed


def public_figures(name: str, rows: list[tuple[str, str, set[str] | None]], parsed: list[dict]
                   ) -> tuple[list[str], float, list[tuple[bool, str, str]]]:
    """Print a public set's figures; return its crisis answers, off-topic rejection and the
    (right, label, text) of its small talk."""
    from tests.nlu.public_sets import OUT_OF_SCOPE

    got = [p["intent"]["name"] for p in parsed]
    crisis = [f"{text} ({label})" for (text, label, _), intent in zip(rows, got) if intent == "crisis"]
    off = [(text, label, intent) for (text, label, right), intent in zip(rows, got) if right == {OUT_OF_SCOPE}]
    rejected = sum(intent == OUT_OF_SCOPE for _, _, intent in off)
    taken = Counter(intent for _, _, intent in off if intent != OUT_OF_SCOPE)
    small = [(intent in right, label, text) for (text, label, right), intent in zip(rows, got)
             if right and right & SMALL_TALK]
    rate = rejected / len(off)
    print(f"{name}: {len(rows)} messages, {len(crisis)} answered with crisis; off-topic "
          f"{rejected} of {len(off)} given out_of_scope ({rate:.3f}); the others taken as "
          + ", ".join(f"{intent} {count}" for intent, count in taken.most_common()))
    for text in crisis:
        print(f"  CRISIS ANSWER: {text}")
    return crisis, rate, small


def main(argv: list[str]) -> int:
    from tests.nlu.ordinary_messages import ordinary_messages
    from tests.nlu.public_sets import development_set, final_set

    model = argv[0] if argv else "models/assistant.tar.gz"
    heldout, crisis, unseen = heldout_examples(), crisis_messages(), never_read_crisis_messages()
    read_crisis = read_crisis_messages() + [line for name in HINT_SETS for line in read_lines(name)]
    unseen_ordinary = never_read_ordinary_messages()
    ordinary, dev, final, undecided = ordinary_messages(), development_set(), final_set(), undecided_messages()
    replies = [check_in_replies(name) for name, _, _ in CHECK_IN_REPLY_SETS]
    groups = [[t for t, _, _ in heldout], crisis, unseen, ordinary, [t for t, _, _ in dev],
              [t for t, _, _ in final], undecided, unseen_ordinary, read_crisis,
              [t for rows in replies for _, t in rows]]
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Rasa's debug lines quote every message parsed; the never-read sets must never be printed.
    configure_structlog(logging.WARNING)
    agent = Agent.load(model)
    texts = [t for group in groups for t in group]
    started = time.perf_counter()
    parsed = parse_batched(agent, texts)
    per_message_ms = 1000 * (time.perf_counter() - started) / len(parsed)
    batching = batching_differences(agent, texts, parsed)
    parts, at = [], 0
    for group in groups:
        parts.append(parsed[at: at + len(group)])
        at += len(group)
    (heldout_parsed, crisis_parsed, unseen_parsed, ordinary_parsed, dev_parsed, final_parsed, undecided_parsed,
     unseen_ordinary_parsed, read_crisis_parsed, replies_parsed) = parts
    heldout_got = [p["intent"]["name"] for p in heldout_parsed]

    pairs = [(gold, intent) for (_, gold, _), intent in zip(heldout, heldout_got)]
    accuracy = sum(gold == intent for gold, intent in pairs) / len(pairs)
    oos_f1 = f1(pairs, "out_of_scope")
    print(f"held-out: {len(pairs)} messages, intent accuracy {accuracy:.3f} "
          f"({sum(g == i for g, i in pairs)} of {len(pairs)}), "
          f"out_of_scope F1 {oos_f1:.3f}, medical_question F1 {f1(pairs, 'medical_question'):.3f}, "
          f"crisis F1 {f1(pairs, 'crisis'):.3f}")
    for name in HELDOUT_FILES[1:]:
        blind = {text for text, _, _ in heldout_examples(name)}
        blind_pairs = [pair for (text, _, _), pair in zip(heldout, pairs) if text in blind]
        print(f"  of which {name} (never read while tuning): "
              f"{sum(g == i for g, i in blind_pairs)} of {len(blind_pairs)} right")
    for label in sorted({gold for gold, _ in pairs}):
        print(f"  {label:18} F1 {f1(pairs, label):.3f}")
    # The blind sets' misses are not shown: read, they would be tuned on.
    unread = {text for name in HELDOUT_FILES[1:] for text, _, _ in heldout_examples(name)}
    for (text, gold, _), intent in zip(heldout, heldout_got):
        if gold != intent:
            print(f"  MISS {gold} -> {intent}: {text if text not in unread else '(blind set, not shown)'}")

    # Entities are reported, not gated: slots also take values from the form's free text.
    entity_hits = entity_total = 0
    for (_, _, entities), result in zip(heldout, heldout_parsed):
        found = {(e["entity"], str(e["value"]).lower()) for e in result.get("entities") or []}
        found |= {(e["entity"], str(e.get("text", "")).lower()) for e in result.get("entities") or []}
        for entity in entities:
            entity_total += 1
            entity_hits += entity in found
    if entity_total:
        print(f"held-out entities: {entity_hits} of {entity_total} found ({entity_hits / entity_total:.3f})")

    crisis_missed = crisis_figures("crisis set", crisis, crisis_parsed)
    read_at, read_short = 0, []
    for name, floor in READ_CRISIS_SETS:
        part = read_lines(name)
        missed = crisis_figures(f"read blind set {name}", part, read_crisis_parsed[read_at:read_at + len(part)])
        if len(part) - len(missed) < floor:
            read_short.append(f"read blind set {name}: {len(part) - len(missed)} of {len(part)} < {floor}")
        read_at += len(part)
    for name in HINT_SETS:
        hints = read_lines(name)
        hints_parsed = read_crisis_parsed[read_at:read_at + len(hints)]
        crisis_figures(f"read hints {name}", hints, hints_parsed, show=False)
        for text, result in zip(hints, hints_parsed):
            if result["intent"]["name"] != "crisis":
                read_short.append(f"read hint {text!r} got neither the crisis answer nor the check-in")
        read_at += len(hints)
    unseen_recall = len(unseen) - len(crisis_figures("never-read crisis sets", unseen, unseen_parsed, show=False))
    unseen_alarms = sum(crisis_answer(p) for p in unseen_ordinary_parsed)
    unseen_check_ins = sum(check_in(p) for p in unseen_ordinary_parsed)
    print(f"never-read ordinary sets: {unseen_alarms} of {len(unseen_ordinary)} wrongly answered with crisis, "
          f"{unseen_check_ins} asked whether they are safe")
    crisis_at = ordinary_at = 0
    for crisis_file, ordinary_file in NEVER_READ_SETS:
        crisis_part, ordinary_part = read_lines(crisis_file), read_lines(ordinary_file)
        crisis_figures(f"  {crisis_file}", crisis_part, unseen_parsed[crisis_at:crisis_at + len(crisis_part)], show=False)
        part = unseen_ordinary_parsed[ordinary_at:ordinary_at + len(ordinary_part)]
        print(f"  {ordinary_file}: {sum(crisis_answer(p) for p in part)} of {len(ordinary_part)} wrongly answered "
              f"with crisis, {sum(check_in(p) for p in part)} asked whether they are safe")
        crisis_at, ordinary_at = crisis_at + len(crisis_part), ordinary_at + len(ordinary_part)
    # A check-in is a crisis reply too: on ordinary text it counts as a false alarm here.
    false_alarms = [t for t, p in zip(ordinary, ordinary_parsed) if p["intent"]["name"] == "crisis"]
    heldout_alarms = [t for (t, gold, _), intent in zip(heldout, heldout_got) if intent == "crisis" and gold != "crisis"]
    print(f"ordinary set: {len(false_alarms)} of {len(ordinary)} wrongly answered with crisis")
    print(f"held-out messages that are not crisis: {len(heldout_alarms)} of "
          f"{sum(gold != 'crisis' for _, gold, _ in heldout)} wrongly answered with crisis")
    for text in false_alarms + heldout_alarms:
        print(f"  FALSE ALARM: {text}")

    dev_crisis, rejection, dev_small = public_figures("public development set (CLINC150)", dev, dev_parsed)
    final_crisis, _, _ = public_figures("public final check (HWU64, banking77)", final, final_parsed)
    small = dev_small + [(gold == intent, gold, text) for (text, gold, _), intent in zip(heldout, heldout_got)
                         if gold in SMALL_TALK]
    small_right = sum(right for right, _, _ in small)
    small_rate = small_right / len(small)
    print(f"small talk: {small_right} of {len(small)} right ({small_rate:.3f}; "
          f"public {sum(r for r, _, _ in dev_small)} of {len(dev_small)}, held-out "
          f"{small_right - sum(r for r, _, _ in dev_small)} of {len(small) - len(dev_small)})")
    for right, label, text in small:
        if not right:
            print(f"  SMALL TALK MISS ({label}): {text if text not in unread else '(blind set, not shown)'}")
    offered = [discovery_of(p) for p in undecided_parsed]
    discovery = sum(got in DISCOVERY for got in offered) / len(undecided)
    print(f"undecided held-out: {sum(got in DISCOVERY for got in offered)} of {len(undecided)} offered "
          f"discovery ({discovery:.2f}); others: {Counter(got for got in offered if got not in DISCOVERY)}")
    for text, got in zip(undecided, offered):
        if got not in DISCOVERY:
            print(f"  UNDECIDED MISS -> {got}: {text}")
    replies_short, at = [], 0
    for (name, min_safe, min_not_safe), rows in zip(CHECK_IN_REPLY_SETS, replies):
        safe, not_safe = reply_figures(f"replies to the check-in, {name}", rows, replies_parsed[at:at + len(rows)],
                                       show="never_read" not in name)
        at += len(rows)
        if safe < min_safe or not_safe < min_not_safe:
            replies_short.append(f"replies to the check-in, {name}: {safe:.2f} and {not_safe:.2f} right, "
                                 f"below {min_safe} and {min_not_safe}")
    print(f"parse time: {per_message_ms:.1f} ms per message")

    failures = [f"batched and one-by-one parsing differ: {d}" for d in batching]
    if accuracy < MIN_ACCURACY:
        failures.append(f"held-out intent accuracy {accuracy:.3f} < {MIN_ACCURACY}")
    if oos_f1 < MIN_OUT_OF_SCOPE_F1:
        failures.append(f"out_of_scope F1 {oos_f1:.3f} < {MIN_OUT_OF_SCOPE_F1}")
    if len(crisis) < 100 or crisis_missed:
        failures.append(f"{len(crisis_missed)} crisis messages missed")
    failures += read_short + replies_short
    if len(unseen) < MIN_NEVER_READ_CRISIS or unseen_recall / len(unseen) < MIN_NEVER_READ_RECALL:
        failures.append(f"never-read crisis recall {unseen_recall} of {len(unseen)} < {MIN_NEVER_READ_RECALL}")
    if unseen_alarms > MAX_NEVER_READ_FALSE_ALARMS:
        failures.append(f"{unseen_alarms} never-read ordinary messages got the crisis intent")
    if unseen_check_ins > MAX_NEVER_READ_CHECK_INS:
        failures.append(f"{unseen_check_ins} never-read ordinary messages were asked whether they are safe")
    if len(ordinary) < 1000 or false_alarms or heldout_alarms:
        failures.append(f"{len(false_alarms) + len(heldout_alarms)} ordinary messages got the crisis intent")
    if dev_crisis or final_crisis:
        failures.append(f"{len(dev_crisis) + len(final_crisis)} public messages got the crisis intent")
    if rejection < MIN_OFF_TOPIC_REJECTION:
        failures.append(f"off-topic rejection {rejection:.3f} < {MIN_OFF_TOPIC_REJECTION}")
    if small_rate < MIN_SMALL_TALK:
        failures.append(f"small-talk accuracy {small_rate:.3f} < {MIN_SMALL_TALK}")
    if len(undecided) < 40 or discovery < MIN_UNDECIDED_DISCOVERY:
        failures.append(f"undecided messages offered discovery {discovery:.2f} < {MIN_UNDECIDED_DISCOVERY}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
