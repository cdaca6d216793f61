"""Helpers of the Test plan page: its inputs (kept in the link), the plan, and how it is shown.

- :func:`plan_data`: the validated cost and content data, loaded once for every session.
- :func:`seed_plan_form`: the inputs from the link, once per session; returns what it could
  not use.
- :func:`plan_form`: the inputs; returns them as text, as entered, for ``parse_request``.
- :func:`write_plan_link`: the URL rewritten from the persona, weights and plan inputs.
- :func:`test_plan`: the plan for the Fit page's persona (its cached view gives the pick),
  or the message that says what to fix.
- :func:`show_plan`: the plan's sections and its JSON download.

Inputs that take text (budget, targets, rates) keep what the user typed even when it is
wrong: the message says what to fix and nothing entered is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import streamlit as st

from smmfit.models import Persona, Weights
from smmfit.plan import (
    CURRENCIES,
    MAX_WEEKS,
    PlanData,
    PlanInputError,
    TestPlan,
    build_plan,
    home_currency,
    load_plan_data,
    parse_request,
)
from smmfit.render import Language, escape_markdown, platform_name, t
from smmfit.render.links import persona_to_query, weights_to_query
from smmfit.render.plan import (
    PLAN_PARAMS,
    SECTIONS,
    plan_error_text,
    plan_from_query,
    plan_json_bytes,
    plan_next_steps,
    plan_rows,
    plan_to_query,
)
from smmfit.tactics import Context, PlanError, check_plan
from ui.fit import fit_view
from ui.state import Key, data_key, evidence, query
from ui.tactics import plan_error_message, semantics, taxonomy

PICK = "pick"
AUTO_WEEKS = "auto"
WEEK_CHOICES = (AUTO_WEEKS, *(str(week) for week in range(1, MAX_WEEKS + 1)))
_TEXT_KEYS = {
    "budget": Key.PLAN_BUDGET,
    "target_reach": Key.PLAN_REACH,
    "target_leads": Key.PLAN_LEADS,
    "target_sales": Key.PLAN_SALES,
    "rates": Key.PLAN_RATES,
}


@st.cache_resource(max_entries=1)
def plan_data() -> PlanData:
    """Cost ranges and content guidance, validated, shared by every session (read-only)."""
    return load_plan_data()


def _networks() -> dict[str, str]:
    dataset = evidence().dataset
    return {**{key: key for key in dataset.platforms}, **dataset.aliases}


def seed_plan_form(region: str) -> list[str]:
    """Fill the inputs from the link once per session; return the fields it could not use
    (request field names, as ``plan_field`` in the catalogs).

    Text inputs take the link's text as it is (a bad budget is then shown with its message);
    choices (network, currency, weeks, start) take only values they offer."""
    state = st.session_state
    if Key.PLAN_SEEDED in state:
        return list(state.pop(Key.PLAN_REJECTED, []))
    values, unread = plan_from_query(query())
    # Named by the request field they hold (reach -> target_reach), as the messages are.
    rejected = [PLAN_PARAMS[param] for param in unread]
    for field, key in _TEXT_KEYS.items():
        state[key] = values.get(field, "")
    currency = values.get("currency", "").upper()
    if currency and currency not in CURRENCIES:
        rejected.append("currency")
    state[Key.PLAN_CURRENCY] = currency if currency in CURRENCIES else home_currency(region)
    weeks = values.get("weeks", AUTO_WEEKS)
    if weeks not in WEEK_CHOICES:
        rejected.append("weeks")
    state[Key.PLAN_WEEKS] = weeks if weeks in WEEK_CHOICES else AUTO_WEEKS
    state[Key.PLAN_START] = date.today()
    if values.get("start"):
        try:
            state[Key.PLAN_START] = date.fromisoformat(values["start"])
        except ValueError:
            rejected.append("start")
    network = values.get("network", "").lower()
    state[Key.PLAN_NETWORK] = _networks().get(network, PICK)
    if network and network not in _networks():
        rejected.append("network")
    state[Key.PLAN_SEEDED] = True
    return rejected


def plan_form(language: Language, pick: str | None) -> tuple[dict[str, str], str]:
    """The inputs; returns the request's fields as text and the tactic lines."""
    networks = tuple(evidence().dataset.platforms)
    col_network, col_budget, col_currency, col_weeks, col_start = st.columns([3, 2, 1, 2, 2])
    col_network.selectbox(
        t("plan.network", language),
        (PICK, *networks),
        key=Key.PLAN_NETWORK,
        format_func=lambda code: (
            t("plan.pick_suffix", language, platform=platform_name(pick, language))
            if code == PICK and pick
            else platform_name(code, language)
        ),
        help=t("plan.network_help", language),
        persist_state="session",
    )
    col_budget.text_input(t("plan.budget", language), key=Key.PLAN_BUDGET, persist_state="session")
    col_currency.selectbox(
        t("plan.currency", language), CURRENCIES, key=Key.PLAN_CURRENCY, persist_state="session"
    )
    col_weeks.selectbox(
        t("plan.weeks", language),
        WEEK_CHOICES,
        key=Key.PLAN_WEEKS,
        persist_state="session",
        format_func=lambda code: t("plan.weeks_auto", language) if code == AUTO_WEEKS else code,
    )
    col_start.date_input(t("plan.start", language), key=Key.PLAN_START, persist_state="session")
    col_reach, col_leads, col_sales, col_rates = st.columns([2, 2, 2, 3])
    for column, field in (
        (col_reach, "target_reach"),
        (col_leads, "target_leads"),
        (col_sales, "target_sales"),
    ):
        column.text_input(
            t(f"plan.{field}", language), key=_TEXT_KEYS[field], persist_state="session"
        )
    col_rates.text_input(
        t("plan.rates", language),
        key=Key.PLAN_RATES,
        help=t("plan.rates_help", language),
        placeholder="USD=92.5",
        persist_state="session",
    )
    tactics = st.text_area(
        t("plan.tactics_input", language),
        key=Key.PLAN_TACTICS,
        height=100,
        help=t("plan.tactics_help", language),
        persist_state="session",
    )
    return _raw_from_state(), tactics


