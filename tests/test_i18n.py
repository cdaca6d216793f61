"""The translation catalog: complete in every language; every message the engine emits renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

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
    region_name,
    render,
    t,
    tn,
)
from smmfit.render.i18n import catalog, language_of
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
    [("ru-RU", "ru"), ("ru", "ru"), ("en_GB", "en"), ("de-DE", "en"), (None, "en"), ("", "en")],
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
    ],
)
def test_numbers_follow_the_locale(
    function: object, value: float, language: str, expected: str
) -> None:
    assert function(value, language) == expected  # type: ignore[operator]


def test_region_names_are_localised() -> None:
    assert region_name("RU", "ru") == "Россия"
    assert region_name("WW", "en") == t("region.worldwide", "en")


def test_block_reasons_come_in_the_users_language(evidence: Evidence) -> None:
    result = rank(Persona(region="RU"), evidence)
    note = next(item.status_note for item in result.ranking if item.platform == "instagram")
    assert note is not None
    assert "Roskomnadzor" in render(note, "en")
    assert "Роскомнадзор" in render(note, "ru")


def test_every_block_reason_has_a_russian_version(evidence: Evidence) -> None:
    records = [r for history in evidence.dataset.availability.values() for r in history]
    assert records and all(record.reason_ru for record in records)


@pytest.mark.parametrize(
    ("language", "gap", "reason"),
    [
        ("en", "Moscow and St Petersburg: no source splits this network's audience",
         "Settlement type \"Moscow and St Petersburg\": no source splits VK's audience"),
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
    reasons = [render(note, language) for note in result.recommendation.reasons]
    assert sum(text.startswith(reason) for text in reasons) == 1


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
