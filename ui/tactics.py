"""Helpers of the Tactic checker page, and the plan summary it lends the Fit page's deck.

- :func:`taxonomy`: the validated tactics, loaded once for every session.
- :func:`semantics`: the sentence encoder and the example bank, loaded once per server.
- :func:`tactics_context_form`: country and platform, seeded from the link and written back.
- :func:`tactics_checklist`: the tactics as checkboxes, grouped by verdict.
- :func:`show_tactic_check`, :func:`plan_error_message`: a check's results and downloads.
- :func:`session_tactic_summary`: the plan checked this session, for the meeting deck.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from smmfit.models import WORLDWIDE
from smmfit.render import Language, escape_markdown, format_number, platform_name, region_name, t
from smmfit.render.links import PLATFORM_PARAM, tactics_from_query
from smmfit.render.tactic_reports import (
    VERDICT_ICONS,
    line_details,
    plan_csv,
    plan_markdown,
    tactic_language,
    verdict_label,
)
from smmfit.tactics import (
    LINE_VERDICTS,
    MAX_PLAN_CHARS,
    MAX_PLAN_LINES,
    VERDICTS,
    Context,
    PlanCheck,
    PlanError,
    Semantics,
    Taxonomy,
    check_plan,
    load_semantics,
    load_taxonomy,
)
from ui.state import REGIONS, Key, evidence, link_warning, query

ANY_PLATFORM = "any"
# The CSV and Markdown download keys of a check of the pasted plan or of the checklist.
_DOWNLOAD_KEYS = {
    "plan": (Key.TACTICS_PLAN_CSV, Key.TACTICS_PLAN_MD),
    "list": (Key.TACTICS_LIST_CSV, Key.TACTICS_LIST_MD),
}


@st.cache_resource(max_entries=1)
def taxonomy() -> Taxonomy:
    """The validated tactics and their phrase index, shared by every session (read-only)."""
    return load_taxonomy(platforms=evidence().dataset.platforms)


# Shared and never mutated: the encoder (about 130 MB of weights) must not load per session.
# The spinner is off here: the page shows its own message, in the user's language.
@st.cache_resource(max_entries=1, show_spinner=False)
def semantics() -> Semantics:
    """The sentence encoder and the embedded example bank (a few seconds, once per server)."""
    return load_semantics(taxonomy())


def _seed_tactics_context() -> list[str]:
    """Country and platform from the link, once per session; return the parameters rejected
    (their defaults, any country and any platform, are used instead)."""
    state = st.session_state
    if Key.TACTICS_SEEDED in state:
        return []
    dataset = evidence().dataset
    values, rejected = tactics_from_query(query(), tuple(dataset.platforms), dataset.aliases)
    state[Key.TACTICS_REGION] = values.get("region", WORLDWIDE)
    state[Key.TACTICS_PLATFORM] = values.get(PLATFORM_PARAM, ANY_PLATFORM)
    state[Key.TACTICS_SEEDED] = True
    return rejected


def tactics_context_form(language: Language) -> Context:
    """Country and platform selectors; the link keeps their codes so it can be shared."""
    link_warning(_seed_tactics_context(), language)
    platforms = tuple(evidence().dataset.platforms)
    col_region, col_platform = st.columns(2)
    col_region.selectbox(
        t("tactics.region", language),
        REGIONS,
        format_func=lambda code: (
            t("tactics.any_region", language) if code == WORLDWIDE else region_name(code, language)
        ),
        key=Key.TACTICS_REGION,
        persist_state="session",
    )
    col_platform.selectbox(
        t("tactics.platform", language),
        (ANY_PLATFORM, *platforms),
        format_func=lambda code: (
            t("tactics.any_platform", language)
            if code == ANY_PLATFORM
            else platform_name(code, language)
        ),
        key=Key.TACTICS_PLATFORM,
        persist_state="session",
    )
    region = st.session_state[Key.TACTICS_REGION]
    platform = st.session_state[Key.TACTICS_PLATFORM]
    st.query_params["region"] = region
    st.query_params["lang"] = language
    if platform == ANY_PLATFORM:
        st.query_params.pop("platform", None)
    else:
        st.query_params["platform"] = platform
    return Context(region=region, platform=None if platform == ANY_PLATFORM else platform)


def tactics_checklist(tactics: Taxonomy, language: Language) -> list[str]:
    """Every tactic as a checkbox, a column per verdict; returns the ids ticked."""
    for column, verdict in zip(st.columns(len(VERDICTS)), VERDICTS, strict=True):
        with column.expander(
            f"{VERDICT_ICONS[verdict]} {t(f'tactics.group_{verdict}', language)}",
            expanded=True,
        ):
            for tactic in tactics.tactics:
                if tactic.verdict == verdict:
                    st.checkbox(
                        tactic.name.get(tactic_language(language)),
                        key=Key.tactic_pick(tactic.id),
                    )
    return [
        tactic.id for tactic in tactics.tactics if st.session_state.get(Key.tactic_pick(tactic.id))
    ]


def plan_error_message(error: PlanError, language: Language) -> str:
    params = {
        "chars": format_number(error.params.get("chars", 0), language),
        "lines": format_number(error.params.get("lines", 0), language),
        "limit": format_number(
            MAX_PLAN_LINES if error.kind == "too_many_lines" else MAX_PLAN_CHARS, language
        ),
    }
    return t(f"tactics.error_{error.kind}", language, **params)


def show_tactic_check(
    check: PlanCheck, tactics: Taxonomy, language: Language, source: Literal["plan", "list"]
) -> None:
    """Counts by verdict, every line worst first with its evidence, and the downloads.
    ``source`` says which tab shows it, so the two tabs' download buttons differ."""
    csv_key, markdown_key = _DOWNLOAD_KEYS[source]
    counts = check.counts()
    st.subheader(t("tactics.summary", language))
    for column, verdict in zip(st.columns(len(LINE_VERDICTS)), LINE_VERDICTS, strict=True):
        column.metric(
            f"{VERDICT_ICONS[verdict]} {verdict_label(verdict, language)}",
            counts[verdict],
            help=t(f"tactics.meaning_{verdict}", language),
        )
    st.subheader(t("tactics.results", language))
    for line in check.worst_first():
        with st.container(border=True):
            st.markdown(
                f"{VERDICT_ICONS[line.verdict]} **{verdict_label(line.verdict, language)}** · "
                f"{t('tactics.line', language, number=line.number)}: {escape_markdown(line.line)}"
            )
            for label_key, text in line_details(line, tactics, check, language):
                if label_key != "tactics.rules":
                    st.markdown(f"- **{t(label_key, language)}**: {text}")
            if line.rules:
                with st.expander(t("tactics.rules", language)):
                    for rule in line.rules:
                        st.markdown(f"- [{escape_markdown(rule.source)}](<{rule.url}>)")
    csv_column, markdown_column = st.columns(2)
    csv_column.download_button(
        t("tactics.download_csv", language),
        plan_csv(check, tactics, language),
        file_name="smmfit-tactics.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=csv_key,
    )
    markdown_column.download_button(
        t("tactics.download_md", language),
        plan_markdown(check, tactics, language),
        file_name="smmfit-tactics.md",
        mime="text/markdown",
        on_click="ignore",
        icon=":material/download:",
        key=markdown_key,
    )


def session_tactic_summary() -> tuple[tuple[str, str], ...] | None:
    """The plan checked on the Tactic checker page this session, worst lines first, if any."""
    # The Fit page's deck ends with this plan, so it reads the Tactic checker's own widget
    # keys: that page persists them (persist_state="session") for this reason, and it has no
    # other way to hand its plan and context over to another page.
    state = st.session_state
    plan = str(state.get(Key.TACTICS_PLAN, ""))
    if not plan.strip():
        return None
    region = state.get(Key.TACTICS_REGION, WORLDWIDE)
    platform = state.get(Key.TACTICS_PLATFORM, ANY_PLATFORM)
    return _plan_summary(plan, region, None if platform == ANY_PLATFORM else platform)


# Cached: the Fit page asks for it on every rerun, and a long plan takes a while to check.
@st.cache_data(max_entries=16, show_spinner=False)
def _plan_summary(
    plan: str, region: str, platform: str | None
) -> tuple[tuple[str, str], ...] | None:
    try:
        check = check_plan(plan, taxonomy(), Context(region=region, platform=platform), semantics())
    except PlanError:
        return None  # the Tactic checker page shows that error; the deck simply omits it
    return tuple((line.verdict, line.line) for line in check.worst_first())
