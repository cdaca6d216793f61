"""How sure is the pick: win probabilities, plausible ranges and flip conditions.

Exact answers on the synthetic data of conftest, and properties on the real data. Every flip
condition is checked the honest way: change that one figure or weight in the data, rank
again, and see the pick change.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmfit.data import Evidence, load_dataset
from smmfit.models import Note, Persona, Weights, default_weights
from smmfit.ranking import (
    MAX_DRAWS,
    FlipCondition,
    Margins,
    Uncertainty,
    assess,
    flips,
    ranges,
    rank,
    scenarios,
    uncertainty,
)
from smmfit.ranking.engine import PersonaArrays, ScoreArrays, score_arrays, status_of
from smmfit.ranking.flips import Direction
from smmfit.ranking.uncertainty import win_probabilities
from smmfit.render import LANGUAGES, Language, render
from tests.conftest import audience, block, figure, signal, synthetic_figures, write_data
from tests.test_batch import generated_personas
from tests.test_scoring import YOUNG_WOMEN, personas

EXACT = Margins(secondary=0, low=0, weight=0, stand_in_age=0, stand_in_gender=0)
WOMEN = Persona(gender="female", region="DE", age_min=13, age_max=100, segment="b2c")


def evidence_of(tmp_path: Path, rows: list[dict[str, Any]], **kwargs: Any) -> Evidence:
    return Evidence(load_dataset(write_data(tmp_path, rows, **kwargs)))


def women_rows(
    shares: dict[str, float], millions: dict[str, float], authority: str = "primary"
) -> list[dict[str, Any]]:
    """Per network the share of women (0-1) and the audience; the persona is all women."""
    rows = []
    for platform, share in shares.items():
        rows += [
            figure(platform, "DE", "gender", "female", share * 100, authority=authority),
            figure(platform, "DE", "gender", "male", 100 - share * 100, authority=authority),
            audience(platform, "DE", millions[platform], authority=authority),
        ]
    return rows


def recommendable_total(result: Uncertainty, evidence: Evidence, persona: Persona) -> float:
    ages = (persona.age_min, persona.age_max)
    blocked = {
        platform
        for platform in evidence.dataset.platforms
        if status_of(evidence.dataset, platform, persona.region, ages=ages) == "blocked"
    }
    return sum(p.probability for p in result.probabilities if p.platform not in blocked)


# -- win probabilities ----------------------------------------------------------------------


@pytest.mark.parametrize("margins", [EXACT, Margins()], ids=["exact", "default-margins"])
def test_exact_figures_give_the_deterministic_winner_every_time(
    synthetic: Evidence, margins: Margins
) -> None:
    """The synthetic figures are primary and complete: no range. beta leads on every factor,
    so no weight in the band can unseat it either."""
    result = win_probabilities(YOUNG_WOMEN, synthetic, draws=2_000, margins=margins)
    assert result.probability_of("beta") == 1.0
    assert result.probability_of("alpha") == 0.0
    assert result.confidence is not None
    assert result.confidence.platform == rank(YOUNG_WOMEN, synthetic).recommendation.platform
    assert result.confidence.challenger is None
    beta = next(p for p in result.probabilities if p.platform == "beta")
    assert beta.score_low == beta.score_high == 100


def test_without_ranges_every_draw_is_the_point_estimate(tmp_path: Path) -> None:
    """alpha wins on match, beta on reach; with weights fixed, the deterministic pick wins."""
    evidence = evidence_of(
        tmp_path, women_rows({"alpha": 0.9, "beta": 0.3}, {"alpha": 5, "beta": 50})
    )
    for weights in (Weights(reach=1, match=0.1, segment=0), Weights(reach=0.1, match=1, segment=0)):
        pick = rank(WOMEN, evidence, weights).recommendation.platform
        result = win_probabilities(WOMEN, evidence, weights, draws=1_000, margins=EXACT)
        assert pick is not None
        assert result.probability_of(pick) == 1.0


def test_two_identical_networks_split_about_evenly(tmp_path: Path) -> None:
    """Secondary figures get the default margin, drawn independently for each network."""
    rows = women_rows({"alpha": 0.6, "beta": 0.6}, {"alpha": 10, "beta": 10}, "secondary")
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows), draws=10_000, seed=7)
    assert result.probability_of("alpha") == pytest.approx(0.5, abs=0.03)
    assert result.probability_of("alpha") + result.probability_of("beta") == pytest.approx(1.0)


def test_same_seed_same_result_and_another_seed_other_draws(tmp_path: Path) -> None:
    rows = women_rows({"alpha": 0.6, "beta": 0.55}, {"alpha": 10, "beta": 11}, "low")
    evidence = evidence_of(tmp_path, rows)
    first = win_probabilities(WOMEN, evidence, draws=3_000, seed=11)
    assert win_probabilities(WOMEN, evidence, draws=3_000, seed=11) == first
    assert win_probabilities(WOMEN, Evidence(evidence.dataset), draws=3_000, seed=11) == first
    other = win_probabilities(WOMEN, evidence, draws=3_000, seed=12)
    assert other.probabilities != first.probabilities
    assert other.flips_if == first.flips_if  # the flip search draws nothing


def test_blocked_networks_get_nothing_even_as_a_what_if(tmp_path: Path) -> None:
    """gamma, blocked, would win by far if it could be recommended."""
    rows = [*synthetic_figures(), audience("gamma", "DE", 500, source="Other")]
    evidence = evidence_of(tmp_path, rows, availability=[block("gamma", "DE")])
    for include_blocked in (False, True):
        result = win_probabilities(YOUNG_WOMEN, evidence, None, include_blocked, draws=2_000)
        assert result.probability_of("gamma") == 0.0
        assert result.probability_of("alpha") + result.probability_of("beta") == 1.0
        assert all(flip.new_pick != "gamma" for flip in result.flips_if)


def test_win_probabilities_take_availability_on_the_day(tmp_path: Path) -> None:
    """A block that ended is history: before its end the network gets nothing."""
    availability = [block("beta", "DE", "blocked", "2022-01-01", until="2022-06-01")]
    evidence = evidence_of(tmp_path, synthetic_figures(), availability=availability)
    during = win_probabilities(YOUNG_WOMEN, evidence, draws=500, as_of=date(2022, 3, 1))
    after = win_probabilities(YOUNG_WOMEN, evidence, draws=500, as_of=date(2022, 6, 1))
    assert during.probability_of("beta") == 0
    assert after.probability_of("beta") > 0.5


def test_no_pick_means_no_confidence_and_no_flips(tmp_path: Path) -> None:
    evidence = evidence_of(tmp_path, [figure("alpha", "DE", "gender", "female", 60)])
    result = win_probabilities(Persona(region="DE", age_min=20, age_max=30), evidence, draws=100)
    assert (
        rank(Persona(region="DE", age_min=20, age_max=30), evidence).recommendation.platform is None
    )
    assert result.confidence is None and result.flips_if == ()
    assert all(p.probability == 0 for p in result.probabilities)


@pytest.mark.parametrize(("draws", "seed"), [(0, 0), (MAX_DRAWS + 1, 0), (10, -1)])
def test_bad_draws_or_seed_are_refused(synthetic: Evidence, draws: int, seed: int) -> None:
    with pytest.raises(ValueError, match=r"draws|seed"):
        win_probabilities(YOUNG_WOMEN, synthetic, draws=draws, seed=seed)


# -- plausible ranges -----------------------------------------------------------------------


def match_range(result: Uncertainty, platform: str) -> tuple[float, float, float, tuple[str, ...]]:
    found = next(r for r in result.ranges if r.platform == platform and r.input == "match")
    return found.low, found.estimate, found.high, found.causes


def test_partial_data_range_is_the_rankings_bounds(tmp_path: Path) -> None:
    # 4M people: 30% of them fit among the 1.4M aged 18-24 (an overfull profile would add
    # its own range: test_a_profile_the_population_contradicts_widens_the_share).
    rows = [figure("alpha", "DE", "age", "18-24", 30), figure("alpha", "DE", "age", "25-34", 30),
            audience("alpha", "DE", 4)]  # fmt: skip
    evidence = evidence_of(tmp_path, rows)
    persona = Persona(region="DE", age_min=18, age_max=40)
    ranked = next(item for item in rank(persona, evidence).ranking if item.platform == "alpha")
    low, estimate, high, causes = match_range(
        win_probabilities(persona, evidence, draws=100, margins=EXACT), "alpha"
    )
    assert (low, estimate, high) == pytest.approx(
        (ranked.match_share_low, ranked.match_share, ranked.match_share_high), abs=1e-4
    )
    assert causes == ("partial_data",)


@pytest.mark.parametrize(
    ("authority", "expected"),
    # The margin is taken on the smaller of the persona's share (40%) and the rest (60%).
    [("primary", (0.4, 0.4)), ("secondary", (0.36, 0.44)), ("low", (0.3, 0.5))],
)
def test_default_margin_by_authority(
    tmp_path: Path, authority: str, expected: tuple[float, float]
) -> None:
    rows = women_rows({"alpha": 0.4}, {"alpha": 10}, authority)
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows), draws=100)
    low, estimate, high, causes = match_range(result, "alpha")
    assert (low, high) == pytest.approx(expected)
    assert estimate == pytest.approx(0.4)
    assert causes == (() if authority == "primary" else ("authority",))
    people = next(r for r in result.ranges if r.input == "audience")
    margin = Margins().of(authority)
    assert (people.low, people.high) == pytest.approx((10e6 * (1 - margin), 10e6 * (1 + margin)))


def test_a_persona_covering_everyone_has_no_margin(tmp_path: Path) -> None:
    rows = women_rows({"alpha": 0.4}, {"alpha": 10}, "low")
    everyone = WOMEN.model_copy(update={"gender": "any"})
    low, _, high, _ = match_range(win_probabilities(everyone, evidence_of(tmp_path, rows)), "alpha")
    assert low == high == 1.0


def test_a_stand_in_profile_widens_the_share_of_fewer_ages_or_one_sex(tmp_path: Path) -> None:
    """Only a worldwide profile of alpha (40% women; 30% aged 18-24) speaks for Germany: it
    stands in with the stand-in margins, taken on the smaller of the share and the rest, for
    a persona of one sex or fewer ages, and not for everyone (whose share is exactly 1)."""
    rows = [
        figure("alpha", "WW", "gender", "female", 40),
        figure("alpha", "WW", "gender", "male", 60),
        figure("alpha", "WW", "age", "13-17", 10),
        figure("alpha", "WW", "age", "18-24", 30),
        figure("alpha", "WW", "age", "25-100", 60),
        audience("alpha", "DE", 2),  # fits every age band: no contradiction
    ]
    evidence = evidence_of(tmp_path, rows)
    low, women, high, causes = match_range(win_probabilities(WOMEN, evidence, draws=100), "alpha")
    assert women == pytest.approx(0.4, abs=0.05)  # the age profile meets Germany's population
    margin = Margins().stand_in_gender * min(women, 1 - women)
    assert (low, high) == pytest.approx((women - margin, women + margin))
    assert causes == ("stand_in",)
    young = Persona(region="DE", age_min=18, age_max=24, segment="b2c")
    low, share, high, causes = match_range(win_probabilities(young, evidence, draws=100), "alpha")
    assert causes == ("stand_in",)
    margin = Margins().stand_in_age * min(share, 1 - share)
    assert (low, high) == pytest.approx((share - margin, share + margin))
    everyone = WOMEN.model_copy(update={"gender": "any"})
    *shares, causes = match_range(win_probabilities(everyone, evidence), "alpha")
    assert shares == pytest.approx([1.0, 1.0, 1.0]) and causes == ()
    without = win_probabilities(WOMEN, evidence, draws=100, margins=EXACT)
    assert match_range(without, "alpha") == (women, women, women, ())


def test_a_profile_the_population_contradicts_widens_the_share(tmp_path: Path) -> None:
    """10M people, 30% of them aged 18-24, where 1.4M live: at least 1.6M (16% of the
    audience) are misplaced by the profile, so a persona's share is uncertain by that much
    (absolute, at most the smaller of the share and the rest), whatever the default margins;
    everyone's share stays 1."""
    rows = [figure("alpha", "DE", "age", "13-17", 5), figure("alpha", "DE", "age", "18-24", 30),
            figure("alpha", "DE", "age", "25-100", 65), audience("alpha", "DE", 10)]  # fmt: skip
    evidence = evidence_of(tmp_path, rows)
    cells = evidence.people("alpha", "DE")
    assert cells is not None and cells.overflow == pytest.approx(1.6e6)
    young = Persona(region="DE", age_min=18, age_max=24)
    low, share, high, causes = match_range(
        win_probabilities(young, evidence, draws=100, margins=EXACT), "alpha"
    )
    assert causes == ("contradicted",)
    margin = min(0.16, share, 1 - share)  # like every share margin, within the share and rest
    assert (low, high) == pytest.approx((share - margin, share + margin))
    assert share < 0.3  # the odds fit keeps 18-24 under everyone: 1.4M of 10M at most
    everyone = Persona(region="DE", age_min=13, age_max=100)
    *shares, causes = match_range(win_probabilities(everyone, evidence), "alpha")
    assert shares == pytest.approx([1.0, 1.0, 1.0]) and causes == ()
    # The ranking's caveats say so where the profile matters, not for everyone.
    notes = {
        persona: next(r for r in rank(persona, evidence).ranking if r.platform == "alpha").gaps
        for persona in (young, everyone)
    }
    assert Note(key="gap.contradicted", params={"share": 0.16}) in notes[young]
    assert all(note.key != "gap.contradicted" for note in notes[everyone])


