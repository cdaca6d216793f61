"""One call for everything the Fit page, the CLI and the meeting pack say about a persona.

:func:`assess` returns the ranking, how sure the pick is and what would change it, computed
under the same persona, evidence, weights and blocked-network setting, so the three can never
disagree about what they describe.

>>> from smmfit import Evidence, Persona, load_dataset
>>> result = assess(Persona(region="RU"), Evidence(load_dataset()), draws=500)
>>> result.ranking.recommendation.platform == result.uncertainty.confidence.platform
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smmfit.data.evidence import Evidence
from smmfit.models import Note, Persona, Ranking, Weights, default_weights
from smmfit.ranking.decision import decide
from smmfit.ranking.explain import rank
from smmfit.ranking.uncertainty import DEFAULT_DRAWS, Uncertainty, win_probabilities
from smmfit.ranking.whatif import what_would_change


@dataclass(frozen=True)
class Assessment:
    """A persona's ranking, its win probabilities, and the weightings that change the pick."""

    ranking: Ranking
    uncertainty: Uncertainty
    changes: tuple[Note, ...]


def assess(
    persona: Persona,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    as_of: date | None = None,
) -> Assessment:
    """Rank, say how sure, and say what would change it; seeded like :func:`win_probabilities`.

    All three take availability as of the same day, ``as_of`` (default today).
    """
    weights = weights or default_weights(persona.goal)
    as_of = as_of or date.today()
    ranking = rank(persona, evidence, weights, include_blocked, as_of=as_of)
    uncertainty = win_probabilities(
        persona, evidence, weights, include_blocked, draws=draws, seed=seed, as_of=as_of
    )
    decided = decide(ranking, uncertainty)
    return Assessment(decided, uncertainty, what_would_change(decided, evidence))
