"""Project settings: title, description and business context, as a dock page or a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document
from journeymapper.ui.panels.item_forms import BusinessForm, ProjectForm


class ProjectSettings(QWidget):
    """The project's own fields; each edit is one undo step, applied as it is typed."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_form = ProjectForm(document)
        self.business_form = BusinessForm(document)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<b>Map</b>"))
        layout.addWidget(self.project_form)
        layout.addWidget(QLabel("<b>Business</b>"))
        layout.addWidget(self.business_form)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def flush(self) -> None:
        """Commit typing still waiting for its pause."""
        self.project_form.flush()
        self.business_form.flush()


class ProjectSettingsDialog(QDialog):
    """The same settings in a dialog (for a "Project settings..." menu item)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Project settings")
        self.settings = ProjectSettings(document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def done(self, result: int) -> None:
        self.settings.flush()
        super().done(result)
