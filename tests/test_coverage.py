"""The coverage report: one cell per platform x region x dimension, totals that match the file."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path
from typing import Any

import pytest

from smmfit.data import (
    COVERAGE_DIMENSIONS,
    CoverageReport,
    Dataset,
    Evidence,
    coverage,
    load_dataset,
)
from smmfit.data.coverage import FRAME_COLUMNS, TRACKED_REGIONS
from smmfit.render import LANGUAGES, render
from smmfit.render.i18n import format_since
from smmfit.render.tables import coverage_frame
from tests.conftest import ROOT, audience, block, figure, population, write_data

SEED_PLATFORMS = ("vk", "ok", "instagram", "facebook", "pinterest", "youtube", "x", "weibo")
CORE_REGIONS = ("RU", "US", "CN", "WW")
# The bar: a composition no older than this, or a gap that says why.
FRESH_FROM = 2022
AS_OF = 2026


@pytest.fixture(scope="module")
def report(dataset: Dataset) -> CoverageReport:
    return coverage(dataset, as_of=AS_OF)


def synthetic_report(
    tmp_path: Path,
    figures: list[dict[str, Any]],
    availability: list[dict[str, Any]] | None = None,
    regions: tuple[str, ...] = ("DE", "WW"),
) -> CoverageReport:
    directory = write_data(
        tmp_path / "data",
        figures,
        availability=availability,
        population_rows=population("DE"),
    )
    return coverage(load_dataset(directory), regions=regions, as_of=AS_OF)


def csv_rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# -- the real data ------------------------------------------------------------------------


def test_totals_match_the_file(report: CoverageReport) -> None:
    rows = csv_rows("platform_demographics.csv")
    assert report.totals.rows == len(rows)
    assert report.totals.sources == len({row["source"] for row in rows})
    ages = [AS_OF - int(row["year"]) for row in rows]
    assert report.totals.median_age_years == statistics.median(ages)


def test_one_cell_per_platform_region_and_dimension(
    report: CoverageReport, dataset: Dataset
) -> None:
    keys = [(c.platform, c.region, c.dimension) for c in report.cells]
    assert len(keys) == len(set(keys))
    assert set(keys) == {
        (p, r, d) for p in dataset.platforms for r in TRACKED_REGIONS for d in COVERAGE_DIMENSIONS
    }
    assert report.totals.cells == len(keys)


def test_shares_are_counted_from_the_cells(report: CoverageReport) -> None:
    applicable = [c for c in report.cells if c.status != "not_applicable"]
    covered = [c for c in applicable if c.covered]
    assert report.totals.applicable_cells == len(applicable)
    assert report.totals.covered_cells == len(covered)
    assert report.totals.share_covered == pytest.approx(len(covered) / len(applicable))
    for dimension, share in report.totals.share_covered_by_dimension.items():
        cells = [c for c in applicable if c.dimension == dimension]
        assert share == pytest.approx(sum(c.covered for c in cells) / len(cells))


def test_only_covered_and_stale_cells_have_a_year_and_every_gap_says_why(
    report: CoverageReport,
) -> None:
    for cell in report.cells:
        assert (cell.year is not None) == (cell.status in ("covered", "stale")), cell
        if not cell.covered:
            assert cell.reason is not None, cell


def test_a_figure_older_than_the_threshold_counts_as_a_gap(report: CoverageReport) -> None:
    """Issue 3: a seed network's cell needs a 2022+ source or is reported as a gap, with why."""
    vk_age = report.cell("vk", "RU", "age")
    assert vk_age.status == "stale" and vk_age.year == 2018 and not vk_age.covered
    assert vk_age.reason is not None and vk_age.reason.key == "coverage.stale"
    for cell in report.cells:
        # Availability records are dated events: a 2018 unblock is still in force.
        if cell.status == "covered" and cell.year is not None and cell.dimension != "availability":
            assert cell.year >= report.totals.as_of - 4, cell


@pytest.mark.parametrize(("platform", "dimension"), [("instagram", "age"), ("x", "gender")])
def test_a_blocked_network_is_a_gap_with_the_block_as_reason(
    report: CoverageReport, platform: str, dimension: str
) -> None:
    cell = report.cell(platform, "RU", dimension)
    assert cell.status == "gap" and cell.year is None
    assert cell.reason is not None and cell.reason.key == "coverage.blocked"
    since = str(cell.reason.params["since"])
    assert since.startswith("2022-03")
    assert render(cell.reason, "en") == (
        f"blocked since {format_since(since, 'en')}, no post-block survey found"
    )


