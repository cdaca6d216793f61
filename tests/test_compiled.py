"""The compiled scenario loop against the engine: the same draws give the same first places,
and the compiled helpers give the numpy forms' numbers bit for bit."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smmfit.data import Evidence
from smmfit.models import FACTORS, Persona, default_weights
from smmfit.ranking.compiled import count_wins, drop_beaten, score_bounds
from smmfit.ranking.decision import CLOSE_CALL_SHARE
from smmfit.ranking.engine import (
    UNKNOWN_FACTOR_SCORE,
    PersonaArrays,
    pick_index,
    score_arrays,
    scores_from_figures,
)
from smmfit.ranking.ranges import AUDIENCE, DEFAULT_MARGINS, EPSILON, MATCH, SEGMENT, ranges_of
from smmfit.ranking.scenarios import (
    DOUBT,
    capped_reach,
    composite_bounds,
    persona_keys,
    stable_bits,
    triangular,
    unit,
)

AS_OF = date(2026, 12, 3)
DRAWS = 120

PERSONAS = [
    Persona(region="US", age_min=18, age_max=34),
    Persona(region="US", age_min=45, age_max=80, gender="female", segment="b2b"),
    Persona(region="RU", age_min=13, age_max=17, goal="sales"),
    Persona(region="RU", age_min=25, age_max=54, gender="male", devices=("ios",)),
    Persona(region="WW", age_min=30, age_max=60, goal="awareness"),
    Persona(region="BR", age_min=18, age_max=24, segment="b2b", devices=("windows", "macos")),
    Persona(region="DE", age_min=55, age_max=100, gender="female"),
    Persona(region="GB", age_min=20, age_max=40, gender="male", goal="loyalty"),
]


def engine_firsts(
    figures: tuple[np.ndarray, np.ndarray, np.ndarray],
    scored: np.ndarray,
    restricted: np.ndarray,
    candidate: np.ndarray,
    raw: np.ndarray,
    penalty: float,
    key: np.uint64,
    ceiling: float,
) -> np.ndarray:
    """First places over DRAWS scenarios of one persona, every network drawn from the same
    numbers (stable_bits) and scored by the engine (scores_from_figures, pick_index)."""
    low, mode, high = figures  # (components, networks)
    count = low.shape[1]
    width = 3 * count + len(FACTORS)
    bits = stable_bits(np.array([key]), 0, DRAWS, np.arange(width), width)[:, 0]  # (draws, slots)
    pair, segment_bits = bits[:, :count], bits[:, count : 2 * count]
    uniforms = {MATCH: unit(pair, 0), AUDIENCE: unit(pair, 1), SEGMENT: unit(segment_bits, 0)}
    values = {
        c: np.where(high[c] > low[c], triangular(uniforms[c], low[c], mode[c], high[c]), mode[c])
        for c in (MATCH, AUDIENCE, SEGMENT)
    }
    jitter = (
        1
        - DEFAULT_MARGINS.weight
        + 2 * DEFAULT_MARGINS.weight * unit(bits[:, 2 * count : 2 * count + 3], 0)
    )
    weights = raw * jitter
    _, score = scores_from_figures(
        capped_reach(values[MATCH], values[AUDIENCE], ceiling),
        values[MATCH],
        values[SEGMENT],
        scored=np.broadcast_to(scored, (DRAWS, count)),
        restricted=np.broadcast_to(restricted, (DRAWS, count)),
        normalised=weights / weights.sum(axis=1, keepdims=True),
        penalty=np.full(DRAWS, penalty),
        unknown=100.0 * unit(bits[:, 2 * count + 3 :], 0),
    )
    picks = pick_index(score, np.broadcast_to(candidate, (DRAWS, count)))
    return np.bincount(picks[picks >= 0], minlength=count).astype(float)


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: f"{p.region}-{p.age_min}")
def test_the_compiled_loop_counts_the_engines_first_places(
    evidence: Evidence, persona: Persona
) -> None:
    weights = default_weights(persona.goal)
    people = PersonaArrays.of([persona])
    arrays = score_arrays(evidence, persona.region, people, [weights], as_of=AS_OF)
    low, mode, high, _ = ranges_of(people, persona.region, evidence, arrays, DEFAULT_MARGINS)
    raw = np.array([[getattr(weights, f) for f in FACTORS]])
    penalty = np.array([weights.restricted_penalty])
    scored = np.ascontiguousarray(arrays.scored, dtype=bool)
    restricted = np.ascontiguousarray(arrays.restricted, dtype=bool)
    candidate = scored & ~np.isnan(arrays.score) & arrays.recommendable
    assert candidate.any()
    key = persona_keys(np.array([[7, persona.age_min, persona.age_max]]), seed=3)
    wins, used = np.zeros((1, len(arrays.platforms))), np.zeros(1, dtype=np.int64)
    count_wins(
        np.zeros(1, dtype=np.int64), key, np.stack([low, mode, high]),
        np.ones_like(scored), candidate, scored, restricted, raw, penalty,
        DEFAULT_MARGINS.weight, np.array([DRAWS], dtype=np.int64),
        UNKNOWN_FACTOR_SCORE, DOUBT, CLOSE_CALL_SHARE, wins, used, arrays.persona_people,
    )  # fmt: skip
    expected = engine_firsts(
        (low[:, 0], mode[:, 0], high[:, 0]), scored[0], restricted[0], candidate[0],
        raw[0], float(penalty[0]), key[0], float(arrays.persona_people[0]),
    )  # fmt: skip
    assert used.tolist() == [DRAWS]
    assert wins[0].tolist() == expected.tolist()
    # Not a degenerate case: most scenarios have a pick.
    assert wins.sum() > DRAWS / 2


def numpy_bounds(
    low: np.ndarray,
    high: np.ndarray,
    scored: np.ndarray,
    restricted: np.ndarray,
    ceiling: np.ndarray,
    raw_weights: np.ndarray,
    penalty: np.ndarray,
    band: float,
) -> tuple[np.ndarray, np.ndarray]:
    """composite_bounds as array operations over all personas at once, as it was written
    before it was compiled (commit cfe0a03). Its weighted sums (the compiled weighted_sum then)
    start from the first factor's product, not from 0: a sum of -0.0 stays -0.0."""
    ceiling = ceiling[:, None]
    reach_low = capped_reach(low[MATCH], low[AUDIENCE], ceiling)
    reach_high = capped_reach(high[MATCH], high[AUDIENCE], ceiling)
    bounds = [(reach_low, reach_high), (low[MATCH], high[MATCH]), (low[SEGMENT], high[SEGMENT])]
    lows, highs, known = [], [], []
    for factor_low, factor_high in bounds:
        f_low = np.where(scored, factor_low, np.nan)
        f_high = np.where(scored, factor_high, np.nan)
        known.append((~np.isnan(f_low)).any(axis=1))
        with np.errstate(invalid="ignore", divide="ignore", all="ignore"):
            best_high = np.max(np.where(np.isnan(f_high), -np.inf, f_high), axis=1)[:, None]
            best_low = np.max(np.where(np.isnan(f_low), -np.inf, f_low), axis=1)[:, None]
            relative = np.nan_to_num(f_low / best_high * 100, copy=False)
            lows.append(np.where(np.isnan(f_low), 0.0, relative))
            highs.append(
                np.where(np.isnan(f_high), 100.0, np.minimum(100.0, f_high / best_low * 100))
            )
    corners = np.array(np.meshgrid(*[[1 - band, 1 + band]] * len(FACTORS))).reshape(
        len(FACTORS), -1
    )
    weights = raw_weights[:, :, None] * corners[None] * np.stack(known, axis=1)[:, :, None]
    weights = weights / np.maximum(weights.sum(axis=1, keepdims=True), EPSILON)
    factor = np.where(restricted, penalty[:, None], 1.0)[:, None, :]
    worst, best = (
        sum(
            (weights[:, f, :, None] * values[f][:, None, :] for f in range(1, len(FACTORS))),
            start=weights[:, 0, :, None] * values[0][:, None, :],
        )
        * factor
        for values in (lows, highs)
    )
    return worst, best


