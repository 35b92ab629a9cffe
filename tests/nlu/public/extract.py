"""Cut the public intent datasets down to the subsets tests/nlu keeps (see README.md here).

Usage: python -m tests.nlu.public.extract CLINC_REPO HWU_REPO BANKING_REPO
       python -m tests.nlu.public.extract --training   (data/nlu/out_of_scope_public.yml)
Each argument is a checkout of the dataset's public repository (clinc/oos-eval,
xliuhw/NLU-Evaluation-Data, PolyAI-LDN/task-specific-datasets). The samples are fixed by a seed,
so running it again gives the same files.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
SEED = 17
CLINC_DEV_PER_INTENT = 8      # from CLINC150's validation split
# From CLINC150's training split, for data/nlu (never the dev split): 2 a label, 12 for small talk
# and "what can i ask you" (3 a label of everything made out_of_scope crowd out greetings, help
# and medical questions: held-out accuracy fell from 0.949 to 0.929).
CLINC_TRAIN_PER_INTENT = 2
CLINC_TRAIN_SMALL_TALK = 12
SMALL_TALK_LABELS = {"greeting", "goodbye", "thank_you", "are_you_a_bot", "yes", "no", "what_can_i_ask_you"}
HWU_PER_INTENT = 12           # from HWU64's first cross-validation test fold
BANKING_PER_CATEGORY = 4      # from banking77's test split
# Development messages equal to examples the assistant was already trained on (they would measure
# memory, tests/nlu/test_no_duplicates.py): left out.
ALREADY_TRAINING = {"see ya!", "peace out!", "hi", "hiya", "heyo", "wassup", "remind me to call my mom",
                    "what's the weather today", "what kind of questions can you answer"}
HWU_FOLD = ("CrossValidation/autoGeneFromRealAnno/autoGene_2018_03_22-13_01_25_169/"
            "CrossValidation/KFold_1/testset/csv")


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def sample(rows: list[tuple[str, str]], per_label: int, rng: random.Random,
           more: dict[str, int] | None = None) -> list[tuple[str, str]]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for text, label in rows:
        by_label[label].append(clean(text))
    picked = []
    for label in sorted(by_label):
        texts = sorted(set(by_label[label]))
        count = (more or {}).get(label, per_label)
        picked += [(t, label) for t in rng.sample(texts, min(count, len(texts)))]
    return picked


def write_tsv(name: str, source: str, rows: list[tuple[str, str]]) -> None:
    with open(HERE / name, "w", encoding="utf-8") as out:
        out.write(f"# {source}\n# text<TAB>the dataset's own intent label\n")
        for text, label in rows:
            out.write(f"{text}\t{label}\n")


def main(clinc: str, hwu: str, banking: str) -> None:
    rng = random.Random(SEED)
    data = json.loads((Path(clinc) / "data" / "data_full.json").read_text())
    dev = sample(data["val"], CLINC_DEV_PER_INTENT, rng) + [(clean(t), "oos") for t, _ in data["oos_val"]]
    write_tsv("clinc150_dev.tsv", "CLINC150 (Larson et al. 2019, github.com/clinc/oos-eval), "
              "CC BY 3.0: validation split, 8 a intent, all 100 out-of-scope; minus 9 messages equal "
              "to training examples the assistant already had (hi, hiya, heyo, wassup, see ya!, peace out!, ...)",
              [(t, label) for t, label in dev if t not in ALREADY_TRAINING])
    write_tsv("clinc150_train_sample.tsv", "CLINC150 (Larson et al. 2019, github.com/clinc/oos-eval), "
              "CC BY 3.0: training split, 2 a intent, 12 for small talk (the source of "
              "data/nlu/out_of_scope_public.yml)",
              sample(data["train"], CLINC_TRAIN_PER_INTENT, rng,
                     dict.fromkeys(SMALL_TALK_LABELS, CLINC_TRAIN_SMALL_TALK)))
    hwu_rows = []
    for path in sorted((Path(hwu) / HWU_FOLD).glob("*.csv")):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter=";"):
                hwu_rows.append((row["answer_from_user"], f"{row['scenario']}_{row['intent']}"))
    write_tsv("hwu64_final.tsv", "HWU64 (Liu et al. 2019, github.com/xliuhw/NLU-Evaluation-Data), "
              "CC BY 4.0: KFold_1 test set, 12 a intent", sample(hwu_rows, HWU_PER_INTENT, rng))
    with open(Path(banking) / "banking_data" / "test.csv", encoding="utf-8") as f:
        bank_rows = [(row["text"], row["category"]) for row in csv.DictReader(f)]
    write_tsv("banking77_final.tsv", "banking77 (Casanueva et al. 2020, "
              "github.com/PolyAI-LDN/task-specific-datasets), CC BY 4.0: test split, 4 a category",
              sample(bank_rows, BANKING_PER_CATEGORY, rng))


# Also a message of tests/nlu/heldout.yml: kept there, not trained on.
HELD_OUT = {"i'll pass"}
TRAINING = Path(__file__).parents[3] / "data" / "nlu" / "out_of_scope_public.yml"


def training_file() -> None:
    """Training examples from CLINC150's training split only (the development set is its
    validation split): its off-topic labels as out_of_scope, its small talk as our intents."""
    from tests.nlu.public_sets import CLINC_SMALL_TALK, OUT_OF_SCOPE, clinc_expected, read_tsv

    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, label in read_tsv("clinc150_train_sample.tsv"):
        if text in HELD_OUT:
            continue
        if clinc_expected(label) == {OUT_OF_SCOPE}:
            by_intent[OUT_OF_SCOPE].append(text)
        elif label in CLINC_SMALL_TALK:
            by_intent[CLINC_SMALL_TALK[label]].append(text)
        elif label == "what_can_i_ask_you":
            by_intent["help"].append(text)
    lines = ["# From CLINC150 (Larson et al. 2019, github.com/clinc/oos-eval), CC BY 3.0: 2 examples",
             "# a label (12 of small talk) of its training split (tests/nlu/public/clinc150_train_sample.tsv), written by",
             "# python -m tests.nlu.public.extract --training. Off-topic labels (banking, cooking,",
             "# travel, home, car, utilities, HR) are out_of_scope; its small talk keeps its meaning.",
             'version: "3.1"', "nlu:"]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in by_intent[intent]]
        lines.append("")
    TRAINING.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--training"]:
        training_file()
    else:
        main(*sys.argv[1:4])
