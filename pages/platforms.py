"""Platforms: one network in one country, every figure with its source, gaps shown as gaps."""

import streamlit as st

import ui
from smmfit.data import availability_table, platform_figures
from smmfit.render import escape_markdown, format_people, platform_name, region_name, t
from smmfit.render.page_tables import (
    availability_display,
    coverage_rows,
    figures_display,
    missing_dimensions,
    profile_falls_back,
    status_metric,
)

language = ui.current_language()
st.title(t("explorer.title", language))
st.caption(t("explorer.tagline", language))

network, region, rejected = ui.explorer_selectors(language)
ui.link_warning(rejected, language)

evidence = ui.evidence()
dataset = evidence.dataset
info = dataset.platforms[network]
ev = evidence.for_platform(network, region)
status, status_reason, status_day = status_metric(dataset, network, region, language)

zone_col, status_col, audience_col = st.columns(3)
zone_col.metric(t("explorer.zone", language), t(f"zone.{info.zone}", language))
status_col.metric(t("table.status", language), status, help=f"{status_day}: {status_reason}")
if ev.audience is not None:
    source = ev.audience.provenance.sources[0]
    audience_col.metric(
        t("explorer.audience", language),
        format_people(ev.audience.people, language),
        help=f"{t(f'audience_kind.{ev.audience.kind}', language)}, {source.source} ({source.year})",
    )
else:
    audience_col.metric(t("explorer.audience", language), "—")
    st.info(t("explorer.gap_audience", language, region=region_name(region, language)))

st.subheader(t("explorer.profile", language))
profile, charts = ui.audience_view(None, network, region, language)
if charts:
    for column, spec in zip(st.columns(len(charts)), charts, strict=True):
        column.vega_lite_chart(spec=spec, width="stretch")
if profile_falls_back(profile, region):
    st.caption(t("explorer.fallback", language, region=region_name(region, language)))
for dimension in missing_dimensions(profile):
    st.info(
        t(
            "explorer.gap_dimension",
            language,
            dimension=t(f"dimension_title.{dimension}", language),
            platform=platform_name(network, language),
            region=region_name(region, language),
        ),
        icon=":material/help:",
    )

st.subheader(t("coverage_label.this_network", language))
cells = coverage_rows(ui.coverage_report(), network, region, language)
if not cells.empty:
    st.dataframe(cells, hide_index=True, width="stretch")
else:
    st.caption(t("coverage_label.not_tracked", language, region=region_name(region, language)))

st.subheader(t("explorer.figures", language))
figures = platform_figures(evidence, network, region)
if figures.empty:
    st.info(t("explorer.no_figures", language))
else:
    st.dataframe(
        figures_display(figures, language),
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn(t("explorer.col_url", language)),
            "used": st.column_config.CheckboxColumn(t("explorer.col_used", language)),
            "value": st.column_config.NumberColumn(t("explorer.col_value", language)),
            "dimension": t("explorer.col_dimension", language),
            "category": t("explorer.col_category", language),
            "unit": t("explorer.col_unit", language),
            "universe": t("explorer.col_universe", language),
            "region": t("explorer.col_region", language),
            "source": t("table.sources", language),
            "year": st.column_config.NumberColumn(t("audience.year", language), format="%d"),
            "authority": t("explorer.col_authority", language),
            "notes": t("explorer.col_notes", language),
        },
    )

st.subheader(t("explorer.availability", language))
table = availability_table(dataset, network, language)
if table.empty:
    st.markdown(escape_markdown(t("explorer.no_blocks", language)))
else:
    st.dataframe(
        availability_display(table, language),
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn(t("explorer.col_url", language)),
            "region": t("explorer.col_region", language),
            "status": t("table.status", language),
            "scope": t("explorer.col_scope", language),
            "since": t("explorer.col_since", language),
            "until": t("explorer.col_until", language),
            "reason": t("explorer.col_reason", language),
            "source": t("table.sources", language),
            "year": st.column_config.NumberColumn(t("audience.year", language), format="%d"),
        },
    )
