"""bench.load's socket sessions against a real server: the benchmark speaks the protocol.

The server-alone figures of issue 14 rest on these clients doing what the web page does; a
Streamlit upgrade that changed the protocol would otherwise leave them timing errors."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bench import load
from tests.test_browser import _serve

pytestmark = pytest.mark.browser  # a real server, as the browser tests start it (slow)


async def _open_then_click(base: str, label: str) -> tuple[str, str, str]:
    page = load._SocketPage("region=US&age=18-39&lang=en")
    async with load._connect(base) as socket:
        await load._socket_run(socket, page)
        first = page.pick
        await load._socket_run(socket, page, label)
    return first, page.pick, page.query


def test_a_socket_session_opens_the_link_and_its_clicks_change_the_persona(
    tmp_path: Path,
) -> None:
    stats: dict[str, list[Any]] = {"change": [], "first_load": [], "errors": []}
    with _serve(tmp_path) as base:
        first, after, query = asyncio.run(_open_then_click(base, "Women"))
        asyncio.run(load._socket_session(base, 1, stats))
    assert first.startswith("Test first: ") and after.startswith("Test first: ")
    # The click reached the form: the page wrote the new gender into its link.
    assert "gender=female" in query
    assert stats["errors"] == []
    assert len(stats["first_load"]) == 1 and len(stats["change"]) == load.CHANGES
