"""The meeting pack: an assessment as a PowerPoint deck or a one-page printable HTML report.

Both tell the same story, in the user's language and in this order: the answer (the network
to test first, or the close call, how sure, why, and its key figures), the ranking, why not
the runner-up, the persona against the pick's audience, the caveats that matter for the pick,
the blocked and restricted networks with their dates, the next steps, and the sources, with
their authority, as an appendix. The answer is the one :func:`smmfit.ranking.assess` decides,
the very one the Fit page and the command line state. Charts are the Vega-Lite specs the page
shows, rendered to PNG by vl-convert, offline, larger for a room.

Output is deterministic: the same input gives the same bytes, apart from the date given.
Text that is not ours (the persona name, plan lines, data) is cleaned of characters XML
cannot hold and, in HTML, escaped.

>>> from datetime import date
>>> from smmfit import Evidence, Persona, load_dataset
>>> from smmfit.ranking import assess
>>> assessed = assess(Persona(region="RU", name="Anna"), Evidence(load_dataset()), draws=200)
>>> from smmfit.render.page import report_html
>>> report_html(assessed, "en", generated=date(2026, 11, 23)).startswith(b"<!DOCTYPE")
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import vl_convert
from babel.dates import format_date
from babel.lists import format_list

from smmfit.data import Dataset
from smmfit.models import Note, Persona, PlatformResult, Ranking
from smmfit.ranking import Assessment
from smmfit.render.charts import audience_charts, ranking_chart
from smmfit.render.fonts import with_font
from smmfit.render.i18n import (
    Language,
    format_number,
    format_people,
    format_share,
    platform_name,
    region_name,
    render,
    t,
)
from smmfit.render.logo import Logo
from smmfit.render.page_tables import PROFILE_DIMENSIONS, messengers_note, missing_dimensions
from smmfit.render.text import headline

# (verdict, plan line), worst first: the tactic checker's result as plain data.
TacticSummary = Sequence[tuple[str, str]]

# (label, value) rows of the next-steps slide, already in the user's language (a test plan).
NextSteps = Sequence[tuple[str, str]]


TACTIC_LINES_SHOWN = 5


# Charts are drawn for a room: 16 px text, placed at 0.75 pt or more per pixel, is 12 pt or
# more on the slide. Bars are thicker than on screen.
CHART_FONT_PX = 16
RANKING_CHART_WIDTH = 320  # px of the plotting area
RANKING_CHART_STEP = 28  # px per network
# At 28 px a network, a dozen bars and the legend fill the chart's half of the slide at 0.75 pt
# per pixel; the deck's table beside the chart holds the same networks and says how many more
# the report lists (deck._first_rows).
RANKING_CHART_NETWORKS = 12
AUDIENCE_CHART_WIDTH = 220
AUDIENCE_CHART_STEP = 30


CHART_SCALE = 2  # PNG pixels per chart pixel, sharp on a projector


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


HTML_MIME = "text/html"


# Weak sources last; a source's authority is the weakest it has anywhere in the data.
AUTHORITY_ORDER = ("user", "primary", "secondary", "low", "")


# Characters XML 1.0 cannot hold, and the C0/C1 controls (they show as boxes at best).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# Line and paragraph breaks of every kind (Unicode's included: a shaping engine refuses some
# of them inside a line) become one space.
_SPACES = re.compile("[ \t\n\r\v\f\x85\u2028\u2029]+")


def clean(text: str) -> str:
    """Text safe in XML and on one line: controls removed, whitespace runs made one space.

    >>> clean("Anna\\x00 \\x1b[31m\\nSmith")
    'Anna [31m Smith'
    >>> clean("one\\u2029two\\x85three")
    'one two three'
    """
    # Only line breaks and ASCII spaces are collapsed: the locale's no-break spaces
    # ("74,9\u00a0%") stay.
    return _SPACES.sub(" ", _INVALID.sub("", _SPACES.sub(" ", text))).strip()


@dataclass(frozen=True)
class Chart:
    png: bytes
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class Card:
    """One big figure of the answer: the number, what it counts, and its range or gap."""

    value: str
    label: str
    detail: str


@dataclass(frozen=True)
class Source:
    name: str  # "Source (year)"
    url: str
    authority: str  # user, primary, secondary, low, or "" when unknown
    mark: str  # the authority in the language; weak sources say so

    @property
    def weak(self) -> bool:
        return self.authority == "low"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


Table = tuple[tuple[str, ...], ...]  # header row first


@dataclass(frozen=True)
class MeetingPack:
    """The pack's content, as text in one language and chart images: what both formats show."""

    language: Language
    title: str
    subtitle: str
    date_text: str
    footer: str
    logo: Logo | None
    persona: tuple[tuple[str, str], ...]  # (label, value)
    # The answer
    headline: str
    close_call: bool
    sure: str
    why: str
    cards: tuple[Card, ...]
    # The ranking
    ranking: Chart | None
    ranking_table: Table
    weights: str
    messengers: str  # how to read the messengers in the ranking; "" without one
    # Why not the runner-up
    runner_title: str
    runner_table: Table  # header row: "", pick, runner
    runner_lines: tuple[str, ...]
    # The persona against the pick's audience
    audience_title: str
    audience: tuple[Chart, ...]
    audience_lines: tuple[str, ...]
    audience_note: str
    # The caveats for the pick
    caveats_title: str
    caveats: tuple[str, ...]
    # Blocked and restricted networks
    unavailable: tuple[tuple[str, str], ...]  # (network, what since when, why)
    as_of: str
    # Next steps
    next_steps: tuple[tuple[str, str], ...]  # (label, value)
    # Appendix
    sources: tuple[Source, ...]
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

    def with_logo(self, logo: Logo | None) -> MeetingPack:
        return replace(self, logo=logo)


