"""The one-page report: a :class:`~smmfit.render.pack.MeetingPack` as printable HTML (A4).

Every text that is not ours is escaped; charts are embedded as PNG data URIs, so the file
opens offline.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from datetime import date

import pandas as pd

from smmfit.models import Note, Ranking
from smmfit.ranking import Uncertainty
from smmfit.render.fonts import font_stack
from smmfit.render.i18n import Language, t
from smmfit.render.pack import Chart, MeetingPack, TacticSummary, clean, meeting_pack

# One A4 portrait page for a typical persona: two columns of 8 pt text, sources in 6 pt.
_CSS = """
@page { size: A4 portrait; margin: 10mm; }
body { font: 8pt/1.3 system-ui, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0; } h2 { font-size: 10pt; margin: 6pt 0 2pt; }
p { margin: 2pt 0; } .sub { color: #555; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12pt; }
img { max-width: 100%; height: auto; }
.charts { display: flex; gap: 4pt; } .charts img { flex: 1; min-width: 0; }
table { border-collapse: collapse; font-size: 7.5pt; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: 0.5pt 3pt; text-align: left; }
ul { margin: 0; padding-left: 11pt; }
.sources { columns: 2; column-gap: 8pt; font-size: 6pt; line-height: 1.15; padding-left: 8pt; }
a { color: inherit; text-decoration: none; }
@media print { h2 { break-after: avoid; } }
""".strip()


def _font_css(language: Language) -> str:
    # The language's family first (Thai needs one with Thai letters), then the reader's own.
    return f"body {{ font-family: {font_stack(language)}; }}"


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _items(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def _image(chart: Chart, alt: str) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" width="{chart.width}" alt="{_e(alt)}">'


def pack_html(pack: MeetingPack) -> bytes:
    """The pack as one printable HTML page (A4 portrait), images inline."""
    language = pack.language
    header, *body = pack.ranking_table
    table = (
        "<table><tr>"
        + "".join(f"<th>{_e(cell)}</th>" for cell in header)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body)
        + "</table>"
    )
    persona = "; ".join(f"{label}: {value}" for label, value in pack.persona)
    tactics = []
    if pack.tactics is not None:
        counts = [t("export.tactic_count", language, verdict=v, count=n) for v, n in pack.tactics]
        lines = [f"{verdict}: {line}" for verdict, line in pack.tactic_lines]
        tactics = [
            f"<h2>{_e(t('export.tactics', language))}</h2>",
            _items(counts or [t("export.none", language)]),
            _items(lines) if lines else "",
        ]
    unavailable = [f"{name}: {why}" for name, why in pack.unavailable]
    sources = "".join(
        f'<li><a href="{html.escape(url, quote=True)}">{_e(name)}</a></li>'
        for name, url in pack.sources
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{_e(pack.title)}</title><style>{_CSS}\n{_font_css(language)}</style>",
        "</head><body>",
        f"<header><h1>{_e(pack.title)}</h1>",
        f'<p class="sub">{_e(pack.subtitle)} · {_e(pack.date_text)}</p>',
        f"<p><strong>{_e(t('fit.persona', language))}</strong>: {_e(persona)}</p></header>",
        '<div class="grid"><div>',
        f"<h2>{_e(pack.pick)}</h2>{_items(pack.reasons)}",
        f"<p><strong>{_e(pack.runner_up)}</strong></p>",
        f"<h2>{_e(t('fit.how_sure', language))}</h2>{_items(pack.confidence)}",
        f"<h2>{_e(t('whatif.title', language))}</h2>{_items(pack.changes)}",
        *tactics,
        f"<h2>{_e(t('export.sources', language))}</h2>",
        f'<ul class="sources">{sources}</ul>',
        "</div><div>",
        f"<h2>{_e(t('fit.ranking', language))}</h2>",
        _image(pack.ranking, t("fit.ranking", language)) if pack.ranking else "",
        table,
        f'<p class="sub">{_e(pack.weights)}</p>',
        f"<h2>{_e(pack.audience_title)}</h2>",
        '<div class="charts">'
        + "".join(_image(chart, pack.audience_title) for chart in pack.audience)
        + "</div>",
        f'<p class="sub">{_e(pack.audience_note)}</p>',
        f"<h2>{_e(t('fit.unavailable', language))}</h2>",
        _items(unavailable or [t("export.none", language)]),
        "</div></div>",
    ]
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def report_html(
    result: Ranking,
    uncertainty: Uncertainty | None,
    changes: Sequence[Note],
    language: Language,
    tactic_summary: TacticSummary | None = None,
    *,
    audience: pd.DataFrame | None = None,
    generated: date,
) -> bytes:
    """The one-page printable report (.html, UTF-8), charts embedded as PNG data URIs."""
    pack = meeting_pack(
        result, uncertainty, changes, language,
        audience=audience, tactic_summary=tactic_summary, generated=generated,
    )  # fmt: skip
    return pack_html(pack)
