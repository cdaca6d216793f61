"""The tactic checker's levels judged as a blind set would judge them: ``python -m bench.replay``.

Every labelled set in ``tests/data`` was scored once untuned, at a commit named in
``bench.tactics``' docstring ("Scored once untuned at 2105af2"), before its own lines tuned
the phrases and the verdict model. Checking each set again at that commit replays that blind
reading exactly (its recorded score comes back line for line), and it can be replayed under
other model levels (``MODEL_CHECK``, ``MODEL_SURE``...): how many lines each level would have
got wrong, and how many harmful lines it would have judged white, on lines the checker had
never seen. The bench's own figures cannot say this: there every line has tuned the phrases
or trained the model, so a lower level looks like a loss even when it catches harmful lines
a new plan would slip through. Leave-one-set-out leaves out the model's training, not the
phrases'.

Each commit is checked out in a temporary worktree and ``bench/replay_worker.py`` (from this
checkout) runs there with that commit's code, data and model, with the labels of this
checkout (a label corrected since is corrected in the replay). Variants: ``committed`` (the
levels each commit had), ``now`` (this checkout's levels), and each ``--levels
"MODEL_CHECK=0.3,WEAK=0.4"`` given (on top of this checkout's levels: any float constant of
``smmfit.tactics.check``; one a commit lacks, or reads only where it is defined, such as a
default argument, changes nothing there). ``--since N`` replays tuning sets N and later (99
by default: the sets of session 22 on, whose commits run the design of today, with phrases,
example bank and n-gram verdict model); ``--jobs`` runs commits in parallel (2 by default,
the machine's cores); ``--show VARIANT`` lists the harmful lines that variant judges white;
``--records FILE`` writes every line's reading with the evidence for it (confidence, check by
hand, tactics, the model's P(white)), to sort a variant's errors by cause. About 20 s per
commit and variant, and 20 s more per commit for each way of training the model (``MODEL_C``,
``MODEL_HARMFUL_WEIGHT``: see ``bench/replay_worker.py``); needs the git history (a clone, not
an export).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import bench.tactics
from smmfit.tactics import check, verdict_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
WORKER = Path(__file__).resolve().with_name("replay_worker.py")
HARMFUL = ("gray", "black")
DEFAULT_SINCE = 99
# How the verdict model is trained, as ``bench.tactics`` names it.
BENCH_KNOBS = ("MODEL_C", "MODEL_HARMFUL_WEIGHT")

_ENTRY = re.compile(r"``(tactic_lines_tune(\d+)_v\d+\.csv)``:(.*?)(?=\n- ``|\n\n|\Z)", re.S)
_UNTUNED = re.compile(r"untuned at ([0-9a-f]{7,40})")


def untuned_commits(doc: str, since: int = DEFAULT_SINCE) -> dict[str, list[str]]:
    """Commit -> the tuning sets (numbered ``since`` or later) first scored untuned at it,
    from the bench's docstring; a set scored at two commits counts at the first."""
    commits: dict[str, list[str]] = {}
    for match in _ENTRY.finditer(doc):
        name, number, entry = match.groups()
        found = _UNTUNED.search(" ".join(entry.split()))
        if found and int(number) >= since:
            commits.setdefault(found.group(1), []).append(name)
    return commits


def current_levels() -> dict[str, float]:
    """This checkout's levels: every constant of ``smmfit.tactics.check`` that is a float
    (the model's ``MODEL_CHECK``..., the example bank's ``WEAK``, ``EVERYDAY_MARGIN``...),
    and how the verdict model is trained (``bench.tactics``' ``MODEL_C`` and
    ``MODEL_HARMFUL_WEIGHT``, and ``MODEL_READERS``, how many of ``verdict_model.READERS`` it
    pools: a variant that changes them retrains the model at each commit)."""
    levels = {
        name: value
        for name in dir(check)
        if name.isupper() and type(value := getattr(check, name)) is float
    }
    trained = {name: float(getattr(bench.tactics, name)) for name in BENCH_KNOBS}
    return levels | trained | {"MODEL_READERS": float(len(verdict_model.READERS))}


def parse_levels(text: str) -> dict[str, float]:
    """``"MODEL_CHECK=0.3,MODEL_SURE=0.6"`` -> a dict; a name the checker lacks is an error."""
    known = current_levels()
    levels = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        if name.strip() not in known:
            raise ValueError(f"unknown level {name.strip()!r}; known: {', '.join(known)}")
        levels[name.strip()] = float(value)
    return levels


@dataclass
class Tally:
    """One variant's outcome over the replayed lines."""

    lines: int = 0
    wrong: int = 0
    harmful_white: int = 0
    white_not_white: int = 0
    harmful_not_named: int = 0
    # Lines and lines right per language: the floor is per language, not only overall.
    language_lines: Counter[str] = field(default_factory=Counter)
    language_right: Counter[str] = field(default_factory=Counter)

    def add(self, expected: str, got: str, language: str = "") -> None:
        self.lines += 1
        self.language_lines[language] += 1
        self.language_right[language] += got == expected
        self.wrong += got != expected
        self.harmful_white += expected in HARMFUL and got == "white"
        self.white_not_white += expected == "white" and got != "white"
        self.harmful_not_named += expected in HARMFUL and got == "unrecognized"


