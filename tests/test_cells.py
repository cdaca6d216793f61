"""People per cell on the shipped data: the invariants every network in every region keeps.

Whatever layers of evidence a network has (surveys, counts and profiles, pools of people whose
ages are unknown), the people in a persona's cells must behave as people do: a persona inside
another never holds more of them, no persona holds more than live in its cells, and the bounds
enclose the estimate.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmfit.data import Dataset, Evidence
from smmfit.data.cells import CellQuery, PeopleCells, running_sums
from smmfit.models import MAX_AGE, MIN_AGE

# Rounding in sums of millions of people: a thousandth of a person.
SLACK = 1e-3


@pytest.fixture(scope="module")
def every_network(dataset: Dataset, evidence: Evidence) -> list[tuple[str, str, PeopleCells]]:
    """Every network x region the shipped data knows something about."""
    pairs = sorted({(f.platform, f.region) for f in dataset.figures})
    found = [(p, r, evidence.people(p, r)) for p, r in pairs]
    return [(p, r, cells) for p, r, cells in found if cells is not None]


ages = st.tuples(st.integers(MIN_AGE, MAX_AGE), st.integers(MIN_AGE, MAX_AGE)).map(sorted)
sexes = st.sampled_from([(True, False), (False, True), (True, True)])


def _query(low: int, high: int, sex: tuple[bool, bool]) -> CellQuery:
    return CellQuery(np.array([low]), np.array([high]), np.array([sex]))


def _people(cells: PeopleCells, query: CellQuery) -> tuple[float, float, float]:
    low, mid, high = cells.query(query)
    return float(low[0]), float(mid[0]), float(high[0])


def test_the_shipped_data_gives_people_for_many_networks(
    every_network: list[tuple[str, str, PeopleCells]],
) -> None:
    # Guards the property tests below from passing on an empty list.
    assert len(every_network) >= 90


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(outer=ages, inner=ages, sex=sexes)
def test_a_persona_inside_another_never_holds_more_people(
    every_network: list[tuple[str, str, PeopleCells]],
    evidence: Evidence,
    outer: list[int],
    inner: list[int],
    sex: tuple[bool, bool],
) -> None:
    inner = [max(inner[0], outer[0]), min(inner[1], outer[1])]
    if inner[0] > inner[1]:
        inner = [outer[0], outer[0]]
    for platform, region, cells in every_network:
        big = _people(cells, _query(outer[0], outer[1], (True, True)))
        small = _people(cells, _query(inner[0], inner[1], sex))
        where = f"{platform}/{region} {inner} in {outer}"
        assert small[0] <= big[0] + SLACK, where
        assert small[2] <= big[2] + SLACK, where
        if not (np.isnan(small[1]) or np.isnan(big[1])):
            assert small[1] <= big[1] + SLACK, where
        population = evidence.population.cells(region)
        if population is not None:
            living = float(
                _query(outer[0], outer[1], (True, True)).sum(running_sums(population))[0]
            )
            assert big[2] <= living + SLACK, where
        low, mid, high = small
        assert 0 <= low <= high + SLACK, where
        assert np.isnan(mid) or low - SLACK <= mid <= high + SLACK, where
