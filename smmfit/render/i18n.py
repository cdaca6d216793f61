"""The translation catalog: every user-facing string, in English, Russian, French, Turkish
and Thai.

Catalogs are TOML files in ``smmfit/render/locales/``, one per language, with the same keys
(their domain terms in ``locales/GLOSSARY.md``). Numbers, shares, people counts, dates and
country names are formatted for the language by Babel (CLDR).

A message whose words depend on a count is a table of CLDR plural forms instead of a string,
``errors = { one = "{count} problème", other = "{count} problèmes" }``; the form is chosen by
the first number among its placeholders, with the language's CLDR rules. Languages without
plural forms (Thai, and Turkish after a number) give ``other`` only.

>>> t("app.title", "ru")
'smmfit: где тестировать первым'
>>> render(Note(key="reason.largest_reach", params={"people": 12_300_000}), "ru")
'Больше всех людей из целевой аудитории: 12,3\xa0млн.'
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    NumberFormatError,
    format_compact_decimal,
    format_decimal,
    format_percent,
    get_decimal_symbol,
    parse_decimal,
)

from smmfit.models import SETTLEMENTS_BY_REGION, WORLDWIDE, Note

Language = Literal["en", "ru", "fr", "tr", "th"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"

# Parameters are formatted by their name, so a Note carries raw numbers and ids only.
_PEOPLE = frozenset({"people", "runner_people", "people_low", "people_high"})
_SHARES = frozenset({"share", "low", "high"})
_NUMBERS = frozenset({"score", "index", "gap"})
_PLATFORMS = frozenset({"platform", "runner", "pick"})


# CLDR's plural categories; a table with only these keys (and "other") is one plural message.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def _is_plural(node: dict[str, object]) -> bool:
    return "other" in node and set(node) <= PLURAL_CATEGORIES


@cache
def _load(language: Language) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    with (LOCALES_DIR / f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    flat: dict[str, str] = {}
    plural: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict[str, object]) -> None:
        for key, value in node.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and _is_plural(value):
                plural[name] = {form: str(text) for form, text in value.items()}
                flat[name] = plural[name]["other"]
            elif isinstance(value, dict):
                walk(f"{name}.", value)
            else:
                flat[name] = str(value)

    walk("", data)
    return flat, plural


def catalog(language: Language) -> dict[str, str]:
    """The flattened catalog of a language: ``{"section.key": "text"}`` (a plural message
    by its ``other`` form)."""
    return _load(language)[0]


def plural_forms(language: Language) -> dict[str, dict[str, str]]:
    """The plural messages of a language: ``{"section.key": {"one": ..., "other": ...}}``."""
    return _load(language)[1]


def _count(value: object, language: Language) -> int | float | Decimal | None:
    """A number given raw or already formatted for the locale (``"20 001"``, ``"2,5"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return parse_decimal(value, locale=language, strict=True)
        except NumberFormatError:
            return None
    return None


def _plural_text(forms: dict[str, str], language: Language, params: dict[str, object]) -> str:
    """The form of a plural message for the first number among its placeholders."""
    for _, name, _, _ in string.Formatter().parse(forms["other"]):
        number = _count(params.get(name), language) if name else None
        if number is not None:
            return forms.get(Locale.parse(language).plural_form(number), forms["other"])
    return forms["other"]


def language_of(value: str | None) -> Language:
    """The supported language for a locale string such as ``ru-RU``; English otherwise."""
    if value:
        code = value.replace("_", "-").split("-")[0].lower()
        for language in LANGUAGES:
            if code == language:
                return language
    return DEFAULT_LANGUAGE


def t(key: str, language: Language, **params: object) -> str:
    """The text for ``key`` in ``language`` with ``params`` filled in (already formatted).

    >>> t("counted.problems", "fr", count=1).split(";")[0].strip()
    '1 problème trouvé'
    >>> t("counted.problems", "fr", count=12).split(";")[0].strip()
    '12 problèmes trouvés'
    """
    forms = plural_forms(language).get(key)
    if forms is not None:
        text = _plural_text(forms, language, params)
    else:
        text = catalog(language).get(key) or catalog(DEFAULT_LANGUAGE)[key]
    return text.format(**params) if params else text


def tn(key: str, language: Language, count: int, **params: object) -> str:
    """The plural message ``key`` for ``count`` things, in the form the language's plural
    rule (CLDR, via Babel) gives ``count``; ``{count}`` formatted for the locale.

    >>> tn("counted.problems", "en", 1)[:17], tn("counted.problems", "ru", 5)[:17]
    ('1 problem found; ', 'Найдено 5 проблем')
    """
    forms = plural_forms(language).get(key) or plural_forms(DEFAULT_LANGUAGE)[key]
    text = forms.get(Locale.parse(language).plural_form(count), forms["other"])
    return text.format(count=format_number(count, language), **params)


def format_people(value: float, language: Language) -> str:
    """12300000 -> ``12.3M`` (en) or ``12,3 млн`` (ru)."""
    return str(
        format_compact_decimal(value, format_type="short", locale=language, fraction_digits=1)
    )


def format_share(value: float, language: Language) -> str:
    """0.346 -> ``34.6%`` (en) or ``34,6 %`` (ru): the locale's own pattern, 0.1% precision."""
    return str(format_percent(round(value, 3), locale=language, decimal_quantization=False))


def format_number(value: float, language: Language) -> str:
    return str(format_decimal(value, format="#,##0.#", locale=language))


def format_since(value: str, language: Language) -> str:
    """A date as precise as the source gives it: 2022-03-14, 2022-03 or 2022, for the locale.

    >>> format_since("2022-03-14", "ru"), format_since("2022-03", "en"), format_since("2009", "ru")
    ('14 марта 2022\\u202fг.', 'March 2022', '2009')
    """
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return str(format_date(date.fromisoformat(value), format="long", locale=language))
        if len(parts) == 2:
            month = date(int(parts[0]), int(parts[1]), 1)
            return str(format_skeleton("yMMMM", month, locale=language))
    except ValueError:
        pass
    return value


def format_ages(value: str, language: Language) -> str:
    """An age range as ages: ``"0-15"`` -> ``under 16``, ``"65-100"`` -> ``65+``, else ``18-24``.

    >>> format_ages("0-15", "en"), format_ages("0-15", "ru"), format_ages("13-17", "en")
    ('under 16', 'младше 16', '13–17')
    """
    low, _, high = value.partition("-")
    if not (low.isdigit() and high.isdigit()):
        return value
    if int(low) == 0:
        return t("ages.under", language, age=int(high) + 1)
    if int(high) >= 100:
        return t("ages.plus", language, age=int(low))
    return f"{int(low)}–{int(high)}"


def feature_name(feature: str, language: Language) -> str:
    """A feature named in availability scopes (``calls``), in the language; as is if unknown."""
    key = f"feature.{feature}"
    return t(key, language) if key in catalog(DEFAULT_LANGUAGE) else feature


def scope_label(scope: str, language: Language) -> str:
    """What an availability record covers (``ages:0-15``, ``ads``, ``feature:calls`` or the
    whole service), in the language.

    >>> scope_label("", "en"), scope_label("ages:0-15", "en"), scope_label("feature:calls", "ru")
    ('whole service', 'ages under 16', 'только звонки')
    """
    kind, _, detail = scope.partition(":")
    if kind == "ages":
        return t("scope.ages", language, ages=format_ages(detail, language))
    if kind == "feature":
        return t("scope.feature", language, feature=feature_name(detail, language))
    if kind == "ads":
        return t("scope.ads", language)
    return t("scope.service", language)


def region_name(code: str, language: Language) -> str:
    """Country name in the language; ``WW`` is the world."""
    if code == WORLDWIDE:
        return t("region.worldwide", language)
    return str(Locale.parse(language).territories.get(code, code))


def settlement_choices(language: Language) -> str:
    """Each country's settlement types in the language, for a message saying what is allowed.

    >>> settlement_choices("en").split("; ")[1]
    'United States: Urban, Suburban, Rural'
    """
    return "; ".join(
        f"{region_name(region, language)}: "
        + ", ".join(t(f"settlement.{code}", language) for code in codes)
        for region, codes in SETTLEMENTS_BY_REGION.items()
    )


def platform_name(platform: str, language: Language) -> str:
    """The network's name in the language; its id if the catalog does not know it."""
    key = f"platform.{platform}"
    return t(key, language) if key in catalog(DEFAULT_LANGUAGE) else platform


def _format_param(name: str, value: str | int | float, language: Language) -> str:
    if name in _PEOPLE and isinstance(value, int | float):
        return format_people(value, language)
    if name in _SHARES and isinstance(value, int | float):
        return format_share(value, language)
    if name in _NUMBERS and isinstance(value, int | float):
        return format_number(value, language)
    if name in _PLATFORMS:
        return platform_name(str(value), language)
    if name == "platforms":
        return ", ".join(platform_name(p.strip(), language) for p in str(value).split(","))
    if name == "region":
        return region_name(str(value), language)
    if name in ("since", "until"):
        return format_since(str(value), language)
    if name == "ages":
        return format_ages(str(value), language)
    if name == "feature":
        return feature_name(str(value), language)
    if name in ("dimension", "segment", "factor", "goal", "settlement"):
        return t(f"{name}.{value}", language)
    return str(value)


def localized(versions: Mapping[str, str], language: Language) -> str:
    """A text from the data in the language, else its English version marked as English.

    Data texts (block reasons, tactic names and advice) are written in English, some also in
    Russian; a French, Turkish or Thai reader is told which ones were left in English.

    >>> localized({"en": "Throttled", "ru": "Замедлён"}, "ru"), localized({"en": "Throttled"}, "fr")
    ('Замедлён', '(en anglais) Throttled')
    """
    own = versions.get(language)
    if own:
        return own
    return t("langs.english_text", language, text=versions["en"])


# The languages the data's free texts (block reasons, tactics) are written in.
DATA_TEXT_LANGUAGES: tuple[Language, ...] = ("en", "ru")


def data_text(text: str, language: Language) -> str:
    """A data text already picked for the language by the data layer (English where the data
    has no version in it), marked as English when the language is not one the data has."""
    if language in DATA_TEXT_LANGUAGES:
        return text
    return t("langs.english_text", language, text=text)


# Note parameters that carry free text from the data, with translations as "<name>_<language>".
_DATA_TEXTS = frozenset({"reason"})


def render(note: Note, language: Language) -> str:
    """A Note as text in the language, its parameters formatted for the locale."""
    params = {name: _format_param(name, value, language) for name, value in note.params.items()}
    for name in _DATA_TEXTS & set(note.params):
        versions: dict[str, str] = {
            code: str(note.params[key])
            for code in LANGUAGES
            if (key := name if code == DEFAULT_LANGUAGE else f"{name}_{code}") in note.params
        }
        params[name] = localized(versions, language)
    return t(note.key, language, **params)


def csv_separator(language: Language) -> str:
    """The column separator a spreadsheet of the locale expects in a CSV: where the decimal
    mark is a comma (ru, fr, tr), Excel splits columns on semicolons.

    >>> csv_separator("en"), csv_separator("fr"), csv_separator("th")
    (',', ';', ',')
    """
    return ";" if get_decimal_symbol(language) == "," else ","


__all__ = [
    "DATA_TEXT_LANGUAGES",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "catalog",
    "csv_separator",
    "data_text",
    "feature_name",
    "format_ages",
    "format_number",
    "format_people",
    "format_share",
    "language_of",
    "localized",
    "platform_name",
    "plural_forms",
    "region_name",
    "render",
    "scope_label",
    "settlement_choices",
    "t",
    "tn",
]
