"""Reading a plan request from text: every rule in one place, each refusal naming its field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smmfit.plan import PlanInputError, PlanRequest, parse_request

TODAY = date(2026, 6, 1)
NETWORKS = {"vk": "vk", "x": "x", "twitter": "x", "tiktok": "tiktok"}
BASE = {"budget": "1000", "currency": "RUB"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {"budget": 1000.0, "currency": "RUB", "weeks": None, "network": None}),
        ({"budget": "1 500,5"}, {"budget": 1500.5}),
        ({"currency": "usd"}, {"currency": "USD"}),
        ({"weeks": "3"}, {"weeks": 3}),
        ({"start": "2026-06-01"}, {"start": TODAY}),
        ({"target_reach": "100000"}, {"target_reach": 100_000}),
        ({"rates": "USD=92.5, EUR=99"}, {"rates": {"USD": 92.5, "EUR": 99.0}}),
        ({"network": "Twitter"}, {"network": "x"}),
        ({"weeks": "", "start": None}, {"weeks": None, "start": None}),
    ],
)
def test_valid_requests(given: dict[str, str | None], expected: dict[str, object]) -> None:
    request = parse_request({**BASE, **given}, TODAY, NETWORKS)
    for field, value in expected.items():
        assert getattr(request, field) == value


@pytest.mark.parametrize(
    ("given", "field", "key"),
    [
        ({"budget": ""}, "budget", "budget_missing"),
        ({"budget": "abc"}, "budget", "not_number"),
        ({"budget": "nan"}, "budget", "not_number"),
        ({"budget": "inf"}, "budget", "not_number"),
        ({"budget": "-5"}, "budget", "budget_range"),
        ({"budget": "0"}, "budget", "budget_range"),
        ({"currency": ""}, "currency", "currency"),
        ({"currency": "GBP"}, "currency", "currency"),
        ({"weeks": "0"}, "weeks", "whole"),
        ({"weeks": "2.5"}, "weeks", "whole"),
        ({"weeks": "53"}, "weeks", "whole"),
        ({"start": "2026-05-31"}, "start", "start_past"),
        ({"start": "01.06.2026"}, "start", "start_format"),
        ({"start": "2027-06-03"}, "start", "start_far"),
        ({"target_sales": "-1"}, "target_sales", "whole"),
        ({"rates": "USD"}, "rate", "not_number"),
        ({"rates": "RUB=1"}, "rate", "rate"),
        ({"rates": "USD=-3"}, "rate", "rate"),
        ({"rates": "GBP=100"}, "rate", "currency"),
        ({"network": "myspace"}, "network", "network"),
    ],
)
def test_bad_input_names_its_field(given: dict[str, str], field: str, key: str) -> None:
    with pytest.raises(PlanInputError) as caught:
        parse_request({**BASE, **given}, TODAY, NETWORKS)
    assert caught.value.field == field
    assert caught.value.note.key == f"plan_error.{key}"
    assert str(caught.value).startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"budget": 0, "currency": "USD"}, "greater than 0"),
        ({"budget": 1, "currency": "GBP"}, "Input should be"),
        ({"budget": 1, "currency": "USD", "weeks": 0}, "greater than or equal to 1"),
        ({"budget": 1, "currency": "USD", "rates": {"EUR": 0}}, "greater than 0"),
        ({"budget": 1, "currency": "USD", "colour": "red"}, "Extra inputs"),
    ],
)
def test_the_model_keeps_its_limits(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PlanRequest.model_validate(fields)


FIELDS = ["budget", "currency", "weeks", "start", "target_reach", "target_leads", "target_sales",
          "rates", "network", "colour"]  # fmt: skip
typed = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["1000", "-1", "1e400", "nan", "USD", "rub", "2026-06-01", "USD=9", "x=y"]),
)


@pytest.mark.fuzz
@settings(max_examples=1500, deadline=None, database=None)
@given(st.dictionaries(st.sampled_from(FIELDS), typed, max_size=9))
def test_any_text_is_a_request_or_a_named_refusal(raw: dict[str, str | None]) -> None:
    refusal: PlanInputError | None = None
    try:
        request = parse_request(raw, TODAY, NETWORKS)
    except PlanInputError as error:
        refusal = error
    if refusal is not None:
        assert refusal.field in {*FIELDS, "rate"}
        assert refusal.note.key.startswith("plan_error.")
    else:
        assert request.budget > 0 and request.currency
        assert request.start is None or request.start >= TODAY
