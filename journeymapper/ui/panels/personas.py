"""The personas panel: a list with colour swatches, add and remove, and the profile form."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, EditError, Kind
from journeymapper.ui.panels.item_forms import PersonaForm
from journeymapper.ui.widgets import PRESETS, MessageLabel, swatch_icon

NEW_PERSONA = "New persona"


class PersonasPanel(QWidget):
    """Lists the project's personas; the profile of the one picked is edited below the list.

    Picking a persona here does not change the map's selection: the panel is a place to work
    on the cast of the map, and the inspector keeps showing the cards being worked on.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.list = QListWidget()
        self.list.setAccessibleName("Personas")
        self.list.currentItemChanged.connect(lambda *_: self._picked())
        self.add_button = QPushButton("Add persona")
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self.add_persona)
        self.remove_button.clicked.connect(self.remove_current)
        self.message = MessageLabel()
        self.form = PersonaForm(document)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([140, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        document.item_added.connect(self._added)
        document.item_removed.connect(self._removed)
        document.item_changed.connect(self._changed)
        document.items_reordered.connect(lambda kind: kind == Kind.PERSONA and self.rebuild())
        document.project_replaced.connect(self.rebuild)
        self.rebuild()

    # ----- actions -------------------------------------------------------------------------
    def add_persona(self) -> str:
        """Add a persona (one undo step), pick it, and put the cursor in its name."""
        used = {p.color for p in self.document.project.personas}
        color = next((c for c, _ in PRESETS if c not in used), PRESETS[0][0])
        persona_id = self.document.create(Kind.PERSONA, name=NEW_PERSONA, color=color)
        self.set_current(persona_id)
        name = self.form.fields["name"].editor
        name.setFocus()
        name.selectAll()  # type: ignore[attr-defined]
        return persona_id

    def remove_current(self) -> None:
        """Remove the picked persona; touchpoints and links forget it (one undo step)."""
        persona_id = self.current_id()
        if persona_id is None:
            return
        try:
            self.document.remove([(Kind.PERSONA, persona_id)])
        except EditError as exc:
            self.message.show_message(str(exc))

    def current_id(self) -> str | None:
        """Id of the persona picked in the list."""
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def set_current(self, persona_id: str | None) -> None:
        """Pick a persona in the list (None for none)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == persona_id:
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)

    # ----- list mirror ---------------------------------------------------------------------
    def rebuild(self) -> None:
        """Refill the list from the project, keeping the pick when it still exists."""
        current = self.current_id()
        with QSignalBlocker(self.list):
            self.list.clear()
            for persona in self.document.project.personas:
                self.list.addItem(self._item(persona.id))
        self.set_current(current if self.document.find(Kind.PERSONA, current or "") else None)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._picked()

    def _item(self, persona_id: str) -> QListWidgetItem:
        persona = self.document.get(Kind.PERSONA, persona_id)
        item = QListWidgetItem(swatch_icon(persona.color), persona.name)
        item.setData(Qt.ItemDataRole.UserRole, persona.id)
        if persona.segment:
            item.setToolTip(persona.segment)
        return item

    def _picked(self) -> None:
        persona_id = self.current_id()
        self.form.set_ids([persona_id] if persona_id else [])
        self.form.setEnabled(persona_id is not None)
        self.remove_button.setEnabled(persona_id is not None)
        self.message.show_message(None)

    def _added(self, kind: str, item_id: str) -> None:
        if kind == Kind.PERSONA:
            row = self.document.index_of(Kind.PERSONA, item_id)
            with QSignalBlocker(self.list):
                self.list.insertItem(row, self._item(item_id))

    def _removed(self, kind: str, item_id: str) -> None:
        if kind != Kind.PERSONA:
            return
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.list.takeItem(row)  # moves the pick, which reloads the form
                break
        if self.list.count() == 0:
            self._picked()

    def _changed(self, kind: str, item_id: str, names: list[str]) -> None:
        if kind != Kind.PERSONA or not {"name", "color", "segment"} & set(names):
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == item_id:
                persona = self.document.get(Kind.PERSONA, item_id)
                item.setText(persona.name)
                item.setIcon(swatch_icon(persona.color))
                item.setToolTip(persona.segment)
