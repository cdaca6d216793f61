"""How much of the platform x region x dimension grid the data covers, and why the rest is a gap.

:func:`coverage` asks :class:`smmfit.evidence.Evidence` what scoring would use for every
network, region and dimension, so the report applies exactly the choice rule of scoring and
never a second copy of it. Each cell says:

- ``covered``: a figure for this very region; ``year`` is the year of the figure scoring
  uses, ``reason`` an optional caveat (low authority, older than the block, stale...);
- ``fallback``: no figure for the region, so scoring uses the worldwide one (``reason`` says
  which year); the cell counts as a gap;
- ``gap``: nothing usable, ``reason`` says why (blocked, never offered, only daily counts...);
- ``not_applicable``: the question does not arise (availability is recorded per country).

Reasons are translatable :class:`~smmfit.models.Note` objects; rendering them in a language
is the job of :func:`smmfit.render.tables.coverage_frame`.

>>> from smmfit.data import load_dataset
>>> report = coverage(load_dataset())
>>> report.cell("instagram", "RU", "availability").status
'covered'
"""

from __future__ import annotations

import statistics
from datetime import date
from typing import Literal, get_args

from pydantic import Field

from smmfit.data.availability import history, status_on
from smmfit.data.distribution import Distribution, Provenance
from smmfit.data.evidence import STALE_AFTER_YEARS, Evidence, PlatformEvidence
from smmfit.data.rows import Availability, Dataset
from smmfit.models import MAX_AGE, MIN_AGE, WORLDWIDE, Note, SourceRef, Status
from smmfit.types import Frozen

ALL_AGES = (MIN_AGE, MAX_AGE)

# Worldwide, the three spheres, then the markets our users work in.
TRACKED_REGIONS: tuple[str, ...] = (
    "WW",
    "RU",
    "US",
    "CN",
    "FR",
    "DE",
    "GB",
    "TR",
    "TH",
    "BR",
    "IN",
)
CoverageDimension = Literal[
    "gender", "age", "device", "os", "audience", "segment", "availability"
]  # fmt: skip
COVERAGE_DIMENSIONS: tuple[CoverageDimension, ...] = get_args(CoverageDimension)
# "stale": only a figure older than the freshness threshold (scoring.STALE_AFTER_YEARS) is
# there; scoring still uses it, with a caveat, but the report counts the cell as a gap.
CellStatus = Literal["covered", "stale", "fallback", "gap", "not_applicable"]

FRAME_COLUMNS = ("platform", "region", "dimension", "year", "reason")


class CoverageCell(Frozen):
    """One platform x region x dimension: the year scoring uses, or why there is none."""

    platform: str
    region: str
    dimension: CoverageDimension
    status: CellStatus
    year: int | None = Field(
        default=None, description="year of the figure scoring uses; None unless covered"
    )
    reason: Note | None = Field(
        default=None, description="why the cell is a gap, or a caveat on a covered cell"
    )
    authority: str | None = None
    sources: tuple[SourceRef, ...] = ()

    @property
    def covered(self) -> bool:
        return self.status == "covered"


class CoverageTotals(Frozen):
    """Figures about the whole file and the whole grid."""

    rows: int = Field(description="figures in platform_demographics.csv")
    sources: int = Field(description="distinct source names among those figures")
    cells: int
    applicable_cells: int = Field(description="cells that are not 'not_applicable'")
    covered_cells: int
    share_covered: float = Field(description="covered / applicable cells, 0-1")
    share_covered_by_dimension: dict[str, float]
    as_of: int = Field(description="the year ages are measured from")
    median_age_years: float | None = Field(description="median of as_of - year over all figures")
    median_age_used_years: float | None = Field(
        description="median of as_of - year over the figures of covered cells"
    )


# Issue 13's bar for the networks that decide answers: the largest in each country need an
# age and a gender split from a source this recent (of the country itself, not worldwide).
RECENT_PROFILE_YEAR = 2023
LARGEST_PER_REGION = 5


