"""Persona and weights validation: valid and invalid inputs in one table each."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from smmfit.models import (
    OPERATING_SYSTEMS,
    Persona,
    RegionError,
    Weights,
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
    ],
)
def test_invalid_personas_name_the_field_and_what_is_allowed(
    given: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Persona(**given)
    lines = validation_messages(caught.value)
    assert any(re.search(message, line) for line in lines), lines


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
