"""The Fit page's view, cached, and what it hands out: downloads, a share link, a comparison.

- :func:`fit_view`: the ranking, how sure it is, what would change it, its table and
  chart, for a persona, weights and language, on this session's data.
- :func:`downloads`: the ranking CSV (written when it is downloaded), the logo upload, and
  the meeting deck and report, built under a spinner when asked for and cached per view
  (:func:`meeting_files`).
- :func:`share_link`: the link that reproduces the view.
- :func:`compare_selector`: the network the persona's audience is held against.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from smmfit.models import Note, Persona, Ranking, Weights
from smmfit.ranking import Assessment, Uncertainty, assess
from smmfit.render import Language, platform_name, t
from smmfit.render.charts import ranking_chart
from smmfit.render.deck import pack_pptx
from smmfit.render.links import view_link
from smmfit.render.logo import MAX_MEGABYTES, LogoError, read_logo
from smmfit.render.pack import HTML_MIME, PPTX_MIME, meeting_pack, source_authorities
from smmfit.render.page import pack_html
from smmfit.render.tables import ranking_csv, ranking_display
from ui.networks import audience_view
from ui.state import Key, builtin_evidence, data_key, evidence
from ui.tactics import session_tactic_summary


@dataclass(frozen=True)
class FitView:
    """Everything the Fit page shows for one persona, weights and language.

    Shared by every session and never changed: the models are frozen, the table is only
    read (st.dataframe converts it), and the chart is kept as JSON, so each caller gets
    its own dict (:attr:`chart`)."""

    result: Ranking
    uncertainty: Uncertainty
    changes: tuple[Note, ...]
    table: pd.DataFrame
    chart_json: str

    @property
    def chart(self) -> dict[str, Any]:
        """The ranking chart's Vega-Lite spec, a fresh copy (Streamlit moves its data out)."""
        spec: dict[str, Any] = json.loads(self.chart_json)
        return spec


def fit_view(persona: Persona, weights: Weights, language: Language) -> FitView:
    """The Fit page's view of a persona, on this session's data, as of today (cached)."""
    return _fit_view(
        persona.model_dump_json(), weights.model_dump_json(), language, data_key(), date.today()
    )


# Cached views, shared by every session of the server: a persona any session has seen
# skips scoring and charts entirely. The key is everything the view depends on: persona,
# weights, language, data and day (JSON strings, so equal inputs hash equally;
# tests/test_page_fit.py checks none is forgotten). A resource, not st.cache_data: that
# unpickled a copy of the view (some 5,000 pydantic objects) on every rerun of every
# session, the largest part of a rerun whose view was cached; a FitView is never changed.
@st.cache_resource(max_entries=256, show_spinner=False)
def _fit_view(
    persona_json: str, weights_json: str, language: Language, data: str, as_of: date
) -> FitView:
    """``data`` is :func:`ui.state.data_key`: views of the user's own figures are cached apart.
    ``as_of`` is the day availability is taken on: part of the key, so a view cached yesterday
    is not served today."""
    persona = Persona.model_validate_json(persona_json)
    weights = Weights.model_validate_json(weights_json)
    assessed = assess(persona, evidence(), weights, as_of=as_of)
    result, uncertainty = assessed.ranking, assessed.uncertainty
    return FitView(
        result=result,
        uncertainty=uncertainty,
        changes=assessed.changes,
        table=ranking_display(result, language, uncertainty),
        chart_json=json.dumps(ranking_chart(result, language), allow_nan=False),
    )


@st.cache_data(max_entries=16, show_spinner=False)
def meeting_files(
    persona_json: str,
    weights_json: str,
    language: Language,
    generated: date,
    *,
    data: str,
    audience: pd.DataFrame | None,
    tactic_summary: tuple[tuple[str, str], ...] | None = None,
    next_steps: tuple[tuple[str, str], ...] | None = None,
    logo: bytes | None = None,
) -> tuple[bytes, bytes]:
    """The meeting deck (.pptx) and report (.html) of a Fit view, built together, cached per
    view (a second click, or coming back to a persona, is instant).

    Everything that depends on the session (the data key of uploaded figures, the pick's
    audience, the plan checked this session, the logo's checked PNG) is passed in, so the
    cache key holds it. With a plan, both end with its summary.
    """
    view = _fit_view(persona_json, weights_json, language, data, generated)
    assessed = Assessment(view.result, view.uncertainty, view.changes)
    pack = meeting_pack(
        assessed, language, audience=audience,
        authorities=source_authorities(builtin_evidence().dataset),
        tactic_summary=tactic_summary, next_steps=next_steps,
        logo=read_logo(logo) if logo else None, generated=generated,
    )  # fmt: skip
    return pack_pptx(pack, generated), pack_html(pack)


