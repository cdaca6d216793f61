"""The Platforms page in AppTest: a network's evidence per country, sources, gaps as gaps."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(**query: str) -> AppTest:
    """The page as opened from a link: AppTest must run the default page first, which
    writes its own URL, so the link's parameters are set just before switching."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params.update({"lang": query.get("lang", "en")})
    app.run()
    app.query_params.clear()
    app.query_params.update(query)
    app.switch_page("pages/platforms.py").run()
    assert not app.exception, app.exception
    return app


def metric(app: AppTest, label: str) -> str:
    return next(str(m.value) for m in app.metric if m.label == label)


def test_link_selects_network_and_region() -> None:
    app = open_page(network="twitter", region="ru")
    assert app.selectbox(key="plat_network").value == "x"
    assert app.selectbox(key="plat_region").value == "RU"
    assert metric(app, "Status") == "blocked"


def test_region_change_shows_that_countrys_status_and_audience() -> None:
    app = open_page(network="youtube", region="US")
    assert metric(app, "Status") == "available"
    app.selectbox(key="plat_region").select("RU").run()
    assert metric(app, "Status") == "blocked"  # since February 2026
    app.selectbox(key="plat_region").select("CN").run()
    assert metric(app, "Status") == "blocked"


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    frame: pd.DataFrame = next(df.value for df in app.dataframe if column in df.value.columns)
    return frame


def test_figures_table_marks_what_the_score_uses() -> None:
    app = open_page(network="vk", region="RU")
    figures = table_with(app, "used")
    assert figures["used"].any()
    assert figures["url"].str.startswith("https://").all()
    assert {"source", "year", "authority"} <= set(figures.columns)


def test_missing_dimensions_are_reported_as_gaps() -> None:
    app = open_page(network="ok", region="RU")
    gaps = " ".join(str(info.value) for info in app.info)
    assert "Devices" not in gaps  # OK publishes a device split (its 2021 media kit)
    app.selectbox(key="plat_network").select("telegram").run()
    assert any("gap in the data" in str(info.value) for info in app.info)


def test_zone_is_shown() -> None:
    assert metric(open_page(network="weibo", region="CN"), "Influence zone") == "Chinese sphere"


def test_bad_link_warns() -> None:
    app = open_page(network="myspace", region="Atlantis")
    assert len(app.warning) == 1
    assert app.selectbox(key="plat_network").value == "vk"


def test_russian_texts() -> None:
    app = open_page(network="vk", region="RU", lang="ru")
    assert app.title[0].value == "Сети: данные"
    assert metric(app, "Зона влияния") == "Российская зона"


def test_coverage_of_the_network_in_the_country() -> None:
    app = open_page(network="instagram", region="RU")
    cells = table_with(app, "Why")
    gender = cells[cells["Dimension"] == "Gender"].iloc[0]
    assert gender["Status"] == "gap"
    assert "blocked since March 14, 2022" in gender["Why"]


def test_history_lists_ended_events_with_their_dates() -> None:
    app = open_page(network="instagram", region="TR")
    assert metric(app, "Status") == "available"
    history = table_with(app, "until")
    turkey = history[history["region"] == "Türkiye"]
    assert list(turkey["until"]) == ["August 10, 2024", "March 21, 2025", "September 8, 2025"]
    assert list(turkey["scope"]) == ["whole service"] * 3


def test_history_names_scopes() -> None:
    app = open_page(network="facebook", region="AU")
    # For everyone aged 13+, a rule for the under-16s is a restriction on part of them.
    assert metric(app, "Status") == "restricted"
    history = table_with(app, "until")
    australia = history[history["region"] == "Australia"].iloc[0]
    assert (australia["scope"], australia["until"]) == ("ages under 16", "in force")
