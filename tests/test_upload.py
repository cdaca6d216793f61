"""Uploads of a user's own figures: real export formats load, bad rows are named, yours win."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from smmfit.data import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    Dataset,
    Evidence,
    figures_digest,
    parse_upload,
    template_csv,
    with_user_figures,
)
from smmfit.data.upload import MAX_XLSX_CELLS, MAX_XLSX_COLUMNS, clean_number
from smmfit.models import Persona, Weights
from smmfit.ranking import rank
from smmfit.render import render
from smmfit.render.tables import ranking_csv, ranking_frame

PLATFORMS = ("vk", "ok", "dzen", "telegram", "youtube")
HEADER = "platform;region;dimension;category;value;unit;universe;source;url;year;notes"
# What Russian Excel writes for "Save as CSV": Windows-1251, semicolons, decimal commas.
RUSSIAN_EXPORT = "\r\n".join(
    [
        HEADER,
        "dzen;RU;audience;monthly_reach;98,5;million_people;;Наш рекламный кабинет;"
        "https://agency.example.ru/report;2025;охват за месяц",
        "dzen;RU;gender;female;62,5 %;pct_of_platform_audience;;Наш рекламный кабинет;"
        "https://agency.example.ru/report;2025;",
        "dzen;RU;gender;male;37,5 %;pct_of_platform_audience;;Наш рекламный кабинет;"
        "https://agency.example.ru/report;2025;",
    ]
).encode("cp1251")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45,5 %", ("45.5", True)),
        ("45.5%", ("45.5", True)),
        ("1\u00a0234,5", ("1234.5", False)),
        ("1.234,5", ("1234.5", False)),
        ("1,234.5", ("1234.5", False)),
        ("12", ("12", False)),
        ("abc", ("abc", False)),
    ],
)
def test_numbers_as_spreadsheets_write_them(text: str, expected: tuple[str, bool]) -> None:
    assert clean_number(text) == expected


def test_a_russian_excel_export_loads() -> None:
    result = parse_upload("отчёт.csv", RUSSIAN_EXPORT, PLATFORMS)
    assert result.problems == ()
    assert [(f.category, f.value) for f in result.figures] == [
        ("monthly_reach", 98.5),
        ("female", 62.5),
        ("male", 37.5),
    ]
    assert {f.authority for f in result.figures} == {"user"}
    assert result.figures[0].source == "Наш рекламный кабинет"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),
        lambda text: text.encode("cp1251"),
        lambda text: text.replace(";", "\t").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "cp1251", "tabs"],
)
def test_every_accepted_encoding_and_separator(encode: object) -> None:
    text = RUSSIAN_EXPORT.decode("cp1251")
    result = parse_upload("mine.csv", encode(text), PLATFORMS)  # type: ignore[operator]
    assert result.ok and len(result.figures) == 3


def test_comma_separated_with_quoted_decimal_commas() -> None:
    text = (
        "platform,region,dimension,category,value,unit,source,url,year\n"
        'vk,ru,device,mobile,"81,5",pct_of_platform_audience,Ad account,https://a.example/r,2025\n'
    )
    result = parse_upload("mine.csv", text.encode(), PLATFORMS)
    assert result.ok, result.problems
    assert (result.figures[0].region, result.figures[0].value) == ("RU", 81.5)


def test_the_wide_template_loads_one_figure_per_filled_category() -> None:
    header = template_csv("wide").decode("utf-8-sig").strip().split(";")
    row = dict.fromkeys(header, "")
    row.update(
        platform="VK",
        region="Russia",
        dimension="gender",
        source="Client research",
        url="https://agency.example/r",
        year="2024",
        female="55",
        male="45",
    )
    text = ";".join(header) + "\n" + ";".join(row[name] for name in header) + "\n"
    result = parse_upload("wide.csv", text.encode("utf-8-sig"), PLATFORMS)
    assert result.ok, [p.message for p in result.problems]
    assert {(f.platform, f.region, f.category, f.value) for f in result.figures} == {
        ("vk", "RU", "female", 55.0),
        ("vk", "RU", "male", 45.0),
    }


def test_an_xlsx_workbook_loads_with_percent_cells() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["platform", "region", "dimension", "category", "value", "unit", "source",
                  "url", "year"])  # fmt: skip
    sheet.append(["ok", "RU", "device", "mobile", 0.455, "pct_of_platform_audience",
                  "Ad account", "https://a.example/r", 2025])  # fmt: skip
    sheet["E2"].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_upload("mine.xlsx", buffer.getvalue(), PLATFORMS)
    assert result.ok, [p.message for p in result.problems]
    assert result.figures[0].value == pytest.approx(45.5)


BROKEN = "\n".join(
    [
        "platform;region;dimension;category;value;unit;source;url;year",
        "vk;RU;gender;female;55;pct_of_platform_audience;Ad account;https://a.example/r;2025",
        "myspace;RU;gender;female;55;pct_of_platform_audience;Ad account;https://a.example/r;2025",
        "vk;Atlantis;gender;robot;1O;pct_of_platform_audience;Ad account;http://a.example/r;1999",
    ]
).encode("utf-8")


def test_a_broken_file_reports_every_bad_row_with_line_and_column() -> None:
    result = parse_upload("broken.csv", BROKEN, PLATFORMS)
    assert result.figures == ()
    places = {(p.lines, p.column) for p in result.problems}
    assert places == {
        ((3,), "platform"),
        ((4,), "region"),
        ((4,), "category"),
        ((4,), "value"),
        ((4,), "url"),
        ((4,), "year"),
    }
    assert [p.lines for p in result.problems] == sorted(p.lines for p in result.problems)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", '"1O" is not a number.'),
        ("ru", "«1O» — не число."),
    ],
)
def test_row_errors_are_in_the_users_language(language: str, expected: str) -> None:
    result = parse_upload("broken.csv", BROKEN, PLATFORMS)
    [value] = [p for p in result.problems if p.column == "value"]
    assert render(value.note, language) == expected  # type: ignore[arg-type]
    year = next(p for p in result.problems if p.column == "year")
    assert "1999" in render(year.note, language)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("mine.pdf", b"%PDF", "upload.unknown_type"),
        ("mine.csv", b"", "upload.empty"),
        ("mine.csv", b"platform;region\n", "upload.empty"),
        ("mine.xlsx", b"not a zip", "upload.not_xlsx"),
        ("mine.csv", b"\x98\x98\x98;\n1;2\n", "upload.encoding"),
        ("mine.csv", b"a;b\n1;2\n", "row_error.header"),
        ("mine.csv", b"x" * (MAX_UPLOAD_BYTES + 1), "upload.too_big"),
        (
            "mine.csv",
            b"platform;region;dimension;category;value;unit;source;url;year\n"
            + b"vk;RU;device;mobile;1;pct_of_platform_audience;Ads;https://a.example;2025\n"
            * (MAX_ROWS + 1),
            "upload.too_many_rows",
        ),
    ],
    ids=["type", "empty", "header-only", "not-zip", "encoding", "header", "size", "rows"],
)
def test_file_level_problems_have_one_clear_message(name: str, data: bytes, key: str) -> None:
    result = parse_upload(name, data, PLATFORMS)
    assert [p.note.key for p in result.problems] == [key]


def test_your_figures_win_and_change_the_ranking_marked_as_yours(dataset: Dataset) -> None:
    persona, weights = Persona(region="RU"), Weights()
    before = rank(persona, Evidence(dataset), weights)
    assert before.recommendation.platform == "vk"
    figures = parse_upload("отчёт.csv", RUSSIAN_EXPORT, tuple(dataset.platforms)).figures
    after = rank(persona, Evidence(with_user_figures(dataset, figures)), weights)
    assert after.recommendation.platform == "dzen"
    dzen = next(item for item in after.ranking if item.platform == "dzen")
    # Your 98.5M people, plus an estimate for the ages your profile does not publish (13-17).
    assert dzen.audience is not None and dzen.audience >= 98.5e6
    assert any(source.user for source in dzen.sources)
    assert not any(s.user for item in before.ranking for s in item.sources)
    table = ranking_frame(after, "ru")
    marked = dict(zip(table["Сеть"], table["Ваши данные"], strict=True))
    assert marked["Дзен"] == "ваши данные" and marked["ВКонтакте"] == ""
    assert "[your data] Наш рекламный кабинет" in ranking_csv(after, "en").decode("utf-8-sig")


def test_digest_changes_with_the_figures() -> None:
    figures = parse_upload("a.csv", RUSSIAN_EXPORT, PLATFORMS).figures
    assert figures_digest(figures) == figures_digest(tuple(figures))
    assert figures_digest(figures) != figures_digest(figures[:2])


def test_the_server_limit_matches_the_parser() -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit/config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1_000_000 == MAX_UPLOAD_BYTES


def workbook(rows: str, **extra: str) -> bytes:
    """openpyxl's empty workbook with this sheet XML and any extra part (openpyxl would not
    write a million-cell row quickly)."""
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    )
    parts = {"xl/worksheets/sheet1.xml": sheet, **extra}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for name in source.namelist():
            if name not in parts:
                archive.writestr(name, source.read(name))
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


ELEMENTS = "upload_limit.elements"
INLINE = '<c t="inlineStr"><is><t>x</t></is></c>'


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (workbook("<row>" + "<c/>" * 1_000_000 + "</row>"), "upload_limit.columns"),
        (workbook("<row>" + INLINE * 200_000 + "</row>"), "upload_limit.columns"),
        (workbook("<row>" + "<c/>" * (MAX_XLSX_COLUMNS + 1) + "</row>"), "upload_limit.columns"),
        (workbook(("<row>" + "<c/>" * 200 + "</row>") * 1_600), "upload_limit.cells"),
        # A sheet under another name: every part is counted, whatever the relationships say.
        (workbook("", **{"xl/x/s.bin": f"<row>{'<c/>' * 300}</row>"}), "upload_limit.columns"),
        (workbook("", **{"xl/styles.xml": f"<s>{'<x/>' * 2_000_001}</s>"}), ELEMENTS),
    ],
    ids=["million-cell-row", "inline-strings", "one-over", "many-rows", "hidden-part", "styles"],
)  # fmt: skip
def test_a_workbook_too_big_to_read_is_refused_before_reading(data: bytes, key: str) -> None:
    """RELIABILITY-2 H2: a 5 KB workbook of one million-cell row took 55 s and 456 MB."""
    tracemalloc.start()
    try:
        result = parse_upload("bomb.xlsx", data, PLATFORMS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.note.key for p in result.problems] == [key]
    assert peak < 50 * 2**20
    limit = {"columns": MAX_XLSX_COLUMNS, "cells": MAX_XLSX_CELLS, "elements": 2_000_000}
    for language in ("en", "ru"):
        assert str(limit[key.partition(".")[2]]) in render(result.problems[0].note, language)


def test_a_workbook_at_the_limits_is_read() -> None:
    """Exactly MAX_XLSX_COLUMNS cells in the header row: counted, not refused, then parsed."""
    header = "".join(
        f'<c t="inlineStr"><is><t>{name}</t></is></c>'
        for name in ["platform", "region", "dimension", "category", "value", "unit", "source",
                     "url", "year"]
    ) + "<c/>" * (MAX_XLSX_COLUMNS - 9)  # fmt: skip
    row = "".join(
        f'<c t="inlineStr"><is><t>{value}</t></is></c>'
        for value in ["vk", "RU", "gender", "female", "55", "pct_of_platform_audience", "Ads",
                      "https://a.example/r", "2025"]
    )  # fmt: skip
    result = parse_upload("mine.xlsx", workbook(f"<row>{header}</row><row>{row}</row>"), PLATFORMS)
    assert result.ok, [p.note.key for p in result.problems]
    assert MAX_XLSX_CELLS >= (MAX_ROWS + 1) * 25  # the wide template, full


def test_excel_unicode_text_loads() -> None:
    """RELIABILITY-2 I1: Excel's "Unicode text" (UTF-16 with a BOM, TAB-separated) was refused
    as "not a table (NUL)"."""
    text = (
        HEADER.replace(";", "\t")
        + "\r\n"
        + (
            "vk\tRU\tgender\tfemale\t55,5\tpct_of_platform_audience\t\tКабинет\t"
            "https://a.ru/r\t2025\t\r\n"
        )
    )
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        result = parse_upload("unicode.txt", data, PLATFORMS)
        assert result.ok, [p.note.key for p in result.problems]
        assert result.figures[0].source == "Кабинет" and result.figures[0].value == 55.5


def test_a_file_mixing_utf8_and_cp1251_lines_is_refused_naming_the_line() -> None:
    """RELIABILITY-2 L4: it loaded with "РљР°Р±РёРЅРµС‚" as a source."""
    good = "vk;RU;gender;female;55;pct_of_platform_audience;;Кабинет;https://a.ru/r;2025;\n"
    data = (HEADER + "\n" + good).encode("utf-8") + good.replace("female", "male").encode("cp1251")
    result = parse_upload("mixed.csv", data, PLATFORMS)
    assert [p.note.key for p in result.problems] == ["upload_encoding.mixed"]
    assert result.problems[0].note.params == {"line": 3}
    assert "line 3" in render(result.problems[0].note, "en")
    assert "строка 3" in render(result.problems[0].note, "ru")
