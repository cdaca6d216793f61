"""The user's logo for the deck and report: checked, then re-encoded as a clean PNG.

The file comes from an upload, so nothing about it is trusted: it must open as a PNG or
JPEG, be at most :data:`MAX_BYTES` and :data:`MAX_PIXELS` on a side (a small file can
declare a huge image), and it is drawn again into a fresh PNG, so no metadata or trailing
bytes of the upload reach the deck. It is never written to disk.

>>> import io
>>> from PIL import Image
>>> buffer = io.BytesIO(); Image.new("RGB", (40, 20), "red").save(buffer, "PNG")
>>> read_logo(buffer.getvalue()).width
40
>>> read_logo(b"not an image")
Traceback (most recent call last):
...
smmfit.render.logo.LogoError: deck.logo_bad
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

MAX_BYTES = 2 * 1024 * 1024
MAX_MEGABYTES = MAX_BYTES // (1024 * 1024)
MAX_PIXELS = 4000
FORMATS = ("PNG", "JPEG")


class LogoError(ValueError):
    """Why a logo was refused: its message is the catalog key; :attr:`params` fill it in."""

    def __init__(self, key: str, **params: int) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Logo:
    png: bytes
    width: int  # pixels
    height: int


def read_logo(data: bytes) -> Logo:
    """The logo as a fresh PNG, or :class:`LogoError` saying why not."""
    if len(data) > MAX_BYTES:
        raise LogoError("deck.logo_big", megabytes=MAX_MEGABYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                if max(image.size) > MAX_PIXELS:
                    raise LogoError("deck.logo_pixels", pixels=MAX_PIXELS)
                image.load()
                mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
                clean = image.convert(mode)
    except LogoError:
        raise
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ) as error:
        raise LogoError("deck.logo_bad") from error
    out = io.BytesIO()
    clean.save(out, "PNG", optimize=False)
    return Logo(png=out.getvalue(), width=clean.width, height=clean.height)
