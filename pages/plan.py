"""Test plan: the pick (or another network) in; a first test with goal, KPIs, money, dates out."""

import streamlit as st

import ui
from smmfit.render import t

language = ui.current_language()
st.title(t("plan.title", language))
st.caption(t("plan.caption", language))

# The persona's fields are named as on the Fit page; its weights by the weights panel's title.
rejected = [
    t("weights.title" if name == "weights" else f"fit.{name}", language)
    for name in ui.seed_persona_form()
]
persona = ui.persona_from_state()
weights = ui.weights_from_state()
rejected += [t(f"plan_field.{name}", language) for name in ui.seed_plan_form(persona.region)]
if rejected:
    st.warning(t("plan.bad_link", language, fields=", ".join(rejected)), icon=":material/link_off:")

raw, tactics = ui.plan_form(language, ui.pick_of(persona, weights, language))
ui.write_plan_link(persona, weights, raw, language)
plan, problem = ui.test_plan(persona, weights, raw, tactics, language)
if plan is None and not raw["budget"].strip():
    # A first visit has no budget yet: an invitation, not an error.
    st.info(problem, icon=":material/edit_note:")
elif plan is None:
    st.error(problem, icon=":material/error:")
else:
    ui.show_plan(plan, language)
