"""Tables and downloads in the user's language: the ranking, coverage, uploaded figures.

Every CSV smmfit writes goes through :func:`safe_csv_text` (formulas neutralised, CRLF rows).

>>> from smmfit.data import coverage, load_dataset
>>> list(coverage_frame(coverage(load_dataset())).columns)
['platform', 'region', 'dimension', 'year', 'reason']
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from smmfit.data.coverage import FRAME_COLUMNS, CoverageReport
from smmfit.data.load import RowProblem
from smmfit.data.rows import Figure
from smmfit.models import PlatformResult, Ranking
from smmfit.ranking import Uncertainty
from smmfit.render.i18n import (
    DEFAULT_LANGUAGE,
    Language,
    format_number,
    format_people,
    format_share,
    platform_name,
    render,
    t,
)

# Spreadsheet apps run a cell starting with = + - @ TAB or CR as a formula (CSV injection).
# Which character splits cells is the reader's choice: Excel uses the locale's list separator
# (";" in Russian and most of Europe), "Unicode text" is TAB-separated, and a reader that gets
# the quoting wrong splits at a line break. So a formula start is neutralised at the start of
# the text and after any of , ; TAB CR LF, also behind quote characters (a reader that drops
# them would see the formula), by a "'" (RELIABILITY-2 M1: "x;=1+1;" was a live formula).
CSV_SEPARATORS = ",;\t\r\n"
FORMULA_STARTS = "=+-@\t\r"
_FORMULA_AT = re.compile(r'(^|[,;\t\r\n])(?="*[=+\-@\t\r])')


def ranking_frame(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> pd.DataFrame:
    """One row per network, ranked ones first: the table the Fit page shows.

    With ``uncertainty``, a column gives how often each network comes out first.
    """
    with_user_data = any(source.user for item in result.ranking for source in item.sources)
    rows = []
    for item in result.ranking:
        rows.append(
            {
                t("table.rank", language): item.rank,
                t("table.platform", language): platform_name(item.platform, language),
                t("table.score", language): item.score,
                t("table.status", language): t(f"status.label_{item.status}", language),
                t("table.reach", language): item.reach,
                t("table.reach_range", language): _reach_range(item, language),
                t("table.match_share", language): item.match_share,
                t("table.affinity", language): item.affinity,
                **(
                    {
                        t("table.win_probability", language): uncertainty.probability_of(
                            item.platform
                        )
                    }
                    if uncertainty is not None
                    else {}
                ),
                t("table.note", language): render(item.status_note, language)
                if item.status_note
                else "",
                # Only with an upload in use: which networks' scores rest on the user's data.
                **(
                    {
                        t("table_user.your_data", language): t("your_data.marker", language)
                        if any(source.user for source in item.sources)
                        else ""
                    }
                    if with_user_data
                    else {}
                ),
            }
        )
    return pd.DataFrame(rows)


UNKNOWN = "—"


def _reach_range(item: PlatformResult, language: Language) -> str:
    """ "low – high" where the reach is a range, marked when no figure covers part of it."""
    if item.reach_low is None or item.reach_high is None or item.reach_high <= item.reach_low:
        return ""
    text = f"{format_people(item.reach_low, language)} – {format_people(item.reach_high, language)}"
    return f"{text} ({t('table.estimated', language)})" if item.reach_estimated else text


def ranking_display(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> pd.DataFrame:
    """The ranking as the page shows it: numbers formatted for the locale, unknowns as a dash."""
    frame = ranking_frame(result, language, uncertainty)
    columns: dict[str, Callable[[float, Language], str]] = {
        t("table.rank", language): lambda v, _: str(int(v)),
        t("table.score", language): format_number,
        t("table.reach", language): format_people,
        t("table.match_share", language): format_share,
        t("table.affinity", language): lambda v, lang: format_number(round(v), lang),
    }
    if uncertainty is not None:
        columns[t("table.win_probability", language)] = format_share
    for column, formatter in columns.items():
        frame[column] = [UNKNOWN if pd.isna(v) else formatter(v, language) for v in frame[column]]
    return frame


ObjectArray = npt.NDArray[np.object_]


def _user_mark(user: bool, language: Language) -> str:
    return f"[{t('your_data.marker', language)}] " if user else ""


def safe_cell(value: object) -> object:
    """Text with a "'" before every formula start a spreadsheet could split it into.

    >>> safe_cell("x;=1+1;"), safe_cell("=1"), safe_cell("a, -b"), safe_cell(-1)
    ("x;'=1+1;", "'=1", 'a, -b', -1)
    """
    if isinstance(value, str):
        return _FORMULA_AT.sub(r"\1'", value)
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas: every CSV we write uses it.

    >>> neutralise_formulas(pd.DataFrame({"name": ["=1+1", "a;@b"], "n": [-1, 2]})).values.tolist()
    [["'=1+1", -1], ["a;'@b", 2]]

    Numbers are left as they are: a negative number is a number, not a formula.
    """
    safe = frame.rename(columns=safe_cell)
    # Only text can hold a formula; skipping numeric columns keeps 100,000-row exports fast.
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = _neutralised(safe[column])
    return safe


