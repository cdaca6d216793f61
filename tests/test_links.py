"""Shareable links: codes round-trip; odd query parameters are dropped and named, never raised."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmfit.models import Persona, Weights
from smmfit.render.links import (
    LINK_PARAMS,
    WEIGHTS_PARAM,
    explorer_from_query,
    language_from_query,
    persona_from_query,
    persona_to_query,
    tactics_from_query,
    view_link,
    weights_from_query,
)
from tests.test_scoring import personas


@settings(max_examples=300, deadline=None)
@given(persona=personas, language=st.sampled_from(["en", "ru"]))
def test_a_link_reproduces_the_persona(persona: Persona, language: str) -> None:
    query = {key: [value] for key, value in persona_to_query(persona, language).items()}  # type: ignore[arg-type]
    values, rejected = persona_from_query(query)
    assert rejected == []
    assert Persona(**values) == persona
    assert language_from_query(query) == language


def test_link_holds_codes_not_labels() -> None:
    persona = Persona(region="Russia", gender="female", devices=["mobile"], age_min=18, age_max=39)
    assert persona_to_query(persona, "ru") == {
        "region": "RU", "age": "18-39", "gender": "female", "devices": "android,ios",
        "segment": "b2c", "lang": "ru",
    }  # fmt: skip


def test_odd_parameters_are_named_and_the_rest_kept() -> None:
    values, rejected = persona_from_query(
        {
            "region": ["XX"], "age": ["50-20"], "gender": ["Robot"], "devices": ["ios,tv"],
            "segment": ["b2b", "b2c"], "goal": ["sales"], "name": ["Anna"], "utm_source": ["mail"],
        }
    )  # fmt: skip
    assert rejected == ["region", "age", "gender", "devices", "segment"]
    assert values == {"goal": "sales", "name": "Anna"}


@pytest.mark.parametrize(
    ("region", "code"),
    [("RU", "moscow_spb"), ("RU", "city_1m_plus"), ("RU", "rest"), ("US", "urban"),
     ("US", "suburban"), ("US", "rural"), ("US", None)],
)  # fmt: skip
def test_a_settlement_type_round_trips_as_its_code(region: str, code: str | None) -> None:
    persona = Persona(region=region, devices="mobile", settlement=code)
    query = persona_to_query(persona, "ru")
    assert query.get("settlement") == code
    values, rejected = persona_from_query({key: [value] for key, value in query.items()})
    assert rejected == [] and Persona(**values) == persona


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ({"region": ["RU"], "settlement": ["village"]}, {"region": "RU"}),
        ({"region": ["RU"], "settlement": ["Москва"]}, {"region": "RU"}),
        ({"region": ["RU"], "settlement": ["rest", "urban"]}, {"region": "RU"}),
        ({"region": ["RU"], "settlement": ["urban"], "gender": ["male"]},
         {"region": "RU", "gender": "male"}),
        ({"region": ["FR"], "settlement": ["rural"], "age": ["18-39"]},
         {"region": "FR", "age_min": 18, "age_max": 39}),
        ({"settlement": ["rest"], "segment": ["b2b"]}, {"segment": "b2b"}),
    ],
)  # fmt: skip
def test_a_bad_settlement_type_is_dropped_and_named_keeping_the_rest(
    query: dict[str, list[str]], kept: dict[str, object]
) -> None:
    values, rejected = persona_from_query(query)
    assert rejected == ["settlement"]
    assert values == kept
    Persona(**values)


def test_a_settlement_type_of_a_rejected_country_is_dropped_too() -> None:
    values, rejected = persona_from_query({"region": ["XX"], "settlement": ["urban"]})
    assert rejected == ["region", "settlement"] and values == {}


def test_case_and_aliases_are_forgiven() -> None:
    values, rejected = persona_from_query(
        {"region": ["ru"], "gender": ["FEMALE"], "devices": ["Mobile"]}
    )
    assert rejected == []
    assert values["region"] == "RU" and values["gender"] == "female"


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([*LINK_PARAMS, "x"]), st.lists(st.text(max_size=300), max_size=3)
    )
)
def test_parsing_any_query_never_raises_and_yields_a_valid_persona(
    query: dict[str, list[str]],
) -> None:
    values, rejected = persona_from_query(query)
    Persona(**{k: v for k, v in values.items()})  # must not raise
    assert set(rejected) <= set(query)
    language_from_query(query)
    weights, weights_rejected = weights_from_query(query)
    assert (weights is None) == (weights_rejected or WEIGHTS_PARAM not in query)
    for parse in (explorer_from_query, tactics_from_query):
        found, dropped = parse(query, ("vk", "x"), {"twitter": "x"})
        assert set(dropped) <= set(query) & set(LINK_PARAMS)
        assert set(found) | set(dropped) <= set(query)


@settings(max_examples=50, deadline=None)
@given(persona=personas, language=st.sampled_from(["en", "ru"]))
def test_a_view_link_parses_back_to_the_view(persona: Persona, language: str) -> None:
    weights = Weights(reach=1, match=0, segment=0.25, restricted_penalty=0.5)
    link = view_link(persona, weights, language, "https://smmfit.example/")  # type: ignore[arg-type]
    base, _, query = link.partition("?")
    assert base == "https://smmfit.example/"
    params = parse_qs(query, keep_blank_values=True)
    values, rejected = persona_from_query(params)
    assert rejected == []
    assert Persona(**values) == persona
    assert weights_from_query(params) == (weights, False)
    assert language_from_query(params) == language


@pytest.mark.parametrize(
    ("base", "start"),
    [
        (None, "?region=CN&"),
        ("", "?region=CN&"),
        ("http://127.0.0.1:8501", "http://127.0.0.1:8501/?region=CN&"),
        ("https://smmfit.example/app/", "https://smmfit.example/app/?region=CN&"),
        ("https://smmfit.example/fit", "https://smmfit.example/fit?region=CN&"),
    ],
)
def test_a_view_link_starts_with_the_app_address(base: str | None, start: str) -> None:
    assert view_link(Persona(region="CN"), Weights(), "en", base).startswith(start)


def test_a_name_longer_than_the_form_allows_is_rejected_not_raised() -> None:
    """Found by fuzzing: a 121-character name passed the link and broke the Persona model."""
    values, rejected = persona_from_query({"name": ["x" * 121], "region": ["RU"]})
    assert rejected == ["name"] and "name" not in values
    values, rejected = persona_from_query({"name": ["  a   b  " + "c" * 100]})
    assert values["name"] == "a b " + "c" * 100 and not rejected


@pytest.mark.parametrize(
    "value",
    ["1,2", "nan,0,0,0", "inf,1,1,1", "-1,2,0,0", "1e308,1e308,1,1", "0,0,0,0", "a,b,c,d",
     "1," * 150 + "1", ""],
)  # fmt: skip
def test_bad_weights_are_named_not_raised(value: str) -> None:
    """RELIABILITY-2 H1: each of these put a traceback on the Fit page."""
    assert weights_from_query({WEIGHTS_PARAM: [value]}) == (None, True)


@pytest.mark.parametrize(
    ("query", "values", "rejected"),
    [
        ({"region": ["ru"], "platform": ["VK"]}, {"region": "RU", "platform": "vk"}, []),
        ({"platform": ["twitter"]}, {"platform": "x"}, []),
        ({"platform": [""]}, {}, []),
        ({"region": ["XX"], "platform": ["vk"]}, {"platform": "vk"}, ["region"]),
        ({"region": ["RU"], "platform": ["vk", "x"]}, {"region": "RU"}, ["platform"]),
        ({"platform": ["x" * 201]}, {}, ["platform"]),
    ],
)
def test_tactics_link_values(
    query: dict[str, list[str]], values: dict[str, str], rejected: list[str]
) -> None:
    assert tactics_from_query(query, ("vk", "x"), {"twitter": "x"}) == (values, rejected)


def test_a_name_from_a_link_loses_its_control_characters() -> None:
    """RELIABILITY-2 L6: ?name=a%00b%07c%1Bd was kept as it was, in the form and the link."""
    values, rejected = persona_from_query({"name": ["a\x00b\x07c\x1bd \u202eQ4"]})
    assert (values, rejected) == ({"name": "abcd Q4"}, [])
