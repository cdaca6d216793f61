"""The data layer: the sourced figures, validated, and the evidence chosen from them.

Parts:

- ``rows``: one row model per data file, and :class:`Dataset` that holds them all;
- ``load``: reads and validates ``data/`` (errors name file, line and column);
- ``availability``: which availability record is in force on a date, for a persona's ages;
- ``upload``: a user's own figures from CSV or XLSX, every problem named;
- ``distribution``: shares with honest bounds (:class:`Distribution`) and the population;
- ``evidence``: the choice rule, one figure per cell (:class:`Evidence`);
- ``coverage``: which cells have a figure, and why the rest is a gap;
- ``sources``: every figure of a network, availability across countries, the source list;
- ``audience``: a network's audience profile against a persona.

May import ``smmfit.types`` and ``smmfit.models`` only: never ranking, tactics, rendering
or streamlit. Nothing here speaks the user's language; notes are keys that
``smmfit.render`` renders.

>>> dataset = load_dataset()
>>> "vk" in dataset.platforms
True
"""

from smmfit.data.audience import NOT_PUBLISHED, PROFILE_COLUMNS, audience_profile
from smmfit.data.availability import as_of_range, check_as_of, history, status_on
from smmfit.data.coverage import (
    COVERAGE_DIMENSIONS,
    RECENT_PROFILE_YEAR,
    TRACKED_REGIONS,
    CoverageCell,
    CoverageReport,
    LargestNetwork,
    coverage,
)
from smmfit.data.distribution import (
    AudienceSize,
    DeviceMix,
    Distribution,
    Population,
    Provenance,
)
from smmfit.data.evidence import STALE_AFTER_YEARS, Evidence, PlatformEvidence, choice_key
from smmfit.data.load import (
    RowProblem,
    figure_problems,
    header_problems,
    load_dataset,
    load_platforms,
    read_rows,
    validate_row,
)
from smmfit.data.rows import (
    AUDIENCE_KINDS,
    AUTHORITIES,
    DATA_DIR,
    Availability,
    DataError,
    Dataset,
    Figure,
    PlatformInfo,
    PopulationRow,
    SegmentSignal,
    parse_age_band,
)
from smmfit.data.sources import availability_table, platform_figures, source_list
from smmfit.data.upload import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    UploadResult,
    figures_digest,
    parse_upload,
    template_csv,
    with_user_figures,
)

__all__ = [
    "AUDIENCE_KINDS",
    "AUTHORITIES",
    "COVERAGE_DIMENSIONS",
    "DATA_DIR",
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_MB",
    "NOT_PUBLISHED",
    "PROFILE_COLUMNS",
    "RECENT_PROFILE_YEAR",
    "STALE_AFTER_YEARS",
    "TRACKED_REGIONS",
    "AudienceSize",
    "Availability",
    "CoverageCell",
    "CoverageReport",
    "DataError",
    "Dataset",
    "DeviceMix",
    "Distribution",
    "Evidence",
    "Figure",
    "LargestNetwork",
    "PlatformEvidence",
    "PlatformInfo",
    "Population",
    "PopulationRow",
    "Provenance",
    "RowProblem",
    "SegmentSignal",
    "UploadResult",
    "as_of_range",
    "audience_profile",
    "availability_table",
    "check_as_of",
    "choice_key",
    "coverage",
    "figure_problems",
    "figures_digest",
    "header_problems",
    "history",
    "load_dataset",
    "load_platforms",
    "parse_age_band",
    "parse_upload",
    "platform_figures",
    "read_rows",
    "source_list",
    "status_on",
    "template_csv",
    "validate_row",
    "with_user_figures",
]
