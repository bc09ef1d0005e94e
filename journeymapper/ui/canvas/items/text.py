"""Text fitted into boxes: wrapped by words, elided with "…", cached as QStaticText."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QStaticText


def fitted_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped by words into at most ``max_lines`` lines of ``width``; the last
    line shown is elided when text is left over."""
    metrics = QFontMetricsF(font)
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        if len(lines) == max_lines - 1:
            current = " ".join([current, *words[i:]])
            break
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    elide = Qt.TextElideMode.ElideRight
    return [metrics.elidedText(line, elide, width) for line in lines[:max_lines]]


class TextBlock:
    """Lines of one font, laid out once and drawn many times (a QStaticText per line)."""

    __slots__ = ("_font", "_line_height", "_lines")

    def __init__(self, text: str, font: QFont, width: float, max_lines: int = 1) -> None:
        self._set(fitted_lines(text, font, width, max_lines), font)

    @classmethod
    def of_lines(cls, lines: Iterable[str], font: QFont) -> TextBlock:
        """Lines broken already (a link caption's), drawn as they are."""
        block = cls.__new__(cls)
        block._set(lines, font)
        return block

    def _set(self, lines: Iterable[str], font: QFont) -> None:
        self._font = font
        self._line_height = QFontMetricsF(font).lineSpacing()
        self._lines = []
        for line in lines:
            static = QStaticText(line)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            self._lines.append(static)

    @property
    def height(self) -> float:
        """Height of all lines together."""
        return self._line_height * len(self._lines)

    def width(self) -> float:
        """Width of the widest line."""
        return max((s.size().width() for s in self._lines), default=0.0)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draw the lines from the top-left corner (x, y) with the painter's pen."""
        painter.setFont(self._font)
        for i, static in enumerate(self._lines):
            painter.drawStaticText(QPointF(x, y + i * self._line_height), static)
