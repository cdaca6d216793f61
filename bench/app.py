"""App speed against a bare one-widget Streamlit app, measured in the same run.

- cold start: ``streamlit run`` until /_stcore/health answers ok (target: <= 1.2x bare);
- first page run in a fresh interpreter (imports and first render, AppTest), for context;
- Fit-page rerun after a persona change, AppTest (target: <= 3x bare).
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

# A benchmark of the app drives it through Streamlit's own test harness.
from streamlit.testing.v1 import AppTest  # noqa: TID251

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = "import streamlit as st\n\nst.slider('x', 0, 10, key='x')\n"
REPEATS = 5
RERUNS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cold_start(script: Path) -> float:
    """Seconds from launching the server to a healthy answer."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=script.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=1
                ) as reply:
                    if reply.read() == b"ok":
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.02)
    finally:
        process.terminate()
        process.wait(timeout=10)


def first_run(script: Path) -> float:
    """Seconds for a fresh interpreter to import and run the page once (AppTest)."""
    code = textwrap.dedent(
        f"""
        import time
        start = time.perf_counter()
        from streamlit.testing.v1 import AppTest
        app = AppTest.from_file({str(script)!r}, default_timeout=60)
        app.run()
        assert not app.exception
        print(time.perf_counter() - start)
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=script.parent, capture_output=True, text=True, check=True
    )
    return float(output.stdout.strip().splitlines()[-1])


def rerun_bare(script: Path) -> list[float]:
    app = AppTest.from_file(str(script), default_timeout=60)
    app.run()
    times = []
    for index in range(RERUNS):
        widget = app.slider(key="x").set_value(index % 10)
        start = time.perf_counter()
        widget.run()
        times.append(time.perf_counter() - start)
    return times


def rerun_fit(revisit: bool) -> list[float]:
    """Reruns after a persona change: a new persona every time, or revisiting a few.

    New personas miss the view cache (scoring and charts run); revisits hit it.
    """
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    regions = ["RU", "US", "CN", "WW", "DE", "TR"]
    times = []
    widget: Any
    for index in range(RERUNS):
        if revisit:
            widget = app.selectbox(key="fit_region").select(regions[index % len(regions)])
        else:  # a different age range on every rerun, never seen before
            widget = app.slider(key="fit_age").set_value((18 + index, 40 + index))
        start = time.perf_counter()
        widget.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return times[len(regions) :] if revisit else times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        app = ROOT / "app.py"
        ours, theirs = [], []
        for _ in range(REPEATS):  # alternate, so drift on the machine hits both alike
            theirs.append(cold_start(bare))
            ours.append(cold_start(app))
        cold_ours, cold_bare = statistics.median(ours), statistics.median(theirs)
        first_ours, first_bare = first_run(app), first_run(bare)
        bare_rerun = statistics.median(rerun_bare(bare))
        new_persona = statistics.median(rerun_fit(revisit=False))
        revisit = statistics.median(rerun_fit(revisit=True))
    rows = [
        ("cold start to health ok (median of 5)", cold_ours, cold_bare, 1.2),
        ("first page run, fresh interpreter", first_ours, first_bare, None),
        ("Fit rerun, new persona each time (median of 30)", new_persona, bare_rerun, 3.0),
        ("Fit rerun, revisiting a persona (median of 24)", revisit, bare_rerun, 3.0),
    ]
    print(f"{'app speed vs a bare one-widget app':<50} {'smmfit':>9} {'bare':>9} {'ratio':>7}")
    for name, value, base, target in rows:
        ratio = value / base
        verdict = (
            ""
            if target is None
            else f"  (target <= {target}x) " + ("ok" if ratio <= target else "OVER TARGET")
        )
        print(f"{name:<50} {value * 1000:7.0f}ms {base * 1000:7.0f}ms {ratio:6.2f}x{verdict}")


if __name__ == "__main__":
    main()
