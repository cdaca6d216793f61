"""The data files: the real ones validate; every kind of bad file fails with a located message."""

from __future__ import annotations

import csv
import itertools
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from smmfit.data import (
    DataError,
    Dataset,
    Figure,
    figure_problems,
    load_dataset,
    parse_age_band,
    status_on,
)
from smmfit.data.load import validate_row
from smmfit.data.rows import SUM_TOLERANCE_PCT
from smmfit.models import MAX_AGE, MIN_AGE
from tests.conftest import ROOT, block, figure, synthetic_figures, write_data

SEED_PLATFORMS = ("vk", "ok", "instagram", "facebook", "pinterest", "youtube", "x", "weibo")


def test_real_data_loads(dataset: Dataset) -> None:
    assert len(dataset.figures) > 300
    assert set(SEED_PLATFORMS) <= set(dataset.platforms)


def test_every_real_figure_has_https_url_year_and_source(dataset: Dataset) -> None:
    for item in dataset.figures:
        assert item.url.startswith("https://")
        assert 2000 <= item.year <= 2026
        assert item.source.strip()


def test_every_seed_platform_has_figures_in_each_core_region(dataset: Dataset) -> None:
    regions = defaultdict(set)
    for item in dataset.figures:
        regions[item.platform].add(item.region)
    for platform in SEED_PLATFORMS:
        assert regions[platform] & {"RU", "US", "CN", "WW"}, platform


def test_real_composition_distributions_sum_to_at_most_100(dataset: Dataset) -> None:
    totals: dict[tuple[str, ...], float] = defaultdict(float)
    for item in dataset.figures:
        if item.unit == "pct_of_platform_audience" and item.dimension in ("age", "gender"):
            totals[item.platform, item.region, item.dimension, item.source, str(item.year)] += (
                item.value
            )
    assert totals
    assert max(totals.values()) <= 100 + SUM_TOLERANCE_PCT


def test_blocks_that_define_the_zones_are_recorded(dataset: Dataset) -> None:
    for platform, region in (
        ("instagram", "RU"),
        ("facebook", "RU"),
        ("facebook", "CN"),
        ("youtube", "CN"),
    ):
        status, record = status_on(dataset, platform, region, date.today(), (MIN_AGE, MAX_AGE))
        assert status == "blocked"
        assert record is not None and record.since and record.reason and record.until is None


def test_twitter_is_an_alias_of_x(dataset: Dataset) -> None:
    assert dataset.platform_id("twitter") == "x"
    assert dataset.platform_id("VK") == "vk"
    with pytest.raises(DataError, match="unknown platform 'myspace'"):
        dataset.platform_id("myspace")


def test_line_loads_in_its_own_zone_with_its_thai_audience(dataset: Dataset) -> None:
    """LINE (LY Corporation, Tokyo) is none of the American, Russian or Chinese networks."""
    assert dataset.platforms["line"].zone == "japanese"
    assert dataset.platform_id("лайн") == "line"
    thai = [f for f in dataset.figures if f.platform == "line" and f.region == "TH"]
    assert [(f.dimension, f.category, f.value) for f in thai] == [("audience", "mau", 54)]
    status, _ = status_on(dataset, "line", "CN", date.today(), (MIN_AGE, MAX_AGE))
    assert status == "blocked"


@pytest.mark.parametrize(
    ("band", "expected"),
    [("18-24", (18, 24)), ("65+", (65, 100)), ("13-17", (13, 17)), ("100+", (100, 100))],
)
def test_age_bands_parse(band: str, expected: tuple[int, int]) -> None:
    assert parse_age_band(band) == expected


@pytest.mark.parametrize("band", ["18 - 24", "24-18", "18-101", "adults", "-5", ""])
def test_bad_age_bands_are_rejected(band: str) -> None:
    with pytest.raises(ValueError, match="age band"):
        parse_age_band(band)


