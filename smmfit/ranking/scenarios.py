"""Plausible scenarios: every figure drawn within its range, scored by the ranking's engine.

:class:`Scenarios` draws one persona's scenarios (and moves single figures for the flip
search); :func:`win_shares` does the same for many personas at once, for the batch. Both
count how often each network comes out first, which the decision rule reads
(:mod:`smmfit.ranking.decision`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from pydantic import Field

from smmfit.data import Evidence
from smmfit.data.distribution import FloatArray, IntArray
from smmfit.models import FACTORS, Note
from smmfit.ranking.decision import CLOSE_CALL_SHARE
from smmfit.ranking.engine import (
    UNKNOWN_FACTOR_SCORE,
    BoolArray,
    PersonaArrays,
    ScoreArrays,
    pick_index,
    scores_from_figures,
)
from smmfit.ranking.ranges import (
    AUDIENCE,
    COMPONENTS,
    DEFAULT_MARGINS,
    MATCH,
    SEGMENT,
    Figures,
    Margins,
    ranges_of,
)
from smmfit.types import Frozen


class WinProbability(Frozen):
    """How often a network comes out first, and its score's spread over the scenarios."""

    platform: str
    probability: float = Field(ge=0, le=1)
    score_low: float | None = Field(description="5th percentile of the score")
    score: float | None = Field(default=None, description="median score: the centre shown")
    score_high: float | None = Field(description="95th percentile of the score")


class Confidence(Frozen):
    """How often the pick comes out first, and which network does most often otherwise."""

    platform: str
    probability: float = Field(ge=0, le=1)
    challenger: str | None
    challenger_probability: float | None = Field(default=None, ge=0, le=1)
    notes: tuple[Note, ...]


def triangular(
    uniform: FloatArray, low: FloatArray, mode: FloatArray, high: FloatArray
) -> FloatArray:
    """Inverse distribution function of the triangular distribution, vectorised.

    Most plausible at the chosen figure, falling to nothing at the ends of its range: the
    ends are bounds (all unassigned people inside the persona, the most distant source), not
    likely values. A range of zero width gives the figure itself.
    """
    width = high - low
    left, right = mode - low, high - mode
    with np.errstate(invalid="ignore", divide="ignore"):
        rising = uniform < np.where(width > 0, left / width, 0.0)
    # Each side chosen by multiplying by 1 and adding the other times 0: the same number as
    # a select (x * 1 + finite * 0 is x), and several times faster than np.where on a mask
    # that changes from one element to the next. Both sides are finite where the figures
    # are, and NaN together where they are not.
    take = rising.astype(np.float64)
    leave = 1.0 - take
    root = np.sqrt((uniform * left * take + (1 - uniform) * right * leave) * width)
    return np.asarray((low + root) * take + (high - root) * leave, dtype=np.float64)


def capped_reach(
    match: FloatArray, audience: FloatArray, ceiling: FloatArray | float
) -> FloatArray:
    """Reach in a scenario: match share x audience, drawn independently, but never more people
    than the persona's cells hold (``ceiling``; NaN: no population, no cap). Without the cap a
    network whose figures have wide ranges reached, in some scenarios, more people than exist
    and won them for that alone.

    >>> capped_reach(np.array([0.5, 0.5, np.nan]), np.array([10.0, 40.0, 1.0]), 15.0).tolist()
    [5.0, 15.0, nan]
    """
    reach = match * audience
    # A comparison with NaN is false: an unknown reach stays unknown, a missing ceiling caps none.
    return np.asarray(np.where(reach > ceiling, ceiling, reach), dtype=np.float64)


