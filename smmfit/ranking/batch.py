"""Many personas at once: one row per persona with the pick, the runner-up and every score."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from smmfit.data import (
    Evidence,
)
from smmfit.models import (
    FACTORS,
    Persona,
    Weights,
    default_weights,
)
from smmfit.ranking.decision import CLOSE_CALL_SHARE
from smmfit.ranking.engine import PersonaArrays, score_arrays
from smmfit.ranking.scenarios import win_shares

# Scenarios per persona in a batch: enough to find the most likely winner where one network
# leads clearly, and to flag the rest as close calls; `assess` draws 10,000 for one persona.
BATCH_DRAWS = 200


def rank_batch(
    personas: Sequence[Persona],
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    as_of: date | None = None,
    *,
    draws: int = BATCH_DRAWS,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per persona (name, region, settlement type): the pick, how often it comes out
    first, whether it is a close call, the runner-up and every network's score.

    The pick follows the decision rule (:mod:`smmfit.ranking.decision`): the network most
    often first over ``draws`` plausible scenarios per persona, drawn as for one persona.
    Personas are grouped by region and each group is scored in one vectorised pass. Without
    explicit ``weights`` each persona gets its goal's default weights. Availability is taken
    as of ``as_of`` (default today), per persona: an age-scoped rule concerns only the
    personas whose ages it covers.
    """
    as_of = as_of or date.today()
    platforms = tuple(evidence.dataset.platforms)
    # Each distinct persona is ranked once: a batch repeats the same audience under many
    # names (campaigns, clients), and its scenarios need not be drawn again for each copy.
    # A persona's name does not change its figures; everything else is part of the key.
    index: dict[str, int] = {}
    inverse = np.array(
        [index.setdefault(p.model_dump_json(exclude={"name"}), len(index)) for p in personas],
        dtype=np.intp,
    )
    first = {position: row for row, position in reversed(list(enumerate(inverse.tolist())))}
    distinct = [personas[first[position]] for position in range(len(index))]
    scores = np.full((len(distinct), len(platforms)), np.nan)
    wins = np.zeros((len(distinct), len(platforms)))
    recommendable = np.zeros((len(distinct), len(platforms)), dtype=bool)
    distinct_regions = np.array([p.region for p in distinct])
    for region in np.unique(distinct_regions):
        rows = np.flatnonzero(distinct_regions == region)
        group = [distinct[int(i)] for i in rows]
        group_weights = [weights] if weights else [default_weights(p.goal) for p in group]
        people = PersonaArrays.of(group)
        arrays = score_arrays(
            evidence, str(region), people, group_weights, include_blocked, as_of=as_of
        )
        scores[rows] = arrays.score
        recommendable[rows] = arrays.recommendable
        raw = np.array([[getattr(w, f) for f in FACTORS] for w in group_weights])
        penalty = np.array([w.restricted_penalty for w in group_weights])
        wins[rows] = win_shares(
            people,
            str(region),
            evidence,
            arrays,
            raw_weights=np.broadcast_to(raw, (len(rows), len(FACTORS))),
            penalty=np.broadcast_to(penalty, (len(rows),)),
            draws=draws,
            seed=seed,
        )
    scores, wins, recommendable = scores[inverse], wins[inverse], recommendable[inverse]
    regions = np.array([p.region for p in personas])
    # The pick by the decision rule (most often first; ties to data order), the runner-up as
    # in the single ranking's order: most often first, then score.
    chances = np.where(recommendable, wins, 0.0)
    rows = np.arange(len(personas))
    pick = np.argmax(chances, axis=1)
    order_key = np.where(
        recommendable & ~np.isnan(scores), chances * 1e6 + np.nan_to_num(scores), -np.inf
    )
    order_key[rows, pick] = -np.inf
    runner = np.argmax(order_key, axis=1)
    names = np.array(platforms, dtype=object)
    # A settlement type is echoed, not scored: no figure splits by it (see explain._gaps).
    table = pd.DataFrame(
        {
            "name": [p.name for p in personas],
            "region": regions,
            "settlement": [p.settlement for p in personas],
        }
    )
    for label, chosen, valid in (
        ("pick", pick, chances[rows, pick] > 0),
        ("runner_up", runner, np.isfinite(order_key[rows, runner]) & (chances[rows, pick] > 0)),
    ):
        table[label] = pd.Series(names[chosen]).where(valid)
        table[f"{label}_score"] = pd.Series(scores[rows, chosen]).round(2).where(valid)
        table[f"{label}_probability"] = pd.Series(chances[rows, chosen]).where(valid)
    best = chances[rows, pick][:, None]
    valid = best > 0
    table["close_call"] = valid[:, 0] & (best[:, 0] < CLOSE_CALL_SHARE)
    for j, platform in enumerate(platforms):
        table[f"score_{platform}"] = scores[:, j].round(2)
    return table
