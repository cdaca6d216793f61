"""Shared fixtures: the real data, and a small synthetic data set with hand-checkable answers."""

from __future__ import annotations

import csv
import socket
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
import streamlit.config
from streamlit.testing.v1 import AppTest

from smmfit.data import Dataset, Evidence, load_dataset
from smmfit.tactics import Semantics, Taxonomy, load_semantics, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
# Reports a test wants shown after the run (the tactic checker's precision and recall).
SUMMARIES = pytest.StashKey[list[str]]()

URL = "https://example.org/source"

PLATFORM_COLUMNS = ["id", "name", "zone", "aliases", "website", "notes"]
FIGURE_COLUMNS = [
    "platform", "region", "dimension", "category", "value", "unit", "universe",
    "source", "url", "year", "authority", "notes",
]  # fmt: skip
AVAILABILITY_COLUMNS = [
    "platform",
    "region",
    "status",
    "since",
    "until",
    "scope",
    "reason",
    "source",
    "url",
    "year",
    "notes",
]
SIGNAL_COLUMNS = [
    "platform",
    "segment",
    "signal",
    "value",
    "unit",
    "source",
    "url",
    "year",
    "authority",
    "notes",
]
POPULATION_COLUMNS = ["region", "sex", "age", "value", "unit", "source", "url", "year", "notes"]


def figure(
    platform: str,
    region: str,
    dimension: str,
    category: str,
    value: float,
    unit: str = "pct_of_platform_audience",
    universe: str = "",
    source: str = "Survey A",
    year: int = 2024,
    authority: str = "primary",
) -> dict[str, Any]:
    return {
        "platform": platform, "region": region, "dimension": dimension, "category": category,
        "value": value, "unit": unit, "universe": universe, "source": source, "url": URL,
        "year": year, "authority": authority, "notes": "",
    }  # fmt: skip


def audience(platform: str, region: str, millions: float, **kwargs: Any) -> dict[str, Any]:
    return figure(platform, region, "audience", "mau", millions, "million_people", **kwargs)


def block(
    platform: str,
    region: str,
    status: str = "blocked",
    since: str = "2022-03-14",
    until: str = "",
    scope: str = "",
) -> dict[str, Any]:
    """An availability row: by default a block in force since 2022-03-14 for everything."""
    return {
        "platform": platform, "region": region, "status": status, "since": since,
        "until": until, "scope": scope, "reason": "Ordered by the regulator",
        "source": "Regulator", "url": URL, "year": 2022, "notes": "",
    }  # fmt: skip


def signal(platform: str, segment: str, value: float) -> dict[str, Any]:
    return {
        "platform": platform, "segment": segment, "signal": "marketers_pct", "value": value,
        "unit": "pct", "source": "Marketer survey", "url": URL, "year": 2024,
        "authority": "primary", "notes": "",
    }  # fmt: skip


# Population of "DE" in the synthetic world: 1,000 thousand people in every 10-year band per sex
# from 10 to 99 and 100+ small, so shares are easy to compute by hand.
POPULATION_BANDS = [
    "0-9",
    "10-19",
    "20-29",
    "30-39",
    "40-49",
    "50-59",
    "60-69",
    "70-79",
    "80-89",
    "90-99",
    "100+",
]


def population(region: str = "DE") -> list[dict[str, Any]]:
    return [
        {"region": region, "sex": sex, "age": band, "value": 1000, "unit": "thousand_people",
         "source": "Statistics office", "url": URL, "year": 2024, "notes": ""}
        for sex in ("female", "male") for band in POPULATION_BANDS
    ]  # fmt: skip


