"""Altair charts of a ranking, in the user's language; the page and the exports share them.

Colours are the Okabe-Ito palette (safe for colour-blind readers); every colour also has a
legend entry, a text label in the tooltip and a fixed stacking order, so no meaning rests on
colour alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from smmfit.i18n import Language, format_share, platform_name, t
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


# Persona overlap classes, in legend order; Okabe-Ito blue shades and greys.
OVERLAP_COLOURS = {
    "published": "#0072B2",
    "inside": "#0072B2",
    "partly": "#56B4E9",
    "outside": "#BBBBBB",
    "unknown": "#E5E5E5",
}


def _overlap_class(category: str, overlap: float | None) -> str:
    if category == "not_published":
        return "unknown"
    if overlap is None or pd.isna(overlap):
        return "published"  # no persona to compare with
    if overlap >= 0.999:
        return "inside"
    return "partly" if overlap > 0 else "outside"


def _category_label(dimension: str, category: str, language: Language) -> str:
    if category == "not_published":
        return t("audience.not_published", language)
    if dimension == "gender":
        return t(f"gender.{category}", language)
    if dimension == "device":
        return t(f"device_kind.{category}", language)
    return category


def audience_charts(profile: pd.DataFrame, language: Language) -> dict[str, alt.Chart]:
    """One bar chart per dimension: the network's audience, coloured by persona overlap.

    The legend, the tooltip and the bar label all say which bars the persona covers, so the
    colour is never the only carrier of that meaning.
    """
    charts: dict[str, alt.Chart] = {}
    if profile.empty:
        return charts
    data = profile.copy()
    data["label"] = [
        _category_label(d, c, language)
        for d, c in zip(data["dimension"], data["category"], strict=True)
    ]
    classes = [
        _overlap_class(c, v) for c, v in zip(data["category"], data["persona_overlap"], strict=True)
    ]
    data["overlap"] = [t(f"audience.{name}", language) for name in classes]
    data["share_text"] = [format_share(v, language) for v in data["share"]]
    present = [name for name in OVERLAP_COLOURS if name in classes]
    domain = [t(f"audience.{name}", language) for name in present]
    colours = [OVERLAP_COLOURS[name] for name in present]
    for dimension, rows in data.groupby("dimension", sort=False):
        order = rows.sort_values("order")["label"].tolist()
        bars = alt.Chart(rows).encode(
            y=alt.Y("label:N", sort=order, title=None),
            x=alt.X("share:Q", title=t("audience.share_axis", language), axis=alt.Axis(format="%")),
        )
        chart: alt.Chart = (
            bars.mark_bar().encode(
                color=alt.Color(
                    "overlap:N",
                    scale=alt.Scale(domain=domain, range=colours),
                    legend=alt.Legend(title=None, orient="bottom"),
                ),
                tooltip=[
                    alt.Tooltip("label:N", title=t(f"dimension.{dimension}", language)),
                    alt.Tooltip("share_text:N", title=t("audience.share", language)),
                    alt.Tooltip("overlap:N", title=t("audience.persona", language)),
                    alt.Tooltip("source:N", title=t("table.sources", language)),
                    alt.Tooltip("year:Q", title=t("audience.year", language), format="d"),
                ],
            )
            + bars.mark_text(align="left", dx=3).encode(text="share_text:N")
        ).properties(title=t(f"dimension_title.{dimension}", language), height=alt.Step(24))
        charts[str(dimension)] = chart
    return charts
