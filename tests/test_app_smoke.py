"""Every page runs without an exception, in every language, for personas of every zone."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import streamlit.config
from streamlit.config import ShowErrorDetailsConfigOptions
from streamlit.testing.v1 import AppTest

from smmfit.render import LANGUAGES, t

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "pages").glob("*.py"))


def test_every_page_file_is_routed() -> None:
    """A page file that app.py does not route would never be seen by a user."""
    router = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in PAGES:
        assert f'"{page}"' in router, page


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region", ["RU", "US", "CN", "WW"])
def test_page_runs_without_exception(page: str, language: str, region: str) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params.update({"lang": language, "region": region})
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception


def _broken_app() -> None:
    # Self-contained: AppTest runs the function's source as a script.
    import streamlit as st

    import ui

    def broken() -> None:
        raise KeyError("fit.weights")  # the slip of RELIABILITY-2 H1

    ui.run_page(st.navigation([st.Page(broken, title="broken")]), "ru")


def test_users_see_a_catalog_line_never_a_traceback() -> None:
    """With the product's setting (.streamlit/config.toml) a failing page shows one line from
    the catalog; no exception box, no type, no message, no path."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    setting = config["client"]["showErrorDetails"]
    assert setting in set(ShowErrorDetailsConfigOptions) - {"full"}
    streamlit.config.set_option("client.showErrorDetails", setting)
    app = AppTest.from_function(_broken_app, default_timeout=30)
    app.run()
    assert not app.exception
    assert [error.value for error in app.error] == [t("reliability.unexpected", "ru")]
    assert "fit.weights" not in str(app) and ".py" not in app.error[0].value


def test_developers_still_get_the_exception() -> None:
    """With "full" (the tests' setting, conftest.py) the exception reaches Streamlit as is."""
    app = AppTest.from_function(_broken_app, default_timeout=30)
    app.run()
    assert app.exception and "fit.weights" in app.exception[0].value
