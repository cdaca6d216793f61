"""The test plan's inputs and result, and the one reading of raw inputs.

- :class:`PlanRequest`: budget, currency, weeks, start, optional targets and exchange rates.
- :func:`parse_request`: text (a command line, a link) to a request, or a
  :class:`PlanInputError` naming the field and carrying a catalog note.
- :class:`TestPlan` and its parts: the SMART goal, KPIs, cost ranges, minimum test budget,
  duration, judge-after date, content, tactics and gaps.

>>> from datetime import date
>>> request = parse_request({"budget": "500", "currency": "usd"}, today=date(2026, 1, 1))
>>> request.budget, request.currency
(500.0, 'USD')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from smmfit.models import Goal, Note, Persona
from smmfit.plan.data import CURRENCIES, ContentFormat, CostUnit, Currency, Metric, PlanAuthority
from smmfit.tactics import PlanCheck
from smmfit.types import Frozen

MAX_BUDGET = 1e12
MAX_WEEKS = 52
MAX_TARGET = 10**10
# How far ahead a start may lie: a plan is for the next test, not a distant one.
MAX_DAYS_AHEAD = 366

Rate = Annotated[float, Field(gt=0, le=1e9, allow_inf_nan=False)]


class PlanRequest(Frozen):
    """What the user asks of a plan. ``rates`` are the user's own: one unit of the key
    currency in units of ``currency`` (``{"USD": 92.5}`` for a budget in RUB)."""

    network: str | None = None
    budget: float = Field(gt=0, le=MAX_BUDGET, allow_inf_nan=False)
    currency: Currency
    weeks: int | None = Field(default=None, ge=1, le=MAX_WEEKS)
    start: date | None = None
    target_reach: int | None = Field(default=None, ge=1, le=MAX_TARGET)
    target_leads: int | None = Field(default=None, ge=1, le=MAX_TARGET)
    target_sales: int | None = Field(default=None, ge=1, le=MAX_TARGET)
    rates: dict[Currency, Rate] = Field(default_factory=dict)


class PlanInputError(ValueError):
    """Input the user can fix: the field, an English line, and a catalog note for the page."""

    def __init__(self, field: str, message: str, key: str, **params: str | int | float) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.note = Note(key=f"plan_error.{key}", params={"field": field, **params})


def _number(field: str, text: str) -> float:
    try:
        value = float(text.strip().replace(" ", "").replace(",", "."))
    except ValueError:
        raise PlanInputError(field, f"needs a number, not {text!r}", "not_number") from None
    if not math.isfinite(value):
        raise PlanInputError(field, f"needs a number, not {text!r}", "not_number")
    return value


def _whole(field: str, text: str, low: int, high: int) -> int:
    value = _number(field, text)
    if value != int(value) or not low <= value <= high:
        raise PlanInputError(
            field,
            f"needs a whole number from {low:,} to {high:,}, not {text!r}",
            "whole",
            low=low,
            high=high,
        )
    return int(value)


def _currency(field: str, text: str) -> Currency:
    code = text.strip().upper()
    for currency in CURRENCIES:
        if code == currency:
            return currency
    raise PlanInputError(
        field,
        f"unknown currency {text!r}; use one of {', '.join(CURRENCIES)}",
        "currency",
        allowed=", ".join(CURRENCIES),
    )


def _rates(text: str, currency: Currency) -> dict[Currency, float]:
    """``"USD=92.5,EUR=99"``: one unit of each named currency in units of the budget's."""
    rates: dict[Currency, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        code = _currency("rate", name)
        rate = _number("rate", value)
        if rate <= 0 or code == currency:
            raise PlanInputError(
                "rate",
                f"{part!r}: give a positive rate for a currency other than {currency}",
                "rate",
                currency=currency,
            )
        rates[code] = rate
    return rates


def parse_request(
    raw: Mapping[str, str | None], today: date, networks: Mapping[str, str] | None = None
) -> PlanRequest:
    """A request from text fields; the first bad one raises :class:`PlanInputError`.

    ``networks`` maps ids and aliases to ids (``twitter`` -> ``x``); a start before ``today``
    is refused, so is one more than a year ahead.
    """
    values = {key: (value or "").strip() for key, value in raw.items()}
    if not values.get("budget"):
        raise PlanInputError("budget", "give the test budget", "budget_missing")
    budget = _number("budget", values["budget"])
    if not 0 < budget <= MAX_BUDGET:
        raise PlanInputError(
            "budget",
            f"must be above 0 and at most {MAX_BUDGET:,.0f}, not {values['budget']}",
            "budget_range",
        )
    if not values.get("currency"):
        raise PlanInputError(
            "currency",
            f"give the budget's currency: {', '.join(CURRENCIES)}",
            "currency",
            allowed=", ".join(CURRENCIES),
        )
    currency = _currency("currency", values["currency"])
    fields: dict[str, object] = {"budget": budget, "currency": currency}
    if values.get("weeks"):
        fields["weeks"] = _whole("weeks", values["weeks"], 1, MAX_WEEKS)
    if values.get("start"):
        text = values["start"]
        try:
            if len(text) != 10:
                raise ValueError
            start = date.fromisoformat(text)
        except ValueError:
            raise PlanInputError(
                "start", f"needs a date written YYYY-MM-DD, not {text!r}", "start_format"
            ) from None
        if start < today:
            raise PlanInputError(
                "start",
                f"{text} is in the past; start today ({today.isoformat()}) or later",
                "start_past",
                today=today.isoformat(),
            )
        if (start - today).days > MAX_DAYS_AHEAD:
            raise PlanInputError(
                "start", f"{text} is more than a year ahead", "start_far", today=today.isoformat()
            )
        fields["start"] = start
    for name in ("target_reach", "target_leads", "target_sales"):
        if values.get(name):
            fields[name] = _whole(name, values[name], 1, MAX_TARGET)
    if values.get("rates"):
        fields["rates"] = _rates(values["rates"], currency)
    if values.get("network"):
        name = values["network"].lower()
        known = networks or {}
        if name not in known:
            raise PlanInputError(
                "network",
                f"unknown network {values['network']!r}",
                "network",
                allowed=", ".join(sorted(set(known.values()))),
            )
        fields["network"] = known[name]
    return PlanRequest.model_validate(fields)


class CostRange(Frozen):
    """One source's range for one metric, as published (never averaged with another)."""

    network: str
    country: str
    metric: Metric
    low: float
    high: float
    currency: Currency | None
    unit: CostUnit
    source: str
    url: str
    year: int
    authority: PlanAuthority


class Money(Frozen):
    """A range of money in one currency; ``user_rate`` marks one converted at the user's rate."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)
    currency: Currency
    user_rate: bool = False


KpiName = Literal[
    "impressions",
    "reach",
    "frequency",
    "cpm",
    "ctr",
    "clicks",
    "cpc",
    "cost_per_result",
    "engagement_rate",
    "follower_growth",
]

# Goal -> the KPIs that show it (no goal: the awareness set without frequency).
KPIS_BY_GOAL: dict[Goal | None, tuple[KpiName, ...]] = {
    None: ("impressions", "reach", "cpm", "ctr"),
    "awareness": ("impressions", "reach", "frequency", "cpm"),
    "sales": ("clicks", "ctr", "cpc", "cost_per_result"),
    "loyalty": ("engagement_rate", "follower_growth", "cost_per_result"),
}


class Kpi(Frozen):
    """A KPI, what the budget can buy of it (a range; ``None`` where no source allows it), its
    unit, and the sourced benchmark it is held against."""

    name: KpiName
    target_low: float | None = None
    target_high: float | None = None
    unit: str
    currency: Currency | None = None
    basis: Note | None = None
    benchmark: CostRange | None = None


SmartStatus = Literal["ok", "missing", "check"]


class SmartCheck(Frozen):
    """One SMART letter: met, missing (with what to give), or to check (with why)."""

    letter: Literal["S", "M", "A", "R", "T"]
    status: SmartStatus
    note: Note


class SmartGoal(Frozen):
    goal: Goal | None
    statement: Note
    checks: tuple[SmartCheck, ...]


class SampleSize(Frozen):
    """Impressions needed to tell a CTR difference from chance, and the baseline used."""

    baseline_pct: float
    lift: float
    alpha: float
    power: float
    variants: int
    impressions: int
    baseline: CostRange


class ContentItem(Frozen):
    format: ContentFormat
    why: str
    why_ru: str
    source: str
    url: str
    year: int
    authority: PlanAuthority


class TestPlan(Frozen):
    """A first-network test: goal, KPIs, money, time, content, tactics, and what is unknown."""

    # Its name starts with "Test": without this, pytest would try to collect it.
    __test__ = False

    persona: Persona
    network: str
    pick: str | None = Field(description="the ranking's pick for the persona")
    next_network: str | None = Field(description="the network to test after this one")
    request: PlanRequest
    start: date
    duration_days: int = Field(ge=1)
    learning_days: int | None
    learning_events: int | None
    judge_after: date
    smart: SmartGoal
    kpis: tuple[Kpi, ...]
    cost_ranges: tuple[CostRange, ...]
    min_test_budget: Money | None
    sample: SampleSize | None
    reach_ceiling: float | None = Field(
        description="the most people the budget can reach: no more than its impressions, "
        "and no more than the persona's audience on the network"
    )
    content: tuple[ContentItem, ...]
    tactics: PlanCheck | None
    gaps: tuple[Note, ...]
