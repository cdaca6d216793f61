"""A test plan in the user's language: rows for the page, the terminal and the deck, and JSON.

- :func:`plan_rows`: ``(section, text)`` rows (goal, SMART letters, KPIs, budget, duration,
  judge-after date, content, next network, gaps); the page, the CLI's table and the deck's
  "Next steps" slide all show these.
- :func:`plan_json`: the CLI's JSON contract (README, "Test plan").
- :func:`plan_table`: the rows as a plain-text table.
- :func:`plan_text`: one of the plan's notes as text; :func:`plan_error_text` for bad input.
- :func:`format_money`, :func:`format_day`: money and days for the locale.
- :func:`plan_from_query`, :func:`plan_to_query`: the Test plan page's link parameters;
  :func:`plan_json_bytes`: the page's download.

>>> format_money(1500, "RUB", "ru")
'1\\xa0500\\xa0₽'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from smmfit.models import Note
from smmfit.plan import CostRange, Kpi, Money, PlanInputError, TestPlan
from smmfit.render.i18n import Language, format_number, format_people, platform_name, render, t
from smmfit.render.tactic_reports import VERDICT_ICONS
from smmfit.render.tactic_reports import plan_json as tactics_json

SECTIONS = ("goal", "smart", "kpis", "budget", "duration", "content", "tactics", "next", "gaps")


def format_money(value: float, currency: str, language: Language) -> str:
    """Whole units from 100 up, cents below: budgets are planned, not invoiced."""
    # A no-break space keeps "1 500 ₽" on one line, as Babel's own Russian pattern does.
    pattern = "#,##0\u00a0¤" if language == "ru" else "¤#,##0"
    if abs(value) < 100:
        pattern = "#,##0.00\u00a0¤" if language == "ru" else "¤#,##0.00"
    return str(
        format_currency(value, currency, format=pattern, locale=language, currency_digits=False)
    )


# A sentence that ends on a date or a count ending in a period ("2026 г.", "333,3 тыс.")
# would end in two; an ellipsis is left alone.
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def _tidy(text: str) -> str:
    return _DOUBLE_STOP.sub(".", text)


def _decimal(value: float, language: Language) -> str:
    """Up to two decimals: a CTR of 1.15% must not read 1.2%."""
    return str(format_decimal(value, format="#,##0.##", locale=language))


def format_day(value: date | str, language: Language) -> str:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return str(format_date(day, format="long", locale=language))


def _money_range(low: float, high: float, currency: str, language: Language) -> str:
    if round(low, 2) == round(high, 2):
        return format_money(low, currency, language)
    return f"{format_money(low, currency, language)}–{format_money(high, currency, language)}"


def _count_range(low: float | None, high: float | None, language: Language) -> str:
    if low is None and high is not None:
        return t("plan.up_to", language, value=format_people(high, language))
    if low is None or high is None:
        return "—"
    if round(low) == round(high):
        return format_people(low, language)
    return f"{format_people(low, language)}–{format_people(high, language)}"


def plan_text(note: Note, language: Language, currency: str = "USD") -> str:
    """A plan note as text: money, days, counts, KPIs and asks formatted here, the rest by
    :func:`smmfit.render.render` (people, networks, countries, goals)."""
    params: dict[str, str | int | float] = {}
    for name, value in note.params.items():
        if name.startswith("money") and isinstance(value, int | float):
            params[name] = format_money(value, currency, language)
        elif name in ("start", "end", "today"):
            params[name] = format_day(str(value), language)
        elif name in ("count", "days", "learning") and isinstance(value, int | float):
            params[name] = format_number(value, language)
        elif name == "kpi":
            params[name] = t(f"plan_kpi.{value}", language)
        elif name == "ask":
            params[name] = ", ".join(
                t(f"plan_ask.{part}", language) for part in str(value).split("/")
            )
        elif name == "field":
            params[name] = t(f"plan_field.{value}", language)
        else:
            params[name] = value
    return _tidy(render(Note(key=note.key, params=params), language))


def plan_error_text(error: PlanInputError, language: Language) -> str:
    """Bad input as one line in the user's language, naming the field."""
    return plan_text(error.note, language)


