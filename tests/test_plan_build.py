"""build_plan: what the budget buys, when to judge, what is a gap, and the SMART check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmfit.data import Evidence
from smmfit.models import Persona, Ranking
from smmfit.plan import (
    DEFAULT_WEEKS,
    CostRow,
    PlanData,
    PlanRequest,
    build_plan,
    load_plan_data,
)
from smmfit.ranking import rank

TODAY = date(2026, 6, 1)
URL = "https://example.org/source"


def cost(metric: str, low: float, high: float, **extra: str) -> CostRow:
    units = {
        "cpm": "per_1000_impressions", "cpc": "per_click", "ctr": "pct",
        "min_daily_budget_campaign": "per_day", "learning_days": "days",
        "learning_events": "results",
    }  # fmt: skip
    money = metric in ("cpm", "cpc", "min_daily_budget_campaign")
    fields = {
        "network": "tiktok", "country": "WW", "metric": metric, "low": low, "high": high,
        "currency": "USD" if money else None, "unit": units[metric], "source": f"S {metric}",
        "url": URL, "year": 2025, "authority": "low", **extra,
    }  # fmt: skip
    return CostRow.model_validate(fields)


SYNTHETIC = PlanData(
    costs=(
        cost("cpm", 4, 10),
        cost("ctr", 1, 1),
        cost("min_daily_budget_campaign", 50, 50, authority="primary"),
        cost("learning_days", 7, 7, authority="primary"),
    ),
    content=(),
)


@pytest.fixture(scope="module")
def real() -> PlanData:
    return load_plan_data()


@pytest.fixture(scope="module")
def thai(evidence: Evidence) -> Ranking:
    return rank(Persona(region="TH", goal="awareness"), evidence)


@pytest.fixture(scope="module")
def russian(evidence: Evidence) -> Ranking:
    return rank(Persona(region="RU", goal="sales"), evidence)


def request(**fields: object) -> PlanRequest:
    return PlanRequest.model_validate({"budget": 1000, "currency": "USD", **fields})


def at_pick(data: PlanData, ranking: Ranking) -> PlanData:
    """Synthetic cost rows for the ranking's pick, whichever network the data makes it."""
    pick = ranking.recommendation.platform or "tiktok"
    return PlanData(
        costs=tuple(row.model_copy(update={"network": pick}) for row in data.costs),
        content=data.content,
    )


def test_the_network_defaults_to_the_pick(thai: Ranking, real: PlanData) -> None:
    plan = build_plan(thai, request(), real, TODAY)
    assert plan.network == plan.pick == thai.recommendation.platform
    runner_up = next(
        item.platform for item in thai.ranking if item.recommendable and item.rank == 2
    )
    assert plan.next_network == runner_up


def test_another_network_on_request(thai: Ranking, real: PlanData) -> None:
    plan = build_plan(thai, request(network="instagram"), real, TODAY)
    assert thai.recommendation.platform != "instagram"
    assert plan.network == "instagram" and plan.pick == thai.recommendation.platform
    assert plan.next_network == thai.recommendation.platform
    relevant = next(c for c in plan.smart.checks if c.letter == "R")
    assert (relevant.status, relevant.note.key) == ("check", "smart.r_other")


def test_budget_buys_impressions_from_each_source_never_averaged(thai: Ranking) -> None:
    data = PlanData(costs=(cost("cpm", 4, 10), cost("cpm", 2, 5, source="Other")), content=())
    plan = build_plan(thai, request(budget=1000), at_pick(data, thai), TODAY)
    impressions = next(k for k in plan.kpis if k.name == "impressions")
    # $1,000 at $10 CPM is 100,000; at $2 it is 500,000: the span of the sources, no mean.
    assert (impressions.target_low, impressions.target_high) == (100_000, 500_000)
    assert sorted((c.low, c.high) for c in plan.cost_ranges) == [(2, 5), (4, 10)]


def test_the_minimum_is_the_platform_floor_or_the_sample_whichever_is_more(
    thai: Ranking,
) -> None:
    plan = build_plan(thai, request(weeks=2), at_pick(SYNTHETIC, thai), TODAY)
    assert plan.sample is not None
    floor = 50 * 14
    spend_high = plan.sample.impressions * 10 / 1000
    assert plan.min_test_budget is not None
    assert plan.min_test_budget.low == max(floor, plan.sample.impressions * 4 / 1000)
    assert plan.min_test_budget.high == pytest.approx(max(floor, spend_high))


def test_costs_in_another_currency_need_the_users_rate(thai: Ranking) -> None:
    without = build_plan(
        thai, request(currency="THB", budget=35_000), at_pick(SYNTHETIC, thai), TODAY
    )
    assert without.min_test_budget is None and without.reach_ceiling is None
    assert "plan_gap.no_rate" in [gap.key for gap in without.gaps]
    rated = build_plan(
        thai,
        request(currency="THB", budget=35_000, rates={"USD": 35}),
        at_pick(SYNTHETIC, thai),
        TODAY,
    )
    assert rated.min_test_budget is not None and rated.min_test_budget.user_rate
    assert rated.min_test_budget.currency == "THB"
    dollars = build_plan(thai, request(budget=1000), at_pick(SYNTHETIC, thai), TODAY)
    assert rated.reach_ceiling == pytest.approx(dollars.reach_ceiling)
    assert "plan_gap.no_rate" not in [gap.key for gap in rated.gaps]


