"""What would change the answer: every scenario it names really changes the pick."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smmfit.data import Evidence, load_dataset
from smmfit.models import FACTORS, GOAL_WEIGHTS, Persona, Weights
from smmfit.ranking import rank, what_would_change
from tests.conftest import block, synthetic_figures, write_data


@pytest.mark.parametrize("region", ["RU", "US", "CN", "WW", "DE"])
@pytest.mark.parametrize("gender", ["female", "male", "any"])
def test_named_scenarios_agree_with_rank(evidence: Evidence, region: str, gender: str) -> None:
    persona = Persona(region=region, gender=gender, age_min=18, age_max=44)
    result = rank(persona, evidence)
    notes = what_would_change(result, evidence)
    named = {
        (n.key, n.params.get("factor") or n.params.get("goal")): n.params["platform"] for n in notes
    }
    for factor in FACTORS:
        weights = Weights(**{f: float(f == factor) for f in FACTORS})
        pick = rank(persona, evidence, weights).recommendation.platform
        expected = pick if pick != result.recommendation.platform else None
        assert named.get(("whatif.factor_only", factor)) == expected
    for goal, weights in GOAL_WEIGHTS.items():
        if goal is None:
            continue
        pick = rank(persona, evidence, weights).recommendation.platform
        expected = pick if pick != result.recommendation.platform else None
        assert named.get(("whatif.goal", goal)) == expected


def test_robust_pick_says_so(synthetic: Evidence) -> None:
    """For young men beta leads on every factor: match .7 x .8 against alpha's .4 x .4."""
    result = rank(Persona(region="DE", age_min=13, age_max=29, gender="male"), synthetic)
    keys = [note.key for note in what_would_change(result, synthetic)]
    assert keys == ["whatif.robust", "whatif.unavailable"]


def test_no_pick_no_notes(tmp_path: Path) -> None:
    evidence = Evidence(load_dataset(write_data(tmp_path, synthetic_figures())))
    result = rank(Persona(region="BR", age_min=20, age_max=30), evidence)
    assert result.recommendation.platform is None
    assert what_would_change(result, evidence) == ()


@pytest.mark.parametrize(
    ("as_of", "pick"), [(date(2022, 3, 1), "alpha"), (date(2022, 7, 1), "beta")]
)
def test_scenarios_take_availability_on_the_rankings_day(
    tmp_path: Path, as_of: date, pick: str
) -> None:
    """beta is restricted until 1 June 2022: the scenarios are scored on the ranking's own
    day, so each one they name agrees with rank() on that day."""
    availability = [block("beta", "DE", "restricted", "2022-01-01", until="2022-06-01")]
    evidence = Evidence(load_dataset(write_data(tmp_path, synthetic_figures(), availability)))
    persona = Persona(region="DE", age_min=13, age_max=29, gender="female")
    result = rank(persona, evidence, Weights(), as_of=as_of)
    assert result.recommendation.platform == pick
    for note in what_would_change(result, evidence):
        if note.key == "whatif.factor_only":
            factor = str(note.params["factor"])
            weights = Weights(**{f: float(f == factor) for f in FACTORS})
            other = rank(persona, evidence, weights, as_of=as_of).recommendation.platform
            assert other == note.params["platform"]