def test_a_countrys_own_profile_is_no_stand_in(tmp_path: Path) -> None:
    rows = [
        *women_rows({"alpha": 0.4}, {"alpha": 10}),
        figure("alpha", "WW", "gender", "female", 55),
        figure("alpha", "WW", "gender", "male", 45),
    ]
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows), draws=100)
    assert match_range(result, "alpha") == (0.4, 0.4, 0.4, ())


@pytest.mark.parametrize(("other_year", "counted"), [(2024, True), (2023, True), (2022, False)])
def test_sources_that_disagree_widen_the_range(
    tmp_path: Path, other_year: int, counted: bool
) -> None:
    """Survey A (2024) has 40% women, Survey B 55%: B is a candidate unless it is too old."""
    rows = [
        *women_rows({"alpha": 0.4}, {"alpha": 10}),
        figure("alpha", "DE", "gender", "female", 55, source="Survey B", year=other_year),
        figure("alpha", "DE", "gender", "male", 45, source="Survey B", year=other_year),
        audience("alpha", "DE", 14, source="Survey B", year=other_year),
    ]
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows), draws=100)
    low, estimate, high, causes = match_range(result, "alpha")
    assert estimate == pytest.approx(0.4)
    assert (low, high) == pytest.approx((0.4, 0.55) if counted else (0.4, 0.4))
    assert causes == (("sources",) if counted else ())
    people = next(r for r in result.ranges if r.input == "audience")
    assert people.high == pytest.approx(14e6 if counted else 10e6)


