"""Safe Markdown from text that is not ours (data, sources, user input).

Streamlit renders Markdown with extensions: ``$`` starts LaTeX, ``:name:`` an icon, ``<`` may
open HTML. Escaping every punctuation mark Markdown gives meaning to keeps text literal.

>>> escape_markdown("Pew (2025): 46% of *women* pay $5")
'Pew \\\\(2025\\\\)\\\\: 46% of \\\\*women\\\\* pay \\\\$5'
>>> markdown_link("Wiki", "https://en.wikipedia.org/wiki/X_(Twitter)")
'[Wiki](https://en.wikipedia.org/wiki/X_%28Twitter%29)'
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows exactly as written."""
    return _SPECIAL.sub(r"\\\1", text)


def markdown_link(text: str, url: str) -> str:
    """A link whose text is escaped and whose address cannot end the link early."""
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{escape_markdown(text)}]({safe_url})"
