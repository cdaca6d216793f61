""":func:`build_plan`: a persona's ranking and a request in, a :class:`TestPlan` out.

Pure: the ranking, the plan data, the day and any checked tactics are passed in. Every
figure comes from ``data/costs.csv`` or ``data/content.csv`` (or is computed from them and
the user's own numbers); where no source gives one, the plan names the gap instead.

Money is compared only in one currency: a cost published in another is used when the user
gives a rate for it, and otherwise shown as published, in its own currency, with a gap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from smmfit.models import Goal, Note, PlatformResult, Ranking
from smmfit.plan.data import ContentRow, CostRow, Currency, PlanData
from smmfit.plan.models import (
    KPIS_BY_GOAL,
    ContentItem,
    CostRange,
    Kpi,
    KpiName,
    Money,
    PlanRequest,
    SampleSize,
    SmartCheck,
    SmartGoal,
    TestPlan,
)
from smmfit.plan.stats import ALPHA, POWER, RELATIVE_LIFT, impressions_for_ctr
from smmfit.tactics import PlanCheck

# Used only when the user gives no duration and no source gives the network's learning
# period: an input default like the budget field's, flagged in the SMART check (T), never
# presented as a finding.
DEFAULT_WEEKS = 2
VARIANTS = 2
_AUTHORITY_ORDER = {"primary": 0, "secondary": 1, "low": 2}


def _order(rows: Iterable[CostRow], country: str) -> list[CostRow]:
    """The country's own rows before worldwide ones, then by authority, then newest first."""
    return sorted(
        rows,
        key=lambda r: (r.country != country, _AUTHORITY_ORDER[r.authority], -r.year, r.source),
    )


def _range(row: CostRow) -> CostRange:
    return CostRange(
        network=row.network,
        country=row.country,
        metric=row.metric,
        low=row.low,
        high=row.high,
        currency=row.currency,
        unit=row.unit,
        source=row.source,
        url=row.url,
        year=row.year,
        authority=row.authority,
    )


class _Money:
    """The user's budget and rates: converts a sourced amount into the budget's currency."""

    def __init__(self, request: PlanRequest) -> None:
        self.currency: Currency = request.currency
        self.rates = request.rates

    def rate(self, currency: Currency | None) -> float | None:
        """Units of the budget's currency per unit of ``currency``; None without a rate."""
        if currency is None or currency == self.currency:
            return 1.0
        return self.rates.get(currency)

    def budget_in(self, amount: float, currency: Currency | None) -> float | None:
        """A budget-currency amount in ``currency`` (what it buys there)."""
        rate = self.rate(currency)
        return None if rate is None else amount / rate


def _envelope(pairs: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The lowest low and highest high of several sources' results: a span, not an average."""
    if not pairs:
        return None
    return min(low for low, _ in pairs), max(high for _, high in pairs)


def _result(ranking: Ranking, network: str) -> PlatformResult | None:
    return next((item for item in ranking.ranking if item.platform == network), None)


def _next_network(ranking: Ranking, network: str) -> str | None:
    """Where the next test goes: the best-ranked recommendable network other than this one
    (the runner-up after testing the pick; the pick after testing another network)."""
    order = [item.platform for item in ranking.ranking if item.recommendable and item.rank]
    return next((platform for platform in order if platform != network), None)


def _content(rows: Sequence[ContentRow], network: str, country: str) -> tuple[ContentItem, ...]:
    chosen = [r for r in rows if r.network == network and r.country in (country, "WW")]
    chosen.sort(key=lambda r: (r.country != country, _AUTHORITY_ORDER[r.authority], -r.year))
    return tuple(
        ContentItem(
            format=r.format,
            why=r.why,
            why_ru=r.why_ru,
            source=r.source,
            url=r.url,
            year=r.year,
            authority=r.authority,
        )
        for r in chosen
    )


def _learning(rows: Sequence[CostRow], metric: str) -> int | None:
    """The longest learning period (or most events) any source gives: the cautious reading."""
    values = [r.high for r in rows if r.metric == metric]
    return math.ceil(max(values)) if values else None


def _targets(request: PlanRequest) -> dict[str, int]:
    return {
        name: value
        for name, value in (
            ("reach", request.target_reach),
            ("leads", request.target_leads),
            ("sales", request.target_sales),
        )
        if value is not None
    }


# The target each goal is measured by, in the order asked for.
_GOAL_TARGETS: dict[Goal | None, tuple[str, ...]] = {
    None: ("reach", "leads", "sales"),
    "awareness": ("reach",),
    "sales": ("sales", "leads"),
    "loyalty": ("sales", "leads"),
}


@dataclass(frozen=True)
class _Facts:
    """What the plan's parts read: the inputs, the network's sourced rows, and what follows."""

    ranking: Ranking
    request: PlanRequest
    network: str
    result: PlatformResult | None
    by_metric: dict[str, list[CostRow]]
    start: date
    duration_days: int
    learning_days: int | None
    impressions: tuple[float, float] | None
    clicks: tuple[float, float] | None
    reach_ceiling: float | None
    minimum: Money | None

    @property
    def targets(self) -> dict[str, int]:
        return _targets(self.request)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.duration_days)

    def first(self, metric: str) -> CostRange | None:
        rows = self.by_metric.get(metric)
        return _range(rows[0]) if rows else None


