"""Shared Streamlit helpers: language, cached data, and the persona form kept in the URL.

The only module besides app.py and pages/ that imports streamlit; caching lives here too.

Why not ``bind="query-params"``: a bound selectbox stores its *formatted label* in the URL
(``region=Russia``, or ``region=Россия`` in Russian), so a link would change meaning with
the viewer's language. Instead the URL holds codes (smmfit.links), read once when a session
starts and written back after every change.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import pycountry
import streamlit as st

from smmfit.audience import audience_profile
from smmfit.charts import audience_charts, ranking_chart
from smmfit.coverage import CoverageReport, coverage
from smmfit.data import DataError, Figure, load_dataset
from smmfit.evidence import Evidence
from smmfit.explorer import source_list
from smmfit.export import HTML_MIME, PPTX_MIME, meeting_pack, pack_html, pack_pptx
from smmfit.i18n import (
    LANGUAGES,
    Language,
    format_number,
    language_of,
    platform_name,
    region_name,
    t,
)
from smmfit.links import (
    explorer_from_query,
    language_from_query,
    persona_from_query,
    persona_to_query,
    view_link,
    weights_from_query,
    weights_to_query,
)
from smmfit.markup import escape_markdown
from smmfit.models import (
    GENDERS,
    GOALS,
    MAX_AGE,
    MAX_NAME_LENGTH,
    MIN_AGE,
    OPERATING_SYSTEMS,
    SEGMENTS,
    WORLDWIDE,
    Goal,
    Note,
    Persona,
    Ranking,
    RegionError,
    Weights,
    default_weights,
    normalise_region,
)
from smmfit.scoring import rank
from smmfit.tables import ranking_csv, ranking_display
from smmfit.tactic_reports import (
    VERDICT_ICONS,
    line_details,
    plan_csv,
    plan_markdown,
    verdict_label,
)
from smmfit.tactics import (
    LINE_VERDICTS,
    MAX_PLAN_CHARS,
    MAX_PLAN_LINES,
    Context,
    PlanCheck,
    PlanError,
    Taxonomy,
    check_plan,
    load_taxonomy,
)
from smmfit.uncertainty import Uncertainty, win_probabilities
from smmfit.upload import figures_digest, parse_upload, with_user_figures
from smmfit.whatif import what_would_change

# Widgets keep their values across page switches (persist_state="session"): leaving the
# Fit page for Networks and coming back must not reset the persona.
REGIONS: tuple[str, ...] = (WORLDWIDE, *sorted(str(c.alpha_2) for c in pycountry.countries))
# A selectbox shows its placeholder for a None option, so "no goal" is a code of its own.
NO_GOAL = "none"
FORM_DEFAULTS: dict[str, Any] = {
    "fit_name": "",
    "fit_region": WORLDWIDE,
    "fit_age": (18, 65),
    "fit_gender": "any",
    "fit_devices": list(OPERATING_SYSTEMS),
    "fit_segment": "b2c",
    "fit_goal": NO_GOAL,
}


@st.cache_resource(max_entries=1)
def builtin_evidence() -> Evidence:
    """The validated data and its chosen evidence, shared by every session (read-only)."""
    return Evidence(load_dataset())


# The user's own figures live in this session only (never on disk); see pages/your_data.py.
USER_FIGURES = "yd_figures"
USER_DIGEST = "yd_digest"
USER_NAME = "yd_name"
USER_PROBLEMS = "yd_problems"
USER_FILE_ID = "yd_file_id"


@st.cache_resource(max_entries=16)
def _evidence_with(digest: str, _figures: tuple[Figure, ...]) -> Evidence:
    # Keyed by the digest alone: the figures are hashed once, when they are accepted.
    return Evidence(with_user_figures(builtin_evidence().dataset, _figures))


def data_key() -> str:
    """Which data this session's pages use: "" for the published data, else a digest."""
    return str(st.session_state.get(USER_DIGEST, ""))


def evidence() -> Evidence:
    """This session's evidence: the published data, extended by the user's own figures."""
    figures = st.session_state.get(USER_FIGURES)
    if figures:
        return _evidence_with(data_key(), tuple(figures))
    return builtin_evidence()


