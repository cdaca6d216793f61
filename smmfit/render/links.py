"""Shareable links: a persona and language to URL query parameters and back.

Parameters hold codes, never display labels, so a link means the same in every language:
``?region=RU&age=18-39&gender=female&devices=ios,android&segment=b2c&settlement=rest&lang=ru``.
Parsing never raises: a value that does not fit is dropped and named, so the page can warn
and fall back to the default for that one field (a settlement type also has to be one of the
link's country).

>>> values, rejected = persona_from_query({"region": ["ru"], "age": ["18-39"], "gender": ["robot"]})
>>> values["region"], values["age_min"], rejected
('RU', 18, ['gender'])
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from pydantic import ValidationError

from smmfit.models import (
    GENDERS,
    GOALS,
    MAX_AGE,
    MAX_NAME_LENGTH,
    MIN_AGE,
    SEGMENTS,
    SETTLEMENTS,
    Goal,
    Persona,
    Weights,
    clean_name,
    default_weights,
    expand_devices,
    normalise_region,
    settlements_for,
)
from smmfit.render.i18n import LANGUAGES, Language

PERSONA_PARAMS = ("name", "region", "age", "gender", "devices", "segment", "goal", "settlement")
LANGUAGE_PARAM = "lang"
WEIGHTS_PARAM = "weights"
# The Networks page's network; the Tactic checker's platform (region is shared with the persona).
NETWORK_PARAM = "network"
PLATFORM_PARAM = "platform"
# Every parameter any page reads from a link: the one list. A rejected value is named in the
# page's warning by the catalog's ``link_param.<key>``, and the fuzz tests generate each key,
# so a new parameter cannot be read without a name in every language and without fuzzing.
LINK_PARAMS: tuple[str, ...] = (
    *PERSONA_PARAMS,
    WEIGHTS_PARAM,
    LANGUAGE_PARAM,
    NETWORK_PARAM,
    PLATFORM_PARAM,
)
MAX_PARAM_LENGTH = 200


def _single(values: Sequence[str]) -> str:
    if len(values) != 1 or len(values[0]) > MAX_PARAM_LENGTH:
        raise ValueError("expected one short value")
    return values[0].strip()


def _name(values: Sequence[str]) -> str:
    name = clean_name(_single(values))
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError("name too long")
    return name


def _age(values: Sequence[str]) -> tuple[int, int]:
    text = _single(values)
    low, _, high = text.partition("-")
    if not (low.isdigit() and high.isdigit()):
        raise ValueError("age must look like 18-39")
    age_min, age_max = int(low), int(high)
    if not MIN_AGE <= age_min <= age_max <= MAX_AGE:
        raise ValueError("age out of range")
    return age_min, age_max


def _choice(values: Sequence[str], allowed: Sequence[str]) -> str:
    value = _single(values).lower()
    if value not in allowed:
        raise ValueError("unknown choice")
    return value


def persona_from_query(params: Mapping[str, Sequence[str]]) -> tuple[dict[str, Any], list[str]]:
    """Persona fields found valid in the query, and the names of the parameters rejected."""
    values: dict[str, Any] = {}
    rejected: list[str] = []
    parsers: dict[str, Any] = {
        "name": lambda v: {"name": _name(v)},
        "region": lambda v: {"region": normalise_region(_single(v))},
        "age": lambda v: dict(zip(("age_min", "age_max"), _age(v), strict=True)),
        "gender": lambda v: {"gender": _choice(v, GENDERS)},
        "devices": lambda v: {"devices": expand_devices(",".join(v))},
        "segment": lambda v: {"segment": _choice(v, SEGMENTS)},
        "goal": lambda v: {"goal": _choice(v, GOALS)},
        "settlement": lambda v: {"settlement": _choice(v, SETTLEMENTS)},
    }
    for name in PERSONA_PARAMS:
        if name not in params:
            continue
        try:
            values.update(parsers[name](params[name]))
        except ValueError:
            rejected.append(name)
    # A settlement type belongs to one country: with another (or no) country it is dropped.
    region = values.get("region", Persona.model_fields["region"].default)
    if values.get("settlement") not in (None, *settlements_for(region)):
        del values["settlement"]
        rejected.append("settlement")
    return values, rejected


def language_from_query(params: Mapping[str, Sequence[str]]) -> Language | None:
    raw = params.get(LANGUAGE_PARAM)
    if raw and len(raw) == 1 and raw[0] in LANGUAGES:
        return raw[0]
    return None


def persona_to_query(persona: Persona, language: Language) -> dict[str, str]:
    """Every field, defaults included: a link keeps meaning the same if defaults change."""
    query = {
        "region": persona.region,
        "age": f"{persona.age_min}-{persona.age_max}",
        "gender": persona.gender,
        "devices": ",".join(persona.devices),
        "segment": persona.segment,
        LANGUAGE_PARAM: language,
    }
    if persona.goal:
        query["goal"] = persona.goal
    if persona.settlement:
        query["settlement"] = persona.settlement
    if persona.name:
        query["name"] = persona.name
    return query


def weights_from_query(params: Mapping[str, Sequence[str]]) -> tuple[Weights | None, bool]:
    """Custom weights from ``weights=reach,match,segment,penalty``; (None, rejected?)."""
    if WEIGHTS_PARAM not in params:
        return None, False
    try:
        parts = [float(part) for part in _single(params[WEIGHTS_PARAM]).split(",")]
        if len(parts) != 4 or not all(math.isfinite(part) for part in parts):
            raise ValueError("four numbers expected")
        return Weights(
            reach=parts[0], match=parts[1], segment=parts[2], restricted_penalty=parts[3]
        ), False
    except (ValueError, ValidationError):
        return None, True


def weights_to_query(weights: Weights, goal: Goal | None) -> dict[str, str]:
    """The weights parameter, only when they differ from the goal's defaults."""
    if weights == default_weights(goal):
        return {}
    values = (weights.reach, weights.match, weights.segment, weights.restricted_penalty)
    return {WEIGHTS_PARAM: ",".join(f"{value:g}" for value in values)}


