"""The meeting pack: the deck opened with python-pptx, the report's text, safety, determinism."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date, datetime
from html.parser import HTMLParser
from typing import NamedTuple

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from smmfit.data import Evidence, audience_profile
from smmfit.models import Persona
from smmfit.ranking import Assessment, assess
from smmfit.render import Language
from smmfit.render.deck import BODY, MIN_SIZE, deck_pptx, fit_scale, pack_pptx, para
from smmfit.render.i18n import format_since, platform_name
from smmfit.render.pack import (
    MeetingPack,
    TacticSummary,
    clean,
    meeting_pack,
    source_authorities,
)
from smmfit.render.page import pack_html, report_html
from smmfit.render.text import headline

DAY = date(2026, 11, 23)
EVIL = "<script>alert(1)</script>"
PLAN: TacticSummary = [("risky", "Buy 10,000 followers"), ("fine", "Post every weekday")]


class Args(NamedTuple):
    assessed: Assessment
    audience: pd.DataFrame | None
    authorities: dict[tuple[str, str, int], str]


def inputs(evidence: Evidence, persona: Persona) -> Args:
    assessed = assess(persona, evidence, draws=500, as_of=DAY)
    pick = assessed.ranking.recommendation.platform
    return Args(
        assessed,
        audience_profile(evidence, pick, persona.region, persona) if pick else None,
        source_authorities(evidence.dataset),
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
    **options: object,
) -> bytes:
    return deck_pptx(
        args.assessed, language, tactic_summary, audience=args.audience,
        authorities=args.authorities, generated=generated, **options,  # type: ignore[arg-type]
    )  # fmt: skip


def report(
    args: Args, language: Language = "en", tactic_summary: TacticSummary | None = None
) -> bytes:
    return report_html(
        args.assessed, language, tactic_summary, audience=args.audience,
        authorities=args.authorities, generated=DAY,
    )  # fmt: skip


def pick_name(args: Args, language: Language = "en") -> str:
    from smmfit.render import platform_name

    return platform_name(str(args.assessed.ranking.recommendation.platform), language)


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


def answer(args: Args, language: Language = "en") -> tuple[str, str, str]:
    """The headline, the pick's and the runner-up's names: the story follows the ranking,
    whichever network the data makes the pick."""
    recommendation = args.assessed.ranking.recommendation
    assert recommendation.platform and recommendation.runner_up
    return (
        headline(recommendation, language),
        platform_name(recommendation.platform, language),
        platform_name(recommendation.runner_up, language),
    )


def test_deck_tells_the_story_in_order(russia: Args) -> None:
    shown = slides(deck(russia, tactic_summary=PLAN))
    titles = [title for title, _, _ in shown]
    first, pick, runner = answer(russia)
    assert titles == [
        EVIL,  # the persona's name, as text
        first,
        "Ranking",
        f"Why not {runner}?",
        f"The persona against the audience of {pick}",
        f"Before you rely on {pick}",
        "Blocked or restricted here",
        "Next steps",
        "Tactic check",
        "Sources (appendix)",
    ]
    text = {title: body for title, body, _ in shown}
    assert "Prepared with smmfit on November 23, 2026" in shown[0][1]
    assert "Women, ages 25–44, Russia, B2C" in shown[0][1]
    answer_slide = text[first]
    assert "comes out first in" in answer_slide  # how sure
    assert "people from the target audience it reaches" in answer_slide  # the number cards
    assert "of its audience is the target audience" in answer_slide
    assert "affinity index" in answer_slide
    ranking = text["Ranking"]
    for header in ("Network", "Status", "Reach", "Share of target", "First in scenarios"):
        assert header in ranking
    assert "blocked" not in ranking.split("\n")  # blocked networks are not ranked...
    assert "Facebook: Blocked in Russia since March 4, 2022" in text["Blocked or restricted here"]
    assert "restricted" in ranking  # ...restricted ones are, and say so
    assert f"Runner-up: {runner}" in text[f"Why not {runner}?"]
    assert f"What would make {runner} the pick" in text[f"Why not {runner}?"]
    assert f"Step 1: Test {pick} first" in text["Next steps"]
    assert "gray: 1" not in text["Tactic check"] and "risky: 1" in text["Tactic check"]
    pictures = {title: count for title, _, count in shown}
    assert pictures["Ranking"] == 1
    assert pictures[f"The persona against the audience of {pick}"] >= 2


def test_runner_up_is_named_once(russia: Args) -> None:
    body = "\n".join(body for _, body, _ in slides(deck(russia)))
    assert body.count("Runner-up") == 1


def test_next_steps_given_replace_the_method(russia: Args) -> None:
    rows = [("Goal", "500 sign-ups"), ("Budget", "100,000 ₽"), ("Judge after", "2027-01-15")]
    text = {title: body for title, body, _ in slides(deck(russia, next_steps=rows))}
    lines = text["Next steps"].split("\n")
    given = ["Goal: 500 sign-ups", "Budget: 100,000 ₽", "Judge after: 2027-01-15"]
    assert [line for line in lines if line in given] == given
    assert "Step 1" not in text["Next steps"]


def test_unknown_figures_are_said_unknown_never_zero(russia: Args) -> None:
    result = russia.assessed.ranking
    pick = result.recommendation.platform
    blank = {"affinity": None, "reach": None, "reach_low": None, "reach_high": None}
    ranking = tuple(
        item.model_copy(update=blank) if item.platform == pick else item for item in result.ranking
    )
    assessed = Assessment(
        result.model_copy(update={"ranking": ranking}),
        russia.assessed.uncertainty,
        russia.assessed.changes,
    )
    pack = meeting_pack(assessed, "en", generated=DAY)
    reach, _, affinity = pack.cards
    assert (reach.value, affinity.value) == ("unknown", "unknown")
    assert "not published" in reach.detail
    assert pack.ranking_table[1][3] == "unknown"


def test_sources_are_one_appendix_with_authority_and_weak_ones_flagged(russia: Args) -> None:
    shown = Presentation(io.BytesIO(deck(russia)))
    appendix = [s for s in shown.slides if s.shapes.title.text == "Sources (appendix)"]
    assert len(appendix) == 1
    paragraphs = [
        paragraph
        for shape in appendix[0].shapes
        if shape.has_text_frame and shape.shape_id != appendix[0].shapes.title.shape_id
        for paragraph in shape.text_frame.paragraphs
        if " — " in paragraph.text  # a source line, not the footer
    ]
    found = [re.search(r" · (primary|secondary|weak source)$", p.text) for p in paragraphs]
    marks = Counter(match.group(1) for match in found if match)
    assert marks["primary"] and marks["secondary"] and marks["weak source"]
    weak = [p for p in paragraphs if p.text.endswith("weak source")]
    assert all(p.runs[-1].font.bold for p in weak)  # flagged in words and weight, not colour only
    for paragraph in paragraphs:
        if " — " not in paragraph.text:
            continue
        host = paragraph.runs[1]
        assert paragraph.runs[0].text.rstrip(" —").endswith(")")  # "Source (year)"
        assert host.hyperlink.address.startswith(f"https://{host.text}")


def test_deck_in_russian(russia: Args) -> None:
    shown = slides(deck(russia, "ru"))
    titles = [title for title, _, _ in shown]
    first, _, _ = answer(russia, "ru")
    assert titles[1:3] == [first, "Рейтинг"]
    assert "23 ноября 2026" in shown[0][1]
    text = {title: body for title, body, _ in shown}
    blocked = text["Заблокированы или ограничены здесь"]
    assert format_since("2022-03-04", "ru") in blocked
    assert re.search(r"\d+,\d\s?%", text[first])  # 74,9 %


def test_deck_is_deterministic_apart_from_the_date(russia: Args) -> None:
    first = deck(russia, tactic_summary=PLAN)
    assert first == deck(russia, tactic_summary=PLAN)
    other_day = deck(russia, tactic_summary=PLAN, generated=date(2027, 1, 2))
    assert other_day != first
    properties = Presentation(io.BytesIO(first)).core_properties
    assert properties.created == properties.modified == datetime(2026, 11, 23)
    assert properties.author == "smmfit"


def test_report_tells_the_same_story_escaped(russia: Args) -> None:
    data = report(russia, tactic_summary=[("risky", "<img src=x onerror=alert(1)>")])
    parsed = parse(data)
    text = " ".join(parsed.parts)
    assert parsed.scripts == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data.decode()
    assert EVIL in text  # shown literally
    assert "&lt;img src=x onerror=alert(1)&gt;" in data.decode()
    first, pick, runner = answer(russia)
    for expected in (
        first,
        "comes out first in",
        "people from the target audience it reaches",
        f"Why not {runner}?",
        f"Runner-up: {runner}",
        f"Before you rely on {pick}",
        "Blocked or restricted here",
        "Facebook:",
        "Blocked in Russia since March 4, 2022",
        "Next steps",
        "Sources (appendix)",
        "weak source",
        "Tactic check",
        "November 23, 2026",
    ):
        assert expected in text, expected
    assert text.count("Runner-up") == 1
    assert len(parsed.images) >= 3
    assert all(src.startswith("data:image/png;base64,") for src in parsed.images)
    assert "@page { size: A4 portrait" in data.decode()  # printable


def test_report_in_russian_and_deterministic(russia: Args) -> None:
    data = report(russia, "ru")
    assert data == report(russia, "ru")
    text = " ".join(parse(data).parts)
    assert '<html lang="ru">' in data.decode()
    assert answer(russia, "ru")[0] in text
    assert "Источники (приложение)" in text
    assert "Проверка тактик" not in text


def test_no_pick_still_makes_a_pack(synthetic: Evidence) -> None:
    """Everything blocked or unscored: the pack says so instead of failing."""
    persona = Persona(region="DE", age_min=90, age_max=100)
    args = inputs(synthetic, persona)
    shown = slides(deck(args))
    assert shown[0][0] == "Which network to test first"  # no name: the default title
    assert 6 <= len(shown) <= 10
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
    return meeting_pack(russia.assessed, "en", audience=russia.audience, generated=DAY)


def test_a_pack_with_tactics_equals_one_built_with_them(
    russia: Args, russian_pack: MeetingPack
) -> None:
    summary = [("gray", "Buy 5,000 followers"), ("white", "Run a contest")]
    built = meeting_pack(
        russia.assessed, "en", audience=russia.audience, tactic_summary=summary, generated=DAY
    )
    assert russian_pack.with_tactics(summary) == built


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=st.text(max_size=60))
@example(line="0\u20290\x85")  # paragraph separators: the shaping engine refused them
def test_any_plan_line_is_safe_in_both_formats(russian_pack: MeetingPack, line: str) -> None:
    pack = russian_pack.with_tactics([("risky", line)])
    parsed = parse(pack_html(pack))
    assert parsed.scripts == 0
    assert clean(line) in "".join(parsed.parts) or not clean(line)
    shown = {title: body for title, body, _ in slides(pack_pptx(pack, DAY))}
    assert f"risky: {clean(line)}" in shown["Tactic check"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([("Short line", 18)] * 3, 1.0),  # fits as it is
        ([("word " * 40, 18)] * 10, None),  # shrinks, stays readable
        ([("word " * 400, 18)] * 20, MIN_SIZE / 18),  # cannot fit: the smallest size
        ([("word " * 400, 9)] * 20, 1.0),  # already under the floor: left as it is
    ],
)
def test_text_shrinks_to_fit_its_box(lines: list[tuple[str, int]], expected: float | None) -> None:
    scale = fit_scale([para(text, size) for text, size in lines], BODY)
    if expected is None:
        assert MIN_SIZE / 18 < scale < 1.0
    else:
        assert scale == pytest.approx(expected)


def test_a_long_list_of_blocks_is_set_smaller_to_fit(evidence: Evidence) -> None:
    """China blocks many networks: their slide's text is smaller than Russia's, not under 12."""
    shown = Presentation(io.BytesIO(deck(inputs(evidence, Persona(region="CN")))))
    blocked = next(s for s in shown.slides if s.shapes.title.text == "Blocked or restricted here")
    sizes = {
        run.font.size.pt
        for shape in blocked.shapes
        if shape.has_text_frame and shape.shape_id != blocked.shapes.title.shape_id
        and shape.top < Inches(6.5)  # the footer and as-of line apart
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }  # fmt: skip
    assert len(sizes) == 1
    assert MIN_SIZE <= sizes.pop() < 18


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_report_says_how_to_read_the_messengers_it_ranks(
    russia: Args, language: Language
) -> None:
    from smmfit.render.page_tables import messengers_note

    note = messengers_note(russia.assessed.ranking, language)
    assert note  # Max is scored in Russia
    text = " ".join(parse(report(russia, language)).parts)
    assert note in text
