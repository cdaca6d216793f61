"""The translation catalog: complete in every language; every message the engine emits renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel import Locale

from smmfit.data import Evidence
from smmfit.models import (
    FACTORS,
    GENDERS,
    GOALS,
    OPERATING_SYSTEMS,
    SEGMENTS,
    SETTLEMENTS,
    SETTLEMENTS_BY_REGION,
    Note,
    Persona,
)
from smmfit.ranking import rank
from smmfit.render import (
    LANGUAGES,
    Language,
    format_people,
    format_share,
    platform_name,
    region_name,
    render,
    t,
    tn,
)
from smmfit.render.i18n import (
    PLURAL_CATEGORIES,
    catalog,
    csv_separator,
    data_text,
    language_of,
    localized,
    plural_forms,
)
from smmfit.render.links import LINK_PARAMS

ROOT = Path(__file__).resolve().parent.parent


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key(language: Language) -> None:
    assert set(catalog(language)) == set(catalog("en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_english(language: Language) -> None:
    english = catalog("en")
    for key, text in catalog(language).items():
        assert placeholders(text) == placeholders(english[key]), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_the_languages_own(language: Language) -> None:
    """A plural message gives only CLDR categories of its language (and "other"), and no
    form names a placeholder the English message lacks (a "one" form may spell the number)."""
    categories = set(Locale.parse(language).plural_form.tags) | {"other"}
    english = catalog("en")
    for key, forms in plural_forms(language).items():
        assert set(forms) <= categories & PLURAL_CATEGORIES, (key, set(forms) - categories)
        for text in forms.values():
            assert placeholders(text) <= placeholders(english[key]), key


@pytest.mark.parametrize(
    ("language", "key", "count", "start"),
    [
        ("fr", "counted.problems", 1, "1 problème trouvé"),
        ("fr", "counted.problems", 0, "0 problème trouvé"),
        ("fr", "counted.problems", 2, "2 problèmes trouvés"),
        ("fr", "reason.caveats", 1, "Vérifiez la réserve"),
        ("fr", "reason.caveats", 3, "Vérifiez les 3 réserves"),
        ("fr", "coverage_label.years", "1", "1 an"),
        ("fr", "coverage_label.years", "2,5", "2,5 ans"),
        ("tr", "counted.problems", 1, "1 sorun"),
        ("tr", "counted.problems", 5, "5 sorun"),
        ("th", "counted.problems", 5, "พบปัญหา 5 รายการ"),
        ("en", "counted.problems", 1, "1 problem found"),
        ("ru", "tactics.error_too_long", "20\xa0001", "В плане 20\xa0001 символ,"),
        ("ru", "tactics.error_too_long", "12\xa0000", "В плане 12\xa0000 символов,"),
    ],
)  # fmt: skip
def test_a_count_picks_its_plural_form(
    language: Language, key: str, count: int | str, start: str
) -> None:
    name = {"coverage_label.years": "value", "tactics.error_too_long": "chars"}.get(key, "count")
    assert t(key, language, **{name: count, "limit": "20 000"}).startswith(start)


@pytest.mark.parametrize("language", ["fr", "tr", "th"])
def test_new_catalogs_are_translated(language: Language) -> None:
    """Most messages differ from English (names, codes and "B2B" may not)."""
    english = catalog("en")
    same = [key for key, text in catalog(language).items() if text == english[key]]
    assert len(same) < 0.12 * len(english), same


def test_thai_catalog_is_in_thai() -> None:
    thai = [text for text in catalog("th").values() if re.search("[\u0e00-\u0e7f]", text)]
    assert len(thai) > 0.8 * len(catalog("en"))


def test_russian_catalog_is_translated() -> None:
    english, russian = catalog("en"), catalog("ru")
    cyrillic = [key for key, text in russian.items() if re.search("[а-яё]", text, re.IGNORECASE)]
    assert len(cyrillic) > 0.7 * len(english)


def test_catalog_covers_every_code_the_ui_shows(evidence: Evidence) -> None:
    keys = set(catalog("en"))
    needed = (
        {f"platform.{p}" for p in evidence.dataset.platforms}
        | {f"gender.{g}" for g in GENDERS}
        | {f"device.{d}" for d in OPERATING_SYSTEMS}
        | {f"segment.{s}" for s in SEGMENTS}
        | {f"goal.{g}" for g in (*GOALS, "none")}
        | {f"factor.{f}" for f in FACTORS}
        | {f"settlement.{s}" for s in (*SETTLEMENTS, "none")}
        | {f"language_name.{language}" for language in LANGUAGES}
        | {f"link_param.{name}" for name in LINK_PARAMS}
    )
    assert needed <= keys, needed - keys


def test_every_key_used_in_code_exists() -> None:
    """Literal t("...") and Note(key="...") calls anywhere in the code name real keys."""
    keys = set(catalog("en"))
    pattern = re.compile(r"""(?:\bt\(|key=)\s*f?["']([a-z_]+\.[a-z_{}.]+)["']""")
    sources = [
        *ROOT.glob("smmfit/**/*.py"),
        *ROOT.glob("pages/*.py"),
        ROOT / "app.py",
        *ROOT.glob("ui/*.py"),
    ]
    for path in sources:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if "{" not in key:
                assert key in keys, f"{path.name}: {key}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region", ["RU", "US", "CN", "WW", "DE", "UA", "TR", "IN"])
def test_every_note_of_a_real_ranking_renders(
    evidence: Evidence, language: str, region: str
) -> None:
    for persona in (
        Persona(
            region=region, age_min=13, age_max=17, gender="female", devices=["ios"], segment="b2b"
        ),
        Persona(region=region, age_min=25, age_max=54, gender="male", devices=["windows"]),
        *(Persona(region=region, settlement=s) for s in SETTLEMENTS_BY_REGION.get(region, ())),
    ):
        result = rank(persona, evidence, include_blocked=True)
        notes: list[Note] = list(result.recommendation.reasons)
        for item in result.ranking:
            notes.extend(item.gaps)
            if item.status_note:
                notes.append(item.status_note)
        for note in notes:
            text = render(note, language)  # type: ignore[arg-type]
            assert text and "{" not in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ru-RU", "ru"),
        ("ru", "ru"),
        ("en_GB", "en"),
        ("de-DE", "en"),
        (None, "en"),
        ("", "en"),
        ("fr-FR", "fr"),
        ("fr_CA", "fr"),
        ("tr-TR", "tr"),
        ("th-TH", "th"),
        ("th", "th"),
    ],
)
def test_language_of_locale(value: str | None, expected: str) -> None:
    assert language_of(value) == expected


