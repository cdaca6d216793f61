"""The deck's layout, measured: every text fits its box with the fonts the deck names, every
shape stays on the slide, table headers break only between words, nothing under 12 pt but
the sources appendix, charts placed large enough to read, and the Russian deck has no English
headings. Decks of several personas and languages are read back from their bytes.

The measure is the deck's own fonts' advance widths (smmfit.render.fonts: Liberation Sans,
metric-compatible with the Arial the deck names, and Noto Sans Thai), so it needs those
files: skipped without them, except under CI, where .ci/run installs them.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date
from typing import Any, NamedTuple

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from smmfit.data import Evidence, audience_profile
from smmfit.models import Persona
from smmfit.plan import PlanRequest, build_plan, load_plan_data
from smmfit.ranking import Assessment, assess
from smmfit.render import Language, headline, platform_name, t
from smmfit.render.deck import MIN_CHART_SCALE, MIN_SIZE, deck_pptx
from smmfit.render.fonts import fonts_installed, longest_word, wrap
from smmfit.render.i18n import catalog
from smmfit.render.logo import read_logo
from smmfit.render.pack import CHART_SCALE, source_authorities
from smmfit.render.plan import plan_next_steps

DAY = date(2026, 11, 23)

if not fonts_installed():
    if os.environ.get("CI") == "true":
        pytest.fail(
            "the deck's fonts are missing: .ci/run installs fonts-liberation2 and fonts-noto-core"
        )
    pytest.skip(
        "the deck's fonts are not installed (apt-get install fonts-liberation2 fonts-noto-core)",
        allow_module_level=True,
    )


def _logo_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 200), "#C0392B").save(buffer, "PNG")
    return read_logo(buffer.getvalue()).png


LOGO = _logo_png()


class Case(NamedTuple):
    name: str
    persona: Persona
    language: Language
    logo: bool = False
    plan: bool = False
    test_plan: bool = False  # next steps from a test plan (the longest sentences a deck gets)


LONG_NAME = (
    "Çok uzun bir kampanya adı: İstanbul, İzmir ve Ankara için ilkbahar–yaz 2027 lansmanı, "
    "gençler ve aileler"
)
WOMEN_50 = Persona(region="RU", age_min=45, age_max=65, gender="female", name="Витамины 50+")
CASES = [
    Case("us-en", Persona(region="US", age_min=25, age_max=34, gender="female", name="Glow"), "en"),
    Case("ru-ru", WOMEN_50, "ru", logo=True),
    Case("cn-en", Persona(region="CN", age_min=18, age_max=30), "en", plan=True),
    Case("ru-teens", Persona(region="RU", age_min=13, age_max=17), "ru"),
    Case("tr-long-name", Persona(region="TR", name=LONG_NAME), "en", logo=True),
    Case("th-plan", Persona(region="TH", goal="awareness"), "ru", test_plan=True),
]


def plan_steps(assessed: Assessment, language: Language) -> list[tuple[str, str]]:
    request = PlanRequest(
        network="tiktok", budget=35_000, currency="THB", rates={"USD": 35.0}, weeks=2, start=DAY,
        target_reach=250_000,
    )  # fmt: skip
    plan = build_plan(assessed.ranking, request, load_plan_data(), DAY)
    return plan_next_steps(plan, language)


class Built(NamedTuple):
    assessed: Assessment
    deck: Any  # pptx Presentation


@pytest.fixture(scope="module")
def decks(evidence: Evidence) -> dict[str, Built]:
    authorities = source_authorities(evidence.dataset)
    built = {}
    for case in CASES:
        assessed = assess(case.persona, evidence, draws=1000, as_of=DAY)
        pick = assessed.ranking.recommendation.platform
        audience = (
            audience_profile(evidence, pick, case.persona.region, case.persona) if pick else None
        )
        data = deck_pptx(
            assessed, case.language, [("gray", "Buy 5,000 followers")] if case.plan else None,
            audience=audience, authorities=authorities,
            logo=read_logo(LOGO) if case.logo else None, generated=DAY,
            next_steps=plan_steps(assessed, case.language) if case.test_plan else None,
        )  # fmt: skip
        built[case.name] = Built(assessed, Presentation(io.BytesIO(data)))
    return built


def names(deck: Any) -> list[str]:
    return [slide._element.cSld.get("name") for slide in deck.slides]


def text_frames(deck: Any) -> Any:
    """(slide name, shape, frame) of every text frame, table cells apart."""
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                yield slide._element.cSld.get("name"), shape, shape.text_frame


def paragraph_lines(paragraph: Any, width: float) -> tuple[int, float, float]:
    """How many lines the paragraph takes in ``width`` points, its line pitch and gap after."""
    runs = paragraph.runs
    text = "".join(run.text for run in runs)
    size = max(run.font.size.pt for run in runs)
    bold = any(run.font.bold for run in runs)
    lines = len(wrap(text, size, width, bold))
    pitch = paragraph.line_spacing.pt if paragraph.line_spacing is not None else size * 1.2
    after = paragraph.space_after.pt if paragraph.space_after is not None else 0.0
    return lines, pitch, after


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_at_most_ten_slides_in_story_order(decks: dict[str, Built], case: str) -> None:
    order = names(decks[case].deck)
    assert len(order) <= 10
    story = [
        "title",
        "answer",
        "ranking",
        "runner_up",
        "audience",
        "caveats",
        "unavailable",
        "next_steps",
    ]
    assert order[: len(story)] == story
    assert order[-1] == "sources"  # one appendix, last
    assert order.count("sources") == 1


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_every_shape_stays_on_the_slide(decks: dict[str, Built], case: str) -> None:
    deck = decks[case].deck
    width, height = deck.slide_width, deck.slide_height
    assert width * 9 == height * 16  # 16:9
    for slide in deck.slides:
        for shape in slide.shapes:
            where = f"{slide._element.cSld.get('name')}: {shape.name}"
            assert shape.left >= 0 and shape.top >= 0, where
            assert shape.left + shape.width <= width, where
            bottom = shape.top + shape.height
            if shape.has_table:  # rows grow to their text: measure them
                bottom = shape.top + table_height(shape)
            assert bottom <= height, where


def frame_problems(name: str, shape: Any, frame: Any) -> list[str]:
    """Why the frame's text does not fit its box: a word wider than it, or too many lines."""
    problems = []
    width = (shape.width - frame.margin_left - frame.margin_right) / Pt(1)
    height = (shape.height - frame.margin_top - frame.margin_bottom) / Pt(1)
    used = 0.0
    for paragraph in frame.paragraphs:
        if not paragraph.runs:
            continue
        text = "".join(run.text for run in paragraph.runs)
        size = max(run.font.size.pt for run in paragraph.runs)
        bold = any(run.font.bold for run in paragraph.runs)
        if longest_word(text, size, bold) > width:
            problems.append(f"{name}: a word of {text!r} is wider than its box")
        lines, pitch, after = paragraph_lines(paragraph, width)
        used += lines * pitch + after
    # The space after the last paragraph may hang below the box: no text is drawn there.
    last = frame.paragraphs[-1].space_after
    if used - (last.pt if last else 0) > height + 0.01:
        problems.append(f"{name}: {frame.text[:60]!r} needs {used:.0f} pt, has {height:.0f}")
    return problems