def tally(records: Iterable[dict[str, str]]) -> dict[str, Tally]:
    """Variant -> its tally, in the order the variants first appear."""
    tallies: dict[str, Tally] = {}
    for record in records:
        tallies.setdefault(record["variant"], Tally()).add(
            record["expected"], record["got"], record.get("language", "")
        )
    return tallies


def replay_commit(
    commit: str, sets: Sequence[str], variants: dict[str, dict[str, float]]
) -> list[dict[str, str]]:
    """The worker's records for ``sets`` at ``commit``, in a temporary worktree."""
    with tempfile.TemporaryDirectory(prefix=f"replay-{commit}-") as folder:
        # Named for the commit: git names a worktree's records by the folder's name, and two
        # commits replayed at once into folders of one name collide there.
        tree = Path(folder) / f"replay-{commit}"
        added = subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(tree), commit],
            check=False,
            capture_output=True,
            text=True,
        )
        if added.returncode:
            # A shallow clone or an export lacks the commit: say so, replay the others.
            print(f"{commit}: skipped ({added.stderr.strip()[-300:]})", file=sys.stderr)
            return []
        try:
            environment = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1"}
            done = subprocess.run(
                [sys.executable, str(WORKER), json.dumps(variants), str(DATA), *sets],
                cwd=tree,
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or any("error" in record for record in records):
        reason = next((r["error"] for r in records if "error" in r), done.stderr.strip()[-300:])
        print(f"{commit}: skipped ({reason})", file=sys.stderr)
        return []
    return records


def report(tallies: dict[str, Tally], variants: dict[str, dict[str, float]]) -> str:
    """One line per variant, its differences from ``now``."""
    base = tallies.get("now")
    now = variants.get("now", {})
    rows = []
    for name, counts in tallies.items():
        shift = ""
        if base and name != "now":
            more_wrong = counts.wrong - base.wrong
            more_white = counts.harmful_white - base.harmful_white
            shift = f" ({more_wrong:+d} wrong, {more_white:+d} harmful white against now)"
        levels = ", ".join(
            f"{k} {v:g}" for k, v in variants.get(name, {}).items() if now.get(k) != v
        )
        rows.append(
            f"{name}: {counts.lines} lines, {counts.wrong} wrong "
            f"({100 * (1 - counts.wrong / counts.lines):.1f}% right), "
            f"{counts.harmful_white} harmful white, {counts.white_not_white} white lines "
            f"not white, {counts.harmful_not_named} harmful unrecognized{shift}"
            + (f"\n    levels: {levels}" if levels else "")
            + f"\n    right by language: {_by_language(counts)}"
        )
    return "\n".join(rows)


def _by_language(counts: Tally) -> str:
    return ", ".join(
        f"{language.upper() or '?'} {100 * counts.language_right[language] / lines:.1f}%"
        for language, lines in sorted(counts.language_lines.items())
    )


def main(arguments: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.replay", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--since", type=int, default=DEFAULT_SINCE)
    parser.add_argument("--levels", action="append", default=[], metavar="NAME=VALUE,...")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--records",
        type=Path,
        metavar="FILE",
        help="write every line's reading (variant, line, verdict, evidence) as JSON lines",
    )
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        metavar="VARIANT",
        help="list the harmful lines this variant judges white (its --levels text, or now)",
    )
    options = parser.parse_args(arguments)
    now = current_levels()
    variants: dict[str, dict[str, float]] = {"committed": {}, "now": now}
    try:
        for text in options.levels:
            variants[text] = {**now, **parse_levels(text)}
    except ValueError as error:
        parser.error(str(error))
    commits = untuned_commits(bench.tactics.__doc__ or "", options.since)
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        batches = list(
            pool.map(lambda item: replay_commit(item[0], item[1], variants), commits.items())
        )
    records = [record for batch in batches for record in batch]
    if options.records:
        with options.records.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    sets = Counter(record["set"] for record in records if record["variant"] == "committed")
    print(f"Replayed {len(sets)} sets at {len(commits)} commits, each set untuned:")
    print(report(tally(records), variants))
    for name in options.show:
        print(harmful_white(records, name))
    return 0


def harmful_white(records: Iterable[dict[str, str]], variant: str) -> str:
    """The harmful lines ``variant`` judged white, one per row: set, expected verdict, line."""
    rows = [
        f"  {r['set']} [{r['language']}, {r['expected']}] {r['line']}"
        for r in records
        if r["variant"] == variant and r["expected"] in HARMFUL and r["got"] == "white"
    ]
    return "\n".join([f"{variant}: {len(rows)} harmful lines judged white", *rows])


if __name__ == "__main__":
    sys.exit(main())