def test_dropped_low_authority_sources_do_not_widen_the_range(tmp_path: Path) -> None:
    rows = [
        *women_rows({"alpha": 0.4}, {"alpha": 10}),
        figure("alpha", "DE", "gender", "female", 90, source="Blog", authority="low"),
        figure("alpha", "DE", "gender", "male", 10, source="Blog", authority="low"),
    ]
    low, _, high, _ = match_range(win_probabilities(WOMEN, evidence_of(tmp_path, rows)), "alpha")
    assert low == high == pytest.approx(0.4)


@settings(max_examples=200, deadline=None)
@given(
    low=st.floats(0, 1),
    width=st.floats(0, 1),
    position=st.floats(0, 1),
    uniform=st.lists(st.floats(0, 1, exclude_max=True), min_size=1, max_size=20),
)
def test_triangular_draws_stay_in_range(
    low: float, width: float, position: float, uniform: list[float]
) -> None:
    high = low + width
    mode = low + position * width
    drawn = scenarios.triangular(np.array(uniform), np.array(low), np.array(mode), np.array(high))
    assert np.all((drawn >= low - 1e-12) & (drawn <= high + 1e-12))


def test_triangular_draws_have_the_triangular_mean() -> None:
    uniform = np.random.default_rng(0).random(200_000)
    drawn = scenarios.triangular(uniform, np.array(0.2), np.array(0.3), np.array(0.7))
    assert drawn.mean() == pytest.approx((0.2 + 0.3 + 0.7) / 3, abs=0.002)