def table_problems(shape: Any) -> list[str]:
    """Every cell whose longest word is wider than its column (a header broken mid-word)."""
    problems = []
    widths = [column.width for column in shape.table.columns]
    for row in shape.table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            runs = cell.text_frame.paragraphs[0].runs
            if not runs:
                continue
            inner = (width - cell.margin_left - cell.margin_right) / Pt(1)
            size, bold = runs[0].font.size.pt, bool(runs[0].font.bold)
            if longest_word(cell.text, size, bold) > inner:
                problems.append(cell.text)
    return problems


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_every_text_fits_its_box(decks: dict[str, Built], case: str) -> None:
    for name, shape, frame in text_frames(decks[case].deck):
        assert not frame_problems(name, shape, frame)


def test_the_measure_catches_overflow_and_broken_headers() -> None:
    """The checks above can fail: a long text in a small box, a header in a narrow column."""
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(0.6))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Largest number of people from the target audience: 26.3M."
    run.font.size = Pt(18)
    box.text_frame.word_wrap = True
    assert frame_problems("test", box, box.text_frame)
    run.text = "Short"
    assert not frame_problems("test", box, box.text_frame)
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(3), Inches(1.2), Inches(0.6))
    for c, header in enumerate(("Rank", "Место")):
        cell = table.table.cell(0, c)
        cell.text_frame.paragraphs[0].add_run().text = header
        cell.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    assert table_problems(table) == ["Rank", "Место"]  # 0.6 in columns: both break


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_nothing_under_12_pt_but_the_sources(decks: dict[str, Built], case: str) -> None:
    for name, _, frame in text_frames(decks[case].deck):
        if name == "sources":
            continue
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                assert run.font.size.pt >= MIN_SIZE, (
                    f"{name}: {run.text!r} at {run.font.size.pt} pt"
                )
    for slide in decks[case].deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        for run in cell.text_frame.paragraphs[0].runs:
                            assert run.font.size.pt >= MIN_SIZE


