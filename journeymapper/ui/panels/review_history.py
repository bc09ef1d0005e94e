"""The inspector's review rows: the cadence choice and the history as a small trend."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journeymapper.model import Cadence, Review
from journeymapper.model.review import performance_trend, trend_text
from journeymapper.ui.panels.fields import Field
from journeymapper.ui.panels.value_fields import ChoiceField
from journeymapper.ui.widgets.sparkline import Sparkline
from journeymapper.wording import plural


def cadence_options() -> list[tuple[str, Cadence]]:
    """Cadences in increasing interval, "Not reviewed" first."""
    return [(c.label, c) for c in Cadence]


def cadence_field() -> ChoiceField:
    """The combo box of ``Touchpoint.review_cadence``."""
    return ChoiceField("review_cadence", "Review cadence", cadence_options)


class ReviewHistoryField(Field):
    """Shows ``Touchpoint.reviews``: a sparkline of performance and the last review's comment.
    Read-only: reviews are recorded in a review session (Tools > Review Session...)."""

    debounced = False

    def __init__(self) -> None:
        box = QWidget()
        super().__init__("reviews", "Reviews", box, multi=False)
        self.sparkline = Sparkline()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sparkline)
        layout.addWidget(self.summary)

    def read(self) -> Any:
        raise self.refuse("are recorded in a review session")

    def write(self, value: Any) -> None:
        history: list[Review] = list(value)
        self.sparkline.set_values([score for _, score in performance_trend(history)])
        self.sparkline.setVisible(bool(performance_trend(history)))
        self.summary.setText(history_text(history))


def history_text(history: list[Review]) -> str:
    """"4 reviews · performance 3 → 4 · last 2026-10-15: “comment”" (rich text)."""
    if not history:
        return "<span style='color:gray'>No review yet</span>"
    parts = [plural(len(history), "review")]
    if trend := trend_text(history):
        parts.append(f"performance {trend}")
    last = history[-1]
    text = " &middot; ".join(parts) + f"<br>last {last.date.isoformat()}"
    if last.comment:
        text += f": \u201c{html.escape(last.comment)}\u201d"
    return text