# Each corruption: (file, column, bad value, message fragment). The loader must name the
# file, a line number and the column.
CORRUPTIONS = [
    ("platform_demographics.csv", "url", "http://insecure.example", "column url.*https"),
    ("platform_demographics.csv", "url", "", "column url"),
    ("platform_demographics.csv", "year", "1999", "column year.*between 2000"),
    ("platform_demographics.csv", "year", "twenty", "column year"),
    ("platform_demographics.csv", "unit", "percent", "column unit"),
    ("platform_demographics.csv", "dimension", "mood", "column dimension"),
    ("platform_demographics.csv", "platform", "myspace", "column platform.*unknown"),
    ("platform_demographics.csv", "region", "Atlantis", "column region"),
    ("platform_demographics.csv", "region", "ru", "column region.*'RU'"),
    ("platform_demographics.csv", "value", "-3", "column value"),
    ("platform_demographics.csv", "value", "12%", "column value"),
    ("platform_demographics.csv", "source", "", "column source"),
    ("platform_demographics.csv", "authority", "blog", "column authority"),
    ("availability.csv", "status", "banned", "column status"),
    ("availability.csv", "since", "March 2022", "column since"),
    ("availability.csv", "region", "WW", "column region.*country code"),
    ("availability.csv", "since", "2022-13", "column since.*not a calendar date"),
    ("availability.csv", "until", "21 March 2025", "column until.*YYYY-MM-DD"),
    ("availability.csv", "until", "2022-02-30", "column until"),
    ("availability.csv", "until", "2022-03-01", "column until.*after since 2022-03-04"),
    ("availability.csv", "until", "2022-03-04", "column until.*after since"),
    ("availability.csv", "scope", "age:0-15", "column scope.*ages:LOW-HIGH"),
    ("availability.csv", "scope", "ages:16-0", "column scope.*lower to a higher"),
    ("availability.csv", "scope", "feature:", "column scope"),
    ("population.csv", "sex", "all", "column sex"),
    ("population.csv", "age", "adults", "column age"),
    ("segment_signals.csv", "segment", "b2g", "column segment"),
    ("platforms.csv", "zone", "atlantis", "column zone"),
]


def _corrupt(path: Path, column: str, value: str, row_index: int = 0) -> int:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return row_index + 2


@pytest.mark.parametrize(("file", "column", "value", "message"), CORRUPTIONS)
def test_bad_cells_are_reported_with_file_line_and_column(
    data_dir: Path, file: str, column: str, value: str, message: str
) -> None:
    line = _corrupt(data_dir / file, column, value)
    with pytest.raises(DataError, match=rf"{file}, line {line}, {message}"):
        load_dataset(data_dir)


def test_unknown_category_for_dimension_is_rejected(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "gender", "nonbinary", 10)]
    with pytest.raises(DataError, match=r"line 2, column category .*female, male"):
        load_dataset(write_data(tmp_path, rows))


def test_penetration_needs_a_universe(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "total", "all", 40, unit="pct_of_group_using")]
    with pytest.raises(DataError, match=r"column universe.*surveyed ages"):
        load_dataset(write_data(tmp_path, rows))


def test_percentages_cannot_exceed_100(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "device", "mobile", 120)]
    with pytest.raises(DataError, match=r"column value.*above 100"):
        load_dataset(write_data(tmp_path, rows))


def test_shares_from_one_source_above_100_are_rejected(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "age", "13-29", 70), figure("alpha", "DE", "age", "30+", 40)]
    with pytest.raises(DataError, match=r"lines 2, 3, column value: .* add up to 110"):
        load_dataset(write_data(tmp_path, rows))


def test_complete_distribution_far_below_100_is_rejected(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 40),
        figure("alpha", "DE", "gender", "male", 40),
    ]
    with pytest.raises(DataError, match="complete distribution adds up to 80"):
        load_dataset(write_data(tmp_path, rows))


