"""Shared building blocks for every model in smmfit: one definition per rule.

- ``Frozen``: the base of every result and row model (immutable, unknown fields refused).
- ``FrozenRow``: ``Frozen`` that also strips surrounding whitespace, for rows read from files.
- ``HttpsUrl``: a source address; ``WebUrl``: any web address (http or https).
- ``Year``: a source's publication year, from ``FIRST_YEAR`` to this year.

>>> class Source(Frozen):
...     url: HttpsUrl
>>> Source(url="https://pewresearch.org/x").url
'https://pewresearch.org/x'
>>> from pydantic import ValidationError
>>> try:
...     Source(url="http://example.com")
... except ValidationError as error:
...     print(error.errors()[0]["msg"])
Value error, url must be an https:// address with a host
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict

FIRST_YEAR = 2000


class Frozen(BaseModel):
    """Immutable, and unknown fields are an error rather than silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class FrozenRow(Frozen):
    """A row read from a file: as ``Frozen``, with surrounding whitespace stripped."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _host_has_dot(value: str) -> bool:
    # A source must name a real host: "https://x" or "https://localhost/..." cite nothing.
    host = urlsplit(value).hostname or ""
    return "." in host.strip(".")


def _https(value: str) -> str:
    if not value.startswith("https://") or not _host_has_dot(value):
        raise ValueError("url must be an https:// address with a host")
    return value


def _web(value: str) -> str:
    if not value.startswith(("https://", "http://")) or not _host_has_dot(value):
        raise ValueError("via must be a web address (http:// or https://)")
    return value


def _year(value: int) -> int:
    if not FIRST_YEAR <= value <= date.today().year:
        raise ValueError(f"year must be between {FIRST_YEAR} and {date.today().year}")
    return value


HttpsUrl = Annotated[str, AfterValidator(_https)]
WebUrl = Annotated[str, AfterValidator(_web)]
Year = Annotated[int, AfterValidator(_year)]
