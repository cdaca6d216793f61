"""A user's own figures from an uploaded CSV or XLSX file, parsed and checked like ``data/``.

Accepts what real exports look like: UTF-8 (with or without BOM) or Windows-1251 text,
comma, semicolon or tab separators, decimal commas and percent signs (``45,5 %``), and
Excel workbooks. Two layouts: the long one of ``data/platform_demographics.csv`` (one
figure per row), or the wide template (one row per network, region and dimension, one
column per category). Every problem is reported with its line and column, as a catalog
note; a file with any problem loads nothing.

Uploaded figures get the authority ``user``: the choice rule (smmfit.evidence.choice_key)
prefers them over published figures for the same network, region and dimension.

>>> text = "platform;region;dimension;category;value;unit;source;url;year\\n"
>>> text += "vk;RU;device;mobile;45,5 %;pct_of_platform_audience;Our ad account;https://a.ru/r;2025\\n"
>>> result = parse_upload("mine.csv", text.encode("cp1251"), ("vk",))
>>> result.figures[0].value, result.figures[0].authority, result.problems
(45.5, 'user', ())
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import hashlib
import io
import math
import pyexpat
import warnings
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from smmfit.data.load import RowProblem, figure_problems, header_problems, validate_row
from smmfit.data.rows import Dataset, Figure
from smmfit.models import Note, RegionError, normalise_region

MAX_UPLOAD_MB = 5  # the same limit as server.maxUploadSize in .streamlit/config.toml
# Streamlit's upload widget counts a megabyte as 1,000,000 bytes: so does the parser, so a
# file the widget takes is never refused for its size afterwards (RELIABILITY-2 L3).
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
MAX_ROWS = 10_000
# An .xlsx is a zip: a small file can inflate to gigabytes (a "zip bomb").
MAX_XLSX_UNPACKED_BYTES = 20 * MAX_UPLOAD_BYTES
# The unpacked size does not bound the work: a 5 KB workbook can hold one row of a million
# empty cells, and openpyxl builds every cell of a row before the row is seen whole (55 s and
# 456 MB in RELIABILITY-2 H2). So the workbook's XML is counted first, streamed and without
# building anything: cells in a row (the wide template has 25 columns; 256 is the old Excel's
# width), cells in the workbook (10,001 rows of the wide template are ~250,000) and XML
# elements in all (shared strings, styles and the rest, that openpyxl also reads).
MAX_XLSX_COLUMNS = 256
MAX_XLSX_CELLS = 300_000
MAX_XLSX_ELEMENTS = 2_000_000
_XML_CHUNK = 64 * 1024

LONG_COLUMNS: tuple[str, ...] = tuple(name for name in Figure.model_fields if name != "authority")
WIDE_COLUMNS = ("platform", "region", "dimension", "unit", "universe", "source", "url", "year")
WIDE_OPTIONAL = frozenset({"unit", "universe", "notes"})
WIDE_CATEGORIES = (
    "female", "male", "13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+",
    "mobile", "desktop", "ios", "android", "windows", "macos", "mau",
)  # fmt: skip
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")


@dataclass(frozen=True)
class UploadResult:
    """The figures of a file (none if anything is wrong) and every problem found."""

    figures: tuple[Figure, ...]
    problems: tuple[RowProblem, ...]
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.figures)


class _FileError(Exception):
    def __init__(self, key: str, **params: str | int | float) -> None:
        super().__init__(key)
        self.note = Note(key=key if "." in key else f"upload.{key}", params=params)


def _file_problem(note: Note) -> UploadResult:
    problem = RowProblem(lines=(), column="", cell="", place="file", message="", note=note)
    return UploadResult(figures=(), problems=(problem,))


def clean_number(text: str) -> tuple[str, bool]:
    """A number as Python reads it, and whether it carried a percent sign.

    >>> clean_number("45,5 %"), clean_number("1 234,5"), clean_number("1,234.5")
    (('45.5', True), ('1234.5', False), ('1234.5', False))
    """
    compact = text.translate(_SPACES)
    percent = compact.endswith("%")
    compact = compact.removesuffix("%")
    if "," in compact and "." in compact:
        # The separator that comes last is the decimal one; the other groups thousands.
        thousands = "," if compact.rfind(",") < compact.rfind(".") else "."
        compact = compact.replace(thousands, "").replace(",", ".")
    elif compact.count(",") == 1:
        compact = compact.replace(",", ".")
    return compact, percent


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # Excel's "Unicode text" is UTF-16 with a byte order mark (and TAB-separated).
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _FileError("encoding") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Lines that are UTF-8 beside lines that are not (one pasted from another file) would
    # load as mojibake, "РљР°Р±РёРЅРµС‚" for "Кабинет", in a file that otherwise looks fine.
    bad = 0
    utf8_text = False
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            utf8_text |= not line.decode("utf-8").isascii()
        except UnicodeDecodeError:
            bad = bad or number
        if bad and utf8_text:
            raise _FileError("upload_encoding.mixed", line=bad)
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise _FileError("encoding") from None


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _csv_table(data: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(data)
    if "\x00" in text:
        raise _FileError("not_a_table", reason="NUL")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n")[0]))
    table = []
    try:
        for row in reader:
            table.append((reader.line_num, row))
            if len(table) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise _FileError("not_a_table", reason=str(error)[:120]) from None
    return table


def _xlsx_text(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if "%" in number_format:  # Excel keeps 45.5% as 0.455
            value *= 100
        return f"{value:.12g}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


class _XmlCount:
    """Cells per row, cells and elements of a workbook's XML, refused as soon as one is over."""

    def __init__(self) -> None:
        self.in_row = 0
        self.cells = 0
        self.elements = 0

    def start(self, name: str, _attributes: object) -> None:
        self.elements += 1
        if self.elements > MAX_XLSX_ELEMENTS:
            raise _FileError("upload_limit.elements", limit=MAX_XLSX_ELEMENTS)
        local = name.rpartition(" ")[2]  # "namespace local" (namespace_separator below)
        if local == "row":
            self.in_row = 0
        elif local in ("c", "si"):  # a cell; a shared string (one per distinct text cell)
            self.cells += 1
            if self.cells > MAX_XLSX_CELLS:
                raise _FileError("upload_limit.cells", limit=MAX_XLSX_CELLS)
            if local == "c":
                self.in_row += 1
                if self.in_row > MAX_XLSX_COLUMNS:
                    raise _FileError("upload_limit.columns", limit=MAX_XLSX_COLUMNS)


