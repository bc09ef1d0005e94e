"""The importance criteria of a touchpoint: one 0..5 slider per criterion of the project."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget

from journeymapper.model import Scoring
from journeymapper.model.touchpoint import SCORE_MAX, SCORE_MIN
from journeymapper.ui.panels.fields import MIXED, Field


class ScoreField(Field):
    """Edits ``Touchpoint.scores``: only the criteria the user moves are written.

    With several touchpoints selected, moving one slider sets that criterion on all of them and
    leaves their other criteria alone. Moving another slider starts a new undo step.
    """

    debounced = False
    changing = Signal()
    """A slider moves (dragged, not yet released): derived displays may preview ``preview()``."""

    def __init__(self, scoring: Callable[[], Scoring]) -> None:
        super().__init__("scores", "Criteria", QWidget(), depends_on=("criterion",))
        self.scoring = scoring
        self.grid = QGridLayout(self.editor)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)  # the sliders take the room, not the names
        self.sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        self._mixed: set[str] = set()
        self._touched: dict[str, int] = {}
        self._last: str | None = None
        self.refresh_options()

    def refresh_options(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.sliders.clear()
        self._values.clear()
        criteria = self.scoring().criteria
        for row, criterion in enumerate(criteria):
            name = QLabel(criterion.name)
            name.setWordWrap(True)
            name.setToolTip(f"{criterion.description}\nWeight {criterion.weight:g}".strip())
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(SCORE_MIN, SCORE_MAX)
            slider.setPageStep(1)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setAccessibleName(criterion.name)
            slider.setMinimumWidth(90)
            value = QLabel("0")
            value.setMinimumWidth(self.editor.fontMetrics().horizontalAdvance(MIXED) + 4)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            slider.valueChanged.connect(lambda v, c=criterion.id: self._moved(c, v))
            slider.sliderReleased.connect(lambda c=criterion.id: self._released(c))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(slider, row, 1)
            self.grid.addWidget(value, row, 2)
            self.sliders[criterion.id] = slider
            self._values[criterion.id] = value
        if not criteria:
            self.grid.addWidget(QLabel("No criteria: add some under Scoring."), 0, 0, 1, 3)

    def read(self) -> dict[str, int]:
        return dict(self._touched)

    def value_for(self, current: Any) -> dict[str, int]:
        merged = {**current, **self._touched}
        order = [c.id for c in self.scoring().criteria]
        return {c: merged[c] for c in order if c in merged}

    def preview(self) -> dict[str, int] | None:
        """Scores shown by the sliders now, or None when some criterion is mixed."""
        if self._mixed - set(self._touched):
            return None
        return {c: s.value() for c, s in self.sliders.items()}

    def write(self, value: Any) -> None:
        self.write_many([value])

    def write_many(self, values: Sequence[Any]) -> None:
        self._touched.clear()
        self._mixed.clear()
        self._last = None
        for criterion, slider in self.sliders.items():
            seen = {v.get(criterion, 0) for v in values}
            blocked = slider.blockSignals(True)
            slider.setValue(min(seen) if seen else 0)
            slider.blockSignals(blocked)
            if len(seen) > 1:
                self._mixed.add(criterion)
            self._show_value(criterion)

    def _show_value(self, criterion: str) -> None:
        mixed = criterion in self._mixed and criterion not in self._touched
        self._values[criterion].setText(MIXED if mixed else str(self.sliders[criterion].value()))

    def _moved(self, criterion: str, value: int) -> None:
        self._touched[criterion] = value
        self._show_value(criterion)
        if self.sliders[criterion].isSliderDown():
            self.changing.emit()  # commit on release: a drag is one intent
            return
        self._changed(criterion)

    def _released(self, criterion: str) -> None:
        self._changed(criterion)

    def _changed(self, criterion: str) -> None:
        self._last = criterion
        self.edited.emit()

    def session_key(self) -> str:
        # Moving another criterion's slider is another edit: its own undo step.
        return self._last or ""
