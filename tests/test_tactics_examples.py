"""The example bank: every group in five languages, known tactics only, no duplicates, and
kept apart from the labelled sets it is measured on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from smmfit.tactics import BANK_LANGUAGES, Taxonomy, load_examples
from smmfit.tactics.examples import LABELS
from smmfit.tactics.taxonomy import TaxonomyError

DATA = Path(__file__).resolve().parent / "data"


def test_every_harmful_tactic_has_examples_in_every_language(taxonomy: Taxonomy) -> None:
    examples = load_examples(taxonomy.by_id.keys())
    covered = {(e.tactic, e.language) for e in examples}
    for tactic in taxonomy.tactics:
        for language in BANK_LANGUAGES:
            assert (tactic.id, language) in covered, (tactic.id, language)
    for label in LABELS:
        assert sum(e.tactic == label for e in examples) >= 15, label


def test_the_bank_copies_no_labelled_line(taxonomy: Taxonomy) -> None:
    """Lines in the bank would be recognised by being themselves: the scores would lie."""
    bank = {" ".join(e.text.casefold().split()) for e in load_examples(taxonomy.by_id.keys())}
    for path in sorted(DATA.glob("tactic_lines*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                assert " ".join(row["line"].casefold().split()) not in bank, (path.name, row)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- tactic: nosuch\n" + "".join(f"  {x}: [a line]\n" for x in BANK_LANGUAGES),
         "unknown tactic 'nosuch'"),
        ("- tactic: neutral\n  en: [a line]\n", "group #1, field ru: Field required"),
        ("- tactic: neutral\n" + "".join(f"  {x}: [Same line]\n" for x in BANK_LANGUAGES),
         "'Same line' is already listed under 'neutral'"),
        ("- tactic: [broken\n", "not valid YAML"),
        ("{}\n", "expected a list of groups"),
    ],
)  # fmt: skip
def test_bad_banks_are_refused_with_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_examples({"targeted_ads"}, path)
