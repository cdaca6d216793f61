"""Helpers of the Networks page (pages/platforms.py) and the Method page, cached per data.

- :func:`explorer_selectors`: network and region, seeded from the link and written back.
- :func:`audience_view`: a network's audience profile in a region, and its charts (the Fit
  page compares the persona with it too).
- :func:`coverage_report`, :func:`sources`: the data's coverage and every source behind it.

The cached functions take this session's :func:`ui.state.data_key` as an argument, and the
public wrappers pass it themselves: views of one session's upload are cached apart, and a
page cannot forget the key.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from smmfit.data import CoverageReport, audience_profile, coverage, source_list
from smmfit.models import Persona
from smmfit.render import Language, platform_name, t
from smmfit.render.charts import audience_charts
from smmfit.render.links import explorer_from_query
from ui.state import REGIONS, Key, data_key, evidence, query, region_labels


def explorer_selectors(language: Language) -> tuple[str, str, list[str]]:
    """Network and region of the Networks page, seeded once from the link and written back."""
    dataset = evidence().dataset
    platforms = list(dataset.platforms)
    rejected: list[str] = []
    state = st.session_state
    if Key.PLAT_SEEDED not in state:
        values, rejected = explorer_from_query(query(), platforms, dataset.aliases)
        state[Key.PLAT_NETWORK] = values.get("network", platforms[0])
        state[Key.PLAT_REGION] = values.get("region", "RU")
        state[Key.PLAT_SEEDED] = True
    left, right = st.columns(2)
    network = left.selectbox(
        t("explorer.network", language),
        platforms,
        format_func=lambda code: platform_name(code, language),
        key=Key.PLAT_NETWORK,
        persist_state="session",
    )
    region = right.selectbox(
        t("fit.region", language),
        REGIONS,
        format_func=region_labels(language).__getitem__,
        key=Key.PLAT_REGION,
        persist_state="session",
    )
    st.query_params.from_dict({"network": network, "region": region, "lang": language})
    return network, region, rejected


def audience_view(
    persona: Persona | None, platform: str, region: str, language: Language
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The audience profile of a network, where the persona overlaps it if one is given, and
    its charts (as Vega-Lite dicts)."""
    persona_json = persona.model_dump_json() if persona else None
    return _audience_view(persona_json, platform, region, language, data_key())


@st.cache_data(max_entries=256, show_spinner=False)
def _audience_view(
    persona_json: str | None, platform: str, region: str, language: Language, data: str
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    persona = Persona.model_validate_json(persona_json) if persona_json else None
    profile = audience_profile(evidence(), platform, region, persona)
    charts = list(audience_charts(profile, language).values())
    return profile, charts


def coverage_report() -> CoverageReport:
    """The data coverage report of this session's data, with availability as of today."""
    return _coverage_report(data_key(), date.today())


@st.cache_data(max_entries=4, show_spinner=False)
def _coverage_report(data: str, today: date) -> CoverageReport:
    # today is part of the key: the status in force changes when an event starts or ends.
    return coverage(evidence().dataset)


def sources() -> pd.DataFrame:
    """Every source behind this session's data."""
    return _sources(data_key())


@st.cache_data(max_entries=4, show_spinner=False)
def _sources(data: str) -> pd.DataFrame:
    # Static per data key, so built once.
    return source_list(evidence().dataset)