def table_height(shape: Any) -> float:
    """The table's drawn height in EMU: each row as tall as its tallest cell's text."""
    total = 0
    widths = [column.width for column in shape.table.columns]
    for row in shape.table.rows:
        needed = row.height
        for cell, width in zip(row.cells, widths, strict=True):
            inner = (width - cell.margin_left - cell.margin_right) / Pt(1)
            paragraph = cell.text_frame.paragraphs[0]
            if not paragraph.runs:
                continue
            lines, pitch, _ = paragraph_lines(paragraph, inner)
            text = Pt(lines * pitch) + cell.margin_top + cell.margin_bottom
            needed = max(needed, text)
        total += needed
    return total


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_table_words_fit_their_columns(decks: dict[str, Built], case: str) -> None:
    """No header or cell breaks inside a word ("Ra/nk", "Ме/сто", "14,3 мл/н")."""
    tables = 0
    for slide in decks[case].deck.slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            tables += 1
            assert not table_problems(shape)
    assert tables >= 2  # the ranking, and the pick against the runner-up


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_charts_are_placed_large_enough_to_read(decks: dict[str, Built], case: str) -> None:
    """Chart text is 16 px: at 0.75 pt per pixel or more it is at least 12 pt."""
    charts = 0
    for slide in decks[case].deck.slides:
        for shape in slide.shapes:
            if shape.shape_type != MSO_SHAPE_TYPE.PICTURE or shape.image.blob == LOGO:
                continue
            charts += 1
            pixels = Image.open(io.BytesIO(shape.image.blob)).width / CHART_SCALE
            assert shape.width / Pt(1) / pixels >= MIN_CHART_SCALE - 1e-6
    assert charts >= 1


def all_text(deck: Any) -> str:
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def headings(deck: Any) -> list[str]:
    """Slide titles, table headers and the runner-up table's row names, card labels."""
    found = []
    for slide in deck.slides:
        if slide.shapes.title is not None:
            found.append(slide.shapes.title.text)
        for shape in slide.shapes:
            if shape.has_table:
                table = shape.table
                found += [cell.text for cell in table.rows[0].cells]
                found += (
                    [row.cells[0].text for row in list(table.rows)[1:]]
                    if len(table.columns) == 3
                    else []
                )
            elif shape.has_text_frame and slide._element.cSld.get("name") == "answer":
                found += [p.runs[0].text for p in shape.text_frame.paragraphs if len(p.runs) > 1]
    return [text for text in found if text]


@pytest.mark.parametrize("case", ["ru-ru", "ru-teens"])
def test_the_russian_deck_has_no_english_headings(decks: dict[str, Built], case: str) -> None:
    ids = [key.removeprefix("platform.") for key in catalog("en") if key.startswith("platform.")]
    names = {platform_name(code, lang) for code in ids for lang in ("en", "ru")}
    networks = sorted(names, key=len, reverse=True)  # "VK Video" before "VK"
    english = {
        text
        for key, text in catalog("en").items()
        if key.startswith(("deck.", "fit.", "export.", "table."))
    }
    for heading in headings(decks[case].deck):
        assert heading not in english or heading == catalog("ru").get("deck.col_rank")
        rest = heading
        for name in networks:
            rest = rest.replace(name, "")
        assert not re.search("[A-Za-z]{3,}", rest.replace("smmfit", "")), heading


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_the_deck_states_the_decided_answer_once(decks: dict[str, Built], case: str) -> None:
    built = decks[case]
    language = next(c.language for c in CASES if c.name == case)
    decision = built.assessed.ranking.recommendation
    answer = next(s for s in built.deck.slides if s._element.cSld.get("name") == "answer")
    title = answer.shapes.title.text
    assert decision.platform is not None
    # The same words as the Fit page and the CLI table: one answer, stated once.
    assert title == headline(decision, language)
    if decision.close_call:
        assert all(platform_name(p, language) in title for p in decision.contenders)
    # "Runner-up" once at most: the runner-up slide says it; the answer does not repeat it.
    runner_word = t("reason.runner_up", language, runner="", score="", gap="").split(":")[0]
    assert all_text(built.deck).count(runner_word) <= 1


def test_a_close_call_says_too_close_to_call_between_the_contenders(
    decks: dict[str, Built],
) -> None:
    built = decks["ru-ru"]
    decision = built.assessed.ranking.recommendation
    assert decision.close_call, "this persona was a close call in the data; pick another one"
    answer = built.deck.slides[1].shapes.title.text
    pick = platform_name(str(decision.platform), "ru")
    assert answer.startswith(f"Тестировать первой: {pick} (почти на равных с ")


def test_the_logo_is_on_the_title_band_of_every_slide(decks: dict[str, Built]) -> None:
    for slide in decks["ru-ru"].deck.slides:
        logos = [
            s for s in slide.shapes
            if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.image.blob == LOGO
        ]  # fmt: skip
        assert len(logos) == 1
    plain = decks["us-en"].deck.slides
    assert not any(
        s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.image.blob == LOGO
        for sl in plain
        for s in sl.shapes
    )