@pytest.mark.parametrize(
    ("function", "value", "language", "expected"),
    [
        (format_people, 12_300_000, "ru", "12,3\xa0млн"),
        (format_people, 12_300_000, "en", "12.3M"),
        (format_share, 0.346, "en", "34.6%"),
        (format_share, 0.346, "ru", "34,6\xa0%"),
        (format_share, 0.3, "en", "30%"),
        (format_people, 12_300_000, "fr", "12,3\xa0M"),
        (format_people, 12_300_000, "tr", "12,3\xa0Mn"),
        (format_people, 12_300_000, "th", "12.3M"),
        (format_share, 0.346, "fr", "34,6\xa0%"),
        (format_share, 0.346, "tr", "%34,6"),
        (format_share, 0.346, "th", "34.6%"),
    ],
)
def test_numbers_follow_the_locale(
    function: object, value: float, language: str, expected: str
) -> None:
    assert function(value, language) == expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("language", "russia", "turkey", "thailand"),
    [
        ("ru", "Россия", "Турция", "Таиланд"),
        ("fr", "Russie", "Turquie", "Thaïlande"),
        ("tr", "Rusya", "Türkiye", "Tayland"),
        ("th", "รัสเซีย", "ตุรกี", "ไทย"),
    ],
)
def test_region_names_are_localised(
    language: Language, russia: str, turkey: str, thailand: str
) -> None:
    assert [region_name(c, language) for c in ("RU", "TR", "TH")] == [russia, turkey, thailand]
    assert region_name("WW", "en") == t("region.worldwide", "en")


