"""costs.csv and content.csv: the shipped files load; a bad cell stops the load, named."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from smmfit.data import DataError, load_platforms
from smmfit.plan import CURRENCIES, load_plan_data

ROOT = Path(__file__).resolve().parent.parent
GOOD_COST = {
    "network": "tiktok", "country": "WW", "metric": "cpm", "low": "3", "high": "12",
    "currency": "USD", "unit": "per_1000_impressions", "source": "A source",
    "url": "https://example.org/a", "year": "2025", "authority": "low", "notes": "",
}  # fmt: skip
GOOD_CONTENT = {
    "network": "vk", "country": "WW", "format": "short_video", "why": "Clips get attention",
    "why_ru": "", "source": "A source", "url": "https://example.org/b", "year": "2025",
    "authority": "primary", "notes": "",
}  # fmt: skip


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "data" / "platforms.csv", tmp_path / "platforms.csv")
    write(tmp_path / "costs.csv", [GOOD_COST])
    write(tmp_path / "content.csv", [GOOD_CONTENT])
    return tmp_path


def test_the_shipped_files_load_and_cite_https_sources() -> None:
    data = load_plan_data()
    networks = load_platforms()
    assert data.costs and data.content
    for cost_row in data.costs:
        assert cost_row.url.startswith("https://") and cost_row.network in networks
    for content_row in data.content:
        assert content_row.url.startswith("https://") and content_row.network in networks
    assert {row.currency for row in data.costs} <= {None, *CURRENCIES}


def test_the_platforms_own_rules_are_marked_primary() -> None:
    primary = {(r.network, r.metric) for r in load_plan_data().costs if r.authority == "primary"}
    assert ("tiktok", "min_daily_budget_campaign") in primary
    assert ("tiktok", "learning_days") in primary


def test_a_good_file_loads(data_dir: Path) -> None:
    data = load_plan_data(data_dir)
    assert [(r.metric, r.low, r.high) for r in data.costs] == [("cpm", 3.0, 12.0)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"high": "2"}, "costs.csv, line 2: high 2 is below low 3"),
        ({"currency": ""}, "metric cpm is money: give its currency"),
        ({"metric": "ctr", "unit": "pct"}, "metric ctr is not money: leave currency empty"),
        ({"unit": "per_click"}, "metric cpm is measured per_1000_impressions"),
        ({"currency": "GBP"}, "line 2, column currency ('GBP')"),
        ({"country": "Russia"}, "country must be written as its code 'RU'"),
        ({"url": "http://example.org"}, "url must be an https:// address"),
        ({"network": "myspace"}, "line 2, column network ('myspace'): unknown"),
        ({"low": "-1"}, "line 2, column low ('-1')"),
        ({"authority": "user"}, "line 2, column authority ('user')"),
    ],
)
def test_a_bad_cost_is_named(data_dir: Path, change: dict[str, str], message: str) -> None:
    write(data_dir / "costs.csv", [{**GOOD_COST, **change}])
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_plan_data(data_dir)


def test_the_same_figure_twice_is_refused(data_dir: Path) -> None:
    write(data_dir / "costs.csv", [GOOD_COST, GOOD_COST])
    with pytest.raises(DataError, match="given twice"):
        load_plan_data(data_dir)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "hologram"}, "line 2, column format"),
        ({"why": "short"}, "line 2, column why"),
        ({"network": "myspace"}, "column network ('myspace'): unknown"),
    ],
)
def test_bad_content_is_named(data_dir: Path, change: dict[str, str], message: str) -> None:
    write(data_dir / "content.csv", [{**GOOD_CONTENT, **change}])
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_plan_data(data_dir)


def test_a_missing_column_is_named(data_dir: Path) -> None:
    row = {key: value for key, value in GOOD_COST.items() if key != "source"}
    write(data_dir / "costs.csv", [row])
    with pytest.raises(DataError, match=r"costs\.csv, line 1: missing columns source"):
        load_plan_data(data_dir)
