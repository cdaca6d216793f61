"""The meeting pack: a ranking as a PowerPoint deck or a one-page printable HTML report.

Both carry the same content, in the user's language: the persona, the ranking chart (the
very Vega-Lite spec the Fit page shows, rendered to PNG by vl-convert, offline), the pick
with its reasons, runner-up, win probability and what would change it, the persona against
the pick's audience, the blocked and restricted networks, the sources with their years, and
a tactic-check summary when one is given.

Output is deterministic: the same input gives the same bytes, apart from the date given.
Text that is not ours (the persona name, plan lines, data) is cleaned of characters XML
cannot hold and, in HTML, escaped.

>>> from datetime import date
>>> from smmfit import Evidence, Persona, load_dataset, rank
>>> result = rank(Persona(region="RU", name="Anna"), Evidence(load_dataset()))
>>> from smmfit.render.page import report_html
>>> report_html(result, None, (), "en", generated=date(2026, 11, 23)).startswith(b"<!DOCTYPE")
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd
import vl_convert
from babel.dates import format_date

from smmfit.models import Note, Persona, Ranking
from smmfit.ranking import Uncertainty
from smmfit.render.charts import audience_charts, ranking_chart
from smmfit.render.fonts import with_font
from smmfit.render.i18n import Language, format_share, platform_name, region_name, render, t
from smmfit.render.tables import ranking_display

# (verdict, plan line), worst first: the tactic checker's result as plain data.
TacticSummary = Sequence[tuple[str, str]]


TACTIC_LINES_SHOWN = 5


SOURCES_PER_SLIDE = 18


# The page stretches the ranking chart to its width; on a slide it gets a fixed size, taller
# bars than on screen so the names read from the back of the room.
CHART_WIDTH = 440  # px of the plotting area


CHART_STEP = 36  # px per network


CHART_SCALE = 2  # PNG pixels per chart pixel, sharp on a projector


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


HTML_MIME = "text/html"


# Characters XML 1.0 cannot hold, and the C0/C1 controls (they show as boxes at best).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


_SPACES = re.compile("[ \t\n\r]+")


def clean(text: str) -> str:
    """Text safe in XML and on one line: controls removed, whitespace runs made one space.

    >>> clean("Anna\\x00 \\x1b[31m\\nSmith")
    'Anna [31m Smith'
    """
    # Only ASCII whitespace is collapsed: the locale's no-break spaces ("74,9\u00a0%") stay.
    return _SPACES.sub(" ", _INVALID.sub("", text)).strip()


@dataclass(frozen=True)
class Chart:
    png: bytes
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class MeetingPack:
    """The pack's content, as text in one language and chart images: what both formats show."""

    language: Language
    title: str
    subtitle: str
    date_text: str
    persona: tuple[tuple[str, str], ...]  # (label, value)
    ranking: Chart | None
    ranking_table: tuple[tuple[str, ...], ...]  # header row first
    weights: str
    pick: str
    reasons: tuple[str, ...]
    runner_up: str
    confidence: tuple[str, ...]
    changes: tuple[str, ...]
    audience_title: str
    audience: tuple[Chart, ...]
    audience_note: str
    unavailable: tuple[tuple[str, str], ...]  # (network, why)
    sources: tuple[tuple[str, str], ...]  # ("Source (year)", url)
    tactics: tuple[tuple[str, int], ...] | None  # (verdict, count)
    tactic_lines: tuple[tuple[str, str], ...]

    def with_tactics(self, tactic_summary: TacticSummary | None) -> MeetingPack:
        """This pack with another tactic-check summary; the charts are not rendered again."""
        counts = Counter(clean(verdict) for verdict, _ in tactic_summary or ())
        return replace(
            self,
            tactics=tuple(counts.items()) if tactic_summary is not None else None,
            tactic_lines=tuple(
                (clean(verdict), clean(line))
                for verdict, line in list(tactic_summary or ())[:TACTIC_LINES_SHOWN]
            ),
        )


def _png(spec: dict[str, Any], language: Language) -> Chart:
    # The machine's default sans-serif may lack the language's script: name its font.
    png = vl_convert.vegalite_to_png(with_font(spec, language), scale=CHART_SCALE)
    # A PNG's IHDR chunk holds width and height at bytes 16-24.
    width = int.from_bytes(png[16:20], "big") // CHART_SCALE
    height = int.from_bytes(png[20:24], "big") // CHART_SCALE
    return Chart(png=png, width=width, height=height)