@lru_cache(maxsize=64)
def _png_of(spec_json: str) -> Chart:
    # Cached by the spec: the same persona's deck and report, or a second click, reuse it.
    png = vl_convert.vegalite_to_png(json.loads(spec_json), scale=CHART_SCALE)
    # A PNG's IHDR chunk holds width and height at bytes 16-24.
    width = int.from_bytes(png[16:20], "big") // CHART_SCALE
    height = int.from_bytes(png[20:24], "big") // CHART_SCALE
    return Chart(png=png, width=width, height=height)


def _png(spec: dict[str, Any], language: Language) -> Chart:
    # The machine's default sans-serif may lack the language's script: name its font.
    return _png_of(json.dumps(with_font(spec, language), sort_keys=True, ensure_ascii=False))


def _first_networks(spec: dict[str, Any], count: int) -> dict[str, Any]:
    """The ranking chart's spec with only its first ``count`` networks in ranking order."""
    keep = spec["encoding"]["y"]["sort"][:count]
    return {
        **spec,
        "data": {"values": [row for row in spec["data"]["values"] if row["network"] in keep]},
        "encoding": {**spec["encoding"], "y": {**spec["encoding"]["y"], "sort": keep}},
    }


def _for_a_room(spec: dict[str, Any]) -> dict[str, Any]:
    """The page's chart, its text at :data:`CHART_FONT_PX` (colours and marks as on the page)."""
    size = CHART_FONT_PX
    return {
        **spec,
        "config": {
            **spec.get("config", {}),
            "axis": {"labelFontSize": size, "titleFontSize": size},
            # The whole factor names, one under the other, as the page's legend says them.
            "legend": {
                "labelFontSize": size,
                "symbolSize": 160,
                "labelLimit": 0,
                "direction": "vertical",
            },
            "title": {"fontSize": size},
            "text": {"fontSize": size - 2},
        },
    }


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
    if persona.settlement:
        parts.insert(-1, t(f"settlement.{persona.settlement}", language))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _range(low: float | None, high: float | None, text: Any, language: Language) -> str:
    if low is None or high is None or text(low, language) == text(high, language):
        return ""
    return t("deck.range", language, low=text(low, language), high=text(high, language))


def _people(value: float | None, language: Language) -> str:
    return format_people(value, language) if value is not None else t("deck.unknown", language)


def _share(value: float | None, language: Language) -> str:
    return format_share(value, language) if value is not None else t("deck.unknown", language)