def _neutralised(column: pd.Series) -> pd.Series:
    """:func:`safe_cell` of every cell. Text without line feeds goes through the rule at once,
    joined by line feeds: a line feed is a separator the rule knows, so a cell's start after
    one is neutralised as the start of the cell alone would be, and no formula start looks
    past one (a million distinct names in one pass instead of a million calls)."""
    if isinstance(column.dtype, pd.CategoricalDtype) or len(column) < 2:
        return column.map(safe_cell)
    cells = column.to_numpy(dtype=object)
    if not all(isinstance(cell, str) for cell in cells):
        return column.map(safe_cell)
    joined = "\n".join(cells)
    if joined.count("\n") != len(cells) - 1:
        return column.map(safe_cell)
    safe = _FORMULA_AT.sub(r"\1'", joined).split("\n")
    return pd.Series(safe, index=column.index, name=column.name, dtype=column.dtype)


def safe_csv_text(frame: pd.DataFrame) -> str:
    r"""CSV text safe to open in a spreadsheet: no formulas, and every line break quoted.

    Rows end in CRLF (RFC 4180), so a cell holding a bare CR is quoted too; with pandas'
    default LF endings it would not be, and a spreadsheet would start a new row there.

    >>> safe_csv_text(pd.DataFrame({"a": ["x\rok"]}))
    'a\r\n"x\rok"\r\n'
    """
    safe = neutralise_formulas(frame)
    lines = _csv_lines(safe)
    if lines is not None:
        return "\r\n".join([*lines, ""])
    # A row of one empty cell is written '""', not as the cell alone: one column goes through
    # the writer itself.
    cells = None if len(safe.columns) > 1 else _csv_cells(safe)
    if cells is None:
        return safe.to_csv(index=False, lineterminator="\r\n")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe.columns)
    writer.writerows(zip(*cells, strict=True))
    return out.getvalue()


def safe_csv_rows(frame: pd.DataFrame) -> tuple[str, list[str]]:
    r"""The header and each row of :func:`safe_csv_text`, without their line ends: rows a
    caller may put in another order (rank-batch ranks its rows grouped by region).

    >>> safe_csv_rows(pd.DataFrame({"a": ["=1", "x"], "b": [0.5, None]}))
    ('a,b', ["'=1,0.5", 'x,'])
    """
    safe = neutralise_formulas(frame)
    lines = _csv_lines(safe)
    if lines is not None:
        return lines[0], lines[1:]
    # Each row as safe_csv_text writes it (a column's cells are formatted one by one there
    # too, so a row's text does not depend on the others').
    header = safe_csv_text(frame.iloc[:0])
    rows = [
        safe_csv_text(frame.iloc[[row]]).removeprefix(header).removesuffix("\r\n")
        for row in range(len(frame))
    ]
    return header.removesuffix("\r\n"), rows


def _csv_lines(safe: pd.DataFrame) -> list[str] | None:
    """The header and each row of a frame already neutralised, for the columns
    :func:`_csv_cells` covers, as pandas' writer writes them; ``None`` otherwise."""
    # One column goes through the writer itself (see safe_csv_text).
    if len(safe.columns) < 2:
        return None
    cells = _csv_cells(safe, quoted=True)
    if cells is None:
        return None
    # pandas' own writer, as to_csv sets it up: the same quoting, so the same text.
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(safe.columns)
    # Cells quoted as the writer quotes them, joined by commas: the writer's text without its
    # call per row (a million rows of 40 cells), and without a buffer of 4 bytes a character.
    return [out.getvalue().removesuffix("\r\n"), *map(",".join, zip(*cells, strict=True))]


# The characters for which the writer quotes a cell (the delimiter, the quote character and
# the line terminator's): a cell without them is written as it is.
_NEEDS_QUOTES = re.compile('[,"\r\n]')


