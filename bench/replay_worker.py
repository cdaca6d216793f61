"""Run by ``bench.replay`` inside a checkout of an old commit: check labelled sets there.

Usage: ``python bench/replay_worker.py LEVELS_JSON DATA_DIR SET...`` with the old checkout
first on ``PYTHONPATH``. ``LEVELS_JSON`` maps a variant name to the model levels to set
(``{"now": {"MODEL_CHECK": 0.25, ...}}``; every float constant of ``check`` is restored to
the commit's own value before each variant). Prints one JSON object per variant and line:
``{"variant", "set", "language", "expected", "line", "got"}`` and the evidence for ``got``
(its confidence, check by hand, tactics, the model's P(white) and whether the model changed
it). Of the old commit's product it imports only what every commit it is run at has
(``load_taxonomy``, ``load_semantics``, ``check_lines``, ``Context``), and it reads the sets
itself; of the old commit's bench, only how its model was trained (below).

A variant may also set how the verdict model is trained (``MODEL_C``, ``MODEL_HARMFUL_WEIGHT``
of this checkout's ``bench.tactics``). Then the model is fitted again at that commit, on the
lines that commit's own bench trained its model on (``model_training_lines``; the replay
stops when they do not give the committed model's fingerprint, so the lines are the same),
minus any line of the sets replayed, by this checkout's ``bench/model_fit.py``. Not part of
the product: a script.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

# How the model is trained (``bench.tactics``), and each knob's value where a commit's bench
# does not name it; and ``MODEL_READERS``, how many of this checkout's readers the model pools
# (the first of its ``READERS``), read from the commit's own model (none: 1).
BENCH_KNOBS = {"MODEL_C": 10.0, "MODEL_HARMFUL_WEIGHT": 1.0}
TRAINING = (*BENCH_KNOBS, "MODEL_READERS")
# The one reader of the commits that predate ``READERS`` (session 11 to session 27).
LETTERS_ONLY = (("char_wb", (2, 5)),)
HERE = Path(__file__).resolve().parent
FIT = HERE / "model_fit.py"
# This checkout's verdict model, for a variant that pools readers an old commit lacks.
VERDICT_MODEL = HERE.parent / "smmfit" / "tactics" / "verdict_model.py"


def _by_path(name: str, path: Path) -> Any:
    """A module of this checkout, loaded by its path under ``name`` (on this ``PYTHONPATH``
    the packages ``bench`` and ``smmfit`` are the old commit's)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ValueError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    # dataclasses looks the module up by name while building its classes.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def readers_of(module: Any) -> tuple[tuple[str, tuple[int, int]], ...]:
    """The readers a verdict-model module pools, as ``READERS`` lists them."""
    return tuple(getattr(module, "READERS", LETTERS_ONLY))


def retrained(
    semantics: Any,
    taxonomy: Any,
    knobs: dict[str, float],
    readers: tuple[tuple[str, tuple[int, int]], ...],
    left_out: set[str],
    *,
    now: Any = None,
) -> Any:
    """``semantics`` with its verdict model fitted again at this commit with ``knobs``,
    pooling ``readers``: the commit's own, or the first of this checkout's (``now``, this
    checkout's verdict-model module, loaded by path when not given)."""
    from bench import tactics as bench_tactics
    from smmfit.tactics import verdict_model

    lines = bench_tactics.model_training_lines(taxonomy, semantics)
    recipe = verdict_model.recipe()
    fingerprint = verdict_model.training_fingerprint(((t, v) for t, v, _ in lines), recipe)
    if fingerprint != semantics.model.trained_on:
        raise ValueError("this commit's training lines do not give its committed model")
    pairs = [(text, verdict) for text, verdict, name in lines if name not in left_out]
    model_fit = _by_path("model_fit", FIT)
    own = readers == readers_of(verdict_model)
    if own and not hasattr(verdict_model, "READERS"):
        # The commit's own model class: characters alone.
        fitted = model_fit.fit(
            verdict_model.vectorizer(),
            pairs,
            verdict_model.CLASSES,
            knobs["MODEL_C"],
            knobs["MODEL_HARMFUL_WEIGHT"],
        )
        # The commit's class, not the one this checkout's type checker sees.
        commit_class: Any = verdict_model.VerdictModel
        model = commit_class(
            fitted.vocabulary,
            fitted.idf,
            fitted.weights,
            fitted.bias,
            recipe,
            verdict_model.training_fingerprint(pairs, recipe),
        )
        return dataclasses.replace(semantics, model=model)
    # The commit's pooled class for its own readers; else this checkout's class, pooling its
    # first readers (the old checker asks it only for ``probabilities``, as it asks its own).
    if own:
        module = verdict_model
    else:
        module = now if now is not None else _by_path("verdict_model_now", VERDICT_MODEL)
    model = model_fit.fit_model(
        module, pairs, knobs["MODEL_C"], knobs["MODEL_HARMFUL_WEIGHT"], len(readers)
    )
    return dataclasses.replace(semantics, model=model)


def _evidence(result: Any) -> dict[str, Any]:
    """Why the checker said what it said: enough to sort a variant's errors by cause."""
    model = result.model
    return {
        "confidence": result.confidence,
        "check_by_hand": result.check_by_hand,
        "tactics": list(result.tactics),
        "model_white": None if model is None else round(model.white, 3),
        "model_changed": None if model is None else model.changed,
    }


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
    from bench import tactics as bench_tactics
    from smmfit.tactics import verdict_model

    trained = {name: float(getattr(bench_tactics, name, v)) for name, v in BENCH_KNOBS.items()}
    trained["MODEL_READERS"] = float(len(readers_of(verdict_model)))
    # A model is known by how it is trained and by the readers it pools: the commit's own,
    # unless a variant names ``MODEL_READERS`` (``now`` does): then the first of this
    # checkout's, fitted again where they differ from the commit's.
    now = _by_path("verdict_model_now", VERDICT_MODEL)
    this_checkout = readers_of(now)
    models: dict[tuple[Any, ...], Any] = {
        (*[trained[name] for name in BENCH_KNOBS], readers_of(verdict_model)): semantics
    }
    for variant, levels in variants.items():
        knobs = {name: levels.get(name, value) for name, value in trained.items()}
        readers = (
            this_checkout[: int(knobs["MODEL_READERS"])]
            if "MODEL_READERS" in levels
            else readers_of(verdict_model)
        )
        key = (*[knobs[name] for name in BENCH_KNOBS], readers)
        if key not in models:
            try:
                models[key] = retrained(
                    semantics, taxonomy, knobs, readers, {name for name, _ in rows}, now=now
                )
            except ValueError as error:
                print(json.dumps({"error": str(error)}))
                return 1
        for name, value in {**committed, **levels}.items():
            if name not in TRAINING:
                setattr(check, name, value)
        results = check.check_lines(lines, taxonomy, models[key])
        for (name, row), result in zip(rows, results, strict=True):
            record = {
                "variant": variant,
                "set": name,
                "language": row["language"],
                "expected": row["expected"],
                "line": row["line"],
            }
            print(json.dumps({**record, "got": result.verdict, **_evidence(result)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
