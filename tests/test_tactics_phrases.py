"""smmfit.tactics.phrases: malformed indicator phrases are refused with a reason."""

from __future__ import annotations

import pytest

from smmfit.tactics import compile_phrase


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("", "empty phrase"),
        ("buy|", "empty alternative"),
        ("=buy followers|=look-alike", "'=' takes a single word"),
        ("xy*", "at least 3 letters"),
        ("b*y", "'*' only last"),
        ("the of", "only ignored words"),
        ("one two three four five six", "more than 5 words"),
        ("the|buy", "is an ignored word"),
    ],
)
def test_malformed_phrases_are_refused(phrase: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        compile_phrase("x", phrase, "en")
