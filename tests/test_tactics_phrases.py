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
        ("... buy followers", "goes between words"),
        ("buy followers ...", "goes between words"),
        ("buy !followers", "'!' goes only first"),
        ("@nosuchclass ... fee", "no such word class"),
        # a number token carries its sign and "%" or "k": these read as the word "num"
        ("-<num> ... contre ... avis", "'<num>' stands alone"),
        ("<num>k followers", "'<num>' stands alone"),
    ],
)
def test_malformed_phrases_are_refused(phrase: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        compile_phrase("x", phrase, "en")


@pytest.mark.parametrize(
    ("phrase", "language", "loose", "when_negated", "words"),
    [
        ("buy followers", "en", False, False, 2),
        ("discount ... star ... review", "en", True, False, 3),
        ("скидк* ... пятерк*", "ru", True, False, 2),
        ("!#ad|#sponsored", "en", False, True, 1),
        ("!préciser partenariat", "fr", False, True, 2),
        ("!#reklam", "tr", False, True, 1),
        ("!บอก สปอนเซอร์", "th", False, True, 2),
        ("!reklam ... etiket*", "tr", True, True, 2),
    ],
)
def test_phrase_marks(
    phrase: str, language: str, loose: bool, when_negated: bool, words: int
) -> None:
    """ " ... " lets the words stand anywhere in a sentence; a leading "!" makes the phrase
    count only where the line negates it. Neither mark is a word."""
    (pattern,) = compile_phrase("x", phrase, language)  # type: ignore[arg-type]
    assert (pattern.loose, pattern.when_negated, len(pattern.positions)) == (
        loose,
        when_negated,
        words,
    )


@pytest.mark.parametrize(("phrase", "value"), [("ask 2fa code", "2fa"), ("sub4sub", "sub4sub")])
def test_a_word_with_a_digit_matches_exactly(phrase: str, value: str) -> None:
    """Line words with digits are never stemmed, so a phrase word with one must be exact."""
    atoms = {
        atom
        for pattern in compile_phrase("x", phrase, "en")
        for p in pattern.positions
        for atom in p
    }
    assert any(atom.kind == "exact" and atom.value == value for atom in atoms)


@pytest.mark.parametrize(
    ("phrase", "language", "names"),
    [
        ("rakib*|rakip* ... erişilemez|ulaşılamaz", "tr", True),
        ("!ödül* gönder*", "tr", False),
        ("takipçi satın", "tr", False),
        ("competitor ... unavailable", "en", False),
    ],
)
def test_a_phrase_that_names_a_negated_form(phrase: str, language: str, names: bool) -> None:
    """A phrase whose own word is a negated Turkish form ("erişilemez", unreachable) names it:
    that word does not negate the phrase."""
    patterns = compile_phrase("x", phrase, language)  # type: ignore[arg-type]
    assert {pattern.names_negation for pattern in patterns} == {names}


def test_a_word_class_stands_for_its_words() -> None:
    """ "@authority" is every authority of the language, alone or beside other alternatives."""
    from smmfit.tactics.lexicon import WORD_CLASSES
    from smmfit.tactics.phrases import expand_classes

    expanded = expand_classes("@authority|sheriff ... fee", "en")
    first = expanded.split()[0].split("|")
    assert set(WORD_CLASSES["authority"]["en"].split()) <= set(first)
    assert first.count("sheriff*") + first.count("sheriff") >= 1
    assert expanded.endswith("... fee")
    # every class word compiles in every language it is given for
    for name, languages in WORD_CLASSES.items():
        for language in languages:
            assert compile_phrase("x", f"@{name}", language)


def test_a_word_class_may_open_a_negated_phrase() -> None:
    patterns = compile_phrase("x", "!@winner ... fee", "en")
    assert patterns and all(p.when_negated and p.loose for p in patterns)
