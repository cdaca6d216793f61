"""This session's state: its keys, its language, its data.

- :class:`Key`: every ``st.session_state`` and widget key, so a typo is an AttributeError
  instead of a silently new key.
- :func:`language_picker`, :func:`current_language`: the sidebar's language.
- :func:`evidence`, :func:`data_key`: the published data, or the published data extended by
  the user's own figures, and the key that keeps caches of the two apart.
- :func:`take_upload`, :func:`remove_user_data`, :func:`user_data_summary`,
  :func:`user_figures`, :func:`user_problems`: the upload of the Your data page.
- :func:`run_page`: the routed page, with a short message in the user's language, never a
  traceback, if it fails.
- :data:`REGIONS`, :func:`region_labels`, :func:`query` and :func:`link_warning`: what
  every country selector offers and its names, the link's parameters (read here only),
  and the one warning that names those a page rejected.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import pycountry
import streamlit as st
from streamlit import config
from streamlit.navigation.page import StreamlitPage

from smmfit.data import (
    Evidence,
    Figure,
    RowProblem,
    figures_digest,
    load_dataset,
    parse_upload,
    with_user_figures,
)
from smmfit.models import WORLDWIDE
from smmfit.render import LANGUAGES, Language, region_name, settlement_choices, t
from smmfit.render.i18n import language_of
from smmfit.render.links import LANGUAGE_PARAM, LINK_PARAMS, language_from_query

_LOG = logging.getLogger(__name__)


class Key:
    """Every session-state key, by page. Widgets that keep their value across pages use
    ``persist_state="session"``; the ``*_seeded`` flags mark a form filled from the link."""

    LANG: Final = "lang"

    # Fit: the persona form (seeded from the link), the weights, the comparison, downloads.
    FIT_SEEDED: Final = "fit_seeded"
    FIT_REJECTED: Final = "fit_rejected"
    FIT_NAME: Final = "fit_name"
    FIT_REGION: Final = "fit_region"
    FIT_AGE: Final = "fit_age"
    FIT_GENDER: Final = "fit_gender"
    FIT_DEVICES: Final = "fit_devices"
    FIT_SEGMENT: Final = "fit_segment"
    FIT_GOAL: Final = "fit_goal"
    FIT_SETTLEMENT: Final = "fit_settlement"
    FIT_W_REACH: Final = "fit_w_reach"
    FIT_W_MATCH: Final = "fit_w_match"
    FIT_W_SEGMENT: Final = "fit_w_segment"
    FIT_W_PENALTY: Final = "fit_w_penalty"
    FIT_COMPARE: Final = "fit_compare"
    FIT_COMPARE_BY_USER: Final = "fit_compare_by_user"
    FIT_CSV: Final = "fit_csv"
    FIT_DECK: Final = "fit_deck"
    FIT_REPORT: Final = "fit_report"
    FIT_LOGO: Final = "fit_logo"
    FIT_PREPARE: Final = "fit_prepare"
    # The evidence expander: open or closed (its content runs only when open).
    FIT_EVIDENCE: Final = "fit_evidence"
    # The view (persona, weights, language, day, data, logo, plan) whose pack was prepared.
    FIT_PACK_VIEW: Final = "fit_pack_view"

    # Networks (pages/platforms.py): network and region, seeded from the link.
    PLAT_SEEDED: Final = "plat_seeded"
    PLAT_NETWORK: Final = "plat_network"
    PLAT_REGION: Final = "plat_region"

    # Method.
    METHOD_DIMENSION: Final = "method_dimension"

    # Tactic checker: the context (seeded from the link), the pasted plan, the checklist.
    TACTICS_SEEDED: Final = "tactics_seeded"
    TACTICS_REGION: Final = "tactics_region"
    TACTICS_PLATFORM: Final = "tactics_platform"
    TACTICS_PLAN: Final = "tactics_plan"
    TACTICS_PLAN_CSV: Final = "tactics_csv_plan"
    TACTICS_PLAN_MD: Final = "tactics_md_plan"
    TACTICS_LIST_CSV: Final = "tactics_csv_list"
    TACTICS_LIST_MD: Final = "tactics_md_list"

    # Your data: the user's own figures live in this session only (never on disk).
    YD_FILE: Final = "yd_file"
    YD_FILE_ID: Final = "yd_file_id"
    YD_FIGURES: Final = "yd_figures"
    YD_DIGEST: Final = "yd_digest"
    YD_NAME: Final = "yd_name"
    YD_PROBLEMS: Final = "yd_problems"
    YD_REMOVE: Final = "yd_remove"

    # Test plan: the plan's inputs (seeded from the link), the tactics, the download.
    PLAN_SEEDED: Final = "plan_seeded"
    PLAN_REJECTED: Final = "plan_rejected"
    PLAN_NETWORK: Final = "plan_network"
    PLAN_BUDGET: Final = "plan_budget"
    PLAN_CURRENCY: Final = "plan_currency"
    PLAN_WEEKS: Final = "plan_weeks"
    PLAN_START: Final = "plan_start"
    PLAN_REACH: Final = "plan_reach"
    PLAN_LEADS: Final = "plan_leads"
    PLAN_SALES: Final = "plan_sales"
    PLAN_RATES: Final = "plan_rates"
    PLAN_TACTICS: Final = "plan_tactics"
    PLAN_JSON: Final = "plan_json"

    @staticmethod
    def tactic_pick(tactic_id: str) -> str:
        """The checklist's checkbox of one tactic."""
        return f"tactics_pick_{tactic_id}"