def same_bits(left: np.ndarray, right: np.ndarray) -> bool:
    return left.shape == right.shape and bool((left.view(np.int64) == right.view(np.int64)).all())


@pytest.mark.parametrize("band", [0.25, 0.1, 0.0])
def test_the_compiled_bounds_are_the_array_forms_on_real_personas(
    evidence: Evidence, band: float
) -> None:
    for region in sorted({p.region for p in PERSONAS}):
        group = [p for p in PERSONAS if p.region == region] * 3
        weights = [default_weights(p.goal) for p in group]
        people = PersonaArrays.of(group)
        arrays = score_arrays(evidence, region, people, weights, as_of=AS_OF)
        low, _, high, _ = ranges_of(people, region, evidence, arrays, DEFAULT_MARGINS)
        raw = np.array([[getattr(w, f) for f in FACTORS] for w in weights])
        penalty = np.array([w.restricted_penalty for w in weights])
        worst, best = composite_bounds(
            low, high, arrays, raw_weights=raw, penalty=penalty, band=band
        )
        expected = numpy_bounds(
            low, high, arrays.scored, arrays.restricted, arrays.persona_people, raw, penalty, band
        )
        assert same_bits(worst, expected[0]) and same_bits(best, expected[1])
        assert np.isfinite(worst).any()


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    people=st.integers(1, 30),
    networks=st.integers(1, 9),
    band=st.sampled_from([0.0, 0.25, 0.5]),
)
# Found by a run that overflowed in the reference's sum (warnings are errors here).
@example(seed=13, people=9, networks=1, band=0.25)
def test_the_compiled_bounds_are_the_array_forms_bit_for_bit(
    seed: int, people: int, networks: int, band: float
) -> None:
    """Generated figures with every case the bounds meet: unknown figures, zeros (a best of 0
    makes infinite and undefined ratios), networks not scored, restricted ones, personas
    without a population, weights of 0."""
    rng = np.random.default_rng(seed)
    shape = (3, people, networks)
    low = rng.random(shape) * np.array([1.0, 1e6, 100.0])[:, None, None]
    high = low + rng.random(shape) * np.array([0.5, 1e6, 20.0])[:, None, None]
    for values in (low, high):
        values[rng.random(shape) < 0.15] = np.nan
        values[rng.random(shape) < 0.1] = 0.0
    scored = rng.random((people, networks)) < 0.8
    restricted = rng.random((people, networks)) < 0.2
    ceiling = np.where(rng.random(people) < 0.3, np.nan, rng.random(people) * 5e5)
    raw = rng.random((people, 3)) * (rng.random((people, 3)) < 0.9)
    penalty = rng.random(people)
    corners = np.array(np.meshgrid(*[[1 - band, 1 + band]] * 3)).reshape(3, -1)
    # A low with no high beside it, over a best high of 0, is an infinite ratio that
    # nan_to_num makes the largest float; two of those summed overflow to inf, as compiled.
    with np.errstate(invalid="ignore", over="ignore"):
        expected = numpy_bounds(low, high, scored, restricted, ceiling, raw, penalty, band)
    worst, best = score_bounds(low, high, scored, restricted, ceiling, raw, penalty, corners)
    assert same_bits(worst, expected[0]) and same_bits(best, expected[1])