def _persona_rows(persona: Persona, language: Language) -> tuple[tuple[str, str], ...]:
    devices = (
        t("export.all_devices", language)
        if persona.all_devices
        else ", ".join(t(f"device.{d}", language) for d in persona.devices)
    )
    return (
        (t("fit.age", language), f"{persona.age_min}–{persona.age_max}"),
        (t("fit.gender", language), t(f"gender.{persona.gender}", language)),
        (t("fit.region", language), region_name(persona.region, language)),
        *(
            [(t("fit.settlement", language), t(f"settlement.{persona.settlement}", language))]
            if persona.settlement
            else []
        ),
        (t("fit.devices", language), devices),
        (t("fit.segment", language), t(f"segment.{persona.segment}", language)),
        (t("fit.goal", language), t(f"goal.{persona.goal or 'none'}", language)),
    )


def _subtitle(persona: Persona, language: Language) -> str:
    parts = [t(f"gender.{persona.gender}", language)] if persona.gender != "any" else []
    parts += [
        t("export.ages", language, ages=f"{persona.age_min}–{persona.age_max}"),
        region_name(persona.region, language),
        t(f"segment.{persona.segment}", language),
    ]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _ranking_rows(result: Ranking, language: Language, uncertainty: Uncertainty | None) -> Any:
    frame = ranking_display(result, language, uncertainty)
    columns = [
        t(f"table.{name}", language)
        for name in ("rank", "platform", "score", "reach", "match_share")
    ]
    if uncertainty is not None:
        columns.append(t("table.win_probability", language))
    scored = [item.score is not None for item in result.ranking]
    rows = frame.loc[scored, columns].astype(str).itertuples(index=False, name=None)
    return (tuple(columns), *(tuple(clean(cell) for cell in row) for row in rows))


def _sources(result: Ranking, audience: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for item in result.ranking:
        for ref in item.sources:
            found.setdefault(clean(f"{ref.source} ({ref.year})"), ref.url)
    if audience is not None:
        for row in audience.itertuples():
            found.setdefault(clean(f"{row.source} ({row.year})"), str(row.url))
    return tuple(sorted(found.items(), key=lambda pair: pair[0].casefold()))


def _audience_note(platform: str | None, audience: pd.DataFrame | None, language: Language) -> str:
    if platform is None:
        return t("fit.no_pick", language)
    if audience is None or audience.empty:
        return t("audience.no_data", language, platform=platform_name(platform, language))
    sources = sorted({clean(f"{row.source} ({row.year})") for row in audience.itertuples()})
    return t("audience.sources", language, sources="; ".join(sources))


def meeting_pack(
    result: Ranking,
    uncertainty: Uncertainty | None,
    changes: Sequence[Note],
    language: Language,
    *,
    audience: pd.DataFrame | None = None,
    tactic_summary: TacticSummary | None = None,
    generated: date,
) -> MeetingPack:
    """The pack's content. ``audience`` is the pick's profile (smmfit.audience)."""
    persona = result.persona
    pick = result.recommendation
    scored = any(item.score is not None for item in result.ranking)
    chart = {
        **ranking_chart(result, language).to_dict(),
        "width": CHART_WIDTH,
        "height": {"step": CHART_STEP},
    }
    audience_specs = audience_charts(audience, language) if audience is not None else {}
    confidence = uncertainty.confidence if uncertainty is not None else None
    flips = uncertainty.flips_if if uncertainty is not None else ()
    weights = result.weights.normalised()
    audience_note = _audience_note(pick.platform, audience, language)
    return MeetingPack(
        language=language,
        title=clean(persona.name) or t("export.default_title", language),
        subtitle=_subtitle(persona, language),
        date_text=t(
            "export.prepared",
            language,
            date=format_date(generated, format="long", locale=language),
        ),
        persona=tuple((label, clean(value)) for label, value in _persona_rows(persona, language)),
        ranking=_png(chart, language) if scored else None,
        ranking_table=_ranking_rows(result, language, uncertainty),
        weights=t(
            "export.weights",
            language,
            **{name: format_share(value, language) for name, value in weights.items()},
        ),
        pick=t("fit.test_first", language, platform=platform_name(pick.platform, language))
        if pick.platform
        else t("fit.no_pick", language),
        reasons=tuple(clean(render(note, language)) for note in pick.reasons),
        runner_up=t(
            "export.runner_up",
            language,
            platform=platform_name(pick.runner_up, language)
            if pick.runner_up
            else t("export.none", language),
        ),
        confidence=tuple(clean(render(n, language)) for n in confidence.notes)
        if confidence
        else (),
        changes=tuple(clean(render(n, language)) for n in (*changes, *(f.note for f in flips))),
        audience_title=t(
            "export.audience_title",
            language,
            platform=platform_name(pick.platform, language) if pick.platform else "—",
        ),
        audience=tuple(_png(spec, language) for spec in audience_specs.values()),
        audience_note=audience_note,
        unavailable=tuple(
            (platform_name(item.platform, language), clean(render(item.status_note, language)))
            for item in result.ranking
            if item.limited and item.status_note
        ),
        sources=_sources(result, audience),
        tactics=None,
        tactic_lines=(),
    ).with_tactics(tactic_summary)