def _affinity(value: float | None, language: Language) -> str:
    return (
        format_number(round(value), language) if value is not None else t("deck.unknown", language)
    )


def _cards(pick: PlatformResult, language: Language) -> tuple[Card, ...]:
    unknown = t("deck.unknown_detail", language)
    return (
        Card(
            _people(pick.reach, language),
            t("deck.card_reach", language),
            _range(pick.reach_low, pick.reach_high, format_people, language)
            if pick.reach is not None
            else unknown,
        ),
        Card(
            _share(pick.match_share, language),
            t("deck.card_share", language),
            _range(pick.match_share_low, pick.match_share_high, format_share, language)
            if pick.match_share is not None
            else unknown,
        ),
        Card(
            _affinity(pick.affinity, language),
            t("deck.card_affinity", language),
            "" if pick.affinity is not None else unknown,
        ),
    )


# The one line of "why": the pick's strongest claim, in this order of preference.
_WHY = (
    "reason.largest_reach",
    "reason.highest_match",
    "reason.segment_best",
    "reason.affinity_over",
)


def _why(reasons: Sequence[Note], language: Language) -> str:
    for key in _WHY:
        for note in reasons:
            if note.key == key:
                return clean(render(note, language))
    score = next((n for n in reasons if n.key == "reason.score"), None)
    return clean(render(score, language)) if score else ""


def _status(item: PlatformResult, language: Language) -> str:
    return t(f"status.label_{item.status}", language)


def _ranking_rows(assessed: Assessment, language: Language) -> Table:
    columns = ("rank", "network", "status", "reach", "share", "wins")
    header = tuple(t(f"deck.col_{name}", language) for name in columns)
    rows = [
        (
            str(item.rank),
            # A messenger marked as one: its place reads differently (the report says how).
            t("deck.messenger_name", language, name=platform_name(item.platform, language))
            if item.kind == "messenger"
            else platform_name(item.platform, language),
            _status(item, language),
            _people(item.reach, language),
            _share(item.match_share, language),
            format_share(assessed.uncertainty.probability_of(item.platform), language),
        )
        for item in assessed.ranking.ranking
        if item.score is not None
    ]
    return (header, *rows)


def _runner(
    assessed: Assessment, pick: PlatformResult | None, language: Language
) -> tuple[str, Table, tuple[str, ...]]:
    result = assessed.ranking
    runner_id = result.recommendation.runner_up
    runner = next((r for r in result.ranking if r.platform == runner_id), None)
    if pick is None or runner is None:
        return t("deck.why_not_none", language), (), ()
    name = platform_name(runner.platform, language)
    header = ("", platform_name(pick.platform, language), name)
    odds = assessed.uncertainty.probability_of
    both = (pick, runner)
    rows = [
        (t("deck.col_score", language), *(format_number(i.score or 0, language) for i in both)),
        (t("deck.col_reach", language), *(_people(i.reach, language) for i in both)),
        (t("deck.col_share", language), *(_share(i.match_share, language) for i in both)),
        (t("deck.col_affinity", language), *(_affinity(i.affinity, language) for i in both)),
        (t("deck.col_wins", language), *(format_share(odds(i.platform), language) for i in both)),
        (t("deck.col_status", language), *(_status(i, language) for i in both)),
    ]  # fmt: skip
    lines = [
        clean(render(note, language))
        for note in result.recommendation.reasons
        if note.key in ("reason.runner_up", "reason.runner_up_level")
    ]
    flips = [f.note for f in assessed.uncertainty.flips_if if f.new_pick == runner.platform]
    flips += [n for n in assessed.changes if n.params.get("platform") == runner.platform]
    lines.append(t("deck.flips_to", language, platform=name))
    lines += [clean(render(n, language)) for n in flips] or [
        t("deck.no_flip", language, platform=name)
    ]
    return t("deck.why_not", language, platform=name), (header, *rows), tuple(lines)


