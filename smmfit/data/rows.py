"""The rows of the sourced data files and the validated dataset they form.

Each data file has one row model here (``Figure``, ``PlatformInfo``, ``Availability``,
``SegmentSignal``, ``PopulationRow``); :class:`Dataset` holds them all, validated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import Field, field_validator

from smmfit.models import PlatformKind, Status, Zone, normalise_region
from smmfit.types import FrozenRow, HttpsUrl, Year

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


Dimension = Literal["gender", "age", "device", "os", "total", "audience", "education"]


Unit = Literal["pct_of_platform_audience", "pct_of_group_using", "million_people"]


# "user" marks figures a user uploaded for their session (smmfit.upload); data files never
# carry it. The choice rule prefers it over every other authority (evidence.choice_key).
Authority = Literal["user", "primary", "secondary", "low"]


AudienceKind = Literal["mau", "monthly_reach", "ad_audience", "dau", "daily_reach"]


AUTHORITIES: tuple[Authority, ...] = get_args(Authority)


AUDIENCE_KINDS: tuple[str, ...] = get_args(AudienceKind)


# Published shares are rounded (to whole numbers or one decimal); with up to seven age bands
# rounded to whole numbers a complete distribution can miss 100 by up to 3.5 points.
SUM_TOLERANCE_PCT = 3.5


AGE_BAND = re.compile(r"^(?P<lo>\d{1,3})(?:-(?P<hi>\d{1,3})|(?P<plus>\+))$")


# Which categories each dimension and unit admits; age bands are checked by pattern instead.
_CATEGORIES: dict[tuple[str, str], frozenset[str]] = {
    ("gender", "pct_of_platform_audience"): frozenset({"female", "male"}),
    ("gender", "pct_of_group_using"): frozenset({"female", "male"}),
    ("device", "pct_of_platform_audience"): frozenset({"mobile", "desktop"}),
    ("os", "pct_of_platform_audience"): frozenset({"ios", "android", "windows", "macos"}),
    ("total", "pct_of_group_using"): frozenset({"all"}),
    ("audience", "million_people"): frozenset(AUDIENCE_KINDS),
    ("education", "pct_of_group_using"): frozenset({"bachelor+", "some_college", "hs_or_less"}),
}


_AGE_UNITS = frozenset({"pct_of_platform_audience", "pct_of_group_using"})


class DataError(ValueError):
    """A data file that does not meet the schema; the message names file, line and column."""


def parse_age_band(text: str) -> tuple[int, int]:
    """``"18-24"`` -> (18, 24); ``"65+"`` -> (65, 100): open bands close at the oldest age.

    >>> parse_age_band("65+")
    (65, 100)
    """
    match = AGE_BAND.match(text.strip())
    if not match:
        raise ValueError(f"age band {text!r} is not of the form 18-24 or 65+")
    low = int(match["lo"])
    high = 100 if match["plus"] else int(match["hi"])
    if not low <= high <= 100:
        raise ValueError(f"age band {text!r} must run from a lower to a higher age, at most 100")
    return low, high


class Figure(FrozenRow):
    """One sourced figure: ``platform_demographics.csv`` holds one per row."""

    platform: str
    region: str
    dimension: Dimension
    # unit comes before category, universe and value: their checks depend on it.
    unit: Unit
    category: str
    universe: str = ""
    value: float = Field(ge=0, allow_inf_nan=False)
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    authority: Authority
    notes: str = ""

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        code = normalise_region(value)
        if code != value:
            raise ValueError(f"region must be written as its code {code!r}")
        return code

    @field_validator("category")
    @classmethod
    def _category(cls, value: str, info: Any) -> str:
        dimension, unit = info.data.get("dimension"), info.data.get("unit")
        if dimension is None or unit is None:
            return value  # the dimension or unit error is reported on its own column
        if dimension == "age" and unit in _AGE_UNITS:
            parse_age_band(value)
            return value
        allowed = _CATEGORIES.get((dimension, unit))
        if allowed is None:
            raise ValueError(f"dimension {dimension!r} cannot be measured in unit {unit!r}")
        if value not in allowed:
            raise ValueError(f"category must be one of {', '.join(sorted(allowed))}")
        return value

    @field_validator("universe")
    @classmethod
    def _universe(cls, value: str, info: Any) -> str:
        penetration = info.data.get("unit") == "pct_of_group_using"
        if penetration and not value:
            raise ValueError("penetration figures need the surveyed ages, e.g. 18+ or 12+")
        if not penetration and value:
            raise ValueError("only pct_of_group_using figures take a universe")
        if value:
            parse_age_band(value)
        return value

    @field_validator("value")
    @classmethod
    def _percent(cls, value: float, info: Any) -> float:
        if str(info.data.get("unit", "")).startswith("pct") and value > 100:
            raise ValueError("a percentage cannot be above 100")
        return value


class PlatformInfo(FrozenRow):
    """A tracked network: ``platforms.csv``."""

    id: str = Field(pattern=r"^[a-z]+$")
    name: str = Field(min_length=1)
    zone: Zone
    # A messenger's users are reached through channels, business accounts, bots and
    # click-to-chat ads, not a feed: the outputs say so where one is ranked.
    kind: PlatformKind = "network"
    aliases: str = ""
    website: HttpsUrl
    notes: str = ""


ScopeKind = Literal["service", "ages", "ads", "feature"]


# What a record covers: empty for the whole service, "ages:0-15" for an age group (Australia's
# under-16 rule), "ads" for advertising only, "feature:calls" for one feature.
SCOPE = re.compile(
    r"^(?:ages:(?P<lo>\d{1,3})-(?P<hi>\d{1,3})|(?P<ads>ads)|feature:(?P<feature>[a-z][a-z_]*))?$"
)


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_since(text: str) -> date | None:
    """The first day a ``since`` can mean: ``"2009"`` -> 1 Jan 2009, ``"2022-03"`` -> 1 Mar.

    Empty (never offered) is ``None``: such a record holds from the start of time.

    >>> parse_since("2022-03"), parse_since("2009-07-07"), parse_since("")
    (datetime.date(2022, 3, 1), datetime.date(2009, 7, 7), None)
    """
    if not text:
        return None
    year, month, day = (*(int(part) for part in text.split("-")), 1, 1)[:3]
    return date(year, month, day)


class Availability(FrozenRow):
    """One event in a network's availability in a country: ``availability.csv``.

    In force from ``since`` (its first day when only the year or month is known) up to the
    day before ``until``; ``until`` empty means still in force. ``scope`` narrows it to an
    age group, to ads, or to one feature (:data:`SCOPE`).

    >>> record = Availability(platform="x", region="TR", status="restricted",
    ...     since="2025-03-19", until="2025-03-21", reason="Throttled", source="Bianet",
    ...     url="https://bianet.org/x", year=2025)
    >>> record.start, record.until, record.scope_kind
    (datetime.date(2025, 3, 19), datetime.date(2025, 3, 21), 'service')
    """

    platform: str
    region: str
    status: Status
    # Empty when the network was never offered there (TikTok in mainland China).
    since: str = Field(default="", pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
    # The day the event ended or was lifted (ISO date); empty while it is still in force.
    until: date | None = None
    scope: str = ""
    reason: str = Field(min_length=3)
    # The reason in Russian, for the Russian interface; English is shown where it is empty.
    reason_ru: str = ""
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    notes: str = ""

    @field_validator("since")
    @classmethod
    def _since(cls, value: str) -> str:
        try:
            parse_since(value)
        except ValueError:
            raise ValueError(f"since {value!r} is not a calendar date") from None
        return value

    @field_validator("until", mode="before")
    @classmethod
    def _until_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            if not ISO_DAY.match(text):
                raise ValueError("until must be a day written YYYY-MM-DD, or empty")
        return value

    @field_validator("until")
    @classmethod
    def _until_after_since(cls, value: date | None, info: Any) -> date | None:
        since = info.data.get("since")
        start = parse_since(since) if since else None
        if value is not None and start is not None and value <= start:
            raise ValueError(f"until {value.isoformat()} must be after since {since}")
        return value

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: str) -> str:
        match = SCOPE.match(value)
        if match is None:
            raise ValueError(
                "scope must be empty (the whole service), ages:LOW-HIGH, ads or feature:NAME"
            )
        if match["lo"] is not None and not int(match["lo"]) <= int(match["hi"]) <= 100:
            raise ValueError(f"scope {value!r}: ages must run from a lower to a higher age")
        return value

    # Parsed once per record: the in-force rule reads them for every network of every ranking.
    @cached_property
    def start(self) -> date | None:
        """The first day in force (:func:`parse_since`); ``None`` for never offered."""
        return parse_since(self.since)

    @cached_property
    def _scope_match(self) -> re.Match[str]:
        match = SCOPE.match(self.scope)
        assert match is not None  # checked at validation
        return match

    @cached_property
    def scope_kind(self) -> ScopeKind:
        match = self._scope_match
        if match["lo"] is not None:
            return "ages"
        if match["ads"]:
            return "ads"
        if match["feature"]:
            return "feature"
        return "service"

    @cached_property
    def scope_ages(self) -> tuple[int, int] | None:
        """The ages an ``ages`` scope covers, both ends included."""
        match = self._scope_match
        return None if match["lo"] is None else (int(match["lo"]), int(match["hi"]))

    @cached_property
    def scope_feature(self) -> str:
        """The feature a ``feature`` scope names (``"calls"``), else ``""``."""
        return self._scope_match["feature"] or ""

    def reason_in(self, language: str) -> str:
        """The reason in the language when the data has it, else in English."""
        return self.reason_ru if language == "ru" and self.reason_ru else self.reason


class SegmentSignal(FrozenRow):
    """Evidence of a network's use for B2B or B2C marketing: ``segment_signals.csv``."""

    platform: str
    segment: Literal["b2b", "b2c"]
    signal: str = Field(pattern=r"^[a-z0-9_]+$")
    value: float = Field(ge=0, le=100)
    unit: Literal["pct"]
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    authority: Authority
    notes: str = ""


