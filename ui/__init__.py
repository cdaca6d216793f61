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
- ``ui.plan``: the Test plan page: its inputs (kept in the link), the plan, its sections.

The names below are re-exported, so a page calls ``ui.fit_view(...)`` without knowing
which part holds it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Streamlit runs a directory named pages/ beside the entry point as a v1 multipage app until
# the server process first meets st.navigation: after a restart, a first visitor who opens
# /platforms?... got pages/platforms.py run on its own (no app.py: no page config, so the
# favicon came from fonts.gstatic.com; no language picker; no ui.run_page), and so did every
# visitor until someone opened /. Every page imports ui first, so the first such run switches
# the process to st.navigation and reruns through app.py. (Renaming pages/ would avoid it.)
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()

from ui.fit import FitView, compare_selector, downloads, fit_view, share_link
from ui.networks import audience_view, coverage_report, explorer_selectors, sources
from ui.persona import (
    persona_form,
    persona_from_state,
    persona_summary,
    seed_persona_form,
    weights_form,
    weights_from_state,
    write_link,
)
from ui.plan import (
    pick_of,
    plan_data,
    plan_form,
    seed_plan_form,
    session_plan_steps,
    show_plan,
    test_plan,
    write_plan_link,
)
from ui.state import (
    REGIONS,
    Key,
    current_language,
    data_key,
    evidence,
    language_picker,
    link_warning,
    remove_user_data,
    run_page,
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
    "link_warning",
    "persona_form",
    "persona_from_state",
    "persona_summary",
    "pick_of",
    "plan_data",
    "plan_error_message",
    "plan_form",
    "remove_user_data",
    "run_page",
    "seed_persona_form",
    "seed_plan_form",
    "semantics",
    "session_plan_steps",
    "share_link",
    "show_plan",
    "show_tactic_check",
    "sources",
    "tactics_checklist",
    "tactics_context_form",
    "take_upload",
    "taxonomy",
    "test_plan",
    "user_data_summary",
    "user_figures",
    "user_problems",
    "weights_form",
    "weights_from_state",
    "write_link",
    "write_plan_link",
]