def _audience_lines(
    pick: PlatformResult | None, audience: pd.DataFrame | None, subtitle: str, language: Language
) -> tuple[str, ...]:
    if pick is None:
        return ()
    lines = [t("deck.audience_persona", language, persona=subtitle)]
    if pick.match_share is None:
        lines.append(t("deck.audience_share", language, share=t("deck.unknown", language)))
    else:
        share = format_share(pick.match_share, language)
        spread = _range(pick.match_share_low, pick.match_share_high, format_share, language)
        lines.append(
            t(
                "deck.audience_share_range",
                language,
                share=share,
                low=format_share(pick.match_share_low or 0, language),
                high=format_share(pick.match_share_high or 0, language),
            )
            if spread
            else t("deck.audience_share", language, share=share)
        )
    missing = missing_dimensions(audience if audience is not None else pd.DataFrame())
    if missing:
        lines.append(
            t(
                "deck.audience_unpublished",
                language,
                platform=platform_name(pick.platform, language),
                dimensions=format_list(
                    [t(f"dimension.{d}", language) for d in missing], locale=language
                ),
            )
        )
    return tuple(lines)


def _audience_note(platform: str | None, audience: pd.DataFrame | None, language: Language) -> str:
    if platform is None:
        return t("fit.no_pick", language)
    if audience is None or audience.empty:
        return t("audience.no_data", language, platform=platform_name(platform, language))
    sources = sorted({clean(f"{row.source} ({row.year})") for row in audience.itertuples()})
    return t("audience.sources", language, sources="; ".join(sources))


def source_authorities(dataset: Dataset) -> dict[tuple[str, str, int], str]:
    """Every source's authority in the data, by (source, url, year): the weakest one given."""
    found: dict[tuple[str, str, int], str] = {}
    rows = [(f.source, f.url, f.year, str(f.authority)) for f in dataset.figures]
    rows += [(s.source, s.url, s.year, str(s.authority)) for s in dataset.segment_signals]
    rows += [(p.source, p.url, p.year, "") for p in dataset.population]
    for source, url, year, authority in rows:
        key = (source, str(url), year)
        if key not in found or AUTHORITY_ORDER.index(authority) > AUTHORITY_ORDER.index(found[key]):
            found[key] = authority
    return found


def _sources(
    result: Ranking,
    audience: pd.DataFrame | None,
    authorities: Mapping[tuple[str, str, int], str],
    language: Language,
) -> tuple[Source, ...]:
    """Every source once, those behind the pick, the runner-up and the audience first; then by
    authority (weak sources last) and name."""
    found: dict[str, Source] = {}
    decision = result.recommendation
    first = {
        clean(f"{ref.source} ({ref.year})")
        for item in result.ranking
        if item.platform in (decision.platform, decision.runner_up)
        for ref in item.sources
    }
    if audience is not None:
        first |= {clean(f"{row.source} ({row.year})") for row in audience.itertuples()}

    def add(source: str, url: str, year: int, authority: str) -> None:
        name = clean(f"{source} ({year})")
        if name in found:
            return
        mark = t(f"deck.authority_{authority}", language) if authority else ""
        found[name] = Source(name, url, authority, mark)

    for item in result.ranking:
        for ref in item.sources:
            authority = "user" if ref.user else authorities.get((ref.source, ref.url, ref.year), "")
            add(ref.source, ref.url, ref.year, authority)
    if audience is not None:
        columns = audience[["source", "url", "year", "authority"]]
        for source, url, year, authority in columns.itertuples(index=False, name=None):
            add(str(source), str(url), int(year), str(authority))
    return tuple(
        sorted(
            found.values(),
            key=lambda s: (
                s.name not in first,
                AUTHORITY_ORDER.index(s.authority),
                s.name.casefold(),
            ),
        )
    )


def _next_steps(
    given: NextSteps | None, pick: str | None, runner: str | None, language: Language
) -> tuple[tuple[str, str], ...]:
    if given:
        return tuple((clean(label), clean(value)) for label, value in given)
    if pick is None:
        return ()
    steps = [
        t("deck.step_1", language, platform=platform_name(pick, language)),
        t("deck.step_2", language),
        t("deck.step_3", language),
        t("deck.step_4", language, runner=platform_name(runner, language))
        if runner
        else t("deck.step_4_none", language),
    ]
    return tuple(
        (t("deck.step_label", language, number=number), step)
        for number, step in enumerate(steps, start=1)
    )