# -- what flips the pick --------------------------------------------------------------------


def applied(
    rows: list[dict[str, Any]], signals: list[dict[str, Any]], flip: FlipCondition
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The data with the flip's figure set to ``flip.value`` (persona: all women)."""
    rows = [dict(row) for row in rows]
    signals = [dict(row) for row in signals]
    for row in rows:
        if row["platform"] != flip.platform:
            continue
        if flip.input == "audience" and row["dimension"] == "audience":
            row["value"] = flip.value / 1e6
        if flip.input == "match" and row["dimension"] == "gender":
            share = flip.value * 100
            row["value"] = share if row["category"] == "female" else 100 - share
    for row in signals:
        if flip.input == "segment" and row["platform"] == flip.platform:
            row["value"] = flip.value
    return rows, signals


SCENARIOS = [
    # (women share, audience in millions, b2c signal) per network; authority; weights; the
    # inputs that can flip the pick. Audiences stay well below synthetic DE's 9.7M women, so
    # no flip runs into the population's own limit.
    ({"alpha": (0.9, 0.5, 30), "beta": (0.3, 5, 20), "gamma": (0.5, 1.8, 40)}, "secondary",
     Weights(), {"match", "audience", "weight"}),
    ({"alpha": (0.9, 0.5, 30), "beta": (0.3, 5, 20), "gamma": (0.5, 2, 40)}, "low",
     Weights(reach=0.2, match=0.6, segment=0.2), {"match", "segment", "weight"}),
    ({"alpha": (0.6, 1.2, 10), "beta": (0.55, 1, 50), "gamma": (0.5, 1.1, 45)}, "primary",
     Weights(reach=0.4, match=0.2, segment=0.4), {"match", "audience", "segment", "weight"}),
]  # fmt: skip


@pytest.mark.parametrize(("networks", "authority", "weights", "inputs"), SCENARIOS)
def test_every_flip_condition_really_flips_the_pick(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    networks: dict[str, tuple[float, float, float]],
    authority: str,
    weights: Weights,
    inputs: set[str],
) -> None:
    monkeypatch.setattr(flips, "FLIPS_SHOWN", 100)  # check every input, not the top 3
    rows = women_rows(
        {p: v[0] for p, v in networks.items()}, {p: v[1] for p, v in networks.items()}, authority
    )
    signals = [signal(p, "b2c", v[2]) for p, v in networks.items()]
    evidence = evidence_of(tmp_path / "base", rows, signals=signals)
    pick = rank(WOMEN, evidence, weights).recommendation.platform
    result = win_probabilities(WOMEN, evidence, weights, draws=500)
    assert {flip.input for flip in result.flips_if} == inputs
    changes = [abs(flip.relative_change) for flip in result.flips_if]
    assert changes == sorted(changes)
    for index, flip in enumerate(result.flips_if):
        assert flip.new_pick != pick
        assert flip.relative_change == pytest.approx(flip.value / flip.current - 1)
        almost = flip.current + (flip.value - flip.current) * 0.99
        for value, expected in ((flip.value, flip.new_pick), (almost, pick)):
            moved = flip.model_copy(update={"value": value})
            if flip.input == "weight":
                assert flip.factor is not None
                changed = weights.model_copy(update={flip.factor: value})
                again = rank(WOMEN, evidence, changed)
            else:
                new_rows, new_signals = applied(rows, signals, moved)
                folder = tmp_path / f"flip{index}-{value}"
                again = rank(WOMEN, evidence_of(folder, new_rows, signals=new_signals), weights)
            assert again.recommendation.platform == expected, (flip, value)


def test_the_top_flips_are_the_smallest_and_plausibility_is_the_drawn_range(
    tmp_path: Path,
) -> None:
    rows = women_rows({"alpha": 0.6, "beta": 0.55}, {"alpha": 10, "beta": 10.5}, "secondary")
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows), draws=100)
    assert 0 < len(result.flips_if) <= flips.FLIPS_SHOWN
    ranges = {(r.platform, r.input): r for r in result.ranges}
    for flip in result.flips_if:
        if flip.input == "weight":
            continue
        assert flip.platform is not None
        drawn = ranges[flip.platform, flip.input]
        assert flip.plausible == (drawn.low <= flip.value <= drawn.high)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_note_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: Language
) -> None:
    monkeypatch.setattr(flips, "FLIPS_SHOWN", 100)
    networks = SCENARIOS[0][0]
    rows = women_rows(
        {p: v[0] for p, v in networks.items()}, {p: v[1] for p, v in networks.items()}
    )
    signals = [signal(p, "b2c", v[2]) for p, v in networks.items()]
    result = win_probabilities(WOMEN, evidence_of(tmp_path, rows, signals=signals), draws=500)
    assert result.confidence is not None
    notes = [*result.confidence.notes, *(flip.note for flip in result.flips_if)]
    assert len(notes) > 5
    for note in notes:
        text = render(note, language)
        assert text and "{" not in text