def _duration(request: PlanRequest, learning_days: int | None) -> int:
    """The weeks asked for; else whole weeks covering the learning period; else the default."""
    if request.weeks is not None:
        return request.weeks * 7
    if learning_days is not None:
        return max(7, math.ceil(learning_days / 7) * 7)
    return DEFAULT_WEEKS * 7


def _bought(
    by_metric: dict[str, list[CostRow]], money: _Money, budget: float
) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """Impressions (from each CPM source) and clicks (from CPC sources, or impressions times
    CTR sources) the budget buys, each the span from the least to the most any source gives."""
    impression_pairs = []
    for row in by_metric.get("cpm", []):
        amount = money.budget_in(budget, row.currency)
        if row.low > 0 and amount is not None:
            impression_pairs.append((amount / row.high * 1000, amount / row.low * 1000))
    impressions = _envelope(impression_pairs)
    click_pairs = []
    for row in by_metric.get("cpc", []):
        amount = money.budget_in(budget, row.currency)
        if row.low > 0 and amount is not None:
            click_pairs.append((amount / row.high, amount / row.low))
    if impressions is not None:
        for row in by_metric.get("ctr", []):
            click_pairs.append((impressions[0] * row.low / 100, impressions[1] * row.high / 100))
    return impressions, _envelope(click_pairs)


def _sample(by_metric: dict[str, list[CostRow]]) -> SampleSize | None:
    """The impressions two ads need to tell a 20% CTR difference apart, from the first CTR
    source (the country's own, the most authoritative, the newest)."""
    rows = by_metric.get("ctr")
    if not rows:
        return None
    baseline = rows[0]
    return SampleSize(
        baseline_pct=baseline.low,
        lift=RELATIVE_LIFT,
        alpha=ALPHA,
        power=POWER,
        variants=VARIANTS,
        impressions=impressions_for_ctr(baseline.low, variants=VARIANTS),
        baseline=_range(baseline),
    )


def build_plan(
    ranking: Ranking,
    request: PlanRequest,
    data: PlanData,
    today: date,
    tactics: PlanCheck | None = None,
) -> TestPlan:
    """The test plan for ``request.network`` (default: the ranking's pick) and the persona."""
    persona = ranking.persona
    network = request.network or ranking.recommendation.platform
    if network is None:
        raise ValueError("no network to plan for: the ranking has no pick; name one")
    country = persona.region
    money = _Money(request)
    rows = _order(
        (r for r in data.costs if r.network == network and r.country in (country, "WW")), country
    )
    by_metric: dict[str, list[CostRow]] = {}
    for row in rows:
        by_metric.setdefault(row.metric, []).append(row)
    learning_days = _learning(rows, "learning_days")
    duration_days = _duration(request, learning_days)
    start = request.start or today
    impressions, clicks = _bought(by_metric, money, request.budget)
    result = _result(ranking, network)
    reach_ceiling = None
    if impressions is not None:
        audience = result.reach if result is not None else None
        reach_ceiling = impressions[1] if audience is None else min(impressions[1], audience)
    sample = _sample(by_metric)
    facts = _Facts(
        ranking=ranking,
        request=request,
        network=network,
        result=result,
        by_metric=by_metric,
        start=start,
        duration_days=duration_days,
        learning_days=learning_days,
        impressions=impressions,
        clicks=clicks,
        reach_ceiling=reach_ceiling,
        minimum=_min_budget(by_metric, money, duration_days, sample),
    )
    kpis = tuple(_kpi(name, facts) for name in KPIS_BY_GOAL[persona.goal])
    content = _content(data.content, network, country)
    return TestPlan(
        persona=persona,
        network=network,
        pick=ranking.recommendation.platform,
        next_network=_next_network(ranking, network),
        request=request,
        start=start,
        duration_days=duration_days,
        learning_days=learning_days,
        learning_events=_learning(rows, "learning_events"),
        # Never judged before the learning period is over, whatever the duration.
        judge_after=start + timedelta(days=max(duration_days, learning_days or 0)),
        smart=_smart(facts),
        kpis=kpis,
        cost_ranges=tuple(_range(r) for r in rows),
        min_test_budget=facts.minimum,
        sample=sample,
        reach_ceiling=reach_ceiling,
        content=content,
        tactics=tactics,
        gaps=_gaps(facts, money, rows=rows, sample=sample, kpis=kpis, content=content),
    )


