"""Every page runs without an exception, in every language, for personas of every zone."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smmfit.render import LANGUAGES

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
