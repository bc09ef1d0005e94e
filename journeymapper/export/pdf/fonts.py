"""DejaVu Sans, embedded in every PDF so any language prints (Vietnamese, Greek, Cyrillic).

The base-14 PDF fonts only cover Latin-1, and they are not embedded; every string of the
export is drawn in these two TrueType faces instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from journeymapper.paths import RESOURCES

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_DIR = RESOURCES / "fonts"
FONT_FILES: dict[str, str] = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


class FontMissingError(RuntimeError):
    """The bundled font files are not where the package expects them (a broken install).

    Not an OSError: it is not about the file being written, and must not be reported so.
    """


def font_path(name: str) -> Path:
    """The bundled TrueType file of a face."""
    path = FONT_DIR / FONT_FILES[name]
    if not path.is_file():
        raise FontMissingError(f"{path}: the bundled font is missing; reinstall Journeymapper")
    return path


def register_fonts() -> None:
    """Register both faces and the family once per process (parsing a TTF takes a while)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name in (FONT, FONT_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
    # Paragraph markup (<b>, <i>) resolves faces through the family; italics fall back to the
    # upright faces because only regular and bold are shipped.
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


@lru_cache(maxsize=16384)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` set in DejaVu Sans at ``size``.

    Cached: cards repeat the same dates, owners, channel names and numbers thousands of
    times, and fitting text measures each candidate line.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, FONT_BOLD if bold else FONT, size)
