"""Altair charts of a ranking, in the user's language; the page and the exports share them.

Colours are the Okabe-Ito palette (safe for colour-blind readers); every colour also has a
legend entry, a text label in the tooltip and a fixed stacking order, so no meaning rests on
colour alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from smmfit.i18n import Language, platform_name, t
from smmfit.models import FACTORS, Ranking

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
FACTOR_COLOURS = {"reach": "#0072B2", "match": "#E69F00", "segment": "#009E73"}


def ranking_points(result: Ranking, language: Language) -> pd.DataFrame:
    """Long table of each scored network's points per factor, in ranking order."""
    rows = []
    for item in result.ranking:
        if item.score is None:
            continue
        for order, factor in enumerate(FACTORS):
            detail = item.factors[factor]
            rows.append(
                {
                    "network": platform_name(item.platform, language),
                    "rank": item.rank,
                    "factor": t(f"factor.{factor}", language),
                    "order": order,
                    "points": detail.points,
                    "factor_score": detail.score,
                    "score": item.score,
                    "status": t(f"status.label_{item.status}", language),
                }
            )
    return pd.DataFrame(
        rows,
        columns=["network", "rank", "factor", "order", "points", "factor_score", "score", "status"],
    )


def ranking_chart(result: Ranking, language: Language) -> alt.Chart:
    """Horizontal stacked bars: each network's score split into its factors' points."""
    data = ranking_points(result, language)
    order = data.drop_duplicates("network").sort_values("rank")["network"].tolist()
    factor_names = [t(f"factor.{f}", language) for f in FACTORS]
    chart: alt.Chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("network:N", sort=order, title=None),
            x=alt.X(
                "points:Q",
                title=t("table.score", language),
                scale=alt.Scale(domain=[0, 100]),
            ),
            color=alt.Color(
                "factor:N",
                scale=alt.Scale(domain=factor_names, range=list(FACTOR_COLOURS.values())),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("network:N", title=t("table.platform", language)),
                alt.Tooltip("factor:N", title=t("chart.factor", language)),
                alt.Tooltip("points:Q", title=t("chart.points", language), format=".1f"),
                alt.Tooltip(
                    "factor_score:Q", title=t("chart.factor_score", language), format=".0f"
                ),
                alt.Tooltip("score:Q", title=t("table.score", language), format=".1f"),
                alt.Tooltip("status:N", title=t("table.status", language)),
            ],
        )
        .properties(height=alt.Step(28))
    )
    return chart
