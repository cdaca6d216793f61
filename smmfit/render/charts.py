"""Vega-Lite charts of a ranking and an audience, in the user's language; the page and the exports
share them. Plain Vega-Lite dicts, not Altair: the Fit page builds them on every new view.

Colours are the Okabe-Ito palette (safe for colour-blind readers); every colour also has a
legend entry, a text label in the tooltip and a fixed stacking order, so no meaning rests on
colour alone.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from smmfit.data import CoverageReport
from smmfit.models import FACTORS, Ranking
from smmfit.render.i18n import Language, format_share, platform_name, render, t

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
FACTOR_COLOURS = {"reach": "#0072B2", "match": "#E69F00", "segment": "#009E73"}


def _points_rows(result: Ranking, language: Language) -> list[dict[str, Any]]:
    """Each scored network's points per factor, in ranking order: the ranking chart's rows."""
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
                    "your_data": t("your_data.marker", language)
                    if any(source.user for source in item.sources)
                    else "",
                }
            )
    return rows


def ranking_points(result: Ranking, language: Language) -> pd.DataFrame:
    """Long table of each scored network's points per factor, in ranking order."""
    return pd.DataFrame(
        _points_rows(result, language),
        columns=[
            "network", "rank", "factor", "order", "points", "factor_score", "score", "status",
            "your_data",
        ],
    )  # fmt: skip


def _json_number(value: float | None) -> float | None:
    # Vega-Lite reads a missing value as null; NaN is not JSON.
    return None if value is None or math.isnan(value) else value


def ranking_chart(result: Ranking, language: Language) -> dict[str, Any]:
    """Horizontal stacked bars: each network's score split into its factors' points, as a
    Vega-Lite spec. Written as plain Vega-Lite rather than Altair, like :func:`audience_charts`:
    Altair's schema check and data conversion were a tenth of a new Fit view's time. The
    tests check the spec against the Vega-Lite schema instead (tests/test_tables.py)."""
    rows = _points_rows(result, language)
    for row in rows:
        for field in ("points", "factor_score", "score"):
            row[field] = _json_number(row[field])
    order = list(dict.fromkeys(row["network"] for row in sorted(rows, key=lambda r: r["rank"])))
    factor_names = [t(f"factor.{f}", language) for f in FACTORS]

    def tip(field: str, kind: str, title: str, number: str | None = None) -> dict[str, Any]:
        return {
            "field": field,
            "type": kind,
            "title": title,
            **({"format": number} if number else {}),
        }

    tooltip = [
        tip("network", "nominal", t("table.platform", language)),
        tip("factor", "nominal", t("chart.factor", language)),
        tip("points", "quantitative", t("chart.points", language), ".1f"),
        tip("factor_score", "quantitative", t("chart.factor_score", language), ".0f"),
        tip("score", "quantitative", t("table.score", language), ".1f"),
        tip("status", "nominal", t("table.status", language)),
    ]
    if any(row["your_data"] for row in rows):
        # Only with an upload in use: whether the bar rests on the user's own figures.
        tooltip.append(tip("your_data", "nominal", t("table_user.your_data", language)))
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "config": {"view": {"continuousWidth": 300, "continuousHeight": 300}},
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "network", "type": "nominal", "sort": order, "title": None},
            "x": {
                "field": "points",
                "type": "quantitative",
                "title": t("table.score", language),
                "scale": {"domain": [0, 100]},
            },
            "color": {
                "field": "factor",
                "type": "nominal",
                "scale": {"domain": factor_names, "range": list(FACTOR_COLOURS.values())},
                "legend": {"title": None, "orient": "bottom"},
            },
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": tooltip,
        },
        "height": {"step": 28},
    }


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


