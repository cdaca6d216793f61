"""The one-line answer (smmfit.render.text.headline): the same words on page, deck and CLI."""

from __future__ import annotations

import pytest

from smmfit.models import Recommendation
from smmfit.render.text import headline


@pytest.mark.parametrize(
    ("platform", "close_call", "contenders", "language", "expected"),
    [
        ("vk", False, (), "en", "Test first: VK"),
        ("vk", True, ("vk", "telegram"), "en", "Test first: VK (too close to call with Telegram)"),
        (
            "youtube",
            True,
            ("youtube", "facebook", "instagram"),
            "en",
            "Test first: YouTube (too close to call with Facebook and Instagram)",
        ),
        (
            "vk",
            True,
            ("vk", "telegram"),
            "ru",
            "Тестировать первой: ВКонтакте (почти на равных с Telegram)",
        ),
        # CLDR's Thai list glues words; Latin-script names are set apart with spaces.
        (
            "facebook",
            True,
            ("facebook", "instagram", "whatsapp"),
            "th",
            "ทดสอบก่อน: Facebook (สูสีเกินกว่าจะตัดสินกับ Instagram และ WhatsApp)",
        ),
        # A close call with no other contender listed has nothing to add to the headline.
        ("vk", True, ("vk",), "en", "Test first: VK"),
        (None, False, (), "en", "No recommendation"),
    ],
)
def test_headline_names_the_pick_and_its_contenders_when_close(
    platform: str | None,
    close_call: bool,
    contenders: tuple[str, ...],
    language: str,
    expected: str,
) -> None:
    recommendation = Recommendation(
        platform=platform,
        runner_up=None,
        reasons=(),
        close_call=close_call,
        contenders=contenders,
    )
    assert headline(recommendation, language) == expected  # type: ignore[arg-type]
