"""The command line contract: JSON shape, table, batch, and one-line errors with exit code 2."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from smmfit import Evidence, Persona, cli, rank
from smmfit.cli import main
from smmfit.models import Recommendation
from smmfit.ranking import PersonaColumns
from smmfit.render import Language, format_share, headline, platform_name
from smmfit.render.i18n import format_since
from smmfit.render.text import ranking_table
from tests.test_tables import formula_starts

ROOT = Path(__file__).resolve().parent.parent
# More than a year from today: outside the range --as-of accepts.
FAR = (date.today() + timedelta(days=400)).isoformat()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rank_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["rank", "--age", "18-39", "--gender", "female", "--region", "RU", "--device", "ios",
         "--segment", "b2c", "--format", "json"],
        capsys,
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert result["persona"]["region"] == "RU"
    assert result["persona"]["devices"] == ["ios"]
    ranks = [item["rank"] for item in result["ranking"] if item["rank"] is not None]
    assert ranks == list(range(1, len(ranks) + 1))
    first = result["ranking"][0]
    for key in ("platform", "name", "rank", "score", "status", "status_note", "match_share",
                "reach", "affinity", "factors", "gaps", "sources"):  # fmt: skip
        assert key in first
    assert set(first["factors"]) == {"reach", "match", "segment"}
    assert all(source["url"].startswith("https://") for source in first["sources"])
    statuses = {item["platform"]: item for item in result["ranking"]}
    assert statuses["instagram"]["status"] == "blocked"
    assert statuses["instagram"]["status_since"] == "2022-03-14"
    assert "March 14, 2022" in statuses["instagram"]["status_note"]
    recommendation = result["recommendation"]
    assert recommendation["platform"] not in ("instagram", "facebook")
    assert recommendation["runner_up"] and recommendation["reasons"]


def test_rank_json_says_how_sure_the_pick_is(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["rank", "--region", "US", "--age", "25-44", "--format", "json", "--draws", "3000"]
    _, out, _ = run([*args, "--seed", "5"], capsys)
    result = json.loads(out)
    probability = {item["platform"]: item["win_probability"] for item in result["ranking"]}
    status = {item["platform"]: item["status"] for item in result["ranking"]}
    assert sum(p for name, p in probability.items() if status[name] != "blocked") == (
        pytest.approx(1, abs=1e-3)
    )
    recommendation = result["recommendation"]
    confidence = recommendation["confidence"]
    assert confidence["probability"] == probability[recommendation["platform"]]
    assert (confidence["draws"], confidence["seed"]) == (3000, 5)
    assert "plausible scenarios" in confidence["text"]
    assert recommendation["flips_if"], "a close US ranking has a flip condition"
    for flip in recommendation["flips_if"]:
        assert flip["new_pick"] != recommendation["platform"]
        assert flip["text"].startswith("The pick becomes")
        assert {"input", "platform", "factor", "current", "value", "relative_change",
                "plausible"} <= set(flip)  # fmt: skip
    _, again, _ = run([*args, "--seed", "5"], capsys)
    assert json.loads(again) == result
    _, other, _ = run([*args, "--seed", "6"], capsys)
    assert json.loads(other)["recommendation"]["confidence"] != confidence


def test_rank_table_says_how_sure(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["rank", "--region", "RU", "--draws", "500"], capsys)
    assert "how sure (500 scenarios, seed 0):" in out
    assert "of plausible scenarios" in out


def test_rank_table_says_how_often_each_network_comes_first(
    capsys: pytest.CaptureFixture[str], evidence: Evidence
) -> None:
    """The table is in the decision rule's order; its "first" column is the share that order
    follows, the same as the JSON's, so a pick scoring below the runner-up explains itself."""
    args = ["rank", "--region", "GB", "--age", "18-24", "--draws", "400"]
    _, out, _ = run(args, capsys)
    _, document, _ = run([*args, "--format", "json"], capsys)
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["rank", "platform", "first", "score"]
    ranking = json.loads(document)["ranking"]
    pick = json.loads(document)["recommendation"]["platform"]
    first_row = lines[1].split()
    assert first_row[1] == pick == ranking[0]["platform"]
    assert first_row[2] == format_share(ranking[0]["win_probability"], "en")
    assert any(line.startswith("first: how often") for line in lines)
    # A ranking printed without its scenarios has no such column, and no legend for it.
    plain = ranking_table(rank(Persona(region="GB", age_min=18, age_max=24), evidence), "en")
    assert plain.splitlines()[0].split()[:3] == ["rank", "platform", "score"]
    assert "first: how often" not in plain


