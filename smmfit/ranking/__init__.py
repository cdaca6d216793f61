"""Ranking: which network to test first for a persona, why, and how sure.

Parts:

- ``engine``: the vectorised scoring engine and :func:`pick_order`, the one pick rule;
- ``explain``: :func:`rank`, one persona's ranking with factors, gaps, reasons, sources;
- ``batch``: :func:`rank_batch` and :func:`rank_columns`, many personas at once;
- ``scenarios``: plausible ranges for every figure, drawn as scenarios;
- ``flips``: the smallest change to one figure or weight that changes the pick;
- ``uncertainty``: :func:`win_probabilities`, the two above put together;
- ``whatif``: the pick under other weightings and goals;
- ``assess``: :func:`assess`, ranking, uncertainty and what-if in one call.

May import ``smmfit.data``, ``smmfit.models`` and ``smmfit.types``: never tactics,
rendering or streamlit.
"""

from smmfit.ranking.assess import Assessment, assess
from smmfit.ranking.batch import BATCH_DRAWS, PersonaColumns, rank_batch, rank_columns
from smmfit.ranking.engine import (
    PersonaArrays,
    ScoreArrays,
    device_mask,
    device_share,
    pick_index,
    pick_order,
    score_arrays,
    scores_from_figures,
)
from smmfit.ranking.explain import rank
from smmfit.ranking.flips import FlipCondition
from smmfit.ranking.ranges import (
    DEFAULT_MARGINS,
    LOW_AUTHORITY_MARGIN,
    SECONDARY_MARGIN,
    STAND_IN_AGE_MARGIN,
    STAND_IN_GENDER_MARGIN,
    WEIGHT_BAND,
    Margins,
    PlausibleRange,
)
from smmfit.ranking.scenarios import Confidence, WinProbability
from smmfit.ranking.uncertainty import DEFAULT_DRAWS, MAX_DRAWS, Uncertainty, win_probabilities
from smmfit.ranking.whatif import what_would_change

__all__ = [
    "BATCH_DRAWS",
    "DEFAULT_DRAWS",
    "DEFAULT_MARGINS",
    "LOW_AUTHORITY_MARGIN",
    "MAX_DRAWS",
    "SECONDARY_MARGIN",
    "STAND_IN_AGE_MARGIN",
    "STAND_IN_GENDER_MARGIN",
    "WEIGHT_BAND",
    "Assessment",
    "Confidence",
    "FlipCondition",
    "Margins",
    "PersonaArrays",
    "PersonaColumns",
    "PlausibleRange",
    "ScoreArrays",
    "Uncertainty",
    "WinProbability",
    "assess",
    "device_mask",
    "device_share",
    "pick_index",
    "pick_order",
    "rank",
    "rank_batch",
    "rank_columns",
    "score_arrays",
    "scores_from_figures",
    "what_would_change",
    "win_probabilities",
]
