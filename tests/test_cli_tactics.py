"""``python -m smmfit check-tactics``: the JSON contract, the table, overrides from --region
and --platform, and one-line errors with exit code 2 for input it cannot check."""

# Plans in Russian look like Latin to the ambiguity check.

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from smmfit.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLAN = (
    "Weekly reels\n"
    "\n"
    "Buy 5k followers\n"
    "   \n"
    "Рассылка со взломанных аккаунтов\n"
    "Без накрутки и ботов\n"
    "Budget: 1000 EUR\n"
)


class _Stdin(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def run(
    args: list[str],
    data: bytes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(data), encoding="utf-8"))
    code = main(["check-tactics", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_contract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["--format", "json"], PLAN.encode(), capsys, monkeypatch)
    assert code == 0
    rows = json.loads(out)
    assert [row["line"] for row in rows] == [
        "Weekly reels",
        "Buy 5k followers",
        "Рассылка со взломанных аккаунтов",
        "Без накрутки и ботов",
        "Budget: 1000 EUR",
    ]
    assert [row["verdict"] for row in rows] == ["white", "gray", "black", "white", "unrecognized"]
    for row in rows:
        assert set(row) == {
            "line",
            "verdict",
            "confidence",
            "check_by_hand",
            "tactics",
            "matched",
            "resembles",
            "explanation",
            "clause",
            "model",
            "rules",
            "alternative",
        }
        assert row["confidence"] in ("high", "medium", "low")
        model = row["model"]
        assert set(model) == {"white", "gray", "black", "changed"}
        assert model["white"] + model["gray"] + model["black"] == pytest.approx(1.0, abs=0.01)
        assert all(0 < r["similarity"] <= 1 for r in row["resembles"])
        assert isinstance(row["tactics"], list) and isinstance(row["matched"], list)
        for rule in row["rules"]:
            assert set(rule) == {"source", "url"} and rule["url"].startswith("https://")
    assert rows[1]["tactics"] == ["buying_followers_bots"]
    assert rows[1]["matched"] == ["Buy 5k followers"]
    assert rows[1]["alternative"].startswith("Grow with targeted ads")
    assert rows[2]["tactics"][0] == "spam_from_hacked_accounts"
    assert rows[4]["alternative"] is None and rows[4]["rules"] == []


@pytest.mark.parametrize(
    ("args", "line", "expected"),
    [
        ([], "Placement de produit non déclaré", "gray"),
        (["--region", "FR"], "Placement de produit non déclaré", "black"),
        (["--region", "fra"], "Placement de produit non déclaré", "black"),
        (["--region", "RU"], "Реклама в Telegram без erid", "gray"),
        (["--region", "US"], "Реклама в Telegram без erid", "white"),
        (["--platform", "facebook"], "Tag a friend to enter", "gray"),
        (["--platform", "instagram"], "Tag a friend to enter", "gray"),
        (["--platform", "instagram"], "Tag a real friend to enter", "white"),
        (["--platform", "вконтакте"], "Отметить одного друга, чтобы участвовать", "white"),
        (["--platform", "twitter"], "Auto-DM new followers who opted in", "white"),
        (["--platform", "x"], "Auto-DM new followers who opted in", "white"),
    ],
)
def test_region_and_platform(
    args: list[str],
    line: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, _ = run([*args, "--format", "json"], line.encode(), capsys, monkeypatch)
    assert code == 0
    assert json.loads(out)[0]["verdict"] == expected


def test_russian_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(["--lang", "ru", "--format", "json"], b"Buy 5k followers", capsys, monkeypatch)
    assert json.loads(out)[0]["alternative"].startswith("Растите за счёт")
    _, table, _ = run(["--lang", "ru"], b"Buy 5k followers", capsys, monkeypatch)
    assert "Серая" in table and "buying_followers_bots" in table


def test_table_is_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run([], PLAN.encode(), capsys, monkeypatch)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Line", "Verdict", "Tactics"]
    assert lines[1].split()[:3] == ["1", "White", "useful_content"]
    assert lines[3].startswith("5") and "Black" in lines[3]
    assert lines[-1] == "Black: 1, Gray: 1, Unrecognized: 1, White: 2"


@pytest.mark.parametrize(
    ("args", "data", "message"),
    [
        ([], b"", "the plan is empty"),
        ([], b"\n  \n\n", "the plan is empty"),
        ([], b"\x89PNG\r\n\x1a\n\x00\x00\x00", "does not look like text"),
        ([], b"\xff\xfe\xff", "does not look like text"),
        ([], b"plan " * 25_000, "the limit is 100,000"),
        (["--region", "XX"], b"Buy followers", "--region: unknown country 'XX'"),
        (["--platform", "myspace"], b"Buy followers", "--platform: unknown platform 'myspace'"),
        (["--format", "xml"], b"Buy followers", "invalid choice: 'xml'"),
        (["--lang", "de"], b"Buy followers", "invalid choice: 'de'"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str],
    data: bytes,
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run(args, data, capsys, monkeypatch)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("smmfit: error: ")
    assert message in err


def test_a_terminal_instead_of_a_file_is_explained(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b""), encoding="utf-8"))
    assert main(["check-tactics"]) == 2
    assert "reads the plan from standard input" in capsys.readouterr().err


def test_broken_tactics_file_is_reported_not_raised(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "tactics.yaml").write_text("- id: [broken\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(b"Buy followers"), encoding="utf-8"))
    assert main(["--data-dir", str(data_dir), "check-tactics"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smmfit: error: data: tactics.yaml, line ") and err.count("\n") == 1


def test_module_entry_point_reads_stdin() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "smmfit", "check-tactics", "--region", "RU", "--platform", "vk",
         "--format", "json"],
        input="Купить 2000 живых подписчиков\nКонтент-план на месяц\n".encode(),
        capture_output=True, cwd=ROOT, check=False, timeout=60,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    rows = json.loads(completed.stdout)
    assert [row["verdict"] for row in rows] == ["gray", "white"]


@pytest.mark.parametrize("option", ["--region", "--platform"])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_option_is_an_error_not_any(
    option: str, value: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """RELIABILITY-2 I2: --region "" was taken as "any country" and exited 0."""
    code, out, error = run([option, value], PLAN.encode(), capsys, monkeypatch)
    assert code == 2 and out == ""
    assert error == f"smmfit: error: {option} is empty: give a value, or leave it out for any\n"