@dataclass(frozen=True)
class Scenarios:
    """One persona's figures, weights and statuses; scores rows of them with the engine.

    A row is a scenario: a match share, audience and segment value per network, weights, and
    the score a factor takes where it is unknown (drawn across its 0-100 range, one draw per
    network and scenario for all of its unknown factors).
    """

    figures: Figures
    raw_weights: FloatArray  # FACTORS order, as the user gave them
    scored: BoolArray
    restricted: BoolArray
    recommendable: BoolArray
    penalty: float
    band: float
    platforms: tuple[str, ...]
    segment: str
    ceiling: float = np.nan  # everyone in the persona's cells: no network reaches more

    def scores(
        self,
        match: FloatArray,
        audience: FloatArray,
        segment: FloatArray,
        weights: FloatArray,
        unknown: FloatArray | None = None,
    ) -> FloatArray:
        normalised = weights / weights.sum(axis=1, keepdims=True)
        _, score = scores_from_figures(
            capped_reach(match, audience, self.ceiling),
            match,
            segment,
            scored=np.broadcast_to(self.scored, match.shape),
            restricted=self.restricted,
            normalised=normalised,
            penalty=np.full(len(match), self.penalty),
            unknown=unknown,
        )
        return score

    def picks(
        self, match: FloatArray, audience: FloatArray, segment: FloatArray, weights: FloatArray
    ) -> IntArray:
        return pick_index(self.scores(match, audience, segment, weights), self.recommendable)

    @property
    def base(self) -> FloatArray:
        """The chosen figures: match share, audience, segment value, shaped (3, platforms)."""
        mode = self.figures.mode
        return np.stack([mode[MATCH], mode[AUDIENCE], mode[SEGMENT]])

    def simulate(self, draws: int, seed: int) -> FloatArray:
        """Scores of ``draws`` scenarios, shaped (draws, platforms)."""
        figures = self.figures
        rng = np.random.default_rng(seed)
        values = np.empty((COMPONENTS, draws, len(self.platforms)))
        values[:] = figures.mode[:, None, :]
        # Only figures with a range are drawn; most are exact, and drawing is the costly part.
        component, column = np.nonzero(figures.high - figures.low > 0)
        uniform = rng.random((len(component), draws))
        values[component, :, column] = triangular(
            uniform,
            figures.low[component, column][:, None],
            figures.mode[component, column][:, None],
            figures.high[component, column][:, None],
        )
        jitter = rng.uniform(1 - self.band, 1 + self.band, (draws, len(FACTORS)))
        unknown = rng.uniform(0.0, 100.0, (draws, len(self.platforms)))
        match = values[MATCH]
        return self.scores(
            match, values[AUDIENCE], values[SEGMENT], self.raw_weights * jitter, unknown
        )


def count_wins(score: FloatArray, model: Scenarios) -> tuple[WinProbability, ...]:
    picks = pick_index(score, model.recommendable)
    counts = np.bincount(picks[picks >= 0], minlength=len(model.platforms))
    finite = ~np.isnan(score).any(axis=0)
    spread = np.full((3, len(model.platforms)), np.nan)
    if finite.any():
        spread[:, finite] = np.percentile(score[:, finite], [5, 95, 50], axis=0)
    return tuple(
        WinProbability(
            platform=platform,
            probability=round(float(counts[j]) / len(score), 4),
            score_low=None if np.isnan(spread[0, j]) else round(float(spread[0, j]), 2),
            score=None if np.isnan(spread[2, j]) else round(float(spread[2, j]), 2),
            score_high=None if np.isnan(spread[1, j]) else round(float(spread[1, j]), 2),
        )
        for j, platform in enumerate(model.platforms)
    )


def confidence_of(pick: str, probabilities: tuple[WinProbability, ...]) -> Confidence:
    mine = next(p for p in probabilities if p.platform == pick)
    others = sorted(
        (p for p in probabilities if p.platform != pick and p.probability > 0),
        key=lambda p: -p.probability,
    )
    notes = [
        Note(key="uncertainty.confidence", params={"platform": pick, "share": mine.probability})
    ]
    challenger = others[0] if others else None
    if challenger is None:
        notes.append(Note(key="uncertainty.no_challenger"))
    else:
        notes.append(
            Note(
                key="uncertainty.challenger",
                params={"runner": challenger.platform, "share": challenger.probability},
            )
        )
    return Confidence(
        platform=pick,
        probability=mine.probability,
        challenger=challenger.platform if challenger else None,
        challenger_probability=challenger.probability if challenger else None,
        notes=tuple(notes),
    )


