"""The decision rule: which network to test first, stated once for every output.

The recommended network is the one most likely to be best over the plausible scenarios
(:mod:`smmfit.ranking.scenarios`), so the headline and "how sure" cannot disagree. When no
network comes out first in at least ``CLOSE_CALL_SHARE`` of the scenarios the answer is a
close call: it still names the most likely winner to test first, and lists the contenders
(every network first at least half as often as the pick, at least two).

>>> import numpy as np
>>> most_likely(np.array([0.2, 0.5, 0.3]), np.array([True, True, True]))
1
>>> most_likely(np.array([0.0, 0.0]), np.array([True, True]))
-1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from smmfit.data.distribution import BoolArray, FloatArray, IntArray
from smmfit.models import Note, Ranking, Recommendation
from smmfit.ranking.explain import explain_reasons

if TYPE_CHECKING:
    from smmfit.ranking.uncertainty import Uncertainty

CLOSE_CALL_SHARE = 0.6
# A contender comes out first at least half as often as the pick (and in 5% of scenarios).
CONTENDER_RATIO = 0.5
CONTENDER_FLOOR = 0.05


def contending(wins: FloatArray, eligible: BoolArray) -> BoolArray:
    """Each row's networks weighed against each other by how often they come out first: the
    most often first, and every network first at least ``CONTENDER_RATIO`` times as often as
    it (and in ``CONTENDER_FLOOR`` of the scenarios); in a close call with no such network,
    the next most often first (a close call names at least two). The others are rarely
    first, by draws of figures no source narrows, and are listed by their scores instead: a
    network first in 6% of scenarios is no runner-up to one first in 90% when a third scores
    far higher.

    >>> contending(np.array([0.7, 0.2, 0.1]), np.array([True] * 3)).tolist()
    [True, False, False]
    >>> contending(np.array([0.5, 0.2, 0.3]), np.array([True] * 3)).tolist()
    [True, False, True]
    """
    held = np.where(eligible, wins, 0.0)
    if held.shape[-1] == 0:
        return np.zeros(held.shape, dtype=bool)
    top = held.max(axis=-1, keepdims=True)
    bar = np.maximum(CONTENDER_FLOOR, CONTENDER_RATIO * top)
    chosen = (held > 0) & ((held >= bar) | (held == top))
    # A close call whose leader is alone above the bar still names the next most often first.
    runner = np.argsort(-held, axis=-1, kind="stable")[..., 1:2]
    alone = (chosen.sum(axis=-1, keepdims=True) == 1) & (top < CLOSE_CALL_SHARE)
    second = np.zeros_like(chosen)
    if held.shape[-1] > 1:
        np.put_along_axis(second, runner, True, axis=-1)
    return np.asarray(chosen | (second & alone & (held > 0)), dtype=bool)


def decision_order(wins: FloatArray, recommendable: BoolArray, score: FloatArray) -> IntArray:
    """Each row's columns in the decision rule's order: the contenders (:func:`contending`),
    most often first, then every other network by its score at the figures' centres, then
    data order; what cannot be picked (not recommendable, or unscored) comes last. The one
    ordering of the pick, the runner-up and the list (:func:`decide`), for one persona or a
    batch (rows of personas, columns of networks).

    >>> decision_order(np.array([0.4, 0.4, 0.2]), np.array([True] * 3), np.array([5.0, 6, 9]))
    array([1, 0, 2])
    >>> decision_order(np.array([0.9, 0.06, 0.04]), np.array([True] * 3), np.array([9.0, 1, 5]))
    array([0, 2, 1])
    >>> decision_order(np.array([0.5, 0.02, 0.0, 0.2]), np.array([True] * 4),
    ...                np.array([9.0, 1, 5, 2]))
    array([0, 3, 2, 1])
    """
    eligible = recommendable & ~np.isnan(score)
    first_key = np.where(contending(wins, eligible), wins, np.where(eligible, 0.0, -1.0))
    return np.lexsort((-np.where(eligible, score, -np.inf), -first_key), axis=-1)


def most_likely(wins: FloatArray, recommendable: BoolArray, score: FloatArray | None = None) -> int:
    """The column of the most likely winner, -1 if none wins any scenario.

    Ties go to the higher score at the figures' centres, then to the network listed first in
    the data (:func:`decision_order`), exactly as :func:`decide` orders the list, so the pick
    always leads it.

    >>> most_likely(np.array([0.4, 0.4]), np.array([True, True]), np.array([50.0, 60.0]))
    1
    """
    centre = np.zeros(len(wins)) if score is None else score
    best = int(decision_order(wins, recommendable, centre)[0])
    return best if recommendable[best] and wins[best] > 0 else -1


def contenders(platforms: Sequence[str], wins: FloatArray, pick: int) -> tuple[str, ...]:
    """The pick, then the other contenders (:func:`contending`), most likely first."""
    others = np.flatnonzero(contending(wins, np.ones(len(wins), dtype=bool)))
    order = sorted((int(j) for j in others if j != pick), key=lambda j: -wins[j])
    return tuple(platforms[j] for j in [pick, *order])


def is_close_call(wins: FloatArray, pick: int) -> bool:
    return pick >= 0 and float(wins[pick]) < CLOSE_CALL_SHARE


def decide(ranking: Ranking, uncertainty: Uncertainty) -> Ranking:
    """The ranking restated by the decision rule: the most likely winner first.

    Scores stay those of the figures' centres (every factor shown adds up to them); the list
    is ordered by how often each network comes out first, then by score, and the
    recommendation names the most likely winner, with the close call and its contenders when
    no network is first in most scenarios.
    """
    wins = {p.platform: p for p in uncertainty.probabilities}

    items = ranking.ranking
    # Blocked networks scored anyway (--include-blocked) win no scenario: they stand among
    # the others by score, listed but never picked. Unscored networks come last, in data order.
    order = decision_order(
        np.array([wins[r.platform].probability if r.platform in wins else 0.0 for r in items]),
        np.ones(len(items), dtype=bool),
        np.array([np.nan if r.score is None else r.score for r in items]),
    )
    ordered = [items[i] for i in order.tolist()]
    ranked = [
        r.model_copy(update={"rank": i + 1 if r.score is not None else None})
        for i, r in enumerate(ordered)
    ]
    confidence = uncertainty.confidence
    if confidence is None:
        recommendation = Recommendation(
            platform=None, runner_up=None, reasons=(Note(key="reason.no_pick"),)
        )
        return ranking.model_copy(
            update={"ranking": tuple(ranked), "recommendation": recommendation}
        )
    platforms = [r.platform for r in ranked]
    chances = np.array([wins[p].probability if p in wins else 0.0 for p in platforms])
    pick_index = platforms.index(confidence.platform)
    close = is_close_call(chances, pick_index)
    rivals = contenders(platforms, chances, pick_index)
    pick = ranked[pick_index]
    runner = next(
        (r for r in ranked if r.platform != pick.platform and r.recommendable and r.score), None
    )
    reasons = explain_reasons(pick, runner, ranked)
    if close:
        reasons.insert(
            0,
            Note(
                key="reason.close_call",
                params={
                    "platforms": ", ".join(rivals),
                    "platform": pick.platform,
                    "share": round(float(chances[pick_index]), 4),
                },
            ),
        )
    recommendation = Recommendation(
        platform=pick.platform,
        runner_up=runner.platform if runner else None,
        reasons=tuple(reasons),
        close_call=close,
        contenders=rivals if close else (),
    )
    return ranking.model_copy(update={"ranking": tuple(ranked), "recommendation": recommendation})
