"""Method and sources: how the score works, what the data covers, and every source."""

import streamlit as st

import ui
from smmfit.data import COVERAGE_DIMENSIONS
from smmfit.render import format_number, format_share, t
from smmfit.render.charts import coverage_chart
from smmfit.render.page_tables import goal_weights_table

language = ui.current_language()
st.title(t("method.title", language))
st.markdown(t("method.intro", language))

st.subheader(t("method.factors", language))
st.markdown(t("method.match", language))
st.latex(r"m = \frac{\sum_{c \in P} N_c}{\sum_c N_c}")
st.markdown(t("method.reach", language))
st.latex(r"r = d \times \sum_{c \in P} N_c")
st.markdown(t("method.affinity", language))
st.latex(r"a = \frac{m}{p_R(P)} \times 100")
st.markdown(t("method.segment", language))

st.subheader(t("method.composite", language))
st.markdown(t("method.composite_text", language))
st.latex(r"S = \pi \times \frac{\sum_f w_f \, F_f}{\sum_f w_f}")
st.dataframe(goal_weights_table(language), hide_index=True)
st.markdown(t("method.availability", language))
st.markdown(t("method.choice_rule", language))
st.markdown(t("your_data_method.choice_rule", language))
st.markdown(t("method.decision", language))
st.markdown(t("method.assumptions", language))

st.subheader(t("coverage_label.title", language))
report = ui.coverage_report()
totals = report.totals
share_col, rows_col, sources_col, age_col = st.columns(4)
share_col.metric(t("coverage_label.share", language), format_share(totals.share_covered, language))
rows_col.metric(t("coverage_label.rows", language), format_number(totals.rows, language))
sources_col.metric(t("coverage_label.sources", language), format_number(totals.sources, language))
median = totals.median_age_used_years
age_col.metric(
    t("coverage_label.median_age", language),
    "—"
    if median is None
    else t("coverage_label.years", language, value=format_number(median, language)),
)
dimension = st.segmented_control(
    t("coverage_label.dimension", language),
    COVERAGE_DIMENSIONS,
    default="age",
    format_func=lambda name: t(f"dimension_name.{name}", language),
    key=ui.Key.METHOD_DIMENSION,
    persist_state="session",
)
st.vega_lite_chart(spec=coverage_chart(report, dimension or "age", language))
st.caption(t("coverage_label.caption", language))

st.subheader(t("method.sources", language))
sources = ui.sources()
st.caption(t("method.sources_count", language, count=len(sources)))
st.dataframe(
    sources,
    hide_index=True,
    width="stretch",
    column_config={
        "source": t("table.sources", language),
        "url": st.column_config.LinkColumn(t("explorer.col_url", language)),
        "year": st.column_config.NumberColumn(t("audience.year", language), format="%d"),
        "file": t("method.col_file", language),
        "figures": t("method.col_figures", language),
    },
)