def _gaps(
    facts: _Facts,
    money: _Money,
    *,
    rows: Sequence[CostRow],
    sample: SampleSize | None,
    kpis: Sequence[Kpi],
    content: Sequence[ContentItem],
) -> tuple[Note, ...]:
    """What no source gives, each said once, in the order the plan reads."""
    network, country = facts.network, facts.ranking.persona.region
    gaps = [
        Note(key="plan_gap.no_rate", params={"source": currency, "budget": money.currency})
        for currency in sorted(
            {r.currency for r in rows if r.currency and money.rate(r.currency) is None}
        )
    ]
    if facts.learning_days is None:
        gaps.append(Note(key="plan_gap.no_learning", params={"platform": network}))
    if not facts.by_metric.get("cpm"):
        gaps.append(Note(key="plan_gap.no_cpm", params={"platform": network, "region": country}))
    if sample is None:
        gaps.append(Note(key="plan_gap.no_ctr", params={"platform": network}))
    if facts.minimum is None:
        gaps.append(Note(key="plan_gap.no_min_budget", params={"platform": network}))
    gaps.extend(
        Note(key="plan_gap.no_kpi_source", params={"kpi": kpi.name})
        for kpi in kpis
        if kpi.target_high is None and kpi.benchmark is None
    )
    if not content:
        gaps.append(Note(key="plan_gap.no_content", params={"platform": network}))
    gaps.append(Note(key="plan_gap.no_cadence", params={"platform": network}))
    return tuple(gaps)


def _min_budget(
    by_metric: dict[str, list[CostRow]],
    money: _Money,
    duration_days: int,
    sample: SampleSize | None,
) -> Money | None:
    """The larger of the platform's floor for the whole test and the spend the sample needs
    (at the lowest and the highest sourced CPM), in the budget's currency."""
    floors = []
    for row in by_metric.get("min_daily_budget_campaign", []):
        rate = money.rate(row.currency)
        if rate is not None:
            floors.append(row.high * duration_days * rate)
    spend_pairs = []
    if sample is not None:
        for row in by_metric.get("cpm", []):
            rate = money.rate(row.currency)
            if rate is not None:
                per_impression = rate / 1000
                spend_pairs.append(
                    (
                        sample.impressions * row.low * per_impression,
                        sample.impressions * row.high * per_impression,
                    )
                )
    floor = max(floors) if floors else None
    spend = _envelope(spend_pairs)
    if floor is None and spend is None:
        return None
    used = {
        row.currency
        for rows in by_metric.values()
        for row in rows
        if row.currency and money.rate(row.currency) is not None
    }
    return Money(
        low=max(floor or 0.0, spend[0] if spend else 0.0),
        high=max(floor or 0.0, spend[1] if spend else 0.0),
        currency=money.currency,
        user_rate=any(currency != money.currency for currency in used),
    )