@pytest.mark.parametrize(
    ("flip_value", "direction", "shown"),
    [(0.30612, "above", "30.7%"), (0.30612, "below", "30.6%"), (0.3, "above", "30%")],
)
def test_thresholds_are_rounded_away_from_the_flip(
    flip_value: float, direction: Direction, shown: str
) -> None:
    """A threshold shown to 0.1% must still flip the pick when applied as shown."""
    rounded = flips._display(flip_value, direction, 0.001)
    note = Note(
        key=f"uncertainty.flip_match_{direction}",
        params={"runner": "vk", "platform": "ok", "share": rounded},
    )
    assert render(note, "en").endswith(f"{direction} {shown}.")


# -- properties on the real data ------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY_SETTINGS
@given(persona=personas, include_blocked=st.booleans(), seed=st.integers(0, 2**32))
def test_real_rankings_probabilities_are_a_distribution_over_recommendable_networks(
    evidence: Evidence, persona: Persona, include_blocked: bool, seed: int
) -> None:
    result = win_probabilities(persona, evidence, None, include_blocked, draws=1_000, seed=seed)
    # The pick is the most likely winner (the decision rule), so "how sure" is about it.
    decided = assess(persona, evidence, None, include_blocked, draws=1_000, seed=seed)
    pick = decided.ranking.recommendation.platform
    status = {item.platform: item.status for item in rank(persona, evidence).ranking}
    for item in result.probabilities:
        assert 0 <= item.probability <= 1
        if status[item.platform] == "blocked":
            assert item.probability == 0
    if pick is None:
        assert result.confidence is None
    else:
        assert result.confidence is not None and result.confidence.platform == pick
        assert recommendable_total(result, evidence, persona) == pytest.approx(1, abs=1e-3)


