"""Score the trained model on messages it never saw (make test-nlu); exit 1 below the thresholds.

- held-out set (tests/nlu/heldout.yml): intent accuracy >= 0.95 and out-of-scope F1 >= 0.90;
- crisis set (tests/nlu/crisis_messages.txt): every message must get the `crisis` intent;
- ordinary set (tests/nlu/ordinary_messages.py): none may get `crisis`.
Prints the figures and every miss. Usage: python -m tests.nlu.check_nlu [MODEL]
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
MIN_ACCURACY = 0.95
MIN_OUT_OF_SCOPE_F1 = 0.90


def heldout_examples() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(text, intent, [(entity, value)]) for each held-out message."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    data = RasaYAMLReader().read(HERE / "heldout.yml")
    return [(m.get("text"), m.get("intent"),
             [(e["entity"], str(e["value"]).lower()) for e in m.get("entities") or []])
            for m in data.intent_examples]


def crisis_messages() -> list[str]:
    lines = (HERE / "crisis_messages.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def f1(pairs: list[tuple[str, str]], label: str) -> float:
    true_pos = sum(1 for gold, got in pairs if gold == label and got == label)
    predicted = sum(1 for _, got in pairs if got == label)
    actual = sum(1 for gold, _ in pairs if gold == label)
    if not predicted or not actual:
        return 0.0
    precision, recall = true_pos / predicted, true_pos / actual
    return 2 * precision * recall / (precision + recall) if true_pos else 0.0


async def parse_all(model: str, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    return [await agent.parse_message(text) for text in texts]


def main(argv: list[str]) -> int:
    from tests.nlu.ordinary_messages import ordinary_messages

    model = argv[0] if argv else "models/assistant.tar.gz"
    heldout, crisis, ordinary = heldout_examples(), crisis_messages(), ordinary_messages()
    texts = [t for t, _, _ in heldout] + crisis + ordinary
    started = time.perf_counter()
    parsed = asyncio.run(parse_all(model, texts))
    per_message_ms = 1000 * (time.perf_counter() - started) / len(texts)
    got = [p["intent"]["name"] for p in parsed]
    heldout_got = got[: len(heldout)]
    crisis_got = got[len(heldout): len(heldout) + len(crisis)]
    ordinary_got = got[len(heldout) + len(crisis):]

    pairs = [(gold, intent) for (_, gold, _), intent in zip(heldout, heldout_got)]
    accuracy = sum(gold == intent for gold, intent in pairs) / len(pairs)
    oos_f1 = f1(pairs, "out_of_scope")
    print(f"held-out: {len(pairs)} messages, intent accuracy {accuracy:.3f}, "
          f"out_of_scope F1 {oos_f1:.3f}, medical_question F1 {f1(pairs, 'medical_question'):.3f}, "
          f"crisis F1 {f1(pairs, 'crisis'):.3f}")
    for label in sorted({gold for gold, _ in pairs}):
        print(f"  {label:18} F1 {f1(pairs, label):.3f}")
    wrong = Counter()
    for (text, gold, _), intent in zip(heldout, heldout_got):
        if gold != intent:
            wrong[(gold, intent)] += 1
            print(f"  MISS {gold} -> {intent}: {text}")

    # Entities are reported, not gated: slots also take values from the form's free text.
    entity_hits = entity_total = 0
    for (_, _, entities), result in zip(heldout, parsed[: len(heldout)]):
        found = {(e["entity"], str(e["value"]).lower()) for e in result.get("entities") or []}
        found |= {(e["entity"], str(e.get("text", "")).lower()) for e in result.get("entities") or []}
        for entity in entities:
            entity_total += 1
            entity_hits += entity in found
    if entity_total:
        print(f"held-out entities: {entity_hits} of {entity_total} found ({entity_hits / entity_total:.3f})")

    crisis_missed = [t for t, intent in zip(crisis, crisis_got) if intent != "crisis"]
    false_alarms = [t for t, intent in zip(ordinary, ordinary_got) if intent == "crisis"]
    print(f"crisis set: {len(crisis) - len(crisis_missed)} of {len(crisis)} answered with crisis")
    for text in crisis_missed:
        print(f"  MISSED CRISIS: {text}")
    print(f"ordinary set: {len(false_alarms)} of {len(ordinary)} wrongly answered with crisis")
    for text in false_alarms:
        print(f"  FALSE ALARM: {text}")
    print(f"parse time: {per_message_ms:.1f} ms per message")

    failures = []
    if accuracy < MIN_ACCURACY:
        failures.append(f"held-out intent accuracy {accuracy:.3f} < {MIN_ACCURACY}")
    if oos_f1 < MIN_OUT_OF_SCOPE_F1:
        failures.append(f"out_of_scope F1 {oos_f1:.3f} < {MIN_OUT_OF_SCOPE_F1}")
    if len(crisis) < 100 or crisis_missed:
        failures.append(f"{len(crisis_missed)} crisis messages missed")
    if len(ordinary) < 1000 or false_alarms:
        failures.append(f"{len(false_alarms)} ordinary messages got the crisis intent")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
