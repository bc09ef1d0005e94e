"""Scoring settings: the criteria that rate a touchpoint's importance, and their weights.

Every change goes through the document, which emits ``item_changed("criterion", ...)``; the
inspector and the register recompute importance from it, so scores update live everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, Kind
from journeymapper.model.fields import MAX_SHORT_LIST
from journeymapper.ui.panels.fields import Field, LineField
from journeymapper.ui.panels.form import EntityForm
from journeymapper.ui.panels.value_fields import FloatField

NEW_CRITERION = "New criterion"
EXPLANATION = ("Each touchpoint is scored 0 to 5 on every criterion; its importance is the "
               "weighted average, shown from 0 to 100. A weight of 0 leaves a criterion out.")


class CriterionRow(EntityForm):
    """One criterion on one line: name, weight, share of the total weight, remove."""

    def __init__(self, document: Document, criterion_id: str,
                 parent: QWidget | None = None) -> None:
        self.line = QHBoxLayout()
        super().__init__(document, Kind.CRITERION, parent)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_layout.addRow(self.line)
        self.name = self.add_field(LineField("name", "Name", required=True))
        self.weight = self.add_field(FloatField("weight", "Weight", 0, 100))
        self.share = QLabel()
        self.share.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.share.setToolTip("Share of the total weight")
        self.remove_button = QToolButton()
        self.remove_button.setText("\u2715")
        self.remove_button.setToolTip("Remove this criterion (scores on it are forgotten)")
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(
            lambda: document.remove([(Kind.CRITERION, criterion_id)]))
        self.line.addWidget(self.share, 0, Qt.AlignmentFlag.AlignTop)
        self.line.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_ids([criterion_id])

    def place_field(self, field: Field) -> None:
        self.line.addWidget(field.container, 3 if field.name == "name" else 1,
                            Qt.AlignmentFlag.AlignTop)

    def show_share(self, total: float) -> None:
        """Show this criterion's share of ``total`` weight."""
        objects = self.objects()
        if objects:
            weight = objects[0].weight
            self.share.setText(f"{100 * weight / total:.0f} %" if total > 0 else "-")


class ScoringPanel(QWidget):
    """Edits the project's criteria: rename, reweight, add, remove."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows: dict[str, CriterionRow] = {}
        explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        header = QHBoxLayout()
        for text, stretch in (("Criterion", 3), ("Weight", 1)):
            label = QLabel(f"<b>{text}</b>")
            header.addWidget(label, stretch)
        header.addSpacing(60)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(0)
        self.add_button = QPushButton("Add criterion")
        self.add_button.clicked.connect(self.add_criterion)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(explanation)
        body_layout.addLayout(header)
        body_layout.addLayout(self._rows_box)
        body_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        document.item_added.connect(lambda kind, _id: kind == Kind.CRITERION and self.rebuild())
        document.item_removed.connect(lambda kind, _id: kind == Kind.CRITERION and self.rebuild())
        document.items_reordered.connect(lambda kind: kind == Kind.CRITERION and self.rebuild())
        document.item_changed.connect(self._changed)
        document.project_replaced.connect(self.rebuild)
        self.rebuild()

    def add_criterion(self) -> str:
        """Add a criterion of weight 1 (one undo step) and put the cursor in its name."""
        criterion_id = self.document.create(Kind.CRITERION, name=NEW_CRITERION, weight=1.0)
        line = self.rows[criterion_id].name.editor
        line.setFocus()
        line.selectAll()  # type: ignore[attr-defined]
        return criterion_id

    def rebuild(self) -> None:
        """One row per criterion, in the project's order."""
        for row in self.rows.values():
            row.flush()
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        for criterion in self.document.project.scoring.criteria:
            row = CriterionRow(self.document, criterion.id)
            self.rows[criterion.id] = row
            self._rows_box.addWidget(row)
        self.add_button.setEnabled(len(self.rows) < MAX_SHORT_LIST)
        self._show_shares()

    def _changed(self, kind: str, _item_id: str, names: list[str]) -> None:
        if kind == Kind.CRITERION and "weight" in names:
            self._show_shares()

    def _show_shares(self) -> None:
        total = sum(c.weight for c in self.document.project.scoring.criteria)
        for row in self.rows.values():
            row.show_share(total)
