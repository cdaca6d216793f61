"""The Fit page's view, cached, and what it hands out: downloads, a share link, a comparison.

- :func:`fit_view`: the ranking, how sure it is, what would change it, its table, CSV and
  chart, for a persona, weights and language, on this session's data.
- :func:`downloads`: the ranking CSV, and the meeting deck and report built on click
  (:func:`meeting_files`).
- :func:`share_link`: the link that reproduces the view.
- :func:`compare_selector`: the network the persona's audience is held against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from smmfit.models import Note, Persona, Ranking, Weights
from smmfit.ranking import Uncertainty, assess
from smmfit.render import Language, platform_name, t
from smmfit.render.charts import ranking_chart
from smmfit.render.deck import pack_pptx
from smmfit.render.links import view_link
from smmfit.render.pack import HTML_MIME, PPTX_MIME, meeting_pack
from smmfit.render.page import pack_html
from smmfit.render.tables import ranking_csv, ranking_display
from ui.networks import audience_view
from ui.state import Key, data_key, evidence
from ui.tactics import session_tactic_summary


@dataclass(frozen=True)
class FitView:
    """Everything the Fit page shows for one persona, weights and language."""

    result: Ranking
    uncertainty: Uncertainty
    changes: tuple[Note, ...]
    table: pd.DataFrame
    csv: bytes
    chart: dict[str, Any]


def fit_view(persona: Persona, weights: Weights, language: Language) -> FitView:
    """The Fit page's view of a persona, on this session's data, as of today (cached)."""
    return _fit_view(
        persona.model_dump_json(), weights.model_dump_json(), language, data_key(), date.today()
    )


# Cached views: switching back to a persona seen before skips scoring and Altair entirely.
# Keys are JSON strings, so equal inputs hash equally; charts are kept as Vega-Lite dicts.
@st.cache_data(max_entries=256, show_spinner=False)
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
        csv=ranking_csv(result, language, uncertainty),
        chart=ranking_chart(result, language).to_dict(),
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
) -> tuple[bytes, bytes]:
    """The meeting deck (.pptx) and report (.html) of a Fit view, built together on demand.

    Everything that depends on the session (the data key of uploaded figures, the pick's
    audience, the plan checked this session) is passed in: the download runs after the page
    script, so it must not need the session. With a plan, both end with its summary.
    """
    view = _fit_view(persona_json, weights_json, language, data, generated)
    pack = meeting_pack(
        view.result, view.uncertainty, view.changes, language,
        audience=audience, tactic_summary=tactic_summary, generated=generated,
    )  # fmt: skip
    return pack_pptx(pack, generated), pack_html(pack)


def downloads(view: FitView, persona: Persona, weights: Weights, language: Language) -> None:
    """CSV, deck and report downloads. The deck and report are built only when clicked:
    the download buttons take a callable, so an ordinary rerun renders no chart to PNG."""
    persona_json, weights_json = persona.model_dump_json(), weights.model_dump_json()
    today = date.today()
    data = data_key()
    pick = view.result.recommendation.platform
    audience = audience_view(persona, pick, persona.region, language)[0] if pick else None
    tactics = session_tactic_summary()

    def files() -> tuple[bytes, bytes]:
        return meeting_files(
            persona_json, weights_json, language, today,
            data=data, audience=audience, tactic_summary=tactics,
        )  # fmt: skip

    stem = "smmfit-" + (persona.region.lower() if not persona.name else "persona")
    csv_column, deck_column, report_column = st.columns(3)
    csv_column.download_button(
        t("fit.download_csv", language), view.csv, file_name="smmfit-ranking.csv",
        mime="text/csv", on_click="ignore", icon=":material/download:", key=Key.FIT_CSV,
    )  # fmt: skip
    deck_column.download_button(
        t("export.download_deck", language), lambda: files()[0],
        file_name=f"{stem}-{today.isoformat()}.pptx", mime=PPTX_MIME, on_click="ignore",
        icon=":material/slideshow:", key=Key.FIT_DECK,
    )  # fmt: skip
    report_column.download_button(
        t("export.download_report", language), lambda: files()[1],
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
