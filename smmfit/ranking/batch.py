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
    Persona,
    Weights,
    default_weights,
)
from smmfit.ranking.engine import PersonaArrays, pick_order, score_arrays


def rank_batch(
    personas: Sequence[Persona],
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    as_of: date | None = None,
) -> pd.DataFrame:
    """One row per persona (name, region, settlement type): the pick, the runner-up and every
    network's score.

    Personas are grouped by region and each group is scored in one vectorised pass.
    Without explicit ``weights`` each persona gets its goal's default weights. Availability
    is taken as of ``as_of`` (default today), per persona: an age-scoped rule concerns only
    the personas whose ages it covers.
    """
    as_of = as_of or date.today()
    platforms = tuple(evidence.dataset.platforms)
    scores = np.full((len(personas), len(platforms)), np.nan)
    recommendable = np.zeros((len(personas), len(platforms)), dtype=bool)
    regions = np.array([p.region for p in personas])
    for region in np.unique(regions):
        rows = np.flatnonzero(regions == region)
        group = [personas[int(i)] for i in rows]
        group_weights = [weights] if weights else [default_weights(p.goal) for p in group]
        arrays = score_arrays(
            evidence,
            str(region),
            PersonaArrays.of(group),
            group_weights,
            include_blocked,
            as_of=as_of,
        )
        scores[rows] = arrays.score
        recommendable[rows] = arrays.recommendable
    order, valid = pick_order(scores, recommendable)
    names = np.array(platforms, dtype=object)
    # A settlement type is echoed, not scored: no figure splits by it (see explain._gaps).
    table = pd.DataFrame(
        {
            "name": [p.name for p in personas],
            "region": regions,
            "settlement": [p.settlement for p in personas],
        }
    )
    for label, position in (("pick", 0), ("runner_up", 1)):
        chosen = order[:, position]
        best = pd.Series(np.take_along_axis(scores, order, axis=1)[:, position])
        table[label] = pd.Series(names[chosen]).where(valid[:, position])
        table[f"{label}_score"] = best.round(2).where(valid[:, position])
    for j, platform in enumerate(platforms):
        table[f"score_{platform}"] = scores[:, j].round(2)
    return table
