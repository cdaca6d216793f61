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
>>> report_html(result, None, (), "en", generated=date(2026, 11, 23)).startswith(b"<!DOCTYPE")
True
"""

from __future__ import annotations

import base64
import html
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pandas as pd
import vl_convert
from babel.dates import format_date
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from smmfit.charts import audience_charts, ranking_chart
from smmfit.i18n import Language, format_share, platform_name, region_name, render, t
from smmfit.models import Note, Persona, Ranking
from smmfit.tables import ranking_display
from smmfit.uncertainty import Uncertainty

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


def _png(spec: dict[str, Any]) -> Chart:
    png = vl_convert.vegalite_to_png(spec, scale=CHART_SCALE)
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
    counts = Counter(clean(verdict) for verdict, _ in tactic_summary or ())
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
        ranking=_png(chart) if scored else None,
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
        audience=tuple(_png(spec) for spec in audience_specs.values()),
        audience_note=audience_note,
        unavailable=tuple(
            (platform_name(item.platform, language), clean(render(item.status_note, language)))
            for item in result.ranking
            if item.status_note
        ),
        sources=_sources(result, audience),
        tactics=tuple(counts.items()) if tactic_summary is not None else None,
        tactic_lines=tuple(
            (clean(verdict), clean(line))
            for verdict, line in list(tactic_summary or ())[:TACTIC_LINES_SHOWN]
        ),
    )


# -- PowerPoint ------------------------------------------------------------------------------

_SLIDE_WIDTH = Inches(13.333)  # 16:9
_SLIDE_HEIGHT = Inches(7.5)
_MARGIN = Inches(0.5)
_GAP = Inches(0.3)
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5


class Box(NamedTuple):
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def columns(self, count: int) -> list[Box]:
        width = (self.width - _GAP * (count - 1)) // count
        return [
            Box(self.left + i * (width + _GAP), self.top, width, self.height) for i in range(count)
        ]

    def shrink(self, bottom: int) -> Box:
        return Box(self.left, self.top, self.width, self.height - bottom)


_BODY = Box(_MARGIN, Inches(1.4), _SLIDE_WIDTH - 2 * _MARGIN, _SLIDE_HEIGHT - Inches(1.8))
_FOOTER = Box(_MARGIN, _SLIDE_HEIGHT - Inches(1.0), _SLIDE_WIDTH - 2 * _MARGIN, Inches(0.6))

Line = tuple[str, int, bool]  # text, point size, bold


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box


def _slide(deck: Any, title: str) -> Any:
    slide = deck.slides.add_slide(deck.slide_layouts[_LAYOUT_TITLE_ONLY])
    _place(slide.shapes.title, Box(_MARGIN, Inches(0.3), _BODY.width, Inches(1.0)))
    slide.shapes.title.text = title
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
    return slide


# A sans-serif character is about half as wide as the font size; a line is 1.2 sizes high,
# plus the third of a size left after each paragraph.
_CHAR_WIDTH, _LINE_HEIGHT, _PARAGRAPH_GAP = 0.5, 1.2, 1 / 3
_SMALLEST = 0.6  # shrink text no further than to 60% of its size


def _fit_scale(lines: Sequence[Line], box: Box) -> float:
    """The font scale at which the lines fill no more than the box (an estimate).

    python-pptx cannot measure text without the font files, and PowerPoint applies its own
    shrink-to-fit only once the text is edited, so the deck is sized before it is written.
    """
    width_pt, height_pt = box.width / Pt(1), box.height / Pt(1)
    scale = 1.0
    while scale > _SMALLEST:
        height = 0.0
        for text, size, _ in lines:
            points = size * scale
            per_line = max(1, int(width_pt / (points * _CHAR_WIDTH)))
            rows = -(-max(len(text), 1) // per_line)
            height += points * (rows * _LINE_HEIGHT + _PARAGRAPH_GAP)
        if height <= height_pt:
            break
        scale -= 0.05
    return max(scale, _SMALLEST)


def _text(slide: Any, lines: Sequence[Line], box: Box, links: Sequence[str] | None = None) -> None:
    """A text box of paragraphs, wrapped to its width, smaller when they would overflow it.

    With ``links``, each paragraph links to the address at the same position.
    """
    frame = slide.shapes.add_textbox(*(Emu(v) for v in box)).text_frame
    frame.word_wrap = True
    scale = _fit_scale(lines, box)
    for index, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        if links:
            run.hyperlink.address = links[index]
        run.font.size = Pt(round(size * scale))
        run.font.bold = bold
        paragraph.space_after = Pt(round(size * scale * _PARAGRAPH_GAP))


def _picture(slide: Any, chart: Chart, box: Box) -> None:
    """The chart scaled to fit the box, keeping its proportions."""
    scale = min(box.width / chart.width, box.height / chart.height)
    size = (Emu(int(chart.width * scale)), Emu(int(chart.height * scale)))
    slide.shapes.add_picture(io.BytesIO(chart.png), Emu(box.left), Emu(box.top), *size)


# Relative widths of the ranking table's columns: rank, network, score, reach, match, wins.
_COLUMN_WIDTHS = (0.45, 1.55, 0.55, 0.85, 0.8, 0.9)


def _table(slide: Any, rows: Sequence[Sequence[str]], box: Box) -> None:
    height = Emu(Inches(0.3) * len(rows))
    shape = slide.shapes.add_table(
        len(rows), len(rows[0]), Emu(box.left), Emu(box.top), Emu(box.width), height
    )
    widths = _COLUMN_WIDTHS[: len(rows[0])]
    for column, width in zip(shape.table.columns, widths, strict=True):
        column.width = Emu(int(box.width * width / sum(widths)))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            cell.text_frame.paragraphs[0].runs[0].font.size = Pt(10)


def _or_none(lines: list[Line], language: Language) -> list[Line]:
    return lines or [(t("export.none", language), 16, False)]


def _title_slide(deck: Any, pack: MeetingPack) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[_LAYOUT_TITLE])
    _place(slide.shapes.title, Box(_MARGIN, Inches(2.0), _BODY.width, Inches(1.6)))
    slide.shapes.title.text = pack.title
    subtitle = slide.placeholders[1]
    _place(subtitle, Box(_MARGIN, Inches(3.8), _BODY.width, Inches(1.6)))
    subtitle.text_frame.text = pack.subtitle
    subtitle.text_frame.add_paragraph().text = pack.date_text


def _ranking_slide(deck: Any, pack: MeetingPack) -> None:
    slide = _slide(deck, t("fit.ranking", pack.language))
    body = _BODY.shrink(Inches(0.6))
    chart_width = int(body.width * 0.56)
    chart_box = Box(body.left, body.top, chart_width, body.height)
    table_left = body.left + chart_width + _GAP
    table_box = Box(table_left, body.top, body.left + body.width - table_left, body.height)
    if pack.ranking is not None:
        _picture(slide, pack.ranking, chart_box)
    _table(slide, pack.ranking_table, table_box)
    _text(slide, [(pack.weights, 12, False)], _FOOTER)


def _pick_slide(deck: Any, pack: MeetingPack) -> None:
    language = pack.language
    slide = _slide(deck, pack.pick)
    left, right = _BODY.columns(2)
    why: list[Line] = [(reason, 16, False) for reason in pack.reasons]
    why.append((pack.runner_up, 16, True))
    sure: list[Line] = [(t("fit.how_sure", language), 16, True)]
    sure += [(line, 14, False) for line in pack.confidence]
    sure.append((t("whatif.title", language), 16, True))
    sure += [(line, 14, False) for line in pack.changes]
    _text(slide, why, left)
    _text(slide, sure, right)


def _audience_slide(deck: Any, pack: MeetingPack) -> None:
    slide = _slide(deck, pack.audience_title)
    if pack.audience:
        boxes = _BODY.shrink(Inches(0.8)).columns(len(pack.audience))
        for chart, box in zip(pack.audience, boxes, strict=True):
            _picture(slide, chart, box)
    _text(slide, [(pack.audience_note, 12, False)], _FOOTER)


def _list_slides(deck: Any, pack: MeetingPack) -> None:
    language = pack.language
    slide = _slide(deck, t("fit.unavailable", language))
    lines: list[Line] = [(f"{name}: {why}", 16, False) for name, why in pack.unavailable]
    _text(slide, _or_none(lines, language), _BODY)

    parts = [
        pack.sources[i : i + SOURCES_PER_SLIDE]
        for i in range(0, len(pack.sources), SOURCES_PER_SLIDE)
    ] or [()]
    for number, part in enumerate(parts, start=1):
        title = t("export.sources", language)
        if len(parts) > 1:
            title = t("export.sources_part", language, part=number, parts=len(parts))
        slide = _slide(deck, title)
        # The host names where to look; the whole address is the paragraph's link.
        lines = [(f"{name} — {urlsplit(url).hostname}", 14, False) for name, url in part]
        _text(slide, _or_none(lines, language), _BODY, [url for _, url in part])

    if pack.tactics is not None:
        slide = _slide(deck, t("export.tactics", language))
        lines = [
            (t("export.tactic_count", language, verdict=verdict, count=count), 18, True)
            for verdict, count in pack.tactics
        ]
        lines += [(f"{verdict}: {line}", 14, False) for verdict, line in pack.tactic_lines]
        _text(slide, _or_none(lines, language), _BODY)


def _deterministic_zip(data: bytes, when: date) -> bytes:
    """The same archive with every entry stamped with ``when``: zip entries carry the time."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def pack_pptx(pack: MeetingPack, generated: date) -> bytes:
    """The pack as a 16:9 PowerPoint deck, one slide per part."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = _SLIDE_WIDTH, _SLIDE_HEIGHT
    _title_slide(deck, pack)
    slide = _slide(deck, t("fit.persona", pack.language))
    _text(slide, [(f"{label}: {value}", 24, False) for label, value in pack.persona], _BODY)
    _ranking_slide(deck, pack)
    _pick_slide(deck, pack)
    _audience_slide(deck, pack)
    _list_slides(deck, pack)

    stamp = datetime(generated.year, generated.month, generated.day)
    properties = deck.core_properties
    properties.title = pack.title
    properties.author = properties.last_modified_by = "smmfit"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    properties.language = pack.language
    buffer = io.BytesIO()
    deck.save(buffer)
    return _deterministic_zip(buffer.getvalue(), generated)


# -- HTML ------------------------------------------------------------------------------------

# One A4 portrait page for a typical persona: two columns of 8 pt text, sources in 6 pt.
_CSS = """
@page { size: A4 portrait; margin: 10mm; }
body { font: 8pt/1.3 system-ui, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0; } h2 { font-size: 10pt; margin: 6pt 0 2pt; }
p { margin: 2pt 0; } .sub { color: #555; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12pt; }
img { max-width: 100%; height: auto; }
.charts { display: flex; gap: 4pt; } .charts img { flex: 1; min-width: 0; }
table { border-collapse: collapse; font-size: 7.5pt; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: 0.5pt 3pt; text-align: left; }
ul { margin: 0; padding-left: 11pt; }
.sources { columns: 2; column-gap: 8pt; font-size: 6pt; line-height: 1.15; padding-left: 8pt; }
a { color: inherit; text-decoration: none; }
@media print { h2 { break-after: avoid; } }
""".strip()


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _items(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def _image(chart: Chart, alt: str) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" width="{chart.width}" alt="{_e(alt)}">'


def pack_html(pack: MeetingPack) -> bytes:
    """The pack as one printable HTML page (A4 portrait), images inline."""
    language = pack.language
    header, *body = pack.ranking_table
    table = (
        "<table><tr>"
        + "".join(f"<th>{_e(cell)}</th>" for cell in header)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body)
        + "</table>"
    )
    persona = "; ".join(f"{label}: {value}" for label, value in pack.persona)
    tactics = []
    if pack.tactics is not None:
        counts = [t("export.tactic_count", language, verdict=v, count=n) for v, n in pack.tactics]
        lines = [f"{verdict}: {line}" for verdict, line in pack.tactic_lines]
        tactics = [
            f"<h2>{_e(t('export.tactics', language))}</h2>",
            _items(counts or [t("export.none", language)]),
            _items(lines) if lines else "",
        ]
    unavailable = [f"{name}: {why}" for name, why in pack.unavailable]
    sources = "".join(
        f'<li><a href="{html.escape(url, quote=True)}">{_e(name)}</a></li>'
        for name, url in pack.sources
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{_e(pack.title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(pack.title)}</h1>",
        f'<p class="sub">{_e(pack.subtitle)} · {_e(pack.date_text)}</p>',
        f"<p><strong>{_e(t('fit.persona', language))}</strong>: {_e(persona)}</p></header>",
        '<div class="grid"><div>',
        f"<h2>{_e(pack.pick)}</h2>{_items(pack.reasons)}",
        f"<p><strong>{_e(pack.runner_up)}</strong></p>",
        f"<h2>{_e(t('fit.how_sure', language))}</h2>{_items(pack.confidence)}",
        f"<h2>{_e(t('whatif.title', language))}</h2>{_items(pack.changes)}",
        *tactics,
        f"<h2>{_e(t('export.sources', language))}</h2>",
        f'<ul class="sources">{sources}</ul>',
        "</div><div>",
        f"<h2>{_e(t('fit.ranking', language))}</h2>",
        _image(pack.ranking, t("fit.ranking", language)) if pack.ranking else "",
        table,
        f'<p class="sub">{_e(pack.weights)}</p>',
        f"<h2>{_e(pack.audience_title)}</h2>",
        '<div class="charts">'
        + "".join(_image(chart, pack.audience_title) for chart in pack.audience)
        + "</div>",
        f'<p class="sub">{_e(pack.audience_note)}</p>',
        f"<h2>{_e(t('fit.unavailable', language))}</h2>",
        _items(unavailable or [t("export.none", language)]),
        "</div></div>",
    ]
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


# -- the public bytes functions --------------------------------------------------------------


def deck_pptx(
    result: Ranking,
    uncertainty: Uncertainty | None,
    changes: Sequence[Note],
    language: Language,
    tactic_summary: TacticSummary | None = None,
    *,
    audience: pd.DataFrame | None = None,
    generated: date,
) -> bytes:
    """The meeting deck (.pptx). ``audience`` is the pick's profile (smmfit.audience)."""
    pack = meeting_pack(
        result, uncertainty, changes, language,
        audience=audience, tactic_summary=tactic_summary, generated=generated,
    )  # fmt: skip
    return pack_pptx(pack, generated)


def report_html(
    result: Ranking,
    uncertainty: Uncertainty | None,
    changes: Sequence[Note],
    language: Language,
    tactic_summary: TacticSummary | None = None,
    *,
    audience: pd.DataFrame | None = None,
    generated: date,
) -> bytes:
    """The one-page printable report (.html, UTF-8), charts embedded as PNG data URIs."""
    pack = meeting_pack(
        result, uncertainty, changes, language,
        audience=audience, tactic_summary=tactic_summary, generated=generated,
    )  # fmt: skip
    return pack_html(pack)
