"""Every fact says where it comes from: each passage a record attributes to a seed document is
really in that document, and a rule, amount or "free" without a source cannot be imported."""

from __future__ import annotations

import os

import pytest
import yaml

from catalog import sources
from catalog.readers import CatalogImportError, validate
from catalog.records import YAML_FILES, is_seed
from core.settings import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
CATALOG = ROOT / "data" / "catalog"
SOURCED_FILES = ("organizations", "programs", "funding")


def seeds_present() -> bool:
    """Whether the seed documents are beside this checkout; under CI they must be, so the quote
    checks fail there instead of being skipped."""
    if not SEEDS.is_dir() and os.environ.get("CI") == "true":
        raise RuntimeError(f"CI must check the quotes against the seed documents: {SEEDS} is absent")
    return SEEDS.is_dir()


def seed_records() -> list[dict]:
    records = []
    for name in SOURCED_FILES:
        records += yaml.safe_load((CATALOG / f"{name}.yaml").read_text(encoding="utf-8"))["records"]
    return records


def seed_citations() -> list[tuple[str, str, str]]:
    """(record key, seed file, quote) for every passage attributed to a seed document."""
    return [
        (record["key"], source, quote)
        for record in seed_records()
        for source, quote in sources.record_quotes(record)
        if is_seed(source)
    ]


def test_the_seed_catalog_cites_seed_documents():
    citations = seed_citations()
    assert len(citations) >= 15
    cited_files = {source for record in seed_records() for source in record["sources"] if is_seed(source)}
    assert len(cited_files) == 5, cited_files


@pytest.mark.parametrize(("key", "seed", "quote"), seed_citations(), ids=lambda v: v if len(v) < 40 else v[:40])
def test_each_quoted_passage_is_in_its_seed_document(key, seed, quote):
    if not seeds_present():
        pytest.skip(f"the seed documents are not beside this checkout ({SEEDS} is absent); CI has them")
    document = SEEDS / seed
    assert document.exists(), f"{key} cites {seed}, which is not a seed document"
    assert sources.found(quote, document.read_text(encoding="utf-8")), f"{key}: {quote!r} is not in {seed}"


def test_every_record_source_that_is_a_seed_exists():
    if not seeds_present():
        pytest.skip(f"the seed documents are not beside this checkout ({SEEDS} is absent); CI has them")
    for record in seed_records():
        for source in record["sources"]:
            if is_seed(source):
                assert (SEEDS / source).exists(), f"{record['key']} cites {source}"


def test_normalising_keeps_the_words():
    seed = "a **nonprofit** [Futuro Health](#) that pays \\$30 million,\n   now"
    assert sources.found("a nonprofit Futuro Health that pays $30 million, now", seed)
    assert not sources.found("a nonprofit Futuro Health that pays $40 million", seed)
    assert not sources.found("a profit Futuro Health", seed)


def program(**fields) -> dict:
    base = {"key": "p", "name": "P", "kind": "training", "source_url": "https://example.org/p",
            "sources": ["https://example.org/p"], "recorded": "2026-11-30"}
    return {**base, **fields}


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (program(eligibility={"min_age": 18}), "eligibility.min_age"),
        (program(eligibility={"min_age": {"value": 18, "source": "https://example.org/p"}}), "quote"),
        (program(eligibility={"min_age": {"value": 18, "source": "somewhere", "quote": "18 or older"}}), "seed document's file name"),
        (program(cost={"tuition": 0}), "source and quote"),
        (program(cost={"tuition": 900, "source": "https://example.org/p", "quote": "It costs $900."}), "period"),
        (program(sources=[]), "sources"),
        (program(last_verified="2026-11-01"), "verify-sources"),
        ({**program(), "recorded": None}, "recorded"),
    ],
)
def test_a_rule_or_price_without_a_source_is_refused(record, words):
    with pytest.raises(CatalogImportError) as error:
        validate("programs.yaml", YAML_FILES["programs"], [record])
    assert words in str(error.value)


def test_an_amount_needs_its_period_and_source():
    fund = {"key": "f", "name": "F", "kind": "scholarship", "source_url": "https://example.org/f",
            "sources": ["https://example.org/f"], "recorded": "2026-11-30"}
    with pytest.raises(CatalogImportError) as error:
        validate("funding.yaml", YAML_FILES["funding"], [{**fund, "amount": {"max": 2500, "per": "once"}}])
    assert "source and quote" in str(error.value)
    ok = validate("funding.yaml", YAML_FILES["funding"], [{**fund, "amount": {
        "max": 2500, "per": "once", "source": "https://example.org/f", "quote": "Selected students will receive a $2,500 award."}}])
    assert ok[0].amount.max == 2500
