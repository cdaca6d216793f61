"""The example bank: plan lines as marketers write them, by tactic and language.

``data/tactic_examples.yaml`` groups lines under a tactic id of ``data/tactics.yaml`` or one
of three labels of its own: ``protective`` (a safety action on a risky thing, "report fake
accounts", or a line that says it avoids a tactic), ``everyday`` (ordinary work with nothing
to judge: a shoot, an invoice, an export) and ``neutral`` (plan scaffolding: budget, owner,
dates). Every group has lines in all five languages. ``load_examples`` validates the
file once; an error names the file, the group and the field.

>>> examples = load_examples(tactic_ids={"buying_followers_bots", "targeted_ads",
...     "compliant_contests_giveaways"}, path=EXAMPLES_PATH.with_name("missing.yaml"))
Traceback (most recent call last):
...
smmfit.tactics.taxonomy.TaxonomyError: missing.yaml: cannot be read (No such file or directory)
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import Field, ValidationError

from smmfit.data import DATA_DIR
from smmfit.tactics.taxonomy import TaxonomyError
from smmfit.types import FrozenRow

EXAMPLES_PATH = DATA_DIR / "tactic_examples.yaml"

BankLanguage = Literal["en", "ru", "fr", "tr", "th"]
BANK_LANGUAGES: tuple[BankLanguage, ...] = get_args(BankLanguage)
# Labels of the bank's own: not tactics, but what a line that resembles them is.
PROTECTIVE = "protective"
EVERYDAY_WORK = "everyday"
NEUTRAL = "neutral"
LABELS = (PROTECTIVE, EVERYDAY_WORK, NEUTRAL)


class Example(FrozenRow):
    """One line of the bank: what it is an example of, in which language."""

    tactic: str = Field(description="a tactic id, or 'protective', 'everyday' or 'neutral'")
    language: BankLanguage
    text: str = Field(min_length=3, max_length=300)


class _Group(FrozenRow):
    tactic: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    en: tuple[str, ...] = Field(min_length=1)
    ru: tuple[str, ...] = Field(min_length=1)
    fr: tuple[str, ...] = Field(min_length=1)
    tr: tuple[str, ...] = Field(min_length=1)
    th: tuple[str, ...] = Field(min_length=1)


def load_examples(tactic_ids: Collection[str], path: Path = EXAMPLES_PATH) -> tuple[Example, ...]:
    """The bank's lines, in file order; ``tactic_ids`` are the ids a group may name."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise TaxonomyError(f"{path.name}: cannot be read ({reason})") from None
    except yaml.YAMLError as error:
        raise TaxonomyError(f"{path.name}: not valid YAML ({error})") from None
    if not isinstance(data, list) or not data:
        raise TaxonomyError(f"{path.name}: expected a list of groups")
    examples: list[Example] = []
    seen: dict[str, str] = {}
    for number, item in enumerate(data, 1):
        try:
            group = _Group.model_validate(item)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"]) or "(group)"
            raise TaxonomyError(
                f"{path.name}, group #{number}, field {where}: {first['msg']}"
            ) from None
        if group.tactic not in tactic_ids and group.tactic not in LABELS:
            raise TaxonomyError(
                f"{path.name}, group #{number}: unknown tactic {group.tactic!r} "
                f"(not in tactics.yaml, nor one of {', '.join(LABELS)})"
            )
        for language in BANK_LANGUAGES:
            for text in getattr(group, language):
                key = " ".join(text.casefold().split())
                if key in seen:
                    raise TaxonomyError(
                        f"{path.name}, group #{number} ({group.tactic}), {language}: "
                        f"{text!r} is already listed under {seen[key]!r}"
                    )
                seen[key] = group.tactic
                try:
                    examples.append(Example(tactic=group.tactic, language=language, text=text))
                except ValidationError as error:
                    message = error.errors(include_url=False)[0]["msg"]
                    raise TaxonomyError(
                        f"{path.name}, group #{number} ({group.tactic}), {language}: {message}"
                    ) from None
    return tuple(examples)
