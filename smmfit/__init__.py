"""smmfit: which social network to test first for a persona, with the evidence behind it.

Pure Python (never imports streamlit): load the sourced data, rank networks for a persona,
say how sure the pick is, hand it over as a deck or a report, and check a promotion plan's
tactics.

>>> from smmfit import Evidence, Persona, load_dataset, rank
>>> result = rank(Persona(region="RU", age_min=25, age_max=44), Evidence(load_dataset()))
>>> result.recommendation.platform is not None
True
"""

from smmfit.data import DataError, Dataset, load_dataset
from smmfit.evidence import Evidence
from smmfit.models import Persona, PlatformResult, Ranking, Recommendation, Weights
from smmfit.scoring import rank, rank_batch
from smmfit.tactics import PlanCheck, Taxonomy, check_line, check_plan, load_taxonomy
from smmfit.uncertainty import Uncertainty, win_probabilities
from smmfit.upload import UploadResult, parse_upload, with_user_figures

__all__ = [
    "DataError",
    "Dataset",
    "Evidence",
    "Persona",
    "PlanCheck",
    "PlatformResult",
    "Ranking",
    "Recommendation",
    "Taxonomy",
    "Uncertainty",
    "UploadResult",
    "Weights",
    "check_line",
    "check_plan",
    "deck_pptx",
    "load_dataset",
    "load_taxonomy",
    "parse_upload",
    "rank",
    "rank_batch",
    "report_html",
    "win_probabilities",
    "with_user_figures",
]


def __getattr__(name: str) -> object:
    # The meeting pack pulls in python-pptx and the chart renderer (~0.6 s): load it only
    # when a deck or report is asked for, not for every `python -m smmfit` command.
    if name in ("deck_pptx", "report_html"):
        from smmfit import export

        return getattr(export, name)
    raise AttributeError(f"module 'smmfit' has no attribute {name!r}")