def test_rank_json_records_the_day_and_uses_it(capsys: pytest.CaptureFixture[str]) -> None:
    """Turkey's throttle of 19-21 March 2025 counts on 20 March and is history today."""
    args = ["rank", "--region", "TR", "--age", "25-44", "--format", "json", "--draws", "200"]
    _, today, _ = run(args, capsys)
    _, during, _ = run([*args, "--as-of", "2025-03-20"], capsys)
    now, then = json.loads(today), json.loads(during)
    assert (now["as_of"], then["as_of"]) == (date.today().isoformat(), "2025-03-20")
    status_now = {item["platform"]: item for item in now["ranking"]}
    status_then = {item["platform"]: item for item in then["ranking"]}
    assert status_now["instagram"]["status"] == "available"
    assert status_now["instagram"]["status_note"] is None
    assert status_then["instagram"]["status"] == "restricted"
    assert "March 19, 2025" in status_then["instagram"]["status_note"]


def test_rank_table_says_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["rank", "--region", "AU", "--as-of", "2026-01-05", "--draws", "200"], capsys)
    assert "availability as of 2026-01-05" in out


def test_rank_batch_takes_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(
        "name,age_min,age_max,region\nTurkey,25,44,TR\nAustralian teens,13,15,AU\n",
        encoding="utf-8",
    )
    tables = {}
    for day in ("2025-03-20", "2026-01-05"):
        output = tmp_path / f"{day}.csv"
        code, _, _ = run(["rank-batch", str(source), "-o", str(output), "--as-of", day], capsys)
        assert code == 0
        tables[day] = pd.read_csv(output)
    during, later = tables["2025-03-20"], tables["2026-01-05"]
    assert later["score_instagram"][0] > during["score_instagram"][0]
    # On 5 Jan 2026 the under-16 rule is in force: nothing of it is recommended to 13-15s.
    assert later["pick"][1] not in ("facebook", "instagram", "tiktok", "x", "youtube")


def test_report_refuses_a_day_outside_the_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deck.pptx"
    assert main(["report", "--out", str(out), "--as-of", "1999-01-01"]) == 2
    assert "--as-of: 1999-01-01 is outside" in capsys.readouterr().err
    assert not out.exists()