def take_upload(name: str, data: bytes, file_id: str) -> None:
    """Parse an uploaded file once; keep its figures, or its problems (and the old figures)."""
    if st.session_state.get(USER_FILE_ID) == file_id:
        return
    st.session_state[USER_FILE_ID] = file_id
    dataset = builtin_evidence().dataset
    result = parse_upload(name, data, tuple(dataset.platforms), dataset.aliases)
    if result.ok:
        st.session_state[USER_FIGURES] = result.figures
        st.session_state[USER_DIGEST] = figures_digest(result.figures)
        st.session_state[USER_NAME] = name
        st.session_state[USER_PROBLEMS] = ()
    else:
        st.session_state[USER_PROBLEMS] = result.problems


def remove_user_data() -> None:
    """One click: back to the published data."""
    for key in (USER_FIGURES, USER_DIGEST, USER_NAME, USER_PROBLEMS):
        st.session_state.pop(key, None)


def user_data_summary() -> tuple[int, str] | None:
    """How many of the user's figures are in use, and the file they came from."""
    figures = st.session_state.get(USER_FIGURES)
    if not figures:
        return None
    return len(figures), str(st.session_state.get(USER_NAME, ""))


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def language_picker() -> Language:
    """Sidebar language choice: from the link, else the browser's locale."""
    st.session_state.setdefault(
        "lang", language_from_query(_query()) or language_of(st.context.locale)
    )
    chosen = st.sidebar.selectbox(
        t("app.language", language_of(st.session_state["lang"])),
        LANGUAGES,
        format_func=lambda code: t(f"language_name.{code}", code),
        key="lang",
        persist_state="session",
    )
    return language_of(chosen)


def current_language() -> Language:
    return language_of(st.session_state.get("lang") or st.context.locale)


def seed_persona_form() -> list[str]:
    """Fill the form from the link once per session; return the parameters it rejected."""
    if "fit_seeded" not in st.session_state:
        query = _query()
        values, rejected = persona_from_query(query)
        seeded = dict(FORM_DEFAULTS)
        for field in ("name", "region", "gender", "segment", "goal"):
            if field in values:
                seeded[f"fit_{field}"] = values[field]
        if "age_min" in values:
            seeded["fit_age"] = (values["age_min"], values["age_max"])
        if "devices" in values:
            seeded["fit_devices"] = list(values["devices"])
        weights, weights_rejected = weights_from_query(query)
        if weights_rejected:
            rejected.append("weights")
        goal = values.get("goal")
        seeded.update(_weight_state(weights or default_weights(goal)))
        for key, value in seeded.items():
            st.session_state[key] = value
        st.session_state["fit_seeded"] = True
        st.session_state["fit_rejected"] = rejected
    # Warn once: after the user's next change the link's problems no longer apply.
    return list(st.session_state.pop("fit_rejected", []))


def _weight_state(weights: Weights) -> dict[str, float]:
    return {
        "fit_w_reach": weights.reach,
        "fit_w_match": weights.match,
        "fit_w_segment": weights.segment,
        "fit_w_penalty": weights.restricted_penalty,
    }


def _goal_of_state() -> Goal | None:
    goal = st.session_state.get("fit_goal", NO_GOAL)
    return None if goal == NO_GOAL else goal


def _reset_weights() -> None:
    """Back to the current goal's defaults (also when the goal changes)."""
    st.session_state.update(_weight_state(default_weights(_goal_of_state())))


def weights_form(language: Language) -> Weights:
    """Weight sliders in an expander, with a reset to the goal's defaults."""
    with st.expander(t("weights.title", language), icon=":material/tune:"):
        st.caption(t("weights.help", language))
        columns = st.columns(4)
        for column, name in zip(columns, ("reach", "match", "segment", "penalty"), strict=True):
            column.slider(
                t(f"weights.{name}", language),
                0.0,
                1.0,
                step=0.05,
                key=f"fit_w_{name}",
                persist_state="session",
            )
        st.button(
            t("weights.reset", language), on_click=_reset_weights, icon=":material/restart_alt:"
        )
    state = st.session_state
    if state["fit_w_reach"] + state["fit_w_match"] + state["fit_w_segment"] <= 0:
        st.info(t("weights.all_zero", language), icon=":material/info:")
        return default_weights(_goal_of_state()).model_copy(
            update={"restricted_penalty": state["fit_w_penalty"]}
        )
    return Weights(
        reach=state["fit_w_reach"],
        match=state["fit_w_match"],
        segment=state["fit_w_segment"],
        restricted_penalty=state["fit_w_penalty"],
    )


