"""Fonts: the meeting deck's, one per script, and how wide a text set in them is; and the
family chart images and the HTML report ask for, one per language.

A deck names its fonts; the viewer's PowerPoint or LibreOffice draws with whatever font of
that name it has. So each script gets a family that is on the machines decks are opened on,
and is measured with a font file of the same advance widths:

- ``latin`` (Latin, Cyrillic, Turkish, and digits and punctuation in any language): **Arial**,
  on every Windows and macOS machine and in PowerPoint's web fonts, with full Cyrillic and
  Turkish (ğ, ı, İ, ş). It is measured with **Liberation Sans** (Debian ``fonts-liberation2``),
  made metric-compatible with Arial (every glyph the same advance width), which LibreOffice
  also draws in its place. The file ``Arial.ttf`` is used instead where it is installed.
- ``thai``: **Noto Sans Thai** (Debian ``fonts-noto-core``), the loopless modern Thai style, with
  its own Latin digits; written as the runs' complex-script font (``<a:cs>``), which is the
  slot PowerPoint takes Thai glyphs from. Where Noto Sans Thai is missing, PowerPoint falls
  back to its Thai font (Leelawadee UI or Tahoma), narrower than Noto: the text still fits.

To change a script's font, change its :data:`SCRIPT_FONTS` entry: the deck writes that family,
and the layout and the layout test measure its files.

Without the font files (a laptop without them) the layout falls back to a conservative width
estimate, wider than either font, so text still fits its box; the tests need the files.

Chart images are drawn by vl-convert (resvg), which knows only the fonts installed on the
machine and never falls back along a list: a family missing a letter borrows it from whichever
installed face has it. So a chart names one family covering all of its language's text, Latin
brand names included (:func:`with_font`): Liberation Sans for English, Russian, French and
Turkish, and Loma (Debian ``fonts-tlwg-loma-ttf``, Thai and Latin in one face) for Thai, since
Noto Sans Thai has no Latin letters. The report names the same family first, then what other
machines have instead (:func:`font_stack`).

>>> script_of("Привет") , script_of("สวัสดี")
('latin', 'thai')
>>> font_family("th"), font_family("tr")
('Loma', 'Liberation Sans')
>>> font_stack("th")
'"Loma", "Leelawadee UI", Tahoma, sans-serif'
"""

from __future__ import annotations

import copy
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from PIL import ImageFont

from smmfit.render.i18n import LANGUAGES, Language

Script = Literal["latin", "thai"]


@dataclass(frozen=True)
class DeckFont:
    family: str  # written into the deck
    regular: tuple[str, ...]  # file names to measure with, first found wins
    bold: tuple[str, ...]


SCRIPT_FONTS: dict[Script, DeckFont] = {
    "latin": DeckFont(
        family="Arial",
        regular=("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf"),
        bold=("LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"),
    ),
    "thai": DeckFont(
        family="Noto Sans Thai",
        regular=("NotoSansThai-Regular.ttf",),
        bold=("NotoSansThai-Bold.ttf",),
    ),
}


# Where fonts live on Debian, macOS and Windows; SMMFIT_FONT_DIRS (os.pathsep-separated) first.
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    str(Path.home() / ".fonts"),
    str(Path.home() / ".local/share/fonts"),
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "C:\\Windows\\Fonts",
)


# Where Debian's fonts-liberation2 and fonts-noto-core put them.
KNOWN_PLACES = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/noto")


# Without a file: a character counted as 0.62 of the size, wider than Arial's and Noto's
# average for text (about 0.5), so an estimated layout never overflows.
FALLBACK_WIDTH = 0.62


# Pillow measures at this size; widths scale linearly with the size.
_MEASURE_SIZE = 100


def script_of(char_or_text: str) -> Script:
    """The script whose font draws the text: Thai if it holds a Thai letter."""
    return "thai" if any("\u0e00" <= c <= "\u0e7f" for c in char_or_text) else "latin"


def _dirs() -> Iterator[Path]:
    for folder in (*os.environ.get("SMMFIT_FONT_DIRS", "").split(os.pathsep), *FONT_DIRS):
        if folder and Path(folder).is_dir():
            yield Path(folder)