def _quoted(cells: ObjectArray) -> ObjectArray:
    """Each text as :func:`csv.writer` writes it in a row of several cells."""
    if _NEEDS_QUOTES.search("".join(cells)) is None:
        return cells
    return np.array(
        [_csv_field(cell) if _NEEDS_QUOTES.search(cell) else cell for cell in cells], dtype=object
    )


def _csv_field(cell: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([cell, ""])
    return out.getvalue().removesuffix(",\r\n")


def _csv_cells(frame: pd.DataFrame, *, quoted: bool = False) -> list[ObjectArray] | None:
    """Each column's cells as the text :meth:`pandas.DataFrame.to_csv` writes, each distinct
    value formatted once (a batch has a million rows and a few thousand distinct scores);
    ``None`` where a column is of a kind this does not cover (to_csv writes it then). With
    ``quoted``, text is quoted as the writer quotes it in a row of several cells.

    Floats as numpy writes them (``astype(str)``, the shortest text that reads back the
    same), told apart by their bits so that -0.0 stays -0.0; missing values empty. The
    distinct floats of every column are formatted together (score columns share most).
    Numbers, missing values and booleans hold nothing the writer quotes.
    """
    if not all(isinstance(name, str) for name in frame.columns):
        return None
    quote = _quoted if quoted else (lambda cells: cells)
    cells: list[ObjectArray] = []
    floats: list[int] = []
    for _, column in frame.items():
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes = column.cat.codes.to_numpy()
            labels = np.array([*(str(c) for c in column.cat.categories), ""], dtype=object)
            cells.append(quote(labels)[codes])
        elif column.dtype == np.float64:
            floats.append(len(cells))
            cells.append(column.to_numpy())
        elif column.dtype in (np.bool_, np.int64):
            where, distinct = pd.factorize(column.to_numpy())
            cells.append(distinct.astype(str).astype(object)[where])
        elif column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            values = column.to_numpy(dtype=object, na_value="")
            if not all(isinstance(value, str) for value in values):
                return None
            cells.append(quote(values))
        else:
            return None
    if floats:
        where, bits = pd.factorize(np.concatenate([cells[i].view(np.int64) for i in floats]))
        distinct = bits.view(np.float64)
        text = distinct.astype(str).astype(object)
        text[np.isnan(distinct)] = ""
        for i, part in zip(floats, np.split(text[where], len(floats)), strict=True):
            cells[i] = part
    return cells


def safe_csv_bytes(frame: pd.DataFrame) -> bytes:
    """:func:`safe_csv_text` as UTF-8 with a BOM, so Excel reads Cyrillic: every download."""
    return safe_csv_text(frame).encode("utf-8-sig")


def ranking_csv(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> bytes:
    """The ranking as UTF-8 CSV (with BOM, so Excel reads Cyrillic), safe against formulas."""
    frame = ranking_frame(result, language, uncertainty)
    frame[t("table.gaps", language)] = [
        " | ".join(render(gap, language) for gap in item.gaps) for item in result.ranking
    ]
    frame[t("table.sources", language)] = [
        " | ".join(
            f"{_user_mark(s.user, language)}{s.source} ({s.year}) {s.url}" for s in item.sources
        )
        for item in result.ranking
    ]
    return safe_csv_bytes(frame)


def coverage_frame(report: CoverageReport, language: Language = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """One row per cell: platform, region, dimension, year (nullable) and reason (text)."""
    return pd.DataFrame(
        {
            "platform": [c.platform for c in report.cells],
            "region": [c.region for c in report.cells],
            "dimension": [c.dimension for c in report.cells],
            "year": pd.array([c.year for c in report.cells], dtype="Int64"),
            "reason": [render(c.reason, language) if c.reason else None for c in report.cells],
        },
        columns=list(FRAME_COLUMNS),
    )


def problems_frame(problems: Sequence[RowProblem], language: Language) -> pd.DataFrame:
    """Problems as the page lists them: line(s), column, the reason in the language."""
    return pd.DataFrame(
        {
            t("your_data.col_lines", language): [
                ", ".join(str(line) for line in p.lines) or "—" for p in problems
            ],
            t("your_data.col_column", language): [p.column or "—" for p in problems],
            t("your_data.col_reason", language): [render(p.note, language) for p in problems],
        }
    )


def figures_frame(figures: Sequence[Figure], language: Language) -> pd.DataFrame:
    """The user's figures in use, one row each."""
    columns = ("platform", "region", "dimension", "category", "value", "unit", "source", "year")
    return pd.DataFrame(
        [[getattr(figure, column) for column in columns] for figure in figures],
        columns=[t(f"your_data.col_{column}", language) for column in columns],
    )