def test_a_network_without_sources_shows_gaps_not_numbers(russian: Ranking, real: PlanData) -> None:
    plan = build_plan(russian, request(currency="RUB"), real, TODAY)
    assert plan.network == "vk"
    assert plan.min_test_budget is None and plan.reach_ceiling is None
    keys = [gap.key for gap in plan.gaps]
    for key in ("plan_gap.no_cpm", "plan_gap.no_learning", "plan_gap.no_ctr"):
        assert key in keys
    assert plan.duration_days == DEFAULT_WEEKS * 7


@settings(max_examples=40, deadline=None)
@given(st.floats(1, 1e7), st.floats(1.01, 100))
def test_more_budget_never_lowers_what_it_buys(budget: float, factor: float) -> None:
    ranking = _THAI_CACHE[0]
    small = build_plan(ranking, request(budget=budget), at_pick(SYNTHETIC, ranking), TODAY)
    large = build_plan(ranking, request(budget=budget * factor), at_pick(SYNTHETIC, ranking), TODAY)
    assert small.reach_ceiling is not None and large.reach_ceiling is not None
    assert large.reach_ceiling >= small.reach_ceiling
    for before, after in zip(small.kpis, large.kpis, strict=True):
        if before.target_high is not None and after.target_high is not None:
            assert after.target_high >= before.target_high


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(st.none(), st.integers(1, 52)),
    st.integers(0, 300),
    st.sampled_from([None, 3, 7, 30]),
)
def test_never_judged_before_learning_ends(
    weeks: int | None, offset: int, learning: int | None
) -> None:
    rows = [cost("cpm", 4, 10)]
    if learning is not None:
        rows.append(cost("learning_days", learning, learning))
    data = PlanData(costs=tuple(rows), content=())
    start = TODAY + timedelta(days=offset)
    plan = build_plan(
        _THAI_CACHE[0], request(weeks=weeks, start=start), at_pick(data, _THAI_CACHE[0]), TODAY
    )
    assert plan.start == start
    assert plan.judge_after >= start + timedelta(days=learning or 0)
    assert plan.judge_after >= start + timedelta(days=plan.duration_days)
    if weeks is not None:
        assert plan.duration_days == weeks * 7


# Hypothesis tests cannot take function-scoped fixtures: the ranking is computed once here.
_THAI_CACHE: list[Ranking] = []


@pytest.fixture(autouse=True, scope="module")
def _thai_for_properties(thai: Ranking) -> None:
    _THAI_CACHE[:] = [thai]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, {"S": "ok", "M": "missing", "A": "missing", "R": "ok", "T": "missing"}),
        (
            {"target_reach": 10, "weeks": 2, "start": TODAY},
            {"S": "ok", "M": "ok", "A": "ok", "R": "ok", "T": "ok"},
        ),
        ({"target_reach": 10**9}, {"M": "ok", "A": "check"}),
        ({"budget": 10, "target_reach": 10}, {"A": "check"}),
        ({"weeks": 1, "start": TODAY}, {"T": "ok"}),
    ],
)
def test_smart_letters(thai: Ranking, fields: dict[str, object], expected: dict[str, str]) -> None:
    plan = build_plan(thai, request(**fields), at_pick(SYNTHETIC, thai), TODAY)
    statuses: dict[str, str] = {check.letter: check.status for check in plan.smart.checks}
    assert [check.letter for check in plan.smart.checks] == ["S", "M", "A", "R", "T"]
    for letter, status in expected.items():
        assert statuses[letter] == status, (letter, plan.smart.checks)


def test_too_short_a_test_is_flagged(thai: Ranking) -> None:
    data = PlanData(costs=(cost("learning_days", 14, 14),), content=())
    plan = build_plan(thai, request(weeks=1, start=TODAY), at_pick(data, thai), TODAY)
    time_bound = plan.smart.checks[-1]
    assert (time_bound.status, time_bound.note.key) == ("check", "smart.t_short")
    assert plan.judge_after == TODAY + timedelta(days=14)


def test_a_sales_target_sets_the_most_a_result_may_cost(russian: Ranking, real: PlanData) -> None:
    plan = build_plan(russian, request(currency="RUB", budget=50_000, target_sales=25), real, TODAY)
    per_result = next(k for k in plan.kpis if k.name == "cost_per_result")
    assert per_result.target_high == 2000 and per_result.currency == "RUB"
    assert plan.smart.statement.key == "smart.statement_sales"


def test_without_a_pick_a_network_must_be_named(thai: Ranking, real: PlanData) -> None:
    no_pick = thai.model_copy(
        update={"recommendation": thai.recommendation.model_copy(update={"platform": None})}
    )
    with pytest.raises(ValueError, match="no network to plan for"):
        build_plan(no_pick, request(), real, TODAY)
    assert build_plan(no_pick, request(network="vk"), real, TODAY).network == "vk"
