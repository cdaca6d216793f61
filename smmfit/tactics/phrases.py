"""Indicator phrases: the small pattern language of ``data/tactics.yaml`` and its compiler.

A phrase is up to five words, each matched by its stem in the phrase's language. In a word,
``|`` separates alternatives (``buy|purchase``), a final ``*`` makes a prefix (``накрут*``),
a leading ``=`` asks for the exact word (``=targeting``) and ``<num>`` stands for any number;
a hyphenated alternative (``cross-promo``) is several words. Articles and prepositions are
ignored, as they are in lines. Two marks change how a whole phrase counts:

- `` ... `` between its words (``discount ... 5-star``) lets them stand anywhere in one
  sentence, not only close together: long plan lines put a reward and what it pays for far
  apart ("a 10% discount on the next order for everyone who gives us five stars");
- a leading ``!`` (``!#ad``) makes a phrase that signals its tactic only where the line
  negates it: "don't add #ad", "#reklam yazmayalım", "ไม่บอกว่าเป็นสปอนเซอร์" are undisclosed ads,
  while "#ad" alone signals nothing harmful.

An alternative ``@name`` stands for a word class of ``lexicon.WORD_CLASSES`` in the phrase's
language (``@authority`` is "hmrc|irs|medicare|bailiff*|..."): a scheme named once by its
parts ("a notice posed as an authority's, asking for a payment") covers every authority a
writer may pick, where a phrase per authority covers only those someone thought of.

A phrase compiles to one :class:`Pattern` per variant, each a
set of :class:`Atom` s per word.

>>> [sorted(atom.value for atom in position) for position in
...  compile_phrase("x", "buy|purchase followers", "en")[0].positions]
[['buy', 'purchas'], ['follow']]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from smmfit.tactics.lexicon import WORD_CLASSES, IndicatorLanguage, stem, tokenize

AtomKind = Literal["stem", "prefix", "exact", "number"]
MIN_PREFIX = 3
MAX_PHRASE_WORDS = 5
MAX_VARIANTS = 24
LOOSE = "..."
CLASS_MARK = "@"


@dataclass(frozen=True)
class Atom:
    """One way a word of a phrase can match a word of a line."""

    kind: AtomKind
    value: str = ""
    language: IndicatorLanguage = "en"


@dataclass(frozen=True)
class Pattern:
    """One compiled form of an indicator phrase: a set of atoms per word."""

    tactic: str
    phrase: str
    language: IndicatorLanguage
    positions: tuple[frozenset[Atom], ...]
    loose: bool = False  # its words may be anywhere in one segment (`` ... ``)
    when_negated: bool = False  # it signals the tactic only when the line negates it (``!``)
    # One of its own words is a negated Turkish form ("erişilemez", unreachable): that word
    # is what the phrase names, not a negation of it.
    names_negation: bool = False


def _alternative_atoms(alternative: str, language: IndicatorLanguage) -> list[Atom]:
    """The words one alternative (``buy``, ``накрут*``, ``=targeting``, ``<num>``) stands for."""
    if alternative == "<num>":
        return [Atom("number")]
    if "<num>" in alternative:
        # "<num>%" or "-<num>" would be read as the word "num" and match nothing: a line's
        # number is one word without its sign or "%" ("-10%" is 10), "10k" one number.
        raise ValueError(f"{alternative!r}: '<num>' stands alone, without signs or letters")
    exact = alternative.startswith("=")
    prefix = alternative.endswith("*")
    body = alternative.removeprefix("=").removesuffix("*")
    if not body or "*" in body or "=" in body:
        raise ValueError(f"{alternative!r}: '=' goes only first and '*' only last in a word")
    words = [t for t in tokenize(body) if not t.stop]
    if not words:
        return []
    if exact and len(words) != 1:
        raise ValueError(f"{alternative!r}: '=' takes a single word")
    atoms = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if prefix and last:
            if len(word.text) < MIN_PREFIX:
                raise ValueError(f"{alternative!r}: a prefix needs at least {MIN_PREFIX} letters")
            atoms.append(Atom("prefix", word.text))
        # A word with a digit ("2fa", "sub4sub") is never stemmed in a line: match it exactly.
        elif exact or word.cue or word.number or any(c.isdigit() for c in word.text):
            atoms.append(Atom("exact", word.text))
        else:
            atoms.append(Atom("stem", stem(word.text, language), language))
    return atoms


def compile_phrase(tactic: str, phrase: str, language: IndicatorLanguage) -> list[Pattern]:
    """The patterns of an indicator phrase; raises ValueError if it is malformed.

    >>> [len(p.positions) for p in compile_phrase("x", "buy followers|likes", "en")]
    [2]
    >>> len(compile_phrase("x", "cross-promo|collab", "en"))
    2
    >>> [(p.loose, p.when_negated) for p in compile_phrase("x", "!label ... ad", "en")]
    [(True, True)]
    """
    body = phrase.strip()
    when_negated = body.startswith("!")
    body = expand_classes(body.removeprefix("!"), language)
    words = body.split()
    loose = LOOSE in words
    if loose and (words[0] == LOOSE or words[-1] == LOOSE):
        raise ValueError(f"{LOOSE!r} goes between words")
    body = " ".join(word for word in words if word != LOOSE)
    if "!" in body:
        raise ValueError("'!' goes only first in a phrase")
    names_negation = any(token.negative_verb for token in tokenize(body.replace("|", " ")))
    return [
        Pattern(tactic, phrase, language, positions, loose, when_negated, names_negation)
        for positions in _compile_positions(body, language)
    ]


def expand_classes(phrase: str, language: IndicatorLanguage) -> str:
    """The phrase with each ``@name`` alternative replaced by its word class's alternatives.

    >>> expand_classes("@demand ... fee|@winner", "en").count("|") > 2
    True
    """
    if CLASS_MARK not in phrase:
        return phrase
    groups = []
    for group in phrase.split(" "):
        alternatives = []
        for alternative in group.split("|"):
            if not alternative.startswith(CLASS_MARK):
                alternatives.append(alternative)
                continue
            name = alternative.removeprefix(CLASS_MARK)
            if name not in WORD_CLASSES:
                raise ValueError(f"{alternative!r}: no such word class")
            if language not in WORD_CLASSES[name]:
                raise ValueError(f"{alternative!r}: the word class has no {language} words")
            alternatives.extend(WORD_CLASSES[name][language].split())
        groups.append("|".join(dict.fromkeys(alternatives)))
    return " ".join(groups)


@lru_cache(maxsize=8192)
def _compile_positions(
    phrase: str, language: IndicatorLanguage
) -> tuple[tuple[frozenset[Atom], ...], ...]:
    # Validation and indexing both compile every phrase; stemming makes that the slow part.
    groups = phrase.split()
    if not groups:
        raise ValueError("empty phrase")
    # Single-word alternatives share a place; a hyphenated alternative ("cross-promo") is
    # several words, so it makes a variant of its own.
    choices: list[list[list[frozenset[Atom]]]] = []
    for group in groups:
        alternatives = group.split("|")
        if any(not a for a in alternatives):
            raise ValueError(f"{group!r}: empty alternative")
        singles: set[Atom] = set()
        multiples: list[list[frozenset[Atom]]] = []
        for alternative in alternatives:
            atoms = _alternative_atoms(alternative, language)
            if not atoms:
                # An article or preposition: ignored in lines, so ignored in phrases too.
                if len(alternatives) > 1:
                    raise ValueError(f"{group!r}: {alternative!r} is an ignored word")
                continue
            if len(atoms) == 1:
                singles.add(atoms[0])
            else:
                multiples.append([frozenset({atom}) for atom in atoms])
        options = ([[frozenset(singles)]] if singles else []) + multiples
        if options:
            choices.append(options)
    if not choices:
        raise ValueError("the phrase has only ignored words (articles, prepositions)")
    variants = []
    for combination in itertools.product(*choices):
        positions = tuple(position for part in combination for position in part)
        if len(positions) > MAX_PHRASE_WORDS:
            raise ValueError(f"more than {MAX_PHRASE_WORDS} words")
        variants.append(positions)
    if len(variants) > MAX_VARIANTS:
        raise ValueError(f"too many hyphenated alternatives ({len(variants)} variants)")
    return tuple(variants)
