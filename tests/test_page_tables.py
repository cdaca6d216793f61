"""What the pages show, shaped in the user's language: on the real data, row by row."""

from __future__ import annotations

import pandas as pd
import pytest

from smmfit.data import (
    PROFILE_COLUMNS,
    CoverageReport,
    Dataset,
    Evidence,
    audience_profile,
    availability_table,
    coverage,
    platform_figures,
)
from smmfit.models import Note, Persona, Ranking, SourceRef
from smmfit.ranking import rank
from smmfit.render import Language
from smmfit.render.page_tables import (
    audience_sources,
    availability_display,
    coverage_rows,
    evidence_markdown,
    figures_display,
    goal_weights_table,
    messengers_note,
    missing_dimensions,
    notes_markdown,
    profile_falls_back,
    unavailable_markdown,
)


@pytest.fixture(scope="module")
def report(dataset: Dataset) -> CoverageReport:
    return coverage(dataset)


def ranking(evidence: Evidence, region: str) -> Ranking:
    return rank(Persona(region=region), evidence)


@pytest.mark.parametrize(
    ("notes", "language", "expected"),
    [
        ([], "en", ""),
        ([Note(key="region.worldwide")], "ru", "- Весь мир"),
        (
            [Note(key="fit.test_first", params={"platform": "vk"}), Note(key="region.worldwide")],
            "en",
            "- Test first\\: VK\n- Worldwide",
        ),
    ],
)
def test_notes_markdown(notes: list[Note], language: Language, expected: str) -> None:
    assert notes_markdown(notes, language) == expected


@pytest.mark.parametrize(
    ("region", "language", "line"),
    [
        ("RU", "en", "- **YouTube**: Blocked in Russia since February 10, 2026\\: "),
        (
            "RU",
            "ru",
            "- **YouTube**: Заблокирована в стране «Россия» с 10 февраля 2026\u202fг\\.\\: ",
        ),
        ("CN", "en", "- **YouTube**: Blocked in China since March 23, 2009\\: "),
    ],
)
def test_unavailable_markdown_names_each_network_and_why(
    evidence: Evidence, region: str, language: Language, line: str
) -> None:
    result = ranking(evidence, region)
    lines = unavailable_markdown(result, language).splitlines()
    assert len(lines) == sum(1 for item in result.ranking if item.limited)
    # A launch or a lifting ("available again since") is history, not a limit.
    assert not any("Available" in text or "доступна" in text for text in lines)
    assert any(text.startswith(line) for text in lines)
    assert all(text.startswith("- **") for text in lines)


def test_evidence_markdown_lists_gaps_and_linked_sources(evidence: Evidence) -> None:
    result = ranking(evidence, "RU")
    blocks = evidence_markdown(result, "en").split("\n\n**")
    assert len(blocks) == len(result.ranking) == len(evidence.dataset.platforms)
    assert blocks[0].startswith("**VK**\n\n- age\\: the newest figure is from 2018\n")
    assert (
        "- [Group4Media study on Mediascope data via Kommersant]"
        "(https://www.kommersant.ru/doc/8058240) (2025)"
    ) in blocks[0]


@pytest.mark.parametrize(
    ("source", "language", "expected"),
    [
        (
            SourceRef(source="Pew (2024)", url="https://pewresearch.org/x", year=2024),
            "en",
            "**VK**\n\n- [Pew \\(2024\\)](https://pewresearch.org/x) (2024)",
        ),
        (
            SourceRef(source="Мой отчёт", url="https://example.org/a_(b)", year=2025, user=True),
            "en",
            "**VK**\n\n- **your data:** [Мой отчёт](https://example.org/a_%28b%29) (2025)",
        ),
    ],
)
def test_evidence_markdown_marks_the_users_own_figures(
    evidence: Evidence, source: SourceRef, language: Language, expected: str
) -> None:
    result = ranking(evidence, "RU")
    vk = result.ranking[0].model_copy(update={"gaps": (), "sources": (source,)})
    only_vk = result.model_copy(update={"ranking": (vk,)})
    assert evidence_markdown(only_vk, language) == expected


def profile_of(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"authority": a, "source": s, "year": y} for a, s, y in rows], columns=PROFILE_COLUMNS
    )


@pytest.mark.parametrize(
    ("rows", "language", "expected"),
    [
        (
            [("primary", "Pew", 2024), ("primary", "Pew", 2024), ("user", "My survey", 2025)],
            "en",
            "Figures\\: Pew \\(2024\\); \\[your data\\] My survey \\(2025\\)",
        ),
        ([], "en", "Figures\\: "),
    ],
)
def test_audience_sources_names_each_source_once(
    rows: list[tuple[str, str, int]], language: Language, expected: str
) -> None:
    assert audience_sources(profile_of(rows), language) == expected


def test_audience_sources_of_a_real_profile(evidence: Evidence) -> None:
    profile = audience_profile(evidence, "vk", "RU", None)
    assert audience_sources(profile, "en") == (
        "Figures\\: SimilarWeb \\(vk\\.com website visitors, Aug 2025\\) as tabulated in a "
        "student project page \\(2025\\); VTsIOM survey \\(published 12 Feb 2018, adults "
        "18\\+\\) via TASS \\(2018\\)"
    )


