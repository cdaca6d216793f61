"""The Method and sources page in AppTest: the method in both languages and every source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from smmfit.data import TRACKED_REGIONS, load_dataset, source_list

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(language: str = "en") -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params.update({"lang": language})
    app.run()
    app.switch_page("pages/method.py").run()
    assert not app.exception, app.exception
    return app


def test_method_states_formulas_and_default_weights() -> None:
    app = open_page()
    text = " ".join(str(m.value) for m in app.markdown)
    assert "independent" in text and "never recommended" in text
    assert len(app.get("latex")) == 4
    weights = app.dataframe[0].value
    assert list(weights["Reach"]) == [0.85, 0.9, 0.7, 0.6]


def test_every_source_is_listed_with_link_and_year() -> None:
    app = open_page()
    listed = app.dataframe[-1].value
    expected = source_list(load_dataset())
    assert len(listed) == len(expected) > 100
    assert listed["url"].str.startswith("https://").all()
    assert listed["year"].between(2000, 2026).all()


def test_russian_method() -> None:
    app = open_page("ru")
    assert app.title[0].value == "Метод и источники"
    assert "независим" in " ".join(str(m.value) for m in app.markdown)


def chart_values(app: AppTest) -> pd.DataFrame:
    """The data of the page's chart: Streamlit ships inline chart data as an Arrow table."""
    proto = app.get("vega_lite_chart")[0].proto
    frame: pd.DataFrame = pa.ipc.open_stream(proto.data.data).read_all().to_pandas()
    return frame


def test_coverage_matrix_shows_years_and_gaps() -> None:
    app = open_page()
    values = chart_values(app)
    assert len(values) == len(load_dataset().platforms) * len(TRACKED_REGIONS)
    assert "gap" in set(values["label"])
    assert values["label"].str.isdigit().any()
    app.segmented_control(key="method_dimension").set_value("availability").run()
    values = chart_values(app)
    blocked = values[(values["platform"] == "Instagram") & (values["region"] == "RU")]
    assert "blocked since March 14, 2022" in blocked["reason"].iloc[0]
