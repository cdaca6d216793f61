"""How sure is the pick: win probabilities over plausible figures and weights, and what flips it.

:func:`win_probabilities` draws scenarios (:mod:`smmfit.ranking.scenarios`), counts how often
each network comes out first, and finds what would flip the pick
(:mod:`smmfit.ranking.flips`). The method is written up in README.md ("How sure is the pick").

>>> from smmfit import Evidence, Persona, load_dataset
>>> persona = Persona(region="RU", age_min=25, age_max=44)
>>> result = win_probabilities(persona, Evidence(load_dataset()), draws=2_000)
>>> result.confidence is not None and 0 < result.confidence.probability <= 1
True
"""

from __future__ import annotations

from datetime import date

import numpy as np
from pydantic import Field

from smmfit.data import Evidence
from smmfit.models import FACTORS, Persona, Weights, default_weights
from smmfit.ranking.decision import most_likely
from smmfit.ranking.engine import PersonaArrays, pick_index, score_arrays
from smmfit.ranking.flips import FlipCondition, find_flips
from smmfit.ranking.ranges import (
    DEFAULT_MARGINS,
    Margins,
    PlausibleRange,
    figure_ranges,
    plausible_ranges,
)
from smmfit.ranking.scenarios import (
    Confidence,
    Scenarios,
    WinProbability,
    confidence_of,
    count_wins,
)
from smmfit.types import Frozen

DEFAULT_DRAWS = 10_000


MAX_DRAWS = 100_000  # memory grows with draws x networks: 100,000 draws hold ~60 MB of figures


class Uncertainty(Frozen):
    """Win probabilities for one persona, how sure the pick is, and what would flip it.

    ``probabilities`` follows the data's platform order. Over the networks that can be
    recommended they add up to 1 whenever there is a pick.
    """

    draws: int = Field(ge=1, le=MAX_DRAWS)
    seed: int = Field(ge=0)
    margins: Margins
    probabilities: tuple[WinProbability, ...]
    confidence: Confidence | None
    flips_if: tuple[FlipCondition, ...]
    ranges: tuple[PlausibleRange, ...]

    def probability_of(self, platform: str) -> float:
        return next((p.probability for p in self.probabilities if p.platform == platform), 0.0)


def win_probabilities(
    persona: Persona,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    margins: Margins = DEFAULT_MARGINS,
    as_of: date | None = None,
) -> Uncertainty:
    """How often each network ranks first over ``draws`` plausible scenarios, and what flips it.

    Availability is taken as of ``as_of`` (default today), as in :func:`rank`.
    Seeded: the same arguments give the same result. Blocked networks get 0 even when
    ``include_blocked`` scores them (they are never the pick). ``margins`` sets the default
    ranges; ``Margins(secondary=0, low=0, weight=0, stand_in_age=0, stand_in_gender=0)``
    leaves only the data's own spread.
    """
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be between 1 and {MAX_DRAWS:,}, not {draws}")
    if seed < 0:
        raise ValueError(f"seed must be 0 or above, not {seed}")
    weights = weights or default_weights(persona.goal)
    arrays = score_arrays(
        evidence,
        persona.region,
        PersonaArrays.of([persona]),
        [weights],
        include_blocked,
        as_of=as_of,
    )
    model = Scenarios(
        figures=figure_ranges(persona, evidence, arrays, margins),
        raw_weights=np.array([getattr(weights, f) for f in FACTORS], dtype=np.float64),
        scored=np.asarray(arrays.scored[0]),
        restricted=np.asarray(arrays.restricted[0]),
        recommendable=np.asarray(arrays.recommendable[0]),
        penalty=weights.restricted_penalty,
        band=margins.weight,
        platforms=arrays.platforms,
        segment=persona.segment,
        ceiling=float(arrays.persona_people[0]),
    )
    probabilities = count_wins(model.simulate(draws, seed), model)
    wins = np.array([p.probability for p in probabilities])
    pick = most_likely(wins, model.recommendable, np.asarray(arrays.score[0]))
    # The flip search moves one figure away from the chosen figures; where those already
    # put another network first (a close call), there is no single figure to report.
    at_centre = int(pick_index(arrays.score, model.recommendable)[0])
    return Uncertainty(
        draws=draws,
        seed=seed,
        margins=margins,
        probabilities=probabilities,
        confidence=confidence_of(arrays.platforms[pick], probabilities) if pick >= 0 else None,
        flips_if=find_flips(model, pick) if pick >= 0 and pick == at_centre else (),
        ranges=plausible_ranges(model.figures, arrays.platforms),
    )