def audience_charts(profile: pd.DataFrame, language: Language) -> dict[str, dict[str, Any]]:
    """One Vega-Lite bar chart per dimension: the audience, coloured by persona overlap.

    The legend, the tooltip and the bar label all say which bars the persona covers, so the
    colour is never the only carrier of that meaning. Written as plain Vega-Lite rather than
    Altair: building three layered Altair charts took ~100 ms on every persona change.
    """
    charts: dict[str, dict[str, Any]] = {}
    if profile.empty:
        return charts
    tooltip_titles = {
        "label": t("audience.persona_category", language),
        "share_text": t("audience.share", language),
        "overlap": t("audience.persona", language),
        "source": t("table.sources", language),
        "year": t("audience.year", language),
    }
    for dimension, rows in profile.sort_values("order").groupby("dimension", sort=False):
        values = []
        for row in rows.to_dict("records"):
            overlap = row["persona_overlap"]
            kind = _overlap_class(str(row["category"]), None if pd.isna(overlap) else overlap)
            values.append(
                {
                    "label": _category_label(str(dimension), str(row["category"]), language),
                    "share": float(row["share"]),
                    "share_text": format_share(float(row["share"]), language),
                    "overlap": t(f"audience.{kind}", language),
                    "kind": kind,
                    "source": str(row["source"]),
                    "year": int(row["year"]),
                }
            )
        present = [name for name in OVERLAP_COLOURS if name in {v["kind"] for v in values}]
        y = {
            "field": "label",
            "type": "nominal",
            "sort": [v["label"] for v in values],
            "title": None,
        }
        x = {
            "field": "share",
            "type": "quantitative",
            "title": t("audience.share_axis", language),
            "axis": {"format": "%"},
        }
        charts[str(dimension)] = {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            "title": t(f"dimension_title.{dimension}", language),
            "data": {"values": values},
            "height": {"step": 24},
            "encoding": {"y": y, "x": x},
            "layer": [
                {
                    "mark": {"type": "bar"},
                    "encoding": {
                        "color": {
                            "field": "overlap",
                            "type": "nominal",
                            "scale": {
                                "domain": [t(f"audience.{name}", language) for name in present],
                                "range": [OVERLAP_COLOURS[name] for name in present],
                            },
                            "legend": {"title": None, "orient": "bottom"},
                        },
                        "tooltip": [
                            {"field": field, "type": "nominal", "title": title}
                            for field, title in tooltip_titles.items()
                        ],
                    },
                },
                {
                    "mark": {"type": "text", "align": "left", "dx": 3},
                    "encoding": {"text": {"field": "share_text", "type": "nominal"}},
                },
            ],
        }
    return charts


# Cell status -> colour; the year (or a word) is written in every cell as well.
COVERAGE_COLOURS = {
    "covered": "#0072B2",
    "stale": "#E69F00",
    "fallback": "#56B4E9",
    "gap": "#E5E5E5",
    "not_applicable": "#FFFFFF",
}


def coverage_chart(report: CoverageReport, dimension: str, language: Language) -> dict[str, Any]:
    """Platform x region matrix for one dimension: the year of the figure used, or the gap.

    Each cell shows its year or a short word, so the colour is never the only signal.
    """
    values = []
    for cell in report.cells:
        if cell.dimension != dimension:
            continue
        covered = cell.status in ("covered", "stale") and cell.year is not None
        values.append(
            {
                "platform": platform_name(cell.platform, language),
                "region": cell.region,
                "status": t(f"coverage_label.{cell.status}", language),
                "kind": cell.status,
                "label": str(cell.year)
                if covered
                else t(f"coverage_label.{cell.status}", language),
                "reason": render(cell.reason, language) if cell.reason else "",
            }
        )
    present = [name for name in COVERAGE_COLOURS if name in {v["kind"] for v in values}]
    base_encoding = {
        "x": {
            "field": "region",
            "type": "nominal",
            "sort": None,
            "title": None,
            "axis": {"orient": "top"},
        },
        "y": {"field": "platform", "type": "nominal", "sort": None, "title": None},
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": values},
        "width": {"step": 56},
        "height": {"step": 26},
        "encoding": base_encoding,
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "#FFFFFF"},
                "encoding": {
                    "color": {
                        "field": "status",
                        "type": "nominal",
                        "scale": {
                            "domain": [t(f"coverage_label.{name}", language) for name in present],
                            "range": [COVERAGE_COLOURS[name] for name in present],
                        },
                        "legend": {"title": None, "orient": "bottom"},
                    },
                    "tooltip": [
                        {
                            "field": "platform",
                            "type": "nominal",
                            "title": t("table.platform", language),
                        },
                        {"field": "region", "type": "nominal", "title": t("fit.region", language)},
                        {
                            "field": "label",
                            "type": "nominal",
                            "title": t("audience.year", language),
                        },
                        {
                            "field": "reason",
                            "type": "nominal",
                            "title": t("coverage_label.reason", language),
                        },
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 10},
                "encoding": {
                    "text": {"field": "label", "type": "nominal"},
                    "color": {
                        "condition": {"test": "datum.kind === 'covered'", "value": "#FFFFFF"},
                        "value": "#1B1F24",
                    },
                },
            },
        ],
    }
