"""The meeting deck: a :class:`~smmfit.render.pack.MeetingPack` as a designed 16:9 PowerPoint.

At most ten slides, in the pack's order: title, the answer, the ranking, why not the
runner-up, the persona against the pick's audience, the caveats for the pick, the blocked and
restricted networks, the next steps, the sources appendix, and a tactic check when a plan was
checked. Every slide has a title band in the brand colour (with the user's logo, if given).

Text is laid out with the metrics of the fonts the deck names (:mod:`smmfit.render.fonts`):
every box is sized, and its text set no smaller than 12 pt (the sources appendix excepted),
before the file is written, because neither python-pptx nor PowerPoint shrinks text that was
not edited. Table columns are as wide as their widest header word.

Deterministic: the same pack and date give the same bytes (the zip's timestamps are fixed).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, NamedTuple

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Inches, Pt

from smmfit.ranking import Assessment
from smmfit.render.fonts import SCRIPT_FONTS, longest_word, script_of, text_width, wrap
from smmfit.render.i18n import Language, t
from smmfit.render.logo import Logo
from smmfit.render.pack import (
    RANKING_CHART_NETWORKS,
    Chart,
    MeetingPack,
    NextSteps,
    Table,
    TacticSummary,
    meeting_pack,
)


def _rgb(code: str) -> RGBColor:
    return RGBColor.from_string(code)  # type: ignore[no-untyped-call,no-any-return]  # untyped


# The theme: one brand colour for bands and headers, the charts' blue as the accent.
BRAND = _rgb("1F3A5F")
ACCENT = _rgb("0072B2")  # the ranking chart's reach colour (Okabe-Ito blue)
INK = _rgb("1B1F24")
MUTED = _rgb("5B6470")
PAPER = _rgb("FFFFFF")
CARD = _rgb("EEF3F8")
STRIPE = _rgb("F5F7FA")
WEAK = _rgb("A34A00")  # weak sources: dark orange, and the word says so too

SLIDE_WIDTH = Emu(12_192_000)  # 13.333 in: 16:9 exactly, as PowerPoint makes it
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.5)
GAP = Inches(0.3)
BAND_HEIGHT = Inches(1.1)

# The type scale, in points. Nothing is set under MIN_SIZE except the sources appendix.
TITLE_SIZE, HEADLINE_SIZE, BODY_SIZE, TABLE_SIZE, NOTE_SIZE = 30, 24, 18, 14, 12
MIN_SIZE = 12
SOURCES_SIZE, SOURCES_MIN_SIZE = 9, 7

# Charts are placed at no less than this many points per chart pixel, so their 16 px text
# is at least 12 pt (smmfit.render.pack.CHART_FONT_PX), and at no more than 1.
MIN_CHART_SCALE, MAX_CHART_SCALE = 0.75, 1.0

# Text frames and table cells have these insets; the layout subtracts them.
INSET_X, INSET_Y = Inches(0.08), Inches(0.04)
CELL_X, CELL_Y = Inches(0.06), Inches(0.03)

# Line height as a multiple of the size (set exactly, so every renderer spaces alike); Thai
# stacks vowels and tone marks above and below, so its lines need more room.
LINE_HEIGHT = {"latin": 1.2, "thai": 1.5}
PARAGRAPH_GAP = 0.4  # of the size, after each paragraph

# The builder lays text out as if every word were this much wider than measured, so a
# renderer's rounding never breaks a line the layout test counts as whole.
SLACK = 1.03

_LAYOUT_TITLE_ONLY = 5


class Box(NamedTuple):
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def columns(self, count: int, gap: int = GAP) -> list[Box]:
        width = (self.width - gap * (count - 1)) // count
        return [
            Box(self.left + i * (width + gap), self.top, width, self.height) for i in range(count)
        ]

    def split(self, share: float, gap: int = GAP) -> tuple[Box, Box]:
        """Left part of ``share`` of the width, and the rest."""
        first = int((self.width - gap) * share)
        return (
            Box(self.left, self.top, first, self.height),
            Box(self.left + first + gap, self.top, self.width - first - gap, self.height),
        )

    def rows(self, *heights: int, gap: int = Inches(0.2)) -> list[Box]:
        """Boxes stacked top down; a height of 0 takes what is left."""
        rest = self.height - sum(heights) - gap * (len(heights) - 1)
        boxes, top = [], self.top
        for asked in heights:
            height = asked or rest
            boxes.append(Box(self.left, top, self.width, height))
            top += height + gap
        return boxes


BODY = Box(MARGIN, BAND_HEIGHT + Inches(0.3), SLIDE_WIDTH - 2 * MARGIN, Inches(5.55))
FOOTER = Box(MARGIN, SLIDE_HEIGHT - Inches(0.5), SLIDE_WIDTH - 2 * MARGIN, Inches(0.35))


@dataclass(frozen=True)
class Para:
    """One paragraph: runs of (text, bold), one size and colour, an optional link."""

    runs: tuple[tuple[str, bool], ...]
    size: float
    colour: RGBColor = INK
    link: str | None = None  # the address of the run at ``link_run``
    link_run: int = 0
    align: PP_ALIGN = PP_ALIGN.LEFT

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    @property
    def bold(self) -> bool:
        return any(bold for _, bold in self.runs)


def para(text: str, size: float, bold: bool = False, **options: Any) -> Para:
    return Para(((text, bold),), size, **options)


def line_height(text: str, size: float) -> float:
    return size * LINE_HEIGHT[script_of(text)]


def text_height(paragraphs: Sequence[Para], width: float, scale: float = 1.0) -> float:
    """The height, in points, of the paragraphs set ``scale`` times their size in ``width`` pt.

    Bold is measured for a whole paragraph when any run of it is bold: never narrower.
    """
    height = 0.0
    for p in paragraphs:
        size = p.size * scale
        lines = len(wrap(p.text, size, width, p.bold))
        height += lines * line_height(p.text, size) + size * PARAGRAPH_GAP
    return height


def fits(paragraphs: Sequence[Para], box: Box, scale: float = 1.0, slack: float = 1.0) -> bool:
    """Whether the paragraphs fit the box; ``slack`` widens every word (the builder's margin)."""
    width = (box.width - 2 * INSET_X) / Pt(1) / slack
    height = (box.height - 2 * INSET_Y) / Pt(1)
    words = all(longest_word(p.text, p.size * scale, p.bold) <= width for p in paragraphs if p.text)
    return words and text_height(paragraphs, width, scale) <= height


def fit_scale(paragraphs: Sequence[Para], box: Box, smallest: float = MIN_SIZE) -> float:
    """The largest scale (1 or less, in 0.05 steps, or the floor) at which the paragraphs fit
    the box, no paragraph set under ``smallest`` points (or its own size, if smaller).

    The paragraphs shrink together, so the type scale between them holds; the floor is set
    by the paragraph that reaches ``smallest`` first. If they do not fit even there, the
    floor: the layout test then fails, rather than text getting unreadably small.
    """
    floor = max((min(p.size, smallest) / p.size for p in paragraphs if p.size), default=1.0)
    steps = [1.0 - 0.05 * i for i in range(20) if 1.0 - 0.05 * i > floor + 1e-9]
    return next((s for s in (*steps, floor) if fits(paragraphs, box, s, SLACK)), floor)


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)