@pytest.mark.parametrize(
    ("platform", "region", "falls_back", "missing"),
    [
        ("vk", "RU", True, ["device"]),  # gender only as a worldwide web panel
        ("ok", "RU", False, []),
        ("vk", "KZ", True, ["age", "device"]),
        ("instagram", "US", False, ["device"]),
    ],
)
def test_profile_gaps(
    evidence: Evidence, platform: str, region: str, falls_back: bool, missing: list[str]
) -> None:
    profile = audience_profile(evidence, platform, region, None)
    assert profile_falls_back(profile, region) is falls_back
    assert missing_dimensions(profile) == missing


def test_an_empty_profile_misses_everything_and_borrows_nothing() -> None:
    empty = pd.DataFrame(columns=PROFILE_COLUMNS)
    assert profile_falls_back(empty, "RU") is False
    assert missing_dimensions(empty) == ["age", "gender", "device"]


@pytest.mark.parametrize(
    ("dimension", "year", "status", "why"),
    [
        ("Gender", "—", "gap", "blocked since March 14, 2022"),
        ("Audience size", "2023", "covered", ""),
        ("Availability", "2022", "covered", "blocked since March 14, 2022"),
    ],
)
def test_coverage_rows_of_a_tracked_region(
    report: CoverageReport, dimension: str, year: str, status: str, why: str
) -> None:
    rows = coverage_rows(report, "instagram", "RU", "en")
    assert list(rows.columns) == ["Dimension", "Year", "Status", "Why"]
    assert len(rows) == 7
    row = rows[rows["Dimension"] == dimension].iloc[0]
    assert (row["Year"], row["Status"]) == (year, status)
    assert row["Why"].startswith(why)


def test_coverage_rows_of_an_untracked_region_are_empty(report: CoverageReport) -> None:
    rows = coverage_rows(report, "instagram", "KZ", "ru")
    assert rows.empty
    assert list(rows.columns) == ["Измерение", "Год", "Статус", "Почему"]


@pytest.mark.parametrize(
    ("language", "dimension", "unit"),
    [
        ("en", {"age": "Age", "audience": "Audience size"}, "% of the network's audience"),
        ("ru", {"age": "Возраст", "audience": "Размер аудитории"}, "% аудитории сети"),
    ],
)
def test_figures_display_names_dimension_and_unit(
    evidence: Evidence, language: Language, dimension: dict[str, str], unit: str
) -> None:
    figures = platform_figures(evidence, "vk", "RU")
    before = figures.copy()
    shown = figures_display(figures, language)
    pd.testing.assert_frame_equal(figures, before)  # the input is left alone
    for code, name in dimension.items():
        assert (shown["dimension"][figures["dimension"] == code] == name).all()
    assert (shown["unit"][figures["unit"] == "pct_of_platform_audience"] == unit).all()
    untouched = [c for c in figures.columns if c not in ("dimension", "unit")]
    pd.testing.assert_frame_equal(shown[untouched], figures[untouched])


@pytest.mark.parametrize(
    ("language", "region", "expected"),
    [
        ("en", "CN", ("China", "blocked", "September 2014")),
        ("ru", "CN", ("Китай", "заблокирована", "сентябрь 2014\u202fг.")),
        ("ru", "NP", ("Непал", "заблокирована", "4 сентября 2025\u202fг.")),
    ],
)
def test_availability_display_names_country_status_and_date(
    dataset: Dataset, language: Language, region: str, expected: tuple[str, str, str]
) -> None:
    table = availability_table(dataset, "instagram", language)
    before = table.copy()
    shown = availability_display(table, language)
    pd.testing.assert_frame_equal(table, before)
    row = shown[table["region"] == region].iloc[0]
    assert (row["region"], row["status"], row["since"]) == expected


@pytest.mark.parametrize(
    ("language", "goal_column", "goals", "reach_column"),
    [
        ("en", "Goal", ["Not set", "Awareness", "Sales", "Loyalty"], "Reach"),
        ("ru", "Цель", ["Не задана", "Узнаваемость", "Продажи", "Лояльность"], "Охват"),
    ],
)
def test_goal_weights_table(
    language: Language, goal_column: str, goals: list[str], reach_column: str
) -> None:
    table = goal_weights_table(language)
    assert list(table[goal_column]) == goals
    assert list(table[reach_column]) == [0.85, 0.9, 0.7, 0.6]
    assert list(table.iloc[:, -1]) == [0.5] * 4


@pytest.mark.parametrize(
    ("region", "language", "named"),
    [
        ("RU", "en", ("Max",)),
        ("TH", "ru", ("LINE",)),
        ("CN", "en", ("WeChat",)),
    ],
)
def test_messengers_note_names_the_ranked_messengers(
    evidence: Evidence, region: str, language: Language, named: tuple[str, ...]
) -> None:
    result = ranking(evidence, region)
    note = messengers_note(result, language)
    assert all(name in note for name in named)
    # Only messengers with a score: no feed network is named in it.
    assert "YouTube" not in note and "Instagram" not in note


def test_no_messenger_ranked_no_note(evidence: Evidence) -> None:
    result = ranking(evidence, "RU")
    feeds_only = result.model_copy(
        update={"ranking": tuple(r for r in result.ranking if r.kind != "messenger")}
    )
    assert messengers_note(feeds_only, "en") == ""
