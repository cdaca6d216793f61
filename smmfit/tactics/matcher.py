"""Finding indicator phrases in a line: an index of the phrases' words, and the search that
assigns a line's words to a phrase's.

A word of a line matches a word of a phrase by its exact form, by prefix (accents folded),
by its stem in any indicator language, or, in a longer stem, within a typo or two. Where the
stemmer stops short, morphology helps: a Russian or French word also matches without a verb
prefix ("накрутить", "подкрутить" and "крутить"; "racheter" and "acheter"), and a Turkish word
by its stem once suffixes are cut ("hackleyip", "hackle"). A phrase is found where each of its
words has a distinct word of the line, all in one segment and close together (a loose
phrase's anywhere in the segment); occurrences do not share words. Whether the line negates
what is found is decided afterwards, in ``negation``.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smmfit.tactics.lexicon import (
    INDICATOR_LANGUAGES,
    QUESTION_REFUSALS,
    REFUSAL_VERBS,
    IndicatorLanguage,
    Token,
    fold,
    stem,
)
from smmfit.tactics.phrases import MIN_PREFIX, Pattern


@dataclass(frozen=True)
class Hit:
    """A phrase found in a line: which tokens, and whether the line negates it."""

    pattern: Pattern
    tokens: tuple[int, ...]
    negated: bool = False
    negation_start: int | None = None

    @property
    def low(self) -> int:
        return min(self.tokens)

    @property
    def high(self) -> int:
        return max(self.tokens)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# Verb prefixes the Snowball stemmers keep: tried off a word that matched nothing as it is.
_PREFIXES: dict[IndicatorLanguage, tuple[str, ...]] = {
    "ru": (
        "пере",
        "при",
        "под",
        "над",
        "раз",
        "рас",
        "про",
        "вы",
        "за",
        "на",
        "до",
        "от",
        "об",
        "по",
        "с",
        "у",
    ),
    "fr": ("re", "ré", "dé", "sur", "auto"),
}
_MIN_REST = 4  # letters that must remain once a prefix or suffixes are cut


def _variants(word: str, language: IndicatorLanguage) -> list[str]:
    """Other forms to stem when the word's own stem matches nothing."""
    if language == "tr":
        # Agglutinative: cut letters off the end, longest rest first.
        return [word[:end] for end in range(len(word) - 1, _MIN_REST - 1, -1)]
    return [
        word[len(prefix) :]
        for prefix in _PREFIXES.get(language, ())
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_REST
    ]


def _is_word(text: str) -> bool:
    """Letters only (Thai vowel and tone marks count as letters): a word worth stemming."""
    text = text.replace("#", "")
    return bool(text) and all(c.isalpha() or unicodedata.category(c) == "Mn" for c in text)


def _typo_limit(length: int) -> int:
    """Edits tolerated in a stem of this length: none in short words, where a typo is a word."""
    return 0 if length < 5 else (1 if length < 8 else 2)