def _set_font(run: Any, size: float, bold: bool, colour: RGBColor) -> None:
    """Size, weight, colour, and the deck's font for Latin and Cyrillic and for Thai.

    Written as the run's XML directly, in schema order (fill, latin, cs): python-pptx's
    property setters look up each child again, and a deck has hundreds of runs.
    """
    properties = run._r.get_or_add_rPr()
    properties.set("sz", str(round(size * 100)))
    properties.set("b", "1" if bold else "0")
    for child in list(properties):
        properties.remove(child)
    fill = OxmlElement("a:solidFill")
    colour_element = OxmlElement("a:srgbClr")
    colour_element.set("val", str(colour))
    fill.append(colour_element)
    properties.append(fill)
    for tag, script in (("a:latin", "latin"), ("a:cs", "thai")):
        element = OxmlElement(tag)
        element.set("typeface", SCRIPT_FONTS["latin" if script == "latin" else "thai"].family)
        properties.append(element)


def _frame(frame: Any, paragraphs: Sequence[Para], scale: float, anchor: MSO_ANCHOR) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Emu(INSET_X)
    frame.margin_top = frame.margin_bottom = Emu(INSET_Y)
    for index, p in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        size = round(p.size * scale, 1)
        paragraph.alignment = p.align
        paragraph.line_spacing = Pt(round(line_height(p.text, size), 1))
        paragraph.space_after = Pt(round(size * PARAGRAPH_GAP, 1))
        for number, (text, bold) in enumerate(p.runs):
            run = paragraph.add_run()
            run.text = text
            _set_font(run, size, bold, p.colour)
            # Only a short run is linked: LibreOffice draws a linked run as one field that
            # breaks between any two letters, not between words.
            if p.link and number == p.link_run:
                run.hyperlink.address = p.link


