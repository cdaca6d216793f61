"""Fit: a persona in, the network to test first out, with the ranking and its evidence."""

import streamlit as st

import ui
from smmfit.audience import audience_profile
from smmfit.charts import audience_charts, ranking_chart
from smmfit.i18n import platform_name, render, t
from smmfit.markup import escape_markdown, markdown_link
from smmfit.scoring import rank
from smmfit.tables import ranking_csv, ranking_display
from smmfit.whatif import what_would_change

language = ui.current_language()
st.title(t("fit.title", language))
st.caption(t("app.tagline", language))

rejected = ui.seed_persona_form()
if rejected:
    fields = ", ".join(t(f"fit.{name}", language) for name in rejected)
    st.warning(t("fit.bad_link", language, fields=fields), icon=":material/link_off:")

persona = ui.persona_form(language)
weights = ui.weights_form(language)
ui.write_link(persona, weights, language)
evidence = ui.evidence()
result = rank(persona, evidence, weights)
pick = result.recommendation

card, changes = st.columns([3, 2])
with card.container(border=True):
    if pick.platform:
        st.subheader(t("fit.test_first", language, platform=platform_name(pick.platform, language)))
    else:
        st.subheader(t("fit.no_pick", language))
    st.markdown("\n".join(f"- {escape_markdown(render(r, language))}" for r in pick.reasons))
with changes.container(border=True):
    st.markdown(f"**{t('whatif.title', language)}**")
    notes = what_would_change(result, evidence)
    st.markdown("\n".join(f"- {escape_markdown(render(note, language))}" for note in notes) or "—")

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

st.subheader(t("audience.title", language))
scored = [item.platform for item in result.ranking if item.score is not None]
others = [item.platform for item in result.ranking if item.score is None]
chosen = st.selectbox(
    t("audience.network", language),
    scored + others,
    format_func=lambda code: platform_name(code, language),
    key="fit_compare",
)
profile = audience_profile(evidence, chosen, persona.region, persona)
charts = audience_charts(profile, language)
if charts:
    for column, chart in zip(st.columns(len(charts)), charts.values(), strict=True):
        column.altair_chart(chart, width="stretch")
    sources = sorted({f"{row.source} ({row.year})" for row in profile.itertuples()})
    st.caption(escape_markdown(t("audience.sources", language, sources="; ".join(sources))))
else:
    st.info(t("audience.no_data", language, platform=platform_name(chosen, language)))

unavailable = [(item, item.status_note) for item in result.ranking if item.status_note]
if unavailable:
    st.subheader(t("fit.unavailable", language))
    for item, note in unavailable:
        name = escape_markdown(platform_name(item.platform, language))
        st.markdown(f"- **{name}**: {escape_markdown(render(note, language))}")

with st.expander(t("fit.evidence", language)):
    for item in result.ranking:
        st.markdown(f"**{escape_markdown(platform_name(item.platform, language))}**")
        lines = [f"- {escape_markdown(render(gap, language))}" for gap in item.gaps]
        lines += [f"- {markdown_link(s.source, s.url)} ({s.year})" for s in item.sources]
        st.markdown("\n".join(lines))
