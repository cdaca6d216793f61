"""Chart and report fonts: every language's family is installed, and chart images draw its
letters (the deck's own fonts are in tests/test_fonts.py).

A letter no installed font has is drawn by resvg as nothing or as the same empty box for
every letter, so two different words of equal length give the same image. Drawn letters give
different images. The control row shows the comparison catches a missing font: with a family
that does not exist nothing is drawn, and the two words come out the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from typing import Any

import pytest
import vl_convert

from smmfit.data import Evidence, audience_profile
from smmfit.models import Persona
from smmfit.ranking import assess
from smmfit.render import LANGUAGES, Language, pack
from smmfit.render.fonts import FONT_FAMILIES, font_family, font_stack, with_font
from smmfit.render.page import report_html

# Two words of each script, the same number of letters, and letters only that script has.
WORDS: list[tuple[Language, str, str]] = [
    ("th", "การเข้าถึง", "ผลประเมินน"),
    ("tr", "Erişim ğış", "Sadakat İç"),
    ("ru", "Охват сети", "Доля персо"),
    ("fr", "Portée œuf", "Fidèle çaî"),
    ("en", "Reach", "Match"),
]


def text_chart(text: str) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{}]},
        "mark": {"type": "text", "fontSize": 24},
        "encoding": {"text": {"value": text}},
        "width": 300,
        "height": 40,
    }


def png(spec: dict[str, Any]) -> bytes:
    return bytes(vl_convert.vegalite_to_png(spec))


def installed_families() -> set[str]:
    if shutil.which("fc-list") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("fc-list (fontconfig) is missing; .ci/run installs it with the fonts")
        pytest.skip("fc-list (fontconfig) is not installed: cannot list the fonts")
    listing = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=True
    ).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_languages_family_is_installed(language: Language) -> None:
    family = font_family(language)
    if family not in installed_families():
        pytest.fail(
            f"{family} (for {language}) is not installed: "
            "apt-get install fonts-liberation2 fonts-tlwg-loma-ttf (see the README)"
        )


@pytest.mark.parametrize(("language", "word", "other"), WORDS)
def test_a_chart_image_draws_the_languages_letters(
    language: Language, word: str, other: str
) -> None:
    assert len(word) == len(other)
    first = png(with_font(text_chart(word), language))
    second = png(with_font(text_chart(other), language))
    blank = png(with_font(text_chart(""), language))
    assert first != second, f"{language}: two words drew the same image (boxes or nothing)"
    assert blank not in (first, second)


def test_the_comparison_catches_a_missing_font() -> None:
    spec = text_chart("การเข้าถึง")
    spec["config"] = {"font": "No Such Font Family"}
    other = text_chart("ผลประเมินน")
    other["config"] = {"font": "No Such Font Family"}
    assert png(spec) == png(other)


def test_with_font_sets_one_family_and_leaves_the_spec_alone() -> None:
    spec = {**text_chart("x"), "config": {"axis": {"grid": False}}}
    themed = with_font(spec, "th")
    assert themed["config"] == {"axis": {"grid": False}, "font": "Loma"}
    assert "font" not in spec["config"]


@pytest.mark.parametrize(
    ("language", "stack"),
    [
        ("th", '"Loma", "Leelawadee UI", Tahoma, sans-serif'),
        ("ru", '"Liberation Sans", Arial, Helvetica, sans-serif'),
    ],
)
def test_documents_name_the_family_then_stand_ins(language: Language, stack: str) -> None:
    assert font_stack(language) == stack


def test_every_language_has_a_family() -> None:
    assert set(FONT_FAMILIES) == set(LANGUAGES)


@pytest.mark.parametrize("language", ["th", "tr"])
def test_the_meeting_packs_charts_ask_for_the_languages_font(
    evidence: Evidence, language: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every chart image of the deck and the report is drawn in the language's family."""
    asked: list[str] = []
    draw = vl_convert.vegalite_to_png

    def spy(spec: dict[str, Any], **options: Any) -> bytes:
        asked.append(spec["config"]["font"])
        return bytes(draw(spec, **options))

    monkeypatch.setattr(vl_convert, "vegalite_to_png", spy)
    pack._png_of.cache_clear()  # charts drawn by an earlier test would not be drawn again
    persona = Persona(region="TH", age_min=25, age_max=44)
    assessed = assess(persona, evidence, draws=200)
    pick = assessed.ranking.recommendation.platform
    assert pick is not None
    built = pack.meeting_pack(
        assessed, language,
        audience=audience_profile(evidence, pick, "TH", persona), generated=date(2026, 1, 5),
    )  # fmt: skip
    assert built.ranking is not None and built.audience
    assert asked == [font_family(language)] * (1 + len(built.audience))


def test_the_report_names_the_languages_fonts(evidence: Evidence) -> None:
    assessed = assess(Persona(region="TH"), evidence, draws=200)
    html = report_html(assessed, "th", generated=date(2026, 1, 5)).decode()
    assert 'lang="th"' in html
    assert f"font-family: {font_stack('th')}" in html