def test_partial_distribution_below_100_is_allowed(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "age", "18-24", 30), figure("alpha", "DE", "age", "25-34", 30)]
    assert len(load_dataset(write_data(tmp_path, rows)).figures) == 2


def test_rounding_within_tolerance_is_allowed(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 51),
        figure("alpha", "DE", "gender", "male", 51),
    ]
    assert len(load_dataset(write_data(tmp_path, rows)).figures) == 2


def test_overlapping_bands_from_one_source_are_rejected(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "age", "18-34", 50), figure("alpha", "DE", "age", "25-44", 30)]
    with pytest.raises(DataError, match=r"lines 2 and 3, column category: age bands .* overlap"):
        load_dataset(write_data(tmp_path, rows))


def test_same_figure_twice_is_rejected(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "device", "mobile", 80),
        figure("alpha", "DE", "device", "mobile", 70),
    ]
    with pytest.raises(DataError, match="line 3: the same figure as line 2"):
        load_dataset(write_data(tmp_path, rows))


def test_same_cell_from_two_sources_is_kept(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "device", "mobile", 80, source="Survey A"),
        figure("alpha", "DE", "device", "mobile", 70, source="Survey B"),
    ]
    assert len(load_dataset(write_data(tmp_path, rows)).figures) == 2


def test_missing_and_unknown_columns_are_named(data_dir: Path) -> None:
    path = data_dir / "platform_demographics.csv"
    text = path.read_text(encoding="utf-8").replace("authority", "trust", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="line 1: missing columns authority; unknown columns trust"):
        load_dataset(data_dir)


def test_missing_file_is_named(data_dir: Path) -> None:
    (data_dir / "availability.csv").unlink()
    with pytest.raises(DataError, match=r"availability.csv: cannot be read"):
        load_dataset(data_dir)


def test_ragged_row_is_reported(data_dir: Path) -> None:
    path = data_dir / "platforms.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "zz,ZZ,american,network,,https://z.example,,extra\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"platforms.csv, line .*more cells than columns"):
        load_dataset(data_dir)


def test_availability_keeps_the_whole_history_oldest_first(tmp_path: Path) -> None:
    records = [
        block("alpha", "DE", "available", "2020-06-18"),
        block("alpha", "DE", "blocked", "2018-04", until="2020-06-18"),
        block("alpha", "DE", "restricted", "2024", scope="ads"),
    ]
    dataset = load_dataset(write_data(tmp_path, synthetic_figures(), availability=records))
    history = dataset.availability["alpha", "DE"]
    assert [(r.status, r.since) for r in history] == [
        ("blocked", "2018-04"),
        ("available", "2020-06-18"),
        ("restricted", "2024"),
    ]
    assert history[0].until == date(2020, 6, 18) and history[2].scope_kind == "ads"


def test_real_availability_scopes_and_ends_are_read(dataset: Dataset) -> None:
    australia = dataset.availability["facebook", "AU"]
    assert [(r.scope_kind, r.scope_ages) for r in australia] == [("ages", (0, 15))]
    calls = [r for r in dataset.availability["telegram", "RU"] if r.scope_kind == "feature"]
    assert [r.scope_feature for r in calls] == ["calls"]
    turkey = dataset.availability["instagram", "TR"]
    assert all(r.until is not None for r in turkey)


# -- the real files, read raw, so the checks hold even if the loader changes ---------------


def _raw(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    "name",
    ["platform_demographics.csv", "availability.csv", "segment_signals.csv", "population.csv"],
)
def test_every_row_of_every_file_has_an_https_url_and_a_year(name: str) -> None:
    rows = _raw(name)
    assert rows
    for line, row in enumerate(rows, start=2):
        assert row["url"].startswith("https://") and len(row["url"]) > len("https://x"), line
        assert row["year"].isdigit() and 2000 <= int(row["year"]) <= date.today().year, line


