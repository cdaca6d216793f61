"""The meeting pack: the deck opened with python-pptx, the report's text, safety, determinism."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from html.parser import HTMLParser
from typing import NamedTuple

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from smmfit.data import Evidence, audience_profile
from smmfit.models import Note, Persona, Ranking
from smmfit.ranking import Uncertainty, rank, what_would_change
from smmfit.ranking.uncertainty import win_probabilities
from smmfit.render import Language
from smmfit.render.deck import _BODY, _fit_scale, deck_pptx, pack_pptx
from smmfit.render.i18n import format_since
from smmfit.render.pack import MeetingPack, TacticSummary, clean, meeting_pack
from smmfit.render.page import pack_html, report_html

DAY = date(2026, 11, 23)
EVIL = "<script>alert(1)</script>"
PLAN: TacticSummary = [("risky", "Buy 10,000 followers"), ("fine", "Post every weekday")]


class Args(NamedTuple):
    result: Ranking
    uncertainty: Uncertainty
    changes: tuple[Note, ...]
    audience: pd.DataFrame | None


def inputs(evidence: Evidence, persona: Persona) -> Args:
    result = rank(persona, evidence)
    pick = result.recommendation.platform
    return Args(
        result,
        win_probabilities(persona, evidence, draws=500),
        what_would_change(result, evidence),
        audience_profile(evidence, pick, persona.region, persona) if pick else None,
    )


@pytest.fixture(scope="module")
def russia(evidence: Evidence) -> Args:
    persona = Persona(region="RU", age_min=25, age_max=44, gender="female", name=EVIL)
    return inputs(evidence, persona)


def deck(
    args: Args,
    language: Language = "en",
    tactic_summary: TacticSummary | None = None,
    generated: date = DAY,
) -> bytes:
    return deck_pptx(
        *args[:3], language, tactic_summary, audience=args.audience, generated=generated
    )


def report(
    args: Args, language: Language = "en", tactic_summary: TacticSummary | None = None
) -> bytes:
    return report_html(*args[:3], language, tactic_summary, audience=args.audience, generated=DAY)


def slides(data: bytes) -> list[tuple[str, str, int]]:
    """(title, all text, number of pictures) per slide."""
    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        texts = []
        title_id = slide.shapes.title.shape_id if slide.shapes.title is not None else None
        for shape in slide.shapes:
            if shape.has_text_frame and shape.shape_id != title_id:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        pictures = sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        out.append((title, "\n".join(texts), pictures))
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.scripts = 0
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def parse(data: bytes) -> _Text:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return parser


def test_deck_has_every_part_in_order(russia: Args) -> None:
    shown = slides(deck(russia, tactic_summary=PLAN))
    titles = [title for title, _, _ in shown]
    assert titles[:6] == [
        EVIL,  # the persona's name, as text
        "Persona",
        "Ranking",
        "Test first: VK",
        "The persona against the audience of VK",
        "Blocked or restricted here",
    ]
    assert titles[6].startswith("Data sources")
    assert titles[-1] == "Tactic check"
    text = {title: body for title, body, _ in shown}
    assert "Prepared with smmfit on November 23, 2026" in shown[0][1]
    assert "Age range: 25–44" in text["Persona"]
    assert "Country: Russia" in text["Persona"]
    assert "Runner-up: Dzen" in text["Test first: VK"]
    assert "comes out first in" in text["Test first: VK"]
    assert "What would change the answer" in text["Test first: VK"]
    assert "Facebook: Blocked in Russia since March 4, 2022" in text["Blocked or restricted here"]
    assert "risky: 1" in text["Tactic check"]
    assert "risky: Buy 10,000 followers" in text["Tactic check"]
    assert "VK" in text["Ranking"]  # the ranking table beside the chart
    pictures = {title: count for title, _, count in shown}
    assert pictures["Ranking"] == 1
    assert pictures["The persona against the audience of VK"] >= 2


def test_sources_carry_years_and_links_and_split_over_slides(russia: Args) -> None:
    shown = Presentation(io.BytesIO(deck(russia)))
    runs = [
        run
        for slide in shown.slides
        if slide.shapes.title.text.startswith("Data sources")
        for shape in slide.shapes
        if shape.has_text_frame and shape.shape_id != slide.shapes.title.shape_id
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert len(runs) > 18  # more than one slide holds
    for run in runs:
        match = re.search(r"\((19|20)\d\d\) — ([\w.-]+)$", run.text)
        assert match, run.text
        assert run.hyperlink.address.startswith(f"https://{match.group(2)}")
    assert shown.slides[-1].shapes.title.text.startswith("Data sources")  # no tactic slide


def test_deck_in_russian(russia: Args) -> None:
    shown = slides(deck(russia, "ru"))
    titles = [title for title, _, _ in shown]
    assert titles[1:4] == ["Персона", "Рейтинг", "Тестировать первой: ВКонтакте"]
    assert "23 ноября 2026" in shown[0][1]
    text = {title: body for title, body, _ in shown}
    blocked = text["Заблокированы или ограничены здесь"]
    assert format_since("2022-03-04", "ru") in blocked
    assert re.search(r"\d+,\d\s?%", text["Тестировать первой: ВКонтакте"])  # 74,9 %


def test_deck_is_deterministic_apart_from_the_date(russia: Args) -> None:
    first = deck(russia, tactic_summary=PLAN)
    assert first == deck(russia, tactic_summary=PLAN)
    other_day = deck(russia, tactic_summary=PLAN, generated=date(2027, 1, 2))
    assert other_day != first
    properties = Presentation(io.BytesIO(first)).core_properties
    assert properties.created == properties.modified == datetime(2026, 11, 23)
    assert properties.author == "smmfit"


def test_report_has_the_same_content_escaped(russia: Args) -> None:
    data = report(russia, tactic_summary=[("risky", "<img src=x onerror=alert(1)>")])
    parsed = parse(data)
    text = " ".join(parsed.parts)
    assert parsed.scripts == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data.decode()
    assert EVIL in text  # shown literally
    assert "&lt;img src=x onerror=alert(1)&gt;" in data.decode()
    for expected in (
        "Test first: VK",
        "Runner-up: Dzen",
        "What would change the answer",
        "Blocked or restricted here",
        "Facebook: Blocked in Russia since March 4, 2022",
        "Data sources",
        "Tactic check",
        "November 23, 2026",
    ):
        assert expected in text, expected
    assert len(parsed.images) >= 3
    assert all(src.startswith("data:image/png;base64,") for src in parsed.images)
    assert "@page" in data.decode()  # printable


def test_report_in_russian_and_deterministic(russia: Args) -> None:
    data = report(russia, "ru")
    assert data == report(russia, "ru")
    text = " ".join(parse(data).parts)
    assert '<html lang="ru">' in data.decode()
    assert "Тестировать первой: ВКонтакте" in text
    assert "Источники данных" in text
    assert "Проверка тактик" not in text


def test_no_pick_still_makes_a_pack(synthetic: Evidence) -> None:
    """Everything blocked or unscored: the pack says so instead of failing."""
    persona = Persona(region="DE", age_min=90, age_max=100)
    args = inputs(synthetic, persona)
    shown = slides(deck(args))
    assert shown[0][0] == "Which network to test first"  # no name: the default title
    assert len(shown) >= 6
    assert parse(report(args)).scripts == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna", "Anna"),
        ("An\x00na\x1b", "Anna"),
        ("line\nbreak\ttab", "line break tab"),
        ("bad \ufffe\uffff end", "bad end"),
        ("emoji 🚀 stays", "emoji 🚀 stays"),
        ("\x85next line", "next line"),
    ],
)
def test_clean_removes_what_xml_cannot_hold(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.fixture(scope="module")
def russian_pack(russia: Args) -> MeetingPack:
    """Rendered once: its charts take a while, and only the plan line varies below."""
    return meeting_pack(*russia[:3], "en", generated=DAY)


def test_a_pack_with_tactics_equals_one_built_with_them(
    russia: Args, russian_pack: MeetingPack
) -> None:
    summary = [("gray", "Buy 5,000 followers"), ("white", "Run a contest")]
    built = meeting_pack(*russia[:3], "en", tactic_summary=summary, generated=DAY)
    assert russian_pack.with_tactics(summary) == built


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=st.text(max_size=60))
def test_any_plan_line_is_safe_in_both_formats(russian_pack: MeetingPack, line: str) -> None:
    pack = russian_pack.with_tactics([("risky", line)])
    parsed = parse(pack_html(pack))
    assert parsed.scripts == 0
    assert clean(line) in "".join(parsed.parts) or not clean(line)
    shown = slides(pack_pptx(pack, DAY))
    assert f"risky: {clean(line)}" in shown[-1][1]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([("Short line", 16, False)] * 3, 1.0),  # fits as it is
        ([("word " * 60, 16, False)] * 10, None),  # shrinks, stays readable
        ([("word " * 400, 16, False)] * 20, 0.6),  # cannot fit: the smallest size
    ],
)
def test_text_shrinks_to_fit_its_box(
    lines: list[tuple[str, int, bool]], expected: float | None
) -> None:
    scale = _fit_scale(lines, _BODY)
    if expected is None:
        assert 0.6 < scale < 1.0
    else:
        assert scale == pytest.approx(expected)


def test_a_long_list_of_blocks_is_set_smaller_to_fit(evidence: Evidence) -> None:
    """China blocks many networks: their slide's text is smaller than Russia's default."""
    shown = Presentation(io.BytesIO(deck(inputs(evidence, Persona(region="CN")))))
    blocked = next(s for s in shown.slides if s.shapes.title.text == "Blocked or restricted here")
    sizes = {
        run.font.size.pt
        for shape in blocked.shapes
        if shape.has_text_frame and shape.shape_id != blocked.shapes.title.shape_id
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert len(sizes) == 1
    assert 10 <= sizes.pop() < 16
