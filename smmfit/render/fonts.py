"""Fonts by language: the family the chart images, the deck and the report ask for.

Chart images are drawn by vl-convert (resvg), which knows only the fonts installed on the
machine: a script without a font comes out as empty boxes or nothing, and a family missing a
letter borrows it from whichever installed face has it (a bold Thai beside regular Latin).
So each language gets one family that covers all of its text, Latin digits and brand names
included:

- English, Russian, French and Turkish: Liberation Sans (Debian's ``fonts-liberation2``),
  Latin with every French and Turkish letter (ç, ğ, ı, İ, ş, œ) and Cyrillic; it has
  Arial's metrics, so a deck opened where only Arial exists keeps its line breaks.
- Thai: Loma (Debian's ``fonts-tlwg-loma-ttf``, part of ``fonts-thai-tlwg``), Thai and
  Latin in one sans-serif face.

The README's setup and ``.ci/run`` install both. A document read on another machine (the
HTML report, the deck) names the family first and lets that machine fall back from there.

>>> font_family("th"), font_family("tr")
('Loma', 'Liberation Sans')
>>> font_stack("th")
'"Loma", "Leelawadee UI", Tahoma, sans-serif'
"""

from __future__ import annotations

import copy
from typing import Any

from smmfit.render.i18n import LANGUAGES, Language

LATIN_CYRILLIC = "Liberation Sans"
THAI = "Loma"

# The one mapping from language to font family; chart images, the deck and the report use it.
FONT_FAMILIES: dict[Language, str] = {
    language: THAI if language == "th" else LATIN_CYRILLIC for language in LANGUAGES
}

# What another machine has instead (Windows' and macOS's own fonts for the same scripts).
_ELSEWHERE: dict[str, tuple[str, ...]] = {
    LATIN_CYRILLIC: ("Arial", "Helvetica"),
    THAI: ("Leelawadee UI", "Tahoma"),
}


def font_family(language: Language) -> str:
    """The font family text in the language is set in."""
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


__all__ = ["FONT_FAMILIES", "font_family", "font_stack", "with_font"]
