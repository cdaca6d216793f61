"""The validation set: published "share of a group that uses network N" tables, validated.

``data/validation/published_use.csv`` holds one row per (group, network) figure; a *group* is
one published table (Pew's US adults 18-29, Mediascope's Russia 12+, ...). This module reads
it into :class:`Group` objects and says, for each group, whose figures leave-one-source-out
must remove from the evidence (:func:`publisher_keys`, :func:`url_key`). It is measurement,
not product: ``smmfit`` never imports it.

A bad row fails with :class:`smmfit.DataError` naming the file, line and column, as the
product's own loader does (every problem in the file, one per line).

>>> groups = load_groups()
>>> groups["pew-2023-us-teens-13-17"].leader
('youtube',)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from smmfit import DataError
from smmfit.data.load import RowProblem, header_problems, load_platforms, validate_row
from smmfit.data.rows import DATA_DIR
from smmfit.models import normalise_region
from smmfit.types import FrozenRow, HttpsUrl, Year

VALIDATION_CSV = DATA_DIR / "validation" / "published_use.csv"

# Tables from before 2023 describe a different landscape (no Threads, TikTok still growing,
# Russia before the 2022 blocks had settled); issue 12 asks for 2023 on.
FIRST_VALIDATION_YEAR = 2023

# A group's notes carry this mark (after the quoted excerpt, as a " | "-separated part, or at
# the start) when the pages quoted only some of the table's networks: its leader can be
# scored, its full ranking cannot.
PARTIAL_MARK = "PARTIAL TABLE:"

# Networks that published tables list and the product does not track (not in platforms.csv):
# reported per group as "the product lacks", never an error.
LACKING_NETWORKS: Mapping[str, str] = {
    "whatsapp": "WhatsApp",
    "messenger": "Facebook Messenger",
    "snapchat": "Snapchat",
    "reddit": "Reddit",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "truthsocial": "Truth Social",
    "bereal": "BeReal",
    "discord": "Discord",
    "twitch": "Twitch",
    "xing": "XING",
    "nebenan_de": "nebenan.de",
    "line": "LINE",
    "qq": "QQ",
    "kuaishou": "Kuaishou",
    "xiaohongshu": "Xiaohongshu",
    "moj": "Moj",
    "sharechat": "ShareChat",
    "kwai": "Kwai",
    "max": "Max",
    "rutube": "Rutube",
}

# Publishers whose figures leave-one-source-out removes together: a key and the patterns
# (case-insensitive regular expressions) that name it in a `source`. A family is one key:
# DataReportal's country reports are Kepios's, published with We Are Social and Meltwater
# (Hootsuite until 2022) on GWI survey data.
PUBLISHERS: Mapping[str, tuple[str, ...]] = {
    "pew": (r"\bpew\b",),
    "mediascope": (r"mediascope", r"медиаскоп"),
    "ofcom": (r"\bofcom\b",),
    "comscore": (r"comscore",),
    "datareportal": (
        r"datareportal",
        r"kepios",
        r"we are social",
        r"meltwater",
        r"\bgwi\b",
        r"globalwebindex",
    ),
    "ardzdf": (r"\bard\s*/\s*zdf\b", r"\bard-zdf\b"),
    "bitkom": (r"\bbitkom\b",),
    "postbank": (r"\bpostbank\b",),
    "socialmediaatlas": (r"social[- ]media[- ]atlas",),
    "vtsiom": (r"vtsiom", r"вциом"),
    "fom": (r"\bfom\b", r"\bфом\b"),
    "levada": (r"\blevada\b",),
    "statista": (r"\bstatista\b",),
    "ipsos": (r"\bipsos\b",),
    "etda": (r"\betda\b",),
    "cnnic": (r"\bcnnic\b",),
    "questmobile": (r"questmobile",),
    "mediametrie": (r"m[eé]diam[eé]trie",),
}

_PATTERNS = {
    key: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    for key, patterns in PUBLISHERS.items()
}

# Publishers that publish another one's measurement: an Ofcom table also leaves out Comscore's
# figures, since Ofcom's Online Nation reach is Comscore's panel.
SAME_DATA: Mapping[str, frozenset[str]] = {"ofcom": frozenset({"comscore"})}

# A table's publisher is the one its source names before any parenthesis: the details name
# fieldwork agencies ("Pew Research Center, ... (Ipsos KnowledgePanel)" is Pew's table, and
# Ipsos's own figures are other surveys), or, as above, a data supplier listed in SAME_DATA.
_OPENING = re.compile(r"^[^(]*")


def publisher_keys(source: str) -> frozenset[str]:
    """The publishers a source names outside its parenthesised details.

    >>> sorted(publisher_keys("Ofcom, Online Nation 2024 (Comscore MMX), via a news copy"))
    ['ofcom']
    >>> sorted(publisher_keys("Pew Research Center, Teens 2023 (Ipsos KnowledgePanel)"))
    ['pew']
    >>> sorted(publisher_keys("DataReportal / Kepios, Digital 2024: France (GWI data)"))
    ['datareportal']
    """
    text = _OPENING.match(source)
    opening = text.group(0) if text else source
    return frozenset(
        key for key, patterns in _PATTERNS.items() if any(p.search(opening) for p in patterns)
    )


def source_publishers(source: str) -> frozenset[str]:
    """Every publisher a source names anywhere, the details included.

    This is the test leave-one-source-out applies to the *evidence*: a figure is removed when
    it names the group's publisher anywhere ("Statista (GWI data)" goes with DataReportal).

    >>> sorted(source_publishers("Ofcom, Online Nation 2024 (Comscore MMX)"))
    ['comscore', 'ofcom']
    """
    return frozenset(
        key for key, patterns in _PATTERNS.items() if any(p.search(source) for p in patterns)
    )


def url_key(url: str) -> str:
    """Host (without ``www.``) and path (without a trailing slash), lower-cased host.

    >>> url_key("https://www.Pewresearch.org/internet/fact-sheet/social-media/?tab=1")
    'pewresearch.org/internet/fact-sheet/social-media'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