def test_availability_is_per_country(report: CoverageReport) -> None:
    assert report.cell("facebook", "WW", "availability").status == "not_applicable"
    blocked = report.cell("facebook", "CN", "availability")
    assert blocked.covered and blocked.reason is not None
    assert blocked.reason.key == "coverage.status_blocked"


def test_covered_years_are_the_ones_scoring_uses(
    report: CoverageReport, evidence: Evidence
) -> None:
    for cell in report.cells:
        if not cell.covered or cell.dimension not in ("age", "gender", "audience"):
            continue
        ev = evidence.for_platform(cell.platform, cell.region)
        chosen = {"age": ev.age, "gender": ev.gender, "audience": ev.audience}[cell.dimension]
        assert chosen is not None and chosen.provenance.year == cell.year, cell


@pytest.mark.parametrize("platform", SEED_PLATFORMS)
@pytest.mark.parametrize("region", CORE_REGIONS)
@pytest.mark.parametrize("dimension", ["age", "gender"])
def test_seed_networks_have_fresh_composition_or_a_stated_gap(
    report: CoverageReport, platform: str, region: str, dimension: str
) -> None:
    cell = report.cell(platform, region, dimension)
    fresh = cell.covered and cell.year is not None and cell.year >= FRESH_FROM
    assert fresh or cell.reason is not None, cell


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_renders(report: CoverageReport, language: str) -> None:
    for cell in report.cells:
        if cell.reason is not None:
            text = render(cell.reason, language)  # type: ignore[arg-type]
            assert text and "{" not in text


def test_frame_has_the_promised_columns(report: CoverageReport) -> None:
    frame = coverage_frame(report)
    assert tuple(frame.columns) == FRAME_COLUMNS == ("platform", "region", "dimension", "year",
                                                     "reason")  # fmt: skip
    assert len(frame) == len(report.cells)
    assert str(frame["year"].dtype) == "Int64"
    assert frame["year"].notna().sum() == sum(
        c.status in ("covered", "stale") for c in report.cells
    )
    russian = coverage_frame(report, "ru")
    assert (russian["reason"] != frame["reason"]).any()


def test_report_is_frozen(report: CoverageReport) -> None:
    with pytest.raises(ValueError, match="frozen"):
        report.cells[0].year = 1999  # type: ignore[misc]


def test_unknown_cell_is_a_key_error(report: CoverageReport) -> None:
    with pytest.raises(KeyError):
        report.cell("myspace", "RU", "age")


# -- synthetic data: each reason on a hand-made file ------------------------------------------


def test_choice_rule_decides_the_year(tmp_path: Path) -> None:
    """A newer low-authority source loses to an older primary one, as in scoring."""
    rows = [
        figure("alpha", "DE", "gender", "female", 60, year=2022),
        figure("alpha", "DE", "gender", "male", 40, year=2022),
        figure("alpha", "DE", "gender", "female", 70, source="Blog", year=2025, authority="low"),
        figure("alpha", "DE", "gender", "male", 30, source="Blog", year=2025, authority="low"),
    ]
    cell = synthetic_report(tmp_path, rows).cell("alpha", "DE", "gender")
    assert cell.covered and cell.year == 2022 and cell.authority == "primary"
    assert cell.reason is None


def test_worldwide_fallback_is_not_coverage(tmp_path: Path) -> None:
    rows = [figure("alpha", "WW", "age", "13-29", 40), figure("alpha", "WW", "age", "30+", 60)]
    report = synthetic_report(tmp_path, rows)
    assert report.cell("alpha", "WW", "age").year == 2024
    cell = report.cell("alpha", "DE", "age")
    assert cell.status == "fallback" and cell.year is None
    assert cell.reason is not None and cell.reason.key == "coverage.fallback"
    assert render(cell.reason, "en") == (
        "no figure for this country; the worldwide figure from 2024 is used"
    )


