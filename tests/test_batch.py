"""The batch: its picks against the per-region path it replaced, rows independent of the
batch, its shortcuts (bounds, early stops, per-persona random streams) on their own."""

from __future__ import annotations

import random
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smmfit.data import Evidence
from smmfit.data.distribution import FloatArray
from smmfit.models import (
    _NAME_DROPS,
    FACTORS,
    GENDERS,
    GOALS,
    OPERATING_SYSTEMS,
    SEGMENTS,
    Persona,
    clean_name,
    default_weights,
    settlements_for,
)
from smmfit.ranking import PersonaColumns, assess, rank_batch, rank_columns
from smmfit.ranking import batch as batch_module
from smmfit.ranking.batch import BATCH_DRAWS
from smmfit.ranking.compiled import settled as answer_settled
from smmfit.ranking.decision import CLOSE_CALL_SHARE
from smmfit.ranking.engine import (
    BoolArray,
    PersonaArrays,
    ScoreArrays,
    pick_index,
    score_arrays,
    scores_from_figures,
)
from smmfit.ranking.ranges import AUDIENCE, COMPONENTS, DEFAULT_MARGINS, MATCH, SEGMENT, ranges_of
from smmfit.ranking.scenarios import (
    DOUBT,
    capped_reach,
    composite_bounds,
    persona_keys,
    stable_bits,
    triangular,
)
from tests.test_scoring import personas

AS_OF = date(2026, 12, 3)
DRAWS = 200


# -- the per-region path rank_batch used before (commit 3b9d702), kept as the reference ----


def _flat(values: FloatArray | BoolArray, grid: tuple[int, int, int]) -> FloatArray:
    return np.broadcast_to(values, grid).reshape(-1, grid[2])  # type: ignore[return-value]


def scenario_scores(
    ranges: tuple[FloatArray, FloatArray, FloatArray],
    arrays: ScoreArrays,
    raw_weights: FloatArray,
    penalty: FloatArray,
    draws: int,
    rng: np.random.Generator,
    *,
    band: float,
    unknown: bool,
) -> FloatArray:
    """Scores of ``draws`` scenarios of every persona (low, mode, high shaped (components,
    personas, networks)), drawn as the previous path drew them: (draws x personas, networks)."""
    low, mode, high = ranges
    size, count = low.shape[1], low.shape[2]
    shape = (COMPONENTS, draws, size, count)
    lows, modes, highs = (np.broadcast_to(a[:, None], shape) for a in (low, mode, high))
    values = np.where(highs > lows, triangular(rng.random(shape), lows, modes, highs), modes)
    jitter = rng.uniform(1 - band, 1 + band, (draws, size, len(FACTORS)))
    unknowns = rng.uniform(0.0, 100.0, (draws * size, count)) if unknown else None
    weights = (raw_weights[None] * jitter).reshape(-1, len(FACTORS))
    grid = (draws, size, count)
    _, score = scores_from_figures(
        _flat(capped_reach(values[MATCH], values[AUDIENCE], arrays.persona_people[:, None]), grid),
        _flat(values[MATCH], grid),
        _flat(values[SEGMENT], grid),
        scored=_flat(arrays.scored[None], grid).astype(bool),
        restricted=_flat(arrays.restricted[None], grid).astype(bool),
        normalised=weights / weights.sum(axis=1, keepdims=True),
        penalty=np.broadcast_to(penalty[None], (draws, size)).reshape(-1),
        unknown=unknowns,
    )
    return score