def test_a_network_is_dropped_only_when_another_beats_it_at_every_corner() -> None:
    rng = np.random.default_rng(8)
    # Some networks far ahead of others, so that some are beaten at every corner and some not.
    worst = rng.random((300, 8, 6)) * 0.5 + np.array([2.0, 0.0, 0.5, 0.0, 1.2, 0.0])
    best = worst + rng.random((300, 8, 6)) * 0.6
    valid = rng.random((300, 6)) < 0.8
    live = np.flatnonzero(valid.any(axis=0)).astype(np.int64)
    candidate = valid.copy()
    drop_beaten(worst, best, valid, live, candidate)
    for row in range(300):
        for target in range(6):
            beaten = any(
                rival != target
                and valid[row, rival]
                and (worst[row, :, rival] > best[row, :, target]).all()
                for rival in range(6)
            )
            assert candidate[row, target] == (valid[row, target] and not beaten)
    assert (~candidate & valid).any() and candidate.any()


ROOT = Path(__file__).resolve().parents[1]


def test_setup_compiles_the_loop_a_batch_then_loads(tmp_path: Path) -> None:
    """`make setup`'s warm-up (its recipe, run as make runs it) writes numba's cache; a batch run
    after it loads every compiled function and compiles none. numba's cache is pointed at an
    empty folder, so the warm-up must write it, and a batch that compiled would say so."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(COMPILED): ", 1)[1].splitlines()[1].strip()
    assert "rank-batch" in recipe
    env = {
        **os.environ,
        "NUMBA_CACHE_DIR": str(tmp_path / "numba"),
        "NUMBA_DEBUG_CACHE": "1",
        "PYTHONPATH": str(ROOT),
    }
    warm = subprocess.run(
        ["bash", "-c", recipe.replace("$(BIN)/python", shlex.quote(sys.executable))],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    assert warm.stderr == ""
    assert list((tmp_path / "numba").rglob("compiled.count_wins-*.nbc"))
    source = tmp_path / "personas.csv"
    source.write_text(
        "age_min,age_max,region,gender,segment\n18,34,US,,\n45,80,RU,female,b2b\n30,60,WW,,\n",
        encoding="utf-8",
    )
    batch = subprocess.run(
        [sys.executable, "-m", "smmfit", "rank-batch", str(source), "--workers", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    log = batch.stdout + batch.stderr
    assert "[cache] data saved" not in log
    loaded = [line for line in log.splitlines() if line.startswith("[cache] data loaded")]
    for function in ("count_wins", "drop_beaten", "score_bounds"):
        assert any(f"compiled.{function}-" in line for line in loaded), function
