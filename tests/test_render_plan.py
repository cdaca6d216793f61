"""A plan in words: the JSON contract, the rows in every language, money, and link codes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from smmfit.data import Evidence
from smmfit.models import Note, Persona
from smmfit.plan import PlanInputError, PlanRequest, TestPlan, build_plan, load_plan_data
from smmfit.ranking import rank
from smmfit.render import LANGUAGES, Language
from smmfit.render.i18n import catalog
from smmfit.render.plan import (
    SECTIONS,
    format_money,
    plan_error_text,
    plan_from_query,
    plan_json,
    plan_json_bytes,
    plan_next_steps,
    plan_rows,
    plan_table,
    plan_text,
    plan_to_query,
)
from smmfit.tactics import check_plan, load_taxonomy

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def plan(evidence: Evidence) -> TestPlan:
    ranking = rank(Persona(region="TH", goal="awareness"), evidence)
    request = PlanRequest(
        network="tiktok", budget=1000, currency="USD", weeks=2, start=TODAY, target_reach=100_000
    )
    tactics = check_plan("Buy 5k followers", load_taxonomy())
    return build_plan(ranking, request, load_plan_data(), TODAY, tactics)


def test_json_contract(plan: TestPlan) -> None:
    document = plan_json(plan, "en")
    assert list(document) == [
        "persona", "network", "pick", "next_network", "smart_goal", "kpis", "budget",
        "sample", "reach_ceiling", "start", "duration_days", "learning_days", "judge_after",
        "content", "tactics", "gaps",
    ]  # fmt: skip
    assert document["network"] == "tiktok" and document["judge_after"] == "2026-06-15"
    assert set(document["kpis"][0]) == {
        "name", "target", "target_low", "unit", "currency", "benchmark", "source",
    }  # fmt: skip
    budget = document["budget"]
    assert set(budget) == {"amount", "currency", "rates", "min_test_budget", "cost_ranges"}
    for cost in budget["cost_ranges"]:
        assert set(cost) == {
            "metric", "low", "high", "currency", "unit", "country", "source", "url", "year",
            "authority",
        }  # fmt: skip
        assert cost["url"].startswith("https://")
    assert [item["verdict"] for item in document["tactics"]] == ["gray"]
    assert document["content"][0]["format"] == "short_video"
    assert json.loads(plan_json_bytes(plan, "ru"))["network"] == "tiktok"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_is_said_in_every_language(plan: TestPlan, language: str) -> None:
    rows = plan_rows(plan, language)  # type: ignore[arg-type]
    assert {section for section, _ in rows} == set(SECTIONS)
    assert all(text and "{" not in text and ".." not in text for _, text in rows)
    table = plan_table(plan, language)  # type: ignore[arg-type]
    assert table.splitlines()[0].endswith("TikTok")


def test_the_rows_say_the_judge_after_date_and_the_tactic(plan: TestPlan) -> None:
    rows = dict(plan_rows(plan, "en"))
    assert "Do not judge the test before June 15, 2026." in [
        text for section, text in plan_rows(plan, "en") if section == "duration"
    ]
    assert rows["tactics"].endswith("Gray: Buy 5k followers")


@pytest.mark.parametrize(
    ("value", "currency", "language", "expected"),
    [
        (1500, "RUB", "ru", "1\xa0500\xa0₽"),
        (1500, "USD", "en", "$1,500"),
        (71.4286, "USD", "en", "$71.43"),
        (35000, "THB", "en", "THB35,000"),
        (2.5, "EUR", "ru", "2,50\xa0€"),
    ],
)
def test_money(value: float, currency: str, language: str, expected: str) -> None:
    assert format_money(value, currency, language) == expected  # type: ignore[arg-type]


def test_every_plan_key_exists_in_every_catalog() -> None:
    keys = {key for key in catalog("en") if key.split(".")[0].startswith(("plan", "smart"))}
    for language in LANGUAGES:
        assert keys <= set(catalog(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_input_reads_in_the_language(language: str) -> None:
    error = PlanInputError("budget", "needs a number", "not_number")
    expected = {
        "en": "Budget needs a number.",
        "ru": "Бюджет: нужно число.",
        "fr": "Budget\xa0: un nombre est attendu.",
        "tr": "Bütçe: bir sayı girin.",
        "th": "งบประมาณ ต้องเป็นตัวเลข",
    }[language]
    assert plan_error_text(error, language) == expected  # type: ignore[arg-type]


def test_notes_format_dates_for_the_locale() -> None:
    note = Note(key="smart.t_ok", params={"start": "2026-06-01", "end": "2026-06-15"})
    assert plan_text(note, "ru") == "С 1 июня 2026\u202fг. по 15 июня 2026\u202fг."


@pytest.mark.parametrize(
    ("params", "values", "rejected"),
    [
        ({"budget": ["500"], "currency": ["RUB"]}, {"budget": "500", "currency": "RUB"}, []),
        ({"reach": ["1", "2"]}, {}, ["reach"]),
        ({"rates": ["x" * 201]}, {}, ["rates"]),
        ({"sales": [" 20 "], "region": ["RU"]}, {"target_sales": "20"}, []),
    ],
)
def test_link_parameters(
    params: dict[str, list[str]], values: dict[str, str], rejected: list[str]
) -> None:
    assert plan_from_query(params) == (values, rejected)


def test_link_round_trip() -> None:
    raw = {"budget": "500", "currency": "RUB", "weeks": "", "target_reach": "9000"}
    query = plan_to_query(raw)
    assert query == {"budget": "500", "currency": "RUB", "reach": "9000"}
    assert plan_from_query({key: [value] for key, value in query.items()})[0] == {
        "budget": "500", "currency": "RUB", "target_reach": "9000",
    }  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_next_steps_are_the_plan_s_own_sentences_in_short(
    plan: TestPlan, language: Language
) -> None:
    rows = plan_rows(plan, language)
    steps = plan_next_steps(plan, language)
    labels = [label for label, _ in steps]
    assert labels == [
        catalog(language)[f"plan_section.{name}"] for name in ("goal", "budget", "duration", "next")
    ]
    texts = [text for _, text in steps]
    assert texts[0] == dict(rows)["goal"]
    assert texts[2] in [text for section, text in rows if section == "duration"]
    assert texts[3] == dict(rows)["next"]