def _write(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def write_data(
    directory: Path,
    figures: list[dict[str, Any]],
    availability: list[dict[str, Any]] | None = None,
    signals: list[dict[str, Any]] | None = None,
    population_rows: list[dict[str, Any]] | None = None,
    platforms: tuple[str, ...] = ("alpha", "beta", "gamma"),
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    _write(
        directory / "platforms.csv",
        PLATFORM_COLUMNS,
        [
            {"id": p, "name": p.title(), "zone": "american", "aliases": "", "website": URL}
            for p in platforms
        ],
    )  # fmt: skip
    _write(directory / "platform_demographics.csv", FIGURE_COLUMNS, figures)
    _write(directory / "availability.csv", AVAILABILITY_COLUMNS, availability or [])
    _write(directory / "segment_signals.csv", SIGNAL_COLUMNS, signals or [])
    _write(
        directory / "population.csv",
        POPULATION_COLUMNS,
        population_rows if population_rows is not None else population(),
    )
    return directory


def synthetic_figures() -> list[dict[str, Any]]:
    """Three networks in DE with full, known composition and sizes.

    alpha: 60% women, ages 13-29 40% / 30-100 60%, 1M people.
    beta: 30% women, ages 13-29 80% / 30-100 20%, 2M people.
    gamma: 50% women, ages 13-29 50% / 30-100 50%, 0.5M people, blocked in DE.

    Sized to fit :func:`population` (1M of each sex per ten years): no cell is asked to
    hold more people than live in it, which the model would not allow.
    """
    rows = []
    for name, women, young, millions in (
        ("alpha", 60, 40, 1),
        ("beta", 30, 80, 2),
        ("gamma", 50, 50, 0.5),
    ):
        rows += [
            figure(name, "DE", "gender", "female", women),
            figure(name, "DE", "gender", "male", 100 - women),
            figure(name, "DE", "age", "13-29", young),
            figure(name, "DE", "age", "30+", 100 - young),
            audience(name, "DE", millions),
        ]
    return rows


@pytest.fixture
def synthetic(tmp_path: Path) -> Evidence:
    directory = write_data(
        tmp_path / "data",
        synthetic_figures(),
        availability=[block("gamma", "DE")],
        signals=[signal("alpha", "b2b", 40), signal("beta", "b2b", 20), signal("gamma", "b2b", 80),
                 signal("alpha", "b2c", 10), signal("beta", "b2c", 50), signal("gamma", "b2c", 60)],
    )  # fmt: skip
    return Evidence(load_dataset(directory))


@pytest.fixture(autouse=True)
def _show_error_details() -> None:
    """Tests see a page's exception as ``app.exception``: ui.run_page lets it through when
    details are "full". Users get "none" (.streamlit/config.toml) and a catalog line instead;
    tests/test_app_smoke.py checks that path."""
    streamlit.config.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> None:
    # Streamlit's caches outlive a test in the same process; each test starts clean.
    st.cache_data.clear()
    st.cache_resource.clear()


def open_app(**query: str) -> AppTest:
    """The app as opened from a link with these query parameters, after its first run."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params.update(query)
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def evidence(dataset: Dataset) -> Evidence:
    return Evidence(dataset)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the real data directory, for corruption tests."""
    target = tmp_path / "data"
    target.mkdir()
    for source in (ROOT / "data").glob("*.csv"):
        (target / source.name).write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def semantics(taxonomy: Taxonomy) -> Semantics:
    """The real encoder and example bank, loaded once per test session (a few seconds), with
    every network connection refused: the model must come from the installed wheel alone."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network use while loading the sentence encoder")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        return load_semantics(taxonomy)


@pytest.fixture
def summary(request: pytest.FixtureRequest) -> list[str]:
    """Text appended here is printed at the end of the run, after the test results."""
    return request.config.stash.setdefault(SUMMARIES, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After the results: the tactic checker's scores, and how many fuzz cases ran."""
    import sys

    for text in terminalreporter.config.stash.get(SUMMARIES, []):
        terminalreporter.write_sep("-", "tactic checker")
        terminalreporter.write_line(text)
    fuzz = sys.modules.get("tests.test_fuzz")
    cases = getattr(fuzz, "CASES", None)
    if cases:
        detail = ", ".join(f"{name} {count}" for name, count in sorted(cases.items()))
        terminalreporter.write_line(f"fuzz: {sum(cases.values())} generated cases ({detail})")