class LargestNetwork(Frozen):
    """One of a country's largest networks (by the audience scoring uses) and its profile."""

    region: str
    platform: str
    audience: float = Field(description="people, the audience figure scoring uses")
    age_year: int | None = Field(description="year of the country's own age split, if any")
    gender_year: int | None = Field(description="year of the country's own gender split")

    @property
    def recent(self) -> bool:
        years = (self.age_year, self.gender_year)
        return all(year is not None and year >= RECENT_PROFILE_YEAR for year in years)


class CoverageReport(Frozen):
    """The coverage grid, one cell per platform x region x dimension, and its totals."""

    totals: CoverageTotals
    cells: list[CoverageCell]
    largest: list[LargestNetwork] = Field(
        default_factory=list,
        description="per country, its largest networks not blocked there, largest first",
    )

    @property
    def largest_recent(self) -> int:
        """How many of the countries' largest networks have a recent age and gender split."""
        return sum(network.recent for network in self.largest)

    def cell(self, platform: str, region: str, dimension: str) -> CoverageCell:
        for item in self.cells:
            if (item.platform, item.region, item.dimension) == (platform, region, dimension):
                return item
        raise KeyError((platform, region, dimension))


def _note(key: str, **params: str | int | float) -> Note:
    return Note(key=f"coverage.{key}", params=params)


def _block(record: Availability | None) -> Note | None:
    """The gap reason for a network blocked in the region, if it is."""
    if record is None or record.status != "blocked":
        return None
    if not record.since:
        return _note("never_offered")
    return _note("blocked", since=record.since)


def _caveat(provenance: Provenance, record: Availability | None, as_of: int) -> Note | None:
    """The most important caveat on a covered cell, or None."""
    blocked_since = record.since if record is not None and record.status == "blocked" else ""
    if blocked_since and provenance.year < int(blocked_since[:4]):
        return _note("pre_block", year=provenance.year, since=blocked_since)
    if as_of - provenance.year > STALE_AFTER_YEARS:
        return _note("stale", year=provenance.year)
    if provenance.authority == "low":
        return _note("low_authority")
    if provenance.derived_from_penetration:
        return _note("derived")
    return None


