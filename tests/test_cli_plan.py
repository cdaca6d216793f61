"""python -m smmfit plan: the JSON contract, the table, and one-line errors with exit code 2."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from smmfit.cli import main
from smmfit.render import platform_name

TODAY = date.today().isoformat()
THAI = ["plan", "--region", "TH", "--goal", "awareness", "--draws", "200"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_plan_for_the_pick(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        [*THAI, "--budget", "1000", "--currency", "USD", "--weeks", "2", "--start", TODAY,
         "--target-reach", "100000", "--format", "json"],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    plan = json.loads(out)
    code, ranked, _ = run(["rank", *THAI[1:], "--format", "json"], capsys)
    # The plan defaults to the network the ranking picks for the same persona.
    assert plan["network"] == plan["pick"] == json.loads(ranked)["recommendation"]["platform"]
    assert plan["duration_days"] == 14
    assert plan["judge_after"] == (date.today() + timedelta(days=14)).isoformat()


def test_json_plan_of_a_network_with_sourced_costs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        [*THAI, "--network", "tiktok", "--budget", "1000", "--currency", "USD", "--weeks", "2",
         "--start", TODAY, "--target-reach", "100000", "--format", "json"],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert plan["network"] == "tiktok"
    assert plan["budget"]["min_test_budget"]["currency"] == "USD"
    assert {k["name"] for k in plan["kpis"]} == {"impressions", "reach", "frequency", "cpm"}
    assert all(c["source"] and c["year"] for c in plan["budget"]["cost_ranges"])


def test_another_network_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [*THAI, "--network", "instagram", "--budget", "35000", "--currency", "THB",
         "--rate", "USD=35", "--lang", "ru"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == "План теста: Instagram"
    code, ranked, _ = run(["rank", *THAI[1:], "--format", "json"], capsys)
    pick = json.loads(ranked)["recommendation"]["platform"]
    assert f"Вы выбрали Instagram; рейтинг выбирает {platform_name(pick, 'ru')}." in out
    assert "Пересчитано по вашим курсам: 1 USD = 35 THB." in out


def test_tactics_from_a_file_are_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "tactics.txt"
    lines.write_text("Weekly short videos\nBuy 5k followers\n", encoding="utf-8")
    code, out, _ = run(
        [*THAI, "--budget", "1000", "--currency", "USD", "--tactics", str(lines),
         "--format", "json"],
        capsys,
    )  # fmt: skip
    assert code == 0
    # The same verdicts as check-tactics gives (phrases and meaning): nothing harmful in the
    # first line, bought followers in the second.
    assert [line["verdict"] for line in json.loads(out)["tactics"]] == ["white", "gray"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--budget", "-5", "--currency", "RUB"], "--budget: must be above 0"),
        (["--budget", "abc", "--currency", "RUB"], "--budget: needs a number, not 'abc'"),
        (["--budget", "5", "--currency", "GBP"], "--currency: unknown currency 'GBP'"),
        (["--budget", "5", "--currency", "RUB", "--weeks", "0"], "--weeks: needs a whole"),
        (["--budget", "5", "--currency", "RUB", "--start", "2020-01-01"], "--start: 2020-01-01"),
        (["--budget", "5", "--currency", "RUB", "--network", "myspace"], "--network: unknown"),
        (["--budget", "5", "--currency", "RUB", "--rate", "RUB=2"], "--rate: 'RUB=2'"),
        (["--budget", "5", "--currency", "RUB", "--tactics", "/no/file"], "--tactics: /no/file"),
        (["--currency", "RUB"], "the following arguments are required: --budget"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([*THAI, *extra], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("smmfit: error: ")
    assert message in err


def test_report_with_a_budget_ends_with_the_test_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pptx import Presentation

    plan_args = ["--network", "tiktok", "--budget", "1000", "--currency", "USD", "--weeks", "2",
                 "--start", TODAY]  # fmt: skip
    out = tmp_path / "deck.pptx"
    assert main(["report", *THAI[1:], *plan_args, "--out", str(out)]) == 0
    capsys.readouterr()
    slide = next(
        s for s in Presentation(str(out)).slides if s._element.cSld.get("name") == "next_steps"
    )
    steps = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    # The same sentences as `plan` prints for the same options.
    code, table, _ = run([*THAI, *plan_args], capsys)
    assert code == 0
    goal = table.split("SMART goal\n  - ")[1].splitlines()[0]
    judge = next(line for line in table.splitlines() if "Do not judge" in line).strip("- ")
    assert goal in steps and judge in steps
    assert "Budget $1,000 over 14 days" in steps


def test_report_without_a_budget_keeps_the_method_s_steps_and_a_lone_currency_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deck.pptx"
    assert main(["report", *THAI[1:], "--currency", "USD", "--out", str(out)]) == 2
    assert "--budget" in capsys.readouterr().err and not out.exists()
    assert (
        main(["report", *THAI[1:], "--budget", "-5", "--currency", "USD", "--out", str(out)]) == 2
    )
    assert "--budget" in capsys.readouterr().err and not out.exists()
