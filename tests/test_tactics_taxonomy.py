"""smmfit.tactics.taxonomy: the plan context, data/tactics.yaml, and the validation of a
tactics file."""

# Tactic names in Russian look like Latin to the ambiguity check.

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from smmfit.tactics import (
    TACTICS_PATH,
    Context,
    Taxonomy,
    TaxonomyError,
    check_line,
    load_taxonomy,
)

PLATFORMS = ("vk", "facebook", "instagram", "youtube", "x", "tiktok", "telegram")


@pytest.mark.parametrize(
    ("given_region", "region"), [("ru", "RU"), ("Russia", "RU"), ("WW", None), ("", None)]
)
def test_context_region(given_region: str, region: str | None) -> None:
    assert Context(region=given_region).region == region


@pytest.mark.parametrize(
    ("field", "value"), [("region", "XX"), ("platform", "Twitter"), ("region", 7)]
)
def test_context_refuses_unknown_values(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Context.model_validate({field: value})


@pytest.mark.parametrize("platform", ["2gis", "yandex_maps"])
def test_context_platform_may_hold_digits_and_underscores(platform: str) -> None:
    """Review networks named in plans: 2GIS (tuning set 24), Yandex Maps (tuning set 26)."""
    assert Context(platform=platform).platform == platform


def test_default_context_is_today() -> None:
    assert Context().on == date.today()


# --- data/tactics.yaml ---------------------------------------------------------------------


def test_the_taxonomy_covers_every_verdict_with_sources(taxonomy: Taxonomy) -> None:
    tactics = taxonomy.tactics
    assert len(tactics) >= 44
    for verdict_name in ("white", "gray", "black"):
        assert sum(t.verdict == verdict_name for t in tactics) >= 6, verdict_name
    for tactic in tactics:
        assert tactic.rules, tactic.id
        assert all(rule.url.startswith("https://") for rule in tactic.rules), tactic.id
        assert tactic.indicators.en and tactic.indicators.ru and tactic.indicators.fr
    assert sum(bool(t.indicators.tr) for t in tactics) == len(tactics)
    assert sum(rule.checked is not None for t in tactics for rule in t.rules) >= 50
    overridden = {
        (t.id, o.platform or o.region or o.outside_region) for t in tactics for o in t.overrides
    }
    assert ("undisclosed_influencer_ads", "FR") in overridden
    assert ("tag_friends_to_enter", "instagram") in overridden
    assert ("unlabeled_ads_russia_erid", "RU") in overridden


VALID_TACTIC = """
- id: sample
  name: {en: Sample, ru: Пример}
  verdict: gray
  why: {en: Because., ru: Потому что.}
  alternative: {en: Do better., ru: Делайте лучше.}
  overrides:
  - platform: vk
    verdict: white
    note: {en: Allowed on VK., ru: Разрешено во ВКонтакте.}
  rules:
  - source: A rule
    url: https://example.org/rule
    what: What the rule says.
  indicators:
    en: [buy followers]
    ru: [купить подписчиков]
    fr: [acheter abonnés]
"""


def write_tactics(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tactics.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_minimal_file_loads(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(write_tactics(tmp_path, VALID_TACTIC), platforms=PLATFORMS)
    assert [t.id for t in taxonomy.tactics] == ["sample"]
    assert check_line("купить подписчиков", taxonomy).verdict == "gray"
    assert check_line("купить подписчиков", taxonomy, Context(platform="vk")).verdict == "white"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "url: https://example.org/rule",
            "url: http://example.org/rule",
            r"line 13, column 10, tactic 'sample', field rules\.0\.url: url must be an https://",
        ),
        ("verdict: gray", "verdict: grey", r"line 4, column 12, tactic 'sample', field verdict"),
        (
            "    fr: [acheter abonnés]\n",
            "",
            r"tactic 'sample', field indicators\.fr: Field required",
        ),
        (
            "platform: vk",
            "platform: myspace",
            r"line 8, column 15, tactic 'sample', field overrides\.0\.platform: unknown platform",
        ),
        ("platform: vk", "region: XX", r"field overrides\.0\.region: unknown country 'XX'"),
        ("platform: vk", "region: ru", r"field overrides\.0\.region: region must be an ISO"),
        ("platform: vk", "platform: vk\n    region: RU", "exactly one of platform, region"),
        ("verdict: white", "verdict: gray", "an override must change the verdict"),
        (
            "platform: vk",
            "platform: vk\n    needs: nowhere",
            r"line 9, column 12, tactic 'sample', field overrides\.0\.needs: unknown tactic",
        ),
        ("ru: Потому что.", "ru: Because.", r"field why\.ru: the Russian text has no Cyrillic"),
        (
            "en: [buy followers]",
            "en: ['buy|']",
            r"field indicators\.en\.0: Value error|field indicators\.en: phrase 'buy\|'",
        ),
        ("en: [buy followers]", "en: [buy followers, Buy Followers]", "listed twice"),
        ("  rules:", "  rules: []\n  extra:", "line"),
        ("id: sample", "id: Sample Tactic", r"field id: String should match pattern"),
        ("  why: {en", "  name: {en: Dup, ru: Дубль}\n  why: {en", r"line 5, column 3: key 'name'"),
    ],
)
def test_bad_files_name_file_line_tactic_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = textwrap.dedent(VALID_TACTIC)
    assert old in text
    path = write_tactics(tmp_path, text.replace(old, new, 1))
    with pytest.raises(TaxonomyError, match=message) as caught:
        load_taxonomy(path, platforms=PLATFORMS)
    assert str(caught.value).startswith("tactics.yaml")


