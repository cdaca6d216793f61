"""Fit: a persona in, the network to test first out, with the ranking and its evidence."""

import streamlit as st

import ui
from smmfit.charts import ranking_chart
from smmfit.i18n import platform_name, render, t
from smmfit.scoring import rank
from smmfit.tables import ranking_csv, ranking_display

language = ui.current_language()
st.title(t("fit.title", language))
st.caption(t("app.tagline", language))

rejected = ui.seed_persona_form()
if rejected:
    fields = ", ".join(t(f"fit.{name}", language) for name in rejected)
    st.warning(t("fit.bad_link", language, fields=fields), icon=":material/link_off:")

persona = ui.persona_form(language)
result = rank(persona, ui.evidence())
pick = result.recommendation

with st.container(border=True):
    if pick.platform:
        st.subheader(t("fit.test_first", language, platform=platform_name(pick.platform, language)))
    else:
        st.subheader(t("fit.no_pick", language))
    for reason in pick.reasons:
        st.markdown(f"- {render(reason, language)}")

st.subheader(t("fit.ranking", language))
st.altair_chart(ranking_chart(result, language), width="stretch")
st.dataframe(ranking_display(result, language), hide_index=True, width="stretch")
st.download_button(
    t("fit.download_csv", language),
    ranking_csv(result, language),
    file_name="smmfit-ranking.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)

unavailable = [(item, item.status_note) for item in result.ranking if item.status_note]
if unavailable:
    st.subheader(t("fit.unavailable", language))
    for item, note in unavailable:
        st.markdown(f"- **{platform_name(item.platform, language)}**: {render(note, language)}")

with st.expander(t("fit.evidence", language)):
    for item in result.ranking:
        st.markdown(f"**{platform_name(item.platform, language)}**")
        for gap in item.gaps:
            st.markdown(f"- {render(gap, language)}")
        for source in item.sources:
            st.markdown(f"- [{source.source}]({source.url}) ({source.year})")