UIntArray = npt.NDArray[np.uint64]

# splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
# a counter run through this mix gives independent-looking 64-bit numbers.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)


def mix64(values: UIntArray) -> UIntArray:
    """The splitmix64 finaliser, element by element: equal inputs give equal outputs."""
    x = (values ^ (values >> np.uint64(30))) * _MIX_1
    x = (x ^ (x >> np.uint64(27))) * _MIX_2
    return np.asarray(x ^ (x >> np.uint64(31)), dtype=np.uint64)


def persona_keys(columns: IntArray, seed: int) -> UIntArray:
    """One 64-bit key per row of integer ``columns`` (personas x fields) and the seed."""
    key = np.full(len(columns), np.uint64(seed)) * _GOLDEN
    for field in np.asarray(columns, dtype=np.int64).astype(np.uint64).T:
        key = mix64(key ^ (field + _GOLDEN))
    return key


def stable_bits(keys: UIntArray, first: int, stop: int, slots: IntArray, width: int) -> UIntArray:
    """Random 64-bit numbers shaped (draws ``first``..``stop``, keys, slots).

    Each number is a function of its persona's key, the draw's number and the slot (which
    figure of which network) alone: a persona's scenarios do not depend on which other
    personas share the batch, nor on which of its networks are drawn. ``slots`` is shaped
    (slots,) or (keys, slots); a slot is below ``width``.
    """
    slot = np.asarray(slots, dtype=np.int64).astype(np.uint64)
    draw = np.arange(first, stop, dtype=np.uint64)[:, None, None]
    counter = draw * np.uint64(width) + (slot[None, None, :] if slot.ndim == 1 else slot[None])
    return mix64(keys[None, :, None] + (counter + np.uint64(1)) * _GOLDEN)


def unit(bits: UIntArray, half: int) -> FloatArray:
    """Uniforms in [0, 1) from the high (``half`` 0) or low (1) 32 bits of each number: one
    number gives two independent uniforms."""
    part = bits >> np.uint64(32) if half == 0 else bits & np.uint64(0xFFFFFFFF)
    return np.asarray(part.astype(np.float64) * 2.0**-32, dtype=np.float64)


# A persona stops drawing after one of these scenario counts once its answer is beyond doubt
# (see _settled); the others go on to all the draws asked for.
STAGES = (16, 32, 64, 128)
# How many standard errors an answer must stand clear of a tie, and of the close-call share.
DOUBT = 2.5