@cache
def font_file(script: Script, bold: bool = False) -> Path | None:
    """The file the script's font is measured with, or None if none is installed."""
    font = SCRIPT_FONTS[script]
    names = font.bold if bold else font.regular
    for name in names:  # Debian's own places first: a walk of every font folder is slow
        for known in KNOWN_PLACES:
            if (Path(known) / name).is_file():
                return Path(known) / name
    for name in names:
        for folder in _dirs():
            found = next(iter(sorted(folder.rglob(name))), None)
            if found is not None:
                return found
    return None


@cache
def _face(script: Script, bold: bool) -> ImageFont.FreeTypeFont | None:
    path = font_file(script, bold)
    return ImageFont.truetype(str(path), _MEASURE_SIZE) if path else None


@cache
def _advance(char: str, bold: bool) -> float:
    """One character's advance width at :data:`_MEASURE_SIZE`, from its script's font."""
    face = _face(script_of(char), bold)
    if face is not None:
        try:
            return float(face.getlength(char))
        except (OSError, RuntimeError):  # a character the shaping engine cannot lay out
            pass
    return 0.0 if unicodedata.combining(char) else FALLBACK_WIDTH * _MEASURE_SIZE


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text, in points, at ``size`` points.

    The sum of the characters' advance widths: kerning, which only ever tightens Latin and
    Cyrillic pairs in these fonts (and is off by default in PowerPoint's text boxes), is left
    out, so a measured line is never narrower than the drawn one.
    """
    return sum(_advance(char, bold) for char in text) * size / _MEASURE_SIZE


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """The lines the text breaks into in a box ``width`` points wide, at word boundaries.

    A word wider than the box gets a line of its own (and would overflow it: callers check
    with :func:`longest_word`).
    """
    space = text_width(" ", size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in _breakable(paragraph, size, width, bold):
            wide = text_width(word, size, bold)
            if not line or used + space + wide <= width:
                line, used = (f"{line} {word}", used + space + wide) if line else (word, wide)
            else:
                lines.append(line)
                line, used = word, wide
        lines.append(line)
    return lines


def _breakable(paragraph: str, size: float, width: float, bold: bool) -> Iterator[str]:
    """The paragraph's words; Thai, written without spaces between words, breaks anywhere a
    word would not fit (close to PowerPoint's dictionary breaks, never later than them)."""
    for word in paragraph.split(" "):
        if script_of(word) != "thai" or text_width(word, size, bold) <= width:
            yield word
            continue
        piece = ""
        for char in word:
            if piece and text_width(piece + char, size, bold) > width:
                yield piece
                piece = ""
            piece += char
        if piece:
            yield piece


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """The width of the text's widest word, in points (Thai breaks anywhere: not counted)."""
    # Only spaces and line breaks break a line: "14,3\u00a0млн" is one word.
    words = (w for w in re.split("[ \t\n]+", text) if w and script_of(w) != "thai")
    return max((text_width(word, size, bold) for word in words), default=0.0)


def fonts_installed() -> bool:
    """Whether every script's regular and bold files are found (the layout is then exact)."""
    return all(font_file(s, b) is not None for s in SCRIPT_FONTS for b in (False, True))


# Chart images and the report: one family per language (see the module's docstring).
LATIN_CYRILLIC = "Liberation Sans"
THAI = "Loma"
FONT_FAMILIES: dict[Language, str] = {
    language: THAI if language == "th" else LATIN_CYRILLIC for language in LANGUAGES
}
# What another machine has instead (Windows' and macOS's own fonts for the same scripts).
_ELSEWHERE: dict[str, tuple[str, ...]] = {
    LATIN_CYRILLIC: ("Arial", "Helvetica"),
    THAI: ("Leelawadee UI", "Tahoma"),
}


def font_family(language: Language) -> str:
    """The font family a chart image in the language is set in."""
    return FONT_FAMILIES[language]


def font_stack(language: Language) -> str:
    """A CSS font-family list: the language's family, its stand-ins elsewhere, sans-serif."""
    family = font_family(language)
    names = [family, *_ELSEWHERE[family]]
    return ", ".join(
        [*(f'"{name}"' if " " in name or name == family else name for name in names), "sans-serif"]
    )


def with_font(spec: dict[str, Any], language: Language) -> dict[str, Any]:
    """A copy of a Vega-Lite spec whose every text (titles, axes, legends, marks) is set in
    the language's family. One family, not a list: resvg takes a list's first family and
    borrows missing letters from any installed face, never from the list's next one."""
    themed = copy.deepcopy(spec)
    themed.setdefault("config", {})["font"] = font_family(language)
    return themed