# Every country a selector offers, worldwide first.
REGIONS: tuple[str, ...] = (WORLDWIDE, *sorted(str(c.alpha_2) for c in pycountry.countries))


@st.cache_resource(max_entries=len(LANGUAGES))
def region_labels(language: Language) -> Mapping[str, str]:
    """The name of every country a selector offers, in a language. Built once per language:
    a selector asks for all of them on every rerun, and each name is a CLDR lookup."""
    return MappingProxyType({code: region_name(code, language) for code in REGIONS})


def query() -> dict[str, list[str]]:
    """The link's parameters, every value of each: the one reading of the link."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def link_warning(rejected: list[str], language: Language) -> None:
    """One warning naming the link's parameters a page rejected (their defaults are used and
    everything else in the link is kept). Each is named by the catalog's ``link_param.<key>``
    (tests/test_i18n.py checks every key of ``LINK_PARAMS`` has one)."""
    names = [name for name in LINK_PARAMS if name in rejected]
    if not names:
        return
    fields = ", ".join(t(f"link_param.{name}", language) for name in names)
    message = t("fit.bad_link", language, fields=fields)
    if "settlement" in names:
        message += " " + t("fit.settlement_rule", language, choices=settlement_choices(language))
    st.warning(message, icon=":material/link_off:")


def language_picker() -> Language:
    """Sidebar language choice: from the link, else the browser's locale."""
    st.session_state.setdefault(
        Key.LANG, language_from_query(query()) or language_of(st.context.locale)
    )
    chosen = st.sidebar.selectbox(
        t("app.language", language_of(st.session_state[Key.LANG])),
        LANGUAGES,
        format_func=lambda code: t(f"language_name.{code}", code),
        key=Key.LANG,
        persist_state="session",
    )
    language = language_of(chosen)
    # Every page's link carries the language, so a shared link opens in the same one.
    if st.query_params.get(LANGUAGE_PARAM) != language:
        st.query_params[LANGUAGE_PARAM] = language
    return language


def current_language() -> Language:
    return language_of(st.session_state.get(Key.LANG) or st.context.locale)


@st.cache_resource(max_entries=1)
def builtin_evidence() -> Evidence:
    """The validated data and its chosen evidence, shared by every session (read-only)."""
    return Evidence(load_dataset())


@st.cache_resource(max_entries=16)
def _evidence_with(digest: str, _figures: tuple[Figure, ...]) -> Evidence:
    # Keyed by the digest alone: the figures are hashed once, when they are accepted.
    return Evidence(with_user_figures(builtin_evidence().dataset, _figures))


def data_key() -> str:
    """Which data this session's pages use: "" for the published data, else a digest.

    Every cached view of the data takes it as an argument, so views of one session's upload
    are never served to another session."""
    return str(st.session_state.get(Key.YD_DIGEST, ""))


def evidence() -> Evidence:
    """This session's evidence: the published data, extended by the user's own figures."""
    figures = st.session_state.get(Key.YD_FIGURES)
    if figures:
        return _evidence_with(data_key(), tuple(figures))
    return builtin_evidence()


def take_upload(name: str, data: bytes, file_id: str) -> None:
    """Parse an uploaded file once; keep its figures, or its problems (and the old figures)."""
    state = st.session_state
    if state.get(Key.YD_FILE_ID) == file_id:
        return
    state[Key.YD_FILE_ID] = file_id
    dataset = builtin_evidence().dataset
    result = parse_upload(name, data, tuple(dataset.platforms), dataset.aliases)
    if result.ok:
        state[Key.YD_FIGURES] = result.figures
        state[Key.YD_DIGEST] = figures_digest(result.figures)
        state[Key.YD_NAME] = name
        state[Key.YD_PROBLEMS] = ()
    else:
        state[Key.YD_PROBLEMS] = result.problems


def remove_user_data() -> None:
    """One click: back to the published data."""
    for key in (Key.YD_FIGURES, Key.YD_DIGEST, Key.YD_NAME, Key.YD_PROBLEMS):
        st.session_state.pop(key, None)


def user_figures() -> tuple[Figure, ...]:
    """The user's own figures in use this session; () for none."""
    return tuple(st.session_state.get(Key.YD_FIGURES) or ())


def user_problems() -> tuple[RowProblem, ...]:
    """What was wrong with the last file uploaded, if it was refused; () otherwise."""
    return tuple(st.session_state.get(Key.YD_PROBLEMS) or ())


def user_data_summary() -> tuple[int, str] | None:
    """How many of the user's figures are in use, and the file they came from."""
    figures = user_figures()
    if not figures:
        return None
    return len(figures), str(st.session_state.get(Key.YD_NAME, ""))


def run_page(page: StreamlitPage, language: Language) -> None:
    """Run the routed page. If it fails, the user sees one line from the catalog and the
    server's log gets the traceback: a traceback shows server paths, and Streamlit's own
    box offers to send it off-site. ``client.showErrorDetails = "full"`` (a developer's
    setting; the test suite's) lets the exception through to Streamlit instead."""
    try:
        page.run()
    except Exception:
        if config.get_option("client.showErrorDetails") in ("full", "true", "True", True):
            raise
        _LOG.exception("page %s failed", page.url_path or "/")
        st.error(t("reliability.unexpected", language), icon=":material/error:")