def test_no_cell_has_two_values_from_one_source() -> None:
    """Same cell, same source, same year: one value. Figures for several periods from one
    page must say which period in the source (e.g. '[Jan 2022]')."""
    values: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in _raw("platform_demographics.csv"):
        key = tuple(
            row[column]
            for column in ("platform", "region", "dimension", "category", "unit", "universe",
                           "source", "year")
        )  # fmt: skip
        values[key].add(row["value"])
    conflicts = {key: found for key, found in values.items() if len(found) > 1}
    assert not conflicts


def test_conflicting_values_on_one_page_name_their_producer_or_period() -> None:
    """One page may give two values for a cell (two months, two measurers), but then the
    sources must differ in the producer or the period, not only in how the outlet is named."""
    by_page: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _raw("platform_demographics.csv"):
        key = tuple(
            row[column]
            for column in ("platform", "region", "dimension", "category", "unit", "universe",
                           "url", "year")
        )  # fmt: skip
        producer = re.sub(r" via [^\[]*", " ", row["source"]).strip()
        by_page[key][row["value"]].add(producer)
    for key, by_value in by_page.items():
        if len(by_value) > 1:
            producers = [frozenset(found) for found in by_value.values()]
            assert len(set(producers)) == len(producers), key
            assert not set.intersection(*(set(p) for p in producers)), key


def test_complete_distributions_add_up_to_100() -> None:
    groups: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for row in _raw("platform_demographics.csv"):
        if row["unit"] == "pct_of_platform_audience" and row["dimension"] in ("age", "gender"):
            key = (row["platform"], row["region"], row["dimension"], row["source"], row["year"])
            groups[key].append(row)
    complete = 0
    for group, rows in groups.items():
        total = sum(float(row["value"]) for row in rows)
        assert total <= 100 + SUM_TOLERANCE_PCT, group
        if group[2] == "gender":
            whole = {row["category"] for row in rows} == {"female", "male"}
        else:
            bands = sorted(parse_age_band(row["category"]) for row in rows)
            whole = (
                bands[0][0] <= 13
                and bands[-1][1] == 100
                and all(b[0] == a[1] + 1 for a, b in itertools.pairwise(bands))
            )
        if whole:
            complete += 1
            assert abs(total - 100) <= SUM_TOLERANCE_PCT, group
    assert complete > 20


def test_row_checks_run_on_rows_that_are_not_files() -> None:
    """The loader's checks report every problem in rows from any table, each with its place."""
    good = figure("alpha", "DE", "device", "mobile", 80)
    bad = {**figure("alpha", "DE", "gender", "robot", 120), "year": 1990}
    cells = {key: str(value) for key, value in bad.items()}
    validated, problems = validate_row(Figure, 7, cells)
    assert validated is None
    assert {(p.lines, p.column) for p in problems} == {
        ((7,), "category"),
        ((7,), "value"),
        ((7,), "year"),
    }
    assert {p.note.key for p in problems} == {
        "row_error.column_category",
        "row_error.column_value",
        "row_error.column_year",
    }
    first = Figure.model_validate(good)
    rows = [(2, first), (3, first), (4, Figure.model_validate({**good, "platform": "myspace"}))]
    found = figure_problems(rows, ("alpha",))
    assert [(p.lines, p.note.key) for p in found] == [
        ((4,), "row_error.unknown_platform"),
        ((3,), "row_error.duplicate"),
    ]


def test_data_files_cannot_claim_user_authority(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "device", "mobile", 80, authority="user")]
    with pytest.raises(DataError, match="line 2, column authority: 'user' marks uploaded"):
        load_dataset(write_data(tmp_path, rows))


@pytest.mark.parametrize("value", ["inf", "nan", "-1"])
def test_values_must_be_finite_and_not_negative(value: str) -> None:
    with pytest.raises(ValidationError, match="value"):
        Figure.model_validate(
            figure("alpha", "DE", "audience", "mau", 0, "million_people") | {"value": value}
        )
