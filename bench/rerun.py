"""The server's work per Fit page rerun after a persona change, without a browser.

``python -m bench.rerun`` replays in AppTest what each ``bench.load`` session does (open a
link for one country, then click Men, Women, B2B), for the same ten countries, and prints
the CPU time of each rerun kind (the process's: steadier than the wall clock on a shared
machine; AppTest runs one script at a time), then replays the changes
again on an emptied view cache under cProfile and prints where their time goes, by part of
the page (shares of the profiled time; cProfile slows Python calls, so its milliseconds are
higher than the plain ones). The first run of the process (imports, data load) is left
out, as a running server has done it long before.

``--sessions N`` replays the first N sessions (default 10); ``--top N`` lists the N
heaviest functions as well.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# A benchmark drives the app through AppTest, as the tests do (smmfit/ itself never may).
import streamlit  # noqa: TID251
from streamlit.runtime.scriptrunner import script_runner  # noqa: TID251
from streamlit.testing.v1 import AppTest  # noqa: TID251

from bench.load import CHANGES, CLICKS, REGIONS

ROOT = Path(__file__).resolve().parent.parent
CLICK_WIDGET = {"Men": ("fit_gender", "male"), "Women": ("fit_gender", "female")}
CLICK_WIDGET["B2B"] = ("fit_segment", "b2b")

# The parts of a rerun, by the function whose cumulative time stands for it. Nested parts
# (assess inside the view) are listed under their parent and not added twice.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("Fit view, cache miss (all below)", "ui/fit.py", "_fit_view"),
    ("  assess: ranking, scenarios, flips, what-if", "smmfit/ranking/assess.py", "assess"),
    ("    rank (ranking, reasons, sources)", "smmfit/ranking/explain.py", "rank"),
    ("    win probabilities (scenarios)", "smmfit/ranking/uncertainty.py", "win_probabilities"),
    ("      of which: flip search", "smmfit/ranking/flips.py", "find_flips"),
    ("    what-if (other weightings)", "smmfit/ranking/whatif.py", "what_would_change"),
    ("  ranking table", "smmfit/render/tables.py", "ranking_display"),
    ("  ranking CSV", "smmfit/render/tables.py", "ranking_csv"),
    ("  ranking chart", "smmfit/render/charts.py", "ranking_chart"),
    ("  Altair's spec and schema check (if any)", "altair/vegalite/v6/api.py", "to_dict"),
    ("audience profile and charts", "ui/networks.py", "audience_view"),
    ("persona form (widgets, labels)", "ui/persona.py", "persona_form"),
    ("evidence (expander)", "smmfit/render/page_tables.py", "evidence_markdown"),
    ("downloads (CSV button, pack key)", "ui/fit.py", "downloads"),
    ("charts handed to Streamlit", "streamlit/elements/vega_charts.py", "vega_lite_chart"),
    ("table handed to Streamlit", "streamlit/elements/arrow.py", "dataframe"),
)  # fmt: skip


def _cumulative(stats: pstats.Stats, path: str, function: str) -> float:
    """The cumulative time of a function; of the outermost one where a file has several of
    that name calling each other (Altair's ``to_dict``)."""
    entries: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    return max(
        (
            cumulative
            for (filename, _, name), (_, _, _, cumulative, _) in entries.items()
            if name == function and filename.endswith(path)
        ),
        default=0.0,
    )


class _Profiled:
    """cProfile of the script thread's runs only (AppTest runs the script in its own thread)."""

    def __init__(self) -> None:
        self.profile = cProfile.Profile()
        self.on = False
        original: Callable[..., Any] = script_runner.ScriptRunner._run_script

        def run(runner: Any, *args: Any, **kwargs: Any) -> Any:
            if not self.on:
                return original(runner, *args, **kwargs)
            self.profile.enable()
            try:
                return original(runner, *args, **kwargs)
            finally:
                self.profile.disable()

        script_runner.ScriptRunner._run_script = run  # type: ignore[method-assign,assignment]


def _session(index: int, profiled: _Profiled, *, profile: bool) -> tuple[float, list[float]]:
    """One bench.load session: the first load's seconds, and each change's."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update({"region": REGIONS[index % len(REGIONS)], "age": "18-39"})
    app.query_params["lang"] = "en"
    start = time.process_time()
    app.run()
    first = time.process_time() - start
    changes = []
    for change in range(CHANGES):
        key, value = CLICK_WIDGET[CLICKS[(index + change) % len(CLICKS)]]
        widget = app.segmented_control(key=key).set_value(value)
        profiled.on = profile
        start = time.process_time()
        widget.run()
        changes.append(time.process_time() - start)
        profiled.on = False
        assert not app.exception, app.exception
    return first, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=len(REGIONS))
    parser.add_argument("--top", type=int, default=0)
    options = parser.parse_args()
    streamlit.config.set_option("client.showErrorDetails", "full")
    profiled = _Profiled()
    warm = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    warm.query_params["region"] = "WW"
    warm.run()  # imports and the data load, done once per server process
    firsts, cold, revisits = [], [], []
    for index in range(options.sessions):
        first, changes = _session(index, profiled, profile=False)
        firsts.append(first)
        cold.extend(changes)
    # The same sessions again: every view is now in the shared cache (a revisit).
    for index in range(options.sessions):
        revisits.extend(_session(index, profiled, profile=False)[1])
    # And once more from empty caches, profiled (each session's first load, not profiled,
    # builds its country's evidence again, as it did in the first pass).
    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()
    profiled_runs = []
    for index in range(options.sessions):
        profiled_runs.extend(_session(index, profiled, profile=True)[1])
    stats = pstats.Stats(profiled.profile)
    print(f"Fit page reruns, {options.sessions} sessions replayed in AppTest (CPU seconds)")
    print(f"{'':<44} {'median':>8} {'max':>8} {'count':>6}")
    for name, values in (
        ("first load of a session", firsts),
        ("persona change, new view", cold),
        ("persona change, view cached", revisits),
    ):
        print(f"{name:<44} {statistics.median(values):>8.3f} {max(values):>8.3f} {len(values):>6}")
    total, count = stats.total_tt, len(profiled_runs)  # type: ignore[attr-defined]
    print(f"\nwhere a new view's rerun goes (under cProfile: {count} reruns, {total:.2f} s)")
    for name, path, function in PARTS:
        seconds = _cumulative(stats, path, function)
        print(f"{name:<48} {seconds / count * 1000:>7.0f} ms  {seconds / total:>5.0%}")
    if options.top:
        stats.sort_stats("cumulative").print_stats(options.top)


if __name__ == "__main__":
    main()
