"""The evidence about one network: every figure, which ones scoring uses, and availability.

Feeds the Platforms page: a user asking "says who?" sees all rows for a network in a region
(and the worldwide rows it may fall back to), with the one the choice rule picked marked.
"""

from __future__ import annotations

import pandas as pd

from smmfit.data.distribution import Provenance
from smmfit.data.evidence import Evidence
from smmfit.data.rows import Availability, Dataset, Figure, PopulationRow, SegmentSignal
from smmfit.models import WORLDWIDE

FIGURE_COLUMNS = [
    "used", "dimension", "category", "value", "unit", "region", "year", "authority", "source",
    "url", "universe", "notes",
]  # fmt: skip


def _used_by(provenance: Provenance | None, figure: Figure) -> bool:
    if provenance is None or provenance.region != figure.region:
        return False
    return any(
        ref.source == figure.source and ref.year == figure.year for ref in provenance.sources
    )


def platform_figures(evidence: Evidence, platform: str, region: str) -> pd.DataFrame:
    """All figures for the network in the region and worldwide; ``used`` marks the chosen ones."""
    ev = evidence.for_platform(platform, region)
    chosen: dict[str, Provenance | None] = {
        "age": ev.age.provenance if ev.age else None,
        "gender": ev.gender.provenance if ev.gender else None,
        "device": ev.device.provenance if ev.device else None,
        "os": ev.device.provenance if ev.device else None,
        "audience": ev.audience.provenance if ev.audience else None,
        "total": ev.audience.provenance if ev.audience else None,
    }
    regions = {region, WORLDWIDE}
    rows = []
    for figure in evidence.dataset.figures:
        if figure.platform != platform or figure.region not in regions:
            continue
        rows.append(
            {
                **figure.model_dump(include=set(FIGURE_COLUMNS)),
                "used": _used_by(chosen.get(figure.dimension), figure),
            }
        )
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.sort_values(
        ["used", "dimension", "region", "year"], ascending=[False, True, True, False]
    ).reset_index(drop=True)


AVAILABILITY_COLUMNS = [
    "region", "status", "scope", "since", "until", "reason", "source", "url", "year",
]  # fmt: skip


def availability_table(dataset: Dataset, platform: str, language: str = "en") -> pd.DataFrame:
    """The network's history in every country: each block, restriction or lifting with its
    scope and dates (``until`` empty while in force), by country, oldest first."""
    rows = [
        {
            **record.model_dump(include={"region", "status", "scope", "since", "source", "url"}),
            "until": record.until.isoformat() if record.until else "",
            "year": record.year,
            "reason": record.reason_in(language),
        }
        for (name, _), records in dataset.availability.items()
        if name == platform
        for record in records
    ]
    frame = pd.DataFrame(rows, columns=AVAILABILITY_COLUMNS)
    # Records are already oldest first per country; a stable sort keeps that order.
    return frame.sort_values("region", kind="stable").reset_index(drop=True)


def source_list(dataset: Dataset) -> pd.DataFrame:
    """Every source behind the data, with its links, years and how many figures it gives."""
    rows: list[dict[str, object]] = []
    collections: list[tuple[str, list[Figure | Availability | SegmentSignal | PopulationRow]]] = [
        ("platform_demographics", list(dataset.figures)),
        ("availability", [r for records in dataset.availability.values() for r in records]),
        ("segment_signals", list(dataset.segment_signals)),
        ("population", list(dataset.population)),
    ]
    for kind, items in collections:
        for item in items:
            rows.append({"source": item.source, "url": item.url, "year": item.year, "file": kind})
    frame = pd.DataFrame(rows, columns=["source", "url", "year", "file"])
    grouped = frame.groupby(["source", "url", "year", "file"], as_index=False).size()
    return (
        grouped.rename(columns={"size": "figures"})
        .sort_values(["file", "source", "year"])
        .reset_index(drop=True)
    )
