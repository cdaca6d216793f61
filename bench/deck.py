"""How long the meeting deck and report take to build, as the Fit page builds them.

``python -m bench.deck`` prints, for one process: the first build (the chart renderer and
python-pptx warm up), the same persona again, and other personas once warm; each build is
one pack (its charts rendered to PNG) written as both the deck and the report, as
:func:`ui.fit.meeting_files` does. The assessment (ranking and scenarios) is not counted: the
page has it already when the button is clicked.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from smmfit import Evidence, Persona, load_dataset
from smmfit.data import audience_profile
from smmfit.ranking import assess
from smmfit.render.deck import pack_pptx
from smmfit.render.pack import meeting_pack, source_authorities
from smmfit.render.page import pack_html

PERSONAS = [
    Persona(region="RU", age_min=25, age_max=44, gender="female", name="bench"),
    Persona(region="US", age_min=25, age_max=34, gender="female"),
    Persona(region="RU", age_min=45, age_max=65),
    Persona(region="CN", age_min=18, age_max=30),
    Persona(region="TR", age_min=18, age_max=24, gender="male"),
    Persona(region="US", age_min=13, age_max=17),
]


def main() -> None:
    evidence = Evidence(load_dataset())
    authorities = source_authorities(evidence.dataset)
    day = date.today()
    inputs = []
    for persona in PERSONAS:
        assessed = assess(persona, evidence, draws=2000)
        pick = assessed.ranking.recommendation.platform
        profile = audience_profile(evidence, pick, persona.region, persona) if pick else None
        inputs.append((assessed, profile))

    def build(index: int) -> tuple[float, float, float]:
        assessed, profile = inputs[index]
        start = time.perf_counter()
        pack = meeting_pack(
            assessed, "en", audience=profile, authorities=authorities, generated=day
        )
        charts = time.perf_counter()
        pack_pptx(pack, day)
        deck = time.perf_counter()
        pack_html(pack)
        end = time.perf_counter()
        return charts - start, deck - charts, end - deck

    def show(name: str, parts: tuple[float, float, float]) -> None:
        charts, deck, report = parts
        total = charts + deck + report
        print(
            f"{name:<44} {total:6.3f} s  (pack and charts {charts:.3f}, "
            f"deck {deck:.3f}, report {report:.3f})"
        )

    show("first build in the process", build(0))
    show("the same persona again", build(0))
    others = [build(i) for i in range(1, len(inputs))]
    medians = tuple(statistics.median(part[k] for part in others) for k in range(3))
    show(f"other personas, median of {len(others)}", (medians[0], medians[1], medians[2]))
    worst = max(others, key=sum)
    show("other personas, slowest", worst)


if __name__ == "__main__":
    main()
