"""The decision rule: one answer, the most likely winner, stated the same way everywhere."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from smmfit.data import Evidence
from smmfit.models import Persona
from smmfit.ranking import assess
from smmfit.ranking.decision import (
    CLOSE_CALL_SHARE,
    contenders,
    contending,
    is_close_call,
    most_likely,
)
from smmfit.render.text import ranking_json
from tests.test_scoring import personas

DRAWS = 600


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(persona=personas)
def test_the_pick_is_the_most_likely_winner_and_the_headline_agrees(
    evidence: Evidence, persona: Persona
) -> None:
    result = assess(persona, evidence, draws=DRAWS)
    pick = result.ranking.recommendation.platform
    recommendable = {r.platform for r in result.ranking.ranking if r.recommendable}
    chances = {
        p.platform: p.probability
        for p in result.uncertainty.probabilities
        if p.platform in recommendable
    }
    if pick is None:
        assert not any(chances.values())
        return
    assert chances[pick] == max(chances.values())
    assert result.uncertainty.confidence is not None
    assert result.uncertainty.confidence.platform == pick
    # The list leads with the pick, and every output says the same.
    assert result.ranking.ranking[0].platform == pick
    document = ranking_json(result.ranking, "en", result.uncertainty)
    assert document["recommendation"]["platform"] == pick
    assert document["recommendation"]["close_call"] == (chances[pick] < CLOSE_CALL_SHARE)
    if result.ranking.recommendation.close_call:
        assert result.ranking.recommendation.contenders[0] == pick
        assert len(result.ranking.recommendation.contenders) >= 2


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(persona=personas)
def test_after_the_contenders_the_list_goes_by_score(evidence: Evidence, persona: Persona) -> None:
    """A network first in a few scenarios, by draws of figures no source narrows, is listed by
    its score, not above networks that score higher: only the contenders go by how often
    they come out first."""
    result = assess(persona, evidence, draws=DRAWS)
    wins = {p.platform: p.probability for p in result.uncertainty.probabilities}
    listed = [r for r in result.ranking.ranking if r.score is not None]
    rivals = contending(
        np.array([wins.get(r.platform, 0.0) for r in listed]),
        np.array([r.recommendable for r in listed]),
    )
    count = int(rivals.sum())
    assert rivals[:count].all()
    rest = [r.score for r in listed[count:] if r.recommendable and r.score is not None]
    assert rest == sorted(rest, reverse=True)


@pytest.mark.parametrize(
    ("wins", "recommendable", "expected"),
    [
        ([0.2, 0.5, 0.3], [True, True, True], 1),
        ([0.2, 0.5, 0.3], [True, False, True], 2),  # a blocked network is never the pick
        ([0.4, 0.4, 0.2], [True, True, True], 0),  # ties go to data order
        ([0.0, 0.0], [True, True], -1),
    ],
)
def test_most_likely(wins: list[float], recommendable: list[bool], expected: int) -> None:
    assert most_likely(np.array(wins), np.array(recommendable)) == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ([50.0, 60.0, 90.0], 1),  # equally often first: the higher centre score, as the list
        ([60.0, 60.0, 90.0], 0),  # and then data order
        ([float("nan"), 10.0, 90.0], 1),  # an unscored network loses the tie
    ],
)
def test_a_tie_in_wins_goes_to_the_score_the_list_is_ordered_by(
    score: list[float], expected: int
) -> None:
    wins, recommendable = np.array([0.4, 0.4, 0.2]), np.array([True, True, True])
    assert most_likely(wins, recommendable, np.array(score)) == expected


@pytest.mark.parametrize(
    ("wins", "close", "expected"),
    [
        ([0.7, 0.2, 0.1], False, ("a",)),  # a clear leader: nobody contends with it
        ([0.55, 0.2, 0.25], True, ("a", "c")),  # a close call names the next most likely
        ([0.4, 0.35, 0.25], True, ("a", "b", "c")),
        ([0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2], True, ("a", "g")),
    ],
)
def test_close_calls_name_every_contender(
    wins: list[float], close: bool, expected: tuple[str, ...]
) -> None:
    platforms = [chr(ord("a") + i) for i in range(len(wins))]
    chances = np.array(wins)
    assert is_close_call(chances, 0) is close
    assert contenders(platforms, chances, 0) == expected


def test_unknown_teen_cells_are_a_range_never_zero(evidence: Evidence) -> None:
    """Pinterest publishes no 13-17 figure for the US: its teen reach is a range from 0."""
    result = assess(Persona(region="US", age_min=13, age_max=17), evidence, draws=DRAWS)
    pinterest = next(r for r in result.ranking.ranking if r.platform == "pinterest")
    assert pinterest.reach_estimated
    assert pinterest.reach_low == 0
    assert pinterest.reach_high is not None and pinterest.reach_high > 1e6
    assert pinterest.reach is not None and pinterest.reach > 0
    youtube = next(r for r in result.ranking.ranking if r.platform == "youtube")
    assert not youtube.reach_estimated  # Pew's teen survey covers it
