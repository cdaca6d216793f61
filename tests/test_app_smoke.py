"""Every page runs without an exception, in every language, for personas of every zone; and
no page heading is left in another language."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
import streamlit.config
from streamlit.config import ShowErrorDetailsConfigOptions
from streamlit.testing.v1 import AppTest

from smmfit.data import load_dataset
from smmfit.render import LANGUAGES, Language, platform_name, region_name, t
from smmfit.render.i18n import catalog

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "pages").glob("*.py"))
# Every language on every page; the regions of the three zones and the world in English and
# Russian, and Russia (blocks with reasons) and the world in the other three.
REGIONS = {"en": ("RU", "US", "CN", "WW"), "ru": ("RU", "US", "CN", "WW")}
CASES = [
    (page, language, region)
    for page in PAGES
    for language in LANGUAGES
    for region in REGIONS.get(language, ("RU", "WW"))
]
# Latin words of two letters or more; Thai is written without spaces, so its words are not
# split, but a Latin word in a Thai heading must still come from the Thai catalog.
WORD = re.compile(r"[^\W\d_]{2,}")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_page_file_is_routed() -> None:
    """A page file that app.py does not route would never be seen by a user."""
    router = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in PAGES:
        assert f'"{page}"' in router, page


@cache
def own_words(language: Language) -> frozenset[str]:
    """Every word the language's catalog, network names and country names use."""
    dataset = load_dataset()
    texts = [
        *catalog(language).values(),
        *(platform_name(platform, language) for platform in dataset.platforms),
        *(region_name(region, language) for region in ("RU", "US", "CN", "WW", "FR", "TR", "TH")),
    ]
    return frozenset(
        word.casefold() for text in texts for word in WORD.findall(PLACEHOLDER.sub(" ", text))
    )


def foreign_words(heading: str, language: Language) -> list[str]:
    words = own_words(language)
    return [word for word in WORD.findall(heading) if word.casefold() not in words]


@pytest.mark.parametrize(
    ("heading", "language", "foreign"),
    [
        ("Quel réseau tester en premier", "fr", []),
        # "test" is French too ("plan de test"): only the English words are foreign.
        ("Which network to test first", "fr", ["Which", "network", "to", "first"]),
        ("ควรทดสอบแพลตฟอร์มไหนก่อน", "th", []),
        ("Data coverage", "th", ["Data", "coverage"]),
        ("İlk test edilecek: VK", "tr", []),
    ],
)
def test_foreign_words_are_found(heading: str, language: Language, foreign: list[str]) -> None:
    assert foreign_words(heading, language) == foreign


@pytest.mark.parametrize(("page", "language", "region"), CASES)
def test_page_runs_without_exception(page: str, language: Language, region: str) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params.update({"lang": language, "region": region})
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    headings = [str(item.value) for item in [*app.title, *app.header, *app.subheader]]
    assert headings
    for heading in headings:
        assert not foreign_words(heading, language), (heading, foreign_words(heading, language))


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