def test_the_deck_names_a_font_for_every_script(decks: dict[str, Built]) -> None:
    xml = decks["ru-ru"].deck.slides[1].shapes.title._element.xml
    assert 'latin typeface="Arial"' in xml
    assert 'cs typeface="Noto Sans Thai"' in xml


def test_a_test_plan_s_steps_close_the_deck(decks: dict[str, Built]) -> None:
    built = decks["th-plan"]
    slide = next(s for s in built.deck.slides if s._element.cSld.get("name") == "next_steps")
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    for label, value in plan_steps(built.assessed, "ru"):
        assert f"{label}: {value}" in text


def test_an_estimated_pick_s_affinity_is_unknown_as_its_reasons_say(
    decks: dict[str, Built],
) -> None:
    """Where no source splits the pick's audience, its affinity is the stand-in's (100): the
    card says unknown, as the answer's reasons do, never a figure."""
    estimated = [
        name
        for name, built in decks.items()
        if next(
            item
            for item in built.assessed.ranking.ranking
            if item.platform == built.assessed.ranking.recommendation.platform
        ).reach_estimated
    ]
    assert estimated, "no case has an estimated pick; add one"
    for name in estimated:
        language = next(c.language for c in CASES if c.name == name)
        answer = next(s for s in decks[name].deck.slides if s._element.cSld.get("name") == "answer")
        frames = [shape.text_frame.text for shape in answer.shapes if shape.has_text_frame]
        card = t("deck.card_affinity", language)
        (affinity,) = [frame for frame in frames if card in frame]
        assert affinity.split("\n")[0] == t("deck.unknown", language), affinity


@pytest.mark.parametrize("case", ["ru-ru", "cn-en"])
def test_a_long_list_of_blocked_networks_is_cut_with_how_many_more(
    decks: dict[str, Built], case: str
) -> None:
    """Russia and China block more networks than the slide holds: the first ones in ranking
    order, then "and N more" naming the Networks page, so every network is accounted for."""
    built = decks[case]
    language: Language = "ru" if case == "ru-ru" else "en"
    limited = [
        platform_name(item.platform, language)
        for item in built.assessed.ranking.ranking
        if item.limited and item.status_note
    ]
    slide = next(s for s in built.deck.slides if s._element.cSld.get("name") == "unavailable")
    paragraphs = [
        p.text
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
    ]
    listed = [name for name in limited if any(p.startswith(f"{name}: ") for p in paragraphs)]
    hidden = len(limited) - len(listed)
    assert listed and hidden > 0
    assert listed == limited[: len(listed)]
    assert t("deck_unavailable.more", language, count=hidden) in paragraphs


def test_the_deck_s_ranking_chart_shows_the_first_networks_only(decks: dict[str, Built]) -> None:
    """The chart holds RANKING_CHART_NETWORKS bars, the table beside it the same networks and
    a row saying how many more the report and the Fit page list."""
    from smmfit.render.charts import ranking_chart
    from smmfit.render.pack import RANKING_CHART_NETWORKS, _first_networks

    result = decks["us-en"].assessed.ranking
    full = ranking_chart(result, "en")
    shown = _first_networks(full, RANKING_CHART_NETWORKS)
    order = full["encoding"]["y"]["sort"]
    assert len(order) > RANKING_CHART_NETWORKS  # the US has more scored networks than bars
    assert shown["encoding"]["y"]["sort"] == order[:RANKING_CHART_NETWORKS]
    assert {row["network"] for row in shown["data"]["values"]} == set(
        order[:RANKING_CHART_NETWORKS]
    )
    table = next(s for s in decks["us-en"].deck.slides if s._element.cSld.get("name") == "ranking")
    rows = next(shape for shape in table.shapes if shape.has_table).table.rows
    assert len(rows) - 1 == RANKING_CHART_NETWORKS + 1
    more = len(order) - RANKING_CHART_NETWORKS
    assert rows[len(rows) - 1].cells[1].text == t("deck.ranking_more", "en", count=more)


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_the_ranking_table_marks_each_messenger(decks: dict[str, Built], case: str) -> None:
    built = decks[case]
    language = next(c.language for c in CASES if c.name == case)
    slide = next(s for s in built.deck.slides if s._element.cSld.get("name") == "ranking")
    rows = next(shape for shape in slide.shapes if shape.has_table).table.rows
    shown = [row.cells[1].text for row in list(rows)[1:]]
    ranked = [r for r in built.assessed.ranking.ranking if r.score is not None]
    if len(ranked) > len(shown):  # cut: the last row says how many more
        shown = shown[:-1]
    for item, name in zip(ranked[: len(shown)], shown, strict=True):
        plain = platform_name(item.platform, language)
        marked = t("deck.messenger_name", language, name=plain)
        assert name == (marked if item.kind == "messenger" else plain)
