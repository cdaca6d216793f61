"""Fit: a persona in, the network to test first out, with the ranking and its evidence."""

import streamlit as st

import ui
from smmfit.render import escape_markdown, headline, platform_name, t, tn
from smmfit.render.page_tables import (
    as_of_caption,
    audience_sources,
    evidence_markdown,
    messengers_note,
    notes_markdown,
    unavailable_markdown,
)

language = ui.current_language()
st.title(t("fit.title", language))
st.caption(t("app.tagline", language))

ui.link_warning(ui.seed_persona_form(), language)

persona = ui.persona_form(language)
user_data = ui.user_data_summary()
if user_data:
    count, name = user_data
    st.info(
        tn("counted.in_use", language, count, name=escape_markdown(name)),
        icon=":material/upload_file:",
    )
weights = ui.weights_form(language)
ui.write_link(persona, weights, language)
view = ui.fit_view(persona, weights, language)
result = view.result
pick = result.recommendation

card, changes = st.columns([3, 2])
with card.container(border=True):
    st.subheader(headline(pick, language))
    st.markdown(notes_markdown(pick.reasons, language))
    confidence = view.uncertainty.confidence
    if confidence is not None:
        st.markdown(f"**{t('fit.how_sure', language)}**")
        st.markdown(notes_markdown(confidence.notes, language))
with changes.container(border=True):
    st.markdown(f"**{t('whatif.title', language)}**")
    notes = (*view.changes, *(flip.note for flip in view.uncertainty.flips_if))
    st.markdown(notes_markdown(notes, language) or "—")

st.subheader(t("fit.ranking", language))
st.vega_lite_chart(spec=view.chart, width="stretch")
st.dataframe(view.table, hide_index=True, width="stretch")
messengers = messengers_note(result, language)
if messengers:
    st.caption(messengers)
ui.downloads(view, persona, weights, language, ui.session_plan_steps(persona, weights, language))
ui.share_link(persona, weights, language)

st.subheader(t("audience.title", language))
scored = [item.platform for item in result.ranking if item.score is not None]
others = [item.platform for item in result.ranking if item.score is None]
chosen = ui.compare_selector(scored + others, pick.platform, language)
profile, charts = ui.audience_view(persona, chosen, persona.region, language)
if charts:
    for column, spec in zip(st.columns(len(charts)), charts, strict=True):
        column.vega_lite_chart(spec=spec, width="stretch")
    st.caption(audience_sources(profile, language))
else:
    st.info(t("audience.no_data", language, platform=platform_name(chosen, language)))

unavailable = unavailable_markdown(result, language)
if unavailable:
    st.subheader(t("fit.unavailable", language))
    st.caption(as_of_caption(result, language))
    st.markdown(unavailable)

# Filled only while open: most visitors never open it, and its sources for every network
# were written on every rerun.
sources_box = st.expander(t("fit.evidence", language), key=ui.Key.FIT_EVIDENCE, on_change="rerun")
if sources_box.open:
    sources_box.markdown(evidence_markdown(result, language))