def previous_win_shares(
    people: PersonaArrays,
    region: str,
    evidence: Evidence,
    arrays: ScoreArrays,
    raw_weights: FloatArray,
    penalty: FloatArray,
    seed: int,
) -> FloatArray:
    """One generator for the whole region, 200 draws for every persona not decided by the
    leader-against-all bound, every scored network drawn."""
    low, mode, high, _ = ranges_of(people, region, evidence, arrays, DEFAULT_MARGINS)
    n, count = arrays.match.shape
    rng = np.random.default_rng(seed)
    wins = np.zeros((n, count))
    worst, best = composite_bounds(
        low, high, arrays, raw_weights=raw_weights, penalty=penalty, band=DEFAULT_MARGINS.weight
    )
    point = pick_index(np.where(arrays.scored, arrays.score, np.nan), arrays.recommendable)
    rows = np.arange(n)
    leader = np.where(point >= 0, point, 0)
    rivals = best.copy()
    rivals[rows, :, leader] = -np.inf
    present = arrays.scored & ~np.isnan(arrays.score)
    rivals = np.where(present[:, None, :], rivals, -np.inf)
    certain = (worst[rows, :, leader] > rivals.max(axis=2)).all(axis=1) & (point >= 0)
    sure = np.where(certain, point, -1)
    wins[np.flatnonzero(sure >= 0), sure[sure >= 0]] = 1.0
    undecided = np.flatnonzero(sure < 0)
    columns = np.flatnonzero(~np.isnan(arrays.score[undecided]).all(axis=0))
    low, mode, high = (a[:, undecided][:, :, columns] for a in (low, mode, high))
    arrays = replace(
        arrays,
        scored=arrays.scored[undecided][:, columns],
        restricted=arrays.restricted[undecided][:, columns],
        recommendable=arrays.recommendable[undecided][:, columns],
    )
    raw_weights, penalty = raw_weights[undecided], penalty[undecided]
    size, count = len(undecided), len(columns)
    if not (size and count):
        return wins
    score = scenario_scores(
        (low, mode, high), arrays, raw_weights, penalty, DRAWS, rng,
        band=DEFAULT_MARGINS.weight, unknown=True,
    )  # fmt: skip
    grid = (DRAWS, size, count)
    picks = pick_index(score, _flat(arrays.recommendable[None], grid).astype(bool))
    picks = picks.reshape(DRAWS, size)
    for column in range(count):
        wins[undecided, columns[column]] = (picks == column).sum(axis=0) / DRAWS
    return wins


def previous_shares(batch: list[Persona], evidence: Evidence, seed: int = 0) -> FloatArray:
    """Each persona's share of first places by the previous path, shaped (personas, networks),
    zero where a network cannot be recommended."""
    shares = np.zeros((len(batch), len(evidence.dataset.platforms)))
    for region in sorted({p.region for p in batch}):
        rows = [i for i, p in enumerate(batch) if p.region == region]
        group = [batch[i] for i in rows]
        weights = [default_weights(p.goal) for p in group]
        people = PersonaArrays.of(group)
        arrays = score_arrays(evidence, region, people, weights, as_of=AS_OF)
        raw = np.array([[getattr(w, f) for f in FACTORS] for w in weights])
        penalty = np.array([w.restricted_penalty for w in weights])
        wins = previous_win_shares(people, region, evidence, arrays, raw, penalty, seed)
        shares[rows] = np.where(arrays.recommendable, wins, 0.0)
    return shares


def near_tie(first: float, second: float, draws: int) -> bool:
    """The leader's lead is within three standard errors of a tie at this many draws."""
    return bool(first - second < 3 * np.sqrt(max(first + second, 1 / draws) / draws))


# -- the pick against the previous path ---------------------------------------------------


def generated_personas(count: int, seed: int) -> list[Persona]:
    """Random personas over every field, as the benchmark makes them (seeded)."""
    rng = random.Random(seed)
    batch = []
    for index in range(count):
        low = rng.randint(13, 70)
        region = rng.choice(REGIONS)
        batch.append(
            Persona(
                name=f"p{index}",
                age_min=low,
                age_max=rng.randint(low, 100),
                gender=rng.choice(GENDERS),
                region=region,
                devices=tuple(rng.sample(OPERATING_SYSTEMS, rng.randint(1, 4))),
                segment=rng.choice(SEGMENTS),
                goal=rng.choice((None, *GOALS)),
                settlement=rng.choice((None, *settlements_for(region))),
            )
        )
    return batch


REGIONS = ("RU", "US", "CN", "WW", "DE", "FR", "GB", "TR", "TH", "BR", "IN", "UA", "KZ")


