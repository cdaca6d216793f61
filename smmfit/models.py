"""The persona a user describes, and the typed results scoring gives back.

>>> Persona(age_min=18, age_max=39, gender="female", region="ru", devices=["mobile"]).region
'RU'
>>> Persona(region="US", settlement="Rural").settlement
'rural'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal, get_args

import pycountry
from babel import Locale
from pydantic import (
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from smmfit.types import Frozen

Gender = Literal["female", "male", "any"]
OperatingSystem = Literal["ios", "android", "windows", "macos"]
Segment = Literal["b2c", "b2b"]
Goal = Literal["awareness", "sales", "loyalty"]
Status = Literal["available", "restricted", "blocked"]
Zone = Literal["american", "russian", "chinese", "japanese", "european"]
# A messenger (WhatsApp, Telegram, LINE, Max, WeChat, Messenger) is reached through its own
# formats: channels, business accounts, bots, click-to-chat ads.
PlatformKind = Literal["network", "messenger"]
Factor = Literal["reach", "match", "segment"]
Settlement = Literal["moscow_spb", "city_1m_plus", "rest", "urban", "suburban", "rural"]

GENDERS: tuple[Gender, ...] = get_args(Gender)
OPERATING_SYSTEMS: tuple[OperatingSystem, ...] = get_args(OperatingSystem)
SEGMENTS: tuple[Segment, ...] = get_args(Segment)
GOALS: tuple[Goal, ...] = get_args(Goal)
FACTORS: tuple[Factor, ...] = get_args(Factor)
SETTLEMENTS: tuple[Settlement, ...] = get_args(Settlement)

# Settlement types as practitioners target each country: Russia by Moscow and St Petersburg,
# the other cities of a million or more, and the rest; the US by urban, suburban and rural
# (Pew's community types). Other countries have none.
SETTLEMENTS_BY_REGION: dict[str, tuple[Settlement, ...]] = {
    "RU": ("moscow_spb", "city_1m_plus", "rest"),
    "US": ("urban", "suburban", "rural"),
}


def settlements_for(region: str) -> tuple[Settlement, ...]:
    """The settlement types a persona in ``region`` may name; () for a country without.

    >>> settlements_for("RU"), settlements_for("FR")
    (('moscow_spb', 'city_1m_plus', 'rest'), ())
    """
    return SETTLEMENTS_BY_REGION.get(region, ())


def _settlement_choices() -> str:
    return "; ".join(
        f"{', '.join(codes)} ({region})" for region, codes in SETTLEMENTS_BY_REGION.items()
    )


DEVICE_GROUPS: dict[str, tuple[OperatingSystem, ...]] = {
    "mobile": ("ios", "android"),
    "desktop": ("windows", "macos"),
    "any": OPERATING_SYSTEMS,
}
DEVICE_CHOICES: tuple[str, ...] = (*OPERATING_SYSTEMS, *DEVICE_GROUPS)

WORLDWIDE = "WW"
_WORLDWIDE_ALIASES = frozenset({"ww", "world", "worldwide", "global"})

MIN_AGE = 13  # the youngest age any tracked network admits; ages below are out of scope
MAX_AGE = 100

Age = Annotated[int, Field(ge=MIN_AGE, le=MAX_AGE)]


class RegionError(ValueError):
    """A region that is neither a known country nor worldwide."""


@lru_cache(maxsize=1024)
def normalise_region(value: str) -> str:
    """ISO 3166-1 alpha-2 code for a code, alpha-3 code or English country name, or WW.

    >>> normalise_region("rus"), normalise_region("Russia"), normalise_region("Турция")
    ('RU', 'RU', 'TR')
    """
    text = value.strip()
    if text.lower() in _WORLDWIDE_ALIASES:
        return WORLDWIDE
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        pass
    # Everyday names ("Russia", "Turkey", "Россия") are in CLDR, not in ISO's official list.
    code = _cldr_country_names().get(text.casefold())
    if code is None:
        raise RegionError(
            f"unknown country {value!r}: use an ISO 3166-1 alpha-2 code such as RU, US, CN, "
            "or WW for worldwide"
        )
    return code


@lru_cache(maxsize=1)
def _cldr_country_names() -> dict[str, str]:
    """Country names in English and Russian (CLDR, via Babel) to ISO alpha-2 codes."""
    names: dict[str, str] = {}
    for language in ("en", "ru"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                names[str(name).casefold()] = code
    return names


def expand_devices(values: str | list[str] | tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    """Operating systems named by a mix of OS names and groups, sorted and unique.

    >>> expand_devices(["mobile", "windows"])
    ('android', 'ios', 'windows')
    """
    if isinstance(values, str):
        return _expand_text(values)
    return _expand_items(tuple(values))


@lru_cache(maxsize=4096)
def _expand_text(values: str) -> tuple[str, ...]:
    # Spreadsheets and URLs separate lists with commas, semicolons or spaces.
    return _expand_items(tuple(values.replace(";", " ").replace(",", " ").split()))


def _expand_items(items: tuple[str, ...]) -> tuple[str, ...]:
    result: set[str] = set()
    for raw in items:
        item = str(raw).strip().lower()
        if not item:
            continue
        if item in DEVICE_GROUPS:
            result.update(DEVICE_GROUPS[item])
        elif item in OPERATING_SYSTEMS:
            result.add(item)
        else:
            raise ValueError(f"unknown device {raw!r}: use {', '.join(DEVICE_CHOICES)}")
    if not result:
        raise ValueError(f"no device given: use one or more of {', '.join(DEVICE_CHOICES)}")
    return tuple(sorted(result))


# The form's text box holds as many characters; a longer name from a link is rejected.
MAX_NAME_LENGTH = 120
# Control characters (C0, DEL, C1: NUL, BEL, ESC...) and the bidirectional overrides and
# isolates that can make a name display as something else. Names come from links, files and
# the form, and go into CSV, PPTX, HTML and the terminal.
# Those that are whitespace (TAB, LF, CR, NEL...) separate words: they become spaces.
_NAME_DROPS = {
    code: " " if chr(code).isspace() else None
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A))
}  # fmt: skip


def clean_name(text: str) -> str:
    r"""A persona name without control characters, its whitespace collapsed to single spaces.

    >>> clean_name(" a\x00b\x07c\x1bd\t e \x00 f\u202e ")
    'abcd e f'
    """
    # Most names are clean already (a batch checks a million): printable text has none of the
    # characters dropped above and no whitespace but the space.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.translate(_NAME_DROPS).split())


def clean_names(texts: list[str]) -> list[str]:
    """:func:`clean_name` of each text; a batch of names that are all clean already is
    recognised at once (their concatenation printable, and joined by NUL, no double space and
    no space next to a NUL or an end), not one name at a time.

    >>> clean_names(["Anna", "b  c"]), clean_names(["Anna", "Bob"])
    (['Anna', 'b c'], ['Anna', 'Bob'])
    """
    if "".join(texts).isprintable():
        joined = "\x00".join(texts)
        if not ("  " in joined or " \x00" in joined or "\x00 " in joined) and (
            joined[:1] != " " and joined[-1:] != " "
        ):
            return list(texts)
    return [clean_name(text) for text in texts]


class Persona(Frozen):
    """Who the campaign is for. Devices are stored as the operating systems they cover.

    ``settlement`` narrows the persona to a settlement type of its country (None: everyone);
    each country has its own types (:data:`SETTLEMENTS_BY_REGION`).
    """

    name: str = Field(default="", max_length=MAX_NAME_LENGTH)
    age_min: Age = 18
    age_max: Age = 65
    gender: Gender = "any"
    region: str = WORLDWIDE
    devices: tuple[OperatingSystem, ...] = OPERATING_SYSTEMS
    segment: Segment = "b2c"
    goal: Goal | None = None
    settlement: Settlement | None = None

    @field_validator("region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("region must be a country code or name")
        return normalise_region(value)

    @field_validator("devices", mode="before")
    @classmethod
    def _devices(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value, str | list | tuple | frozenset | set):
            raise ValueError("devices must be a list of device names")
        return expand_devices(tuple(value) if isinstance(value, set) else value)

    @field_validator("settlement", mode="before")
    @classmethod
    def _settlement(cls, value: Any) -> str | None:
        # Spreadsheets and links write codes in any case; an empty cell means everyone.
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        code = value.strip().lower() if isinstance(value, str) else value
        if code not in SETTLEMENTS:
            raise ValueError(f"unknown settlement type {value!r}: use {_settlement_choices()}")
        return str(code)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value)

    @model_validator(mode="after")
    def _age_order(self) -> Persona:
        if self.age_min > self.age_max:
            raise ValueError(f"age range: minimum {self.age_min} is above maximum {self.age_max}")
        return self

    @model_validator(mode="after")
    def _settlement_fits_region(self) -> Persona:
        allowed = settlements_for(self.region)
        if self.settlement is not None and self.settlement not in allowed:
            home = next(r for r, codes in SETTLEMENTS_BY_REGION.items() if self.settlement in codes)
            other = (
                f"{self.region} has {', '.join(allowed)}" if allowed else f"{self.region} has none"
            )
            raise ValueError(
                f"settlement: {self.settlement!r} is a settlement type of region {home}, "
                f"not {self.region} ({other})"
            )
        return self

    @property
    def all_devices(self) -> bool:
        return set(self.devices) == set(OPERATING_SYSTEMS)


def validation_messages(error: ValidationError) -> list[str]:
    """One plain line per problem, naming the field and what is allowed."""
    lines = []
    for item in error.errors(include_url=False):
        field = ".".join(str(part) for part in item["loc"])
        message = str(item["msg"]).removeprefix("Value error, ")
        # Whole-model checks have no location; their message names the fields itself.
        lines.append(f"{field}: {message}" if field else message)
    return lines


class Weights(Frozen):
    """Relative importance of each factor; only the ratios matter.

    >>> Weights(reach=2, match=1, segment=1).normalised()["reach"]
    0.5
    """

    # Practitioners test first where the largest share of the target audience is, so reach
    # dominates; a concentrated audience (match share, i.e. affinity) comes next, for organic
    # work; the segment factor counts only where its evidence describes the audience.
    reach: float = Field(default=0.85, ge=0, le=100)
    match: float = Field(default=0.1, ge=0, le=100)
    segment: float = Field(default=0.05, ge=0, le=100)
    restricted_penalty: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Multiplier on the score of a network that is restricted in the region.",
    )

    @model_validator(mode="after")
    def _not_all_zero(self) -> Weights:
        if self.reach + self.match + self.segment <= 0:
            raise ValueError("weights: at least one of reach, match, segment must be above 0")
        return self

    def normalised(self) -> dict[Factor, float]:
        total = self.reach + self.match + self.segment
        return {
            "reach": self.reach / total,
            "match": self.match / total,
            "segment": self.segment / total,
        }


# Goal presets shift the defaults: awareness buys reach, sales buy a concentrated audience.
GOAL_WEIGHTS: dict[Goal | None, Weights] = {
    None: Weights(),
    # Awareness buys as many of the audience as possible; sales and loyalty work better where
    # the audience is concentrated (fewer people outside it), but reach still leads.
    "awareness": Weights(reach=0.9, match=0.05, segment=0.05),
    "sales": Weights(reach=0.7, match=0.2, segment=0.1),
    "loyalty": Weights(reach=0.6, match=0.3, segment=0.1),
}


def default_weights(goal: Goal | None) -> Weights:
    return GOAL_WEIGHTS[goal]


class SourceRef(Frozen):
    source: str
    url: str
    year: int
    # True for the user's own uploaded figures: pages and exports mark them "your data".
    user: bool = False


class Note(Frozen):
    """A translatable message: a catalog key and its parameters (rendered by smmfit.i18n)."""

    key: str
    params: dict[str, str | int | float] = Field(default_factory=dict)


class FactorScore(Frozen):
    score: float | None = Field(description="0-100, or None when the data is missing")
    weight: float = Field(description="normalised weight, the weights sum to 1")
    points: float = Field(description="contribution to the composite score")


class PlatformResult(Frozen):
    platform: str
    name: str
    zone: Zone
    kind: PlatformKind = "network"
    rank: int | None
    score: float | None
    status: Status
    status_note: Note | None
    recommendable: bool
    match_share: float | None
    match_share_low: float | None
    match_share_high: float | None
    reach: float | None = Field(description="people in the target audience on this network")
    reach_low: float | None = Field(default=None, description="plausible low bound of reach")
    reach_high: float | None = Field(default=None, description="plausible high bound of reach")
    reach_estimated: bool = Field(
        default=False,
        description="part of the persona lies in cells no figure covers: reach is the centre "
        "of a range, not a measured figure",
    )
    audience: float | None = Field(description="people on this network in the region")
    affinity: float | None = Field(
        description="the persona's over- or under-representation, 100 = as in the population; "
        "None where a part of the persona has no sourced split (reach_estimated)"
    )
    factors: dict[Factor, FactorScore]
    gaps: tuple[Note, ...]
    sources: tuple[SourceRef, ...]

    @property
    def limited(self) -> bool:
        """Blocked, restricted, or with a feature or age group blocked: what the "blocked or
        restricted" lists show. A plain "available (again) since" record is history."""
        return self.status_note is not None and self.status_note.key != "status.available"


class Recommendation(Frozen):
    platform: str | None = Field(description="the network to test first")
    runner_up: str | None
    reasons: tuple[Note, ...]
    close_call: bool = Field(
        default=False, description="no network comes out first in most plausible scenarios"
    )
    contenders: tuple[str, ...] = Field(
        default=(), description="the networks a close call is between, most likely first"
    )


class Ranking(Frozen):
    persona: Persona
    weights: Weights
    include_blocked: bool
    as_of: date = Field(description="the day each network's availability is taken on")
    ranking: tuple[PlatformResult, ...]
    recommendation: Recommendation
