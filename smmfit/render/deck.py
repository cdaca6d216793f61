"""The meeting deck: a :class:`~smmfit.render.pack.MeetingPack` as a 16:9 PowerPoint file.

Deterministic: the same pack and date give the same bytes (the zip's timestamps are fixed).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pandas as pd
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from smmfit.models import Note, Ranking
from smmfit.ranking import Uncertainty
from smmfit.render.i18n import Language, t
from smmfit.render.pack import SOURCES_PER_SLIDE, Chart, MeetingPack, TacticSummary, meeting_pack

_SLIDE_WIDTH = Inches(13.333)  # 16:9


_SLIDE_HEIGHT = Inches(7.5)


_MARGIN = Inches(0.5)


_GAP = Inches(0.3)


_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5


# A sans-serif character is about half as wide as the font size; a line is 1.2 sizes high,
# plus the third of a size left after each paragraph.
_CHAR_WIDTH, _LINE_HEIGHT, _PARAGRAPH_GAP = 0.5, 1.2, 1 / 3


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
