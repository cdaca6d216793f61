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
        network=row.network, country=row.country, metric=row.metric, low=row.low, high=row.high,
        currency=row.currency, unit=row.unit, source=row.source, url=row.url, year=row.year,
        authority=row.authority,
    )  # fmt: skip


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
    """The best-ranked recommendable network after ``network``: where the next test goes."""
    order = [item.platform for item in ranking.ranking if item.recommendable and item.rank]
    after = order[order.index(network) + 1 :] if network in order else order
    return next(iter(after), None)


def _content(rows: Sequence[ContentRow], network: str, country: str) -> tuple[ContentItem, ...]:
    chosen = [r for r in rows if r.network == network and r.country in (country, "WW")]
    chosen.sort(key=lambda r: (r.country != country, _AUTHORITY_ORDER[r.authority], -r.year))
    return tuple(
        ContentItem(
            format=r.format, why=r.why, why_ru=r.why_ru, source=r.source, url=r.url,
            year=r.year, authority=r.authority,
        )  # fmt: skip
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


def build_plan(
    ranking: Ranking,
    request: PlanRequest,
    data: PlanData,
    today: date,
    tactics: PlanCheck | None = None,
) -> TestPlan:
    """The test plan for ``request.network`` (default: the ranking's pick) and the persona."""
    persona = ranking.persona
    pick = ranking.recommendation.platform
    network = request.network or pick
    if network is None:
        raise ValueError("no network to plan for: the ranking has no pick; name one")
    country = persona.region
    money = _Money(request)
    gaps: list[Note] = []

    rows = _order(
        (r for r in data.costs if r.network == network and r.country in (country, "WW")), country
    )
    by_metric: dict[str, list[CostRow]] = {}
    for row in rows:
        by_metric.setdefault(row.metric, []).append(row)
    for currency in sorted({r.currency for r in rows if r.currency and money.rate(r.currency) is None}):
        gaps.append(Note(key="plan_gap.no_rate", params={"source": currency, "budget": money.currency}))

    # Time: the duration asked for, never shorter than the learning period in the judging.
    learning_days = _learning(rows, "learning_days")
    learning_events = _learning(rows, "learning_events")
    if learning_days is None:
        gaps.append(Note(key="plan_gap.no_learning", params={"platform": network}))
    if request.weeks is not None:
        duration_days = request.weeks * 7
    elif learning_days is not None:
        duration_days = max(7, math.ceil(learning_days / 7) * 7)
    else:
        duration_days = DEFAULT_WEEKS * 7
    start = request.start or today
    judge_after = start + timedelta(days=max(duration_days, learning_days or 0))

    # What the budget buys: impressions from each CPM source, clicks from CPC or CTR sources.
    impressions = _envelope(
        [
            (budget / r.high * 1000, budget / r.low * 1000)
            for r in by_metric.get("cpm", [])
            if r.low > 0 and (budget := money.budget_in(request.budget, r.currency)) is not None
        ]
    )
    ctr_rows = by_metric.get("ctr", [])
    click_pairs = [
        (budget / r.high, budget / r.low)
        for r in by_metric.get("cpc", [])
        if r.low > 0 and (budget := money.budget_in(request.budget, r.currency)) is not None
    ]
    if impressions is not None:
        click_pairs += [
            (impressions[0] * r.low / 100, impressions[1] * r.high / 100) for r in ctr_rows
        ]
    clicks = _envelope(click_pairs)
    result = _result(ranking, network)
    audience = result.reach if result is not None else None
    reach_ceiling = None
    if impressions is not None:
        reach_ceiling = impressions[1] if audience is None else min(impressions[1], audience)
    if not by_metric.get("cpm"):
        gaps.append(Note(key="plan_gap.no_cpm", params={"platform": network, "region": country}))

    # A readable result: the impressions two ads need to tell a 20% CTR difference apart.
    sample = None
    if ctr_rows:
        baseline = ctr_rows[0]
        sample = SampleSize(
            baseline_pct=baseline.low, lift=RELATIVE_LIFT, alpha=ALPHA, power=POWER,
            variants=VARIANTS, impressions=impressions_for_ctr(baseline.low, variants=VARIANTS),
            baseline=_range(baseline),
        )  # fmt: skip
    else:
        gaps.append(Note(key="plan_gap.no_ctr", params={"platform": network}))
    minimum = _min_budget(by_metric, money, duration_days, sample)
    if minimum is None:
        gaps.append(Note(key="plan_gap.no_min_budget", params={"platform": network}))

    kpis = _kpis(persona.goal, request, by_metric, impressions, clicks, reach_ceiling)
    for kpi in kpis:
        if kpi.target_high is None and kpi.benchmark is None:
            gaps.append(Note(key="plan_gap.no_kpi_source", params={"kpi": kpi.name}))
    content = _content(data.content, network, country)
    if not content:
        gaps.append(Note(key="plan_gap.no_content", params={"platform": network}))
    gaps.append(Note(key="plan_gap.no_cadence", params={"platform": network}))

    smart = _smart(
        ranking, request, network, result, start, duration_days, learning_days,
        reach_ceiling, minimum,
    )  # fmt: skip
    return TestPlan(
        persona=persona, network=network, pick=pick, next_network=_next_network(ranking, network),
        request=request, start=start, duration_days=duration_days, learning_days=learning_days,
        learning_events=learning_events, judge_after=judge_after, smart=smart, kpis=kpis,
        cost_ranges=tuple(_range(r) for r in rows), min_test_budget=minimum, sample=sample,
        reach_ceiling=reach_ceiling, content=content, tactics=tactics, gaps=tuple(gaps),
    )  # fmt: skip


def _min_budget(
    by_metric: dict[str, list[CostRow]],
    money: _Money,
    duration_days: int,
    sample: SampleSize | None,
) -> Money | None:
    """The larger of the platform's floor for the whole test and the spend the sample needs
    (at the lowest and the highest sourced CPM), in the budget's currency."""
    floors = [
        r.high * duration_days * rate
        for r in by_metric.get("min_daily_budget_campaign", [])
        if (rate := money.rate(r.currency)) is not None
    ]
    floor = max(floors) if floors else None
    spend = None
    if sample is not None:
        spend = _envelope(
            [
                (sample.impressions * r.low / 1000 * rate, sample.impressions * r.high / 1000 * rate)
                for r in by_metric.get("cpm", [])
                if (rate := money.rate(r.currency)) is not None
            ]
        )
    if floor is None and spend is None:
        return None
    low = max(floor or 0.0, spend[0] if spend else 0.0)
    high = max(floor or 0.0, spend[1] if spend else 0.0)
    used = {r.currency for rows in by_metric.values() for r in rows if r.currency}
    return Money(
        low=low, high=high, currency=money.currency,
        user_rate=any(c != money.currency for c in used if money.rate(c) is not None),
    )  # fmt: skip


def _first(by_metric: dict[str, list[CostRow]], metric: str) -> CostRange | None:
    rows = by_metric.get(metric)
    return _range(rows[0]) if rows else None


def _kpis(
    goal: Goal | None,
    request: PlanRequest,
    by_metric: dict[str, list[CostRow]],
    impressions: tuple[float, float] | None,
    clicks: tuple[float, float] | None,
    reach_ceiling: float | None,
) -> tuple[Kpi, ...]:
    result: list[Kpi] = []
    targets = _targets(request)
    for name in KPIS_BY_GOAL[goal]:
        result.append(_kpi(name, request, by_metric, impressions, clicks, reach_ceiling, targets))
    return tuple(result)


def _kpi(
    name: KpiName,
    request: PlanRequest,
    by_metric: dict[str, list[CostRow]],
    impressions: tuple[float, float] | None,
    clicks: tuple[float, float] | None,
    reach_ceiling: float | None,
    targets: dict[str, int],
) -> Kpi:
    if name == "impressions":
        low, high = impressions or (None, None)
        basis = Note(key="plan_basis.impressions") if impressions else None
        return Kpi(name=name, target_low=low, target_high=high, unit="impressions", basis=basis,
                   benchmark=_first(by_metric, "cpm"))  # fmt: skip
    if name == "reach":
        basis = Note(key="plan_basis.reach") if reach_ceiling is not None else None
        return Kpi(name=name, target_high=reach_ceiling, unit="people", basis=basis)
    if name == "clicks":
        low, high = clicks or (None, None)
        basis = Note(key="plan_basis.clicks") if clicks else None
        return Kpi(name=name, target_low=low, target_high=high, unit="clicks", basis=basis,
                   benchmark=_first(by_metric, "cpc") or _first(by_metric, "ctr"))  # fmt: skip
    if name in ("cpm", "cpc", "ctr"):
        benchmark = _first(by_metric, name)
        unit = "pct" if name == "ctr" else ("per_1000_impressions" if name == "cpm" else "per_click")
        return Kpi(name=name, unit=unit, benchmark=benchmark,
                   currency=benchmark.currency if benchmark else None)  # fmt: skip
    if name == "cost_per_result":
        wanted = targets.get("sales") or targets.get("leads")
        if wanted:
            return Kpi(
                name=name, target_high=request.budget / wanted, unit="per_result",
                currency=request.currency,
                basis=Note(key="plan_basis.cost_per_result", params={"count": wanted}),
            )  # fmt: skip
        return Kpi(name=name, unit="per_result", currency=request.currency)
    return Kpi(name=name, unit="pct" if name == "engagement_rate" else "people")


def _smart(
    ranking: Ranking,
    request: PlanRequest,
    network: str,
    result: PlatformResult | None,
    start: date,
    duration_days: int,
    learning_days: int | None,
    reach_ceiling: float | None,
    minimum: Money | None,
) -> SmartGoal:
    persona = ranking.persona
    goal = persona.goal
    targets = _targets(request)
    wanted = [name for name in _GOAL_TARGETS[goal] if name in targets]
    end = start + timedelta(days=duration_days)
    checks: list[SmartCheck] = []

    if goal is None:
        checks.append(SmartCheck(letter="S", status="missing", note=Note(key="smart.s_missing")))
    else:
        checks.append(
            SmartCheck(
                letter="S", status="ok",
                note=Note(key="smart.s_ok", params={"goal": goal, "platform": network,
                                                    "region": persona.region}),
            )  # fmt: skip
        )

    if wanted:
        kind = wanted[0]
        checks.append(
            SmartCheck(
                letter="M", status="ok",
                note=Note(key=f"smart.m_ok_{kind}", params={"count": targets[kind]}),
            )
        )
    else:
        ask = "/".join(_GOAL_TARGETS[goal])
        checks.append(
            SmartCheck(letter="M", status="missing", note=Note(key="smart.m_missing",
                                                               params={"ask": ask}))
        )  # fmt: skip

    checks.append(_achievable(request, wanted, targets, reach_ceiling, minimum))

    status = result.status if result is not None else "available"
    if status == "blocked":
        relevant = SmartCheck(letter="R", status="check",
                              note=Note(key="smart.r_blocked", params={"platform": network,
                                                                       "region": persona.region}))  # fmt: skip
    elif network == ranking.recommendation.platform:
        relevant = SmartCheck(letter="R", status="ok",
                              note=Note(key="smart.r_pick", params={"platform": network}))  # fmt: skip
    else:
        relevant = SmartCheck(
            letter="R", status="check",
            note=Note(key="smart.r_other", params={"platform": network,
                                                   "pick": ranking.recommendation.platform or "-"}),
        )  # fmt: skip
    checks.append(relevant)

    if request.weeks is None or request.start is None:
        missing = "/".join(n for n, v in (("weeks", request.weeks), ("start", request.start)) if v is None)
        checks.append(SmartCheck(letter="T", status="missing",
                                 note=Note(key="smart.t_missing", params={"ask": missing})))  # fmt: skip
    elif learning_days is not None and duration_days < learning_days:
        checks.append(SmartCheck(letter="T", status="check",
                                 note=Note(key="smart.t_short", params={"days": duration_days,
                                                                        "learning": learning_days})))  # fmt: skip
    else:
        checks.append(SmartCheck(letter="T", status="ok",
                                 note=Note(key="smart.t_ok", params={"start": start.isoformat(),
                                                                     "end": end.isoformat()})))  # fmt: skip

    kind = wanted[0] if wanted else "none"
    statement = Note(
        key=f"smart.statement_{kind}",
        params={
            "goal": goal or "none", "platform": network, "region": persona.region,
            "count": targets.get(kind, 0), "money_budget": request.budget,
            "start": start.isoformat(), "end": end.isoformat(),
        },
    )  # fmt: skip
    return SmartGoal(goal=goal, statement=statement, checks=tuple(checks))


def _achievable(
    request: PlanRequest,
    wanted: list[str],
    targets: dict[str, int],
    reach_ceiling: float | None,
    minimum: Money | None,
) -> SmartCheck:
    if minimum is not None and request.budget < minimum.low:
        return SmartCheck(
            letter="A", status="check",
            note=Note(key="smart.a_below_minimum",
                      params={"money_low": minimum.low, "money_high": minimum.high}),
        )  # fmt: skip
    if not wanted:
        return SmartCheck(letter="A", status="missing", note=Note(key="smart.a_missing"))
    kind = wanted[0]
    if kind == "reach":
        if reach_ceiling is None:
            return SmartCheck(letter="A", status="check", note=Note(key="smart.a_unknown"))
        if targets["reach"] > reach_ceiling:
            return SmartCheck(
                letter="A", status="check",
                note=Note(key="smart.a_reach_above",
                          params={"people": reach_ceiling, "count": targets["reach"]}),
            )  # fmt: skip
        return SmartCheck(letter="A", status="ok",
                          note=Note(key="smart.a_reach_ok", params={"people": reach_ceiling}))  # fmt: skip
    return SmartCheck(
        letter="A", status="check",
        note=Note(key="smart.a_per_result",
                  params={"money_each": request.budget / targets[kind], "count": targets[kind]}),
    )  # fmt: skip
