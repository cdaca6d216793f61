"""Tables, CSV download and chart spec built from a ranking."""

from __future__ import annotations

import csv
import io
import json
import re

import altair as alt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmfit.data import Dataset, Evidence, parse_upload, with_user_figures
from smmfit.models import Persona
from smmfit.ranking import rank
from smmfit.render.charts import ranking_chart, ranking_points
from smmfit.render.tables import (
    FORMULA_STARTS,
    neutralise_formulas,
    ranking_csv,
    ranking_frame,
    safe_cell,
    safe_csv_rows,
    safe_csv_text,
)


def test_ranking_frame_has_every_network_in_order(evidence: Evidence) -> None:
    result = rank(Persona(region="RU"), evidence)
    frame = ranking_frame(result, "ru")
    assert len(frame) == len(evidence.dataset.platforms)
    assert list(frame.columns)[:3] == ["Место", "Сеть", "Балл"]
    assert frame.iloc[0]["Сеть"] == "ВКонтакте" or frame.iloc[0]["Место"] == 1


def test_csv_opens_in_excel_and_neutralises_formulas(synthetic: Evidence) -> None:
    persona = Persona(region="DE", name='=HYPERLINK("http://evil")')
    data = ranking_csv(rank(persona, synthetic), "en")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Cyrillic correctly
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rank", "Network", "Score"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_chart_points_match_the_scores(evidence: Evidence) -> None:
    result = rank(Persona(region="US", gender="female"), evidence)
    points = ranking_points(result, "en")
    totals = points.groupby("network")["points"].sum()
    for item in result.ranking:
        if item.score is not None:
            assert (
                abs(totals[item.name if item.name != "X (Twitter)" else "X (Twitter)"] - item.score)
                < 0.05
            )


def test_chart_is_a_stacked_bar_in_ranking_order(evidence: Evidence) -> None:
    result = rank(Persona(region="CN"), evidence)
    spec = ranking_chart(result, "en")
    assert spec["mark"]["type"] == "bar"
    ranked = [item for item in result.ranking if item.score is not None]
    assert spec["encoding"]["y"]["sort"][0] == {
        "weibo": "Weibo",
        "wechat": "WeChat",
        "douyin": "Douyin",
    }.get(ranked[0].platform, spec["encoding"]["y"]["sort"][0])
    assert spec["encoding"]["color"]["scale"]["range"] == ["#0072B2", "#E69F00", "#009E73"]


@pytest.mark.parametrize(
    ("persona", "language"),
    [
        (Persona(region="RU"), "ru"),
        (Persona(region="US", gender="female", age_min=18, age_max=29), "en"),
        (Persona(region="CN", segment="b2b"), "th"),
        (Persona(region="WW", devices=("ios",)), "tr"),
    ],
)
def test_ranking_chart_is_valid_vega_lite_with_the_points_in_ranking_order(
    evidence: Evidence, persona: Persona, language: str
) -> None:
    """The chart is written as a plain dict (no Altair on the page's path): the Vega-Lite
    schema checks it here instead, and its bars are the ranking's points, unknowns as null."""
    result = rank(persona, evidence)
    spec = ranking_chart(result, language)  # type: ignore[arg-type]
    alt.Chart.from_dict(spec)  # raises on anything the Vega-Lite schema refuses
    json.dumps(spec, allow_nan=False)  # what the browser gets: no NaN
    expected = ranking_points(result, language).astype(object)  # type: ignore[arg-type]
    expected = expected.where(expected.notna(), None)
    assert spec["data"]["values"] == expected.to_dict("records")
    scored = [item for item in result.ranking if item.score is not None]
    names = list(dict.fromkeys(row["network"] for row in spec["data"]["values"]))
    assert spec["encoding"]["y"]["sort"] == names
    assert len(names) == len(scored)


def formula_starts(text: str) -> list[str]:
    """Every piece of CSV text that starts a formula when a spreadsheet splits it at any of
    , ; TAB CR LF, read with the quoting of each separator or with quotes dropped."""
    pieces = re.split(r"[,;\t\r\n]", text)
    for delimiter in ",;\t":
        pieces += [f for row in csv.reader(io.StringIO(text), delimiter=delimiter) for f in row]
    return [piece for piece in pieces if piece.lstrip('"').startswith(tuple(FORMULA_STARTS))]


# Text built to hit the rule's edges: separators, formula starts and quotes, densely.
hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(list(",;\t\r\n\"=+-@' x")), st.characters(codec="utf-8")),
    max_size=30,
)


@settings(max_examples=1500, deadline=None)
# The column's name must not be "number", the frame's other column: a dict of two equal keys
# keeps the second, and the cells would be lost before the writer sees them.
@given(
    st.lists(hostile_text, min_size=1, max_size=5),
    hostile_text.filter(lambda name: name != "number"),
)
def test_no_csv_piece_starts_a_formula_whatever_the_separator(
    cells: list[str], column: str
) -> None:
    frame = pd.DataFrame({column or "text": cells, "number": range(len(cells))})
    text = safe_csv_text(frame)
    assert formula_starts(text) == [], text
    # Nothing but the "'" marks is added: removing them gives the cells back.
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[0] for row in rows[1:]] == [safe_cell(cell) for cell in cells]


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("x;=1+1;", "x;'=1+1;"),
        ("tab\t=2+2", "tab\t'=2+2"),
        ("a,+1", "a,'+1"),
        ("a;@SUM(A1)", "a;'@SUM(A1)"),
        ('a;"=1', "a;'\"=1"),
        ("line\r\n-1", "line\r\n'-1"),
        ("=1", "'=1"),
        ("a; =1", "a; =1"),  # a leading space makes it text
        ("Anna, 25-34", "Anna, 25-34"),
        ("", ""),
    ],
)
def test_a_formula_start_after_a_separator_is_neutralised(cell: str, safe: str) -> None:
    assert safe_cell(cell) == safe


