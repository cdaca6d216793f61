"""Reports of a tactic check in the user's language: JSON, a text table, CSV and Markdown.

The page, the CLI and the downloads all render a :class:`~smmfit.tactics.PlanCheck` here, so
a verdict reads the same everywhere: an icon and a word, never a colour alone.

>>> from smmfit.tactics import check_plan, load_taxonomy
>>> taxonomy = load_taxonomy()
>>> check = check_plan("Buy 5k followers\\nWeekly reels", taxonomy)
>>> [row["verdict"] for row in plan_json(check, "en")]
['gray', 'white']
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from smmfit.render.i18n import (
    Language,
    format_share,
    localized,
    platform_name,
    region_name,
    t,
)
from smmfit.render.markup import escape_markdown
from smmfit.render.tables import safe_csv_bytes
from smmfit.tactics import LINE_VERDICTS, LineResult, LineVerdict, PlanCheck, Taxonomy, Text
from smmfit.tactics.taxonomy import TextLanguage

# Material icons for Streamlit; marks for text, CSV and Markdown. Each goes with the word.
VERDICT_ICONS: dict[LineVerdict, str] = {
    "white": ":material/check_circle:",
    "gray": ":material/warning:",
    "black": ":material/dangerous:",
    "unrecognized": ":material/help:",
}
VERDICT_MARKS: dict[LineVerdict, str] = {
    "white": "✅",
    "gray": "⚠️",
    "black": "⛔",
    "unrecognized": "❓",
}


def tactic_text(text: Text, language: Language) -> str:
    """A tactic's name, reason, advice or note in the language; English, marked, where the
    taxonomy has no version in it (it is written in English and Russian)."""
    return localized(text.model_dump(), language)


def tactic_language(language: Language) -> TextLanguage:
    """The taxonomy's language closest to the user's: its own, else English."""
    return "ru" if language == "ru" else "en"


def verdict_label(verdict: LineVerdict, language: Language) -> str:
    """The verdict as a word in the language: ``Gray``, ``Серая``."""
    return t(f"tactics.verdict_{verdict}", language)


def verdict_text(verdict: LineVerdict, language: Language) -> str:
    """Mark and word, for plain text: ``⚠️ Gray``."""
    return f"{VERDICT_MARKS[verdict]} {verdict_label(verdict, language)}"


def deciding_tactics(line: LineResult, taxonomy: Taxonomy, check: PlanCheck) -> list[str]:
    """The tactics whose verdict is the line's verdict (the ones that decided it)."""
    return [
        tactic
        for tactic in line.tactics
        if taxonomy[tactic].verdict_for(check.context)[0] == line.verdict
    ]


def context_text(check: PlanCheck, language: Language) -> str:
    region = (
        region_name(check.context.region, language)
        if check.context.region
        else t("tactics.any_region", language)
    )
    platform = (
        platform_name(check.context.platform, language)
        if check.context.platform
        else t("tactics.any_platform", language)
    )
    return t(
        "tactics.context",
        language,
        region=region,
        platform=platform,
        date=check.context.on.isoformat(),
    )


def explanation(line: LineResult, taxonomy: Taxonomy, language: Language) -> str | None:
    """What the line resembles most, as "resembles '…' (tactic, the rule it breaks)".

    Plain text (no Markdown): callers escape it where they need to. When one action of the
    line decided the verdict, it says which: "in “…”: resembles '…' (…)".
    """
    text = _resemblance(line, taxonomy, language)
    if line.clause is None:
        return text
    if text is None:
        return t("tactics_v6.action_alone", language, clause=line.clause)
    return t("tactics_v6.in_action", language, clause=line.clause, explanation=text)


def _resemblance(line: LineResult, taxonomy: Taxonomy, language: Language) -> str | None:
    if not line.resembles:
        return None
    nearest = line.resembles[0]
    if nearest.tactic is None:
        if nearest.label == "neutral":
            return None
        return t("tactics_v2.resembles_safe", language, example=nearest.example)
    tactic = taxonomy[nearest.tactic]
    if nearest.verdict == "white":
        return t(
            "tactics_v2.resembles_white",
            language,
            example=nearest.example,
            tactic=tactic_text(tactic.name, language),
        )
    return t(
        "tactics_v2.resembles",
        language,
        example=nearest.example,
        tactic=tactic_text(tactic.name, language),
        rule=tactic.rules[0].source,
    )


