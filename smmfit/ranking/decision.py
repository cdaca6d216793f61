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


def decision_order(wins: FloatArray, recommendable: BoolArray, score: FloatArray) -> IntArray:
    """Each row's columns in the decision rule's order: most often first, then the higher
    score at the figures' centres, then data order; what cannot be picked (not recommendable,
    or unscored) comes last. The one ordering of the pick, the runner-up and the list
    (:func:`decide`), for one persona or a batch (rows of personas, columns of networks).

    >>> decision_order(np.array([0.4, 0.4, 0.2]), np.array([True] * 3), np.array([5.0, 6, 9]))
    array([1, 0, 2])
    """
    eligible = recommendable & ~np.isnan(score)
    return np.lexsort(
        (-np.where(eligible, score, -np.inf), -np.where(eligible, wins, -1.0)), axis=-1
    )


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
    """The pick, then every network first at least ``CONTENDER_RATIO`` times as often (and in
    ``CONTENDER_FLOOR`` of the scenarios), at least the next most likely one; most likely first.
    """
    order = sorted(
        (j for j in range(len(platforms)) if j != pick and wins[j] > 0), key=lambda j: -wins[j]
    )
    bar = max(CONTENDER_FLOOR, CONTENDER_RATIO * float(wins[pick]))
    others = [j for j in order if wins[j] >= bar] or order[:1]
    return tuple(platforms[j] for j in [pick, *others])


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
    position = {r.platform: i for i, r in enumerate(ranking.ranking)}

    ordered = sorted(
        ranking.ranking,
        key=lambda r: (
            r.score is None,
            -(wins[r.platform].probability if r.platform in wins else 0.0),
            -(r.score or 0.0),
            position[r.platform],
        ),
    )
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
