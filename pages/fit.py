"""Fit: a persona in, the network to test first out, with the ranking and its evidence."""

import streamlit as st

import ui
from smmfit.i18n import platform_name, render, t
from smmfit.markup import escape_markdown, markdown_link

language = ui.current_language()
st.title(t("fit.title", language))
st.caption(t("app.tagline", language))

rejected = ui.seed_persona_form()
if rejected:
    fields = ", ".join(t(f"fit.{name}", language) for name in rejected)
    st.warning(t("fit.bad_link", language, fields=fields), icon=":material/link_off:")

persona = ui.persona_form(language)
user_data = ui.user_data_summary()
if user_data:
    count, name = user_data
    st.info(
        t("your_data.in_use", language, count=count, name=escape_markdown(name)),
        icon=":material/upload_file:",
    )
weights = ui.weights_form(language)
ui.write_link(persona, weights, language)
view = ui.fit_view(persona, weights, language)
result = view.result
pick = result.recommendation

card, changes = st.columns([3, 2])
with card.container(border=True):
    if pick.platform:
        st.subheader(t("fit.test_first", language, platform=platform_name(pick.platform, language)))
    else:
        st.subheader(t("fit.no_pick", language))
    st.markdown("\n".join(f"- {escape_markdown(render(r, language))}" for r in pick.reasons))
    confidence = view.uncertainty.confidence
    if confidence is not None:
        st.markdown(f"**{t('fit.how_sure', language)}**")
        st.markdown(
            "\n".join(f"- {escape_markdown(render(n, language))}" for n in confidence.notes)
        )
with changes.container(border=True):
    st.markdown(f"**{t('whatif.title', language)}**")
    notes = (*view.changes, *(flip.note for flip in view.uncertainty.flips_if))
    st.markdown("\n".join(f"- {escape_markdown(render(note, language))}" for note in notes) or "—")

st.subheader(t("fit.ranking", language))
st.vega_lite_chart(spec=view.chart, width="stretch")
st.dataframe(view.table, hide_index=True, width="stretch")
ui.downloads(view, persona, weights, language)
ui.share_link(persona, weights, language)

st.subheader(t("audience.title", language))
scored = [item.platform for item in result.ranking if item.score is not None]
others = [item.platform for item in result.ranking if item.score is None]
chosen = ui.compare_selector(scored + others, pick.platform, language)
profile, charts = ui.audience_view(persona, chosen, persona.region, language)
if charts:
    for column, spec in zip(st.columns(len(charts)), charts, strict=True):
        column.vega_lite_chart(spec=spec, width="stretch")
    marker = t("your_data.marker", language)
    sources = sorted(
        {
            f"{f'[{marker}] ' if row.authority == 'user' else ''}{row.source} ({row.year})"
            for row in profile.itertuples()
        }
    )
    st.caption(escape_markdown(t("audience.sources", language, sources="; ".join(sources))))
else:
    st.info(t("audience.no_data", language, platform=platform_name(chosen, language)))

unavailable = [(item, item.status_note) for item in result.ranking if item.status_note]
if unavailable:
    st.subheader(t("fit.unavailable", language))
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(platform_name(item.platform, language))}**: "
            f"{escape_markdown(render(note, language))}"
            for item, note in unavailable
        )
    )

with st.expander(t("fit.evidence", language)):
    # One Markdown block, not two elements per network: each element costs every rerun.
    mark = f"**{escape_markdown(t('your_data.marker', language))}:** "
    blocks = []
    for item in result.ranking:
        lines = [f"**{escape_markdown(platform_name(item.platform, language))}**", ""]
        lines += [f"- {escape_markdown(render(gap, language))}" for gap in item.gaps]
        lines += [
            f"- {mark if s.user else ''}{markdown_link(s.source, s.url)} ({s.year})"
            for s in item.sources
        ]
        blocks.append("\n".join(lines))
    st.markdown("\n\n".join(blocks))