def _cost(cost: CostRange, language: Language) -> str:
    if cost.currency is not None:
        value = _money_range(cost.low, cost.high, cost.currency, language)
    else:
        value = _decimal(cost.low, language)
        if cost.high != cost.low:
            value += f"–{_decimal(cost.high, language)}"
    where = t("plan.worldwide", language) if cost.country == "WW" else cost.country
    return t(
        "plan.cost_line",
        language,
        metric=t(f"plan_metric.{cost.metric}", language),
        value=value,
        unit=t(f"plan_unit.{cost.unit}", language),
        where=where,
        source=cost.source,
        year=cost.year,
        authority=t(f"plan_authority.{cost.authority}", language),
    )


def _kpi(kpi: Kpi, plan: TestPlan, language: Language) -> str:
    name = t(f"plan_kpi.{kpi.name}", language)
    if kpi.currency is not None and kpi.target_high is not None:
        target = t(
            "plan.up_to", language, value=format_money(kpi.target_high, kpi.currency, language)
        )
    elif kpi.target_high is not None:
        target = _count_range(kpi.target_low, kpi.target_high, language)
    else:
        target = t("plan.no_target", language)
    parts = [f"{name}: {target}"]
    if kpi.basis is not None:
        parts.append(plan_text(kpi.basis, language, plan.request.currency))
    if kpi.benchmark is not None:
        parts.append(t("plan.benchmark", language, cost=_cost(kpi.benchmark, language)))
    return " · ".join(parts)


def _budget_rows(plan: TestPlan, language: Language) -> list[str]:
    request = plan.request
    rows = [
        t(
            "plan.budget_line",
            language,
            budget=format_money(request.budget, request.currency, language),
            days=format_number(plan.duration_days, language),
            daily=format_money(request.budget / plan.duration_days, request.currency, language),
        )
    ]
    if plan.min_test_budget is not None:
        rows.append(_minimum(plan.min_test_budget, language))
    if plan.sample is not None:
        sample = plan.sample
        rows.append(
            t(
                "plan.sample_line",
                language,
                impressions=format_number(sample.impressions, language),
                variants=sample.variants,
                lift=round(sample.lift * 100),
                baseline=_decimal(sample.baseline_pct, language),
                confidence=round((1 - sample.alpha) * 100),
                power=round(sample.power * 100),
                source=sample.baseline.source,
            )
        )
    rows.extend(_cost(cost, language) for cost in plan.cost_ranges)
    if request.rates:
        rates = ", ".join(
            f"1 {code} = {format_number(rate, language)} {request.currency}"
            for code, rate in request.rates.items()
        )
        rows.append(t("plan.user_rates", language, rates=rates))
    elif any(c.currency not in (None, request.currency) for c in plan.cost_ranges):
        rows.append(t("plan.no_conversion", language))
    return rows


def _minimum(minimum: Money, language: Language) -> str:
    key = "plan.minimum_user_rate" if minimum.user_rate else "plan.minimum"
    return t(
        key, language, value=_money_range(minimum.low, minimum.high, minimum.currency, language)
    )


def _judge_line(plan: TestPlan, language: Language) -> str:
    return t("plan.judge_after", language, day=format_day(plan.judge_after, language))


def _next_line(network: str, plan: TestPlan, language: Language) -> str:
    return t(
        "plan.next_line",
        language,
        platform=platform_name(network, language),
        day=format_day(plan.judge_after, language),
    )