# Cached by the file's bytes: the page reruns on every click, and checking a logo decodes
# and redraws an image of up to 4000 px a side. A refused file raises again (not cached).
@st.cache_data(max_entries=4, show_spinner=False)
def _checked_logo(data: bytes) -> bytes:
    return read_logo(data).png


def _session_logo(language: Language) -> bytes | None:
    """The logo uploaded for this session, as a checked PNG; a bad file gets a warning."""
    upload = st.file_uploader(
        t("deck.logo", language, megabytes=MAX_MEGABYTES),
        type=["png", "jpg", "jpeg"],
        key=Key.FIT_LOGO,
    )
    if upload is None:
        return None
    try:
        return _checked_logo(upload.getvalue())
    except LogoError as error:
        message = t(error.key, language, **error.params) + " " + t("deck.logo_skipped", language)
        st.warning(message, icon=":material/broken_image:")
        return None


def downloads(
    view: FitView,
    persona: Persona,
    weights: Weights,
    language: Language,
    next_steps: tuple[tuple[str, str], ...] | None = None,
) -> None:
    """The ranking CSV, written when it is downloaded (a tenth of a new view's time went to
    writing a file few download), and the meeting deck and report: built when asked for,
    under a spinner (the first build takes about two seconds), then offered as downloads for
    as long as the view stays the same. ``next_steps`` are the session's test plan in short
    (ui.session_plan_steps); without one the pack gives the method's steps."""
    stem = "smmfit-" + (persona.region.lower() if not persona.name else "persona")
    today = date.today()
    st.download_button(
        t("fit.download_csv", language),
        partial(ranking_csv, view.result, language, view.uncertainty),
        file_name="smmfit-ranking.csv",
        mime="text/csv", on_click="ignore", icon=":material/download:", key=Key.FIT_CSV,
    )  # fmt: skip
    st.markdown(f"**{t('export.pack', language)}**")
    logo = _session_logo(language)
    data, tactic_summary = data_key(), session_tactic_summary()
    key = (persona.model_dump_json(), weights.model_dump_json(), language, today)
    logo_digest = hashlib.sha256(logo).hexdigest() if logo else ""
    this_view = repr((key, data, tactic_summary, next_steps, logo_digest))
    prepared = st.session_state.get(Key.FIT_PACK_VIEW) == this_view
    if not prepared and not st.button(
        t("export.prepare", language), icon=":material/slideshow:", key=Key.FIT_PREPARE
    ):
        return
    # The pick's audience is the pack's alone: looked up once the pack is asked for.
    pick = view.result.recommendation.platform
    arguments: dict[str, Any] = {
        "data": data,
        "audience": audience_view(persona, pick, persona.region, language)[0] if pick else None,
        "tactic_summary": tactic_summary,
        "next_steps": next_steps,
        "logo": logo,
    }
    if not prepared:
        with st.spinner(t("deck.building", language)):
            meeting_files(*key, **arguments)
        st.session_state[Key.FIT_PACK_VIEW] = this_view
    deck, report = meeting_files(*key, **arguments)  # cached: built above or on a past run
    deck_column, report_column = st.columns(2)
    deck_column.download_button(
        t("export.download_deck", language), deck,
        file_name=f"{stem}-{today.isoformat()}.pptx", mime=PPTX_MIME, on_click="ignore",
        icon=":material/slideshow:", key=Key.FIT_DECK,
    )  # fmt: skip
    report_column.download_button(
        t("export.download_report", language), report,
        file_name=f"{stem}-{today.isoformat()}.html", mime=HTML_MIME, on_click="ignore",
        icon=":material/description:", key=Key.FIT_REPORT,
    )  # fmt: skip


def share_link(persona: Persona, weights: Weights, language: Language) -> None:
    """The link reproducing the view, in a code block (which has a copy button)."""
    st.markdown(f"**{t('export.link', language)}**")
    st.code(view_link(persona, weights, language, st.context.url), language=None)
    st.caption(t("export.link_help", language))


def _compare_chosen_by_user() -> None:
    st.session_state[Key.FIT_COMPARE_BY_USER] = True


def compare_selector(networks: list[str], pick: str | None, language: Language) -> str:
    """Which network to hold the persona against: the pick, until the user chooses another."""
    if pick and not st.session_state.get(Key.FIT_COMPARE_BY_USER):
        st.session_state[Key.FIT_COMPARE] = pick
    chosen: str = st.selectbox(
        t("audience.network", language),
        networks,
        format_func=lambda code: platform_name(code, language),
        key=Key.FIT_COMPARE,
        persist_state="session",
        on_change=_compare_chosen_by_user,
    )
    return chosen
