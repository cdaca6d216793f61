"""smmfit: which social network to test first for a persona, with the evidence behind it.

Pure Python (never imports streamlit): load the sourced data, rank networks for a persona,
and say how sure the pick is.

>>> from smmfit import Evidence, Persona, load_dataset, rank
>>> result = rank(Persona(region="RU", age_min=25, age_max=44), Evidence(load_dataset()))
>>> result.recommendation.platform is not None
True
"""

from smmfit.data import DataError, Dataset, load_dataset
from smmfit.evidence import Evidence
from smmfit.models import Persona, PlatformResult, Ranking, Recommendation, Weights
from smmfit.scoring import rank, rank_batch
from smmfit.uncertainty import Uncertainty, win_probabilities
from smmfit.upload import UploadResult, parse_upload, with_user_figures

__all__ = [
    "DataError",
    "Dataset",
    "Evidence",
    "Persona",
    "PlatformResult",
    "Ranking",
    "Recommendation",
    "Uncertainty",
    "UploadResult",
    "Weights",
    "load_dataset",
    "parse_upload",
    "rank",
    "rank_batch",
    "win_probabilities",
    "with_user_figures",
]
