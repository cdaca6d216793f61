"""Run by ``bench.replay`` inside a checkout of an old commit: check labelled sets there.

Usage: ``python bench/replay_worker.py LEVELS_JSON DATA_DIR SET...`` with the old checkout
first on ``PYTHONPATH``. ``LEVELS_JSON`` maps a variant name to the model levels to set
(``{"now": {"MODEL_CHECK": 0.25, ...}}``; every float constant of ``check`` is restored to
the commit's own value before each variant). Prints one JSON object per variant and line:
``{"variant", "set", "language", "expected", "got"}``. It imports only what every commit it
is run at has (``load_taxonomy``, ``load_semantics``, ``check_lines``, ``Context``) and reads
the sets itself, so the bench of the old commit does not matter. Not part of the product: a
script.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path


def main(arguments: list[str]) -> int:
    from smmfit.tactics import check
    from smmfit.tactics.semantic import load_semantics
    from smmfit.tactics.taxonomy import Context, load_taxonomy

    variants: dict[str, dict[str, float]] = json.loads(arguments[0])
    data = Path(arguments[1])
    taxonomy = load_taxonomy()
    semantics = load_semantics(taxonomy)
    if semantics.model is None:
        print(json.dumps({"error": "the verdict model of this commit does not load here"}))
        return 1
    rows: list[tuple[str, dict[str, str]]] = []
    for name in arguments[2:]:
        with (data / name).open(newline="", encoding="utf-8") as handle:
            rows.extend((name, row) for row in csv.DictReader(handle))
    # The platform as an id, by the rule of ``bench.tactics._platform_id``, written out here:
    # on this ``PYTHONPATH`` ``bench`` is the old commit's, and the worker must not depend on
    # what an old bench offered.
    lines = [
        (
            row["line"],
            Context(
                platform=re.sub(r"[^a-z0-9_]+", "_", row["platform"].strip().lower()).strip("_")
                or None,
                region=row["region"] or None,
            ),
        )
        for _, row in rows
    ]
    # The levels as committed there, restored before each variant sets its own.
    committed = {
        name: value
        for name in dir(check)
        if name.isupper() and type(value := getattr(check, name)) is float
    }
    for variant, levels in variants.items():
        for name, value in {**committed, **levels}.items():
            setattr(check, name, value)
        results = check.check_lines(lines, taxonomy, semantics)
        for (name, row), result in zip(rows, results, strict=True):
            record = {
                "variant": variant,
                "set": name,
                "language": row["language"],
                "expected": row["expected"],
            }
            print(json.dumps({**record, "got": result.verdict}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
