"""The one-page report: a :class:`~smmfit.render.pack.MeetingPack` as printable HTML (A4).

The same story as the deck, in the same order, on one A4 portrait page for a typical
persona: the answer with its key figures, the ranking, why not the runner-up, the persona
against the pick's audience, the caveats for the pick, the blocked and restricted networks,
the next steps, and the sources with their authority. Every text that is not ours is
escaped; charts and the logo are embedded as PNG data URIs, so the file opens offline.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from datetime import date

import pandas as pd

from smmfit.ranking import Assessment
from smmfit.render.fonts import font_stack
from smmfit.render.i18n import Language, t
from smmfit.render.logo import Logo
from smmfit.render.pack import (
    Chart,
    MeetingPack,
    NextSteps,
    TacticSummary,
    clean,
    meeting_pack,
)

# The deck's theme (smmfit.render.deck), in CSS: brand band, card fill, weak-source colour.
# Arial first, as in the deck; Noto Sans Thai for Thai; the reader's sans-serif otherwise.
_CSS = """
@page { size: A4 portrait; margin: 8mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 8pt/1.25 Arial, "Liberation Sans", "Noto Sans Thai", sans-serif; color: #1b1f24;
  margin: 0 auto; max-width: 192mm; }
header { background: #1f3a5f; color: #fff; padding: 6pt 9pt; display: flex;
  align-items: center; gap: 9pt; border-bottom: 3pt solid #0072b2; }
header div { flex: 1; } header img { max-height: 34pt; max-width: 45mm; background: #fff;
  padding: 2pt; }
h1 { font-size: 15pt; margin: 0; } header p { margin: 1pt 0 0; font-size: 8.5pt; }
h2 { font-size: 10.5pt; margin: 5pt 0 1pt; color: #1f3a5f; break-after: avoid; }
h3 { font-size: 9pt; margin: 4pt 0 1pt; color: #1f3a5f; break-after: avoid; }
p { margin: 2pt 0; } .muted { color: #5b6470; font-size: 7.5pt; }
.cards { display: flex; gap: 6pt; margin: 4pt 0; }
.card { flex: 1; background: #eef3f8; border-radius: 5pt; padding: 2pt 6pt; }
.card b { display: block; font-size: 14pt; color: #0072b2; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12pt; }
img { max-width: 100%; height: auto; }
.grid > div > img { display: block; max-height: 52mm; width: auto; }
.charts { display: flex; flex-wrap: wrap; gap: 4pt; align-items: flex-start; }
.charts img { max-width: calc(50% - 2pt); max-height: 34mm; width: auto; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
th { background: #1f3a5f; color: #fff; text-align: left; padding: 1.5pt 3pt;
  vertical-align: bottom; hyphens: none; }
td { border-bottom: 1px solid #dde3ea; padding: 0.5pt 3pt; } td.w { white-space: nowrap; }
body.dense { font-size: 7.5pt; line-height: 1.2; }
body.dense .limits { font-size: 6pt; line-height: 1.1; }
ul { margin: 0; padding-left: 11pt; } li { margin: 0.5pt 0; }
.sources { columns: 3; column-gap: 8pt; font-size: 6pt; line-height: 1.12; padding-left: 0;
  list-style: none; }
.limits { columns: 2; column-gap: 12pt; font-size: 6.5pt; line-height: 1.15; }
.limits li { break-inside: avoid; }
.sources li { break-inside: avoid; } .weak { color: #a34a00; }
a { color: inherit; text-decoration: none; }
""".strip()


# A country with a long history of blocks (Russia, China: a dozen networks, each with its reason
# and date) fills the bottom of the page: above this many characters of it the page is set a
# little denser. Russian, French and Turkish reports for Russians and Chinese ran onto a
# second page; English ones and every other country stay far below it (under 1,000).
DENSE_BLOCKED_CHARS = 1500

# The tactic check on the page: its counts and its worst lines, each cut to one or two printed
# lines; the deck lists more. Five whole lines ran every report onto a second page.
REPORT_TACTIC_LINES = 3
CROWDED_TACTIC_LINES = 2  # beside a long list of blocks
REPORT_TACTIC_CHARS = 110
# Sources left off a crowded page that also carries a tactic check: one row of three columns.
CROWDED_SOURCES = 3

# Sources listed on the page: those of the pick, the runner-up and the audience come first
# (smmfit.render.pack), the rest are on the Method and sources page. Five rows of three columns:
# 21 spilled onto a second page for Russians aged 25-44, whose pick's sources are long.
REPORT_SOURCES = 15


def _font_css(language: Language) -> str:
    # The language's family first (Thai needs one with Thai letters), then the reader's own.
    return f"body {{ font-family: {font_stack(language)}; }}"


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _items(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def _image(png: bytes, width: int, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" width="{width}" alt="{_e(alt)}">'


def _chart(chart: Chart, alt: str) -> str:
    return _image(chart.png, chart.width, alt)


# A one-word cell up to this long stays on one line: a status ("ใช้งานได้", "доступна") or a
# figure wrapped in a narrow column doubled the ranking table's height, and the Thai report of
# 14 networks ran onto a second page.
NOWRAP_CELL = 16


def _cell(text: str) -> str:
    short = len(text) <= NOWRAP_CELL and not any(c.isspace() for c in text)
    return f"<td class=w>{_e(text)}</td>" if short else f"<td>{_e(text)}</td>"


def _table(rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return ""
    header, *body = rows
    return (
        "<table><tr>"
        + "".join(f"<th>{_e(cell)}</th>" for cell in header)
        + "</tr>"
        + "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in body)
        + "</table>"
    )


def _clip(text: str, limit: int = REPORT_TACTIC_CHARS) -> str:
    # Not textwrap.shorten: it cuts at spaces, and a Thai line (no spaces between words) would
    # shrink to the placeholder alone.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _logo(logo: Logo | None) -> str:
    return _image(logo.png, logo.width, "logo") if logo else ""


def pack_html(pack: MeetingPack) -> bytes:
    """The pack as one printable HTML page (A4 portrait), images inline."""
    language = pack.language
    cards = "".join(
        f'<div class="card"><b>{_e(c.value)}</b>{_e(c.label)}'
        + (f'<div class="muted">{_e(c.detail)}</div>' if c.detail else "")
        + "</div>"
        for c in pack.cards
    )
    runner_first, *runner_rest = pack.runner_lines or ("",)
    runner_heading, *flips = runner_rest or ("",)
    # A long list of blocks (Russia, China) crowds the bottom of the page: with a tactic check
    # too, fewer of its lines and of the sources fit (the deck lists more of both).
    crowded = sum(len(name) + len(why) for name, why in pack.unavailable) > DENSE_BLOCKED_CHARS
    checked = pack.tactics is not None
    tactics = []
    if pack.tactics is not None:  # as ``checked``, spelled out for the type checker
        counts = [t("export.tactic_count", language, verdict=v, count=n) for v, n in pack.tactics]
        lines = [
            f"{verdict}: {_clip(line)}"
            for verdict, line in pack.tactic_lines[
                : CROWDED_TACTIC_LINES if crowded else REPORT_TACTIC_LINES
            ]
        ]
        # Across the page under the two columns, the counts on the heading's line and the worst
        # lines in two columns: as a list of its own after the next steps it ran every report
        # onto a second page.
        tactics = [
            f"<h3>{_e(t('export.tactics', language))} · "
            f"{_e(' · '.join(counts) or t('export.none', language))}</h3>",
            '<ul class="limits">' + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"
            if lines
            else "",
        ]
    shown = pack.sources[: REPORT_SOURCES - CROWDED_SOURCES * (crowded and checked)]
    sources = "".join(
        f'<li{" class=weak" if s.weak else ""}><a href="{html.escape(s.url, quote=True)}">'
        f"{_e(s.name)}</a>{' · ' + _e(s.mark) if s.mark else ''}</li>"
        for s in shown
    )
    if len(pack.sources) > len(shown):
        more = t("deck.sources_more", language, count=len(pack.sources) - len(shown))
        sources += f"<li><b>{_e(more)}</b></li>"
    steps = "".join(f"<li><b>{_e(label)}:</b> {_e(value)}</li>" for label, value in pack.next_steps)
    # A long list of blocks, or a tactic check to fit in as well, sets the page a little denser.
    dense = crowded or checked
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{_e(pack.title)}</title><style>{_CSS}\n{_font_css(language)}</style></head>",
        "<body class=dense>" if dense else "<body>",
        f"<header><div><h1>{_e(pack.title)}</h1>",
        f"<p>{_e(pack.subtitle)} · {_e(pack.date_text)}</p></div>{_logo(pack.logo)}</header>",
        f"<h2>{_e(pack.headline)}</h2>",
        f"<p><b>{_e(t('deck.sure', language))}:</b> {_e(pack.sure)}</p>" if pack.sure else "",
        f"<p><b>{_e(t('deck.why', language))}:</b> {_e(pack.why)}</p>" if pack.why else "",
        f'<div class="cards">{cards}</div>' if cards else "",
        '<div class="grid"><div>',
        f"<h3>{_e(t('fit.ranking', language))}</h3>",
        _chart(pack.ranking, t("fit.ranking", language)) if pack.ranking else "",
        f'<p class="muted">{_e(pack.weights)}</p>',
        f'<p class="muted">{_e(pack.messengers)}</p>' if pack.messengers else "",
        f"<h3>{_e(pack.audience_title)}</h3>",
        '<div class="charts">'
        + "".join(_chart(chart, pack.audience_title) for chart in pack.audience)
        + "</div>",
        _items(pack.audience_lines),
        f"<h3>{_e(pack.caveats_title)}</h3>",
        _items(pack.caveats),
        "</div><div>",
        _table(pack.ranking_table),
        f"<h3>{_e(pack.runner_title)}</h3>",
        _table(pack.runner_table),
        f"<p>{_e(runner_first)}</p>" if runner_first else "",
        f"<p><b>{_e(runner_heading)}</b></p>{_items(flips)}" if runner_heading else "",
        f"<h3>{_e(t('deck.next_steps', language))}</h3>",
        f"<ul>{steps}</ul>" if steps else _items([t("fit.no_pick", language)]),
        "</div></div>",
        *tactics,
        f"<h3>{_e(t('fit.unavailable', language))}</h3>",
        '<ul class="limits">'
        + "".join(f"<li><b>{_e(name)}:</b> {_e(why)}</li>" for name, why in pack.unavailable)
        + "</ul>"
        if pack.unavailable
        else _items([t("deck.blocked_none", language)]),
        f'<p class="muted">{_e(pack.as_of)}</p>',
        f"<h3>{_e(t('deck.sources', language))}</h3>",
        f'<ul class="sources">{sources}</ul>',
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part).encode("utf-8")


def report_html(
    assessed: Assessment,
    language: Language,
    tactic_summary: TacticSummary | None = None,
    *,
    audience: pd.DataFrame | None = None,
    authorities: dict[tuple[str, str, int], str] | None = None,
    next_steps: NextSteps | None = None,
    logo: Logo | None = None,
    generated: date,
) -> bytes:
    """The one-page printable report (.html, UTF-8), charts embedded as PNG data URIs."""
    pack = meeting_pack(
        assessed, language, audience=audience, authorities=authorities,
        next_steps=next_steps, tactic_summary=tactic_summary, logo=logo, generated=generated,
    )  # fmt: skip
    return pack_html(pack)
