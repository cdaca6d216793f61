"""The tactic taxonomy: the models of ``data/tactics.yaml`` and the loader that validates it.

A :class:`Tactic` has a verdict (white, gray or black), the :class:`Rule` s it touches, a
safer alternative, the :class:`Override` s where a platform or region changes the verdict,
and its :class:`Indicators` (phrases by language). A :class:`Context` says where a plan runs.
``load_taxonomy`` validates the file once; an error names the file, line, tactic and field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from smmfit.data import DATA_DIR, load_platforms
from smmfit.models import WORLDWIDE, normalise_region
from smmfit.tactics.lexicon import INDICATOR_LANGUAGES, WORD_CLASSES, IndicatorLanguage, Token
from smmfit.tactics.matcher import Hit, Matcher
from smmfit.tactics.phrases import Pattern, compile_phrase
from smmfit.types import FrozenRow, HttpsUrl, WebUrl

TACTICS_PATH = DATA_DIR / "tactics.yaml"

Verdict = Literal["white", "gray", "black"]
TextLanguage = Literal["en", "ru"]

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
SEVERITY: dict[Verdict, int] = {"white": 0, "gray": 1, "black": 2}


class TaxonomyError(ValueError):
    """A tactics file that does not meet the schema; names the file, line, tactic and field."""


def _region_code(value: str) -> str:
    code = normalise_region(value)
    if code != value or code == WORLDWIDE:
        raise ValueError(f"region must be an ISO 3166-1 alpha-2 code such as {code!r}")
    return code


RegionCode = Annotated[str, AfterValidator(_region_code)]


class Text(FrozenRow):
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


class Rule(FrozenRow):
    """A rule a tactic touches: who says so, where, and what it says (paraphrased)."""

    source: str = Field(min_length=3)
    url: HttpsUrl
    via: WebUrl | None = None
    what: str = Field(min_length=10)
    checked: date | None = None


class Context(FrozenRow):
    """Where the plan will run: a country, a platform, and the day the verdict is for.

    >>> Context(region="russia").region, Context(region="WW").region
    ('RU', None)
    """

    region: str | None = None
    platform: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
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


class Override(FrozenRow):
    """A platform or region where a tactic's verdict differs from its usual one."""

    platform: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
    region: RegionCode | None = None
    outside_region: RegionCode | None = None
    since: date | None = None
    # The tactic whose phrases the line must also show: Instagram allows tags of real friends
    # ("tag a real friend"), so a tag-to-enter line that does not say so stays gray there.
    needs: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    verdict: Verdict
    note: Text

    @model_validator(mode="after")
    def _one_condition(self) -> Override:
        given = [name for name in ("platform", "region", "outside_region") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("an override needs exactly one of platform, region, outside_region")
        return self

    def applies(self, context: Context, found: Collection[str] = ()) -> bool:
        """Whether it holds where the plan runs, for a line showing the tactics ``found``."""
        if self.since and context.on < self.since:
            return False
        if self.needs and self.needs not in found:
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


class Indicators(FrozenRow):
    """Phrases that signal a tactic, by language (Turkish and Thai optional)."""

    en: tuple[str, ...] = Field(min_length=1)
    ru: tuple[str, ...] = Field(min_length=1)
    fr: tuple[str, ...] = Field(min_length=1)
    tr: tuple[str, ...] = ()
    th: tuple[str, ...] = ()

    _check = field_validator("en", "ru", "fr", "tr", "th")(_phrases)

    def items(self) -> Iterable[tuple[IndicatorLanguage, tuple[str, ...]]]:
        return ((language, getattr(self, language)) for language in INDICATOR_LANGUAGES)


class Tactic(FrozenRow):
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
    # A word class (``lexicon.WORD_CLASSES``) the line must name somewhere for the phrases to
    # count: "DM for the menu, auto-reply sends the prices" is the restricted-goods tactic
    # only in a line that names the goods, and the goods often stand in a heading or another
    # clause ("Vape shop: ..."), out of a phrase's reach.
    topic: str | None = None

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str | None) -> str | None:
        if value is not None and value not in WORD_CLASSES:
            raise ValueError(f"topic must be a word class of lexicon.WORD_CLASSES, not {value!r}")
        return value

    @model_validator(mode="after")
    def _overrides_differ(self) -> Tactic:
        for override in self.overrides:
            if override.verdict == self.verdict:
                raise ValueError(
                    f"an override must change the verdict, and {self.verdict!r} is already it"
                )
        return self

    def verdict_for(
        self, context: Context, found: Collection[str] = ()
    ) -> tuple[Verdict, tuple[Override, ...]]:
        """The verdict where the plan runs, for a line showing the tactics ``found``, and the
        overrides that made it differ.

        Where several overrides apply (a platform and a region), the most severe one wins.
        """
        applied = tuple(o for o in self.overrides if o.applies(context, found))
        if not applied:
            return self.verdict, ()
        worst = max(applied, key=lambda o: SEVERITY[o.verdict])
        return worst.verdict, applied

    def patterns(self) -> Iterator[Pattern]:
        """Its indicator phrases compiled, language by language, in the order they are listed."""
        for language, phrases in self.indicators.items():
            for phrase in phrases:
                yield from compile_phrase(self.id, phrase, language)

    def topic_patterns(self) -> Iterator[Pattern]:
        """Its topic's words compiled, one single-word phrase per language it has phrases in."""
        if self.topic is not None:
            for language, _ in self.indicators.items():
                yield from compile_phrase(self.id, f"@{self.topic}", language)


@dataclass(frozen=True)
class Taxonomy:
    """The validated tactics and the index that finds their phrases in a line."""

    tactics: tuple[Tactic, ...]
    source: Path
    by_id: dict[str, Tactic] = field(init=False)
    matcher: Matcher = field(init=False)
    topics: Matcher = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {tactic.id: tactic for tactic in self.tactics})
        patterns = (pattern for tactic in self.tactics for pattern in tactic.patterns())
        object.__setattr__(self, "matcher", Matcher(patterns))
        topics = (pattern for tactic in self.tactics for pattern in tactic.topic_patterns())
        object.__setattr__(self, "topics", Matcher(topics))

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """The phrases found in ``tokens``, less those of a tactic whose topic the line does
        not name (``Tactic.topic``)."""
        hits = self.matcher.find(tokens)
        topical = {hit.pattern.tactic for hit in hits if self.by_id[hit.pattern.tactic].topic}
        if not topical:
            return hits
        unnamed = topical - {hit.pattern.tactic for hit in self.topics.find(tokens)}
        return [hit for hit in hits if hit.pattern.tactic not in unnamed]

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
    known_platforms = set(platforms if platforms is not None else load_platforms())

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
    ids = {tactic.id for tactic in tactics}
    for index, tactic in enumerate(tactics):
        for number, override in enumerate(tactic.overrides):
            if override.needs and override.needs not in ids:
                node = _node_at(root.value[index], ["overrides", number, "needs"])
                raise TaxonomyError(
                    f"{_where(path, node)}, tactic {tactic.id!r}, field "
                    f"overrides.{number}.needs: unknown tactic {override.needs!r}"
                )
    return Taxonomy(tuple(tactics), path)
