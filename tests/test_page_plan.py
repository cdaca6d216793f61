"""The Test plan page in AppTest: the Fit pick's plan from the link, another network on
request, the inputs written back to the link, and bad input named in the user's language
with what was typed kept."""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from smmfit.cli import main
from smmfit.render import platform_name
from smmfit.render.plan import PLAN_PARAMS

# The page file itself, with the language seeded as the sidebar would leave it
# (tests/test_app_smoke.py runs every page through the router).
PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "plan.py")
THAI_AWARENESS = {
    "region": "TH", "goal": "awareness", "budget": "1000", "currency": "USD", "weeks": "2",
    "reach": "100000",
}  # fmt: skip


def open_page(lang: str = "en", **query: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["lang"] = lang
    app.query_params.update({"start": date.today().isoformat(), **query})
    app.run()
    assert not app.exception, app.exception
    return app


def text(app: AppTest) -> str:
    """The page's Markdown as read: data and user text are escaped for Markdown."""
    return re.sub(r"\\(.)", r"\1", " ".join(str(m.value) for m in app.markdown))


def errors(app: AppTest) -> list[str]:
    return [str(e.value) for e in app.error]


def cli_pick(**persona: str) -> str:
    """The network ``python -m smmfit rank`` picks for the persona: the page must agree."""
    options = [part for name, value in persona.items() for part in (f"--{name}", value)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["rank", *options, "--format", "json"]) == 0
    pick = json.loads(out.getvalue())["recommendation"]["platform"]
    assert isinstance(pick, str)
    return pick


def test_the_pick_gets_a_plan_from_the_link() -> None:
    app = open_page(**THAI_AWARENESS)
    assert app.title[0].value == "Test plan"
    pick = platform_name(cli_pick(region="TH", goal="awareness"), "en")
    assert [str(s.value) for s in app.subheader] == [f"Test plan: {pick}"]
    shown = text(app)
    end = date.today() + timedelta(days=14)
    assert f"Do not judge the test before {end.strftime('%B')} {end.day}, {end.year}" in shown
    assert not errors(app)
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Plan (JSON)"]


def test_a_network_with_sourced_costs_from_the_link() -> None:
    app = open_page(**THAI_AWARENESS, network="tiktok")
    assert [str(s.value) for s in app.subheader] == ["Test plan: TikTok"]
    shown = text(app)
    assert "Reach 100,000 people of the persona on TikTok (Thailand) for $1,000" in shown
    assert "TikTok Ads Help: About Budget and Bidding FAQs" in shown
    # After a test of another network, the next one is the ranking's pick.
    pick = platform_name(cli_pick(region="TH", goal="awareness"), "en")
    if pick != "TikTok":
        assert f"test the next network in the ranking: {pick}" in shown
    assert not errors(app)


def test_the_link_keeps_the_inputs_as_codes() -> None:
    app = open_page(**THAI_AWARENESS)
    app.selectbox(key="plan_network").select("instagram").run()
    for name, value in (("budget", "1000"), ("currency", "USD"), ("network", "instagram")):
        assert app.query_params[name] in (value, [value])
    assert app.query_params["region"] in ("TH", ["TH"])


def test_another_network_on_request() -> None:
    app = open_page(**THAI_AWARENESS)
    app.selectbox(key="plan_network").select("instagram").run()
    assert [str(s.value) for s in app.subheader] == ["Test plan: Instagram"]
    pick = platform_name(cli_pick(region="TH", goal="awareness"), "en")
    assert f"You chose Instagram; the ranking picks {pick}." in text(app)


def test_russian_page() -> None:
    app = open_page(lang="ru", **THAI_AWARENESS, network="tiktok")
    assert app.title[0].value == "План теста"
    shown = text(app)
    assert "Не оценивайте тест раньше" in shown
    assert "Охватить 100\xa0000 человек из персоны в TikTok (Таиланд)" in shown


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "-5", "Budget must be above 0."),
        ("en", "abc", "Budget needs a number."),
        ("ru", "-5", "Бюджет: должен быть больше 0."),
        ("ru", "много", "Бюджет: нужно число."),
    ],
)
def test_a_bad_budget_is_named_and_kept(lang: str, typed: str, message: str) -> None:
    app = open_page(lang=lang, **THAI_AWARENESS)
    app.text_input(key="plan_budget").input(typed).run()
    assert errors(app) == [message]
    assert app.text_input(key="plan_budget").value == typed
    assert not app.subheader


def test_no_budget_yet_is_an_invitation() -> None:
    app = open_page(region="TH")
    assert not errors(app) and not app.subheader
    assert [str(i.value) for i in app.info] == ["Budget: give the test budget."]
    assert app.selectbox(key="plan_currency").value == "THB"


def test_a_bad_budget_in_the_link_is_kept_with_its_message() -> None:
    app = open_page(**{**THAI_AWARENESS, "budget": "lots"})
    assert errors(app) == ["Budget needs a number."]
    assert app.text_input(key="plan_budget").value == "lots"


def test_a_start_in_the_past_is_refused() -> None:
    app = open_page(**THAI_AWARENESS)
    yesterday = date.today() - timedelta(days=1)
    app.date_input(key="plan_start").set_value(yesterday).run()
    assert len(errors(app)) == 1 and "Start is in the past" in errors(app)[0]


def test_bad_choices_in_the_link_fall_back_and_are_named() -> None:
    app = open_page(**{**THAI_AWARENESS, "currency": "GBP", "weeks": "0", "network": "myspace"})
    warning = str(app.warning[0].value)
    assert "Currency" in warning and "Weeks" in warning and "Network" in warning
    assert app.selectbox(key="plan_currency").value == "THB"
    assert app.selectbox(key="plan_weeks").value == "auto"
    assert app.selectbox(key="plan_network").value == "pick"


def test_bad_persona_values_in_the_link_are_named_too() -> None:
    app = open_page(**{**THAI_AWARENESS, "weights": "zzz", "gender": "robot"})
    warning = str(app.warning[0].value)
    assert "Gender" in warning and "Weights" in warning
    # The rejected values fall back to the defaults: the plan is the default persona's pick.
    pick = platform_name(cli_pick(region="TH", goal="awareness"), "en")
    assert [str(s.value) for s in app.subheader] == [f"Test plan: {pick}"]


def test_tactic_lines_are_flagged_inline() -> None:
    app = open_page(**THAI_AWARENESS)
    app.text_area(key="plan_tactics").input("Weekly short videos\nBuy 5k followers").run()
    shown = text(app)
    assert "Gray: Buy 5k followers" in shown
    assert "Your tactics" in shown


def test_a_rate_converts_costs_into_the_budget_currency() -> None:
    app = open_page(**{**THAI_AWARENESS, "currency": "THB", "budget": "35000", "network": "tiktok"})
    assert "No exchange rate from USD to THB" in text(app)
    app.text_input(key="plan_rates").input("USD=35").run()
    shown = text(app)
    assert "Converted at your rates: 1 USD = 35 THB." in shown
    assert "No exchange rate" not in shown


@pytest.mark.fuzz
@settings(max_examples=15, deadline=None, database=None)
@given(
    st.dictionaries(
        st.sampled_from([*PLAN_PARAMS, "region", "goal"]),
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(["TH", "-1", "1e400", "2020-01-01", "USD=0", "GBP", "99", "vk"]),
        ),
        max_size=8,
    )
)
def test_the_page_survives_any_link(params: dict[str, str]) -> None:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["lang"] = "en"
    app.query_params.update(params)
    app.run()
    assert not app.exception, (params, app.exception)