def test_the_pick_is_the_previous_paths_wherever_that_was_not_a_near_tie(
    evidence: Evidence,
) -> None:
    """300 generated personas: the pick equals the per-region path's, or both call it a close
    call, or one of the two answers is a near tie (its leader within three standard errors of
    its runner-up, which another random stream can reverse)."""
    batch = generated_personas(300, seed=14)
    table = rank_batch(batch, evidence, as_of=AS_OF)
    old = previous_shares(batch, evidence)
    platforms = list(evidence.dataset.platforms)
    agree = explained = 0
    for i, row in enumerate(table.to_dict("records")):
        order = np.argsort(-old[i], kind="stable")
        old_pick = platforms[order[0]] if old[i, order[0]] > 0 else None
        old_close = old_pick is not None and old[i, order[0]] < CLOSE_CALL_SHARE
        new_pick = row["pick"] if isinstance(row["pick"], str) else None
        assert (old_pick is None) == (new_pick is None), batch[i]
        if new_pick == old_pick:
            agree += old_pick is not None
            continue
        new_second = row["runner_up_probability"]
        ties = near_tie(old[i, order[0]], old[i, order[1]], DRAWS) or near_tie(
            row["pick_probability"], 0.0 if np.isnan(new_second) else new_second,
            max(int(row["scenarios"]), 1),
        )  # fmt: skip
        assert (old_close and row["close_call"]) or ties, (batch[i], row, old_pick)
        explained += 1
    # Most answers agree outright: the exceptions are the coin flips, not the rule.
    assert agree >= 3 * explained, (agree, explained)


def test_the_pick_is_the_single_personas_unless_that_is_a_tie_at_the_batchs_draws(
    evidence: Evidence,
) -> None:
    """The batch names the network the page, the deck and ``rank`` name for the same persona
    (``assess``, 10,000 scenarios), close calls included, unless that answer's leader is
    within three standard errors of its runner-up at the batch's most draws: a tie no batch
    of that size can break. It once stopped a clear close call with its leader in doubt and
    named the runner-up in about one close call in five."""
    batch = [p for p in generated_personas(400, seed=21) if p.region not in ("UA", "KZ")][:150]
    table = rank_batch(batch, evidence, as_of=AS_OF)
    unexplained = []
    for persona, row in zip(batch, table.to_dict("records"), strict=True):
        single = assess(persona, evidence, as_of=AS_OF)
        pick = single.ranking.recommendation.platform
        if pick is None or pick == row["pick"]:
            continue
        shares = sorted((w.probability for w in single.uncertainty.probabilities), reverse=True)
        if not near_tie(shares[0], shares[1], BATCH_DRAWS):
            unexplained.append((persona, pick, row["pick"], shares[:2]))
    assert not unexplained, unexplained


# -- determinism -------------------------------------------------------------------------


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a batch takes minutes
)
@given(
    batch=st.lists(personas, min_size=1, max_size=8),
    others=st.lists(personas, min_size=0, max_size=8),
    seed=st.integers(0, 2**32 - 1),
)
def test_a_personas_row_does_not_depend_on_the_rest_of_the_batch(
    evidence: Evidence, batch: list[Persona], others: list[Persona], seed: int
) -> None:
    alone = rank_batch(batch, evidence, as_of=AS_OF, draws=60, seed=seed)
    mixed = rank_batch([*others, *reversed(batch)], evidence, as_of=AS_OF, draws=60, seed=seed)
    mine = mixed.iloc[len(others) :].iloc[::-1].reset_index(drop=True)
    # Text columns are categories of the batch's own values: compare the values.
    pd.testing.assert_frame_equal(alone, mine, check_categorical=False)


def test_the_seed_changes_the_scenarios(evidence: Evidence) -> None:
    batch = [Persona(region="US", age_min=18 + i, age_max=60, name=str(i)) for i in range(20)]
    first = rank_batch(batch, evidence, as_of=AS_OF, draws=60, seed=1)
    again = rank_batch(batch, evidence, as_of=AS_OF, draws=60, seed=1)
    other = rank_batch(batch, evidence, as_of=AS_OF, draws=60, seed=2)
    pd.testing.assert_frame_equal(first, again)
    drawn = first["scenarios"] > 0
    assert drawn.any()
    assert not first.loc[drawn, "pick_probability"].equals(other.loc[drawn, "pick_probability"])


