"""The Your data page in AppTest, and the Fit page with the user's figures in the session.

AppTest cannot upload a file, so the tests put what ``ui.take_upload`` stores (figures,
their digest, or the problems of a broken file) into session_state, as an upload would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smmfit.data import figures_digest, load_dataset, parse_upload
from tests.conftest import open_app
from tests.test_upload import BROKEN, RUSSIAN_EXPORT

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/your_data.py"


def with_user_data(app: AppTest) -> AppTest:
    figures = parse_upload("отчёт.csv", RUSSIAN_EXPORT, tuple(load_dataset().platforms)).figures
    app.session_state["yd_figures"] = figures
    app.session_state["yd_digest"] = figures_digest(figures)
    app.session_state["yd_name"] = "отчёт.csv"
    return app


def texts(app: AppTest) -> str:
    parts = [*app.markdown, *app.info, *app.error, *app.success, *app.caption]
    return " ".join(str(part.value) for part in parts).replace("\\", "")


def test_the_page_renders_without_data() -> None:
    app = open_app()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == "Your data"
    assert "No figures of yours are loaded" in texts(app)
    assert len(app.get("download_button")) == 2


def test_loaded_figures_are_listed_and_change_the_fit_page_marked_as_yours() -> None:
    app = with_user_data(open_app(region="RU"))
    app.switch_page(PAGE).run()
    assert "3 of your figures are in use" in texts(app)
    assert app.dataframe[0].value.shape[0] == 3
    app.switch_page("pages/fit.py").run()
    assert not app.exception
    # A close call with VK since session 14 (both Russian profiles overfill young ages).
    assert str(app.subheader[0].value).startswith("Test first: Dzen")
    assert "The ranking uses your data (3 figures from отчёт.csv)" in texts(app)
    table = app.dataframe[0].value
    assert dict(zip(table["Network"], table["Your data"], strict=True))["Dzen"] == "your data"
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    assert "Your data" in [tip.get("title") for tip in spec["encoding"]["tooltip"]]
    assert "**your data:** [Наш рекламный кабинет]" not in texts(app)  # evidence: when open
    app.session_state["fit_evidence"] = True
    app.run()
    assert "**your data:** [Наш рекламный кабинет]" in texts(app)
    assert "[your data] Наш рекламный кабинет (2025)" in texts(app)


def test_one_click_removes_the_data() -> None:
    app = with_user_data(open_app(region="RU"))
    app.switch_page(PAGE).run()
    app.button(key="yd_remove").click().run()
    assert "No figures of yours are loaded" in texts(app)
    app.switch_page("pages/fit.py").run()
    assert str(app.subheader[0].value).startswith("Test first: VK")
    assert "Your data" not in app.dataframe[0].value.columns


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", '"1O" is not a number.'), ("ru", "«1O» — не число.")],
)
def test_a_broken_file_lists_row_errors_in_the_users_language(language: str, expected: str) -> None:
    app = open_app(lang=language)
    app.session_state["yd_problems"] = parse_upload("broken.csv", BROKEN, ("vk",)).problems
    app.switch_page(PAGE).run()
    assert not app.exception
    assert len(app.error) == 1
    problems = app.dataframe[0].value
    assert expected in list(problems.iloc[:, 2])
    assert set(problems.iloc[:, 0]) == {"3", "4"}


def test_an_error_never_clears_the_persona_form() -> None:
    app = open_app(region="RU", age="25-44", gender="female", segment="b2b")
    app.text_input(key="fit_name").input("Мамы в декрете").run()
    app.selectbox(key="fit_region").select("KZ").run()
    app.session_state["yd_problems"] = parse_upload("broken.csv", BROKEN, ("vk",)).problems
    app.switch_page(PAGE).run()
    assert len(app.error) == 1
    app.switch_page("pages/fit.py").run()
    assert app.text_input(key="fit_name").value == "Мамы в декрете"
    assert app.selectbox(key="fit_region").value == "KZ"
    assert app.slider(key="fit_age").value == (25, 44)
    assert app.segmented_control(key="fit_gender").value == "female"
    assert app.segmented_control(key="fit_segment").value == "b2b"


def test_text_from_an_upload_is_shown_literally() -> None:
    """Markdown, LaTeX, icons and HTML in a user's source name stay text on the Fit page."""
    nasty = "**Bold** $x^2$ :material/home: <b>hi</b> [link](https://evil.example)"
    text = RUSSIAN_EXPORT.decode("cp1251").replace("Наш рекламный кабинет", nasty)
    figures = parse_upload("a.csv", text.encode("utf-8"), tuple(load_dataset().platforms)).figures
    assert figures and figures[0].source == nasty
    app = open_app(region="RU")
    app.session_state["yd_figures"] = figures
    app.session_state["yd_digest"] = figures_digest(figures)
    app.session_state["yd_name"] = "<script>alert(1)</script>.csv"
    app.run()
    assert not app.exception
    shown = " ".join(str(part.value) for part in [*app.markdown, *app.info, *app.caption])
    assert r"\*\*Bold\*\* \$x^2\$ \:material/home\: \<b\>hi\</b\>" in shown
    assert r"\<script\>alert\(1\)\</script\>" in shown
    assert "**Bold**" not in shown and "<b>" not in shown


def _upload_script() -> None:
    """Runs inside AppTest: hands ui.take_upload what the uploader would."""
    # AppTest.from_function runs this function's source alone: it needs its own imports.
    import streamlit as st

    import ui

    for name, data, file_id in st.session_state.get("uploads", []):
        ui.take_upload(name, data, file_id)


def test_take_upload_keeps_good_figures_when_a_broken_file_follows() -> None:
    app = AppTest.from_function(_upload_script, default_timeout=30)
    app.session_state["uploads"] = [("отчёт.csv", RUSSIAN_EXPORT, "first")]
    app.run()
    assert not app.exception
    assert len(app.session_state["yd_figures"]) == 3
    digest = app.session_state["yd_digest"]
    app.session_state["uploads"] = [("broken.csv", BROKEN, "second")]
    app.run()
    assert {p.lines for p in app.session_state["yd_problems"]} == {(3,), (4,)}
    assert len(app.session_state["yd_figures"]) == 3  # the error keeps what worked
    assert app.session_state["yd_digest"] == digest
    app.session_state["yd_problems"] = ()
    app.run()  # the same file again (same id) is not parsed again
    assert app.session_state["yd_problems"] == ()


@pytest.mark.parametrize("page", ["pages/platforms.py", "pages/method.py"])
def test_other_pages_run_on_the_users_data(page: str) -> None:
    app = with_user_data(open_app(region="RU", network="dzen", lang="ru"))
    app.switch_page(page).run()
    assert not app.exception, app.exception
