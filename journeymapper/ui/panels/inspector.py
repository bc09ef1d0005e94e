"""The inspector: the fields of whatever is selected on the map, edited through the document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, Kind
from journeymapper.ui.panels.form import EntityForm
from journeymapper.ui.panels.item_forms import LaneForm, LinkForm, NoteForm, PersonaForm, StageForm
from journeymapper.ui.panels.touchpoint_form import TouchpointForm
from journeymapper.ui.selection import Selection

EMPTY_TEXT = ("<p><b>Nothing selected</b></p><p>Click a card on the map or a row of the "
              "register to edit it here. Select several touchpoints to change their shared "
              "fields at once.</p>")


class Inspector(QWidget):
    """Shows the form of the selected kind; with mixed kinds, the touchpoints win."""

    # Which form wins when several kinds are selected: the most common editing target first.
    PRIORITY = (Kind.TOUCHPOINT, Kind.NOTE, Kind.LINK, Kind.STAGE, Kind.LANE, Kind.PERSONA)

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.selection = document, selection
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.stack = QStackedWidget()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty.setMargin(8)
        self.stack.addWidget(self.empty)
        self.forms: dict[Kind, EntityForm] = {
            Kind.TOUCHPOINT: TouchpointForm(document), Kind.STAGE: StageForm(document),
            Kind.LANE: LaneForm(document), Kind.PERSONA: PersonaForm(document),
            Kind.LINK: LinkForm(document), Kind.NOTE: NoteForm(document),
        }
        self._pages: dict[Kind, QScrollArea] = {}
        for kind, form in self.forms.items():
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setWidget(form)
            self._pages[kind] = page
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        selection.changed.connect(self.show_selection)
        document.item_changed.connect(self._item_changed)
        self.show_selection()

    def current_form(self) -> EntityForm | None:
        """The form shown, or None when nothing is selected."""
        page = self.stack.currentWidget()
        return next((f for k, f in self.forms.items() if self._pages[k] is page), None)

    @property
    def touchpoint_form(self) -> TouchpointForm:
        """The touchpoint form (shown or not)."""
        form = self.forms[Kind.TOUCHPOINT]
        assert isinstance(form, TouchpointForm)
        return form

    def show_selection(self) -> None:
        """Show the form of the selected items (committing typing for the previous ones)."""
        items = self.selection.items()
        kind = next((k for k in self.PRIORITY if any(ik is k for ik, _ in items)), None)
        for other, form in self.forms.items():
            if other is not kind and form.ids():
                form.set_ids([])
        if kind is None:
            self.title.setText("")
            self.stack.setCurrentWidget(self.empty)
            return
        ids = [i for k, i in items if k is kind]
        self.forms[kind].set_ids(ids)
        self.stack.setCurrentWidget(self._pages[kind])
        self._show_title(kind, ids, len(items) - len(ids))

    def _show_title(self, kind: Kind, ids: list[str], ignored: int) -> None:
        if len(ids) == 1:
            item = self.document.get(kind, ids[0])
            name = getattr(item, "name", None) or getattr(item, "label", "") or ""
            text = f"<b>{kind.label.capitalize()}</b> {_escape(name)}"
        else:
            text = f"<b>{len(ids)} {kind.label}s</b> &middot; editing their shared fields"
        if ignored:
            text += f" <span style='color:gray'>({ignored} other items not shown)</span>"
        self.title.setText(text)

    def _item_changed(self, kind: str, item_id: str, names: list[str]) -> None:
        form = self.current_form()
        if form is not None and kind == str(form.target) and item_id in form.ids() and (
                "name" in names or "label" in names):
            self._show_title(Kind(kind), form.ids(), len(self.selection.items())
                             - len(form.ids()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