def _count_xlsx_cells(data: bytes) -> None:
    """Stream every part of the workbook through expat, counting; raise on the first limit.

    Every part, not only ``xl/worksheets/*``: a workbook names its sheets through its
    relationships, so a sheet may sit under any name. A part that is not XML (an image) ends
    its own count; openpyxl refuses it later if it was meant to be a sheet. Expat expands no
    external entities and caps entity amplification (billion laughs)."""
    count = _XmlCount()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            parser = pyexpat.ParserCreate(namespace_separator=" ")
            parser.StartElementHandler = count.start
            try:
                with archive.open(info) as part:
                    while chunk := part.read(_XML_CHUNK):
                        parser.Parse(chunk, False)
                    parser.Parse(b"", True)
            except pyexpat.ExpatError:
                continue
            except (
                zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError
            ):  # fmt: skip
                # A damaged part (bad deflate stream, CRC, unknown compression) is unreadable.
                raise _FileError("not_xlsx") from None


def _xlsx_table(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # NotImplementedError: a zip whose compression method Python does not know.
        raise _FileError("not_xlsx") from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise _FileError("too_big", size=round(unpacked / 1e6, 1), limit=MAX_UPLOAD_MB)
    _count_xlsx_cells(data)
    import openpyxl  # a large import, needed only for workbooks

    table = []
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; the values still load.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                for line, row in enumerate(sheet.iter_rows(), start=1):
                    cells = [
                        _xlsx_text(cell.value, str(getattr(cell, "number_format", "")))
                        for cell in row
                    ]
                    table.append((line, cells))
                    if len(table) > MAX_ROWS + 1:
                        break
            finally:
                workbook.close()
    except Exception:  # any failure inside a workbook means "not readable"
        raise _FileError("not_xlsx") from None
    return table


def _prepare(cells: dict[str, str], aliases: Mapping[str, str]) -> tuple[dict[str, str], bool]:
    """The forgiving part: codes in any case, country names, numbers as exported."""
    prepared = dict(cells)
    platform = prepared.get("platform", "").strip().lower()
    prepared["platform"] = aliases.get(platform, platform)
    # A region that does not normalise stays as written, for the model to report.
    with contextlib.suppress(RegionError, ValueError):
        prepared["region"] = normalise_region(prepared.get("region", ""))
    for column in ("dimension", "unit", "category"):
        if column in prepared:
            prepared[column] = prepared[column].strip().lower()
    percent = False
    if "value" in prepared:
        prepared["value"], percent = clean_number(prepared["value"])
    if "year" in prepared:
        prepared["year"] = prepared["year"].strip().removesuffix(".0")
    prepared["authority"] = "user"
    return prepared, percent


def _validate(
    line: int, cells: dict[str, str], label: str, aliases: Mapping[str, str]
) -> tuple[Figure | None, list[RowProblem]]:
    """One figure from its cells; ``label`` renames the category and value columns (wide)."""
    prepared, percent = _prepare(cells, aliases)
    figure, problems = validate_row(Figure, line, prepared)
    if label:
        problems = [
            dataclasses.replace(p, column=label) if p.column in ("category", "value") else p
            for p in problems
        ]
    if figure is not None and percent and not figure.unit.startswith("pct"):
        cell = cells.get("value", "")
        problems.append(
            RowProblem(
                lines=(line,),
                column=label or "value",
                cell=cell,
                place=f"line {line}, column {label or 'value'}",
                message="a percentage in a figure whose unit is not a percentage",
                note=Note(key="row_error.percent_cell", params={"cell": cell[:80]}),
            )
        )
        figure = None
    return figure, problems


def _extra_cells(line: int, header: Sequence[str], row: Sequence[str]) -> list[RowProblem]:
    if any(cell.strip() for cell in row[len(header) :]):
        return [
            RowProblem(
                lines=(line,),
                column="",
                cell="",
                place=f"line {line}",
                message="more cells than columns",
                note=Note(key="row_error.extra_cells"),
            )
        ]
    return []


def _long_rows(
    header: list[str], table: list[tuple[int, list[str]]], aliases: Mapping[str, str]
) -> tuple[list[tuple[int, Figure]], list[RowProblem]]:
    figures, problems = [], []
    for line, row in table:
        problems += _extra_cells(line, header, row)
        cells = {name: cell for name, cell in zip(header, row, strict=False) if name}
        figure, found = _validate(line, cells, "", aliases)
        problems += found
        if figure is not None:
            figures.append((line, figure))
    return figures, problems


def _wide_rows(
    header: list[str], table: list[tuple[int, list[str]]], aliases: Mapping[str, str]
) -> tuple[list[tuple[int, Figure]], list[RowProblem]]:
    categories = [name for name in header if name and name not in (*WIDE_COLUMNS, "notes")]
    figures, problems = [], []
    for line, row in table:
        problems += _extra_cells(line, header, row)
        cells = {name: cell for name, cell in zip(header, row, strict=False) if name}
        common = {name: cells.get(name, "") for name in (*WIDE_COLUMNS, "notes")}
        dimension = common["dimension"].strip().lower()
        if not common["unit"].strip():
            common["unit"] = (
                "million_people" if dimension == "audience" else "pct_of_platform_audience"
            )
        for category in categories:
            value = cells.get(category, "")
            if not value.strip():
                continue
            figure, found = _validate(
                line, {**common, "category": category, "value": value}, category, aliases
            )
            problems += found
            if figure is not None:
                figures.append((line, figure))
    return figures, problems


def _header(row: Sequence[str]) -> list[str]:
    names = [cell.strip().lstrip("\ufeff").strip().lower() for cell in row]
    while names and not names[-1]:
        names.pop()
    return names


def parse_upload(
    name: str,
    data: bytes,
    known_platforms: Sequence[str],
    aliases: Mapping[str, str] | None = None,
) -> UploadResult:
    """The figures in an uploaded file, or every problem in it. Never raises on bad input."""
    if len(data) > MAX_UPLOAD_BYTES:
        size = round(len(data) / 1e6, 1)
        return _file_problem(
            Note(key="upload.too_big", params={"size": size, "limit": MAX_UPLOAD_MB})
        )
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    try:
        if suffix == "xlsx":
            table = _xlsx_table(data)
        elif suffix in ("csv", "txt"):
            table = _csv_table(data)
        else:
            raise _FileError("unknown_type")
    except _FileError as problem:
        return _file_problem(problem.note)
    table = [(line, row) for line, row in table if any(cell.strip() for cell in row)]
    if len(table) < 2:
        return _file_problem(Note(key="upload.empty"))
    if len(table) > MAX_ROWS + 1:
        return _file_problem(Note(key="upload.too_many_rows", params={"limit": MAX_ROWS}))
    header, body = _header(table[0][1]), table[1:]
    if "category" in header or "value" in header or "dimension" not in header:
        problems = header_problems(Figure, [*header, "authority"])
        figures, row_problems = ([], []) if problems else _long_rows(header, body, aliases or {})
    else:
        required = [column for column in WIDE_COLUMNS if column not in WIDE_OPTIONAL]
        missing = [column for column in required if column not in header]
        problems = (
            [
                RowProblem(
                    lines=(1,),
                    column="",
                    cell="",
                    place="line 1",
                    message=f"missing columns {', '.join(missing)}",
                    note=Note(
                        key="row_error.header",
                        params={"missing": ", ".join(missing), "unknown": "-"},
                    ),
                )
            ]
            if missing
            else []
        )
        figures, row_problems = ([], []) if problems else _wide_rows(header, body, aliases or {})
    problems += row_problems
    # Checks across rows run on the valid rows too, so one pass names every bad row.
    problems += figure_problems(figures, known_platforms)
    if not problems and not figures:
        return _file_problem(Note(key="upload.empty"))
    if problems:
        ordered = sorted(problems, key=lambda p: (p.lines or (0,), p.column))
        return UploadResult(figures=(), problems=tuple(ordered), rows=len(body))
    return UploadResult(figures=tuple(figure for _, figure in figures), problems=(), rows=len(body))


def figures_digest(figures: Sequence[Figure]) -> str:
    """A short fingerprint of a set of figures: the cache key of evidence built from them."""
    digest = hashlib.sha256()
    for figure in figures:
        digest.update(figure.model_dump_json().encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def with_user_figures(dataset: Dataset, figures: Sequence[Figure]) -> Dataset:
    """The dataset extended by the user's figures (authority ``user``, so they win)."""
    return dataclasses.replace(dataset, figures=(*dataset.figures, *figures))


def template_csv(layout: str, separator: str = ";") -> bytes:
    """An empty template (header row only: no invented numbers), UTF-8 with BOM for Excel.

    >>> template_csv("wide").decode("utf-8-sig").split(";")[:3]
    ['platform', 'region', 'dimension']
    """
    columns = LONG_COLUMNS if layout == "long" else (*WIDE_COLUMNS, *WIDE_CATEGORIES, "notes")
    return (separator.join(columns) + "\r\n").encode("utf-8-sig")


__all__ = [
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_MB",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_COLUMNS",
    "UploadResult",
    "clean_number",
    "figures_digest",
    "parse_upload",
    "template_csv",
    "with_user_figures",
]