def test_columns_and_models_give_the_same_table(evidence: Evidence) -> None:
    batch = [
        Persona(region="RU", age_min=25, age_max=44, gender="female", goal="sales", name="a"),
        Persona(region="US", age_min=18, age_max=24, devices=("ios",), settlement="rural"),
        Persona(region="KZ", age_min=30, age_max=50, segment="b2b", name="=1+1"),
    ]
    columns = PersonaColumns.concat([PersonaColumns.of(batch[:1]), PersonaColumns.of(batch[1:])])
    by_columns = rank_columns(columns, evidence, as_of=AS_OF)
    pd.testing.assert_frame_equal(by_columns, rank_batch(batch, evidence, as_of=AS_OF))
    assert list(by_columns["settlement"].astype(object).fillna("")) == ["", "rural", ""]
    assert list(by_columns["name"]) == ["a", "", "=1+1"]


@pytest.mark.parametrize("group", [1, 4, 2_500])
def test_a_regions_personas_in_groups_of_any_size_give_the_same_table(
    evidence: Evidence, monkeypatch: pytest.MonkeyPatch, group: int
) -> None:
    """A region's personas are ranked a group at a time (batch._GROUP_ROWS): the table does not
    depend on the groups' size."""
    batch = generated_personas(40, seed=9)
    whole = rank_batch(batch, evidence, as_of=AS_OF)
    monkeypatch.setattr(batch_module, "_GROUP_ROWS", group)
    pd.testing.assert_frame_equal(rank_batch(batch, evidence, as_of=AS_OF), whole)
    assert whole["pick"].notna().sum() > 30


def test_an_empty_batch_gives_an_empty_table(evidence: Evidence) -> None:
    table = rank_batch([], evidence, as_of=AS_OF)
    assert table.empty and {"pick", "scenarios", "score_vk"} <= set(table.columns)


# -- the shortcuts -------------------------------------------------------------------------


def test_random_numbers_depend_on_key_draw_and_slot_alone() -> None:
    keys = persona_keys(np.array([[1, 2, 3], [4, 5, 6], [1, 2, 3]]), seed=0)
    assert keys[0] == keys[2] != keys[1]
    bits = stable_bits(keys, 0, 10, np.arange(6), 6)
    assert (bits[:, 0] == bits[:, 2]).all() and (bits[:, 0] != bits[:, 1]).all()
    # Another draw window, another key order, a subset of the slots: the same numbers.
    later = stable_bits(keys[::-1], 4, 10, np.array([[5, 1], [5, 1], [5, 1]]), 6)
    assert (later[:, 2] == bits[4:, 0][:, [5, 1]]).all()
    assert persona_keys(np.array([[1, 2, 3]]), seed=1)[0] != keys[0]
    uniform = (bits >> np.uint64(11)).astype(np.float64) * 2.0**-53
    assert 0.4 < uniform.mean() < 0.6


@pytest.mark.parametrize(
    ("counts", "draws", "settled"),
    [
        ([16, 0, 0], 16, True),  # one network first every time: clear on both counts
        ([9, 7, 0], 16, False),  # leader in doubt, share 0.56 near the close-call line
        ([3, 3, 3, 3, 2, 2], 16, False),  # clearly a close call, but which leads is in doubt
        ([40, 10, 10, 10, 10, 10, 10], 100, True),  # a close call with a clear leader
        ([10, 6, 0], 16, False),  # share 0.62: whether it is a close call is in doubt
        ([120, 8, 0], 128, True),
        ([70, 58, 0], 128, False),
    ],
)  # fmt: skip
def test_a_persona_stops_drawing_once_its_answer_is_beyond_doubt(
    counts: list[int], draws: int, settled: bool
) -> None:
    assert answer_settled(np.array(counts, dtype=float), draws, DOUBT, CLOSE_CALL_SHARE) is settled


