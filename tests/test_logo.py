"""The logo upload: PNG and JPEG under the limits are re-encoded; anything else is refused
with the catalog key of a clear message."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from smmfit.render.i18n import LANGUAGES, t
from smmfit.render.logo import MAX_BYTES, MAX_PIXELS, LogoError, read_logo


def image(
    kind: str, size: tuple[int, int] = (300, 100), mode: str = "RGB", **save: object
) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "#1F3A5F" if mode == "RGB" else None).save(buffer, kind, **save)
    return buffer.getvalue()


def test_a_good_png_or_jpeg_comes_back_as_a_fresh_png() -> None:
    for data, mode in (
        (image("PNG"), "RGB"),
        (image("JPEG"), "RGB"),
        (image("PNG", mode="RGBA"), "RGBA"),
    ):
        logo = read_logo(data)
        assert (logo.width, logo.height) == (300, 100)
        assert logo.png.startswith(b"\x89PNG")
        assert Image.open(io.BytesIO(logo.png)).mode == mode


def test_metadata_and_trailing_bytes_do_not_survive() -> None:
    data = image("PNG") + b"<script>alert(1)</script>"
    assert b"script" not in read_logo(data).png


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "deck.logo_bad"),
        (b"not an image at all", "deck.logo_bad"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "deck.logo_bad"),
        (image("GIF"), "deck.logo_bad"),  # only PNG and JPEG
        (image("PNG")[:60], "deck.logo_bad"),  # cut short
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_BYTES + 1), "deck.logo_big"),
        (image("PNG", size=(MAX_PIXELS + 1, 10)), "deck.logo_pixels"),
    ],
)
def test_bad_files_are_refused_with_a_message(data: bytes, key: str) -> None:
    with pytest.raises(LogoError, match=key) as refused:
        read_logo(data)
    for language in LANGUAGES:  # the message fills in for every language
        assert t(refused.value.key, language, **refused.value.params)