class _Grid:
    """Builds the cells of one region for one platform from the evidence scoring uses."""

    def __init__(self, evidence: Evidence, as_of: int, today: date) -> None:
        self.evidence = evidence
        self.dataset = evidence.dataset
        self.as_of = as_of
        self.today = today
        self.raw: dict[tuple[str, str, str], list[str]] = {}
        for figure in self.dataset.figures:
            key = (figure.platform, figure.region, figure.dimension)
            self.raw.setdefault(key, []).append(figure.category)

    def _covered(
        self,
        platform: str,
        region: str,
        dimension: CoverageDimension,
        provenance: Provenance,
        record: Availability | None,
    ) -> CoverageCell:
        if provenance.region != region:
            return CoverageCell(
                platform=platform,
                region=region,
                dimension=dimension,
                status="fallback",
                reason=_note("fallback", year=provenance.year),
                authority=provenance.authority,
                sources=provenance.sources,
            )
        reason = _caveat(provenance, record, self.as_of)
        stale = self.as_of - provenance.year > STALE_AFTER_YEARS
        return CoverageCell(
            platform=platform,
            region=region,
            dimension=dimension,
            status="stale" if stale else "covered",
            year=provenance.year,
            reason=reason if not stale or reason else _note("stale", year=provenance.year),
            authority=provenance.authority,
            sources=provenance.sources,
        )

    def _gap(
        self, platform: str, region: str, dimension: CoverageDimension, reason: Note
    ) -> CoverageCell:
        return CoverageCell(
            platform=platform, region=region, dimension=dimension, status="gap", reason=reason
        )

    def cells(self, platform: str, region: str) -> list[CoverageCell]:
        ev = self.evidence.for_platform(platform, region)
        # The status in force today for the whole population; only a block in force makes
        # the other dimensions a gap ("blocked since ...").
        status, in_force = status_on(self.dataset, platform, region, self.today, ALL_AGES)
        record = in_force if status == "blocked" else None
        return [
            self._distribution(platform, region, "gender", ev.gender, record),
            self._distribution(platform, region, "age", ev.age, record),
            self._device(platform, region, ev, record),
            self._os(platform, region, ev, record),
            self._audience(platform, region, ev, record),
            self._segment(platform, region, ev, record),
            self._availability(platform, region, status, in_force),
        ]

    def _distribution(
        self,
        platform: str,
        region: str,
        dimension: Literal["gender", "age"],
        chosen: Distribution | None,
        record: Availability | None,
    ) -> CoverageCell:
        own = chosen is not None and chosen.provenance.region == region
        if chosen is not None and own:
            return self._covered(platform, region, dimension, chosen.provenance, record)
        blocked = _block(record)
        if blocked is not None:
            return self._gap(platform, region, dimension, blocked)
        if chosen is not None:
            return self._covered(platform, region, dimension, chosen.provenance, record)
        published = len(self.raw.get((platform, region, dimension), ()))
        if published:
            return self._gap(platform, region, dimension, _note("unusable", count=published))
        return self._gap(platform, region, dimension, _note("missing"))

    def _device(
        self, platform: str, region: str, ev: PlatformEvidence, record: Availability | None
    ) -> CoverageCell:
        mix = ev.device
        if mix is not None and mix.provenance.region == region:
            return self._covered(platform, region, "device", mix.provenance, record)
        blocked = _block(record)
        if blocked is not None:
            return self._gap(platform, region, "device", blocked)
        if mix is not None:
            return self._covered(platform, region, "device", mix.provenance, record)
        return self._gap(platform, region, "device", _note("missing"))

    def _os(
        self, platform: str, region: str, ev: PlatformEvidence, record: Availability | None
    ) -> CoverageCell:
        systems = ev.device.systems_provenance if ev.device is not None else None
        if systems is not None and systems.region == region:
            return self._covered(platform, region, "os", systems, record)
        blocked = _block(record)
        if blocked is not None:
            return self._gap(platform, region, "os", blocked)
        if systems is not None:
            return self._covered(platform, region, "os", systems, record)
        published = any((platform, where, "os") in self.raw for where in (region, WORLDWIDE))
        if published and ev.device is None:
            return self._gap(platform, region, "os", _note("os_without_device"))
        return self._gap(platform, region, "os", _note("missing"))

    def _audience(
        self, platform: str, region: str, ev: PlatformEvidence, record: Availability | None
    ) -> CoverageCell:
        if ev.audience is not None:
            return self._covered(platform, region, "audience", ev.audience.provenance, record)
        blocked = _block(record)
        if blocked is not None:
            return self._gap(platform, region, "audience", blocked)
        kinds = set(self.raw.get((platform, region, "audience"), ()))
        if kinds:  # only daily counts: scoring never reads them as monthly
            return self._gap(platform, region, "audience", _note("daily_only"))
        published = len(self.raw.get((platform, region, "total"), ()))
        if published:
            return self._gap(platform, region, "audience", _note("unusable", count=published))
        return self._gap(platform, region, "audience", _note("missing"))

    def _segment(
        self, platform: str, region: str, ev: PlatformEvidence, record: Availability | None
    ) -> CoverageCell:
        blocked = _block(record)
        if blocked is not None:
            return self._gap(platform, region, "segment", blocked)
        if not ev.segment:
            return self._gap(platform, region, "segment", _note("not_surveyed"))
        # Segment signals are surveys of marketers, not of a country's users: one worldwide
        # question serves every region, so outside WW the cell is a fallback.
        newest = max(ev.segment.values(), key=lambda s: s.provenance.year).provenance
        return self._covered(platform, region, "segment", newest, None)

    def _availability(
        self, platform: str, region: str, status: Status, record: Availability | None
    ) -> CoverageCell:
        if region == WORLDWIDE:
            return CoverageCell(
                platform=platform,
                region=region,
                dimension="availability",
                status="not_applicable",
                reason=_note("per_country"),
            )
        past = history(self.dataset, platform, region)
        if not past:
            return self._gap(platform, region, "availability", _note("no_record"))
        if record is None:
            # Every recorded event has ended: the network is available, and the data says so.
            last = max(past, key=lambda r: r.until or date.min)
            reason = _note("status_ended", until=last.until.isoformat() if last.until else "")
        else:
            suffix = "" if record.since else "_never"
            reason = _note(f"status_{status}{suffix}", since=record.since)
            last = record
        return CoverageCell(
            platform=platform,
            region=region,
            dimension="availability",
            status="covered",
            year=last.year,
            reason=reason,
            sources=(SourceRef(source=last.source, url=last.url, year=last.year),),
        )


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def coverage(
    dataset: Dataset,
    regions: tuple[str, ...] = TRACKED_REGIONS,
    as_of: int | None = None,
) -> CoverageReport:
    """The coverage grid of ``dataset``: every platform x region x dimension.

    ``as_of`` is the year ages are counted from (default: this year). Availability is the
    status in force today for the whole population (:mod:`smmfit.data.availability`).
    """
    year_now = as_of if as_of is not None else date.today().year
    grid = _Grid(Evidence(dataset), year_now, date.today())
    cells = [cell for platform in dataset.platforms for region in regions
             for cell in grid.cells(platform, region)]  # fmt: skip
    applicable = [c for c in cells if c.status != "not_applicable"]
    covered = [c for c in applicable if c.covered]
    by_dimension = {}
    for dimension in COVERAGE_DIMENSIONS:
        in_dimension = [c for c in applicable if c.dimension == dimension]
        hits = sum(c.covered for c in in_dimension)
        by_dimension[dimension] = hits / len(in_dimension) if in_dimension else 0.0
    totals = CoverageTotals(
        rows=len(dataset.figures),
        sources=len({figure.source for figure in dataset.figures}),
        cells=len(cells),
        applicable_cells=len(applicable),
        covered_cells=len(covered),
        share_covered=len(covered) / len(applicable) if applicable else 0.0,
        share_covered_by_dimension=by_dimension,
        as_of=year_now,
        median_age_years=_median([year_now - figure.year for figure in dataset.figures]),
        median_age_used_years=_median([year_now - c.year for c in covered if c.year is not None]),
    )
    return CoverageReport(totals=totals, cells=cells, largest=_largest(grid, regions, cells))