@pytest.mark.parametrize(
    ("since", "key", "text"),
    [
        (
            "2022-03-14",
            "coverage.blocked",
            "blocked since March 14, 2022, no post-block survey found",
        ),
        ("", "coverage.never_offered", "not offered here, so there is no figure"),
    ],
)
def test_blocked_network_without_own_figures(
    tmp_path: Path, since: str, key: str, text: str
) -> None:
    rows = [figure("alpha", "WW", "age", "13-29", 40), figure("alpha", "WW", "age", "30+", 60)]
    report = synthetic_report(tmp_path, rows, availability=[block("alpha", "DE", since=since)])
    cell = report.cell("alpha", "DE", "age")
    assert cell.status == "gap"
    assert cell.reason is not None and cell.reason.key == key
    assert render(cell.reason, "en") == text


@pytest.mark.parametrize(
    ("record", "status", "key", "age_status"),
    [
        # Ended: available, and the data says so; the other dimensions are not gaps.
        (block("alpha", "DE", since="2020-01-10", until="2020-03-01"), "covered",
         "coverage.status_ended", "fallback"),
        # In force, but only for the under-16s: restricted for everyone aged 13+, not blocked.
        (block("alpha", "DE", since="2020-01-10", scope="ages:0-15"), "covered",
         "coverage.status_restricted", "fallback"),
        # In force for everyone.
        (block("alpha", "DE", since="2020-01-10"), "covered", "coverage.status_blocked", "gap"),
    ],
)  # fmt: skip
def test_availability_is_the_status_in_force_today(
    tmp_path: Path, record: dict[str, Any], status: str, key: str, age_status: str
) -> None:
    rows = [figure("alpha", "WW", "age", "13-29", 40), figure("alpha", "WW", "age", "30+", 60)]
    report = synthetic_report(tmp_path, rows, availability=[record])
    cell = report.cell("alpha", "DE", "availability")
    assert cell.status == status
    assert cell.reason is not None and cell.reason.key == key
    assert report.cell("alpha", "DE", "age").status == age_status


def test_an_ended_event_is_rendered_with_its_end(tmp_path: Path) -> None:
    ended = block("alpha", "DE", since="2020-01-10", until="2020-03-01")
    cell = synthetic_report(tmp_path, [], availability=[ended]).cell("alpha", "DE", "availability")
    assert cell.reason is not None
    assert render(cell.reason, "en") == "available; the last recorded event ended on March 1, 2020"


def test_figure_older_than_the_block_is_flagged(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 77, year=2020),
        figure("alpha", "DE", "gender", "male", 23, year=2020),
    ]
    report = synthetic_report(tmp_path, rows, availability=[block("alpha", "DE")])
    cell = report.cell("alpha", "DE", "gender")
    assert cell.status == "stale" and cell.year == 2020
    assert cell.reason is not None and cell.reason.key == "coverage.pre_block"


def test_stale_and_low_authority_caveats(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 50, year=2018),
        figure("alpha", "DE", "gender", "male", 50, year=2018),
        figure("beta", "DE", "gender", "female", 50, authority="low"),
        figure("beta", "DE", "gender", "male", 50, authority="low"),
    ]
    report = synthetic_report(tmp_path, rows)
    stale = report.cell("alpha", "DE", "gender").reason
    low = report.cell("beta", "DE", "gender").reason
    assert stale is not None and stale.key == "coverage.stale"
    assert low is not None and low.key == "coverage.low_authority"


def test_penetration_converted_with_the_population_is_flagged(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", sex, 40, unit="pct_of_group_using", universe="18+")
        for sex in ("female", "male")
    ]
    cell = synthetic_report(tmp_path, rows).cell("alpha", "DE", "gender")
    assert cell.covered and cell.reason is not None and cell.reason.key == "coverage.derived"


def test_unusable_penetration_is_a_gap(tmp_path: Path) -> None:
    """Only one age band of penetration: the groups do not split the population."""
    rows = [figure("alpha", "DE", "age", "18-29", 70, unit="pct_of_group_using", universe="18+")]
    cell = synthetic_report(tmp_path, rows).cell("alpha", "DE", "age")
    assert cell.status == "gap"
    assert cell.reason is not None and cell.reason.key == "coverage.unusable"
    assert cell.reason.params == {"count": 1}