def test_block_reasons_come_in_the_users_language(evidence: Evidence) -> None:
    result = rank(Persona(region="RU"), evidence)
    note = next(item.status_note for item in result.ranking if item.platform == "instagram")
    assert note is not None
    assert "Roskomnadzor" in render(note, "en")
    assert "Роскомнадзор" in render(note, "ru")


@pytest.mark.parametrize("language", ["fr", "tr", "th"])
def test_block_reasons_without_a_translation_are_marked_english(
    evidence: Evidence, language: Language
) -> None:
    result = rank(Persona(region="RU"), evidence)
    note = next(item.status_note for item in result.ranking if item.platform == "instagram")
    assert note is not None
    marker = t("langs.english_text", language, text="")
    text = render(note, language)
    assert marker.strip() in text and "Roskomnadzor" in text


@pytest.mark.parametrize(
    ("versions", "language", "expected"),
    [
        ({"en": "Throttled", "ru": "Замедлён"}, "ru", "Замедлён"),
        ({"en": "Throttled", "ru": "Замедлён"}, "en", "Throttled"),
        ({"en": "Throttled", "ru": ""}, "ru", "(на английском) Throttled"),
        ({"en": "Throttled", "ru": "Замедлён"}, "tr", "(İngilizce) Throttled"),
        ({"en": "Throttled"}, "th", "(ภาษาอังกฤษ) Throttled"),
    ],
)
def test_a_data_text_falls_back_to_english_marked(
    versions: dict[str, str], language: Language, expected: str
) -> None:
    assert localized(versions, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Throttled"), ("ru", "Throttled"), ("fr", "(en anglais) Throttled")],
)
def test_a_text_the_data_layer_picked_is_marked_where_it_had_no_version(
    language: Language, expected: str
) -> None:
    assert data_text("Throttled", language) == expected


@pytest.mark.parametrize(
    ("language", "separator"), [("en", ","), ("ru", ";"), ("fr", ";"), ("tr", ";"), ("th", ",")]
)
def test_csv_templates_use_the_locales_spreadsheet_separator(
    language: Language, separator: str
) -> None:
    assert csv_separator(language) == separator


def test_every_block_reason_has_a_russian_version(evidence: Evidence) -> None:
    records = [r for history in evidence.dataset.availability.values() for r in history]
    assert records and all(record.reason_ru for record in records)


@pytest.mark.parametrize(
    ("language", "gap", "reason"),
    [
        ("en", "Moscow and St Petersburg: no source splits this network's audience",
         "Settlement type \"Moscow and St Petersburg\": no source splits {network}'s audience"),
        ("ru", "Москва и Санкт-Петербург: ни один источник не делит аудиторию этой сети",
         "Тип населённого пункта «Москва и Санкт-Петербург»: ни один источник"),
    ],
)  # fmt: skip
def test_an_unsplit_settlement_type_is_said_in_the_language(
    evidence: Evidence, language: Language, gap: str, reason: str
) -> None:
    result = rank(Persona(region="RU", age_min=25, age_max=44, settlement="moscow_spb"), evidence)
    vk = next(item for item in result.ranking if item.platform == "vk")
    assert any(render(note, language).startswith(gap) for note in vk.gaps)
    pick = result.recommendation.platform
    assert pick is not None
    reasons = [render(note, language) for note in result.recommendation.reasons]
    expected = reason.format(network=platform_name(pick, language))
    assert sum(text.startswith(expected) for text in reasons) == 1


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("en", 1, "1 problem found;"),
        ("en", 2, "2 problems found;"),
        ("en", 0, "0 problems found;"),
        ("ru", 1, "Найдена 1 проблема;"),
        ("ru", 3, "Найдено 3 проблемы;"),
        ("ru", 11, "Найдено 11 проблем;"),
        ("ru", 21, "Найдена 21 проблема;"),
        ("ru", 10000, "Найдено 10 000 проблем;"),
    ],
)  # fmt: skip
def test_counts_take_the_languages_plural_form(language: Language, count: int, text: str) -> None:
    """RELIABILITY-2 I3: "1 problems found"."""
    assert tn("counted.problems", language, count).replace("\xa0", " ").startswith(text)