def plan_rows(plan: TestPlan, language: Language) -> list[tuple[str, str]]:
    """The plan as ``(section, text)`` rows, sections in :data:`SECTIONS` order."""
    currency = plan.request.currency
    rows: list[tuple[str, str]] = [("goal", plan_text(plan.smart.statement, language, currency))]
    for check in plan.smart.checks:
        label = t(f"smart.letter_{check.letter}", language)
        status = t(f"smart.status_{check.status}", language)
        rows.append(
            (
                "smart",
                f"{check.letter} · {label} · {status}: {plan_text(check.note, language, currency)}",
            )
        )
    rows.extend(("kpis", _kpi(kpi, plan, language)) for kpi in plan.kpis)
    rows.extend(("budget", line) for line in _budget_rows(plan, language))
    learning = (
        t("plan.learning", language, days=format_number(plan.learning_days, language))
        if plan.learning_days is not None
        else t("plan.learning_unknown", language)
    )
    rows.append(
        (
            "duration",
            t(
                "plan.duration_line",
                language,
                start=format_day(plan.start, language),
                days=format_number(plan.duration_days, language),
                learning=learning,
            ),
        )
    )
    rows.append(("duration", _judge_line(plan, language)))
    for item in plan.content:
        why = item.why_ru if language == "ru" and item.why_ru else item.why
        rows.append(
            (
                "content",
                t(
                    "plan.content_line",
                    language,
                    format=t(f"plan_format.{item.format}", language),
                    why=why,
                    source=item.source,
                    year=item.year,
                    authority=t(f"plan_authority.{item.authority}", language),
                ),
            )
        )
    rows.append(("content", t("plan.regularity", language)))
    if plan.tactics is not None:
        for line in plan.tactics.lines:
            rows.append(
                (
                    "tactics",
                    t(
                        "plan.tactic_line",
                        language,
                        icon=VERDICT_ICONS[line.verdict],
                        line=line.line,
                        verdict=t(f"tactics.verdict_{line.verdict}", language),
                    ),
                )
            )
    if plan.next_network:
        rows.append(("next", _next_line(plan.next_network, plan, language)))
    rows.extend(("gaps", plan_text(gap, language, currency)) for gap in plan.gaps)
    return [(section, _tidy(text)) for section, text in rows]


def plan_next_steps(plan: TestPlan, language: Language) -> list[tuple[str, str]]:
    """The plan in a few (label, text) rows for the meeting pack's "Next steps": the SMART goal,
    the money (budget a day and the minimum for a readable result), when to judge, and the
    network after it. The same sentences as the page and the CLI table, fewer of them."""
    currency = plan.request.currency
    money = _budget_rows(plan, language)[: 2 if plan.min_test_budget is not None else 1]
    steps = [
        (t("plan_section.goal", language), plan_text(plan.smart.statement, language, currency)),
        (t("plan_section.budget", language), " ".join(money)),
        (t("plan_section.duration", language), _judge_line(plan, language)),
    ]
    if plan.next_network:
        steps.append(
            (t("plan_section.next", language), _next_line(plan.next_network, plan, language))
        )
    return [(label, _tidy(text)) for label, text in steps]


def plan_table(plan: TestPlan, language: Language) -> str:
    """The rows for a terminal: a section heading, then its lines."""
    lines = [t("plan.heading", language, platform=platform_name(plan.network, language))]
    current = ""
    for section, text in plan_rows(plan, language):
        if section != current:
            lines.append("")
            lines.append(t(f"plan_section.{section}", language))
            current = section
        lines.append(f"  - {text}")
    return "\n".join(lines)


def _cost_json(cost: CostRange) -> dict[str, Any]:
    return {
        "metric": cost.metric,
        "low": cost.low,
        "high": cost.high,
        "currency": cost.currency,
        "unit": cost.unit,
        "country": cost.country,
        "source": cost.source,
        "url": cost.url,
        "year": cost.year,
        "authority": cost.authority,
    }