def _kpi(name: KpiName, facts: _Facts) -> Kpi:
    """A KPI with what the budget buys of it and its benchmark, where sources allow."""
    if name == "impressions":
        low, high = facts.impressions or (None, None)
        return Kpi(
            name=name,
            target_low=low,
            target_high=high,
            unit="impressions",
            basis=Note(key="plan_basis.impressions") if facts.impressions else None,
            benchmark=facts.first("cpm"),
        )
    if name == "reach":
        known = facts.reach_ceiling is not None
        return Kpi(
            name=name,
            target_high=facts.reach_ceiling,
            unit="people",
            basis=Note(key="plan_basis.reach") if known else None,
        )
    if name == "clicks":
        low, high = facts.clicks or (None, None)
        return Kpi(
            name=name,
            target_low=low,
            target_high=high,
            unit="clicks",
            basis=Note(key="plan_basis.clicks") if facts.clicks else None,
            benchmark=facts.first("cpc") or facts.first("ctr"),
        )
    if name in _COST_UNITS:
        benchmark = facts.first(name)
        currency = benchmark.currency if benchmark else None
        return Kpi(name=name, unit=_COST_UNITS[name], benchmark=benchmark, currency=currency)
    if name == "cost_per_result":
        request = facts.request
        wanted = facts.targets.get("sales") or facts.targets.get("leads")
        if wanted:
            return Kpi(
                name=name,
                target_high=request.budget / wanted,
                unit="per_result",
                currency=request.currency,
                basis=Note(key="plan_basis.cost_per_result", params={"count": wanted}),
            )
        return Kpi(name=name, unit="per_result", currency=request.currency)
    return Kpi(name=name, unit="pct" if name == "engagement_rate" else "people")


_COST_UNITS = {"cpm": "per_1000_impressions", "cpc": "per_click", "ctr": "pct"}


def _check(letter: str, status: str, key: str, **params: str | int | float) -> SmartCheck:
    return SmartCheck.model_validate(
        {"letter": letter, "status": status, "note": Note(key=f"smart.{key}", params=params)}
    )


def _smart(facts: _Facts) -> SmartGoal:
    """Each SMART letter checked against the inputs and the sources, and the goal stated."""
    persona = facts.ranking.persona
    goal, targets = persona.goal, facts.targets
    wanted = [name for name in _GOAL_TARGETS[goal] if name in targets]
    checks = [
        _check("S", "missing", "s_missing")
        if goal is None
        else _check("S", "ok", "s_ok", goal=goal, platform=facts.network, region=persona.region),
        _check("M", "ok", f"m_ok_{wanted[0]}", count=targets[wanted[0]])
        if wanted
        else _check("M", "missing", "m_missing", ask="/".join(_GOAL_TARGETS[goal])),
        _achievable(facts, wanted),
        _relevant(facts),
        _time_bound(facts),
    ]
    kind = wanted[0] if wanted else "none"
    statement = Note(
        key=f"smart.statement_{kind}",
        params={
            "goal": goal or "none",
            "platform": facts.network,
            "region": persona.region,
            "count": targets.get(kind, 0),
            "money_budget": facts.request.budget,
            "start": facts.start.isoformat(),
            "end": facts.end.isoformat(),
        },
    )
    return SmartGoal(goal=goal, statement=statement, checks=tuple(checks))


def _achievable(facts: _Facts, wanted: list[str]) -> SmartCheck:
    budget, minimum = facts.request.budget, facts.minimum
    if minimum is not None and budget < minimum.low:
        return _check(
            "A", "check", "a_below_minimum", money_low=minimum.low, money_high=minimum.high
        )
    if not wanted:
        return _check("A", "missing", "a_missing")
    kind, target = wanted[0], facts.targets[wanted[0]]
    if kind != "reach":
        return _check("A", "check", "a_per_result", money_each=budget / target, count=target)
    if facts.reach_ceiling is None:
        return _check("A", "check", "a_unknown")
    if target > facts.reach_ceiling:
        return _check("A", "check", "a_reach_above", people=facts.reach_ceiling, count=target)
    return _check("A", "ok", "a_reach_ok", people=facts.reach_ceiling)


def _relevant(facts: _Facts) -> SmartCheck:
    network, pick = facts.network, facts.ranking.recommendation.platform
    if facts.result is not None and facts.result.status == "blocked":
        return _check(
            "R", "check", "r_blocked", platform=network, region=facts.ranking.persona.region
        )
    if network == pick:
        return _check("R", "ok", "r_pick", platform=network)
    return _check("R", "check", "r_other", platform=network, pick=pick or "-")


def _time_bound(facts: _Facts) -> SmartCheck:
    request = facts.request
    missing = [
        name
        for name, value in (("weeks", request.weeks), ("start", request.start))
        if value is None
    ]
    if missing:
        return _check("T", "missing", "t_missing", ask="/".join(missing))
    if facts.learning_days is not None and facts.duration_days < facts.learning_days:
        return _check(
            "T", "check", "t_short", days=facts.duration_days, learning=facts.learning_days
        )
    return _check("T", "ok", "t_ok", start=facts.start.isoformat(), end=facts.end.isoformat())
