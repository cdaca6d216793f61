"""Platforms: one network in one country, every figure with its source, gaps shown as gaps."""

import streamlit as st

import ui
from smmfit.coverage import COVERAGE_DIMENSIONS
from smmfit.coverage import REGIONS as COVERAGE_REGIONS
from smmfit.explorer import availability_table, platform_figures
from smmfit.i18n import format_people, format_since, platform_name, region_name, render, t
from smmfit.markup import escape_markdown

language = ui.current_language()
st.title(t("explorer.title", language))
st.caption(t("explorer.tagline", language))

network, region, rejected = ui.explorer_selectors(language)
if rejected:
    fields = ", ".join(t(f"explorer.param_{name}", language) for name in rejected)
    st.warning(t("fit.bad_link", language, fields=fields), icon=":material/link_off:")

evidence = ui.evidence()
dataset = evidence.dataset
info = dataset.platforms[network]
ev = evidence.for_platform(network, region)
record = dataset.availability.get((network, region))

zone_col, status_col, audience_col = st.columns(3)
zone_col.metric(t("explorer.zone", language), t(f"zone.{info.zone}", language))
status = record.status if record else "available"
status_col.metric(
    t("table.status", language),
    t(f"status.label_{status}", language),
    help=record.reason_in(language) if record else t("explorer.no_restriction", language),
)
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
used_regions = set(profile["region"]) if not profile.empty else set()
if used_regions - {region}:
    st.caption(t("explorer.fallback", language, region=region_name(region, language)))
for dimension in ("age", "gender", "device"):
    if profile.empty or dimension not in set(profile["dimension"]):
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
report = ui.coverage_report()
cells = [
    report.cell(network, region, dimension)
    for dimension in COVERAGE_DIMENSIONS
    if region in COVERAGE_REGIONS
]
if cells:
    st.dataframe(
        [
            {
                t("coverage_label.dimension", language): t(
                    f"dimension_name.{c.dimension}", language
                ),
                t("audience.year", language): str(c.year) if c.year else "—",
                t("table.status", language): t(f"coverage_label.{c.status}", language),
                t("coverage_label.reason", language): render(c.reason, language)
                if c.reason
                else "",
            }
            for c in cells
            if c is not None
        ],
        hide_index=True,
        width="stretch",
    )
else:
    st.caption(t("coverage_label.not_tracked", language, region=region_name(region, language)))

st.subheader(t("explorer.figures", language))
figures = platform_figures(evidence, network, region)
if figures.empty:
    st.info(t("explorer.no_figures", language))
else:
    figures["dimension"] = [t(f"dimension_name.{d}", language) for d in figures["dimension"]]
    figures["unit"] = [t(f"unit.{u}", language) for u in figures["unit"]]
    st.dataframe(
        figures,
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
    table["region"] = [region_name(code, language) for code in table["region"]]
    table["status"] = [t(f"status.label_{value}", language) for value in table["status"]]
    table["since"] = [format_since(value, language) for value in table["since"]]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn(t("explorer.col_url", language)),
            "region": t("explorer.col_region", language),
            "status": t("table.status", language),
            "since": t("explorer.col_since", language),
            "reason": t("explorer.col_reason", language),
            "source": t("table.sources", language),
            "year": st.column_config.NumberColumn(t("audience.year", language), format="%d"),
        },
    )
