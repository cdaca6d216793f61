"""Method and sources: how the score works, what the data covers, and every source."""

import pandas as pd
import streamlit as st

import ui
from smmfit.explorer import source_list
from smmfit.i18n import t
from smmfit.models import FACTORS, GOAL_WEIGHTS

language = ui.current_language()
st.title(t("method.title", language))
st.markdown(t("method.intro", language))

st.subheader(t("method.factors", language))
st.markdown(t("method.match", language))
st.latex(r"m = s_a \times s_g \times s_d")
st.markdown(t("method.reach", language))
st.latex(r"r = A_R \times m")
st.markdown(t("method.affinity", language))
st.latex(r"a = \frac{s_a \times s_g}{p_R(P)} \times 100")
st.markdown(t("method.segment", language))

st.subheader(t("method.composite", language))
st.markdown(t("method.composite_text", language))
st.latex(r"S = \pi \times \frac{\sum_f w_f \, F_f}{\sum_f w_f}")
weights = pd.DataFrame(
    [
        {
            t("fit.goal", language): t(f"goal.{goal or 'none'}", language),
            **{t(f"factor.{f}", language): getattr(w, f) for f in FACTORS},
            t("weights.penalty", language): w.restricted_penalty,
        }
        for goal, w in GOAL_WEIGHTS.items()
    ]
)
st.dataframe(weights, hide_index=True)
st.markdown(t("method.availability", language))
st.markdown(t("method.choice_rule", language))
st.markdown(t("method.assumptions", language))

st.subheader(t("method.sources", language))
sources = source_list(ui.evidence().dataset)
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