def text_box(
    slide: Any,
    paragraphs: Sequence[Para],
    box: Box,
    smallest: float = MIN_SIZE,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> Any:
    """A text box of the paragraphs, set as large as fits (down to ``smallest``)."""
    shape = slide.shapes.add_textbox(*(Emu(v) for v in box))
    _frame(shape.text_frame, paragraphs, fit_scale(paragraphs, box, smallest), anchor)
    return shape


def _rectangle(slide: Any, box: Box, colour: RGBColor, rounded: bool = False) -> Any:
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, *(Emu(v) for v in box))
    shape.fill.solid()
    shape.fill.fore_color.rgb = colour
    shape.line.fill.background()
    shape.shadow.inherit = False
    if rounded:
        shape.adjustments[0] = 0.08
    return shape


def _logo(slide: Any, logo: Logo, box: Box, plate: bool) -> None:
    """The logo scaled into the box, right-aligned and centred vertically; on a white plate
    inside the band, so dark logos show on the brand colour."""
    scale = min(box.width / logo.width, box.height / logo.height)
    width, height = int(logo.width * scale), int(logo.height * scale)
    left = box.left + box.width - width
    top = box.top + (box.height - height) // 2
    if plate:
        pad = Inches(0.08)
        _rectangle(slide, Box(left - pad, top - pad, width + 2 * pad, height + 2 * pad), PAPER)
    slide.shapes.add_picture(io.BytesIO(logo.png), Emu(left), Emu(top), Emu(width), Emu(height))


def _name(slide: Any, name: str) -> None:
    """The slide's name in the file (PowerPoint's selection pane), which the tests read."""
    slide._element.cSld.set("name", name)


