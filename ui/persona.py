"""The persona and weights forms of the Fit page, kept in the URL, and the sidebar summary.

- :func:`seed_persona_form`: fill the form from the link, once per session.
- :func:`persona_form`, :func:`weights_form`: the inputs, returning a Persona and Weights.
- :func:`persona_from_state`, :func:`weights_from_state`: the Persona and Weights the form
  holds; the one reading of the form.
- :func:`write_link`: the URL rewritten from what the page shows.
- :func:`persona_summary`: the persona in the sidebar, on every page.

The form starts from ``Persona()``'s defaults, and an input left empty means the model's
default again: the defaults live in :class:`smmfit.models.Persona` only.

Why not ``bind="query-params"``: a bound selectbox stores its *formatted label* in the URL
(``region=Russia``, or ``region=Россия`` in Russian), so a link would change meaning with
the viewer's language. Instead the URL holds codes (smmfit.links), read once when a session
starts and written back after every change.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from smmfit.models import (
    GENDERS,
    GOALS,
    MAX_AGE,
    MAX_NAME_LENGTH,
    MIN_AGE,
    OPERATING_SYSTEMS,
    SEGMENTS,
    Goal,
    Persona,
    Settlement,
    Weights,
    default_weights,
    settlements_for,
)
from smmfit.render import Language, escape_markdown, region_name, t
from smmfit.render.links import (
    persona_from_query,
    persona_to_query,
    weights_from_query,
    weights_to_query,
)
from ui.state import REGIONS, Key, query, region_labels

# A selectbox shows its placeholder for a None option, so "no goal" and "everyone" (no
# settlement type) are codes of their own.
NO_GOAL = "none"
NO_SETTLEMENT = "none"
# The form's key of each Persona field a link may set on its own (age is one slider).
_FIELD_KEYS = {
    "name": Key.FIT_NAME,
    "region": Key.FIT_REGION,
    "gender": Key.FIT_GENDER,
    "segment": Key.FIT_SEGMENT,
    "goal": Key.FIT_GOAL,
    "settlement": Key.FIT_SETTLEMENT,
}
_WEIGHT_KEYS = {
    "reach": Key.FIT_W_REACH,
    "match": Key.FIT_W_MATCH,
    "segment": Key.FIT_W_SEGMENT,
    "penalty": Key.FIT_W_PENALTY,
}


def _form_values(persona: Persona) -> dict[str, Any]:
    """A persona as the form's widgets hold it."""
    return {
        Key.FIT_NAME: persona.name,
        Key.FIT_REGION: persona.region,
        Key.FIT_AGE: (persona.age_min, persona.age_max),
        Key.FIT_GENDER: persona.gender,
        Key.FIT_DEVICES: list(persona.devices),
        Key.FIT_SEGMENT: persona.segment,
        Key.FIT_GOAL: persona.goal or NO_GOAL,
        Key.FIT_SETTLEMENT: persona.settlement or NO_SETTLEMENT,
    }


def seed_persona_form() -> list[str]:
    """Fill the form from the link once per session; return the parameters it rejected."""
    state = st.session_state
    if Key.FIT_SEEDED not in state:
        params = query()
        values, rejected = persona_from_query(params)
        seeded = _form_values(Persona())
        for field, key in _FIELD_KEYS.items():
            if field in values:
                seeded[key] = values[field]
        if "age_min" in values:
            seeded[Key.FIT_AGE] = (values["age_min"], values["age_max"])
        if "devices" in values:
            seeded[Key.FIT_DEVICES] = list(values["devices"])
        weights, weights_rejected = weights_from_query(params)
        if weights_rejected:
            rejected.append("weights")
        seeded.update(_weight_state(weights or default_weights(values.get("goal"))))
        for key, value in seeded.items():
            state[key] = value
        state[Key.FIT_SEEDED] = True
        state[Key.FIT_REJECTED] = rejected
    # Warn once: after the user's next change the link's problems no longer apply.
    return list(state.pop(Key.FIT_REJECTED, []))


def _weight_state(weights: Weights) -> dict[str, float]:
    return {
        Key.FIT_W_REACH: weights.reach,
        Key.FIT_W_MATCH: weights.match,
        Key.FIT_W_SEGMENT: weights.segment,
        Key.FIT_W_PENALTY: weights.restricted_penalty,
    }


def _goal_of_state() -> Goal | None:
    goal = st.session_state.get(Key.FIT_GOAL, NO_GOAL)
    return None if goal == NO_GOAL else goal


def _settlement_of_state(region: str) -> Settlement | None:
    """The settlement type chosen, if the country has it. The selectbox is drawn only for a
    country with settlement types, so after a change of country it may hold the old one's."""
    settlement = st.session_state.get(Key.FIT_SETTLEMENT, NO_SETTLEMENT)
    return settlement if settlement in settlements_for(region) else None


def _reset_weights() -> None:
    """Back to the current goal's defaults (also when the goal changes)."""
    st.session_state.update(_weight_state(default_weights(_goal_of_state())))


def weights_form(language: Language) -> Weights:
    """Weight sliders in an expander, with a reset to the goal's defaults."""
    with st.expander(t("weights.title", language), icon=":material/tune:"):
        st.caption(t("weights.help", language))
        columns = st.columns(4)
        for column, (name, key) in zip(columns, _WEIGHT_KEYS.items(), strict=True):
            column.slider(
                t(f"weights.{name}", language), 0.0, 1.0, step=0.05, key=key,
                persist_state="session",
            )  # fmt: skip
        st.button(
            t("weights.reset", language), on_click=_reset_weights, icon=":material/restart_alt:"
        )
    state = st.session_state
    if state[Key.FIT_W_REACH] + state[Key.FIT_W_MATCH] + state[Key.FIT_W_SEGMENT] <= 0:
        st.info(t("weights.all_zero", language), icon=":material/info:")
    return weights_from_state()