def _largest(
    grid: _Grid, regions: tuple[str, ...], cells: list[CoverageCell]
) -> list[LargestNetwork]:
    """Each country's LARGEST_PER_REGION largest networks not blocked there on the grid's day."""
    year_of = {
        (c.platform, c.region, c.dimension): c.year
        for c in cells
        if c.covered and c.dimension in ("age", "gender")
    }
    result = []
    for region in regions:
        if region == WORLDWIDE:
            continue
        sizes = []
        for platform in grid.dataset.platforms:
            status, _ = status_on(grid.dataset, platform, region, grid.today, ALL_AGES)
            audience = grid.evidence.for_platform(platform, region).audience
            if status != "blocked" and audience is not None:
                sizes.append((audience.people, platform))
        for people, platform in sorted(sizes, key=lambda item: (-item[0], item[1]))[
            :LARGEST_PER_REGION
        ]:
            result.append(
                LargestNetwork(
                    region=region,
                    platform=platform,
                    audience=people,
                    age_year=year_of.get((platform, region, "age")),
                    gender_year=year_of.get((platform, region, "gender")),
                )
            )
    return result


__all__ = [
    "COVERAGE_DIMENSIONS",
    "FRAME_COLUMNS",
    "TRACKED_REGIONS",
    "CellStatus",
    "CoverageCell",
    "CoverageDimension",
    "CoverageReport",
    "CoverageTotals",
    "LargestNetwork",
    "coverage",
]
