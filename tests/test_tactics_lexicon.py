"""smmfit.tactics.lexicon: the tokenizer's words, segments and clauses."""

# Plan lines in Russian and French look like Latin to the ambiguity check.

from __future__ import annotations

import pytest

from smmfit.tactics import tokenize


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Don't buy 10,000 followers!", ["not", "buy", "10,000", "followers"]),
        ("#ad posts; $500", ["#ad", "posts", "$", "500"]),
        ("Ёлка n'achète", ["елка", "n", "achète"]),
        ("контент-план", ["контент", "план"]),
    ],
)
def test_tokenize(line: str, words: list[str]) -> None:
    assert [token.text for token in tokenize(line)] == words


def test_a_full_stop_ends_a_phrase_a_comma_ends_only_a_negation() -> None:
    tokens = tokenize("a b, c. d")
    assert [t.segment for t in tokens] == [0, 0, 0, 1]
    assert [t.clause for t in tokens] == [0, 0, 1, 2]