def view_link(
    persona: Persona, weights: Weights, language: Language, base: str | None = None
) -> str:
    """The link that reproduces a Fit view: ``base`` (the app's URL) and the query.

    Without a base the link is relative (``?region=...``), to be pasted after the app's address.

    >>> view_link(Persona(region="RU", age_min=18, age_max=39), Weights(), "ru", "https://x.io/")
    'https://x.io/?region=RU&age=18-39&gender=any&devices=ios,android,windows,macos&segment=b2c&lang=ru'
    """
    query = {**persona_to_query(persona, language), **weights_to_query(weights, persona.goal)}
    if base and not urlsplit(base).path:
        base += "/"  # http://host:8501 -> http://host:8501/?...
    return f"{base or ''}?{urlencode(query, quote_via=quote, safe=',')}"


def explorer_from_query(
    params: Mapping[str, Sequence[str]], platforms: Sequence[str], aliases: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The Platforms page's network and region from the link, and the names rejected."""
    values: dict[str, str] = {}
    rejected: list[str] = []
    if NETWORK_PARAM in params:
        try:
            values[NETWORK_PARAM] = _platform(params[NETWORK_PARAM], platforms, aliases)
        except ValueError:
            rejected.append(NETWORK_PARAM)
    if "region" in params:
        try:
            values["region"] = normalise_region(_single(params["region"]))
        except ValueError:
            rejected.append("region")
    return values, rejected


def _platform(values: Sequence[str], platforms: Sequence[str], aliases: Mapping[str, str]) -> str:
    name = _single(values).lower()
    if name in platforms:
        return name
    if name in aliases:
        return aliases[name]
    raise ValueError("unknown network")


def tactics_from_query(
    params: Mapping[str, Sequence[str]], platforms: Sequence[str], aliases: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The Tactic checker's region and platform from the link, and the names rejected.

    An empty ``platform`` means any platform, as the page's own links write it.

    >>> tactics_from_query({"region": ["ru"], "platform": ["Twitter"]}, ["x"], {"twitter": "x"})
    ({'region': 'RU', 'platform': 'x'}, [])
    >>> tactics_from_query({"region": ["Narnia"], "platform": ["myspace"]}, ["vk"], {})
    ({}, ['region', 'platform'])
    """
    values: dict[str, str] = {}
    rejected: list[str] = []
    if "region" in params:
        try:
            values["region"] = normalise_region(_single(params["region"]))
        except ValueError:
            rejected.append("region")
    if PLATFORM_PARAM in params and params[PLATFORM_PARAM] != [""]:
        try:
            values[PLATFORM_PARAM] = _platform(params[PLATFORM_PARAM], platforms, aliases)
        except ValueError:
            rejected.append(PLATFORM_PARAM)
    return values, rejected