def win_shares(
    people: PersonaArrays,
    region: str,
    evidence: Evidence,
    arrays: ScoreArrays,
    *,
    raw_weights: FloatArray,
    penalty: FloatArray,
    keys: UIntArray,
    draws: int,
    margins: Margins = DEFAULT_MARGINS,
) -> tuple[FloatArray, IntArray]:
    """How often each network comes out first for each persona, shaped (personas, networks),
    and how many scenarios each persona's shares come from.

    The batch form of :meth:`Scenarios.simulate` and :func:`count_wins`: the same ranges
    (:func:`ranges_of`), the same draws (triangular within each range, weights jittered in
    the band), the same engine and pick rule, for many personas at once. Each persona draws
    from its own stream (``keys``, :func:`stable_uniforms`), so its row does not depend on
    the batch. Three shortcuts leave the answer as it is:

    - a network that some other network beats in every plausible scenario (its lowest score
      above this one's highest, :func:`composite_bounds`) is never first: it is not scored,
      and drawn only if it could hold a factor's best figure (which scales the others);
    - a persona left with one such network gets it as a sure winner, without drawing;
    - a persona stops after a stage of :data:`STAGES` once its pick and whether it is a
      close call stand ``DOUBT`` standard errors clear
      (:func:`~smmfit.ranking.compiled.settled`).
    """
    # Compiled, and imported here: one persona's page never loads the compiler.
    from smmfit.ranking.compiled import count_wins, drop_beaten

    low, mode, high, _ = ranges_of(people, region, evidence, arrays, margins)
    n, count = arrays.match.shape
    present = np.asarray(arrays.scored & ~np.isnan(arrays.score), dtype=bool)
    valid = present & arrays.recommendable
    worst, best = composite_bounds(
        low, high, arrays, raw_weights=raw_weights, penalty=penalty, band=margins.weight
    )
    candidate = valid.copy()
    # Only a valid network can beat another, and only a valid one needs beating: the rest
    # (most of the networks, in any one region) are left out of the comparison.
    live = np.flatnonzero(valid.any(axis=0))
    drop_beaten(worst, best, valid, live.astype(np.int64), candidate)
    # Networks that could hold a factor's best figure in some scenario scale every score.
    kept = candidate.copy()
    ceiling = arrays.persona_people[:, None]
    for factor_low, factor_high in (
        (
            capped_reach(low[MATCH], low[AUDIENCE], ceiling),
            capped_reach(high[MATCH], high[AUDIENCE], ceiling),
        ),
        (low[MATCH], high[MATCH]),
        (low[SEGMENT], high[SEGMENT]),
    ):
        known = present & ~np.isnan(factor_low)
        floor = np.max(np.where(known, factor_low, -np.inf), axis=1, keepdims=True)
        kept |= known & (factor_high >= floor)
    wins = np.zeros((n, count))
    used = np.zeros(n, dtype=np.int64)
    rows = np.arange(n)
    single = candidate.sum(axis=1) == 1
    sole = np.argmax(candidate, axis=1)
    # The sole candidate wins every scenario only if its score cannot fall to 0 (no pick).
    sure = single & (worst[rows, :, sole].min(axis=1) > 0)
    wins[rows[sure], sole[sure]] = 1.0
    active = np.flatnonzero(~sure & candidate.any(axis=1))
    count_wins(
        active.astype(np.int64), keys, np.stack([low, mode, high]), kept, candidate,
        np.ascontiguousarray(arrays.scored, dtype=bool),
        np.ascontiguousarray(arrays.restricted, dtype=bool),
        np.ascontiguousarray(raw_weights, dtype=np.float64),
        np.ascontiguousarray(penalty, dtype=np.float64), float(margins.weight),
        np.array([s for s in STAGES if s < draws] + [draws], dtype=np.int64),
        UNKNOWN_FACTOR_SCORE, DOUBT, CLOSE_CALL_SHARE, wins, used,
        np.ascontiguousarray(arrays.persona_people, dtype=np.float64),
    )  # fmt: skip
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(used[:, None] > 0, wins / np.maximum(used, 1)[:, None], wins)
    return shares, used


def composite_bounds(
    low: FloatArray,
    high: FloatArray,
    arrays: ScoreArrays,
    *,
    raw_weights: FloatArray,
    penalty: FloatArray,
    band: float,
) -> tuple[FloatArray, FloatArray]:
    """Each network's lowest and highest score over the plausible scenarios, at each corner of
    the weight band, shaped (personas, corners, networks).

    Bounds, never guesses: the lowest takes a network's figures at their lows and the best
    network's at its highs, for each factor (scores are relative to the best network); the
    highest the other way round. An unknown factor may be anything from 0 to 100. Scores are
    linear in the raw weights for fixed figures, so one network beating another at every
    corner beats it everywhere in the band.
    """
    corners = np.array(np.meshgrid(*[[1 - band, 1 + band]] * len(FACTORS))).reshape(
        len(FACTORS), -1
    )
    # Compiled, one persona after another (the same bits as the numpy form it replaced, kept
    # in tests/test_compiled.py): several times faster than the array operations.
    from smmfit.ranking.compiled import score_bounds

    worst, best = score_bounds(
        np.ascontiguousarray(low, dtype=np.float64),
        np.ascontiguousarray(high, dtype=np.float64),
        np.ascontiguousarray(arrays.scored, dtype=bool),
        np.ascontiguousarray(arrays.restricted, dtype=bool),
        np.ascontiguousarray(arrays.persona_people, dtype=np.float64),
        np.ascontiguousarray(raw_weights, dtype=np.float64),
        np.ascontiguousarray(penalty, dtype=np.float64),
        corners,
    )
    return worst, best
