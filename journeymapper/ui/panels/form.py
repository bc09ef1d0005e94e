"""EntityForm: edits fields of the selected items (or the project) through the document.

How an edit becomes undo steps (DESIGN habits 2 and 6):

* Typing commits after a short pause (and at once on Return / leaving the field) with
  ``merge=<session>``: every commit of one edit of a field merges into one undo step. The
  session ends when the user finishes the field, edits another field, or the value changes from
  elsewhere (undo), so editing the same field again later is a new step.
* With several items selected, typed fields commit only when finished (each commit would be
  its own step otherwise) through ``edit_many``: one undo step for all items.
* Invalid input is shown on the field (red border, message) and never reaches the document.
* Changes coming back from the document are written with the editor's signals blocked; the
  field this form is committing is not written back (no echo while the user types).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from journeymapper.document import Document, EditError, Kind, Target
from journeymapper.document.document import field_adapter
from journeymapper.io.errors import describe_validation_error
from journeymapper.ui.panels.fields import Field

COMMIT_DELAY_MS = 300
"""Pause in typing after which the value is committed: the map follows as the user types."""

NARROW = 320
"""Below this width (pixels) a form puts its labels above the fields."""

_sessions = itertools.count(1)


class EntityForm(QWidget):
    """A form over items of one kind, or over the project ("project") or its business context."""

    committed = Signal(str)
    """(field name): this form pushed an edit of that field to the document."""

    def __init__(self, document: Document, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.target = document, target
        self.fields: dict[str, Field] = {}
        self._ids: list[str] = [""] if target in ("project", "business") else []
        self._sessions: dict[str, int] = {}
        self._pending: Field | None = None
        self._active: Field | None = None
        self._committing: str | None = None
        self._sections: list[tuple[QLabel, list[Field]]] = []
        self.form_layout = QFormLayout(self)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # Fields of the edited items that changed, shown once the undo step is done: editing
        # 500 selected cards is 500 changes, and a form showing each would redo 500 times
        # what it derives from all of them.
        self._changed: dict[str, None] = {}
        document.item_changed.connect(self._item_changed)
        document.undo_stack.indexChanged.connect(self._show_changes)
        document.item_removed.connect(self._item_removed)
        for signal in (document.item_added, document.item_removed):
            signal.connect(lambda kind, _id: self._options_changed(kind))
        document.item_changed.connect(lambda kind, _id, _names: self._options_changed(kind))
        document.items_reordered.connect(self._options_changed)
        document.project_replaced.connect(self._project_replaced)

    # ----- building ----------------------------------------------------------------------
    def add_field(self, field: Field) -> Field:
        """Add a row for a field and wire its signals."""
        self.fields[field.name] = field
        if self._sections:
            self._sections[-1][1].append(field)
        self.place_field(field)
        field.edited.connect(lambda f=field: self._edited(f))
        field.finished.connect(lambda f=field: self._finished(f))
        return field

    def place_field(self, field: Field) -> None:
        """Put a field's row in the form (subclasses may lay fields out differently)."""
        self.form_layout.addRow(field.label, field.container)

    def add_section(self, title: str) -> QLabel:
        """A bold heading spanning the form."""
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        self.form_layout.addRow(label)
        self._sections.append((label, []))
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        # In a narrow dock, labels go above their fields instead of squeezing them.
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if event.size().width() < NARROW
                  else QFormLayout.RowWrapPolicy.DontWrapRows)
        if self.form_layout.rowWrapPolicy() != policy:
            self.form_layout.setRowWrapPolicy(policy)
        super().resizeEvent(event)

    # ----- what is edited ----------------------------------------------------------------
    def ids(self) -> list[str]:
        """Ids of the items edited (``[""]`` for the project)."""
        return list(self._ids)

    def set_ids(self, ids: Sequence[str]) -> None:
        """Edit these items (pending typing for the previous ones is committed first)."""
        self.flush()
        if self.target in ("project", "business"):
            return
        kind = Kind(self.target)
        self._ids = [i for i in ids if self.document.find(kind, i) is not None]
        multi = len(self._ids) > 1
        for field in self.fields.values():
            if self.form_layout.getWidgetPosition(field.container)[0] >= 0:
                self.form_layout.setRowVisible(field.container, field.multi or not multi)
        for heading, section in self._sections:
            # A heading over nothing but hidden rows (name, description) goes too.
            self.form_layout.setRowVisible(heading, any(f.multi or not multi for f in section)
                                           or not section)
        self._active = None
        self.reload()

    def objects(self) -> list[Any]:
        """The model objects edited."""
        if self.target == "project":
            return [self.document.project]
        if self.target == "business":
            return [self.document.project.business]
        kind = Kind(self.target)
        found = [self.document.find(kind, i) for i in self._ids]
        return [o for o in found if o is not None]

    def reload(self, names: Iterable[str] | None = None) -> None:
        """Write model values into the editors (signals blocked), dropping unsaved input."""
        objects = self.objects()
        for name in list(names) if names is not None else list(self.fields):
            field = self.fields.get(name)
            if field is None:
                continue
            if self._pending is field:
                self._pending = None
                self._timer.stop()
            with QSignalBlocker(field.editor):
                field.write_many([getattr(o, name) for o in objects])
            field.show_error(None)
            field.dirty = False
            self._end_session(field)
        self.values_shown(names)

    def values_shown(self, names: Iterable[str] | None) -> None:
        """Hook: editors were refreshed from the model (derived displays update here)."""

    def flush(self) -> None:
        """Commit typing still waiting for its pause."""
        field, self._pending = self._pending, None
        self._timer.stop()
        if field is not None:
            self._commit(field)

    # ----- user input --------------------------------------------------------------------
    def _edited(self, field: Field) -> None:
        if self._active is not field:
            if self._active is not None:
                if self._pending is self._active:
                    self.flush()
                self._end_session(self._active)
            self._active = field
        field.dirty = True
        if field.error() is not None:
            # Errors appear lazily (after the pause), but disappear as soon as input is valid.
            try:
                for obj in self.objects():
                    self._checked(field, field.value_for(getattr(obj, field.name)))
                field.show_error(None)
            except ValueError:
                pass
        if not field.debounced:
            self._commit(field)
        elif len(self._ids) > 1:
            pass  # several items: commit once, when the field is finished
        else:
            self._pending = field
            self._timer.start()

    def _finished(self, field: Field) -> None:
        if self._pending is field:
            self._pending = None
            self._timer.stop()
        ok = self._commit(field) if field.dirty else True
        self._end_session(field)
        objects = self.objects()
        if ok and field.error() is None and objects:
            # Show the value as stored (money formatted, whitespace trimmed).
            with QSignalBlocker(field.editor):
                field.write_many([getattr(o, field.name) for o in objects])

    def _commit(self, field: Field) -> bool:
        """Validate and push the field's value; False when refused (message shown)."""
        objects = self.objects()
        if not field.dirty or not objects:
            return True
        try:
            values = [self._checked(field, field.value_for(getattr(o, field.name)))
                      for o in objects]
        except ValueError as exc:
            field.show_error(str(exc))
            return False
        field.show_error(None)
        field.dirty = False
        self._committing = field.name
        try:
            self._push(field, values)
        except EditError as exc:
            field.show_error(str(exc))
            return False
        finally:
            self._committing = None
        self.committed.emit(field.name)
        return True

    def _push(self, field: Field, values: list[Any]) -> None:
        name = field.name
        if len(self._ids) == 1:
            self.document.edit(self.target, self._ids[0], merge=self._session(field),
                               **{name: values[0]})
            return
        kind = Kind(self.target)
        if all(v == values[0] for v in values):
            self.document.edit_many(kind, self._ids, **{name: values[0]})
            return
        # Different values per item (a persona ticked on items with different lists): one
        # undo step made of one edit per item that changes.
        changes = [(i, v) for i, o, v in zip(self._ids, self.objects(), values, strict=True)
                   if getattr(o, name) != v]
        if not changes:
            return
        stack = self.document.undo_stack
        stack.beginMacro(f"Edit {field.label.lower()} of {len(changes)} {kind.label}s")
        try:
            for item_id, value in changes:
                self.document.edit(kind, item_id, **{name: value})
        finally:
            stack.endMacro()

    def _checked(self, field: Field, value: Any) -> Any:
        """The value as the model stores it, or ValueError with a sentence naming the field."""
        cls = type(self.objects()[0])
        try:
            return field_adapter(cls, field.name).validate_python(value)
        except ValidationError as exc:
            reasons = [r.split(": ", 1)[-1] for r in describe_validation_error(exc)]
            raise field.refuse("; ".join(reasons)) from None

    def _session(self, field: Field) -> str:
        if field.name not in self._sessions:
            self._sessions[field.name] = next(_sessions)
        return f"form-{self._sessions[field.name]}-{field.name}-{field.session_key()}"

    def _end_session(self, field: Field) -> None:
        self._sessions.pop(field.name, None)

    # ----- document changes --------------------------------------------------------------
    def _item_changed(self, kind: str, item_id: str, names: list[str]) -> None:
        if kind == str(self.target) and item_id in self._ids:
            self._changed.update(dict.fromkeys(names))

    def _show_changes(self) -> None:
        if not self._changed:
            return
        names, self._changed = list(self._changed), {}
        echo = [n for n in names if n != self._committing]
        self.reload([n for n in echo if n in self.fields])
        if self._committing in names:
            self.values_shown([self._committing])

    def _item_removed(self, kind: str, item_id: str) -> None:
        if kind == str(self.target) and item_id in self._ids:
            # Whoever owns the form usually moves it elsewhere too; until then, forget the item
            # so that a late editingFinished (focus leaving a deleted row) has nothing to edit.
            self._pending = None
            self._timer.stop()
            self._ids = [i for i in self._ids if i != item_id]

    def _options_changed(self, kind: str) -> None:
        for field in self.fields.values():
            if kind in field.depends_on:
                with QSignalBlocker(field.editor):
                    field.refresh_options()
                if self._ids and self.target not in ("project", "business"):
                    self.reload([field.name])

    def _project_replaced(self) -> None:
        self._pending = None
        self._timer.stop()
        for field in self.fields.values():
            with QSignalBlocker(field.editor):
                field.refresh_options()
        if self.target in ("project", "business"):
            self.reload()
        else:
            self.set_ids([])