@PROPERTY_SETTINGS
@given(
    persona=personas,
    reach=st.floats(0.05, 1),
    match=st.floats(0.05, 1),
    segment=st.floats(0.05, 1),
)
def test_real_weight_flips_flip_the_real_ranking(
    evidence: Evidence, persona: Persona, reach: float, match: float, segment: float
) -> None:
    weights = Weights(reach=reach, match=match, segment=segment)
    pick = rank(persona, evidence, weights).recommendation.platform
    result = win_probabilities(persona, evidence, weights, draws=200)
    for flip in result.flips_if:
        assert flip.new_pick != pick
        if flip.input == "weight":
            assert flip.factor is not None
            changed = weights.model_copy(update={flip.factor: flip.value})
            assert rank(persona, evidence, changed).recommendation.platform == flip.new_pick


@PROPERTY_SETTINGS
@given(persona=personas, include_blocked=st.booleans())
def test_scenarios_without_ranges_reproduce_the_real_ranking(
    evidence: Evidence, persona: Persona, include_blocked: bool
) -> None:
    """With every range collapsed to its figure, each scenario is the ranking itself."""
    exact_figures = ranges.figure_ranges

    def collapsed(*args: Any) -> Any:
        figures = exact_figures(*args)
        return dataclasses.replace(figures, low=figures.mode, high=figures.mode)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(uncertainty, "figure_ranges", collapsed)
        result = win_probabilities(
            persona, evidence, None, include_blocked, draws=50, margins=EXACT
        )
    ranked = rank(persona, evidence, include_blocked=include_blocked)
    pick = ranked.recommendation.platform
    for item in result.probabilities:
        assert item.probability == (1.0 if item.platform == pick else 0.0)
        score = next(r.score for r in ranked.ranking if r.platform == item.platform)
        if score is not None:
            assert item.score_low == pytest.approx(score, abs=0.01)