def plan_json(plan: TestPlan, language: Language) -> dict[str, Any]:
    """The JSON contract: stable keys, raw numbers, text in the language where it is text."""
    currency = plan.request.currency
    minimum = plan.min_test_budget
    return {
        "persona": plan.persona.model_dump(mode="json"),
        "network": plan.network,
        "pick": plan.pick,
        "next_network": plan.next_network,
        "smart_goal": {
            "goal": plan.smart.goal,
            "statement": plan_text(plan.smart.statement, language, currency),
            "checks": [
                {
                    "letter": c.letter,
                    "status": c.status,
                    "text": plan_text(c.note, language, currency),
                }
                for c in plan.smart.checks
            ],
        },
        "kpis": [
            {
                "name": kpi.name,
                "target": kpi.target_high,
                "target_low": kpi.target_low,
                "unit": kpi.unit,
                "currency": kpi.currency,
                "benchmark": _cost_json(kpi.benchmark) if kpi.benchmark else None,
                "source": kpi.benchmark.source if kpi.benchmark else None,
            }
            for kpi in plan.kpis
        ],
        "budget": {
            "amount": plan.request.budget,
            "currency": currency,
            "rates": dict(plan.request.rates),
            "min_test_budget": (
                {
                    "low": minimum.low,
                    "high": minimum.high,
                    "currency": minimum.currency,
                    "user_rate": minimum.user_rate,
                }
                if minimum
                else None
            ),
            "cost_ranges": [_cost_json(cost) for cost in plan.cost_ranges],
        },
        "sample": (
            {
                "impressions": plan.sample.impressions,
                "variants": plan.sample.variants,
                "baseline_ctr_pct": plan.sample.baseline_pct,
                "lift": plan.sample.lift,
                "confidence": 1 - plan.sample.alpha,
                "power": plan.sample.power,
                "source": plan.sample.baseline.source,
                "url": plan.sample.baseline.url,
            }
            if plan.sample
            else None
        ),
        "reach_ceiling": plan.reach_ceiling,
        "start": plan.start.isoformat(),
        "duration_days": plan.duration_days,
        "learning_days": plan.learning_days,
        "judge_after": plan.judge_after.isoformat(),
        "content": [
            {
                "format": item.format,
                "why": item.why_ru if language == "ru" and item.why_ru else item.why,
                "source": item.source,
                "url": item.url,
                "year": item.year,
                "authority": item.authority,
            }
            for item in plan.content
        ],
        "tactics": tactics_json(plan.tactics, language) if plan.tactics else [],
        "gaps": [plan_text(gap, language, currency) for gap in plan.gaps],
    }


# Link parameters of the Test plan page, and the request field each holds. The values stay
# text: the page seeds its inputs with them as written, and parse_request judges them, so a
# bad value in a link is shown with its message instead of vanishing.
PLAN_PARAMS: dict[str, str] = {
    "network": "network",
    "budget": "budget",
    "currency": "currency",
    "weeks": "weeks",
    "start": "start",
    "reach": "target_reach",
    "leads": "target_leads",
    "sales": "target_sales",
    "rates": "rates",
}
MAX_PARAM_LENGTH = 200


def plan_from_query(params: Mapping[str, Sequence[str]]) -> tuple[dict[str, str], list[str]]:
    """The plan fields a link gives, as text, and the parameters that could not be read.

    >>> plan_from_query({"budget": ["500"], "reach": ["1", "2"]})
    ({'budget': '500'}, ['reach'])
    """
    values: dict[str, str] = {}
    rejected: list[str] = []
    for param, field in PLAN_PARAMS.items():
        given = params.get(param)
        if not given:
            continue
        if len(given) != 1 or len(given[0]) > MAX_PARAM_LENGTH:
            rejected.append(param)
            continue
        values[field] = given[0].strip()
    return values, rejected


def plan_to_query(raw: Mapping[str, str | None]) -> dict[str, str]:
    """The plan fields for a link: codes and numbers as entered, empty ones left out."""
    return {
        param: str(raw[field]).strip()
        for param, field in PLAN_PARAMS.items()
        if raw.get(field) and str(raw[field]).strip()
    }


def plan_json_bytes(plan: TestPlan, language: Language) -> bytes:
    """The plan's JSON contract as a UTF-8 file (the page's download)."""
    return json.dumps(plan_json(plan, language), ensure_ascii=False, indent=2).encode("utf-8")
