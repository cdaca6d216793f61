"""Tactic checker: a promotion plan in, each line classed white, gray or black with the rules."""

import streamlit as st

import ui
from smmfit.render import t
from smmfit.render.tactic_reports import tactic_language
from smmfit.tactics import PlanError, check_plan, check_tactics

language = ui.current_language()
st.title(t("tactics.title", language))
st.caption(t("tactics.caption", language))
st.caption(t("tactics_v2.white_means", language))
if tactic_language(language) != language:
    st.caption(t("langs.tactics_in_english", language))

taxonomy = ui.taxonomy()
context = ui.tactics_context_form(language)
paste, checklist = st.tabs(
    [t("tactics.mode_paste", language), t("tactics.mode_checklist", language)]
)

with paste:
    # No max_chars: a plan over the limit gets a message and stays in the box, never cut.
    plan = st.text_area(
        t("tactics.plan", language),
        key=ui.Key.TACTICS_PLAN,
        # Kept across pages: the Fit page's meeting pack includes the checked plan
        # (ui.tactics.session_tactic_summary reads it, and the region and platform above).
        persist_state="session",
        height=220,
        placeholder=t("tactics.plan_placeholder", language),
        help=t("tactics.plan_help", language),
    )
    if not plan.strip():
        st.info(t("tactics.empty_plan", language), icon=":material/edit_note:")
    else:
        # Cached after the first plan of the server's life; until then, say why it waits.
        with st.spinner(t("tactics_v2.loading", language)):
            semantics = ui.semantics()
        try:
            result = check_plan(plan, taxonomy, context, semantics)
        except PlanError as error:
            st.error(ui.plan_error_message(error, language), icon=":material/error:")
        else:
            ui.show_tactic_check(result, taxonomy, language, source="plan")

with checklist:
    st.caption(t("tactics.checklist_help", language))
    ticked = ui.tactics_checklist(taxonomy, language)
    if ticked:
        ui.show_tactic_check(
            check_tactics(ticked, taxonomy, context, tactic_language(language)),
            taxonomy,
            language,
            source="list",
        )
    else:
        st.info(t("tactics.nothing_ticked", language), icon=":material/checklist:")
