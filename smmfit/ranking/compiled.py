"""The batch's scenario loop, compiled: :func:`~smmfit.ranking.scenarios.win_shares`' draws
for one persona after another.

:func:`count_wins` draws each persona's scenarios in stages, counts how often each network
comes out first and stops once the answer is beyond doubt (:func:`settled`). Each draw is the
engine's (:func:`~smmfit.ranking.engine.scores_from_figures`, :func:`~smmfit.ranking.engine.
pick_index`) on the figures :func:`~smmfit.ranking.scenarios.triangular` draws from the
persona's own random numbers (:func:`~smmfit.ranking.scenarios.stable_bits`), in scalar
operations in the order numpy's elementwise ones ran in (no fused multiply-add, no
reassociation: numba's default without ``fastmath``), so the bits are the same:
tests/test_compiled.py holds it to the engine, and every byte of rank-batch's output was
unchanged on a million rows against the numpy loop it replaced. :func:`score_bounds` is
:func:`~smmfit.ranking.scenarios.composite_bounds`' work, which :func:`drop_beaten`'s shortcut
reads.

Compiled on first use and cached beside this file (numba's ``cache=True``); a worker that
finds the cache loads it in a fraction of a second. Only the batch imports this module: one
persona's page never loads the compiler.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from numba import njit

from smmfit.data.distribution import FloatArray, IntArray
from smmfit.ranking.engine import BoolArray
from smmfit.ranking.ranges import EPSILON

# The constants of scenarios.mix64 and stable_bits (splitmix64), as numba folds them.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_LOW_HALF = np.uint64(0xFFFFFFFF)
_ONE = np.uint64(1)
_SHIFT_30 = np.uint64(30)
_SHIFT_27 = np.uint64(27)
_SHIFT_31 = np.uint64(31)
_SHIFT_32 = np.uint64(32)
_TO_UNIT = 2.0**-32

MATCH, AUDIENCE, SEGMENT = 0, 1, 2
FACTOR_COUNT = 3


@njit(cache=True, nogil=True, error_model="numpy")
def _bits(key: np.uint64, base: np.uint64, slot: int) -> np.uint64:
    """scenarios.stable_bits for one number: base is the draw times the width."""
    counter = base + np.uint64(slot) + _ONE
    x = key + counter * _GOLDEN
    x = (x ^ (x >> _SHIFT_30)) * _MIX_1
    x = (x ^ (x >> _SHIFT_27)) * _MIX_2
    return x ^ (x >> _SHIFT_31)


@njit(cache=True, nogil=True, error_model="numpy")
def _high(bits: np.uint64) -> float:
    return float(bits >> _SHIFT_32) * _TO_UNIT


@njit(cache=True, nogil=True, error_model="numpy")
def _low(bits: np.uint64) -> float:
    return float(bits & _LOW_HALF) * _TO_UNIT


@njit(cache=True, nogil=True, error_model="numpy")
def settled(wins: FloatArray, draws: int, doubt: float, close_call: float) -> bool:
    """Whether a row's answer more draws would not change: whether it is a close call (the
    leader's share ``doubt`` standard errors from ``close_call``) and the pick (the leader
    ``doubt`` standard errors ahead of the runner-up), in a close call too: stopping there
    with the leader in doubt named the runner-up in about one close call in five, against
    the page, the deck and ``rank`` for the same persona."""
    lead, runner = -np.inf, -np.inf
    for value in wins:
        if value > lead:
            lead, runner = value, lead
        elif value > runner:
            runner = value
    if len(wins) < 2:
        runner = 0.0
    clear_lead = lead - runner >= doubt * np.sqrt(max(lead + runner, 1.0))
    error = np.sqrt(close_call * (1 - close_call) / draws)
    clear_side: bool = abs(lead / draws - close_call) >= doubt * error
    return clear_side and bool(clear_lead)


# One loop over arrays, as numba compiles it: no objects to group the arguments in, and the
# draw's steps inline (a call per figure would cost more than the figure).
@njit(cache=True, nogil=True, error_model="numpy")
def count_wins(  # noqa: PLR0917, PLR0915
    rows: IntArray,
    keys: npt.NDArray[np.uint64],
    figures: FloatArray,
    kept: BoolArray,
    candidate: BoolArray,
    scored: BoolArray,
    restricted: BoolArray,
    raw_weights: FloatArray,
    penalty: FloatArray,
    band: float,
    stops: IntArray,
    unknown_score: float,
    doubt: float,
    close_call: float,
    wins: FloatArray,
    used: IntArray,
    ceiling: FloatArray,
) -> None:
    """Each persona of ``rows`` drawn stage by stage up to ``stops``: wins and scenarios used
    written into ``wins`` (personas, networks) and ``used``.

    ``figures`` holds low, mode and high shaped (3, components, personas, networks);
    ``ceiling`` everyone in each persona's cells (NaN: no cap), as ``scenarios.capped_reach``.
    """
    count = kept.shape[1]
    width = np.uint64(3 * count + FACTOR_COUNT)
    draws = stops[-1]
    columns = np.empty(count, dtype=np.int64)
    # Each kept network's figures and the parts of triangular() that do not change from one
    # draw to the next (the same operations, done once).
    low = np.empty((3, count))
    mode = np.empty((3, count))
    high = np.empty((3, count))
    left = np.empty((3, count))
    right = np.empty((3, count))
    span = np.empty((3, count))
    threshold = np.empty((3, count))
    ranged = np.empty((3, count), dtype=np.bool_)
    usable = np.empty(count, dtype=np.bool_)  # scored
    pickable = np.empty(count, dtype=np.bool_)
    fined = np.empty(count, dtype=np.bool_)
    values = np.empty((FACTOR_COUNT, count))
    relative = np.empty((FACTOR_COUNT, count))
    weights = np.empty(FACTOR_COUNT)
    effective = np.empty(FACTOR_COUNT)
    drawn = np.empty(3)
    for row in rows:
        size = 0
        for j in range(count):
            if kept[row, j]:
                columns[size] = j
                usable[size] = scored[row, j]
                pickable[size] = candidate[row, j]
                fined[size] = restricted[row, j]
                for c in range(3):
                    lo, mo, hi = figures[0, c, row, j], figures[1, c, row, j], figures[2, c, row, j]
                    low[c, size], mode[c, size], high[c, size] = lo, mo, hi
                    ranged[c, size] = hi > lo
                    span[c, size] = hi - lo
                    left[c, size], right[c, size] = mo - lo, hi - mo
                    threshold[c, size] = left[c, size] / span[c, size] if span[c, size] > 0 else 0.0
                size += 1
        key = keys[row]
        raw = raw_weights[row]
        fine = penalty[row]
        first = 0
        for stop in stops:
            for draw in range(first, stop):
                base = np.uint64(draw) * width
                # Weights jittered in the band, then normalised.
                for f in range(FACTOR_COUNT):
                    jitter = (1 - band) + (2 * band) * _high(_bits(key, base, 2 * count + f))
                    weights[f] = raw[f] * jitter
                total = (weights[0] + weights[1]) + weights[2]
                for f in range(FACTOR_COUNT):
                    weights[f] = weights[f] / total
                # Figures: drawn within their ranges, else the chosen figure.
                for q in range(size):
                    j = columns[q]
                    pair = np.uint64(0)
                    if ranged[MATCH, q] or ranged[AUDIENCE, q]:
                        pair = _bits(key, base, j)
                    for c in range(3):
                        if ranged[c, q]:
                            if c == SEGMENT:
                                uniform = _high(_bits(key, base, count + j))
                            else:
                                uniform = _high(pair) if c == MATCH else _low(pair)
                            # triangular(), its select by multiplying by 1 or 0 included
                            take = 1.0 if uniform < threshold[c, q] else 0.0
                            leave = 1.0 - take
                            root = np.sqrt(
                                (uniform * left[c, q] * take + (1 - uniform) * right[c, q] * leave)
                                * span[c, q]
                            )
                            drawn[c] = (low[c, q] + root) * take + (high[c, q] - root) * leave
                        else:
                            drawn[c] = mode[c, q]
                    reach = drawn[AUDIENCE] * drawn[MATCH]
                    # A comparison with NaN is false, as in capped_reach.
                    values[0, q] = ceiling[row] if reach > ceiling[row] else reach
                    values[1, q] = drawn[MATCH]
                    values[2, q] = drawn[SEGMENT]
                # Relative scores: 100 for the best scored network, others in proportion
                # (worked out only where a score is needed: the candidates').
                for f in range(FACTOR_COUNT):
                    best = -np.inf
                    for q in range(size):
                        value = values[f, q]
                        if usable[q] and not np.isnan(value):
                            best = max(best, value)
                    known_somewhere = False
                    for q in range(size):
                        value = values[f, q]
                        if best > 0 and usable[q] and not np.isnan(value):
                            known_somewhere = True
                            relative[f, q] = value / best * 100 if pickable[q] else 0.0
                        else:
                            relative[f, q] = np.nan
                    effective[f] = weights[f] * (1.0 if known_somewhere else 0.0)
                total = (effective[0] + effective[1]) + effective[2]
                for f in range(FACTOR_COUNT):
                    effective[f] = effective[f] / total if total > 0 else 0.0
                # The pick: the first of equal maxima among the candidates, if above 0.
                best_score = -1.0
                pick = -1
                for q in range(size):
                    score = -1.0
                    if usable[q] and pickable[q]:
                        composite = 0.0
                        known = False
                        fill = unknown_score
                        drawn_fill = False
                        for f in range(FACTOR_COUNT):
                            value = relative[f, q]
                            if np.isnan(value):
                                if effective[f] != 0 and not drawn_fill:
                                    slot = 2 * count + FACTOR_COUNT + columns[q]
                                    fill = 100.0 * _high(_bits(key, base, slot))
                                    drawn_fill = True
                                value = fill
                            else:
                                known = True
                            composite = composite + effective[f] * value
                        if fined[q]:
                            composite = composite * fine
                        if known and not np.isnan(composite):
                            score = min(max(composite, 0.0), 100.0)
                    if q == 0:
                        best_score, pick = score, 0
                    elif score > best_score:
                        best_score, pick = score, q
                if best_score > 0:
                    wins[row, columns[pick]] += 1.0
            used[row] = stop
            if stop < draws and settled(wins[row], stop, doubt, close_call):
                break
            first = stop


@njit(cache=True, nogil=True, error_model="numpy")
def drop_beaten(
    worst: FloatArray, best: FloatArray, valid: BoolArray, live: IntArray, candidate: BoolArray
) -> None:
    """Each persona's ``candidate`` networks of ``live`` cleared where another valid network's
    lowest score (``worst``, personas x corners x networks) is above this one's highest
    (``best``) at every corner of the weight band."""
    corners = worst.shape[1]
    for row in range(worst.shape[0]):
        for target in live:
            if not candidate[row, target]:
                continue
            for rival in live:
                if rival == target or not valid[row, rival]:
                    continue
                above = True
                for corner in range(corners):
                    if not worst[row, corner, rival] > best[row, corner, target]:
                        above = False
                        break
                if above:
                    candidate[row, target] = False
                    break


# The largest finite float: np.nan_to_num's stand-in for an infinite relative score.
_LARGEST = np.finfo(np.float64).max


@njit(cache=True, nogil=True, error_model="numpy")
def score_bounds(  # noqa: PLR0917, PLR0915
    low: FloatArray,
    high: FloatArray,
    scored: BoolArray,
    restricted: BoolArray,
    ceiling: FloatArray,
    raw_weights: FloatArray,
    penalty: FloatArray,
    corners: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """:func:`~smmfit.ranking.scenarios.composite_bounds` for one persona after another: each
    network's lowest and highest score at each corner of the weight band, shaped (personas,
    corners, networks).

    ``low`` and ``high`` are shaped (components, personas, networks), ``corners`` (factors,
    corners). Each step is the numpy form's, element by element and in its order (a factor's
    best is a max, exact in any order; the weights summed factor after factor), so the bits
    are the same: tests/test_compiled.py holds it to that form. One pass per persona instead
    of some forty array operations over a region's personas, each with its own temporaries.
    """
    people, count = scored.shape
    corner_count = corners.shape[1]
    worst = np.empty((people, corner_count, count))
    best = np.empty((people, corner_count, count))
    lows = np.empty((FACTOR_COUNT, count))
    highs = np.empty((FACTOR_COUNT, count))
    relative_low = np.empty((FACTOR_COUNT, count))
    relative_high = np.empty((FACTOR_COUNT, count))
    weights = np.empty((FACTOR_COUNT, corner_count))
    known = np.empty(FACTOR_COUNT)
    for row in range(people):
        cap = ceiling[row]
        for j in range(count):
            if scored[row, j]:
                # capped_reach: a comparison with NaN is false, so NaN caps nothing.
                reach = low[MATCH, row, j] * low[AUDIENCE, row, j]
                lows[0, j] = cap if reach > cap else reach
                reach = high[MATCH, row, j] * high[AUDIENCE, row, j]
                highs[0, j] = cap if reach > cap else reach
                lows[1, j], highs[1, j] = low[MATCH, row, j], high[MATCH, row, j]
                lows[2, j], highs[2, j] = low[SEGMENT, row, j], high[SEGMENT, row, j]
            else:
                for f in range(FACTOR_COUNT):
                    lows[f, j], highs[f, j] = np.nan, np.nan
        for f in range(FACTOR_COUNT):
            any_known = False
            best_high, best_low = -np.inf, -np.inf
            for j in range(count):
                if not np.isnan(lows[f, j]):
                    any_known = True
                    best_low = max(best_low, lows[f, j])
                if not np.isnan(highs[f, j]):
                    best_high = max(best_high, highs[f, j])
            known[f] = 1.0 if any_known else 0.0
            for j in range(count):
                value = lows[f, j]
                if np.isnan(value):
                    relative_low[f, j] = 0.0
                else:
                    value = value / best_high * 100
                    # np.nan_to_num
                    if np.isnan(value):
                        value = 0.0
                    elif value == np.inf:
                        value = _LARGEST
                    elif value == -np.inf:
                        value = -_LARGEST
                    relative_low[f, j] = value
                value = highs[f, j]
                if np.isnan(value):
                    relative_high[f, j] = 100.0
                else:
                    value = value / best_low * 100
                    # np.minimum: NaN wins, else the smaller (100 where equal)
                    relative_high[f, j] = value if np.isnan(value) or value < 100.0 else 100.0
        for v in range(corner_count):
            for f in range(FACTOR_COUNT):
                weights[f, v] = raw_weights[row, f] * corners[f, v] * known[f]
            total = (weights[0, v] + weights[1, v]) + weights[2, v]
            # np.maximum(total, EPSILON): NaN wins
            total = total if np.isnan(total) or total >= EPSILON else EPSILON
            for f in range(FACTOR_COUNT):
                weights[f, v] = weights[f, v] / total
        for j in range(count):
            factor = penalty[row] if restricted[row, j] else 1.0
            for v in range(corner_count):
                value = weights[0, v] * relative_low[0, j]
                for f in range(1, FACTOR_COUNT):
                    value = value + weights[f, v] * relative_low[f, j]
                worst[row, v, j] = value * factor
                value = weights[0, v] * relative_high[0, j]
                for f in range(1, FACTOR_COUNT):
                    value = value + weights[f, v] * relative_high[f, j]
                best[row, v, j] = value * factor
    return worst, best