def plan_json(
    check: PlanCheck, language: Language, taxonomy: Taxonomy | None = None
) -> list[dict[str, Any]]:
    """The CLI's JSON contract: one object per non-empty plan line, in order.

    ``verdict`` white means "nothing harmful recognised", not clearance; ``confidence`` is
    high (a phrase matched), medium (meaning alone) or low (faint resemblance, or nothing);
    ``clause`` is the action of the line that decided it, when one judged alone was worse;
    ``model`` is the verdict model's white/gray/black probabilities for the line and whether
    it raised the verdict (``changed``), or null when no model is loaded.
    """
    return [
        {
            "line": line.line,
            "verdict": line.verdict,
            "confidence": line.confidence,
            "check_by_hand": line.check_by_hand,
            "tactics": list(line.tactics),
            "matched": list(line.matched),
            "resembles": [
                {"example": r.example, "tactic": r.tactic, "similarity": r.similarity}
                for r in line.resembles
            ],
            "explanation": explanation(line, taxonomy, language) if taxonomy else None,
            "clause": line.clause,
            "model": line.model.model_dump() if line.model else None,
            "rules": [{"source": rule.source, "url": rule.url} for rule in line.rules],
            "alternative": tactic_text(line.alternative, language) if line.alternative else None,
        }
        for line in check.lines
    ]