def test_the_ranking_csv_neutralises_a_formula_in_an_uploaded_source(dataset: Dataset) -> None:
    """RELIABILITY-2 M1: an uploaded figure's source "x;=1+1;" reached the Sources column."""
    text = (
        b"platform;region;dimension;category;value;unit;source;url;year\n"
        b'vk;RU;gender;female;55;pct_of_platform_audience;"Ad x;=1+1;";https://a.ru/r;2025\n'
    )
    figures = parse_upload("mine.csv", text, tuple(dataset.platforms)).figures
    assert figures
    result = rank(Persona(region="RU"), Evidence(with_user_figures(dataset, figures)))
    data = ranking_csv(result, "ru").decode("utf-8-sig")
    assert "x;'=1+1;" in data
    assert formula_starts(data) == []


@settings(max_examples=60, deadline=None)
@given(
    floats=st.lists(
        st.one_of(st.floats(allow_infinity=True), st.just(-0.0), st.just(0.0)),
        min_size=1, max_size=12,
    ),
    texts=st.lists(st.one_of(st.none(), st.text(max_size=8)), min_size=1, max_size=12),
)  # fmt: skip
def test_the_csv_writer_writes_what_pandas_writes(floats: list[float], texts: list[str]) -> None:
    """safe_csv_text formats each column itself (each distinct value once): the text is
    pandas' to_csv of the neutralised frame, byte for byte, for every kind it covers."""
    rows = max(len(floats), len(texts))
    frame = pd.DataFrame(
        {
            "float": [floats[i % len(floats)] for i in range(rows)],
            "object": pd.Series([texts[i % len(texts)] for i in range(rows)], dtype=object),
            "str": pd.Series([texts[i % len(texts)] for i in range(rows)], dtype="str"),
            "category": pd.Categorical([texts[i % len(texts)] for i in range(rows)]),
            "flag": [i % 3 == 0 for i in range(rows)],
            "count": list(range(-2, rows - 2)),
        }
    )
    expected = neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n")
    assert safe_csv_text(frame) == expected


@pytest.mark.parametrize(
    "names",
    [
        ["a,b", 'say "hi"', "x\r\ny", "", "=1", "plain", "a;@b", "tab\t-1"],
        ["one", "two", "=SUM(A1)", "x;=1"],  # no cell the writer quotes
        ["line\nfeed", "=1", "b"],  # a line feed: formulas neutralised cell by cell
    ],
)
def test_a_text_column_is_written_as_pandas_writes_it(names: list[str]) -> None:
    """The batch's path (text joined by line feeds for the formula rule, cells quoted as the
    writer quotes them, rows joined) gives pandas' text of the neutralised frame."""
    frame = pd.DataFrame(
        {"name": names, "score": [float(i) / 3 for i in range(len(names))], "n": range(len(names))}
    )
    expected = neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n")
    assert safe_csv_text(frame) == expected
    assert neutralise_formulas(frame)["name"].tolist() == [safe_cell(name) for name in names]


@pytest.mark.parametrize(
    "frame",
    [
        # The columns the batch writes: formatted column by column, then joined row by row.
        pd.DataFrame(
            {
                "name": ["a,b", "x\r\ny", "=1", ""],
                "pick": pd.Categorical(["vk", None, "vk", "ok"]),
                "score": [1 / 3, np.nan, -0.0, 100.0],
                "close_call": [True, False, True, False],
                "scenarios": [16, 0, 200, 64],
            }
        ),
        # Kinds the column formatter leaves to pandas' writer: each row written on its own.
        pd.DataFrame(
            {
                "when": pd.Series([pd.Timestamp("2026-01-02"), pd.NaT]),
                "n": pd.array([1, None], "Int64"),
            }
        ),
        pd.DataFrame({"only": ["", "=1", "a,b"]}),  # one column: the writer itself
        pd.DataFrame({"name": pd.Series([], dtype=object), "score": pd.Series([], dtype=float)}),
    ],
    ids=["batch-columns", "pandas-kinds", "one-column", "no-rows"],
)
def test_the_rows_are_the_texts_rows(frame: pd.DataFrame) -> None:
    """safe_csv_rows gives safe_csv_text's header and rows, each row on its own, so a caller
    can write them in another order: joined again they are the text, byte for byte."""
    header, rows = safe_csv_rows(frame)
    assert len(rows) == len(frame)
    assert "\r\n".join([header, *rows, ""]) == safe_csv_text(frame)
    # Each row is its own: written alone, a row is the same text.
    for index, row in enumerate(rows):
        assert safe_csv_rows(frame.iloc[[index]]) == (header, [row])
