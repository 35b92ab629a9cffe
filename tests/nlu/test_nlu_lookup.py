"""The `program` lookup table is generated from the catalog's names and aliases."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.nlu_lookup import main, program_names

CATALOG = Path(__file__).resolve().parents[2] / "data" / "catalog"


def test_names_aliases_and_providers_are_listed():
    names = program_names([
        {"key": "futuro_health_medical_assistant", "name": "Futuro Health: Medical Assistant",
         "aliases": ["Futuro"]},
        {"key": "hccp", "name": "Health Care Career Pathways (HCCP)", "aliases": ["HCCP"]},
    ])
    for name in ["Futuro Health: Medical Assistant", "Futuro Health", "futuro health", "Futuro",
                 "futuro", "Health Care Career Pathways", "health care career pathways", "HCCP"]:
        assert name in names
    # The part after the colon is an occupation, and acronyms stay in capitals.
    assert "Medical Assistant" not in names and "hccp" not in names


def test_everyday_words_and_the_employer_are_left_out():
    names = program_names([{"key": "kaiser_permanente", "name": "Kaiser Permanente",
                             "aliases": ["KP", "Kaiser"]},
                           {"key": "rush", "name": "Rush University Medical Center", "aliases": ["Rush"]}])
    assert "Kaiser Permanente" in names and "Rush University Medical Center" in names
    assert not {"KP", "Kaiser", "kaiser", "Rush", "rush"} & set(names)


def test_the_generated_file_holds_every_catalog_file(tmp_path):
    target = tmp_path / "programs.yml"
    sources = [CATALOG / f"{name}.yaml" for name in ("programs", "funding", "organizations")]
    assert main(["--programs", str(target), *map(str, sources)]) == 0
    nlu = yaml.safe_load(target.read_text())["nlu"]
    examples = nlu[0]["examples"]
    assert nlu[0]["lookup"] == "program"
    for name in ["Futuro Health", "KP School of Allied Health", "Nurse Scholars Academy", "Year Up",
                 "HCCP", "Hispanic Scholarship Fund", "Ben Hudnall Memorial Trust"]:
        assert f"- {name}\n" in examples


def test_bad_arguments_are_refused(tmp_path):
    assert main(["--programs", str(tmp_path / "x.yml")]) == 2
    empty = tmp_path / "empty.yaml"
    empty.write_text("records: []\n")
    assert main(["--programs", str(tmp_path / "x.yml"), str(empty)]) == 1
