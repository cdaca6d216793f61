"""Streamlit helpers of app.py and pages/: the only Streamlit code outside them.

All caching (``st.cache_data``, ``st.cache_resource``) lives in this package. The parts:

- ``ui.state``: session-state keys (:class:`Key`), the language, this session's evidence
  and data key, the upload of the user's own figures.
- ``ui.persona``: the persona and weights forms, kept in the URL; the sidebar summary.
- ``ui.fit``: the Fit page's cached view, its downloads, share link and comparison.
- ``ui.networks``: the Networks and Method pages: selectors, audience profile, coverage,
  sources.
- ``ui.tactics``: the Tactic checker: taxonomy, context form, checklist, results, and the
  plan summary the Fit page's deck ends with.

The names below are re-exported, so a page calls ``ui.fit_view(...)`` without knowing
which part holds it.
"""

from __future__ import annotations

from ui.fit import FitView, compare_selector, downloads, fit_view, share_link
from ui.networks import audience_view, coverage_report, explorer_selectors, sources
from ui.persona import (
    persona_form,
    persona_from_state,
    persona_summary,
    seed_persona_form,
    weights_form,
    write_link,
)
from ui.state import (
    REGIONS,
    Key,
    current_language,
    data_key,
    evidence,
    language_picker,
    remove_user_data,
    take_upload,
    user_data_summary,
    user_figures,
    user_problems,
)
from ui.tactics import (
    plan_error_message,
    semantics,
    show_tactic_check,
    tactics_checklist,
    tactics_context_form,
    taxonomy,
)

__all__ = [
    "REGIONS",
    "FitView",
    "Key",
    "audience_view",
    "compare_selector",
    "coverage_report",
    "current_language",
    "data_key",
    "downloads",
    "evidence",
    "explorer_selectors",
    "fit_view",
    "language_picker",
    "persona_form",
    "persona_from_state",
    "persona_summary",
    "plan_error_message",
    "remove_user_data",
    "seed_persona_form",
    "semantics",
    "share_link",
    "show_tactic_check",
    "sources",
    "tactics_checklist",
    "tactics_context_form",
    "take_upload",
    "taxonomy",
    "user_data_summary",
    "user_figures",
    "user_problems",
    "weights_form",
    "write_link",
]