def test_bounds_hold_every_scenario(evidence: Evidence) -> None:
    """Every drawn scenario's score lies within the bounds the shortcuts rely on."""
    batch = [
        Persona(region=r, age_min=a, age_max=a + 20)
        for r in ("US", "RU", "WW")
        for a in (13, 30, 50)
    ]
    people = PersonaArrays.of(batch[:3])
    weights = [default_weights(None)] * 3
    arrays = score_arrays(evidence, "US", people, weights, as_of=AS_OF)
    low, mode, high, _ = ranges_of(people, "US", evidence, arrays, DEFAULT_MARGINS)
    raw = np.array([[getattr(w, f) for f in FACTORS] for w in weights])
    penalty = np.array([w.restricted_penalty for w in weights])
    worst, best = composite_bounds(low, high, arrays, raw_weights=raw, penalty=penalty, band=0.25)
    rng = np.random.default_rng(0)
    grid = (500, 3, low.shape[2])
    score = scenario_scores(
        (low, mode, high), arrays, raw, penalty, 500, rng, band=0.25, unknown=False
    ).reshape(grid)
    known = ~np.isnan(score)
    assert known.any()
    lowest = np.broadcast_to(worst.min(axis=1)[None], grid)
    highest = np.broadcast_to(best.max(axis=1)[None], grid)
    assert (score[known] >= lowest[known] - 1e-9).all()
    assert (score[known] <= highest[known] + 1e-9).all()


def test_a_network_beaten_in_every_scenario_is_never_the_pick(evidence: Evidence) -> None:
    """Where the bounds leave one network, the persona is decided without drawing."""
    batch = [
        Persona(region="RU", age_min=a, age_max=b) for a in (13, 25, 45, 60) for b in (70, 100)
    ]
    table = rank_batch(batch, evidence, as_of=AS_OF)
    sure = table[table["scenarios"] == 0]
    assert (sure["pick_probability"].dropna() == 1.0).all()
    assert set(table["scenarios"]) <= {0, 16, 32, 64, 128, DRAWS}


# -- reading a batch a column at a time ----------------------------------------------------


@given(st.text(max_size=30))
def test_a_clean_name_passes_unchanged_as_the_full_cleaning_leaves_it(text: str) -> None:
    """clean_name returns a printable, single-spaced name as it is: the full cleaning (drop
    controls and bidi marks, collapse whitespace) would leave it unchanged too."""
    full = " ".join(text.translate(_NAME_DROPS).split())
    assert clean_name(text) == full


@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(["", "20", "013", " 25", "+30", "30.0", "12", "101", "x"]),
            st.sampled_from(["", "65", "40", "100"]),
            st.sampled_from(["", "female", "male", "any", "Female"]),
            st.sampled_from(["", "RU", "us", "Russia", "WW", "XX", " de "]),
            st.sampled_from(["", "ios", "mobile", "tv", "ios;windows", ";"]),
            st.sampled_from(["", "b2b", "b2c", "B2B"]),
            st.sampled_from(["", "sales", "none"]),
            st.sampled_from(["", "rest", "URBAN", " ", "village"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_row_the_column_check_vouches_for_is_what_the_model_makes_of_it(
    cells: list[tuple[str, ...]],
) -> None:
    """Every row the quick check does not flag is valid, with the model's values; every row
    the model refuses is flagged (the reader then asks the model, which names the problem)."""
    fields = ("age_min", "age_max", "gender", "region", "devices", "segment", "goal",
              "settlement")  # fmt: skip
    columns, flagged = PersonaColumns.of_cells(
        {name: [row[i] for row in cells] for i, name in enumerate(fields)}, len(cells)
    )
    for index, row in enumerate(cells):
        try:
            persona = Persona.model_validate({k: v for k, v in zip(fields, row, strict=True) if v})
        except ValidationError:
            assert flagged[index], row
            continue
        if not flagged[index]:
            one = PersonaColumns.of([persona])
            mine = columns.rows(slice(index, index + 1))
            for field in dataclass_fields(PersonaColumns):
                name = field.name
                assert (getattr(one, name) == getattr(mine, name)).all(), (name, row)