def plan_table(check: PlanCheck, language: Language) -> str:
    """A plain-text table for the terminal: number, verdict, tactics, line; then the counts."""
    rows = [
        (
            t("tactics.col_line", language),
            t("tactics.col_verdict", language),
            t("tactics.col_tactics", language),
            t("tactics.col_text", language),
        )
    ]
    for line in check.lines:
        tactics = ", ".join(line.tactics) or (
            f"({t('tactics.avoided', language)}: {', '.join(line.avoided)})"
            if line.avoided
            else "-"
        )
        rows.append((str(line.number), verdict_label(line.verdict, language), tactics, line.line))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(value.ljust(width) for value, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    counts = check.counts()
    lines.append("")
    lines.append(
        ", ".join(
            f"{verdict_label(verdict, language)}: {counts[verdict]}" for verdict in LINE_VERDICTS
        )
    )
    return "\n".join(line.rstrip() for line in lines)


def _names(ids: tuple[str, ...] | list[str], taxonomy: Taxonomy, language: Language) -> str:
    return "; ".join(tactic_text(taxonomy[tactic].name, language) for tactic in ids)


def report_frame(check: PlanCheck, taxonomy: Taxonomy, language: Language) -> pd.DataFrame:
    """One row per plan line, in plan order: what the CSV download holds."""
    rows = []
    for line in check.lines:
        deciding = deciding_tactics(line, taxonomy, check)
        tactics = _names(line.tactics, taxonomy, language)
        if line.avoided:
            tactics = (
                f"{t('tactics.avoided', language)}: {_names(line.avoided, taxonomy, language)}"
            )
        rows.append(
            {
                t("tactics.col_line", language): line.number,
                t("tactics.col_text", language): line.line,
                t("tactics.col_verdict", language): verdict_label(line.verdict, language),
                t("tactics_v2.col_confidence", language): t(
                    f"tactics_v2.confidence_{line.confidence}", language
                ),
                t("tactics.col_tactics", language): tactics,
                t("tactics.col_matched", language): "; ".join(line.matched),
                t("tactics_v2.col_explanation", language): explanation(line, taxonomy, language)
                or "",
                t("tactics.col_why", language): " | ".join(
                    tactic_text(taxonomy[tactic].why, language) for tactic in deciding
                ),
                t("tactics.col_notes", language): " | ".join(
                    tactic_text(note, language) for note in line.notes
                ),
                t("tactics.col_alternative", language): tactic_text(line.alternative, language)
                if line.alternative
                else "",
                t("tactics.col_rules", language): " | ".join(
                    f"{rule.source} ({rule.url})" for rule in line.rules
                ),
            }
        )
    return pd.DataFrame(rows)


def plan_csv(check: PlanCheck, taxonomy: Taxonomy, language: Language) -> bytes:
    """The report as UTF-8 CSV (with BOM, so Excel reads Cyrillic), safe against formulas."""
    return safe_csv_bytes(report_frame(check, taxonomy, language))


def plan_markdown(check: PlanCheck, taxonomy: Taxonomy, language: Language) -> bytes:
    """The report as Markdown: context, counts by verdict, then every line worst first."""
    out = io.StringIO()
    out.write(f"# {t('tactics.report_title', language)}\n\n")
    out.write(f"{context_text(check, language)}\n\n")
    out.write(f"| {t('tactics.col_verdict', language)} | {t('tactics.lines', language)} |\n")
    out.write("|---|---:|\n")
    counts = check.counts()
    for verdict in LINE_VERDICTS:
        out.write(f"| {verdict_text(verdict, language)} | {counts[verdict]} |\n")
    out.write(f"\n## {t('tactics.results', language)}\n")
    for line in check.worst_first():
        label = t("tactics.line", language, number=line.number)
        out.write(
            f"\n### {verdict_text(line.verdict, language)} · {label}: "
            f"{escape_markdown(line.line)}\n\n"
        )
        for key, value in line_details(line, taxonomy, check, language):
            out.write(f"- **{t(key, language)}**: {value}\n")
    out.write(f"\n_{t('tactics.disclaimer', language)} {t('tactics_v2.white_means', language)}_\n")
    return out.getvalue().encode("utf-8")


def line_details(
    line: LineResult, taxonomy: Taxonomy, check: PlanCheck, language: Language
) -> list[tuple[str, str]]:
    """(catalog key, Markdown text) pairs describing a line, in reading order."""
    items: list[tuple[str, str]] = []
    if line.check_by_hand:
        items.append(("tactics_v2.check", t("tactics_v2.check_by_hand", language)))
    if line.model is not None and line.model.changed and line.verdict == "white":
        # The model lowers two kinds of line: a plain sentence nothing else recognised, and a
        # line whose phrases name a harm it refuses, reports or guards against (words matched).
        cleared = format_share(line.model.white, language)
        key = "tactics_v11.model_fights" if line.matched else "tactics_v11.model_cleared"
        items.append(("tactics_v11.model", t(key, language, share=cleared)))
    elif line.model is not None and line.model.changed:
        share = line.model.black if line.verdict == "black" else line.model.harmful
        items.append(
            (
                "tactics_v11.model",
                t(
                    "tactics_v11.model_raised",
                    language,
                    verdict=verdict_text(line.verdict, language),
                    share=format_share(share, language),
                ),
            )
        )
    items.append(("tactics_v2.confidence", t(f"tactics_v2.confidence_{line.confidence}", language)))
    if line.clause:
        items.append(("tactics_v6.action", escape_markdown(line.clause)))
    resembles = explanation(line, taxonomy, language)
    if resembles:
        items.append(("tactics_v2.evidence", escape_markdown(resembles)))
    if line.tactics:
        items.append(("tactics.tactics", escape_markdown(_names(line.tactics, taxonomy, language))))
    if line.avoided:
        items.append(("tactics.avoided", escape_markdown(_names(line.avoided, taxonomy, language))))
    if line.matched:
        items.append(("tactics.matched", "; ".join(escape_markdown(m) for m in line.matched)))
    if line.verdict == "unrecognized":
        items.append(("tactics.why", t("tactics.meaning_unrecognized", language)))
    for tactic in deciding_tactics(line, taxonomy, check):
        items.append(("tactics.why", escape_markdown(tactic_text(taxonomy[tactic].why, language))))
    for note in line.notes:
        items.append(("tactics.changed_here", escape_markdown(tactic_text(note, language))))
    if line.alternative:
        key = "tactics.how_to_keep" if line.verdict == "white" else "tactics.alternative"
        items.append((key, escape_markdown(tactic_text(line.alternative, language))))
    if line.rules:
        items.append(
            (
                "tactics.rules",
                "; ".join(f"[{escape_markdown(rule.source)}](<{rule.url}>)" for rule in line.rules),
            )
        )
    return items


__all__ = [
    "VERDICT_ICONS",
    "VERDICT_MARKS",
    "context_text",
    "deciding_tactics",
    "explanation",
    "line_details",
    "plan_csv",
    "plan_json",
    "plan_markdown",
    "plan_table",
    "report_frame",
    "tactic_language",
    "tactic_text",
    "verdict_label",
    "verdict_text",
]