def write_link(persona: Persona, weights: Weights, language: Language) -> None:
    """Rewrite the URL from what the page shows, so a copied link reproduces it."""
    st.query_params.from_dict(
        {**persona_to_query(persona, language), **weights_to_query(weights, persona.goal)}
    )


def persona_form(language: Language) -> Persona:
    """The persona inputs (their values are also written to the URL by write_link)."""
    col_name, col_region, col_segment, col_goal = st.columns([2, 2, 1, 1])
    col_name.text_input(
        t("fit.name", language), key="fit_name", persist_state="session", max_chars=MAX_NAME_LENGTH
    )
    col_region.selectbox(
        t("fit.region", language),
        REGIONS,
        format_func=lambda code: region_name(code, language),
        key="fit_region",
        persist_state="session",
    )
    col_segment.segmented_control(
        t("fit.segment", language),
        SEGMENTS,
        format_func=lambda code: t(f"segment.{code}", language),
        key="fit_segment",
        persist_state="session",
    )
    col_goal.selectbox(
        t("fit.goal", language),
        (NO_GOAL, *GOALS),
        format_func=lambda code: t(f"goal.{code}", language),
        key="fit_goal",
        persist_state="session",
        on_change=_reset_weights,
    )
    col_age, col_gender, col_devices = st.columns([2, 2, 3])
    col_age.slider(t("fit.age", language), MIN_AGE, MAX_AGE, key="fit_age", persist_state="session")
    col_gender.segmented_control(
        t("fit.gender", language),
        GENDERS,
        format_func=lambda code: t(f"gender.{code}", language),
        key="fit_gender",
        persist_state="session",
    )
    col_devices.multiselect(
        t("fit.devices", language),
        OPERATING_SYSTEMS,
        format_func=lambda code: t(f"device.{code}", language),
        key="fit_devices",
        persist_state="session",
    )
    state = st.session_state
    if not state["fit_devices"]:
        st.info(t("fit.empty_devices", language), icon=":material/info:")
    age_min, age_max = state["fit_age"]
    persona = Persona(
        name=state["fit_name"],
        age_min=age_min,
        age_max=age_max,
        # A segmented control can be clicked off (None): that means the default again.
        gender=state["fit_gender"] or "any",
        region=state["fit_region"],
        devices=state["fit_devices"] or list(OPERATING_SYSTEMS),
        segment=state["fit_segment"] or "b2c",
        goal=_goal_of_state(),
    )
    return persona


def _compare_chosen_by_user() -> None:
    st.session_state["fit_compare_by_user"] = True


def compare_selector(networks: list[str], pick: str | None, language: Language) -> str:
    """Which network to hold the persona against: the pick, until the user chooses another."""
    if pick and not st.session_state.get("fit_compare_by_user"):
        st.session_state["fit_compare"] = pick
    chosen: str = st.selectbox(
        t("audience.network", language),
        networks,
        format_func=lambda code: platform_name(code, language),
        key="fit_compare",
        persist_state="session",
        on_change=_compare_chosen_by_user,
    )
    return chosen


def explorer_selectors(language: Language) -> tuple[str, str, list[str]]:
    """Network and region of the Platforms page, seeded once from the link and written back."""
    dataset = evidence().dataset
    platforms = list(dataset.platforms)
    rejected: list[str] = []
    if "plat_seeded" not in st.session_state:
        values, rejected = explorer_from_query(_query(), platforms, dataset.aliases)
        st.session_state["plat_network"] = values.get("network", platforms[0])
        st.session_state["plat_region"] = values.get("region", "RU")
        st.session_state["plat_seeded"] = True
    left, right = st.columns(2)
    network = left.selectbox(
        t("explorer.network", language),
        platforms,
        format_func=lambda code: platform_name(code, language),
        key="plat_network",
        persist_state="session",
    )
    region = right.selectbox(
        t("fit.region", language),
        REGIONS,
        format_func=lambda code: region_name(code, language),
        key="plat_region",
        persist_state="session",
    )
    st.query_params.from_dict({"network": network, "region": region, "lang": language})
    return network, region, rejected


