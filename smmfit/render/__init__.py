"""Rendering: everything in the user's language, and every file we hand over.

Parts:

- ``i18n`` and ``locales/``: the catalogs (one TOML per language) and Babel formatting;
- ``markup``: escaping data and user text for Markdown;
- ``links``: persona, weights and page state to and from URL query parameters;
- ``tables``: ranking, coverage and upload tables, and the one spreadsheet-safe CSV writer;
- ``charts``: chart specs (Altair, and plain Vega-Lite where speed matters);
- ``text``: a ranking and a coverage report as JSON and terminal tables (the CLI's output);
- ``tactic_reports``: a checked plan as JSON, table, CSV and Markdown;
- ``pack``, ``deck``, ``page``: the meeting pack's content, as PowerPoint and as HTML.

The only smmfit package that knows the user's language. May import ``smmfit.ranking``,
``smmfit.tactics``, ``smmfit.data``, ``smmfit.models`` and ``smmfit.types``; never streamlit.
The meeting pack (python-pptx, the chart renderer) is not imported here: it loads only when
a deck or report is asked for.
"""

from smmfit.render.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    format_number,
    format_people,
    format_share,
    platform_name,
    region_name,
    render,
    settlement_choices,
    t,
    tn,
)
from smmfit.render.markup import escape_markdown, markdown_link
from smmfit.render.tables import safe_csv_rows, safe_csv_text
from smmfit.render.text import headline

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "escape_markdown",
    "format_number",
    "format_people",
    "format_share",
    "headline",
    "markdown_link",
    "platform_name",
    "region_name",
    "render",
    "safe_csv_rows",
    "safe_csv_text",
    "settlement_choices",
    "t",
    "tn",
]