def test_daily_audience_alone_is_a_gap(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "audience", "dau", 5, unit="million_people")]
    cell = synthetic_report(tmp_path, rows).cell("alpha", "DE", "audience")
    assert cell.status == "gap"
    assert cell.reason is not None and cell.reason.key == "coverage.daily_only"


def test_devices_and_systems(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "device", "mobile", 90, year=2023),
        figure("alpha", "DE", "os", "ios", 30, year=2025),
        figure("beta", "DE", "os", "android", 70),
    ]
    report = synthetic_report(tmp_path, rows)
    assert report.cell("alpha", "DE", "device").year == 2023
    assert report.cell("alpha", "DE", "os").year == 2025
    assert report.cell("beta", "DE", "device").status == "gap"
    orphan = report.cell("beta", "DE", "os").reason
    assert orphan is not None and orphan.key == "coverage.os_without_device"


def test_totals_of_a_small_file(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 60, source="Survey A", year=2022),
        figure("alpha", "DE", "gender", "male", 40, source="Survey A", year=2022),
        audience("alpha", "DE", 10, source="Survey B", year=2024),
    ]
    report = synthetic_report(tmp_path, rows, regions=("DE",))
    totals = report.totals
    assert (totals.rows, totals.sources) == (3, 2)
    # 3 platforms x 1 region x 7 dimensions; alpha's gender, audience and nothing else covered
    assert totals.cells == totals.applicable_cells == 21
    assert totals.covered_cells == 2
    assert totals.median_age_years == 4.0  # ages 4, 4, 2
    assert totals.median_age_used_years == 3.0  # the gender (2022) and audience (2024) used


def test_empty_file_reports_no_medians(tmp_path: Path) -> None:
    report = synthetic_report(tmp_path, [], regions=("WW",))
    assert report.totals.rows == 0
    assert report.totals.median_age_years is None
    assert report.totals.covered_cells == 0 and report.totals.share_covered == 0.0


# -- the largest networks per country (issue 13's measure) ------------------------------------


def test_each_countrys_largest_networks_are_listed_largest_first(report: CoverageReport) -> None:
    by_region: dict[str, list[Any]] = {}
    for network in report.largest:
        by_region.setdefault(network.region, []).append(network)
    assert set(by_region) == set(TRACKED_REGIONS) - {"WW"}
    for networks in by_region.values():
        assert 1 <= len(networks) <= 5
        sizes = [n.audience for n in networks]
        assert sizes == sorted(sizes, reverse=True)
    # Blocked networks are not among a country's largest (Instagram has 25M Russians on VPN).
    assert "instagram" not in {n.platform for n in by_region["RU"]}
    assert report.largest_recent == sum(n.recent for n in report.largest)


@pytest.mark.parametrize(
    ("rows", "recent"),
    [
        # The country's own age and gender from 2023 on.
        ([("age", "13-29", 40, 2024), ("age", "30+", 60, 2024),
          ("gender", "female", 50, 2023), ("gender", "male", 50, 2023)], True),
        # A gender split from 2022 only.
        ([("age", "13-29", 40, 2024), ("age", "30+", 60, 2024),
          ("gender", "female", 50, 2022), ("gender", "male", 50, 2022)], False),
        # No age split of its own (none at all here).
        ([("gender", "female", 50, 2024), ("gender", "male", 50, 2024)], False),
    ],
)  # fmt: skip
def test_a_largest_network_counts_only_with_its_own_recent_age_and_gender(
    tmp_path: Path, rows: list[tuple[str, str, float, int]], recent: bool
) -> None:
    figures = [audience("alpha", "DE", 20), audience("beta", "DE", 10)] + [
        figure("alpha", "DE", dimension, category, value, year=year)
        for dimension, category, value, year in rows
    ]
    report = synthetic_report(tmp_path, figures)
    assert [(n.platform, n.audience) for n in report.largest] == [
        ("alpha", 20e6),
        ("beta", 10e6),
    ]
    assert report.largest[0].recent is recent
    assert report.largest_recent == int(recent)


def test_a_blocked_network_is_not_among_the_largest(tmp_path: Path) -> None:
    figures = [audience("alpha", "DE", 20), audience("beta", "DE", 10)]
    report = synthetic_report(tmp_path, figures, availability=[block("alpha", "DE")])
    assert [n.platform for n in report.largest] == ["beta"]