class PopulationRow(FrozenRow):
    """People by region, sex and age band: ``population.csv``."""

    region: str
    sex: Literal["female", "male"]
    age: str
    value: float = Field(ge=0)
    unit: Literal["thousand_people"]
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    notes: str = ""

    @field_validator("age")
    @classmethod
    def _age(cls, value: str) -> str:
        parse_age_band(value)
        return value


@dataclass(frozen=True)
class Dataset:
    """Everything in ``data/``, validated. Scoring reads nothing else."""

    figures: tuple[Figure, ...]
    platforms: dict[str, PlatformInfo]
    # Each network's history in each country, oldest first (smmfit.data.availability says
    # which record is in force on a date).
    availability: dict[tuple[str, str], tuple[Availability, ...]]
    segment_signals: tuple[SegmentSignal, ...]
    population: tuple[PopulationRow, ...]
    aliases: dict[str, str] = field(default_factory=dict)

    def platform_id(self, name: str) -> str:
        """The platform id for an id or alias (``twitter`` -> ``x``)."""
        key = name.strip().lower()
        if key in self.platforms:
            return key
        if key in self.aliases:
            return self.aliases[key]
        raise DataError(f"unknown platform {name!r}: use one of {', '.join(self.platforms)}")

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted({figure.region for figure in self.figures}))