def test_an_override_that_needs_a_tactic_holds_only_where_the_line_shows_it(
    tmp_path: Path,
) -> None:
    """ "Tag a real friend" is allowed on Instagram, "tag a friend" stays gray: an override with
    ``needs`` holds where the line also matches the tactic it names."""
    text = textwrap.dedent(VALID_TACTIC).replace("platform: vk", "platform: vk\n    needs: named")
    named = """
    - id: named
      name: {en: Named, ru: Названная}
      verdict: white
      why: {en: Because., ru: Потому что.}
      alternative: {en: Keep it., ru: Так и держать.}
      rules:
      - source: A rule
        url: https://example.org/rule
        what: What the rule says.
      indicators:
        en: [real people]
        ru: [живых людей]
        fr: [vraies personnes]
    """
    taxonomy = load_taxonomy(
        write_tactics(tmp_path, text + textwrap.dedent(named)), platforms=PLATFORMS
    )
    on_vk = Context(platform="vk")
    assert check_line("buy followers", taxonomy, on_vk).verdict == "gray"
    assert check_line("buy followers, real people", taxonomy, on_vk).verdict == "white"
    assert check_line("buy followers, real people", taxonomy).verdict == "gray"


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = write_tactics(tmp_path, VALID_TACTIC + VALID_TACTIC)
    with pytest.raises(
        TaxonomyError, match=r"line 20, column 3, tactic 'sample', field id: already"
    ):
        load_taxonomy(path, platforms=PLATFORMS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  name: [unclosed\n", r"line \d+, column \d+: not valid YAML"),
        ("id: sample\n", "line 1: expected a list of tactics"),
        ("", "line 1: expected a list of tactics"),
    ],
)
def test_files_that_are_not_a_list_of_tactics(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy(write_tactics(tmp_path, text), platforms=PLATFORMS)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match=r"missing\.yaml: cannot be read"):
        load_taxonomy(tmp_path / "missing.yaml", platforms=PLATFORMS)


def test_the_real_file_parses_as_plain_yaml() -> None:
    """Other tools (and people) read the file too: it is plain YAML, no tags or anchors."""
    text = TACTICS_PATH.read_text(encoding="utf-8")
    assert "&id" not in text and "!!" not in text
    assert isinstance(yaml.safe_load(text), list)
