"""The deck's fonts: which script a text is set in, that the files cover every UI language,
and that widths and line breaks behave as a renderer's do."""

from __future__ import annotations

import os

import pytest
from PIL import ImageFont

from smmfit.render.fonts import (
    SCRIPT_FONTS,
    font_file,
    fonts_installed,
    longest_word,
    script_of,
    text_width,
    wrap,
)
from smmfit.render.i18n import LANGUAGES, Language, catalog

needs_fonts = pytest.mark.skipif(
    not fonts_installed() and os.environ.get("CI") != "true",
    reason="the deck's fonts are not installed (apt-get install fonts-liberation2 fonts-noto-core)",
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Test first: VK", "latin"),
        ("Тестировать первой", "latin"),  # Cyrillic is in the Latin slot's font
        ("İlk önce test edin: ğ ş ı", "latin"),
        ("ทดสอบก่อน", "thai"),
        ("VK ทดสอบ", "thai"),  # any Thai letter: the Thai font draws the Thai part
        ("12,3 %", "latin"),
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script


def test_every_script_has_one_family_to_change() -> None:
    assert set(SCRIPT_FONTS) == {"latin", "thai"}
    assert SCRIPT_FONTS["latin"].family == "Arial"


# Turkish and French letters, and Thai with its stacked vowels and tone marks, beside every
# catalog string: the UI languages another catalog may add are covered before it lands.
SAMPLES = {
    "turkish": "İstanbul'da ilk önce: ğĞ ıI iİ şŞ çÇ öÖ üÜ",
    "french": "Tester d'abord : à â æ ç é è ê ë î ï ô œ ù û ü ÿ « » €",
    "thai": "ทดสอบเครือข่ายนี้ก่อน ผู้ชมเป้าหมาย ๑๒๓",
}


def _missing(script: str, text: str) -> set[str]:
    """Characters the script's font draws as its 'missing glyph' box."""
    path = font_file(script)
    assert path is not None
    face = ImageFont.truetype(str(path), 40)
    box = face.getmask("\U000f0000").getbbox(), face.getlength("\U000f0000")
    return {
        char
        for char in set(text)
        if char.strip() and script_of(char) == script
        and (face.getmask(char).getbbox(), face.getlength(char)) == box
    }  # fmt: skip


@needs_fonts
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fonts_draw_every_catalog_string(language: Language) -> None:
    text = "".join(catalog(language).values())
    assert not _missing("latin", text)


@needs_fonts
@pytest.mark.parametrize(
    ("sample", "script"), [("turkish", "latin"), ("french", "latin"), ("thai", "thai")]
)
def test_the_fonts_draw_turkish_french_and_thai(sample: str, script: str) -> None:
    assert not _missing(script, SAMPLES[sample])


@needs_fonts
def test_widths_grow_with_size_text_and_weight() -> None:
    assert text_width("Rank", 28) == pytest.approx(2 * text_width("Rank", 14))
    assert text_width("Ranking", 14) > text_width("Rank", 14) > 0
    assert text_width("Ranking", 14, bold=True) > text_width("Ranking", 14)
    assert text_width("ทดสอบ", 14) > 0


@needs_fonts
@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("one two three", 1000, ["one two three"]),
        ("one two three", 60, ["one two", "three"]),
        ("14,3\u00a0млн people", 40, ["14,3\u00a0млн", "people"]),  # no break at a no-break space
        ("first\nsecond", 1000, ["first", "second"]),
    ],
)
def test_wrap_breaks_between_words_only(text: str, width: float, lines: list[str]) -> None:
    assert wrap(text, 14, width) == lines


@needs_fonts
def test_thai_breaks_inside_a_run_of_letters() -> None:
    """Thai has no spaces between words: a long run breaks where it has to."""
    text = SAMPLES["thai"].replace(" ", "")
    lines = wrap(text, 14, 60)
    assert len(lines) > 1 and "".join(lines) == text
    assert all(text_width(line, 14) <= 60 for line in lines)
    assert longest_word(text, 14) == 0  # never a word too wide to break


@needs_fonts
def test_longest_word_keeps_no_break_spaces() -> None:
    assert longest_word("reach 14,3\u00a0млн", 14) == pytest.approx(text_width("14,3\u00a0млн", 14))
