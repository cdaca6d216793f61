"""smmfit: which social network to test first for a persona, with the evidence behind it.

Pure Python (never imports streamlit), in subpackages by job:

- ``smmfit.data``: the sourced figures, validated, and the evidence chosen from them;
- ``smmfit.ranking``: rank networks for a persona, say how sure the pick is and what changes it;
- ``smmfit.tactics``: check a promotion plan's tactics (independent of ranking);
- ``smmfit.render``: everything in the user's language: tables, charts, the meeting pack;
- ``smmfit.models`` and ``smmfit.types``: the shared vocabulary; ``smmfit.cli``: the CLI.

Layers, each importing only those below it (checked by import-linter in ``make lint``):
cli, render, ranking and tactics (independent), data, models, types.

>>> from smmfit import Evidence, Persona, load_dataset, rank
>>> result = rank(Persona(region="RU", age_min=25, age_max=44), Evidence(load_dataset()))
>>> result.recommendation.platform is not None
True
"""

from smmfit.data import (
    DataError,
    Dataset,
    Evidence,
    UploadResult,
    load_dataset,
    parse_upload,
    with_user_figures,
)
from smmfit.models import Persona, PlatformResult, Ranking, Recommendation, Weights
from smmfit.ranking import Assessment, Uncertainty, assess, rank, rank_batch
from smmfit.ranking.uncertainty import win_probabilities
from smmfit.tactics import PlanCheck, Taxonomy, check_line, check_plan, load_taxonomy

__all__ = [
    "Assessment",
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
    "assess",
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
        from smmfit.render import deck, page

        return getattr(deck if name == "deck_pptx" else page, name)
    raise AttributeError(f"module 'smmfit' has no attribute {name!r}")