def test_an_unknown_factor_is_drawn_across_its_range_not_held_at_the_middle(
    tmp_path: Path,
) -> None:
    """beta has no segment figure. In the centre scenario it counts at 50: alpha leads
    (0.5 x 100 + 0.5 x 50 = 75 against 0.5 x 90 + 0.5 x 50 = 70). Across the scenarios the
    unknown is anything in 0-100, so beta comes first whenever it draws above 60: 40% of the
    time, and its score spreads from about 45 to 95."""
    rows = women_rows(
        {"alpha": 0.5, "beta": 0.5, "gamma": 0.5}, {"alpha": 10, "beta": 9, "gamma": 1}
    )
    signals = [signal("alpha", "b2c", 40), signal("gamma", "b2c", 80)]
    evidence = evidence_of(tmp_path, rows, signals=signals)
    weights = Weights(reach=1, match=0, segment=1)
    centre = rank(WOMEN, evidence, weights)
    assert [r.platform for r in centre.ranking[:2]] == ["alpha", "beta"]
    assert centre.ranking[1].factors["segment"].score is None
    result = win_probabilities(WOMEN, evidence, weights, draws=10_000, seed=3, margins=EXACT)
    assert result.probability_of("beta") == pytest.approx(0.4, abs=0.03)
    assert result.probability_of("alpha") == pytest.approx(0.6, abs=0.03)
    beta = next(p for p in result.probabilities if p.platform == "beta")
    assert beta.score_low is not None and beta.score_low < 50
    assert beta.score_high is not None and beta.score_high > 90


def test_a_known_reach_stays_known_when_the_rest_of_the_audience_is_not(tmp_path: Path) -> None:
    """A network known only among teens (a teen survey's rate, nothing on adults) reaches a
    known number of teens: its unknown adults widen its match share's denominator, never the
    teens it reaches. The network with more teens wins every scenario."""
    teens = Persona(region="DE", age_min=13, age_max=17)
    rows = [
        figure("alpha", "DE", "age", "13-17", 30, unit="pct_of_group_using", universe="13-17"),
        figure("beta", "DE", "age", "13-17", 60, unit="pct_of_group_using", universe="13-17"),
        figure("beta", "DE", "age", "18-100", 60, unit="pct_of_group_using", universe="18-100"),
    ]
    evidence = evidence_of(tmp_path, rows)
    ranked = {item.platform: item for item in rank(teens, evidence).ranking}
    assert ranked["alpha"].reach_low == pytest.approx(ranked["alpha"].reach_high)
    result = win_probabilities(teens, evidence, draws=2_000, margins=EXACT)
    assert result.probability_of("beta") == 1.0
    spans = {(r.platform, r.input): r for r in result.ranges}
    match, size = spans["alpha", "match"], spans["alpha", "audience"]
    assert match.high * size.high == pytest.approx(ranked["alpha"].reach, rel=1e-6)


# -- the ranges of many personas, against the network-by-network form ---------------------


