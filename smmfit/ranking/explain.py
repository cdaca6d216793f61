"""One persona's ranking, explained: factors, gaps, reasons, sources and the pick.

:func:`rank` scores with the engine (:mod:`smmfit.ranking.engine`) and adds, for each
network, what a reader needs to trust or question the number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np

from smmfit.data import (
    Availability,
    Evidence,
    PlatformEvidence,
    Provenance,
)
from smmfit.data.availability import status_on
from smmfit.data.evidence import STALE_AFTER_YEARS
from smmfit.models import (
    FACTORS,
    MAX_AGE,
    MIN_AGE,
    FactorScore,
    Note,
    Persona,
    PlatformResult,
    Ranking,
    Recommendation,
    SourceRef,
    Weights,
    default_weights,
)
from smmfit.ranking.engine import (
    UNKNOWN_FACTOR_SCORE,
    PersonaArrays,
    device_mask,
    device_share,
    effective_weights,
    pick_order,
    score_arrays,
)

_SHOWN_ARRAYS = (
    "score",
    "match",
    "match_low",
    "match_high",
    "reach",
    "reach_low",
    "reach_high",
    "audience",
    "affinity",
    "scored",
    "population_share",
)


def _optional(value: float) -> float | None:
    return None if math.isnan(value) else value


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _status_note(record: Availability | None, region: str) -> Note | None:
    """What the record in force says, worded for its scope (an age group, ads, a feature)."""
    if record is None:
        return None
    params: dict[str, str | int | float] = {
        "region": region,
        "since": record.since,
        "reason": record.reason,
        **({"reason_ru": record.reason_ru} if record.reason_ru else {}),
    }
    kind = record.scope_kind
    if not record.since:
        key = f"status.{record.status}_never"
    elif kind == "service":
        key = f"status.{record.status}"
    else:
        key = f"status.{kind}_{record.status}"
        if record.scope_ages is not None:
            params["ages"] = "{}-{}".format(*record.scope_ages)
        if record.scope_feature:
            params["feature"] = record.scope_feature
    return Note(key=key, params=params)


def _provenance_gaps(
    dimension: str, provenance: Provenance | None, region: str, this_year: int
) -> list[Note]:
    if provenance is None:
        return []
    notes = []
    if provenance.region != region:
        notes.append(Note(key="gap.fallback", params={"dimension": dimension, "region": region}))
    if provenance.authority == "low":
        notes.append(Note(key="gap.low_authority", params={"dimension": dimension}))
    if this_year - provenance.year > STALE_AFTER_YEARS:
        notes.append(
            Note(key="gap.stale", params={"dimension": dimension, "year": provenance.year})
        )
    if provenance.derived_from_penetration:
        notes.append(Note(key="gap.derived", params={"dimension": dimension}))
    return notes


# Below this share of its audience a profile's misplacement is rounding, not worth a caveat.
MISPLACED_NOTE_SHARE = 0.005


def _gaps(
    persona: Persona,
    ev: PlatformEvidence,
    row: dict[str, list[float]],
    j: int,
    this_year: int,
    *,
    misplaced: float = 0.0,
) -> tuple[Note, ...]:
    """The caveats of one network's figures for the persona; ``misplaced`` is the share of
    its audience a profile the population contradicts puts where nobody is left."""
    region = persona.region
    notes: list[Note] = []
    needs_age = not (persona.age_min <= MIN_AGE and persona.age_max >= MAX_AGE)
    for dimension, distribution, needed in (
        ("age", ev.age, needs_age),
        ("gender", ev.gender, persona.gender != "any"),
    ):
        if distribution is None:
            if needed:
                notes.append(Note(key="gap.missing", params={"dimension": dimension}))
            continue
        if not needed:
            continue
        notes.extend(_provenance_gaps(dimension, distribution.provenance, region, this_year))
        if dimension == "age" and persona.age_min < distribution.domain[0]:
            notes.append(
                Note(key="gap.outside_universe", params={"first_age": distribution.domain[0]})
            )
    if misplaced >= MISPLACED_NOTE_SHARE and (needs_age or persona.gender != "any"):
        notes.append(Note(key="gap.contradicted", params={"share": round(misplaced, 3)}))
    low, high = row["match_low"][j], row["match_high"][j]
    if not math.isnan(low) and high - low > 0.0005:
        notes.append(Note(key="gap.bounds", params={"low": round(low, 4), "high": round(high, 4)}))
    if not persona.all_devices:
        if np.isnan(device_share(ev.device, device_mask(persona.devices))):
            notes.append(Note(key="gap.device"))
        else:
            notes.extend(
                _provenance_gaps(
                    "device", ev.device.provenance if ev.device else None, region, this_year
                )
            )
    scored = not math.isnan(row["score"][j])
    if persona.settlement is not None and scored and not ev.splits_by_settlement:
        notes.append(
            Note(
                key="gap.no_settlement", params={"settlement": persona.settlement, "region": region}
            )
        )
    if not scored and row["scored"][j]:
        notes.insert(0, Note(key="gap.no_data", params={"region": region}))
    if ev.audience is None:
        notes.append(Note(key="gap.audience", params={"region": region}))
    else:
        notes.extend(_provenance_gaps("audience", ev.audience.provenance, region, this_year))
    if math.isnan(row["population_share"][j]):
        notes.append(Note(key="gap.population", params={"region": region}))
    if persona.segment not in ev.segment:
        notes.append(Note(key="gap.segment", params={"segment": persona.segment}))
    return tuple(notes)


def _sources(
    ev: PlatformEvidence, persona: Persona, record: Availability | None
) -> tuple[SourceRef, ...]:
    provenances: list[Provenance] = []
    for item in (ev.age, ev.gender, ev.device, ev.audience):
        if item is not None:
            provenances.append(item.provenance)
    if persona.segment in ev.segment:
        provenances.append(ev.segment[persona.segment].provenance)
    refs = {ref for provenance in provenances for ref in provenance.sources}
    if record is not None:
        refs.add(SourceRef(source=record.source, url=record.url, year=record.year))
    return tuple(sorted(refs, key=lambda r: (r.source, r.url, r.year)))


def explain_reasons(
    pick: PlatformResult, runner: PlatformResult | None, results: Sequence[PlatformResult]
) -> list[Note]:
    candidates = [r for r in results if r.recommendable and r.score is not None]
    reasons = [
        Note(
            key="reason.score",
            params={"platform": pick.platform, "score": round(pick.score or 0, 1)},
        )
    ]
    if pick.reach_estimated:
        # No source splits this network's audience for the persona: its reach, match and
        # affinity are a range with a stand-in centre, so the reasons give the range and never
        # present the centre (which sits at the population's own mix) as a finding.
        reasons.extend(_estimated_reasons(pick))
    else:
        reasons.extend(_sourced_reasons(pick, candidates))
    segment = pick.factors["segment"]
    if segment.score is not None and segment.score >= 100:
        reasons.append(Note(key="reason.segment_best"))
    if pick.status == "restricted":
        reasons.append(Note(key="reason.restricted", params={"platform": pick.platform}))
    if pick.kind == "messenger":
        # Its reach is people who use it, but not a feed a brand can post into: the test is
        # of a messenger's own formats.
        reasons.append(Note(key="reason.messenger", params={"platform": pick.platform}))
    if runner is not None and runner.score is not None:
        gap = round((pick.score or 0) - runner.score, 1)
        reasons.append(
            Note(
                key="reason.runner_up" if gap > 0 else "reason.runner_up_level",
                params={"runner": runner.platform, "score": round(runner.score, 1), "gap": gap},
            )
        )
    # Said once, for the pick: the persona's settlement type is not in its figures.
    unsplit = next((note for note in pick.gaps if note.key == "gap.no_settlement"), None)
    if unsplit is not None:
        reasons.append(
            Note(key="reason.no_settlement", params={**unsplit.params, "platform": pick.platform})
        )
    if pick.gaps:
        reasons.append(Note(key="reason.caveats", params={"count": len(pick.gaps)}))
    blocked = [r.platform for r in results if r.status == "blocked"]
    if blocked:
        reasons.append(Note(key="reason.blocked", params={"platforms": ", ".join(blocked)}))
    return reasons


def rank(
    persona: Persona,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    today: date | None = None,
    *,
    as_of: date | None = None,
) -> Ranking:
    """Every tracked network ranked for one persona, with factors, gaps, sources and a pick.

    Availability is taken as of ``as_of`` (default today): events that ended before it are
    history, not a penalty. Blocked networks stay in the list (with reason and date) but are
    never the pick, even when ``include_blocked`` scores them as if they were reachable.
    """
    weights = weights or default_weights(persona.goal)
    this_year = (today or date.today()).year
    as_of = as_of or date.today()
    arrays = score_arrays(
        evidence,
        persona.region,
        PersonaArrays.of([persona]),
        [weights],
        include_blocked,
        as_of=as_of,
    )
    normal = np.array([[weights.normalised()[f] for f in FACTORS]])
    used = effective_weights(arrays.factor_scores, normal, np.asarray(arrays.scored))[0]
    normalised = dict(zip(FACTORS, used.tolist(), strict=True))
    ages = (persona.age_min, persona.age_max)
    dataset = evidence.dataset
    # One conversion to Python floats per array: per-element numpy access dominated the
    # time of a single ranking (issue 12's 5 ms target).
    row = {name: getattr(arrays, name)[0].tolist() for name in _SHOWN_ARRAYS}
    factor_rows = {factor: arrays.factor_scores[factor][0].tolist() for factor in FACTORS}
    scores = row["score"]
    # Ranks follow the score, highest first; equal scores keep the data's order.
    ordered = sorted(
        range(len(arrays.platforms)),
        key=lambda j: (math.isnan(scores[j]), -(0.0 if math.isnan(scores[j]) else scores[j]), j),
    )
    rank_of = {j: position + 1 for position, j in enumerate(ordered) if not math.isnan(scores[j])}
    results: list[PlatformResult] = []
    for j, platform in enumerate(arrays.platforms):
        ev = evidence.for_platform(platform, persona.region)
        cells = evidence.people(platform, persona.region)
        score = _optional(scores[j])
        status = arrays.status[0][j]
        record = status_on(dataset, platform, persona.region, as_of, ages)[1]
        multiplier = weights.restricted_penalty if status == "restricted" else 1.0
        factors = {}
        for factor in FACTORS:
            value = _optional(factor_rows[factor][j]) if score is not None else None
            # An unknown factor counts at the middle of its range, as in the engine.
            shown = UNKNOWN_FACTOR_SCORE if value is None else value
            points = shown * normalised[factor] * multiplier if score is not None else 0.0
            factors[factor] = FactorScore(
                score=_round(value, 2), weight=round(normalised[factor], 4), points=round(points, 2)
            )
        info = dataset.platforms[platform]
        results.append(
            PlatformResult(
                platform=platform,
                name=info.name,
                zone=info.zone,
                kind=info.kind,
                rank=rank_of.get(j),
                score=_round(score, 2),
                status=status,
                status_note=_status_note(record, persona.region),
                recommendable=status != "blocked",
                match_share=_round(_optional(row["match"][j])),
                match_share_low=_round(_optional(row["match_low"][j])),
                match_share_high=_round(_optional(row["match_high"][j])),
                reach=_round(_optional(row["reach"][j]), 0),
                reach_low=_round(_optional(row["reach_low"][j]), 0),
                reach_high=_round(_optional(row["reach_high"][j]), 0),
                reach_estimated=bool(arrays.estimated[0, j]),
                audience=_round(_optional(row["audience"][j]), 0),
                # From a stand-in centre where a part of the persona has no sourced split
                # (the population's own mix): unknown, not a finding.
                affinity=None
                if arrays.estimated[0, j]
                else _round(_optional(row["affinity"][j]), 1),
                factors=factors,
                gaps=_gaps(
                    persona,
                    ev,
                    row,
                    j,
                    this_year,
                    misplaced=cells.misplaced_share if cells is not None else 0.0,
                ),
                sources=_sources(ev, persona, record),
            )
        )
    ranked = [results[j] for j in ordered]
    by_platform = {r.platform: r for r in ranked}
    order, valid = pick_order(arrays.score[0], np.array([r.recommendable for r in results]))
    chosen = [by_platform[arrays.platforms[j]] for j, ok in zip(order, valid, strict=True) if ok]
    pick = chosen[0] if chosen else None
    runner = chosen[1] if len(chosen) > 1 else None
    if pick is None:
        recommendation = Recommendation(
            platform=None, runner_up=None, reasons=(Note(key="reason.no_pick"),)
        )
    else:
        recommendation = Recommendation(
            platform=pick.platform,
            runner_up=runner.platform if runner else None,
            reasons=tuple(explain_reasons(pick, runner, ranked)),
        )
    return Ranking(
        persona=persona,
        weights=weights,
        include_blocked=include_blocked,
        as_of=as_of,
        ranking=tuple(ranked),
        recommendation=recommendation,
    )


def _sourced_reasons(pick: PlatformResult, candidates: list[PlatformResult]) -> list[Note]:
    """Reach, match and affinity of a pick whose audience split is sourced for the persona."""
    notes: list[Note] = []
    reaches = [r.reach for r in candidates if r.reach is not None]
    if pick.reach is not None and reaches and pick.reach >= max(reaches):
        notes.append(Note(key="reason.largest_reach", params={"people": round(pick.reach)}))
    elif pick.reach is not None:
        notes.append(Note(key="reason.reach", params={"people": round(pick.reach)}))
    matches = [r.match_share for r in candidates if r.match_share is not None]
    if pick.match_share is not None and matches and pick.match_share >= max(matches):
        notes.append(Note(key="reason.highest_match", params={"share": round(pick.match_share, 4)}))
    elif pick.match_share is not None:
        notes.append(Note(key="reason.match", params={"share": round(pick.match_share, 4)}))
    if pick.affinity is not None:
        index = round(pick.affinity)
        key = (
            "reason.affinity_level"
            if index == 100
            else "reason.affinity_over"
            if index > 100
            else "reason.affinity_under"
        )
        notes.append(Note(key=key, params={"index": index}))
    return notes


def _estimated_reasons(pick: PlatformResult) -> list[Note]:
    """Reach and match of a pick as the ranges they are; its affinity is unknown."""
    notes: list[Note] = []
    if pick.reach_low is not None and pick.reach_high is not None:
        notes.append(
            Note(
                key="reason.reach_range",
                params={"people_low": round(pick.reach_low), "people_high": round(pick.reach_high)},
            )
        )
    if pick.match_share_low is not None and pick.match_share_high is not None:
        notes.append(
            Note(
                key="reason.match_range",
                params={
                    "low": round(pick.match_share_low, 4),
                    "high": round(pick.match_share_high, 4),
                },
            )
        )
    notes.append(Note(key="reason.affinity_unknown"))
    return notes
