"""Server settings that are part of the security posture, and their documentation."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))

SETTINGS = [
    ("server", "address", "127.0.0.1"),
    ("server", "enableXsrfProtection", True),
    ("server", "maxUploadSize", 5),
    ("browser", "gatherUsageStats", False),
    ("client", "showErrorDetails", "none"),
]


@pytest.mark.parametrize(("section", "name", "expected"), SETTINGS)
def test_server_setting(section: str, name: str, expected: object) -> None:
    assert CONFIG[section][name] == expected


@pytest.mark.parametrize("document", ["README.md", "SECURITY.md"])
@pytest.mark.parametrize(("section", "name", "expected"), SETTINGS)
def test_setting_is_documented(document: str, section: str, name: str, expected: object) -> None:
    assert f"{section}.{name}" in (ROOT / document).read_text(encoding="utf-8")


def test_no_page_renders_raw_html() -> None:
    sources = [ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    for path in sources:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.name


def test_every_csv_is_written_by_the_one_safe_writer() -> None:
    """Only smmfit/render/tables.py writes CSV (safe_csv_text); everything else calls it.
    (Reading CSV, and the benchmarks' own files, are not downloads.)"""
    writers = ("to_csv(", "csv.writer(", "csv.DictWriter(")
    sources = [*(ROOT / "smmfit").rglob("*.py"), *(ROOT / "ui").glob("*.py"),
               *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]  # fmt: skip
    found = {
        str(path.relative_to(ROOT))
        for path in sources
        if any(writer in path.read_text(encoding="utf-8") for writer in writers)
    }
    assert found == {"smmfit/render/tables.py"}
