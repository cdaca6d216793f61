"""Persona and weights validation: valid and invalid inputs in one table each."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from smmfit.models import (
    MAX_NAME_LENGTH,
    OPERATING_SYSTEMS,
    SETTLEMENTS,
    SETTLEMENTS_BY_REGION,
    Persona,
    RegionError,
    Weights,
    clean_name,
    clean_names,
    default_weights,
    expand_devices,
    normalise_region,
    validation_messages,
)


@pytest.mark.parametrize(
    ("given", "field", "expected"),
    [
        ({"region": "ru"}, "region", "RU"),
        ({"region": "RUS"}, "region", "RU"),
        ({"region": "Russian Federation"}, "region", "RU"),
        ({"region": "worldwide"}, "region", "WW"),
        ({"region": "WW"}, "region", "WW"),
        ({"devices": ["mobile"]}, "devices", ("android", "ios")),
        ({"devices": "desktop"}, "devices", ("macos", "windows")),
        ({"devices": ["ios", "mobile", "ios"]}, "devices", ("android", "ios")),
        ({"devices": ["any"]}, "devices", tuple(sorted(OPERATING_SYSTEMS))),
        ({"age_min": 13, "age_max": 13}, "age_max", 13),
        ({"age_min": 100, "age_max": 100}, "age_min", 100),
        ({"name": "  Anna \n from  Kazan "}, "name", "Anna from Kazan"),
        ({"goal": "sales"}, "goal", "sales"),
        ({"region": "RU"}, "settlement", None),
        ({"region": "RU", "settlement": "moscow_spb"}, "settlement", "moscow_spb"),
        ({"region": "RU", "settlement": "city_1m_plus"}, "settlement", "city_1m_plus"),
        ({"region": "Russia", "settlement": "rest"}, "settlement", "rest"),
        ({"region": "US", "settlement": "urban"}, "settlement", "urban"),
        ({"region": "US", "settlement": "suburban"}, "settlement", "suburban"),
        ({"region": "usa", "settlement": " Rural "}, "settlement", "rural"),
        ({"region": "US", "settlement": ""}, "settlement", None),
        ({"region": "FR", "settlement": None}, "settlement", None),
    ],
)
def test_valid_personas_are_normalised(given: dict[str, Any], field: str, expected: object) -> None:
    assert getattr(Persona(**given), field) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"age_min": 12}, r"age_min: Input should be greater than or equal to 13"),
        ({"age_max": 101}, r"age_max: Input should be less than or equal to 100"),
        ({"age_min": 40, "age_max": 30}, r"minimum 40 is above maximum 30"),
        ({"gender": "robot"}, r"gender: Input should be 'female', 'male' or 'any'"),
        ({"region": "XX"}, r"region: unknown country 'XX'.*ISO 3166-1 alpha-2"),
        ({"region": ""}, r"region: unknown country"),
        ({"region": 7}, r"region: region must be a country code"),
        ({"devices": ["tv"]}, r"devices: unknown device 'tv': use ios, android"),
        ({"devices": []}, r"devices: no device given"),
        ({"segment": "b2g"}, r"segment: Input should be 'b2c' or 'b2b'"),
        ({"goal": "fame"}, r"goal: Input should be 'awareness', 'sales' or 'loyalty'"),
        ({"name": "x" * 121}, r"name: String should have at most 120 characters"),
        ({"colour": "red"}, r"colour: Extra inputs are not permitted"),
        (
            {"region": "RU", "settlement": "village"},
            r"settlement: unknown settlement type 'village': use moscow_spb, city_1m_plus, rest "
            r"\(RU\); urban, suburban, rural \(US\)",
        ),
        ({"region": "US", "settlement": 1}, r"settlement: unknown settlement type 1"),
        (
            {"region": "US", "settlement": "moscow_spb"},
            r"settlement: 'moscow_spb' is a settlement type of region RU, not US \(US has urban",
        ),
        (
            {"region": "RU", "settlement": "rural"},
            r"settlement: 'rural' is a settlement type of region US, not RU \(RU has moscow_spb",
        ),
        ({"region": "FR", "settlement": "urban"}, r"region US, not FR \(FR has none\)"),
        ({"settlement": "rest"}, r"region RU, not WW \(WW has none\)"),
    ],
)
def test_invalid_personas_name_the_field_and_what_is_allowed(
    given: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Persona(**given)
    lines = validation_messages(caught.value)
    assert any(re.search(message, line) for line in lines), lines


def test_every_settlement_type_belongs_to_one_country() -> None:
    codes = [code for codes in SETTLEMENTS_BY_REGION.values() for code in codes]
    assert sorted(codes) == sorted(SETTLEMENTS)


def test_persona_is_frozen() -> None:
    persona = Persona()
    with pytest.raises(ValidationError):
        persona.region = "US"  # type: ignore[misc]


def test_region_lookup_rejects_unknown_codes() -> None:
    with pytest.raises(RegionError, match="unknown country"):
        normalise_region("Atlantis")


def test_expand_devices_keeps_order_stable() -> None:
    assert expand_devices("windows;ios") == ("ios", "windows")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"reach": 0, "match": 0, "segment": 0}, "at least one of reach, match, segment"),
        ({"reach": -1}, "greater than or equal to 0"),
        ({"restricted_penalty": 1.5}, "less than or equal to 1"),
    ],
)
def test_invalid_weights(given: dict[str, float], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Weights(**given)


def test_weights_normalise_to_one() -> None:
    normalised = Weights(reach=2, match=1, segment=1).normalised()
    assert normalised == {"reach": 0.5, "match": 0.25, "segment": 0.25}


def test_goal_presets_shift_weight_the_documented_way() -> None:
    assert default_weights("awareness").reach > default_weights(None).reach
    assert default_weights("sales").match > default_weights(None).match


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("a\x00b\x07c\x1bd", "abcd"),  # RELIABILITY-2 L6: NUL, BEL and ESC were kept
        ("x\x7fy\x85z\x9b", "xy z"),  # DEL and C1 controls; NEL is a line break: a space
        ("Anna\u202e\u2066 Q4", "Anna Q4"),  # bidirectional overrides and isolates
        ("  tab\tand\r\nnew \x00 line ", "tab and new line"),
        ("Кампания 🚀 Q4", "Кампания 🚀 Q4"),
    ],
)
def test_a_name_keeps_no_control_character(name: str, clean: str) -> None:
    assert Persona(name=name).name == clean


@given(st.text(max_size=60))
def test_no_persona_name_holds_a_control_character(name: str) -> None:
    cleaned = Persona(name=name[:MAX_NAME_LENGTH]).name
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned


# Names built to hit the bulk check's edges: spaces at either end, doubled, control characters.
name_text = st.text(alphabet=st.sampled_from(list("ab \t\x00\x1b\u202e\u00a0")), max_size=6)


@given(st.lists(name_text, max_size=6))
def test_names_are_cleaned_together_as_one_by_one(names: list[str]) -> None:
    assert clean_names(names) == [clean_name(name) for name in names]


@pytest.mark.parametrize(
    ("names", "cleaned"),
    [
        (["Anna", "Bob"], ["Anna", "Bob"]),
        (["Anna ", "Bob"], ["Anna", "Bob"]),  # a space before the next name's start
        (["Anna", " Bob"], ["Anna", "Bob"]),
        (["a  b", "c"], ["a b", "c"]),
        (["a\x00b"], ["ab"]),
        ([], []),
    ],
)
def test_clean_names_table(names: list[str], cleaned: list[str]) -> None:
    assert clean_names(names) == cleaned