def weights_from_state() -> Weights:
    """The weights the form holds (the goal's defaults while all three are zero): the one
    reading, for the Fit page and for pages that use its persona without drawing its form."""
    state = st.session_state
    if state[Key.FIT_W_REACH] + state[Key.FIT_W_MATCH] + state[Key.FIT_W_SEGMENT] <= 0:
        return default_weights(_goal_of_state()).model_copy(
            update={"restricted_penalty": state[Key.FIT_W_PENALTY]}
        )
    return Weights(
        reach=state[Key.FIT_W_REACH],
        match=state[Key.FIT_W_MATCH],
        segment=state[Key.FIT_W_SEGMENT],
        restricted_penalty=state[Key.FIT_W_PENALTY],
    )


def write_link(persona: Persona, weights: Weights, language: Language) -> None:
    """Rewrite the URL from what the page shows, so a copied link reproduces it."""
    st.query_params.from_dict(
        {**persona_to_query(persona, language), **weights_to_query(weights, persona.goal)}
    )


def persona_from_state() -> Persona:
    """The persona the form holds. An empty input (a segmented control clicked off, no
    device chosen) means the model's default again."""
    state = st.session_state
    age_min, age_max = state[Key.FIT_AGE]
    values = {
        "name": state[Key.FIT_NAME],
        "age_min": age_min,
        "age_max": age_max,
        "gender": state[Key.FIT_GENDER],
        "region": state[Key.FIT_REGION],
        "devices": state[Key.FIT_DEVICES],
        "segment": state[Key.FIT_SEGMENT],
        "goal": _goal_of_state(),
        "settlement": _settlement_of_state(state[Key.FIT_REGION]),
    }
    fields = Persona.model_fields
    return Persona(**{field: value or fields[field].default for field, value in values.items()})


def persona_form(language: Language) -> Persona:
    """The persona inputs (their values are also written to the URL by write_link).

    Widgets keep their values across page switches (``persist_state="session"``): leaving
    the Fit page for Networks and coming back must not reset the persona."""
    col_name, col_region, col_segment, col_goal = st.columns([2, 2, 1, 1])
    col_name.text_input(
        t("fit.name", language), key=Key.FIT_NAME, persist_state="session",
        max_chars=MAX_NAME_LENGTH,
    )  # fmt: skip
    col_region.selectbox(
        t("fit.region", language), REGIONS, format_func=region_labels(language).__getitem__,
        key=Key.FIT_REGION, persist_state="session",
    )  # fmt: skip
    col_segment.segmented_control(
        t("fit.segment", language), SEGMENTS,
        format_func=lambda code: t(f"segment.{code}", language), key=Key.FIT_SEGMENT,
        persist_state="session",
    )  # fmt: skip
    col_goal.selectbox(
        t("fit.goal", language), (NO_GOAL, *GOALS),
        format_func=lambda code: t(f"goal.{code}", language), key=Key.FIT_GOAL,
        persist_state="session", on_change=_reset_weights,
    )  # fmt: skip
    settlements = settlements_for(st.session_state[Key.FIT_REGION])
    if st.session_state.get(Key.FIT_SETTLEMENT) not in (NO_SETTLEMENT, *settlements):
        # The country changed: its settlement types are not the last one's.
        st.session_state[Key.FIT_SETTLEMENT] = NO_SETTLEMENT
    if settlements:
        col_age, col_gender, col_settlement, col_devices = st.columns([2, 2, 2, 3])
        col_settlement.selectbox(
            t("fit.settlement", language), (NO_SETTLEMENT, *settlements),
            format_func=lambda code: t(f"settlement.{code}", language), key=Key.FIT_SETTLEMENT,
            persist_state="session",
        )  # fmt: skip
    else:
        col_age, col_gender, col_devices = st.columns([2, 2, 3])
    col_age.slider(
        t("fit.age", language), MIN_AGE, MAX_AGE, key=Key.FIT_AGE, persist_state="session"
    )
    col_gender.segmented_control(
        t("fit.gender", language), GENDERS,
        format_func=lambda code: t(f"gender.{code}", language), key=Key.FIT_GENDER,
        persist_state="session",
    )  # fmt: skip
    col_devices.multiselect(
        t("fit.devices", language), OPERATING_SYSTEMS,
        format_func=lambda code: t(f"device.{code}", language), key=Key.FIT_DEVICES,
        persist_state="session",
    )  # fmt: skip
    if not st.session_state[Key.FIT_DEVICES]:
        st.info(t("fit.empty_devices", language), icon=":material/info:")
    return persona_from_state()


def persona_summary(language: Language) -> None:
    """The persona being worked on, in the sidebar, so it stays in view on every page."""
    if Key.FIT_SEEDED not in st.session_state:
        return
    persona = persona_from_state()
    devices = [device for device in OPERATING_SYSTEMS if device in persona.devices]
    parts = [
        t(f"gender.{persona.gender}", language),
        f"{persona.age_min}–{persona.age_max}",
        region_name(persona.region, language),
        *([t(f"settlement.{persona.settlement}", language)] if persona.settlement else []),
        t(f"segment.{persona.segment}", language),
        ", ".join(t(f"device.{device}", language) for device in devices),
    ]
    st.sidebar.caption(t("app.persona", language))
    name = f"{persona.name}: " if persona.name else ""
    st.sidebar.markdown(escape_markdown(name) + escape_markdown(" · ".join(parts)))
