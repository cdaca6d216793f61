"""A ranking and a coverage report as JSON and as terminal tables, in the user's language.

The CLI prints these; the JSON shapes are the CLI's contract (README, "Command line").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from babel.lists import format_list
from babel.numbers import format_decimal

from smmfit.data import (
    COVERAGE_DIMENSIONS,
    RECENT_PROFILE_YEAR,
    STALE_AFTER_YEARS,
    CoverageReport,
)
from smmfit.models import (
    Ranking,
    Recommendation,
)
from smmfit.ranking import (
    Uncertainty,
)
from smmfit.render.i18n import (
    Language,
    format_number,
    format_people,
    format_share,
    platform_name,
    render,
    t,
)


def ranking_json(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> dict[str, Any]:
    """The CLI's JSON contract: persona, ranking sorted by rank, recommendation.

    With ``uncertainty``, each network also gets its ``win_probability`` and the
    recommendation its ``confidence`` and ``flips_if``.
    """
    ranking = []
    for item in result.ranking:
        entry: dict[str, Any] = {
            "platform": item.platform,
            "name": item.name,
            "rank": item.rank,
            "score": item.score,
            "status": item.status,
            "status_note": render(item.status_note, language) if item.status_note else None,
            "status_since": item.status_note.params.get("since") if item.status_note else None,
            "match_share": item.match_share,
            "match_share_range": [item.match_share_low, item.match_share_high],
            "reach": item.reach,
            "reach_range": [item.reach_low, item.reach_high],
            "reach_estimated": item.reach_estimated,
            "audience": item.audience,
            "affinity": item.affinity,
            "factors": {name: f.model_dump() for name, f in item.factors.items()},
            "gaps": [render(gap, language) for gap in item.gaps],
            "sources": [s.model_dump() for s in item.sources],
        }
        if uncertainty is not None:
            entry["win_probability"] = uncertainty.probability_of(item.platform)
        ranking.append(entry)
    recommendation: dict[str, Any] = {
        "platform": result.recommendation.platform,
        "runner_up": result.recommendation.runner_up,
        "close_call": result.recommendation.close_call,
        "contenders": list(result.recommendation.contenders),
        "reasons": [render(r, language) for r in result.recommendation.reasons],
    }
    if uncertainty is not None:
        recommendation.update(_uncertainty_json(uncertainty, language))
    return {
        "persona": result.persona.model_dump(mode="json"),
        "weights": result.weights.model_dump(),
        "include_blocked": result.include_blocked,
        "as_of": result.as_of.isoformat(),
        "ranking": ranking,
        "recommendation": recommendation,
    }


def _uncertainty_json(uncertainty: Uncertainty, language: Language) -> dict[str, Any]:
    confidence = uncertainty.confidence
    return {
        "confidence": None
        if confidence is None
        else {
            "probability": confidence.probability,
            "challenger": confidence.challenger,
            "challenger_probability": confidence.challenger_probability,
            "draws": uncertainty.draws,
            "seed": uncertainty.seed,
            "text": " ".join(render(note, language) for note in confidence.notes),
        },
        "flips_if": [
            {
                "input": flip.input,
                "platform": flip.platform,
                "factor": flip.factor,
                "current": flip.current,
                "value": flip.value,
                "relative_change": round(flip.relative_change, 4),
                "new_pick": flip.new_pick,
                "plausible": flip.plausible,
                "text": render(flip.note, language),
            }
            for flip in uncertainty.flips_if
        ],
    }


def headline(recommendation: Recommendation, language: Language) -> str:
    """The answer in one line, the same on the page, in the deck and in the CLI: the network to
    test first, and the contenders beside it when the call is too close.

    >>> headline(Recommendation(platform="vk", runner_up="telegram", close_call=True,
    ...     contenders=("vk", "telegram"), reasons=()), "en")
    'Test first: VK (too close to call with Telegram)'
    """
    if recommendation.platform is None:
        return t("fit.no_pick", language)
    platform = platform_name(recommendation.platform, language)
    others = [p for p in recommendation.contenders if p != recommendation.platform]
    if recommendation.close_call and others:
        names = format_list([platform_name(other, language) for other in others], locale=language)
        if language == "th":
            # CLDR's Thai list joins without spaces ("InstagramและWhatsApp"); Thai text sets
            # Latin-script names apart with spaces, as the catalogs do.
            names = _THAI_LATIN_JOIN.sub(" ", names)
        return t("fit.test_first_close", language, platform=platform, others=names)
    return t("fit.test_first", language, platform=platform)


_THAI_LATIN_JOIN = re.compile(
    r"(?<=[A-Za-z0-9])(?=[\u0E00-\u0E7F])|(?<=[\u0E00-\u0E7F])(?=[A-Za-z0-9])"
)

_RANKING_COLUMNS = ("rank", "platform", "score", "status", "match", "reach", "affinity")


def _width(text: str) -> int:
    """Columns a terminal gives the text: Thai vowel and tone marks sit on their letter."""
    return sum(
        not unicodedata.combining(char) and unicodedata.category(char) != "Mn" for char in text
    )


def ranking_table(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> str:
    def cell(value: float | None, kind: str) -> str:
        if value is None:
            return "-"
        return (
            format_people(value, language)
            if kind == "people"
            else (
                format_share(value, language)
                if kind == "share"
                else str(format_decimal(value, format="0.0", locale=language))
            )
        )

    # With the scenarios, how often each network comes out first stands beside its name: the
    # list is in the decision rule's order (contenders by that share, then the others by
    # score), so a pick scoring below the runner-up at the centres reads as what it is.
    columns = list(_RANKING_COLUMNS)
    if uncertainty is not None:
        columns.insert(2, "first")
    rows = [tuple(t(f"langs.cli_{column}", language) for column in columns)]
    for item in result.ranking:
        row = [
            str(item.rank or "-"),
            item.platform,
            cell(item.score, "number"),
            t(f"status.label_{item.status}", language),
            cell(item.match_share, "share"),
            ("~" if item.reach_estimated else "") + cell(item.reach, "people"),
            cell(item.affinity, "number"),
        ]
        if uncertainty is not None:
            first = uncertainty.probability_of(item.platform) if item.score is not None else None
            row.insert(2, cell(first, "share"))
        rows.append(tuple(row))
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True))
        for row in rows
    ]
    if uncertainty is not None:
        draws = format_number(uncertainty.draws, language)
        lines.append(t("langs.cli_first_legend", language, draws=draws))
    lines.append(t("langs.cli_as_of", language, date=result.as_of.isoformat()))
    lines.append("")
    lines.append(headline(result.recommendation, language))
    lines.extend(f"  - {render(r, language)}" for r in result.recommendation.reasons)
    if uncertainty is not None and uncertainty.confidence is not None:
        draws = format_number(uncertainty.draws, language)
        lines.append(t("langs.cli_how_sure", language, draws=draws, seed=uncertainty.seed))
        lines.extend(f"  - {render(note, language)}" for note in uncertainty.confidence.notes)
        lines.extend(f"  - {render(flip.note, language)}" for flip in uncertainty.flips_if)
    return "\n".join(lines)


def coverage_json(report: CoverageReport, language: Language) -> dict[str, Any]:
    """The data-report JSON: totals, and one object per cell with its reason as text."""
    cells = []
    for cell in report.cells:
        item = cell.model_dump(mode="json", exclude={"reason"})
        item["reason"] = render(cell.reason, language) if cell.reason else None
        cells.append(item)
    largest = [
        {**network.model_dump(mode="json"), "recent": network.recent} for network in report.largest
    ]
    return {
        "totals": report.totals.model_dump(mode="json"),
        "largest": largest,
        "largest_recent": report.largest_recent,
        "cells": cells,
    }


# How a cell prints in the table: its year, or what stands in for it.
_TABLE_MARKS = {"stale": "old", "fallback": "ww", "gap": "gap", "not_applicable": "n/a"}


def coverage_table(report: CoverageReport) -> str:
    """One block per dimension: networks down, regions across, the year used or a mark."""
    regions = list(dict.fromkeys(cell.region for cell in report.cells))
    platforms = list(dict.fromkeys(cell.platform for cell in report.cells))
    marks = {
        (c.platform, c.region, c.dimension): str(c.year)
        if c.status == "covered" and c.year is not None
        else _TABLE_MARKS[c.status]
        for c in report.cells
    }
    width = max(len(p) for p in platforms)
    lines: list[str] = []
    for dimension in COVERAGE_DIMENSIONS:
        share = report.totals.share_covered_by_dimension[dimension]
        lines.append(f"{dimension} ({share:.0%} covered)")
        lines.append((" " * width + "  " + " ".join(r.ljust(4) for r in regions)).rstrip())
        for platform in platforms:
            row = [marks[platform, region, dimension].ljust(4) for region in regions]
            lines.append(platform.ljust(width) + "  " + " ".join(row).rstrip())
        lines.append("")
    totals = report.totals
    median = "-" if totals.median_age_years is None else f"{totals.median_age_years:g}"
    used = "-" if totals.median_age_used_years is None else f"{totals.median_age_used_years:g}"
    lines += [
        "year = the figure scoring uses; old = only a figure older than "
        f"{totals.as_of - STALE_AFTER_YEARS} (used, with a caveat); ww = worldwide figure used; "
        "gap = none; n/a = not asked",
        f"rows: {totals.rows}  sources: {totals.sources}",
        f"cells covered: {totals.covered_cells} of {totals.applicable_cells} "
        f"({totals.share_covered:.1%})",
        f"median age of figures: {median} years (of the figures used: {used}) as of {totals.as_of}",
        "",
        f"largest networks per country with their own age and gender split from "
        f"{RECENT_PROFILE_YEAR} on: {report.largest_recent} of {len(report.largest)}",
    ]
    by_region: dict[str, list[str]] = {}
    for network in report.largest:
        age = network.age_year or "-"
        gender = network.gender_year or "-"
        mark = "" if network.recent else " *"
        by_region.setdefault(network.region, []).append(
            f"{network.platform} {network.audience / 1e6:.1f}M (age {age}, gender {gender}){mark}"
        )
    lines += [f"  {region}: " + "; ".join(items) for region, items in by_region.items()]
    lines.append("  * = no own age or gender split from that year on (a gap to fill)")
    return "\n".join(lines)