class PublishedUse(FrozenRow):
    """One row of ``published_use.csv``: the share of one group using one network."""

    group_id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    region: str
    age_min: int = Field(ge=0, le=100)
    age_max: int = Field(ge=0, le=100)
    gender: Literal["any", "female", "male"]
    settlement: Literal["", "urban", "suburban", "rural"] = ""
    platform: str = Field(pattern=r"^[a-z0-9_]+$")
    share_using: float = Field(ge=0, le=100, allow_inf_nan=False)
    base: str = Field(min_length=3)
    source: str = Field(min_length=3)
    url: HttpsUrl
    year: Year
    authority: Literal["primary", "secondary", "low"]
    publisher_type: Literal["survey", "panel"]
    # The excerpt the figure was read in, quoted: a figure nobody can trace is not kept.
    notes: str = Field(min_length=10)

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        code = normalise_region(value)
        if code != value:
            raise ValueError(f"region must be written as its code {code!r}")
        return code

    @field_validator("year")
    @classmethod
    def _recent(cls, value: int) -> int:
        if value < FIRST_VALIDATION_YEAR:
            raise ValueError(f"year must be {FIRST_VALIDATION_YEAR} or later")
        return value

    @model_validator(mode="after")
    def _ages(self) -> PublishedUse:
        if self.age_min > self.age_max:
            raise ValueError(f"age_min {self.age_min} is above age_max {self.age_max}")
        return self

    @property
    def partial(self) -> bool:
        return any(part.strip().startswith(PARTIAL_MARK) for part in self.notes.split(" | "))


@dataclass(frozen=True)
class Group:
    """One published table: who (region, ages, gender, settlement) and each network's share."""

    group_id: str
    region: str
    age_min: int
    age_max: int
    gender: Literal["any", "female", "male"]
    settlement: str
    partial: bool
    shares: Mapping[str, float]
    sources: tuple[str, ...]
    urls: tuple[str, ...]
    years: tuple[int, ...]
    lines: tuple[int, ...]

    @property
    def publishers(self) -> frozenset[str]:
        """Publishers whose figures leave-one-source-out removes for this group."""
        own = frozenset[str]().union(*(publisher_keys(source) for source in self.sources))
        return own.union(*(SAME_DATA.get(key, frozenset()) for key in own))

    @property
    def url_keys(self) -> frozenset[str]:
        return frozenset(url_key(url) for url in self.urls)

    @property
    def leader(self) -> tuple[str, ...]:
        """The network(s) with the highest published share (several on a tie)."""
        return leaders(self.shares)


