"""What would change the answer: the pick under other weightings and goals.

A quick, deterministic robustness check shown beside the pick: if judging on one factor
alone, or with another goal's weights, puts a different network first, the user should know.
All scenarios are scored in one vectorised pass.
"""

from __future__ import annotations

from smmfit.data import Evidence
from smmfit.models import FACTORS, GOAL_WEIGHTS, Note, Ranking, Weights
from smmfit.ranking.engine import PersonaArrays, pick_index, score_arrays


def _scenarios(result: Ranking) -> list[tuple[Note, Weights]]:
    """(the note to show if the pick differs, the weights of the scenario)."""
    penalty = result.weights.restricted_penalty
    scenarios = []
    for factor in FACTORS:
        only = {f: (1.0 if f == factor else 0.0) for f in FACTORS}
        weights = Weights(**only, restricted_penalty=penalty)
        scenarios.append((Note(key="whatif.factor_only", params={"factor": factor}), weights))
    for goal, preset in GOAL_WEIGHTS.items():
        if goal is not None and goal != result.persona.goal:
            weights = preset.model_copy(update={"restricted_penalty": penalty})
            scenarios.append((Note(key="whatif.goal", params={"goal": goal}), weights))
    return scenarios


def what_would_change(result: Ranking, evidence: Evidence) -> tuple[Note, ...]:
    """Notes naming the weightings under which another network would be the pick, with
    availability as of the ranking's own date (``result.as_of``)."""
    pick = result.recommendation.platform
    if pick is None:
        return ()
    scenarios = _scenarios(result)
    people = PersonaArrays.of([result.persona] * len(scenarios))
    arrays = score_arrays(
        evidence,
        result.persona.region,
        people,
        [weights for _, weights in scenarios],
        result.include_blocked,
        as_of=result.as_of,
    )
    best = pick_index(arrays.score, arrays.recommendable)
    notes: list[Note] = []
    for row, (note, _) in enumerate(scenarios):
        other = arrays.platforms[best[row]] if best[row] >= 0 else None
        if other is not None and other != pick:
            notes.append(note.model_copy(update={"params": {**note.params, "platform": other}}))
    if not notes:
        notes.append(Note(key="whatif.robust", params={"platform": pick}))
    runner = result.recommendation.runner_up
    if runner:
        notes.append(Note(key="whatif.unavailable", params={"pick": pick, "platform": runner}))
    return tuple(notes)
