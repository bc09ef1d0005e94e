"""Presentation mode (F5) driven with keys: chrome hidden, stage by stage, Esc restores."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDockWidget

from journeymapper import io
from journeymapper.layout import compute_layout
from journeymapper.ui.canvas.presentation import CAPTION_BAND, FIT_MARGIN, stage_frame
from journeymapper.ui.canvas.scene import qrect
from tests.canvas.helpers import send_mouse
from tests.workshop.conftest import card_point

K = Qt.Key


def view_centre(window) -> QPointF:
    view = window.view
    return view.mapToScene(view.viewport().rect().center())


def centre_in_stage(window, index: int) -> bool:
    project = window.document.project
    column = compute_layout(project).columns[project.stages[index].id]
    return column.x <= view_centre(window).x() <= column.right


def visible_docks(window) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget) if d.isVisible()]


def present(window, workshop, qtbot) -> None:
    qtbot.keyClick(window.view, K.Key_F5)
    assert workshop.presentation.is_active()
    qtbot.waitUntil(lambda: not workshop.presentation.camera.is_moving())


def test_f5_hides_the_chrome_and_fits_the_first_stage(window, workshop, qtbot):
    assert visible_docks(window)
    present(window, workshop, qtbot)
    assert workshop.presentation.action.isChecked()
    assert not visible_docks(window)
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert window.isFullScreen()
    qtbot.waitUntil(lambda: centre_in_stage(window, 0))
    assert workshop.presentation.overlay.isVisible()
    assert workshop.presentation.overlay.caption().startswith("1/5  Awareness")


def test_arrows_walk_the_stages(window, workshop, qtbot):
    present(window, workshop, qtbot)
    pres = workshop.presentation
    for index in (1, 2, 3, 4):
        with qtbot.waitSignal(pres.stage_shown, timeout=3000):
            qtbot.keyClick(window.view, K.Key_Right)
        assert pres.stage_index() == index
        assert centre_in_stage(window, index)
    qtbot.keyClick(window.view, K.Key_Right)  # past the last stage: stays there
    qtbot.waitUntil(lambda: not pres.camera.is_moving())
    assert pres.stage_index() == 4 and centre_in_stage(window, 4)
    with qtbot.waitSignal(pres.stage_shown, timeout=3000):
        qtbot.keyClick(window.view, K.Key_Left)
    assert pres.stage_index() == 3 and centre_in_stage(window, 3)
    assert "4/5  Experience" in pres.overlay.caption()


def test_the_stage_fills_the_screen(window, workshop, qtbot):
    present(window, workshop, qtbot)
    project = window.document.project
    frame = qrect(stage_frame(project, compute_layout(project), project.stages[0].id))
    on_screen = window.view.mapFromScene(frame).boundingRect()
    viewport = window.view.viewport().rect()
    assert viewport.contains(on_screen)
    assert (on_screen.height() >= viewport.height() - 2 * FIT_MARGIN - CAPTION_BAND - 3
            or on_screen.width() >= viewport.width() - 2 * FIT_MARGIN - 3)


def test_escape_restores_docks_geometry_zoom_and_scroll(window, workshop, qtbot):
    window.view.set_zoom(0.8)
    window.view.horizontalScrollBar().setValue(40)
    before = (window.geometry(), window.view.transform(),
              window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value())
    docks = visible_docks(window)
    present(window, workshop, qtbot)
    qtbot.keyClick(window.view, K.Key_Right)
    qtbot.keyClick(window.view, K.Key_Escape)
    assert not workshop.presentation.is_active()
    assert not workshop.presentation.action.isChecked()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    qtbot.waitUntil(lambda: set(visible_docks(window)) == set(docks))
    qtbot.waitUntil(lambda: (window.geometry(), window.view.transform(),
                             window.view.horizontalScrollBar().value(),
                             window.view.verticalScrollBar().value()) == before)
    assert not window.isFullScreen()
    assert not workshop.presentation.overlay.isVisible()


def test_persona_keys_highlight_journeys_and_escape_restores_the_filter(window, workshop,
                                                                        qtbot):
    personas = [p.id for p in window.document.project.personas]
    present(window, workshop, qtbot)
    qtbot.keyClick(window.view, K.Key_Down)
    assert window.scene.persona_filter() == personas[0]
    assert window.document.project.personas[0].name in workshop.presentation.overlay.caption()
    qtbot.keyClick(window.view, K.Key_Down)
    assert window.scene.persona_filter() == personas[1]
    qtbot.keyClick(window.view, K.Key_Down)
    assert window.scene.persona_filter() is None
    qtbot.keyClick(window.view, K.Key_Up)
    assert window.scene.persona_filter() == personas[1]
    qtbot.keyClick(window.view, K.Key_1)
    assert window.scene.persona_filter() == personas[0]
    qtbot.keyClick(window.view, K.Key_0)
    assert window.scene.persona_filter() is None
    qtbot.keyClick(window.view, K.Key_2)
    qtbot.keyClick(window.view, K.Key_Escape)
    assert window.scene.persona_filter() is None


def test_nothing_is_editable_while_presenting(window, workshop, qtbot):
    before = io.dumps(window.document.project)
    present(window, workshop, qtbot)
    point = card_point(window, window.document.project.touchpoints[0].id)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseMove(window.view.viewport(), point + QPoint(150, 90))
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton,
                       pos=point + QPoint(150, 90))
    for key in (K.Key_Delete, K.Key_Backspace, K.Key_A, K.Key_Return, K.Key_F2):
        qtbot.keyClick(window.view, key)
    qtbot.keyClick(window.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, K.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.view.editor is None
    assert workshop.presentation.is_active()
    assert window.document.undo_stack.count() == 0
    assert io.dumps(window.document.project) == before


def test_the_mouse_is_a_laser_pointer(window, workshop, qtbot):
    present(window, workshop, qtbot)
    viewport = window.view.viewport()
    assert viewport.cursor().shape() == Qt.CursorShape.BlankCursor
    send_mouse(window.view, QMouseEvent.Type.MouseMove, QPoint(120, 80), Qt.MouseButton.NoButton,
               Qt.MouseButton.NoButton)
    assert workshop.presentation.overlay.laser() == QPoint(120, 80)
    qtbot.keyClick(window.view, K.Key_Escape)
    assert viewport.cursor().shape() != Qt.CursorShape.BlankCursor


def test_home_shows_the_whole_map_and_closing_leaves_presentation(window, workshop, qtbot):
    present(window, workshop, qtbot)
    with qtbot.waitSignal(workshop.presentation.stage_shown, timeout=3000):
        qtbot.keyClick(window.view, K.Key_Home)
    assert workshop.presentation.stage_index() == -1
    assert workshop.presentation.overlay.caption().endswith("all 5 stages")
    workshop.presentation.set_active(False)
    assert window.menuBar().isVisible()


def test_f11_stays_plain_full_screen(window, workshop):
    assert "F11" in window.commands.presentation.statusTip()
    assert "F5" in workshop.presentation.action.statusTip()
    assert workshop.presentation.action.shortcut().toString() == "F5"