class Matcher:
    """An index from words to the phrases they can start, built once per taxonomy."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns: list[Pattern] = []
        self._stems: dict[tuple[IndicatorLanguage, str], list[tuple[int, int]]] = defaultdict(list)
        self._exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._prefixes: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self._numbers: list[tuple[int, int]] = []
        self._fuzzy: dict[tuple[IndicatorLanguage, str], set[str]] = defaultdict(set)
        # Plans repeat words; stemming a word in four languages is the costly part.
        self._cache: dict[tuple[str, bool], frozenset[tuple[int, int]]] = {}
        for pattern in patterns:
            self._add(pattern)

    def _add(self, pattern: Pattern) -> None:
        index = len(self.patterns)
        self.patterns.append(pattern)
        for position, atoms in enumerate(pattern.positions):
            for atom in atoms:
                ref = (index, position)
                if atom.kind == "stem":
                    self._stems[(atom.language, atom.value)].append(ref)
                    # No typos in Thai: without spaces a near word is another word.
                    if atom.language != "th" and _typo_limit(len(atom.value)):
                        self._fuzzy[(atom.language, atom.value[:2])].add(atom.value)
                elif atom.kind == "exact":
                    self._exact[atom.value].append(ref)
                elif atom.kind == "prefix":
                    folded = fold(atom.value)
                    self._prefixes[folded[:MIN_PREFIX]].append((folded, *ref))
                else:
                    self._numbers.append(ref)

    def _cached_refs(self, token: Token) -> frozenset[tuple[int, int]]:
        key = (token.text, token.number)
        refs = self._cache.get(key)
        if refs is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            refs = self._cache[key] = frozenset(self._refs(token))
        return refs

    def _refs(self, token: Token) -> set[tuple[int, int]]:
        refs: set[tuple[int, int]] = set(self._exact.get(token.text, ()))
        if token.number:
            refs.update(self._numbers)
            return refs
        folded = fold(token.text)
        for prefix, *ref in self._prefixes.get(folded[:MIN_PREFIX], ()):
            if folded.startswith(prefix):
                refs.add((ref[0], ref[1]))
        if not refs:
            # A verb prefix in front of a phrase's prefix word: "докупить" is "купи*" too.
            for language in ("ru", "fr"):
                for stripped in _variants(token.text, language):
                    rest = fold(stripped)
                    for prefix, *ref in self._prefixes.get(rest[:MIN_PREFIX], ()):
                        if rest.startswith(prefix):
                            refs.add((ref[0], ref[1]))
        if not _is_word(token.text):
            return refs
        for language in INDICATOR_LANGUAGES:
            word_stem = stem(token.text, language)
            found = self._stems.get((language, word_stem))
            if found:
                refs.update(found)
                continue
            if language == "th":
                continue
            variant = next(
                (
                    self._stems[(language, stem(v, language))]
                    for v in _variants(token.text, language)
                    if (language, stem(v, language)) in self._stems
                ),
                None,
            )
            if variant:
                refs.update(variant)
                continue
            # A negation, a protective verb, a verb a refusal uses or an answer "no" is a
            # known word, not a typo of a phrase word ("report" is no misspelt "repost",
            # "doing" no "doxing", "hayır" (no) no "hazır" (ready-made), session 25).
            known = (
                token.cue
                or token.protective
                or token.text in REFUSAL_VERBS
                or token.text in QUESTION_REFUSALS
            )
            limit = 0 if known else _typo_limit(len(word_stem))
            if not limit:
                continue
            for candidate in self._fuzzy.get((language, word_stem[:2]), ()):
                if _edit_distance(word_stem, candidate, limit) <= limit:
                    refs.update(self._stems[(language, candidate)])
        return refs

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """Every phrase of the taxonomy found in the tokens, negation not yet applied."""
        candidates: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for index, token in enumerate(tokens):
            if token.stop:
                continue
            for pattern_index, position in self._cached_refs(token):
                candidates[pattern_index][position].append(index)
        hits: list[Hit] = []
        prefix = _content_prefix(tokens)
        for pattern_index, positions in candidates.items():
            pattern = self.patterns[pattern_index]
            if len(positions) < len(pattern.positions):
                continue
            choices = [positions[p] for p in range(len(pattern.positions))]
            hits.extend(
                Hit(pattern, found)
                for found in _assignments(tokens, prefix, choices, loose=pattern.loose)
            )
        return hits


def _slack(words: int) -> int:
    """Other words a phrase of this many words may have in between."""
    return 0 if words == 1 else (1 if words == 2 else 2)


def _content_prefix(tokens: Sequence[Token]) -> list[int]:
    """prefix[i] = how many words before token i count toward the gap (not ignored, not numbers)."""
    prefix = [0]
    for token in tokens:
        prefix.append(prefix[-1] + (not token.stop and not token.number))
    return prefix


MAX_HITS_PER_PHRASE = 200
LOOSE_NEIGHBOURS = 2


def _assignments(
    tokens: Sequence[Token], prefix: list[int], choices: list[list[int]], *, loose: bool = False
) -> list[tuple[int, ...]]:
    """Every occurrence of a phrase: distinct tokens, one per phrase word, in one segment.

    Occurrences do not share tokens; the tightest win. Only candidates close to each other
    are combined, so a long line full of one word stays fast: the words of an occurrence are
    at most ``len(choices) - 1 + slack`` counted words apart; a loose phrase's anywhere in
    the segment.
    """
    allowed = len(tokens) if loose else _slack(len(choices))
    reach = len(choices) - 1 + allowed
    ranks = [[prefix[i] for i in options] for options in choices]
    found: list[tuple[int, int, tuple[int, ...]]] = []
    for anchor in choices[0]:
        rank = prefix[anchor]
        nearby = [[anchor]]
        for options, option_ranks in zip(choices[1:], ranks[1:], strict=True):
            low = bisect.bisect_left(option_ranks, rank - reach)
            high = bisect.bisect_right(option_ranks, rank + reach)
            if loose:
                # Anywhere in the segment: only the closest few on either side of the
                # anchor, or a long line of repeated words would try every combination.
                middle = bisect.bisect_left(option_ranks, rank)
                low, high = (
                    max(low, middle - LOOSE_NEIGHBOURS),
                    min(high, middle + LOOSE_NEIGHBOURS),
                )
            nearby.append(options[low:high])
        best: tuple[int, int, tuple[int, ...]] | None = None
        for combination in itertools.product(*nearby):
            if len(set(combination)) != len(combination):
                continue
            first, last = min(combination), max(combination)
            if (
                tokens[first].sentence != tokens[last].sentence
                if loose
                else tokens[first].segment != tokens[last].segment
            ):
                continue
            counted = prefix[last + 1] - prefix[first]
            chosen = sum(not tokens[i].stop and not tokens[i].number for i in combination)
            extra = counted - chosen
            if extra <= allowed and (best is None or (extra, last - first) < best[:2]):
                best = (extra, last - first, combination)
        if best is not None:
            found.append(best)
    used: set[int] = set()
    result = []
    for _, _, combination in sorted(found):
        if used.isdisjoint(combination):
            used.update(combination)
            result.append(combination)
            if len(result) == MAX_HITS_PER_PHRASE:
                break
    return result