def test_rank_table_names_the_pick(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rank", "--region", "CN"], capsys)
    _, as_json, _ = run(["rank", "--region", "CN", "--format", "json"], capsys)
    assert code == 0
    pick = json.loads(as_json)["recommendation"]["platform"]
    # The table states the same answer as the JSON, in the page's words.
    assert f"Test first: {platform_name(pick, 'en')}" in out
    assert "blocked" in out


def test_include_blocked_scores_blocked_networks(capsys: pytest.CaptureFixture[str]) -> None:
    _, plain, _ = run(["rank", "--region", "RU", "--format", "json"], capsys)
    _, what_if, _ = run(["rank", "--region", "RU", "--format", "json", "--include-blocked"], capsys)
    score = {i["platform"]: i["score"] for i in json.loads(plain)["ranking"]}
    score_if = {i["platform"]: i["score"] for i in json.loads(what_if)["ranking"]}
    assert score["instagram"] is None
    assert score_if["instagram"] is not None
    assert json.loads(what_if)["recommendation"]["platform"] != "instagram"


def test_weights_change_the_output(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        ["rank", "--region", "US", "--format", "json", "--weights", "reach=0,match=1,segment=0"],
        capsys,
    )
    result = json.loads(out)
    assert result["weights"]["reach"] == 0
    top = result["ranking"][0]
    assert top["factors"]["match"]["score"] == 100


def test_russian_output(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["rank", "--region", "RU", "--lang", "ru", "--format", "json"], capsys)
    reasons = " ".join(json.loads(out)["recommendation"]["reasons"])
    assert "из 100" in reasons


@pytest.mark.parametrize(
    ("language", "header", "status"),
    [
        ("en", "rank  platform", "available"),
        ("fr", "rang  réseau", "accessible"),
        ("tr", "sıra  platform", "erişilebilir"),
        ("th", "อันดับ  แพลตฟอร์ม", "ใช้งานได้"),
    ],
)  # fmt: skip
def test_rank_table_speaks_the_language(
    language: Language, header: str, status: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["rank", "--region", "FR", "--age", "25-44", "--draws", "300", "--lang", language]
    code, out, _ = run(args, capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith(header)
    assert status in lines[1]
    _, document, _ = run([*args, "--format", "json"], capsys)
    given = json.loads(document)["recommendation"]
    decided = Recommendation(
        platform=given["platform"], runner_up=given["runner_up"], reasons=(),
        close_call=given["close_call"], contenders=tuple(given["contenders"]),
    )  # fmt: skip
    # The page's, the deck's and the table's answer: one headline, in the language.
    assert headline(decided, language) in lines


@pytest.mark.parametrize(
    ("language", "said"),
    [("fr", "(en anglais)"), ("tr", "(İngilizce)"), ("th", "(ภาษาอังกฤษ)")],
)
@pytest.mark.parametrize("command", ["rank", "data-report", "check-tactics"])
def test_every_command_takes_every_language(
    command: str, language: str, said: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Block reasons (rank) and tactic reasons (check-tactics) exist in English and Russian
    only: they come out in English, marked in the language; data-report's are translated."""
    plan = io.TextIOWrapper(io.BytesIO(b"Buy 5,000 followers\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", plan)
    extra = ["--region", "RU", "--draws", "200"] if command == "rank" else []
    code, out, _ = run([command, "--format", "json", "--lang", language, *extra], capsys)
    assert code == 0
    document = json.loads(out)
    if command == "data-report":
        reasons = [cell["reason"] for cell in document["cells"] if cell["reason"]]
        assert reasons and not any(said in reason for reason in reasons)
    else:
        assert said in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rank", "--age", "40-30"], "minimum 40 is above maximum 30"),
        (["rank", "--age", "old"], "age must look like 18-39"),
        (["rank", "--age", "5-10"], "age_min: Input should be greater than or equal to 13"),
        (["rank", "--region", "XX"], "region: unknown country 'XX'"),
        (["rank", "--gender", "robot"], "invalid choice: 'robot'"),
        (["rank", "--device", "tv"], "unknown device 'tv'"),
        (["rank", "--segment", "b2g"], "invalid choice: 'b2g'"),
        (["rank", "--weights", "reach=lots"], "--weights: reach needs a number"),
        (["rank", "--weights", "fame=1"], "--weights: unknown factor 'fame'"),
        (["rank", "--weights", "reach=0,match=0,segment=0"], "at least one of reach"),
        (["rank", "--format", "xml"], "invalid choice: 'xml'"),
        (["rank", "--draws", "0"], "--draws: must be between 1 and 100,000, not 0"),
        (["rank", "--draws", "many"], "--draws: needs a whole number, not 'many'"),
        (["rank", "--seed", "-1"], "--seed: must be between 0 and"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: command"),
        (["rank-batch", "/nonexistent/personas.csv"], "cannot be read"),
        (["rank", "--as-of", "2025-3-20"], "argument --as-of: needs a date written YYYY-MM-DD"),
        (["rank", "--as-of", "20250320"], "argument --as-of: needs a date written YYYY-MM-DD"),
        (["rank", "--as-of", "2025-02-30"], "argument --as-of: needs a date written YYYY-MM-DD"),
        (["rank", "--as-of", "2008-12-31"], "--as-of: 2008-12-31 is outside the data's range"),
        (["rank", "--as-of", FAR], f"--as-of: {FAR} is outside the data's range"),
        (["rank-batch", "p.csv", "--as-of", "soon"], "argument --as-of: needs a date"),
        (["rank", "--region", "RU", "--settlement", "village"],
         "settlement: unknown settlement type 'village': use moscow_spb, city_1m_plus, rest"),
        (["rank", "--region", "US", "--settlement", "moscow_spb"],
         "settlement: 'moscow_spb' is a settlement type of region RU, not US"),
        (["rank", "--region", "RU", "--settlement", "rural"],
         "settlement: 'rural' is a settlement type of region US, not RU"),
        (["rank", "--region", "FR", "--settlement", "urban"], "not FR (FR has none)"),
        (["rank", "--settlement", "rest"], "not WW (WW has none)"),
        (["report", "--out", "deck.pptx", "--region", "CN", "--settlement", "urban"],
         "settlement: 'urban' is a settlement type of region US, not CN"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("smmfit: error: ")
    assert message in err


@pytest.mark.parametrize(
    ("region", "given", "expected"),
    [("RU", "moscow_spb", "moscow_spb"), ("RU", "city_1m_plus", "city_1m_plus"),
     ("RU", "rest", "rest"), ("US", "Urban", "urban"), ("US", "suburban", "suburban"),
     ("US", "RURAL", "rural")],
)  # fmt: skip
def test_rank_takes_a_settlement_type(
    region: str, given: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["rank", "--region", region, "--settlement", given, "--draws", "200"]
    code, out, _ = run([*args, "--format", "json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["persona"]["settlement"] == expected
    scored = [item for item in result["ranking"] if item["score"] is not None]
    assert scored and all(
        any("splits this network's audience by settlement type" in gap for gap in item["gaps"])
        for item in scored
    )
    reasons = [r for r in result["recommendation"]["reasons"] if "Settlement type" in r]
    assert len(reasons) == 1
    _, table, _ = run([*args, "--lang", "ru"], capsys)
    assert "Тип населённого пункта" in table


def test_rank_without_a_settlement_type_says_nothing_of_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(["rank", "--region", "RU", "--format", "json", "--draws", "200"], capsys)
    result = json.loads(out)
    assert result["persona"]["settlement"] is None
    assert "settlement" not in json.dumps(result["ranking"])


def test_rank_batch_writes_one_row_per_persona(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(
        "name,age_min,age_max,gender,region,devices,segment,goal,settlement\n"
        "Moscow mums,25,44,female,RU,mobile,b2c,sales,moscow_spb\n"
        "US founders,30,55,any,US,ios windows,b2b,,\n"
        "Beijing students,18,24,any,CN,,b2c,awareness,\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    code, _, _ = run(["rank-batch", str(source), "-o", str(output)], capsys)
    assert code == 0
    table = pd.read_csv(output)
    assert list(table["name"]) == ["Moscow mums", "US founders", "Beijing students"]
    assert table.loc[0, "pick"] in ("vk", "ok", "dzen", "youtube", "tiktok")
    assert table.loc[2, "pick"] in ("weibo", "wechat", "douyin")
    assert {"pick_score", "runner_up", "score_vk"} <= set(table.columns)
    assert table.loc[0, "settlement"] == "moscow_spb" and table["settlement"].isna()[1:].all()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("age_min,age_max,region\n20,30,XX\n", "line 2: column region: unknown country 'XX'"),
        ("age_min,age_max,region\n20,30,RU\n40,30,RU\n", "line 3: age range: minimum 40"),
        ("age_min,region\n20,RU\n", "missing columns age_max"),
        ("age_min,age_max,region,colour\n20,30,RU,red\n", "unknown columns colour"),
        ("", "line 1: missing columns age_min, age_max, region"),
        ("age_min,age_max,region,settlement\n20,30,RU,rest\n20,30,RU,village\n",
         "line 3: column settlement: unknown settlement type 'village'"),
        ("age_min,age_max,region,settlement\n20,30,US,rural\n20,30,DE,rural\n",
         "line 3: settlement: 'rural' is a settlement type of region US, not DE"),
    ],
)  # fmt: skip
def test_rank_batch_bad_rows(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(content, encoding="utf-8")
    code, _, err = run(["rank-batch", str(source)], capsys)
    assert code == 2
    assert message in err


def test_binary_batch_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "personas.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    code, _, err = run(["rank-batch", str(source)], capsys)
    assert code == 2 and err.count("\n") == 1


def test_module_entry_point_runs() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "smmfit", "rank", "--region", "WW", "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=60,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["recommendation"]["platform"]


def test_broken_data_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--data-dir", str(tmp_path), "rank"], capsys)
    assert code == 2
    assert "data: platforms.csv: cannot be read" in err


def test_data_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["data-report", "--format", "json"], capsys)
    assert code == 0
    result = json.loads(out)
    totals = result["totals"]
    assert totals["rows"] > 300 and totals["sources"] > 100
    assert 0 < totals["share_covered"] < 1
    assert len(result["cells"]) == totals["cells"]
    assert len(result["largest"]) == 50  # five per country, ten countries
    assert result["largest_recent"] == sum(n["recent"] for n in result["largest"])
    blocked = next(
        c for c in result["cells"]
        if (c["platform"], c["region"], c["dimension"]) == ("instagram", "RU", "age")
    )  # fmt: skip
    assert blocked["year"] is None
    assert blocked["reason"] == "blocked since March 14, 2022, no post-block survey found"


def test_data_report_table_and_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["data-report"], capsys)
    assert code == 0
    assert out.startswith("gender (")
    assert "cells covered:" in out and "median age of figures:" in out
    assert "largest networks per country with their own age and gender split from 2023 on:" in out
    _, russian, _ = run(["data-report", "--format", "json", "--lang", "ru"], capsys)
    assert "заблокирована с " + format_since("2022-03-14", "ru") in russian


def test_data_report_on_broken_data_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--data-dir", str(tmp_path), "data-report"], capsys)
    assert code == 2 and err.count("\n") == 1


def test_report_writes_a_deck_stating_the_rank_command_s_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deck.pptx"
    argv = ["--region", "RU", "--age", "25-44", "--name", "Q4 launch", "--draws", "500"]
    assert main(["report", *argv, "--lang", "ru", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    titles = [slide.shapes.title.text for slide in Presentation(str(out)).slides]
    assert titles[0] == "Q4 launch" and titles[2] == "Рейтинг"
    code, ranked, _ = run(["rank", *argv, "--lang", "ru", "--format", "json"], capsys)
    assert code == 0
    pick = json.loads(ranked)["recommendation"]["platform"]
    assert platform_name(pick, "ru") in titles[1]  # one answer: the deck says what `rank` says


def test_report_takes_a_logo(tmp_path: Path) -> None:
    from PIL import Image

    logo, out = tmp_path / "logo.png", tmp_path / "deck.pptx"
    Image.new("RGB", (300, 100), "#C0392B").save(logo)
    assert (
        main(["report", "--region", "US", "--draws", "200", "--logo", str(logo), "--out", str(out)])
        == 0
    )
    pictures = [s for s in Presentation(str(out)).slides[1].shapes if s.shape_type == 13]
    assert len(pictures) == 1  # the logo on the title band


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not an image", "--logo: This file is not a PNG or JPEG image."),
        (None, "--logo: "),  # missing file
    ],
)
def test_report_refuses_a_bad_logo_with_one_line(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    if content is not None:
        logo.write_bytes(content)
    assert main(["report", "--logo", str(logo), "--out", str(tmp_path / "d.pptx")]) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and len(error.splitlines()) == 1
    assert not (tmp_path / "d.pptx").exists()


def test_report_writes_an_html_report(tmp_path: Path) -> None:
    out = tmp_path / "Report.HTML"
    assert main(["report", "--region", "US", "--draws", "500", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Test first: " in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "deck.pdf"], "--out: 'deck.pdf' needs the extension .pptx (deck) or .html"),
        (["--out", "deck"], "--out: 'deck' needs the extension .pptx"),
        ([], "the following arguments are required: --out"),
        (["--out", "x.pptx", "--age", "60-20"], "age range: minimum 60 is above maximum 20"),
    ],
)
def test_report_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a if not a.startswith(("x.", "deck")) else str(tmp_path / a) for a in argv]
    assert main(["report", *argv]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("smmfit: error: ")
    assert message in error
    assert not list(tmp_path.iterdir())


def test_rank_batch_output_is_safe_against_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(
        'name,age_min,age_max,region\n"=HYPERLINK(""https://evil.example"",""x"")",25,44,RU\n'
        "@SUM(A1),25,44,RU\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    assert run(["rank-batch", str(source), "-o", str(output)], capsys)[0] == 0
    names = list(pd.read_csv(output)["name"])
    assert names == ['\'=HYPERLINK("https://evil.example","x")', "'@SUM(A1)"]


def test_rank_batch_output_is_safe_whatever_the_separator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RELIABILITY-2 M1: a persona named "x;=1+1;" was written unquoted, a formula in ';' Excel."""
    source = tmp_path / "personas.csv"
    source.write_text(
        'name,age_min,age_max,region\n"x;=1+1;",25,44,RU\n"t;-2",18,39,US\n', encoding="utf-8"
    )
    output = tmp_path / "out.csv"
    assert run(["rank-batch", str(source), "-o", str(output)], capsys)[0] == 0
    text = output.read_text(encoding="utf-8-sig")
    assert list(pd.read_csv(output)["name"]) == ["x;'=1+1;", "t;'-2"]
    assert formula_starts(text) == []


PERSONAS = "name,age_min,age_max,region\n" + "".join(
    f"p{i},{18 + i % 20},{40 + i % 20},{('RU', 'US', 'DE')[i % 3]}\n" for i in range(23)
)


@pytest.mark.parametrize("window", [1, 2, 3, 10])
def test_rank_batch_in_chunks_writes_what_one_pass_writes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    window: int,
) -> None:
    """Chunks of 5 rows, ranked sorted by region in windows of ``window`` chunks (the regions
    alternate row by row, so a chunk holds rows from all over its window), give one header
    and every row, in the file's order, each row as one pass writes it: a persona's row does
    not depend on the rest of its chunk."""
    source = tmp_path / "personas.csv"
    source.write_text(PERSONAS, encoding="utf-8")
    code, whole, _ = run(["rank-batch", str(source)], capsys)
    assert code == 0
    monkeypatch.setattr(cli, "BATCH_CHUNK_ROWS", 5)
    monkeypatch.setattr(cli, "RANK_CHUNK_ROWS", 5)
    monkeypatch.setattr(cli, "RANK_WINDOW_CHUNKS", window)
    monkeypatch.setattr(cli.persona_chunks, "__defaults__", (5,))
    code, out, _ = run(["rank-batch", str(source)], capsys)
    assert code == 0
    assert out == whole
    lines = out.split("\r\n")
    assert lines[0].startswith("name,region,settlement,pick,") and lines[-1] == ""
    assert [line.split(",")[0] for line in lines[1:-1]] == [f"p{i}" for i in range(23)]
    assert all(line.split(",")[3] for line in lines[1:-1])  # every persona has a pick


def test_rank_batch_names_a_bad_row_in_a_later_chunk_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(PERSONAS + "bad,40,20,RU\n", encoding="utf-8")
    monkeypatch.setattr(cli.persona_chunks, "__defaults__", (5,))
    code, out, error = run(["rank-batch", str(source)], capsys)
    assert (code, out) == (2, "")
    assert error.startswith(f"smmfit: error: {source}, line 25: ") and error.count("\n") == 1


def test_rank_batch_refuses_more_rows_than_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text(PERSONAS, encoding="utf-8")
    monkeypatch.setattr(cli, "MAX_BATCH_ROWS", 20)
    output = tmp_path / "out.csv"
    code, out, error = run(["rank-batch", str(source), "-o", str(output)], capsys)
    assert (code, out) == (2, "") and not output.exists()
    assert error == (
        f"smmfit: error: {source}, line 22: more than 20 personas; "
        "split the file into files of at most 20 rows\n"
    )


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """RELIABILITY-2 L1: `smmfit data-report --format json | head -1` ended in a traceback.
    Its output (over 500 KB) is far more than a pipe holds, so the write does fail."""
    command = [sys.executable, "-m", "smmfit", "data-report", "--format", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"{\n"
        process.stdout.close()  # as `head -1` does
        error = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, error
    assert error == ""


# -- the batch's output, frozen ------------------------------------------------------------

REFERENCE = ROOT / "tests" / "data" / "batch_reference.csv.gz"
REFERENCE_AS_OF = "2026-12-03"
REFERENCE_ROWS = 3000


def reference_personas(count: int = REFERENCE_ROWS, seed: int = 14) -> str:
    """A seeded CSV of valid personas over every field and spelling the reader takes: empty
    cells (defaults), names a spreadsheet would run or a CSV must quote, regions by code and
    name, device groups, settlement types in any case, and numbers pydantic reads leniently
    (" 25", "+30", "30.0"); every tenth row repeats an earlier audience under a new name."""
    rng = random.Random(seed)
    names = ["=1+1", 'a, "quoted"', "x;=2", "  spaced   out ", "tab\there", "", "Лиза", "@x"]
    regions = ["RU", "US", "CN", "WW", "DE", "FR", "GB", "TR", "TH", "BR", "IN", "UA", "KZ",
               "russia", "usa", "ww", "Germany", "rus", "", "jp"]  # fmt: skip
    devices = ["", "ios", "android", "mobile", "desktop", "windows macos", "ios;android", "any",
               "ios, windows"]  # fmt: skip
    settlements = {"RU": ["moscow_spb", "City_1m_Plus", "rest", "  "],
                   "US": ["urban", "SUBURBAN", "rural"]}  # fmt: skip
    lines = ["name,age_min,age_max,gender,region,devices,segment,goal,settlement"]
    rows: list[list[str]] = []
    for index in range(count):
        if index % 10 == 9:
            rows.append([f"again {index}", *rng.choice(rows)[1:]])
        else:
            low = rng.randint(13, 70)
            high = rng.randint(low, 100)
            region = rng.choice(regions)
            code = {"russia": "RU", "rus": "RU", "usa": "US"}.get(region, region)
            spelt = rng.choice([str(low)] * 12 + [f" {low}", f"+{low}", f"{low}.0"])
            rows.append([
                rng.choice([f"p{index}"] * 4 + names),
                spelt,
                str(high) if rng.random() < 0.95 or low > 65 else "",
                rng.choice(["", "female", "male", "any"]),
                region,
                rng.choice(devices),
                rng.choice(["", "b2c", "b2b"]),
                rng.choice(["", "awareness", "sales", "loyalty"]),
                rng.choice(["", *settlements.get(code, [])]),
            ])  # fmt: skip
        lines.append(",".join(_csv_cell(cell) for cell in rows[-1]))
    return "\n".join(lines) + "\n"


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\t') else text


def test_rank_batch_writes_the_frozen_reference_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output of 3,000 generated personas, frozen: every byte stays. The columnar reader,
    the network-major scenarios and the workers were held to the output of the path before
    them (commit 065cc47); a change of the model or the data that moves an answer writes the
    file again (`rank-batch` of `reference_personas()` with `--as-of REFERENCE_AS_OF`, gzip
    with mtime 0) and says in its commit which rows moved and why."""
    source, output = tmp_path / "personas.csv", tmp_path / "out.csv"
    source.write_text(reference_personas(), encoding="utf-8")
    args = ["rank-batch", str(source), "-o", str(output), "--as-of", REFERENCE_AS_OF]
    assert run(args, capsys)[0] == 0
    assert output.read_bytes() == gzip.decompress(REFERENCE.read_bytes())


HEADER = "name,age_min,age_max,gender,region,devices,segment,goal,settlement\nok,20,30,any,RU,,,,\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("b,20,30,Female,RU,,,,\n",
         "line 3: column gender: Input should be 'female', 'male' or 'any'"),
        ("b, x,30,,RU,,,,\n", "line 3: column age_min: Input should be a valid integer, "
         "unable to parse string as an integer"),
        ("b,200,300,,RU,,,,\n",
         "line 3: column age_min: Input should be less than or equal to 100"),
        ("b,12,30,,RU,,,,\n",
         "line 3: column age_min: Input should be greater than or equal to 13"),
        ("b,70,,,RU,,,,\n", "line 3: age range: minimum 70 is above maximum 65"),
        ("b,,16,,RU,,,,\n", "line 3: age range: minimum 18 is above maximum 16"),
        ("b,20,30,,RU,tv,,,\n", "line 3: column devices: unknown device 'tv': use ios, android, "
         "windows, macos, mobile, desktop, any"),
        ("b,20,30,,RU,;,,,\n", "line 3: column devices: no device given: use one or more of ios, "
         "android, windows, macos, mobile, desktop, any"),
        ("b,20,30,,RU,,B2B,,\n", "line 3: column segment: Input should be 'b2c' or 'b2b'"),
        ("b,20,30,,RU,,,fame,\n",
         "line 3: column goal: Input should be 'awareness', 'sales' or 'loyalty'"),
        ("b,20,30,,US,,,,moscow_spb\n", "line 3: settlement: 'moscow_spb' is a settlement type "
         "of region RU, not US (US has urban, suburban, rural)"),
        ("b,20,30,,Narnia,,,,\n", "line 3: column region: unknown country 'Narnia': use an ISO "
         "3166-1 alpha-2 code such as RU, US, CN, or WW for worldwide"),
        ("x" * 121 + ",20,30,,RU,,,,\n",
         "line 3: column name: String should have at most 120 characters"),
        ("\n\nb,40,30,,RU,,,,\n", "line 5: age range: minimum 40 is above maximum 30"),
        ("b,20,30,,RU,,,,,\n", "line 3: more cells than columns"),
        ("b,20\nc,40,30\n", "line 4: age range: minimum 40 is above maximum 30"),
        ("b,20,30,robot,XX,tv,,,\n",
         "line 3: column gender: Input should be 'female', 'male' or 'any'"),
        ('"two\nlines",40,30,,RU,,,,\n', "line 4: age range: minimum 40 is above maximum 30"),
        (",,\nb,30,20,,RU\n", "line 4: age range: minimum 30 is above maximum 20"),
    ],
)  # fmt: skip
def test_rank_batch_names_each_bad_row_exactly(
    tmp_path: Path, rows: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The column-at-a-time check leaves the message to the model: each line is the one the
    row-by-row reader gave (the first failing row, its first failing field in field order)."""
    source = tmp_path / "personas.csv"
    source.write_text(HEADER + rows, encoding="utf-8")
    code, out, err = run(["rank-batch", str(source)], capsys)
    assert (code, out) == (2, "")
    assert err == f"smmfit: error: {source}, {message}\n"


def test_rank_batch_takes_a_repeated_column_as_a_dict_reader_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "personas.csv"
    source.write_text("age_min,age_max,region,age_min\n20,30,RU,\n25,30,RU,40\n", encoding="utf-8")
    assert run(["rank-batch", str(source)], capsys)[2] == (
        f"smmfit: error: {source}, line 3: age range: minimum 40 is above maximum 30\n"
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_rank_batch_workers_write_the_reference_in_any_chunks(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    workers: str,
) -> None:
    """Chunks of 700 rows, sorted by region in windows of two, ranked in one process or two:
    the frozen reference, in order."""
    source, output = tmp_path / "personas.csv", tmp_path / "out.csv"
    source.write_text(reference_personas(), encoding="utf-8")
    monkeypatch.setattr(cli, "RANK_CHUNK_ROWS", 700)
    monkeypatch.setattr(cli, "RANK_WINDOW_CHUNKS", 2)
    monkeypatch.setattr(cli, "BATCH_POOL_BYTES", 0)
    monkeypatch.setattr(cli.persona_chunks, "__defaults__", (300,))
    args = ["rank-batch", str(source), "-o", str(output), "--as-of", REFERENCE_AS_OF]
    assert run([*args, "--workers", workers], capsys)[0] == 0
    assert output.read_bytes() == gzip.decompress(REFERENCE.read_bytes())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("bad,40,20,RU\n", "line 25: age range: minimum 40 is above maximum 20"),
        ("", "data: platforms.csv: cannot be read"),
    ],
)
def test_rank_batch_with_workers_reports_a_bad_row_before_broken_data(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: str,
    message: str,
) -> None:
    """The data is loaded before the workers start (they share it); a problem with it is
    still reported after a bad row, as without workers, and nothing is written."""
    source, broken = tmp_path / "personas.csv", tmp_path / "no-data"
    source.write_text(PERSONAS + extra, encoding="utf-8")
    broken.mkdir()
    monkeypatch.setattr(cli, "BATCH_POOL_BYTES", 0)
    args = ["--data-dir", str(broken), "rank-batch", str(source), "--workers", "2"]
    code, out, error = run(args, capsys)
    assert (code, out) == (2, "")
    assert message in error and error.count("\n") == 1


def _never_ranked(job: cli._BatchJob, personas: PersonaColumns) -> tuple[str, list[str]]:
    time.sleep(60)
    raise AssertionError("a chunk was ranked")


def test_rank_batch_stops_at_a_bad_row_while_the_workers_rank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad row the check finds stops the run while the workers are still ranking (here each
    chunk would take a minute): the command does not wait for a chunk, and writes nothing.
    The rows are read and ranked five at a time, so the bad row is the check's to find."""
    source, output = tmp_path / "personas.csv", tmp_path / "out.csv"
    source.write_text(PERSONAS + "bad,40,20,RU\n", encoding="utf-8")
    monkeypatch.setattr(cli, "BATCH_POOL_BYTES", 0)
    monkeypatch.setattr(cli, "RANK_CHUNK_ROWS", 5)
    monkeypatch.setattr(cli, "RANK_WINDOW_CHUNKS", 1)
    monkeypatch.setattr(cli.persona_chunks, "__defaults__", (5,))
    monkeypatch.setattr(cli._BatchJob, "rows", _never_ranked)
    start = time.monotonic()
    code, out, error = run(["rank-batch", str(source), "-o", str(output), "--workers", "2"], capsys)
    assert (code, out) == (2, "") and "line 25: age range" in error
    assert time.monotonic() - start < 30
    assert not output.exists()


def test_rank_batch_reads_a_pipe_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file is read twice (checked, then ranked a chunk at a time); a pipe can be read only
    once, so it is kept: the same rows either way."""
    source, pipe = tmp_path / "personas.csv", tmp_path / "pipe"
    source.write_text(PERSONAS, encoding="utf-8")
    code, whole, _ = run(["rank-batch", str(source)], capsys)
    os.mkfifo(pipe)
    writer = threading.Thread(
        target=pipe.write_text, args=(PERSONAS,), kwargs={"encoding": "utf-8"}
    )
    writer.start()
    code, out, _ = run(["rank-batch", str(pipe)], capsys)
    writer.join()
    assert code == 0 and out == whole
