"""The tactic checker: a sourced taxonomy of promotion tactics and a classifier of plan lines.

``data/tactics.yaml`` lists tactics (white, gray or black), the rules each one touches, a
safer alternative, the platforms and regions where the verdict differs, and the phrases that
signal the tactic in English, Russian, French and Turkish. A plan is checked line by line:
each line's words are stemmed with the Snowball stemmer of every language and compared with
the stemmed indicator phrases on word boundaries; a negated phrase ("no bots", "без
накрутки") does not count. The most severe tactic found decides the line's verdict; a line
with no known tactic is ``unrecognized`` (review it by hand), never white by default.

>>> taxonomy = load_taxonomy()
>>> check_line("Купить 2000 живых подписчиков", taxonomy).verdict
'gray'
>>> check_line("We will not buy followers", taxonomy).verdict
'white'
>>> check_line("Budget: 150 000 RUB a month", taxonomy).verdict
'unrecognized'
"""

# Word lists in Russian, French and Turkish look like Latin to the ambiguity checks.

from __future__ import annotations

import bisect
import heapq
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import snowballstemmer
import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from smmfit.data import DATA_DIR, load_dataset
from smmfit.models import WORLDWIDE, normalise_region

TACTICS_PATH = DATA_DIR / "tactics.yaml"

Verdict = Literal["white", "gray", "black"]
LineVerdict = Literal["white", "gray", "black", "unrecognized"]
IndicatorLanguage = Literal["en", "ru", "fr", "tr"]
TextLanguage = Literal["en", "ru"]

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
# The order a report lists lines in: what needs attention first.
LINE_VERDICTS: tuple[LineVerdict, ...] = ("black", "gray", "unrecognized", "white")
INDICATOR_LANGUAGES: tuple[IndicatorLanguage, ...] = get_args(IndicatorLanguage)
SEVERITY: dict[Verdict, int] = {"white": 0, "gray": 1, "black": 2}

STEMMERS: dict[IndicatorLanguage, str] = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "tr": "turkish",
}

# Limits of a pasted plan: above them the input is refused with a message, not truncated.
MAX_PLAN_CHARS = 100_000
MAX_PLAN_LINES = 2_000

# --- words ---------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, dropped from lines and phrases alike so "acheter des abonnés" and "acheter
# 10 000 abonnés" match. Negation words are deliberately absent: they carry meaning.
STOP_WORDS = _words(
    """
    a an the of to for in on at by with from into onto under over via per our your their my
    we you they it its this that these those is are be been will would can could should
    and or us them so as also just then than there
    и в во на с со к ко по для от из у о об обо за до при под над через а же мы вы наш наша
    наше наши нас вас их это этот эта эти то что чтобы как ещё еще уже так тоже будет будем
    будут есть
    le la les l un une des du de d au aux à et ou en pour par sur dans avec nos notre vos
    votre nous vous on qui que qu ce cet cette ces se s son sa ses leur leurs est sont être
    ve ile bir bu şu için da de ki
    """
)
# A negation word before a phrase (within a few words) or inside it means the line does not
# use the tactic.
NEGATION_CUES = _words(
    """
    no not never without none nor neither avoid avoids avoiding instead stop zero refuse against
    не нет без против ни никаких никакой никакие никакого никакую никогда вместо избегаем избегать
    отказ отказываемся отказаться исключаем исключить ноль
    ne n pas sans jamais aucun aucune ni non plutôt lieu éviter évitons zéro
    asla hiç hiçbir
    """
)
# Negation words that follow what they negate ("bot takipçi yok", "buying followers is banned").
POST_NEGATION_CUES = _words(
    """
    forbidden banned prohibited excluded запрещено запрещена запрещены запрещен исключено
    нельзя interdit interdite interdits interdites exclu exclus yok değil olmadan yasak yerine
    """
)
# Turkish negates verbs with a suffix: almıyoruz, almayacağız, almaz.
_TURKISH_NEGATIVE_VERB = re.compile(
    r"\w{2,}(m[ıiuü]yor\w*|ma[yı]acak\w*|me[yi]ecek\w*|maz|mez|mayız|meyiz)$"
)
# Words between a negation and a phrase that cancel it: "don't forget to buy followers",
# "не только контент, но и накрутка", "n'oubliez pas d'acheter".
NEGATION_BREAKERS = _words(
    "forget forgetting only just doubt забыть забудь забудьте забываем только сомнения "
    "oublier oubliez oublie seulement doute unutma unutmayın sadece"
)
# Words that end the reach of a negation: "no bots, but buy followers".
CONTRAST_WORDS = _words("but however yet но однако а зато mais cependant pourtant ama fakat ancak")
# Words that carry a negation on to the next item: "no bots or fake followers".
CONJUNCTIONS = _words("and or nor и или ни да et ou ni ve veya ya")

