"""Test plan: from the pick to a first-network test with a goal, KPIs, budget, time and content.

Parts:

- ``data``: ``data/costs.csv`` and ``data/content.csv``, validated at load
  (:func:`load_plan_data`);
- ``stats``: the impressions a test needs to tell a CTR difference from chance;
- ``models``: the request (:class:`PlanRequest`, read from text by :func:`parse_request`)
  and the plan (:class:`TestPlan`);
- ``build``: :func:`build_plan`, a ranking and a request in, a plan out.

May import ``smmfit.ranking``, ``smmfit.tactics``, ``smmfit.data``, ``smmfit.models`` and
``smmfit.types``; never rendering or streamlit. Rendering (``smmfit.render.plan``) turns a
plan into text in the user's language.
"""

from smmfit.plan.build import DEFAULT_WEEKS, build_plan
from smmfit.plan.data import (
    CONTENT_FORMATS,
    CURRENCIES,
    METRICS,
    ContentRow,
    CostRow,
    Currency,
    PlanData,
    home_currency,
    load_plan_data,
)
from smmfit.plan.models import (
    KPIS_BY_GOAL,
    MAX_WEEKS,
    ContentItem,
    CostRange,
    Kpi,
    Money,
    PlanInputError,
    PlanRequest,
    SampleSize,
    SmartCheck,
    SmartGoal,
    TestPlan,
    parse_request,
)
from smmfit.plan.stats import ALPHA, POWER, RELATIVE_LIFT, impressions_for_ctr, sample_per_group

__all__ = [
    "ALPHA",
    "CONTENT_FORMATS",
    "CURRENCIES",
    "DEFAULT_WEEKS",
    "KPIS_BY_GOAL",
    "MAX_WEEKS",
    "METRICS",
    "POWER",
    "RELATIVE_LIFT",
    "ContentItem",
    "ContentRow",
    "CostRange",
    "CostRow",
    "Currency",
    "Kpi",
    "Money",
    "PlanData",
    "PlanInputError",
    "PlanRequest",
    "SampleSize",
    "SmartCheck",
    "SmartGoal",
    "TestPlan",
    "build_plan",
    "home_currency",
    "impressions_for_ctr",
    "load_plan_data",
    "parse_request",
    "sample_per_group",
]
