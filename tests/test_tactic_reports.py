"""Reports of a tactic check: the JSON contract, the terminal table, CSV and Markdown bytes."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmfit.render import LANGUAGES, Language, escape_markdown
from smmfit.render.i18n import catalog, format_share, t
from smmfit.render.tactic_reports import (
    VERDICT_ICONS,
    VERDICT_MARKS,
    explanation,
    line_details,
    plan_csv,
    plan_json,
    plan_markdown,
    plan_table,
    tactic_text,
    verdict_label,
)
from smmfit.tactics import (
    LINE_VERDICTS,
    Context,
    LineResult,
    LineVerdict,
    ModelReading,
    PlanCheck,
    Resemblance,
    Semantics,
    Taxonomy,
    check_plan,
)
from tests.test_tables import formula_starts

PLAN = "\n".join(
    [
        "Weekly reels",
        '=HYPERLINK("http://evil") buy 5k followers',
        "- Use hacked accounts to spam",
        "No bots",
        "Budget: $500 *bold* [x](javascript:alert(1))",
    ]
)


@pytest.fixture
def check(taxonomy: Taxonomy) -> PlanCheck:
    return check_plan(PLAN, taxonomy, Context(region="RU", platform="vk"))


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads Cyrillic"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_json_contract(check: PlanCheck) -> None:
    rows = plan_json(check, "en")
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
        assert all(set(rule) == {"source", "url"} for rule in row["rules"])
    assert rows[2]["tactics"][0] == "spam_from_hacked_accounts"
    assert rows[2]["rules"] and rows[2]["rules"][0]["url"].startswith("https://")
    assert rows[4] == {
        "line": "Budget: $500 *bold* [x](javascript:alert(1))",
        "verdict": "unrecognized",
        "confidence": "low",
        "check_by_hand": False,
        "tactics": [],
        "matched": [],
        "resembles": [],
        "explanation": None,
        "clause": None,
        "model": None,
        "rules": [],
        "alternative": None,
    }
    assert rows[3]["tactics"] == [] and rows[3]["matched"] == ["No bots"]


@pytest.mark.parametrize(
    ("verdict", "changed", "language", "expected"),
    [
        ("gray", True, "en", "reads this line as ⚠️ Gray: 92%"),
        ("black", True, "ru", "Чёрная»: 81"),
        ("gray", False, "en", None),
    ],
)
def test_details_say_when_the_model_raised_a_verdict(
    taxonomy: Taxonomy,
    verdict: LineVerdict,
    changed: bool,
    language: Language,
    expected: str | None,
) -> None:
    reading = ModelReading(white=0.08, gray=0.11, black=0.81, changed=changed)
    line = LineResult(number=1, line="x", verdict=verdict, tactics=(), matched=(), model=reading)
    check = PlanCheck(context=Context(), lines=(line,))
    details = dict(line_details(line, taxonomy, check, language))
    if expected is None:
        assert "tactics_v11.model" not in details
    else:
        assert expected in details["tactics_v11.model"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_details_say_when_the_model_cleared_a_plain_sentence(
    taxonomy: Taxonomy, language: Language
) -> None:
    reading = ModelReading(white=0.97, gray=0.02, black=0.01, changed=True)
    line = LineResult(number=1, line="x", verdict="white", tactics=(), matched=(), model=reading)
    check = PlanCheck(context=Context(), lines=(line,))
    said = dict(line_details(line, taxonomy, check, language))["tactics_v11.model"]
    assert said == t("tactics_v11.model_cleared", language, share=format_share(0.97, language))
    assert said != t("tactics_v11.model_raised", language, verdict="", share="")
    # A line whose words name a harm it refuses or reports, made white by the model, says so.
    fights = line.model_copy(update={"matched": ("followers",)})
    said = dict(line_details(fights, taxonomy, check, language))["tactics_v11.model"]
    assert said == t("tactics_v11.model_fights", language, share=format_share(0.97, language))


def test_json_alternative_follows_the_language(check: PlanCheck, taxonomy: Taxonomy) -> None:
    english, russian = plan_json(check, "en"), plan_json(check, "ru")
    assert english[1]["alternative"] == taxonomy["buying_followers_bots"].alternative.en
    assert russian[1]["alternative"] == taxonomy["buying_followers_bots"].alternative.ru


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_lists_every_line_and_the_counts(check: PlanCheck, language: Language) -> None:
    table = plan_table(check, language)
    lines = table.splitlines()
    assert len(lines) == 1 + 5 + 2
    assert "spam_from_hacked_accounts" in lines[3]
    assert verdict_label("black", language) in lines[3]
    assert lines[-1].count(":") == 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_one_row_per_line_in_plan_order_and_formula_safe(
    check: PlanCheck, taxonomy: Taxonomy, language: Language
) -> None:
    rows = read_csv(plan_csv(check, taxonomy, language))
    assert len(rows) == 5
    header = catalog(language)
    text, verdict = header["tactics.col_text"], header["tactics.col_verdict"]
    assert [row[header["tactics.col_line"]] for row in rows] == ["1", "2", "3", "4", "5"]
    assert rows[1][text].startswith("'=HYPERLINK")
    assert rows[2][text].startswith("'- Use hacked")
    assert rows[2][verdict] == verdict_label("black", language)
    assert (
        tactic_text(taxonomy["spam_from_hacked_accounts"].why, language)
        in rows[2][header["tactics.col_why"]]
    )
    assert "https://" in rows[2][header["tactics.col_rules"]]
    assert rows[3][header["tactics.col_tactics"]].startswith(header["tactics.avoided"])
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_csv_names_tactics_in_the_language(check: PlanCheck, taxonomy: Taxonomy) -> None:
    rows = read_csv(plan_csv(check, taxonomy, "ru"))
    assert rows[1]["Тактики"] == taxonomy["buying_followers_bots"].name.ru


@pytest.mark.parametrize("language", LANGUAGES)
def test_markdown_has_counts_and_lines_worst_first(
    check: PlanCheck, taxonomy: Taxonomy, language: Language
) -> None:
    text = plan_markdown(check, taxonomy, language).decode("utf-8")
    assert text.startswith(f"# {catalog(language)['tactics.report_title']}")
    for verdict in LINE_VERDICTS:
        assert f"| {VERDICT_MARKS[verdict]} {verdict_label(verdict, language)} |" in text
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    marks = [heading.split()[1] for heading in headings]
    assert marks == ["⛔", "⚠️", "❓", "✅", "✅"]
    assert "(<https://" in text


def test_markdown_keeps_user_text_inert(check: PlanCheck, taxonomy: Taxonomy) -> None:
    text = plan_markdown(check, taxonomy, "en").decode("utf-8")
    assert r"\$500 \*bold\* \[x\]\(javascript\:alert\(1\)\)" in text
    assert "](javascript" not in text


@given(st.text(max_size=80))
def test_escaped_markdown_has_no_bare_special_characters(text: str) -> None:
    escaped = escape_markdown(text)
    index = 0
    while index < len(escaped):
        if escaped[index] == "\\":
            index += 2
            continue
        assert escaped[index] not in "`*_[]()<>#$|~"
        index += 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_verdict_has_a_word_a_meaning_an_icon_and_a_mark(language: Language) -> None:
    keys = catalog(language)
    for verdict in LINE_VERDICTS:
        assert keys[f"tactics.verdict_{verdict}"] and keys[f"tactics.meaning_{verdict}"]
        assert VERDICT_ICONS[verdict].startswith(":material/")
        assert VERDICT_MARKS[verdict]
    for kind in ("empty", "binary", "too_long", "too_many_lines"):
        assert keys[f"tactics.error_{kind}"]
    for verdict in ("white", "gray", "black"):
        assert keys[f"tactics.group_{verdict}"]


def test_csv_is_formula_safe_whatever_separator_a_spreadsheet_splits_on(
    taxonomy: Taxonomy,
) -> None:
    """RELIABILITY-2 M1: the plan line "ok;=1+1;" became a live formula in Russian Excel."""
    plan = "ok;=1+1;\ntab\t=2+2\nbuy 5k followers, +1 per day; @everyone"
    text = plan_csv(check_plan(plan, taxonomy, Context()), taxonomy, "ru").decode("utf-8-sig")
    assert "ok;'=1+1;" in text
    assert formula_starts(text) == []


def test_the_explanation_names_the_example_tactic_and_rule(
    taxonomy: Taxonomy, semantics: Semantics
) -> None:
    check = check_plan("Hack into a rival brand's Instagram", taxonomy, semantics=semantics)
    (row,) = plan_json(check, "en", taxonomy)
    nearest = row["resembles"][0]
    tactic = taxonomy[nearest["tactic"]]
    assert row["explanation"] == (
        f"resembles “{nearest['example']}” ({tactic.name.en}; {tactic.rules[0].source})"
    )
    assert row["verdict"] == "black" and row["confidence"] in ("high", "medium")


@pytest.mark.parametrize(
    ("language", "start"),
    [("en", "in “"), ("ru", "в части «"), ("fr", "dans « "), ("tr", "“"), ("th", "ในส่วน “")],
)
def test_an_action_that_decided_is_named_in_every_language(
    taxonomy: Taxonomy, language: Language, start: str
) -> None:
    """v6: when one action of a line judged alone decided, the explanation says which."""
    line = LineResult(
        number=1,
        line="Thank the fans, then knock the rival site offline",
        verdict="black",
        tactics=("ddos_attacks",),
        matched=(),
        confidence="medium",
        resembles=(
            Resemblance(
                example="Take the rival's site down with traffic",
                label="ddos_attacks",
                language="en",
                similarity=0.7,
                verdict="black",
            ),
        ),
        clause="knock the rival site offline",
    )
    check = PlanCheck(context=Context(), lines=(line,))
    (row,) = plan_json(check, language, taxonomy)
    assert row["clause"] == "knock the rival site offline"
    assert (
        row["explanation"].startswith(start)
        and "knock the rival site offline" in row["explanation"]
    )
    assert "Take the rival's site down with traffic" in row["explanation"]
    details = dict(line_details(line, taxonomy, check, language))
    assert details["tactics_v6.action"] == escape_markdown("knock the rival site offline")
    bare = line.model_copy(update={"resembles": ()})
    assert "knock the rival site offline" in (explanation(bare, taxonomy, language) or "")
