"""What the pages show, shaped and put in the user's language: tables and Markdown blocks.

The pages only render these; the shaping lives here so that it is plain Python with unit
tests (tests/test_page_tables.py). Every function returns a new value and leaves its input
alone, and everything taken from the data is escaped before it becomes Markdown.

- Fit: :func:`notes_markdown`, :func:`unavailable_markdown`, :func:`as_of_caption`,
  :func:`evidence_markdown`, :func:`audience_sources`.
- Networks: :func:`status_metric`, :func:`profile_falls_back`, :func:`missing_dimensions`,
  :func:`coverage_rows`, :func:`figures_display`, :func:`availability_display`.
- Method: :func:`goal_weights_table`.

>>> from smmfit.models import Note
>>> notes_markdown([Note(key="region.worldwide")], "en")
'- Worldwide'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from smmfit.data import COVERAGE_DIMENSIONS, TRACKED_REGIONS, CoverageReport, Dataset, status_on
from smmfit.models import FACTORS, GOAL_WEIGHTS, MAX_AGE, MIN_AGE, Note, Ranking
from smmfit.render.i18n import (
    Language,
    data_text,
    format_since,
    platform_name,
    region_name,
    render,
    scope_label,
    t,
)
from smmfit.render.markup import escape_markdown, markdown_link

# The audience profile's dimensions a page reports as gaps when the data has none.
PROFILE_DIMENSIONS = ("age", "gender", "device")


def notes_markdown(notes: Iterable[Note], language: Language) -> str:
    """One bullet per note, rendered and escaped; "" for no notes."""
    return "\n".join(f"- {escape_markdown(render(note, language))}" for note in notes)


def messengers_note(result: Ranking, language: Language) -> str:
    """How to read the messengers among the scored networks ("" without one), in list order."""
    messengers = [
        r.platform for r in result.ranking if r.kind == "messenger" and r.score is not None
    ]
    if not messengers:
        return ""
    return render(Note(key="fit.messengers", params={"platforms": ",".join(messengers)}), language)


def unavailable_markdown(result: Ranking, language: Language) -> str:
    """One bullet per network with a status note (blocked, restricted), named in bold."""
    return "\n".join(
        f"- **{escape_markdown(platform_name(item.platform, language))}**: "
        f"{escape_markdown(render(item.status_note, language))}"
        for item in result.ranking
        if item.limited and item.status_note
    )


def as_of_caption(result: Ranking, language: Language) -> str:
    """The day the blocked and restricted list holds for, beside that list."""
    return escape_markdown(
        t("fit.as_of", language, date=format_since(result.as_of.isoformat(), language))
    )


def status_metric(
    dataset: Dataset, platform: str, region: str, language: Language, on: date | None = None
) -> tuple[str, str, str]:
    """The Networks page's status: its label, the line explaining it, and the day it holds
    for (today by default), for the whole population aged 13 and over."""
    on = on or date.today()
    status, record = status_on(dataset, platform, region, on, (MIN_AGE, MAX_AGE))
    reason = (
        data_text(record.reason_in(language), language)
        if record
        else t("explorer.no_restriction", language)
    )
    day = t("explorer.status_as_of", language, date=format_since(on.isoformat(), language))
    return t(f"status.label_{status}", language), reason, day


def evidence_markdown(result: Ranking, language: Language) -> str:
    """Per network, its gaps and its sources with links; the user's own figures marked."""
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
    return "\n\n".join(blocks)


def audience_sources(profile: pd.DataFrame, language: Language) -> str:
    """The caption under the audience charts: every source once, sorted, escaped."""
    marker = t("your_data.marker", language)
    sources = sorted(
        {
            f"{f'[{marker}] ' if row.authority == 'user' else ''}{row.source} ({row.year})"
            for row in profile.itertuples()
        }
    )
    return escape_markdown(t("audience.sources", language, sources="; ".join(sources)))


def profile_falls_back(profile: pd.DataFrame, region: str) -> bool:
    """Whether the audience profile borrows figures from another region (the worldwide ones)."""
    return not profile.empty and bool(set(profile["region"]) - {region})


def missing_dimensions(profile: pd.DataFrame) -> list[str]:
    """The profile dimensions (age, gender, device) the data has no figures for."""
    present = set() if profile.empty else set(profile["dimension"])
    return [dimension for dimension in PROFILE_DIMENSIONS if dimension not in present]


def coverage_rows(
    report: CoverageReport, platform: str, region: str, language: Language
) -> pd.DataFrame:
    """The coverage of one network in one region, a row per dimension; empty for a region
    the coverage report does not track."""
    columns = [
        t("coverage_label.dimension", language),
        t("audience.year", language),
        t("table.status", language),
        t("coverage_label.reason", language),
    ]
    if region not in TRACKED_REGIONS:
        return pd.DataFrame(columns=columns)
    cells = [report.cell(platform, region, dimension) for dimension in COVERAGE_DIMENSIONS]
    rows = [
        (
            t(f"dimension_name.{cell.dimension}", language),
            str(cell.year) if cell.year else "—",
            t(f"coverage_label.{cell.status}", language),
            render(cell.reason, language) if cell.reason else "",
        )
        for cell in cells
    ]
    return pd.DataFrame(rows, columns=columns)


def figures_display(figures: pd.DataFrame, language: Language) -> pd.DataFrame:
    """A network's figures (smmfit.explorer.platform_figures) with dimension and unit named
    in the language; codes stay codes everywhere else."""
    shown = figures.copy()
    shown["dimension"] = [t(f"dimension_name.{d}", language) for d in figures["dimension"]]
    shown["unit"] = [t(f"unit.{u}", language) for u in figures["unit"]]
    return shown


def availability_display(table: pd.DataFrame, language: Language) -> pd.DataFrame:
    """A network's availability history (smmfit.data.availability_table) with country,
    status, scope and dates in the language; an open ``until`` reads "in force"."""
    shown = table.copy()
    shown["region"] = [region_name(code, language) for code in table["region"]]
    shown["status"] = [t(f"status.label_{value}", language) for value in table["status"]]
    shown["scope"] = [scope_label(value, language) for value in table["scope"]]
    shown["since"] = [format_since(value, language) for value in table["since"]]
    shown["reason"] = [data_text(value, language) for value in table["reason"]]
    shown["until"] = [
        format_since(value, language) if value else t("explorer.in_force", language)
        for value in table["until"]
    ]
    return shown


def goal_weights_table(language: Language) -> pd.DataFrame:
    """The default weights of every goal, one row per goal (no goal first)."""
    return pd.DataFrame(
        [
            {
                t("fit.goal", language): t(f"goal.{goal or 'none'}", language),
                **{t(f"factor.{f}", language): getattr(w, f) for f in FACTORS},
                t("weights.penalty", language): w.restricted_penalty,
            }
            for goal, w in GOAL_WEIGHTS.items()
        ]
    )


__all__ = [
    "PROFILE_DIMENSIONS",
    "as_of_caption",
    "audience_sources",
    "availability_display",
    "coverage_rows",
    "evidence_markdown",
    "figures_display",
    "goal_weights_table",
    "missing_dimensions",
    "notes_markdown",
    "profile_falls_back",
    "status_metric",
    "unavailable_markdown",
]
