"""The review session, driven from the keyboard: one undo step per saved review."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journeymapper.document import Document, Kind
from journeymapper.io import dumps
from journeymapper.ui.panels.review_session import ReviewSessionDialog
from tests.living_map.helpers import TODAY, living_project


@pytest.fixture
def doc(qtbot: QtBot) -> Document:
    document = Document(living_project())
    yield document
    document.undo_stack.clear()


def session(qtbot: QtBot, doc: Document) -> ReviewSessionDialog:
    dialog = ReviewSessionDialog(doc, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts only reach the active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def type_into(qtbot: QtBot, dialog: ReviewSessionDialog, text: str) -> None:
    qtbot.keyClicks(dialog.focusWidget(), text)


def test_keyboard_session_saves_one_undo_step_per_review(qtbot: QtBot, doc: Document) -> None:
    before = dumps(doc.project)
    dialog = session(qtbot, doc)
    assert dialog.queue == ["tp-site", "tp-checkout"]  # most overdue first
    assert dialog.current_id() == "tp-site"
    assert "faster now" in dialog.context.text()
    # Performance has the focus, all selected: type the new score, Tab to the KPIs.
    assert dialog.focusWidget() is dialog.performance
    type_into(qtbot, dialog, "4")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.kpi_edit("CTR")
    type_into(qtbot, dialog, "3,6")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # Bounce rate not measured
    assert dialog.focusWidget() is dialog.comment
    type_into(qtbot, dialog, "New CDN")
    with qtbot.waitSignal(dialog.review_saved) as saved:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert saved.args == ["tp-site"]
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == "Review 'Website'"
    site = doc.get(Kind.TOUCHPOINT, "tp-site")
    assert site.performance == 4
    assert [k.actual for k in site.kpis] == [3.6, 55]
    last = site.reviews[-1]
    assert (last.date, last.performance, last.kpi_values, last.comment) == (
        TODAY, 4, {"CTR": 3.6}, "New CDN")
    assert not site.is_review_due(TODAY)
    # The second touchpoint: Enter straight away keeps the performance as it is.
    assert dialog.current_id() == "tp-checkout"
    assert dialog.save_button.text() == "Save && Finish"
    with qtbot.waitSignal(dialog.review_saved):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Enter)
    assert doc.undo_stack.count() == 2
    assert dialog.current_id() is None and "2 reviews saved" in dialog.context.text()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dumps(doc.project) == before


def test_bad_kpi_value_is_refused_and_escape_ends(qtbot: QtBot, doc: Document) -> None:
    dialog = session(qtbot, doc)
    dialog.kpi_edit("CTR").setText("lots")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert doc.undo_stack.count() == 0
    assert "must be a number" in dialog.message.text()
    assert dialog.focusWidget() is dialog.kpi_edit("CTR")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert doc.undo_stack.count() == 0


def test_skip_with_alt_s(qtbot: QtBot, doc: Document) -> None:
    dialog = session(qtbot, doc)
    with qtbot.waitSignal(dialog.current_changed) as moved:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert moved.args == ["tp-checkout"]
    assert dialog.skipped == ["tp-site"] and doc.undo_stack.count() == 0


def test_nothing_due(qtbot: QtBot, doc: Document) -> None:
    dialog = ReviewSessionDialog(doc, today=lambda: dt.date(2026, 1, 1), ids=[])
    qtbot.addWidget(dialog)
    assert dialog.current_id() is None
    assert "No touchpoint is due" in dialog.heading.text()
