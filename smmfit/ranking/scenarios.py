"""Plausible scenarios: every figure drawn within its range, scored by the ranking's engine.

:class:`Scenarios` draws one persona's scenarios (and moves single figures for the flip
search); :func:`win_shares` does the same for many personas at once, for the batch. Both
count how often each network comes out first, which the decision rule reads
(:mod:`smmfit.ranking.decision`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np
from pydantic import Field

from smmfit.data import Evidence
from smmfit.data.distribution import FloatArray, IntArray
from smmfit.models import FACTORS, Note
from smmfit.ranking.engine import (
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
    EPSILON,
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
    root = np.sqrt(np.where(rising, uniform * left, (1 - uniform) * right) * width)
    return np.asarray(np.where(rising, low + root, high - root), dtype=np.float64)


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
            audience * match,
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


_Array = TypeVar("_Array", FloatArray, BoolArray)


def _flat(values: _Array, grid: tuple[int, int, int]) -> _Array:
    """(draws, personas, networks) as rows of (draws x personas, networks)."""
    return np.broadcast_to(values, grid).reshape(-1, grid[2])


# Personas simulated together in a batch: bounds the memory of one pass (draws x chunk x
# networks x 3 figures).
_BATCH_CHUNK = 2_000


def win_shares(
    people: PersonaArrays,
    region: str,
    evidence: Evidence,
    arrays: ScoreArrays,
    *,
    raw_weights: FloatArray,
    penalty: FloatArray,
    draws: int,
    seed: int,
    margins: Margins = DEFAULT_MARGINS,
) -> FloatArray:
    """How often each network comes out first for each persona, shaped (personas, networks).

    The batch form of :meth:`Scenarios.simulate` and :func:`count_wins`: the same ranges
    (:func:`ranges_of`), the same draws (triangular within each range, weights jittered in
    the band), the same engine and pick rule, for many personas at once.
    """
    low, mode, high, _ = ranges_of(people, region, evidence, arrays, margins)
    n, count = arrays.match.shape
    rng = np.random.default_rng(seed)
    wins = np.zeros((n, count))
    # A persona whose leader wins even in its worst scenario against every other network's
    # best is decided without drawing: every draw would give the same pick.
    sure = _sure_winner(
        low, high, arrays, raw_weights=raw_weights, penalty=penalty, band=margins.weight
    )
    wins[np.flatnonzero(sure >= 0), sure[sure >= 0]] = 1.0
    undecided = np.flatnonzero(sure < 0)
    # Networks no persona here has a score for never come out first: leave them out.
    columns = np.flatnonzero(~np.isnan(arrays.score[undecided]).all(axis=0))
    low, mode, high = (a[:, undecided][:, :, columns] for a in (low, mode, high))
    arrays = replace(
        arrays,
        scored=arrays.scored[undecided][:, columns],
        restricted=arrays.restricted[undecided][:, columns],
        recommendable=arrays.recommendable[undecided][:, columns],
    )
    raw_weights, penalty = raw_weights[undecided], penalty[undecided]
    n, count = len(undecided), len(columns)
    shares = np.zeros((n, count))
    for start in range(0, n if count else 0, _BATCH_CHUNK):
        rows = slice(start, min(n, start + _BATCH_CHUNK))
        size = rows.stop - rows.start
        lo, mo, hi = (a[:, None, rows, :] for a in (low, mode, high))
        shape = (COMPONENTS, draws, size, count)
        lows, modes, highs = (np.broadcast_to(a, shape) for a in (lo, mo, hi))
        drawn = triangular(rng.random(shape), lows, modes, highs)
        values = np.where(highs > lows, drawn, modes)
        jitter = rng.uniform(1 - margins.weight, 1 + margins.weight, (draws, size, len(FACTORS)))
        unknown = rng.uniform(0.0, 100.0, (draws * size, count))
        weights = (raw_weights[rows][None] * jitter).reshape(-1, len(FACTORS))
        grid = (draws, size, count)
        _, score = scores_from_figures(
            _flat(values[AUDIENCE] * values[MATCH], grid),
            _flat(values[MATCH], grid),
            _flat(values[SEGMENT], grid),
            scored=_flat(arrays.scored[rows][None], grid),
            restricted=_flat(arrays.restricted[rows][None], grid),
            normalised=weights / weights.sum(axis=1, keepdims=True),
            penalty=np.broadcast_to(penalty[rows][None], (draws, size)).reshape(-1),
            unknown=unknown,
        )
        picks = pick_index(score, _flat(arrays.recommendable[rows][None], grid))
        picks = picks.reshape(draws, size)
        for column in range(count):
            shares[rows, column] = (picks == column).sum(axis=0) / draws
    wins[np.ix_(undecided, columns)] = shares
    return wins


def _sure_winner(
    low: FloatArray,
    high: FloatArray,
    arrays: ScoreArrays,
    *,
    raw_weights: FloatArray,
    penalty: FloatArray,
    band: float,
) -> IntArray:
    """Per persona the network that comes out first in every plausible scenario, else -1.

    A sufficient test, never a guess: the leader's lowest composite (its figures at their
    lows, every other network at its highs, for each corner of the weight band) must beat
    every other network's highest. Factor scores are relative to the best network, so their
    bounds use the best network's high (for the low) and low (for the high).
    """
    n = arrays.match.shape[0]
    reach_low, reach_high = low[MATCH] * low[AUDIENCE], high[MATCH] * high[AUDIENCE]
    bounds = [(reach_low, reach_high), (low[MATCH], high[MATCH]), (low[SEGMENT], high[SEGMENT])]
    scored = np.asarray(arrays.scored)
    lows, highs, known = [], [], []
    for factor_low, factor_high in bounds:
        f_low = np.where(scored, factor_low, np.nan)
        f_high = np.where(scored, factor_high, np.nan)
        known.append((~np.isnan(f_low)).any(axis=1))
        with np.errstate(invalid="ignore", divide="ignore", all="ignore"):
            best_high = np.nanmax(np.where(np.isnan(f_high), -np.inf, f_high), axis=1)[:, None]
            best_low = np.nanmax(np.where(np.isnan(f_low), -np.inf, f_low), axis=1)[:, None]
            # An unknown factor may be anything in its range (the scenarios draw it).
            lows.append(np.where(np.isnan(f_low), 0.0, np.nan_to_num(f_low / best_high * 100)))
            highs.append(
                np.where(np.isnan(f_high), 100.0, np.minimum(100.0, f_high / best_low * 100))
            )
    corners = np.array(np.meshgrid(*[[1 - band, 1 + band]] * len(FACTORS))).reshape(
        len(FACTORS), -1
    )
    weights = raw_weights[:, :, None] * corners[None] * np.stack(known, axis=1)[:, :, None]
    weights = weights / np.maximum(weights.sum(axis=1, keepdims=True), EPSILON)  # (n, f, v)
    factor = np.where(arrays.restricted, penalty[:, None], 1.0)
    worst = np.einsum("nfv,fnp->nvp", weights, np.stack(lows)) * factor[:, None, :]
    best = np.einsum("nfv,fnp->nvp", weights, np.stack(highs)) * factor[:, None, :]
    point = pick_index(np.where(scored, arrays.score, np.nan), arrays.recommendable)
    rows = np.arange(n)
    leader = np.where(point >= 0, point, 0)
    rivals = best.copy()
    rivals[rows, :, leader] = -np.inf
    rivals = np.where(scored[:, None, :] & ~np.isnan(arrays.score)[:, None, :], rivals, -np.inf)
    certain = (worst[rows, :, leader] > rivals.max(axis=2)).all(axis=1) & (point >= 0)
    return np.where(certain, point, -1).astype(np.int64)