def _raw_from_state() -> dict[str, str]:
    """The request's fields as text, from the form's state (seeded by seed_plan_form)."""
    state = st.session_state
    start = state[Key.PLAN_START]
    raw = {field: str(state[key]) for field, key in _TEXT_KEYS.items()}
    raw.update(
        currency=str(state[Key.PLAN_CURRENCY]),
        weeks="" if state[Key.PLAN_WEEKS] == AUTO_WEEKS else str(state[Key.PLAN_WEEKS]),
        start=start.isoformat() if isinstance(start, date) else "",
        network="" if state[Key.PLAN_NETWORK] == PICK else str(state[Key.PLAN_NETWORK]),
    )
    return raw


def session_plan_steps(
    persona: Persona, weights: Weights, language: Language
) -> tuple[tuple[str, str], ...] | None:
    """The meeting pack's next steps from the plan made on the Test plan page this session
    (for this persona), or ``None`` when there is none yet or its input is not valid."""
    state = st.session_state
    if Key.PLAN_SEEDED not in state or not str(state.get(Key.PLAN_BUDGET, "")).strip():
        return None
    return _plan_steps(
        persona.model_dump_json(),
        weights.model_dump_json(),
        tuple(sorted(_raw_from_state().items())),
        language,
        tactics=str(state.get(Key.PLAN_TACTICS, "")),
        today=date.today(),
        data=data_key(),
    )


# Cached: the Fit page asks for the steps on every rerun, and checking the plan's tactic
# lines runs the sentence encoder. ``today`` and ``data`` (the uploaded figures' key) are in
# the key because the plan's dates and the pick depend on them.
@st.cache_data(max_entries=16, show_spinner=False)
def _plan_steps(
    persona_json: str,
    weights_json: str,
    raw: tuple[tuple[str, str], ...],
    language: Language,
    *,
    tactics: str,
    today: date,
    data: str,
) -> tuple[tuple[str, str], ...] | None:
    persona = Persona.model_validate_json(persona_json)
    weights = Weights.model_validate_json(weights_json)
    plan, _ = test_plan(persona, weights, dict(raw), tactics, language)
    return tuple(plan_next_steps(plan, language)) if plan is not None else None


def write_plan_link(
    persona: Persona, weights: Weights, raw: Mapping[str, str], language: Language
) -> None:
    """The URL: the persona and weights as on the Fit page, then the plan's inputs (codes)."""
    st.query_params.from_dict(
        {
            **persona_to_query(persona, language),
            **weights_to_query(weights, persona.goal),
            **plan_to_query(raw),
        }
    )


def pick_of(persona: Persona, weights: Weights, language: Language) -> str | None:
    """The Fit page's pick for the persona (its cached view)."""
    return fit_view(persona, weights, language).result.recommendation.platform


def test_plan(
    persona: Persona, weights: Weights, raw: Mapping[str, str], tactics: str, language: Language
) -> tuple[TestPlan | None, str | None]:
    """The plan, or ``None`` and a message in the language saying what to fix."""
    ranking = fit_view(persona, weights, language).result
    try:
        request = parse_request(raw, date.today(), _networks())
    except PlanInputError as error:
        return None, plan_error_text(error, language)
    network = request.network or ranking.recommendation.platform
    if network is None:
        return None, t("plan.no_pick", language)
    checked = None
    if tactics.strip():
        try:
            # Cached after the first check of the server's life; until then, say why it waits.
            with st.spinner(t("tactics_v2.loading", language)):
                encoder = semantics()
            checked = check_plan(
                tactics, taxonomy(), Context(region=persona.region, platform=network), encoder
            )
        except PlanError as error:
            return None, plan_error_message(error, language)
    return build_plan(ranking, request, plan_data(), date.today(), checked), None


def show_plan(plan: TestPlan, language: Language) -> None:
    """Each section under its heading, then the JSON download (bytes from smmfit)."""
    st.subheader(t("plan.heading", language, platform=platform_name(plan.network, language)))
    rows = plan_rows(plan, language)
    for section in SECTIONS:
        lines = [text for name, text in rows if name == section]
        if not lines:
            continue
        st.markdown(f"**{t(f'plan_section.{section}', language)}**")
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines))
    st.download_button(
        t("plan.download_json", language),
        plan_json_bytes(plan, language),
        file_name=f"smmfit-plan-{plan.network}.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
        key=Key.PLAN_JSON,
    )
