"""The CTR sample size: the two-proportion normal approximation against published values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmfit.plan import impressions_for_ctr, sample_per_group


@pytest.mark.parametrize(
    ("p1", "p2", "power", "expected"),
    [
        # Fleiss, Levin and Paik (2003), eq. 4.14 without continuity correction; the same
        # values as common calculators (two-sided alpha 0.05).
        (0.05, 0.10, 0.8, 435),
        (0.5, 0.6, 0.8, 388),
        (0.10, 0.05, 0.8, 435),
        (0.5, 0.6, 0.9, 519),
    ],
)
def test_known_values(p1: float, p2: float, power: float, expected: int) -> None:
    assert sample_per_group(p1, p2, power=power) == expected


@pytest.mark.parametrize(
    ("p1", "p2", "kwargs", "message"),
    [
        (0.0, 0.1, {}, "strictly between 0 and 1"),
        (0.1, 0.1, {}, "differ"),
        (0.1, 1.0, {}, "strictly between 0 and 1"),
        (0.1, 0.2, {"alpha": 0.0}, "alpha and power"),
        (0.1, 0.2, {"power": 1.0}, "alpha and power"),
    ],
)
def test_impossible_rates_are_refused(
    p1: float, p2: float, kwargs: dict[str, float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        sample_per_group(p1, p2, **kwargs)


@given(st.floats(0.05, 20), st.floats(0.05, 1.0), st.floats(0.05, 1.0))
def test_a_smaller_difference_needs_more_impressions(
    baseline: float, lift: float, extra: float
) -> None:
    larger_lift = lift + extra
    assert impressions_for_ctr(baseline, lift=lift) >= impressions_for_ctr(
        baseline, lift=larger_lift
    )


def test_impressions_cover_every_variant() -> None:
    assert impressions_for_ctr(1.0, variants=3) == 3 * sample_per_group(0.01, 0.012)
