"""What would change the answer: the pick under other weightings and goals.

A quick, deterministic robustness check shown beside the pick: if judging on one factor
alone, or with another goal's weights, puts a different network first, the user should know.
"""

from __future__ import annotations

from smmfit.evidence import Evidence
from smmfit.models import FACTORS, GOAL_WEIGHTS, Note, Persona, Ranking, Weights
from smmfit.scoring import rank


def what_would_change(result: Ranking, evidence: Evidence) -> tuple[Note, ...]:
    """Notes naming the weightings under which another network would be the pick."""
    pick = result.recommendation.platform
    if pick is None:
        return ()
    persona: Persona = result.persona
    penalty = result.weights.restricted_penalty
    notes: list[Note] = []
    for factor in FACTORS:
        only = Weights(
            **{f: (1.0 if f == factor else 0.0) for f in FACTORS}, restricted_penalty=penalty
        )
        other = rank(persona, evidence, only, result.include_blocked).recommendation.platform
        if other and other != pick:
            notes.append(
                Note(key="whatif.factor_only", params={"factor": factor, "platform": other})
            )
    for goal, weights in GOAL_WEIGHTS.items():
        if goal is None or goal == persona.goal:
            continue
        custom = weights.model_copy(update={"restricted_penalty": penalty})
        other = rank(persona, evidence, custom, result.include_blocked).recommendation.platform
        if other and other != pick:
            notes.append(Note(key="whatif.goal", params={"goal": goal, "platform": other}))
    runner = result.recommendation.runner_up
    if runner:
        notes.append(Note(key="whatif.unavailable", params={"pick": pick, "platform": runner}))
    if not any(note.key != "whatif.unavailable" for note in notes):
        notes.insert(0, Note(key="whatif.robust", params={"platform": pick}))
    return tuple(notes)