@dataclass(frozen=True)
class FitView:
    """Everything the Fit page shows for one persona, weights and language."""

    result: Ranking
    uncertainty: Uncertainty
    changes: tuple[Note, ...]
    table: pd.DataFrame
    csv: bytes
    chart: dict[str, Any]


# Cached views: switching back to a persona seen before skips scoring and Altair entirely.
# Keys are JSON strings, so equal inputs hash equally; charts are kept as Vega-Lite dicts.
@st.cache_data(max_entries=256, show_spinner=False)
def fit_view(persona_json: str, weights_json: str, language: Language, data: str) -> FitView:
    """``data`` is :func:`data_key`: views of the user's own figures are cached apart."""
    persona = Persona.model_validate_json(persona_json)
    weights = Weights.model_validate_json(weights_json)
    result = rank(persona, evidence(), weights)
    uncertainty = win_probabilities(persona, evidence(), weights)
    return FitView(
        result=result,
        uncertainty=uncertainty,
        changes=what_would_change(result, evidence()),
        table=ranking_display(result, language, uncertainty),
        csv=ranking_csv(result, language, uncertainty),
        chart=ranking_chart(result, language).to_dict(),
    )


def session_tactic_summary() -> tuple[tuple[str, str], ...] | None:
    """The plan checked on the Tactic checker page this session, worst lines first, if any."""
    plan = str(st.session_state.get("tactics_plan", ""))
    if not plan.strip():
        return None
    region = st.session_state.get("tactics_region", WORLDWIDE)
    platform = st.session_state.get("tactics_platform", ANY_PLATFORM)
    return _plan_summary(plan, region, None if platform == ANY_PLATFORM else platform)


# Cached: the Fit page asks for it on every rerun, and a long plan takes a while to check.
@st.cache_data(max_entries=16, show_spinner=False)
def _plan_summary(
    plan: str, region: str, platform: str | None
) -> tuple[tuple[str, str], ...] | None:
    try:
        check = check_plan(plan, taxonomy(), Context(region=region, platform=platform))
    except PlanError:
        return None  # the Tactic checker page shows that error; the deck simply omits it
    return tuple((line.verdict, line.line) for line in check.worst_first())


@st.cache_data(max_entries=4, show_spinner=False)
def sources(data: str) -> pd.DataFrame:
    """Every source behind this session's data (static per data key, so built once)."""
    return source_list(evidence().dataset)


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
    view = fit_view(persona_json, weights_json, language, data)
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
    audience = (
        audience_view(persona_json, pick, persona.region, language, data)[0] if pick else None
    )
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
        mime="text/csv", on_click="ignore", icon=":material/download:", key="fit_csv",
    )  # fmt: skip
    deck_column.download_button(
        t("export.download_deck", language), lambda: files()[0],
        file_name=f"{stem}-{today.isoformat()}.pptx", mime=PPTX_MIME, on_click="ignore",
        icon=":material/slideshow:", key="fit_deck",
    )  # fmt: skip
    report_column.download_button(
        t("export.download_report", language), lambda: files()[1],
        file_name=f"{stem}-{today.isoformat()}.html", mime=HTML_MIME, on_click="ignore",
        icon=":material/description:", key="fit_report",
    )  # fmt: skip


def share_link(persona: Persona, weights: Weights, language: Language) -> None:
    """The link reproducing the view, in a code block (which has a copy button)."""
    st.markdown(f"**{t('export.link', language)}**")
    st.code(view_link(persona, weights, language, st.context.url), language=None)
    st.caption(t("export.link_help", language))