def ranges_network_by_network(
    people: PersonaArrays,
    region: str,
    evidence: Evidence,
    arrays: ScoreArrays,
    margins: Margins,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """ranges_of as it was written before its steps ran for all networks at once (commit
    cfe0a03): one network at a time, each with its own list of alternatives (and, since
    session 14, the stand-in margin)."""
    n, count = arrays.match.shape
    shape = (ranges.COMPONENTS, n, count)
    low, mode, high = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
    causes = np.zeros((len(ranges.CAUSES), *shape), dtype=bool)
    everything = ranges._match_bounds(arrays)
    narrower_ages, one_sex = ranges.narrower_than_everyone(people)
    for j, platform in enumerate(arrays.platforms):
        if (
            all(np.isnan(a[:, j]).all() for a in (arrays.match, arrays.audience))
            and np.isnan(arrays.segment_value[:, j]).all()
        ):
            continue
        ev = evidence.for_platform(platform, region)
        cells = evidence.people(platform, region)
        authority = ranges.weakest_authority(cells)
        match = arrays.match[:, j]
        mode[ranges.MATCH, :, j] = match
        stand_in = np.zeros(n)
        for profile, narrower, stand_in_margin in (
            (ev.age, narrower_ages, margins.stand_in_age),
            (ev.gender, one_sex, margins.stand_in_gender),
        ):
            if profile is not None and profile.provenance.region != region:
                stand_in = np.maximum(stand_in, np.where(narrower, stand_in_margin, 0.0))
        smaller = np.minimum(match, 1 - match)
        misplaced = 0.0
        if cells is not None and cells.overflow > 0 and cells.total[1] > 0:
            misplaced = cells.overflow / cells.total[1]
        parts = [
            margins.of(authority) * smaller, stand_in * smaller, np.minimum(misplaced, smaller)
        ]  # fmt: skip
        low[ranges.MATCH, :, j], high[ranges.MATCH, :, j], causes[:, ranges.MATCH, :, j] = (
            ranges._hull(
                match,
                (everything[0][:, j], everything[1][:, j]),
                ranges._alternatives(match, people, ev.age, ev.age_candidates, "age")
                + ranges._alternatives(match, people, ev.gender, ev.gender_candidates, "gender"),
                np.max(parts, axis=0),
                1.0,
            )
        )
        widest = np.where(np.max(parts, axis=0) > ranges.EPSILON, np.argmax(parts, axis=0), -1)
        for which, cause in enumerate(("authority", "stand_in", "contradicted")):
            causes[ranges.CAUSES.index(cause), ranges.MATCH, :, j] = widest == which
        audience = arrays.audience[:, j]
        mode[ranges.AUDIENCE, :, j] = audience
        chosen = ev.audience
        alternatives = [] if chosen is None else [
            np.full(n, candidate.people)
            for candidate in ev.audience_candidates
            if ranges._recent(candidate.provenance.year, chosen.provenance.year)
            and not candidate.provenance.derived_from_penetration
        ]  # fmt: skip
        margin = margins.of(chosen.provenance.authority) if chosen is not None else 0.0
        part = ranges._hull(audience, (audience, audience), alternatives, margin * audience, np.inf)
        low[ranges.AUDIENCE, :, j], high[ranges.AUDIENCE, :, j] = part[0], part[1]
        causes[:, ranges.AUDIENCE, :, j] = part[2]
        segment = arrays.segment_value[:, j]
        signal_authority = np.array(
            [
                margins.of(ev.segment[s].provenance.authority) if s in ev.segment else 0.0
                for s in ("b2c", "b2b")
            ]
        )[people.segment_b2b.astype(int)]
        mode[ranges.SEGMENT, :, j] = segment
        part = ranges._hull(
            segment, (segment, segment), [],
            signal_authority * np.minimum(segment, 100 - segment), 100.0,
        )  # fmt: skip
        low[ranges.SEGMENT, :, j], high[ranges.SEGMENT, :, j] = part[0], part[1]
        causes[:, ranges.SEGMENT, :, j] = part[2]
    return low, mode, high, causes


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    batch=st.lists(personas, min_size=1, max_size=12),
    margins=st.sampled_from([ranges.DEFAULT_MARGINS, EXACT, Margins(secondary=0.3, low=0.05)]),
    include_blocked=st.booleans(),
)
def test_the_ranges_of_all_networks_at_once_are_those_network_by_network(
    evidence: Evidence, batch: list[Persona], margins: Margins, include_blocked: bool
) -> None:
    """Generated personas of each region: the same low, estimate, high and causes, bit for
    bit, whether the steps run for one network at a time or for all at once (where a network
    has fewer alternatives than another, its missing ones are NaN, which is no alternative)."""
    assert_same_ranges(evidence, batch, margins, include_blocked)


def assert_same_ranges(
    evidence: Evidence, batch: list[Persona], margins: Margins, include_blocked: bool
) -> int:
    """Asserts the two forms agree bit for bit on each region's personas; returns how many
    ranges are known (not NaN)."""
    known = 0
    for region in sorted({p.region for p in batch}):
        group = [p for p in batch if p.region == region]
        people = PersonaArrays.of(group)
        arrays = score_arrays(
            evidence, region, people, [default_weights(p.goal) for p in group], include_blocked,
            as_of=date(2026, 12, 3),
        )  # fmt: skip
        together = ranges.ranges_of(people, region, evidence, arrays, margins)
        one_by_one = ranges_network_by_network(people, region, evidence, arrays, margins)
        for mine, theirs in zip(together, one_by_one, strict=True):
            assert mine.dtype == theirs.dtype and mine.shape == theirs.shape
            assert (mine.view(np.uint8) == theirs.view(np.uint8)).all()
        known += int((~np.isnan(together[0])).sum())
    return known


@pytest.mark.parametrize("margins", [ranges.DEFAULT_MARGINS, Margins(secondary=0.3, low=0.05)])
def test_the_ranges_of_a_batch_of_every_region_are_those_network_by_network(
    evidence: Evidence, margins: Margins
) -> None:
    batch = generated_personas(400, seed=21)
    assert assert_same_ranges(evidence, batch, margins, include_blocked=False) > 1000