def leaders(shares: Mapping[str, float]) -> tuple[str, ...]:
    """The keys with the highest value, in their order; empty for no values.

    >>> leaders({"a": 3, "b": 5, "c": 5})
    ('b', 'c')
    """
    if not shares:
        return ()
    best = max(shares.values())
    return tuple(key for key, value in shares.items() if value == best)


# Fields every row of one group must agree on, and the group's attribute holding each.
_GROUP_FIELDS = ("region", "age_min", "age_max", "gender", "settlement", "partial")


def _problem(line: int, column: str, cell: object, message: str) -> str:
    return f"line {line}, column {column} ({str(cell)[:80]!r}): {message}"


def _row_problems(
    line: int, row: PublishedUse, known: Sequence[str], first: Mapping[str, tuple[int, Any]]
) -> list[str]:
    problems = []
    if row.platform not in known and row.platform not in LACKING_NETWORKS:
        problems.append(
            _problem(
                line,
                "platform",
                row.platform,
                "unknown: not in platforms.csv nor in LACKING_NETWORKS (bench/validity_data.py)",
            )
        )
    if not publisher_keys(row.source):
        problems.append(
            _problem(
                line,
                "source",
                row.source,
                "names no publisher leave-one-source-out knows: "
                f"{', '.join(PUBLISHERS)} (PUBLISHERS in bench/validity_data.py)",
            )
        )
    for name in _GROUP_FIELDS:
        first_line, value = first[name]
        if getattr(row, name) == value:
            continue
        if name == "partial":
            marked = "is" if value else "is not"
            message = f"the group's line {first_line} {marked} marked {PARTIAL_MARK!r}"
            problems.append(_problem(line, "notes", row.notes, message))
        else:
            message = f"the group's line {first_line} has {value!r}"
            problems.append(_problem(line, name, getattr(row, name), message))
    return problems


def load_groups(path: Path = VALIDATION_CSV, platforms_dir: Path = DATA_DIR) -> dict[str, Group]:
    """Every group of the validation file, validated, in file order.

    Platform ids must be in ``platforms_dir/platforms.csv`` or in :data:`LACKING_NETWORKS`.
    Raises :class:`smmfit.DataError` listing every problem, each with file, line and column.
    """
    known = tuple(load_platforms(platforms_dir))
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path.name}: cannot be read ({error.strerror})") from None
    problems: list[str] = []
    rows: dict[str, list[tuple[int, PublishedUse]]] = {}
    firsts: dict[str, dict[str, tuple[int, Any]]] = {}
    seen: dict[tuple[str, str], int] = {}
    with handle:
        reader = csv.DictReader(handle)
        header: list[RowProblem] = header_problems(PublishedUse, reader.fieldnames or [])
        if header:
            raise DataError(header[0].english(path.name))
        for cells in reader:
            line = reader.line_num
            if None in cells:
                problems.append(f"line {line}: more cells than columns")
                continue
            row, row_problems = validate_row(PublishedUse, line, cells)
            problems += [problem.place + ": " + problem.message for problem in row_problems]
            if row is None:
                continue
            first = firsts.setdefault(
                row.group_id, {name: (line, getattr(row, name)) for name in _GROUP_FIELDS}
            )
            problems += _row_problems(line, row, known, first)
            key = (row.group_id, row.platform)
            if key in seen:
                problems.append(
                    _problem(line, "platform", row.platform, f"repeats line {seen[key]}")
                )
                continue
            seen[key] = line
            rows.setdefault(row.group_id, []).append((line, row))
    if problems:
        raise DataError("\n".join(f"{path.name}, {problem}" for problem in problems))
    if not rows:
        raise DataError(f"{path.name}: no rows")
    return {group_id: _group(group_id, members) for group_id, members in rows.items()}


def _group(group_id: str, members: list[tuple[int, PublishedUse]]) -> Group:
    first = members[0][1]
    return Group(
        group_id=group_id,
        region=first.region,
        age_min=first.age_min,
        age_max=first.age_max,
        gender=first.gender,
        settlement=first.settlement,
        partial=first.partial,
        shares={row.platform: row.share_using for _, row in members},
        sources=tuple(dict.fromkeys(row.source for _, row in members)),
        urls=tuple(dict.fromkeys(row.url for _, row in members)),
        years=tuple(sorted({row.year for _, row in members})),
        lines=tuple(line for line, _ in members),
    )