class Deck:
    """The slides being built: one method per kind of slide."""

    def __init__(self, pack: MeetingPack) -> None:
        self.pack = pack
        self.language: Language = pack.language
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        self.count = 0

    def slide(self, name: str, title: str) -> Any:
        """A slide with the title band (and the logo on it), and the footer."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        _name(slide, name)
        self.count += 1
        _rectangle(slide, Box(0, 0, SLIDE_WIDTH, BAND_HEIGHT), BRAND)
        logo_width = Inches(2.2) if self.pack.logo else 0
        box = Box(
            MARGIN, Inches(0.1), SLIDE_WIDTH - 2 * MARGIN - logo_width, BAND_HEIGHT - Inches(0.2)
        )
        heading = [para(title, TITLE_SIZE, True, colour=PAPER)]
        title_shape = slide.shapes.title
        _place(title_shape, box)
        title_shape.text_frame.text = ""
        _frame(title_shape.text_frame, heading, fit_scale(heading, box, 20), MSO_ANCHOR.MIDDLE)
        # The title placeholder draws above the band only if it comes after it.
        spree = slide.shapes._spTree
        spree.remove(title_shape._element)
        spree.append(title_shape._element)
        if self.pack.logo:
            logo_box = Box(
                SLIDE_WIDTH - MARGIN - Inches(2.0),
                Inches(0.2),
                Inches(2.0),
                BAND_HEIGHT - Inches(0.4),
            )
            _logo(slide, self.pack.logo, logo_box, plate=True)
        left, right = FOOTER.split(0.8)
        text_box(slide, [para(self.pack.footer, NOTE_SIZE, colour=MUTED)], left)
        text_box(
            slide, [para(str(self.count), NOTE_SIZE, colour=MUTED, align=PP_ALIGN.RIGHT)], right
        )
        return slide

    def picture(self, slide: Any, chart: Chart, box: Box) -> None:
        """The chart as large as fits the box (at most 1 pt per pixel), centred across it."""
        points = min(box.width / chart.width, box.height / chart.height, Pt(MAX_CHART_SCALE))
        width, height = int(chart.width * points), int(chart.height * points)
        left = box.left + (box.width - width) // 2
        slide.shapes.add_picture(
            io.BytesIO(chart.png), Emu(left), Emu(box.top), Emu(width), Emu(height)
        )

    def table(
        self,
        slide: Any,
        rows: Sequence[Sequence[str]],
        box: Box,
        size: float = TABLE_SIZE,
        first_column_bold: bool = False,
    ) -> Any:
        """A table whose columns are as wide as their widest header word and content need;
        the font gets smaller (not under 12 pt) until it fits the box."""
        layout = _table_layout(rows, box, size)
        while layout is None and size > MIN_SIZE:
            size -= 1
            layout = _table_layout(rows, box, size)
        if layout is None:  # the last resort: columns share the width equally
            layout = ([box.width // len(rows[0])] * len(rows[0]), [Inches(0.4)] * len(rows))
        widths, heights = layout
        shape = slide.shapes.add_table(
            len(rows),
            len(rows[0]),
            Emu(box.left),
            Emu(box.top),
            Emu(sum(widths)),
            Emu(sum(heights)),
        )
        table = shape.table
        table.first_row = True
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
        for index, (row, height) in enumerate(zip(table.rows, heights, strict=True)):
            row.height = Emu(height)
            for c, value in enumerate(rows[index]):
                cell = table.cell(index, c)
                cell.margin_left = cell.margin_right = Emu(CELL_X)
                cell.margin_top = cell.margin_bottom = Emu(CELL_Y)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.fill.solid()
                header = index == 0
                cell.fill.fore_color.rgb = BRAND if header else (STRIPE if index % 2 else PAPER)
                bold = header or (first_column_bold and c == 0)
                frame = cell.text_frame
                frame.word_wrap = True
                paragraph = frame.paragraphs[0]
                paragraph.line_spacing = Pt(round(line_height(value, size), 1))
                run = paragraph.add_run()
                run.text = value
                _set_font(run, size, bold, PAPER if header else INK)
        return shape

    # The slides, in story order.

    def title_slide(self) -> None:
        pack = self.pack
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        _name(slide, "title")
        self.count += 1
        band = Box(0, 0, SLIDE_WIDTH, Inches(4.6))
        _rectangle(slide, band, BRAND)
        _rectangle(slide, Box(0, band.height, SLIDE_WIDTH, Inches(0.12)), ACCENT)
        heading = [para(pack.title, 40, True, colour=PAPER)]
        box = Box(MARGIN, Inches(1.2), SLIDE_WIDTH - 2 * MARGIN, Inches(2.0))
        title_shape = slide.shapes.title
        _place(title_shape, box)
        _frame(title_shape.text_frame, heading, fit_scale(heading, box, 24), MSO_ANCHOR.BOTTOM)
        spree = slide.shapes._spTree
        spree.remove(title_shape._element)
        spree.append(title_shape._element)
        text_box(
            slide,
            [para(pack.subtitle, 22, colour=PAPER)],
            Box(MARGIN, Inches(3.3), SLIDE_WIDTH - 2 * MARGIN, Inches(1.1)),
        )
        below = Box(MARGIN, Inches(5.2), Inches(7.5), Inches(1.6))
        text_box(slide, [para(pack.date_text, BODY_SIZE, colour=MUTED)], below)
        if pack.logo:
            logo_box = Box(
                SLIDE_WIDTH - MARGIN - Inches(3.5), Inches(5.1), Inches(3.5), Inches(1.8)
            )
            _logo(slide, pack.logo, logo_box, plate=False)

    def answer_slide(self) -> None:
        pack = self.pack
        slide = self.slide("answer", pack.headline)
        if not pack.cards:
            text_box(slide, [para(pack.why or pack.headline, HEADLINE_SIZE)], BODY)
            return
        words, cards = BODY.rows(Inches(2.2), 0)
        text_box(
            slide,
            [
                Para(
                    ((t("deck.sure", self.language) + ": ", True), (pack.sure, False)),
                    HEADLINE_SIZE,
                ),
                Para(
                    ((t("deck.why", self.language) + ": ", True), (pack.why, False)),
                    HEADLINE_SIZE - 2,
                ),
            ],
            words,
        )
        for card, box in zip(pack.cards, cards.columns(len(pack.cards)), strict=True):
            _rectangle(slide, box, CARD, rounded=True)
            inner = Box(
                box.left + Inches(0.15),
                box.top + Inches(0.15),
                box.width - Inches(0.3),
                box.height - Inches(0.3),
            )
            # 44 pt, smaller only where the value's longest word would not fit the card
            # ("неизвестно" in place of a figure); the label and detail keep their sizes.
            value_size = next(
                (
                    size
                    for size in (44, 40, 36, 32, 28, 24)
                    if fits([para(card.value, size, True)], inner)
                ),
                20,
            )
            text_box(
                slide,
                [
                    para(card.value, value_size, True, colour=ACCENT),
                    para(card.label, 16),
                    *([para(card.detail, NOTE_SIZE, colour=MUTED)] if card.detail else []),
                ],
                inner,
                anchor=MSO_ANCHOR.MIDDLE,
            )

    def ranking_slide(self) -> None:
        pack = self.pack
        slide = self.slide("ranking", t("fit.ranking", self.language))
        main, note = BODY.rows(0, Inches(0.45), gap=Inches(0.1))
        chart_box, table_box = main.split(0.47)
        if pack.ranking is not None:
            self.picture(slide, pack.ranking, chart_box)
        self.table(
            slide, _first_rows(pack.ranking_table, RANKING_CHART_NETWORKS, self.language), table_box
        )
        text_box(slide, [para(pack.weights, NOTE_SIZE, colour=MUTED)], note)

    def runner_slide(self) -> None:
        pack = self.pack
        slide = self.slide("runner_up", pack.runner_title)
        if not pack.runner_table:
            return
        left, right = BODY.split(0.45)
        self.table(slide, pack.runner_table, left, size=16, first_column_bold=True)
        first, *rest = pack.runner_lines
        lines = [para(first, BODY_SIZE)]
        heading, *flips = rest
        lines.append(para(heading, BODY_SIZE, True))
        lines += [para("• " + line, 16) for line in flips]
        text_box(slide, lines, right)

    def audience_slide(self) -> None:
        pack = self.pack
        slide = self.slide("audience", pack.audience_title)
        charts, words = BODY.rows(0, Inches(2.2))
        if pack.audience:
            for chart, box in zip(pack.audience, charts.columns(len(pack.audience)), strict=True):
                self.picture(slide, chart, box)
        size = 16 if pack.audience else 20
        lines = [para(line, size, index == 1) for index, line in enumerate(pack.audience_lines)]
        if pack.audience:  # without charts, the lines above already say nothing is published
            lines.append(para(pack.audience_note, NOTE_SIZE, colour=MUTED))
        text_box(slide, lines, words if pack.audience else BODY)

    def caveats_slide(self) -> None:
        pack = self.pack
        slide = self.slide("caveats", pack.caveats_title)
        text_box(slide, [para("• " + line, 20) for line in pack.caveats], BODY)

    def unavailable_slide(self) -> None:
        pack = self.pack
        slide = self.slide("unavailable", t("fit.unavailable", self.language))
        main, note = BODY.rows(0, Inches(0.45), gap=Inches(0.1))
        lines = [
            Para(((f"{name}: ", True), (why, False)), BODY_SIZE) for name, why in pack.unavailable
        ] or [para(t("deck.blocked_none", self.language), BODY_SIZE)]
        # Checked a point above the smallest size: at the floor itself the estimate can be a
        # line short of what the slide draws.
        scale = (MIN_SIZE + 1) / BODY_SIZE
        if not fits(lines, main, scale, SLACK):
            # Russia and China block or restrict a dozen networks, more than the slide holds:
            # as many as fit in ranking order, then how many more and where all are listed.
            def cut(shown: int) -> list[Para]:
                more = t("deck_unavailable.more", self.language, count=len(lines) - shown)
                return [*lines[:shown], para(more, BODY_SIZE, True)]

            shown = max(
                (n for n in range(len(lines)) if fits(cut(n), main, scale, SLACK)), default=0
            )
            lines = cut(shown)
        text_box(slide, lines, main)
        text_box(slide, [para(pack.as_of, NOTE_SIZE, colour=MUTED)], note)

    def next_steps_slide(self) -> None:
        pack = self.pack
        slide = self.slide("next_steps", t("deck.next_steps", self.language))
        lines = [
            Para(((f"{label}: ", True), (value, False)), 20) for label, value in pack.next_steps
        ]
        text_box(slide, lines or [para(t("fit.no_pick", self.language), 20)], BODY)

    def sources_slide(self) -> None:
        """One slide: every source with its host and authority, weak ones flagged, linked;
        set small, and cut with "and N more" if even the smallest size cannot hold them."""
        pack = self.pack
        slide = self.slide("sources", t("deck.sources", self.language))
        lines = [
            Para(
                (
                    (f"{s.name} — ", False),
                    (s.host, False),
                    *(((f" · {s.mark}", s.weak),) if s.mark else ()),
                ),
                SOURCES_SIZE,
                colour=WEAK if s.weak else INK,
                link=s.url,
                link_run=1,
            )
            for s in pack.sources
        ]
        columns = BODY.columns(3, gap=Inches(0.2))
        # The largest size at which all fit, else the smallest with as many as fit.
        for size in (9, 8.5, 8, 7.5, 7):
            sized = [replace(line, size=size) for line in lines]
            parts = _spread(sized, columns, 0, self.language)
            if parts is not None:
                break
        else:
            low, high = 0, len(sized)  # the most lines that fit, with the "and N more" line
            while low < high:
                middle = (low + high + 1) // 2
                if _spread(sized[:middle], columns, len(sized) - middle, self.language):
                    low = middle
                else:
                    high = middle - 1
            parts = _spread(sized[:low], columns, len(sized) - low, self.language) or []
        for part, box in zip(parts, columns, strict=False):
            if part:
                text_box(slide, part, box, smallest=SOURCES_MIN_SIZE)

    def tactics_slide(self) -> None:
        pack = self.pack
        if pack.tactics is None:
            return
        slide = self.slide("tactics", t("export.tactics", self.language))
        lines = [
            para(t("export.tactic_count", self.language, verdict=verdict, count=count), 20, True)
            for verdict, count in pack.tactics
        ]
        lines += [para(f"{verdict}: {line}", 16) for verdict, line in pack.tactic_lines]
        text_box(slide, lines or [para(t("export.none", self.language), 16)], BODY)


def _spread(
    lines: list[Para], columns: Sequence[Box], hidden: int, language: Language
) -> list[list[Para]] | None:
    """The lines in reading order over the columns, each filled before the next, with the
    "and N more" line last when some are left out; None if they do not fit."""
    if hidden:
        size = lines[0].size if lines else SOURCES_MIN_SIZE
        lines = [*lines, para(t("deck.sources_more", language, count=hidden), size, True)]
    parts: list[list[Para]] = [[] for _ in columns]
    column, used = 0, 0.0
    for line in lines:
        # One line's height at a time (the column's text is the sum of its lines'), so the
        # columns fill in one pass.
        box = columns[column]
        width = (box.width - 2 * INSET_X) / Pt(1) / SLACK
        if longest_word(line.text, line.size, line.bold) > width:
            return None
        height = text_height([line], width)
        while used + height > (box.height - 2 * INSET_Y) / Pt(1):
            column, used = column + 1, 0.0
            if column == len(columns):
                return None
        parts[column].append(line)
        used += height
    return parts


def _table_layout(
    rows: Sequence[Sequence[str]], box: Box, size: float
) -> tuple[list[int], list[int]] | None:
    """Column widths and row heights (EMU) for the rows at ``size``, or None if they cannot
    fit the box: a header word wider than its column never fits."""
    columns = len(rows[0])
    margin = 2 * CELL_X / Pt(1) + 1  # and a point for a renderer's rounding
    size_slack = size * SLACK  # every width below is measured this much larger
    header = rows[0]
    words = [longest_word(cell, size_slack, True) + margin for cell in header]
    full = [
        max(text_width(row[c], size_slack, r == 0) for r, row in enumerate(rows)) + margin
        for c in range(columns)
    ]
    body_words = [
        max((longest_word(row[c], size_slack) for row in rows[1:]), default=0.0) + margin
        for c in range(columns)
    ]
    floor = [max(w, b) for w, b in zip(words, body_words, strict=True)]
    available = box.width / Pt(1)
    if sum(floor) > available:
        return None
    # Columns get their full width when all fit; else the floors plus a share of what is left.
    if sum(full) <= available:
        widths = [w + (available - sum(full)) * w / sum(full) for w in full]
    else:
        spare = available - sum(floor)
        wants = [f - w for f, w in zip(full, floor, strict=True)]
        widths = [
            w + spare * want / (sum(wants) or 1) for w, want in zip(floor, wants, strict=True)
        ]
    heights = []
    for r, row in enumerate(rows):
        lines = max(
            len(wrap(cell, size_slack, widths[c] - margin, r == 0)) * line_height(cell, size)
            for c, cell in enumerate(row)
        )
        heights.append(lines + 2 * CELL_Y / Pt(1) + 2)
    if sum(heights) > box.height / Pt(1):
        return None
    return [int(Pt(w)) for w in widths], [int(Pt(h)) for h in heights]


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
    """The pack as a 16:9 PowerPoint deck of at most ten slides."""
    deck = Deck(pack)
    deck.title_slide()
    deck.answer_slide()
    deck.ranking_slide()
    deck.runner_slide()
    deck.audience_slide()
    deck.caveats_slide()
    deck.unavailable_slide()
    deck.next_steps_slide()
    deck.tactics_slide()
    deck.sources_slide()

    stamp = datetime(generated.year, generated.month, generated.day)
    properties = deck.prs.core_properties
    properties.title = pack.title
    properties.author = properties.last_modified_by = "smmfit"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    properties.language = pack.language
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return _deterministic_zip(buffer.getvalue(), generated)


def _first_rows(table: Table, count: int, language: Language) -> Table:
    """The header and the first ``count`` rows, as many networks as the chart beside them,
    then a row saying how many more the report and the Fit page list: a table of every
    scored network outgrew the slide (sixteen in the US)."""
    header, *rows = table
    if len(rows) <= count:
        return table
    more = t("deck.ranking_more", language, count=len(rows) - count)
    # In the network column, the widest: the rank column would wrap it into a tall row.
    return (header, *rows[:count], ("", more, *[""] * (len(header) - 2)))


def deck_pptx(
    assessed: Assessment,
    language: Language,
    tactic_summary: TacticSummary | None = None,
    *,
    audience: pd.DataFrame | None = None,
    authorities: dict[tuple[str, str, int], str] | None = None,
    next_steps: NextSteps | None = None,
    logo: Logo | None = None,
    generated: date,
) -> bytes:
    """The meeting deck (.pptx). ``audience`` is the pick's profile (smmfit.audience);
    ``next_steps`` are already-translated (label, value) rows, else the method's steps."""
    pack = meeting_pack(
        assessed, language, audience=audience, authorities=authorities,
        next_steps=next_steps, tactic_summary=tactic_summary, logo=logo, generated=generated,
    )  # fmt: skip
    return pack_pptx(pack, generated)
