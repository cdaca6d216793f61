"""A network's audience profile in a region, and where a persona overlaps it.

One row per published category (age band, gender, device kind), with the share of the
network's audience in it, how much of that category the persona covers, and where the figure
comes from. Audience that the published bands leave unassigned is a row of its own
("not published", or the other gender when only one is published), so a gap is shown as a
gap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from smmfit.data.distribution import Distribution, Provenance
from smmfit.data.evidence import Evidence
from smmfit.models import DEVICE_GROUPS, Persona

NOT_PUBLISHED = "not_published"
PROFILE_COLUMNS = [
    "dimension", "category", "order", "share", "persona_overlap", "source", "url", "year",
    "region", "authority", "remainder",
]  # fmt: skip


def _band_label(low: int, high: int, domain_high: int) -> str:
    return f"{low}+" if high >= domain_high else f"{low}-{high}"


def _source_fields(provenance: Provenance) -> dict[str, object]:
    first = provenance.sources[0] if provenance.sources else None
    return {
        "source": "; ".join(ref.source for ref in provenance.sources),
        "url": first.url if first else "",
        "year": provenance.year,
        "region": provenance.region,
        "authority": provenance.authority,
    }


def _distribution_rows(
    dimension: str,
    distribution: Distribution,
    query: tuple[int, int] | None,
    labels: dict[int, str] | None,
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    fields = _source_fields(distribution.provenance)
    order = np.argsort(distribution.lows)
    overlap = distribution.band_overlap(*query) if query else None
    for position, index in enumerate(order):
        low, high = int(distribution.lows[index]), int(distribution.highs[index])
        covered = float(overlap[index]) if overlap is not None else None
        label = labels[low] if labels else _band_label(low, high, distribution.domain[1])
        rows.append(
            {
                "dimension": dimension,
                "category": label,
                "order": position,
                "share": float(distribution.shares[index]),
                "persona_overlap": covered,
                **fields,
                "remainder": False,
            }
        )
    if distribution.unknown_mass > 0.0005:
        # When the unassigned rest can only be one category (the other gender), it is that
        # category, derived as the remainder; otherwise it stays "not published".
        # Bands that cover every category but add up to less than 100% (Meta's "unknown"
        # gender, rounding) leave a rest with no category of its own: "not published".
        gaps = distribution.uncovered
        point = (
            gaps[0][0]
            if labels is not None and len(gaps) == 1 and gaps[0][0] == gaps[0][1]
            else None
        )
        rows.append(
            {
                "dimension": dimension,
                "category": labels[point] if labels and point is not None else NOT_PUBLISHED,
                "order": len(order),
                "share": distribution.unknown_mass,
                "persona_overlap": (
                    float(query[0] <= point <= query[1]) if point is not None and query else None
                ),
                **fields,
                "remainder": True,
            }
        )
    return rows


def audience_profile(
    evidence: Evidence, platform: str, region: str, persona: Persona | None = None
) -> pd.DataFrame:
    """The chosen age, gender and device figures of ``platform`` in ``region``.

    Without a persona ``persona_overlap`` is None throughout. With one, it is the part of each
    category the persona covers (0-1; within an age band people follow the region's
    population, as in scoring), None for the unassigned rest.
    """
    ev = evidence.for_platform(platform, region)
    rows: list[dict[str, object]] = []
    ages = (persona.age_min, persona.age_max) if persona else None
    if ev.age is not None:
        rows += _distribution_rows("age", ev.age, ages, None)
    if ev.gender is not None:
        genders = (
            {"female": (0, 0), "male": (1, 1), "any": (0, 1)}[persona.gender] if persona else None
        )
        rows += _distribution_rows("gender", ev.gender, genders, {0: "female", 1: "male"})
    if ev.device is not None:
        fields = _source_fields(ev.device.provenance)
        for position, (kind, share) in enumerate(sorted(ev.device.kinds.items())):
            chosen = set(DEVICE_GROUPS[kind]) & set(persona.devices) if persona else set()
            rows.append(
                {
                    "dimension": "device",
                    "category": kind,
                    "order": position,
                    "share": share,
                    "persona_overlap": len(chosen) / len(DEVICE_GROUPS[kind]) if persona else None,
                    **fields,
                    "remainder": False,
                }
            )
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)
