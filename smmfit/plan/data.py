"""The test plan's sourced data: cost figures (``data/costs.csv``) and content guidance
(``data/content.csv``), validated once at load like every other data file.

A cost row is a *range* from one source (``low`` to ``high``; a single published figure has
``low == high``). Ranges from different sources are kept apart and never averaged.

>>> data = load_plan_data()
>>> sorted({row.metric for row in data.costs if row.network == "tiktok"})[:3]
['cpc', 'cpm', 'ctr']
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from pydantic import Field, field_validator, model_validator

from smmfit.data import DATA_DIR, DataError, load_platforms, read_rows
from smmfit.models import WORLDWIDE, normalise_region
from smmfit.types import FrozenRow, HttpsUrl, Year

Currency = Literal["RUB", "USD", "EUR", "TRY", "THB", "CNY"]
CURRENCIES: tuple[Currency, ...] = get_args(Currency)

# The currency a plan's inputs start in for a persona's country (the user can change it).
_HOME_CURRENCY: dict[str, Currency] = {
    "RU": "RUB", "US": "USD", "TR": "TRY", "TH": "THB", "CN": "CNY",
    "FR": "EUR", "DE": "EUR", "IT": "EUR", "ES": "EUR", "NL": "EUR",
}  # fmt: skip


def home_currency(region: str) -> Currency:
    """The country's own currency where the plan offers it, else US dollars.

    >>> home_currency("RU"), home_currency("BR")
    ('RUB', 'USD')
    """
    return _HOME_CURRENCY.get(region, "USD")


Metric = Literal[
    "cpm",
    "cpc",
    "ctr",
    "min_bid_cpm",
    "min_daily_budget_campaign",
    "min_daily_budget_ad_group",
    "learning_events",
    "learning_days",
]
METRICS: tuple[Metric, ...] = get_args(Metric)

CostUnit = Literal["per_1000_impressions", "per_click", "pct", "per_day", "results", "days"]

# Each metric has one unit, and money metrics (and only they) carry a currency.
METRIC_UNITS: dict[str, str] = {
    "cpm": "per_1000_impressions",
    "cpc": "per_click",
    "ctr": "pct",
    "min_bid_cpm": "per_1000_impressions",
    "min_daily_budget_campaign": "per_day",
    "min_daily_budget_ad_group": "per_day",
    "learning_events": "results",
    "learning_days": "days",
}
MONEY_METRICS = frozenset(
    {"cpm", "cpc", "min_bid_cpm", "min_daily_budget_campaign", "min_daily_budget_ad_group"}
)

# The plan's data is never the user's: "user" is not an authority here.
PlanAuthority = Literal["primary", "secondary", "low"]

ContentFormat = Literal[
    "short_video", "video", "photo", "longread", "stories", "channel", "official_account"
]
CONTENT_FORMATS: tuple[ContentFormat, ...] = get_args(ContentFormat)


def _country(value: str) -> str:
    code = normalise_region(value)
    if code != value:
        raise ValueError(f"country must be written as its code {code!r} (or {WORLDWIDE})")
    return code


class CostRow(FrozenRow):
    """One sourced cost or learning figure: ``data/costs.csv`` holds one per row."""

    network: str
    country: str
    metric: Metric
    low: float = Field(ge=0, allow_inf_nan=False)
    high: float = Field(ge=0, allow_inf_nan=False)
    currency: Currency | None = None
    unit: CostUnit
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    authority: PlanAuthority
    notes: str = ""

    @field_validator("country")
    @classmethod
    def _code(cls, value: str) -> str:
        return _country(value)

    @field_validator("currency", mode="before")
    @classmethod
    def _empty_currency(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _consistent(self) -> CostRow:
        if self.high < self.low:
            raise ValueError(f"high {self.high:g} is below low {self.low:g}")
        if METRIC_UNITS[self.metric] != self.unit:
            raise ValueError(f"metric {self.metric} is measured {METRIC_UNITS[self.metric]}")
        money = self.metric in MONEY_METRICS
        if money and self.currency is None:
            raise ValueError(f"metric {self.metric} is money: give its currency")
        if not money and self.currency is not None:
            raise ValueError(f"metric {self.metric} is not money: leave currency empty")
        if self.metric == "ctr" and self.high > 100:
            raise ValueError("a CTR is a percentage: at most 100")
        return self


class ContentRow(FrozenRow):
    """A content format that works on a network, and why: ``data/content.csv``."""

    network: str
    country: str
    format: ContentFormat
    why: str = Field(min_length=10)
    # The reason in Russian, for the Russian interface (a translation, not a source).
    why_ru: str = ""
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    authority: PlanAuthority
    notes: str = ""

    @field_validator("country")
    @classmethod
    def _code(cls, value: str) -> str:
        return _country(value)

    def why_in(self, language: str) -> str:
        return self.why_ru if language == "ru" and self.why_ru else self.why


@dataclass(frozen=True)
class PlanData:
    """Everything a test plan reads: cost ranges and content guidance, validated."""

    costs: tuple[CostRow, ...]
    content: tuple[ContentRow, ...]


Row = TypeVar("Row", CostRow, ContentRow)


def _rows(path: Path, model: type[Row], networks: Collection[str]) -> Iterator[Row]:
    """A CSV's rows as validated models; the first problem stops the load, naming the cell."""
    for line, validated in read_rows(path, model):
        if validated.network not in networks:
            raise DataError(
                f"{path.name}, line {line}, column network ({validated.network!r}): "
                f"unknown; known: {', '.join(networks)}"
            )
        yield validated


def load_plan_data(data_dir: Path = DATA_DIR) -> PlanData:
    """``costs.csv`` and ``content.csv`` from ``data_dir``, checked against its networks."""
    networks = tuple(load_platforms(data_dir))
    costs = tuple(_rows(data_dir / "costs.csv", CostRow, networks))
    seen: set[tuple[str, ...]] = set()
    for row in costs:
        key = (row.network, row.country, row.metric, row.source, str(row.year))
        if key in seen:
            raise DataError(
                f"costs.csv: {row.network}, {row.country}, {row.metric} from {row.source!r} "
                f"({row.year}) is given twice"
            )
        seen.add(key)
    content = tuple(_rows(data_dir / "content.csv", ContentRow, networks))
    return PlanData(costs=costs, content=content)