@st.cache_data(max_entries=256, show_spinner=False)
def audience_view(
    persona_json: str | None, platform: str, region: str, language: Language, data: str
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The audience profile of a network and its charts (as Vega-Lite dicts)."""
    persona = Persona.model_validate_json(persona_json) if persona_json else None
    profile = audience_profile(evidence(), platform, region, persona)
    charts = list(audience_charts(profile, language).values())
    return profile, charts


@st.cache_data(max_entries=4, show_spinner=False)
def coverage_report(data: str) -> CoverageReport:
    """The data coverage report, once per data set (``data`` is :func:`data_key`)."""
    return coverage(evidence().dataset)


def persona_summary(language: Language) -> None:
    """The persona being worked on, in the sidebar, so it stays in view on every page."""
    state = st.session_state
    if "fit_seeded" not in state:
        return
    age_min, age_max = state["fit_age"]
    devices = state["fit_devices"] or list(OPERATING_SYSTEMS)
    parts = [
        t(f"gender.{state['fit_gender'] or 'any'}", language),
        f"{age_min}–{age_max}",
        region_name(state["fit_region"], language),
        t(f"segment.{state['fit_segment'] or 'b2c'}", language),
        ", ".join(t(f"device.{d}", language) for d in devices),
    ]
    st.sidebar.caption(t("app.persona", language))
    name = state["fit_name"]
    st.sidebar.markdown(
        escape_markdown(f"{name}: " if name else "") + escape_markdown(" · ".join(parts))
    )


# --- tactic checker ---------------------------------------------------------------------------

ANY_PLATFORM = "any"


@st.cache_resource(max_entries=1)
def taxonomy() -> Taxonomy:
    """The validated tactics and their phrase index, shared by every session (read-only)."""
    return load_taxonomy(platforms=evidence().dataset.platforms)


def _seed_tactics_context() -> None:
    """Country and platform from the link, once per session; anything unknown is ignored."""
    if "tactics_seeded" in st.session_state:
        return
    query = _query()
    region, platform = WORLDWIDE, ANY_PLATFORM
    with contextlib.suppress(RegionError):
        region = normalise_region(query.get("region", [WORLDWIDE])[0])
    with contextlib.suppress(DataError):
        if query.get("platform"):
            platform = evidence().dataset.platform_id(query["platform"][0])
    st.session_state["tactics_region"] = region
    st.session_state["tactics_platform"] = platform
    st.session_state["tactics_seeded"] = True


def tactics_context_form(language: Language) -> Context:
    """Country and platform selectors; the link keeps their codes so it can be shared."""
    _seed_tactics_context()
    platforms = tuple(evidence().dataset.platforms)
    col_region, col_platform = st.columns(2)
    col_region.selectbox(
        t("tactics.region", language),
        REGIONS,
        format_func=lambda code: (
            t("tactics.any_region", language) if code == WORLDWIDE else region_name(code, language)
        ),
        key="tactics_region",
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
        key="tactics_platform",
        persist_state="session",
    )
    region, platform = st.session_state["tactics_region"], st.session_state["tactics_platform"]
    st.query_params["region"] = region
    st.query_params["lang"] = language
    if platform == ANY_PLATFORM:
        st.query_params.pop("platform", None)
    else:
        st.query_params["platform"] = platform
    return Context(region=region, platform=None if platform == ANY_PLATFORM else platform)


def plan_error_message(error: PlanError, language: Language) -> str:
    params = {
        "chars": format_number(error.params.get("chars", 0), language),
        "lines": format_number(error.params.get("lines", 0), language),
        "limit": format_number(
            MAX_PLAN_LINES if error.kind == "too_many_lines" else MAX_PLAN_CHARS, language
        ),
    }
    return t(f"tactics.error_{error.kind}", language, **params)


def show_tactic_check(check: PlanCheck, tactics: Taxonomy, language: Language, key: str) -> None:
    """Counts by verdict, every line worst first with its evidence, and the downloads."""
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
        key=f"tactics_csv_{key}",
    )
    markdown_column.download_button(
        t("tactics.download_md", language),
        plan_markdown(check, tactics, language),
        file_name="smmfit-tactics.md",
        mime="text/markdown",
        on_click="ignore",
        icon=":material/download:",
        key=f"tactics_md_{key}",
    )