# Characters that end a phrase match (and a negation's reach); commas and quotes end only a
# negation's reach, so "«ставь лайк, если согласен»" is still one phrase.
_MATCH_BREAKS = frozenset(".;:!?()[]{}+")
_NEGATION_BREAKS = frozenset(',"«»“”„')
_LEXER = re.compile(
    r"(?P<neg>[^\W_]+n['’]t)(?![^\W_])"  # English contractions: don't, won't, can't
    r"|(?P<word>#?[^\W_]+(?:[.,]\d+)*)"
    r"|(?P<money>[$€£₽¥])"
    r"|(?P<dash>\s[-–—]+\s)"
    r"|(?P<punct>[.;:!?()\[\]{}+,\"«»“”„])"
)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*[kкmм%]?$")


def fold(word: str) -> str:
    """Without accents, for prefixes written either way ("achète" and "achet*").

    >>> fold("achète"), fold("réduction")
    ('achete', 'reduction')
    """
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_word(word: str) -> str:
    """Lower case, ё as е, NFC: the form every comparison uses.

    >>> normalise_word("Ёлка")
    'елка'
    """
    return unicodedata.normalize("NFC", word.lower()).replace("ё", "е")


@cache
def _stemmer(language: IndicatorLanguage) -> Any:
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: IndicatorLanguage) -> str:
    """The Snowball stem of an already normalised word.

    >>> stem("подписчиков", "ru"), stem("abonnés", "fr"), stem("followers", "en")
    ('подписчик', 'abon', 'follow')
    """
    return str(_stemmer(language).stemWord(word))


@dataclass(frozen=True)
class Token:
    """A word of a line: its normalised form, where it is, and what it is."""

    text: str
    start: int
    end: int
    segment: int  # phrases match only within one segment
    clause: int  # negations reach only within one clause
    number: bool
    stop: bool
    cue: bool
    post_cue: bool


def tokenize(line: str) -> list[Token]:
    """Words of a line with their spans, segments and clauses.

    >>> [t.text for t in tokenize("Don't buy 10,000 followers!")]
    ['not', 'buy', '10,000', 'followers']
    """
    tokens: list[Token] = []
    segment = clause = 0
    for match in _LEXER.finditer(line):
        kind = match.lastgroup
        if kind in ("dash", "punct"):
            mark = match.group().strip()[:1]
            if kind == "dash" or mark in _MATCH_BREAKS:
                segment += 1
                clause += 1
            elif mark in _NEGATION_BREAKS:
                clause += 1
            continue
        text = "not" if kind == "neg" else normalise_word(match.group())
        # A currency sign counts like a number: "$500", "5000 ₽".
        money = kind == "money"
        if text in CONTRAST_WORDS:
            clause += 1
        tokens.append(
            Token(
                text=text,
                start=match.start(),
                end=match.end(),
                segment=segment,
                clause=clause,
                number=money or bool(_NUMBER.match(text)),
                stop=text in STOP_WORDS,
                cue=text in NEGATION_CUES,
                post_cue=text in POST_NEGATION_CUES or bool(_TURKISH_NEGATIVE_VERB.match(text)),
            )
        )
    return tokens


# --- indicator phrases ---------------------------------------------------------------------

AtomKind = Literal["stem", "prefix", "exact", "number"]
MIN_PREFIX = 3
MAX_PHRASE_WORDS = 5
MAX_VARIANTS = 24


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