def meeting_pack(
    assessed: Assessment,
    language: Language,
    *,
    audience: pd.DataFrame | None = None,
    authorities: Mapping[tuple[str, str, int], str] | None = None,
    next_steps: NextSteps | None = None,
    tactic_summary: TacticSummary | None = None,
    logo: Logo | None = None,
    generated: date,
) -> MeetingPack:
    """The pack's content. ``audience`` is the pick's profile (smmfit.audience);
    ``authorities`` is :func:`source_authorities` of the data (sources unmarked without it);
    ``next_steps`` are (label, value) rows in the language, else the method's steps."""
    result = assessed.ranking
    persona = result.persona
    decision = result.recommendation
    pick = next((r for r in result.ranking if r.platform == decision.platform), None)
    scored = any(item.score is not None for item in result.ranking)
    chart = {
        **_for_a_room(_first_networks(ranking_chart(result, language), RANKING_CHART_NETWORKS)),
        "width": RANKING_CHART_WIDTH,
        "height": {"step": RANKING_CHART_STEP},
    }
    audience_specs = audience_charts(audience, language) if audience is not None else {}
    confidence = assessed.uncertainty.confidence
    weights = result.weights.normalised()
    subtitle = _subtitle(persona, language)
    pick_name = platform_name(decision.platform, language) if decision.platform else "—"
    # The same words as the Fit page and the CLI: one answer, stated once.
    sure = clean(render(confidence.notes[0], language)) if confidence else ""
    runner_title, runner_table, runner_lines = _runner(assessed, pick, language)
    when = format_date(generated, format="long", locale=language)
    return MeetingPack(
        language=language,
        title=clean(persona.name) or t("export.default_title", language),
        subtitle=subtitle,
        date_text=t("export.prepared", language, date=when),
        footer=t("deck.footer", language, date=when),
        logo=logo,
        persona=tuple((label, clean(value)) for label, value in _persona_rows(persona, language)),
        headline=headline(decision, language),
        close_call=decision.close_call,
        sure=sure,
        why=_why(decision.reasons, language) if pick else "",
        cards=_cards(pick, language) if pick else (),
        ranking=_png(chart, language) if scored else None,
        ranking_table=_ranking_rows(assessed, language),
        weights=t(
            "export.weights",
            language,
            **{name: format_share(value, language) for name, value in weights.items()},
        ),
        messengers=clean(messengers_note(result, language)),
        runner_title=runner_title,
        runner_table=runner_table,
        runner_lines=runner_lines,
        audience_title=t("export.audience_title", language, platform=pick_name),
        audience=tuple(
            _png(
                {
                    **_for_a_room(spec),
                    "width": AUDIENCE_CHART_WIDTH,
                    "height": {"step": AUDIENCE_CHART_STEP},
                },
                language,
            )
            for spec in audience_specs.values()
        ),
        audience_lines=_audience_lines(pick, audience, subtitle, language),
        audience_note=_audience_note(decision.platform, audience, language),
        caveats_title=t("deck.caveats", language, platform=pick_name),
        caveats=tuple(clean(render(gap, language)) for gap in pick.gaps)
        or (t("deck.caveats_none", language, platform=pick_name),)
        if pick
        else (),
        unavailable=tuple(
            (platform_name(item.platform, language), clean(render(item.status_note, language)))
            for item in result.ranking
            if item.limited and item.status_note
        ),
        as_of=t(
            "fit.as_of", language, date=format_date(result.as_of, format="long", locale=language)
        ),
        next_steps=_next_steps(next_steps, decision.platform, decision.runner_up, language),
        sources=_sources(result, audience, authorities or {}, language),
        tactics=None,
        tactic_lines=(),
    ).with_tactics(tactic_summary)


__all__ = [
    "HTML_MIME",
    "PPTX_MIME",
    "PROFILE_DIMENSIONS",
    "Card",
    "Chart",
    "MeetingPack",
    "NextSteps",
    "Source",
    "TacticSummary",
    "clean",
    "meeting_pack",
    "source_authorities",
]