def _alternative_atoms(alternative: str, language: IndicatorLanguage) -> list[Atom]:
    """The words one alternative (``buy``, ``накрут*``, ``=targeting``, ``<num>``) stands for."""
    if alternative == "<num>":
        return [Atom("number")]
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
        elif exact or word.cue or word.number:
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
    """
    return [
        Pattern(tactic, phrase, language, positions)
        for positions in _compile_positions(phrase, language)
    ]


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


# --- the taxonomy --------------------------------------------------------------------------


class TaxonomyError(ValueError):
    """A tactics file that does not meet the schema; names the file, line, tactic and field."""


class PlanError(ValueError):
    """A plan that cannot be checked: empty, binary-looking or too long."""

    def __init__(
        self, kind: Literal["empty", "binary", "too_long", "too_many_lines"], **params: int
    ):
        self.kind = kind
        self.params = params
        messages = {
            "empty": "the plan is empty: write one tactic a line",
            "binary": "the plan does not look like text (binary data or a wrong encoding; "
            "use UTF-8)",
            "too_long": f"the plan has {params.get('chars', 0):,} characters; the limit is "
            f"{MAX_PLAN_CHARS:,}",
            "too_many_lines": f"the plan has {params.get('lines', 0):,} lines; the limit is "
            f"{MAX_PLAN_LINES:,}",
        }
        super().__init__(messages[kind])


def _https(value: str) -> str:
    if not value.startswith("https://") or len(value) <= len("https://x.y"):
        raise ValueError("url must be an https:// address")
    return value


def _web(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError("via must be a web address (http:// or https://)")
    return value


def _region_code(value: str) -> str:
    code = normalise_region(value)
    if code != value or code == WORLDWIDE:
        raise ValueError(f"region must be an ISO 3166-1 alpha-2 code such as {code!r}")
    return code


HttpsUrl = Annotated[str, AfterValidator(_https)]
WebUrl = Annotated[str, AfterValidator(_web)]
RegionCode = Annotated[str, AfterValidator(_region_code)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(_Model):
    """A text in English and Russian."""

    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    @field_validator("ru")
    @classmethod
    def _cyrillic(cls, value: str) -> str:
        if not re.search("[а-яё]", value, re.IGNORECASE):
            raise ValueError("the Russian text has no Cyrillic letter")
        return value

    def get(self, language: TextLanguage) -> str:
        return self.ru if language == "ru" else self.en


class Rule(_Model):
    """A rule a tactic touches: who says so, where, and what it says (paraphrased)."""

    source: str = Field(min_length=3)
    url: HttpsUrl
    via: WebUrl | None = None
    what: str = Field(min_length=10)
    checked: date | None = None


class Context(_Model):
    """Where the plan will run: a country, a platform, and the day the verdict is for.

    >>> Context(region="russia").region, Context(region="WW").region
    ('RU', None)
    """

    region: str | None = None
    platform: str | None = Field(default=None, pattern=r"^[a-z]+$")
    on: date = Field(default_factory=date.today)

    @field_validator("region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError("region must be a country code or name")
        code = normalise_region(value)
        return None if code == WORLDWIDE else code


class Override(_Model):
    """A platform or region where a tactic's verdict differs from its usual one."""

    platform: str | None = Field(default=None, pattern=r"^[a-z]+$")
    region: RegionCode | None = None
    outside_region: RegionCode | None = None
    since: date | None = None
    verdict: Verdict
    note: Text

    @model_validator(mode="after")
    def _one_condition(self) -> Override:
        given = [name for name in ("platform", "region", "outside_region") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("an override needs exactly one of platform, region, outside_region")
        return self

    def applies(self, context: Context) -> bool:
        if self.since and context.on < self.since:
            return False
        if self.platform:
            return context.platform == self.platform
        if self.region:
            return context.region == self.region
        return context.region is not None and context.region != self.outside_region


def _phrases(value: tuple[str, ...], info: Any) -> tuple[str, ...]:
    language = info.field_name
    seen = set()
    for phrase in value:
        if phrase.casefold() in seen:
            raise ValueError(f"{phrase!r} is listed twice")
        seen.add(phrase.casefold())
        try:
            compile_phrase("check", phrase, language)
        except ValueError as error:
            raise ValueError(f"phrase {phrase!r}: {error}") from None
    return value


class Indicators(_Model):
    """Phrases that signal a tactic, by language (Turkish optional)."""

    en: tuple[str, ...] = Field(min_length=1)
    ru: tuple[str, ...] = Field(min_length=1)
    fr: tuple[str, ...] = Field(min_length=1)
    tr: tuple[str, ...] = ()

    _check = field_validator("en", "ru", "fr", "tr")(_phrases)

    def items(self) -> Iterable[tuple[IndicatorLanguage, tuple[str, ...]]]:
        return ((language, getattr(self, language)) for language in INDICATOR_LANGUAGES)


class Tactic(_Model):
    """A promotion tactic with its verdict, the rules behind it and a safer alternative."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    verdict: Verdict
    seed: bool = False
    why: Text
    alternative: Text
    overrides: tuple[Override, ...] = ()
    rules: tuple[Rule, ...] = Field(min_length=1)
    indicators: Indicators

    @model_validator(mode="after")
    def _overrides_differ(self) -> Tactic:
        for override in self.overrides:
            if override.verdict == self.verdict:
                raise ValueError(
                    f"an override must change the verdict, and {self.verdict!r} is already it"
                )
        return self

    def verdict_for(self, context: Context) -> tuple[Verdict, tuple[Override, ...]]:
        """The verdict where the plan runs, and the overrides that made it differ.

        Where several overrides apply (a platform and a region), the most severe one wins.
        """
        applied = tuple(o for o in self.overrides if o.applies(context))
        if not applied:
            return self.verdict, ()
        worst = max(applied, key=lambda o: SEVERITY[o.verdict])
        return worst.verdict, applied


@dataclass(frozen=True)
class Taxonomy:
    """The validated tactics and the index that finds their phrases in a line."""

    tactics: tuple[Tactic, ...]
    source: Path
    by_id: dict[str, Tactic] = field(init=False)
    matcher: Matcher = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {tactic.id: tactic for tactic in self.tactics})
        object.__setattr__(self, "matcher", Matcher(self.tactics))

    def __getitem__(self, tactic_id: str) -> Tactic:
        return self.by_id[tactic_id]


def _node_at(node: yaml.Node, path: Sequence[str | int]) -> yaml.Node:
    """The YAML node a validation error points to, as deep as the path goes."""
    for part in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    break
            else:
                return node
        else:
            return node
    return node


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path.name}, line {node.start_mark.line + 1}, column {node.start_mark.column + 1}"


def _reject_duplicate_keys(path: Path, node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise TaxonomyError(f"{_where(path, key)}: key {key.value!r} is given twice")
            seen.add(key.value)
            _reject_duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(path, item)


def load_taxonomy(path: Path = TACTICS_PATH, platforms: Collection[str] | None = None) -> Taxonomy:
    """Read and validate a tactics file; ``platforms`` are the ids overrides may name.

    Without ``platforms``, the ids come from ``data/platforms.csv``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise TaxonomyError(f"{path.name}: cannot be read ({reason})") from None
    # libyaml's parser when present (ten times faster); the nodes keep line numbers for errors.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise TaxonomyError(f"{path.name}{where}: not valid YAML ({problem})") from None
    finally:
        loader.dispose()
    if root is None or not isinstance(data, list) or not data:
        raise TaxonomyError(f"{path.name}, line 1: expected a list of tactics")
    _reject_duplicate_keys(path, root)
    known_platforms = set(platforms if platforms is not None else load_dataset().platforms)

    tactics: list[Tactic] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        item_node = root.value[index]
        name = item.get("id", f"#{index + 1}") if isinstance(item, dict) else f"#{index + 1}"
        try:
            tactic = Tactic.model_validate(item)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            node = _node_at(item_node, first["loc"])
            field_name = ".".join(str(part) for part in first["loc"]) or "(tactic)"
            message = str(first["msg"]).removeprefix("Value error, ")
            raise TaxonomyError(
                f"{_where(path, node)}, tactic {name!r}, field {field_name}: {message}"
            ) from None
        if tactic.id in seen:
            raise TaxonomyError(
                f"{_where(path, item_node)}, tactic {tactic.id!r}, field id: "
                f"already used by tactic #{seen[tactic.id] + 1}"
            )
        seen[tactic.id] = index
        for number, override in enumerate(tactic.overrides):
            if override.platform and override.platform not in known_platforms:
                node = _node_at(item_node, ["overrides", number, "platform"])
                raise TaxonomyError(
                    f"{_where(path, node)}, tactic {tactic.id!r}, field "
                    f"overrides.{number}.platform: unknown platform {override.platform!r}; "
                    f"known: {', '.join(sorted(known_platforms))}"
                )
        tactics.append(tactic)
    return Taxonomy(tuple(tactics), path)


# --- matching ------------------------------------------------------------------------------


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


def _typo_limit(length: int) -> int:
    """Edits tolerated in a stem of this length: none in short words, where a typo is a word."""
    return 0 if length < 5 else (1 if length < 8 else 2)


class Matcher:
    """An index from words to the phrases they can start, built once per taxonomy."""

    def __init__(self, tactics: Sequence[Tactic]) -> None:
        self.patterns: list[Pattern] = []
        self._stems: dict[tuple[IndicatorLanguage, str], list[tuple[int, int]]] = defaultdict(list)
        self._exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._prefixes: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self._numbers: list[tuple[int, int]] = []
        self._fuzzy: dict[tuple[IndicatorLanguage, str], set[str]] = defaultdict(set)
        # Plans repeat words; stemming a word in four languages is the costly part.
        self._cache: dict[tuple[str, bool], frozenset[tuple[int, int]]] = {}
        for tactic in tactics:
            for language, phrases in tactic.indicators.items():
                for phrase in phrases:
                    for pattern in compile_phrase(tactic.id, phrase, language):
                        self._add(pattern)

    def _add(self, pattern: Pattern) -> None:
        index = len(self.patterns)
        self.patterns.append(pattern)
        for position, atoms in enumerate(pattern.positions):
            for atom in atoms:
                ref = (index, position)
                if atom.kind == "stem":
                    self._stems[(atom.language, atom.value)].append(ref)
                    if _typo_limit(len(atom.value)):
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
        if not token.text.replace("#", "").isalpha():
            return refs
        for language in INDICATOR_LANGUAGES:
            word_stem = stem(token.text, language)
            found = self._stems.get((language, word_stem))
            if found:
                refs.update(found)
                continue
            limit = _typo_limit(len(word_stem))
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
            hits.extend(Hit(pattern, found) for found in _assignments(tokens, prefix, choices))
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


def _assignments(
    tokens: Sequence[Token], prefix: list[int], choices: list[list[int]]
) -> list[tuple[int, ...]]:
    """Every occurrence of a phrase: distinct tokens, one per phrase word, in one segment.

    Occurrences do not share tokens; the tightest win. Only candidates close to each other
    are combined, so a long line full of one word stays fast: the words of an occurrence are
    at most ``len(choices) - 1 + slack`` counted words apart.
    """
    allowed = _slack(len(choices))
    reach = len(choices) - 1 + allowed
    ranks = [[prefix[i] for i in options] for options in choices]
    found: list[tuple[int, int, tuple[int, ...]]] = []
    for anchor in choices[0]:
        rank = prefix[anchor]
        nearby = [[anchor]]
        for options, option_ranks in zip(choices[1:], ranks[1:], strict=True):
            low = bisect.bisect_left(option_ranks, rank - reach)
            high = bisect.bisect_right(option_ranks, rank + reach)
            nearby.append(options[low:high])
        best: tuple[int, int, tuple[int, ...]] | None = None
        for combination in itertools.product(*nearby):
            if len(set(combination)) != len(combination):
                continue
            first, last = min(combination), max(combination)
            if tokens[first].segment != tokens[last].segment:
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


PRE_NEGATION_REACH = 3
POST_NEGATION_REACH = 2


def _negation_before(hit: Hit, tokens: Sequence[Token]) -> int | None:
    """Where a negation word shortly before the phrase starts, in the same clause."""
    clause = tokens[hit.low].clause
    for i in range(hit.low - 1, max(-1, hit.low - 1 - PRE_NEGATION_REACH), -1):
        if tokens[i].clause != clause or tokens[i].text in NEGATION_BREAKERS:
            return None
        if tokens[i].cue:
            return i
    return None


def _negated_inside_or_after(hit: Hit, tokens: Sequence[Token]) -> bool:
    """A negation word within the phrase's span (not one the phrase contains), or just after."""
    chosen = set(hit.tokens)
    for i in range(hit.low + 1, hit.high):
        if i not in chosen and tokens[i].cue and tokens[i].clause == tokens[hit.low].clause:
            return True
    clause = tokens[hit.high].clause
    for i in range(hit.high + 1, min(len(tokens), hit.high + 1 + POST_NEGATION_REACH)):
        if tokens[i].clause != clause:
            return False
        if tokens[i].post_cue:
            return True
    return False


def _carried_over(previous: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "no bots or fake followers": a negation reaches the next item over a conjunction."""
    between = tokens[previous.high + 1 : hit.low]
    return (
        0 < len(between) <= 2
        and all(t.clause == tokens[hit.low].clause for t in between)
        and any(t.text in CONJUNCTIONS for t in between)
        and all(t.text in CONJUNCTIONS or t.stop or t.cue for t in between)
    )


def apply_negation(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """Mark the hits the line negates ("no bots", "не покупаем подписчиков", "bot takipçi yok")."""
    result: list[Hit] = []
    # Hits that end before the current one starts, to carry a negation over "and"/"or": the
    # ones ending last are the previous item. Hits come sorted by start, so a min-heap of
    # ends tells which have ended.
    pending: list[tuple[int, int]] = []
    last_end, last_hits = -1, list[Hit]()
    for hit in sorted(hits, key=lambda h: (h.low, h.high)):
        while pending and pending[0][0] < hit.low:
            end, index = heapq.heappop(pending)
            if end > last_end:
                last_end, last_hits = end, [result[index]]
            elif end == last_end:
                last_hits.append(result[index])
        start = _negation_before(hit, tokens)
        if start is None and _negated_inside_or_after(hit, tokens):
            start = hit.low
        if start is None:
            previous = [h for h in last_hits if h.negated]
            if previous and _carried_over(previous[0], hit, tokens):
                start = previous[0].negation_start
        result.append(Hit(hit.pattern, hit.tokens, start is not None, start))
        heapq.heappush(pending, (hit.high, len(result) - 1))
    return result


def find_hits(line: str, taxonomy: Taxonomy) -> tuple[list[Token], list[Hit]]:
    """The tokens of a line and every phrase found in it, negations marked."""
    tokens = tokenize(line)
    return tokens, apply_negation(taxonomy.matcher.find(tokens), tokens)


# --- results -------------------------------------------------------------------------------


class LineResult(_Model):
    """The verdict on one line of a plan, with the evidence for it."""

    number: int = Field(ge=1, description="line number in the pasted plan")
    line: str
    verdict: LineVerdict
    tactics: tuple[str, ...] = Field(description="tactics the line uses, most severe first")
    matched: tuple[str, ...] = Field(description="the words that matched, as written")
    avoided: tuple[str, ...] = Field(default=(), description="tactics the line says it avoids")
    rules: tuple[Rule, ...] = ()
    alternative: Text | None = None
    notes: tuple[Text, ...] = Field(default=(), description="why a platform or region changed it")


class PlanCheck(_Model):
    """A whole plan checked in one context."""

    context: Context
    lines: tuple[LineResult, ...]

    def counts(self) -> dict[LineVerdict, int]:
        counts = dict.fromkeys(LINE_VERDICTS, 0)
        for line in self.lines:
            counts[line.verdict] += 1
        return counts

    def worst_first(self) -> tuple[LineResult, ...]:
        """Lines by verdict (black, gray, unrecognized, white), in plan order within each."""
        order = {verdict: rank for rank, verdict in enumerate(LINE_VERDICTS)}
        return tuple(sorted(self.lines, key=lambda line: (order[line.verdict], line.number)))

    @property
    def worst(self) -> LineVerdict | None:
        return self.worst_first()[0].verdict if self.lines else None


def _surface(line: str, tokens: Sequence[Token], low: int, high: int) -> str:
    return " ".join(line[tokens[low].start : tokens[high].end].split())


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _spans(line: str, tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    """The text of each span, in line order, overlapping spans joined into one."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(set(spans)):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return _dedupe(_surface(line, tokens, low, high) for low, high in merged)


def judge(
    number: int,
    line: str,
    *,
    tokens: Sequence[Token],
    hits: Sequence[Hit],
    taxonomy: Taxonomy,
    context: Context,
) -> LineResult:
    """The verdict on a line from the phrases found in it."""
    used = [hit for hit in hits if not hit.negated]
    if not used:
        avoided = [
            hit for hit in hits if taxonomy[hit.pattern.tactic].verdict_for(context)[0] != "white"
        ]
        if avoided:
            return LineResult(
                number=number,
                line=line,
                verdict="white",
                tactics=(),
                matched=_spans(
                    line,
                    tokens,
                    (
                        (hit.low if hit.negation_start is None else hit.negation_start, hit.high)
                        for hit in avoided
                    ),
                ),
                avoided=_dedupe(hit.pattern.tactic for hit in sorted(avoided, key=lambda h: h.low)),
            )
        return LineResult(number=number, line=line, verdict="unrecognized", tactics=(), matched=())
    first_seen: dict[str, int] = {}
    for hit in sorted(used, key=lambda h: h.low):
        first_seen.setdefault(hit.pattern.tactic, hit.low)
    verdicts = {tactic: taxonomy[tactic].verdict_for(context) for tactic in first_seen}
    ordered = sorted(first_seen, key=lambda t: (-SEVERITY[verdicts[t][0]], first_seen[t]))
    verdict = verdicts[ordered[0]][0]
    deciding = [tactic for tactic in ordered if verdicts[tactic][0] == verdict]
    rules = _dedupe(rule for tactic in deciding for rule in taxonomy[tactic].rules)
    notes = _dedupe(o.note for tactic in ordered for o in verdicts[tactic][1])
    return LineResult(
        number=number,
        line=line,
        verdict=verdict,
        tactics=tuple(ordered),
        matched=_spans(line, tokens, ((hit.low, hit.high) for hit in used)),
        rules=rules,
        alternative=taxonomy[deciding[0]].alternative,
        notes=notes,
    )


def check_line(
    line: str, taxonomy: Taxonomy, context: Context | None = None, number: int = 1
) -> LineResult:
    """The verdict on one line of a plan."""
    tokens, hits = find_hits(line, taxonomy)
    return judge(
        number,
        line.strip(),
        tokens=tokens,
        hits=hits,
        taxonomy=taxonomy,
        context=context or Context(),
    )


def decode_plan(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; else PlanError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise PlanError("binary") from None
    if b"\x00" in data:
        raise PlanError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError("binary") from None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    odd = sum(
        1
        for char in text
        if char == "\ufffd"
        or (unicodedata.category(char) in ("Cc", "Cs", "Co") and char not in "\t\n\r")
    )
    return odd > max(3, len(text) // 100)


def plan_lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a plan with their line numbers; PlanError for bad input."""
    if len(text) > MAX_PLAN_CHARS:
        raise PlanError("too_long", chars=len(text))
    if _looks_binary(text):
        raise PlanError("binary")
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise PlanError("empty")
    if len(lines) > MAX_PLAN_LINES:
        raise PlanError("too_many_lines", lines=len(lines))
    return lines


def check_plan(text: str, taxonomy: Taxonomy, context: Context | None = None) -> PlanCheck:
    """Every non-empty line of a plan, in order; raises PlanError for input it cannot check."""
    context = context or Context()
    return PlanCheck(
        context=context,
        lines=tuple(
            check_line(line, taxonomy, context, number) for number, line in plan_lines(text)
        ),
    )


def check_tactics(
    tactic_ids: Sequence[str],
    taxonomy: Taxonomy,
    context: Context | None = None,
    language: TextLanguage = "en",
) -> PlanCheck:
    """A plan given as a checklist of tactic ids: each tactic is a line named in the language."""
    context = context or Context()
    lines = []
    for number, tactic_id in enumerate(tactic_ids, 1):
        tactic = taxonomy[tactic_id]
        verdict, applied = tactic.verdict_for(context)
        lines.append(
            LineResult(
                number=number,
                line=tactic.name.get(language),
                verdict=verdict,
                tactics=(tactic.id,),
                matched=(),
                rules=tactic.rules,
                alternative=tactic.alternative,
                notes=tuple(o.note for o in applied),
            )
        )
    return PlanCheck(context=context, lines=tuple(lines))


__all__ = [
    "INDICATOR_LANGUAGES",
    "LINE_VERDICTS",
    "TACTICS_PATH",
    "VERDICTS",
    "Context",
    "LineResult",
    "LineVerdict",
    "Override",
    "PlanCheck",
    "PlanError",
    "Rule",
    "Tactic",
    "Taxonomy",
    "TaxonomyError",
    "Text",
    "Verdict",
    "check_line",
    "check_plan",
    "check_tactics",
    "decode_plan",
    "load_taxonomy",
    "plan_lines",
    "stem",
    "tokenize",
]
