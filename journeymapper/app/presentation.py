"""Presentation mode (F5): the map alone, full screen, walked stage by stage for the room.

Left/Right (and a clicker's PageUp/PageDown) glide from stage to stage, each fitted to the
screen; Up/Down or the number keys highlight one persona's journey; the mouse is a laser
pointer. Nothing can be edited by accident: every click and key is taken before the map sees
it. Esc brings back exactly what was there before: window state and geometry, docks,
toolbars, menu and status bars, zoom, scroll position and the highlighted persona.

F11 stays the plain full-screen toggle (docks hidden, map still editable) for building a map
live on the projector; F5 is the read-only walk-through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QTransform
from PySide6.QtWidgets import QDockWidget, QToolBar, QWidget

from journeymapper.app.actions import make_action
from journeymapper.ui.canvas.presentation import Camera, PresentationOverlay, fit, stage_frame
from journeymapper.ui.canvas.scene import qrect

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

HINT = "\u2192 next stage   \u2190 previous   \u2191\u2193 or 1-9 persona   " \
       "Home whole map   Esc leave"
HINT_MS = 5000
# A window manager may take a while to make the window full screen; without one it never does.
FULL_SCREEN_CHECK_MS = 300
RESTORE_CAMERA_MS = 1500
OVERVIEW = -1
SWALLOWED_MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                   QEvent.Type.MouseButtonDblClick, QEvent.Type.ContextMenu,
                   QEvent.Type.ToolTip, QEvent.Type.DragEnter, QEvent.Type.Drop}
K = Qt.Key
NEXT_KEYS = {K.Key_Right, K.Key_PageDown, K.Key_Space, K.Key_N}
PREVIOUS_KEYS = {K.Key_Left, K.Key_PageUp, K.Key_Backspace, K.Key_P}
DIGITS = {getattr(K, f"Key_{i}"): i for i in range(10)}


@dataclass(slots=True)
class _Saved:
    """Everything presentation mode changes, to put back on leaving."""

    geometry: QRect
    window_state: Qt.WindowState
    docks_and_toolbars: QByteArray
    shown: list[QWidget]
    menu_bar: bool
    status_bar: bool
    transform: QTransform
    scroll: tuple[int, int]
    viewport_size: QSize
    scroll_policies: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy]
    cursor: QCursor
    persona: str | None
    focus_frame: bool


class PresentationMode(QObject):
    """The F5 walk-through of one main window."""

    toggled = Signal(bool)
    """Presentation mode started (True) or ended (False)."""
    stage_shown = Signal(int)
    """(index) the camera arrived at a stage; -1 is the whole map."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        # Kept as a Python reference: the event filter must not call into a view that is
        # being destroyed with its window.
        self._viewport = window.view.viewport()
        self.camera = Camera(self.view)
        self.overlay = PresentationOverlay(self.view)
        self.action = make_action(
            window, "Present Stage by &Stage", None, "F5",
            "F5: present the map full screen, stage by stage, read-only (Esc leaves; "
            "F11 is plain full screen, still editable)", checkable=True)
        self.action.setObjectName("action-present")
        self.action.toggled.connect(self.set_active)
        # The menu bar is hidden while presenting, and with it the shortcuts of its menus.
        window.addAction(self.action)
        self._saved: _Saved | None = None
        self._stage = 0
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(lambda: self.overlay.set_hint(""))
        self._restoring_camera = False
        self._restored: _Saved | None = None
        self.camera.arrived.connect(lambda: self.stage_shown.emit(self._stage))
        self.view.map_scene.layout_changed.connect(self._reframe)
        self.view.document.project_replaced.connect(self._reframe)
        window.installEventFilter(self)
        self.view.installEventFilter(self)

    # ----- state ------------------------------------------------------------------------------
    def is_active(self) -> bool:
        """True while presenting."""
        return self._saved is not None

    def stage_index(self) -> int:
        """The stage being presented (-1: the whole map)."""
        return self._stage

    def set_active(self, on: bool) -> None:
        """Start or stop presenting (the F5 action follows)."""
        if on and not self.is_active():
            self._enter()
        elif not on and self.is_active():
            self._leave()
        self.action.setChecked(self.is_active())

    # ----- walking ----------------------------------------------------------------------------
    def show_stage(self, index: int, *, animate: bool = True) -> None:
        """Glide to a stage (clamped to the map's stages; -1 shows the whole map)."""
        project = self.view.document.project
        if not project.stages:
            index = OVERVIEW
        self._stage = max(OVERVIEW, min(index, len(project.stages) - 1))
        layout = self.view.map_scene.map_layout()
        if self._stage == OVERVIEW:
            frame = QRectF(0, 0, layout.width, layout.height)
            self.overlay.set_spotlight(None)
        else:
            frame = qrect(stage_frame(project, layout, project.stages[self._stage].id))
            self.overlay.set_spotlight(frame)
        viewport = self.view.viewport()
        centre, zoom = fit((viewport.width(), viewport.height()), frame)
        self.camera.fly_to(centre, zoom, animate=animate)
        self._update_caption()

    def next_stage(self) -> None:
        """One stage to the right (from the whole map: the first stage)."""
        self.show_stage(self._stage + 1)

    def previous_stage(self) -> None:
        """One stage to the left (before the first: the whole map)."""
        self.show_stage(self._stage - 1)

    def highlight_persona(self, number: int) -> None:
        """Highlight the ``number``-th persona's journey (0: everyone)."""
        personas = self.view.document.project.personas
        if 0 <= number <= len(personas):
            self.window.set_persona_filter(personas[number - 1].id if number else None)
            self._update_caption()

    def cycle_persona(self, delta: int) -> None:
        """The next (1) or previous (-1) persona, passing through "everyone"."""
        personas = self.view.document.project.personas
        ids = [None, *(p.id for p in personas)]
        current = self.view.map_scene.persona_filter()
        index = ids.index(current) if current in ids else 0
        self.highlight_persona((index + delta) % len(ids))

    def _update_caption(self) -> None:
        project = self.view.document.project
        if self._stage == OVERVIEW or not project.stages:
            text = f"{project.title} \u00b7 all {len(project.stages)} stages"
        else:
            stage = project.stages[self._stage]
            text = f"{self._stage + 1}/{len(project.stages)}  {stage.name}"
        persona = next((p.name for p in project.personas
                        if p.id == self.view.map_scene.persona_filter()), "")
        if persona:
            text += f"  \u00b7  {persona}"
        self.overlay.set_caption(text)

    def _reframe(self) -> None:
        if self.is_active():
            self.show_stage(self._stage, animate=False)

    # ----- entering and leaving -------------------------------------------------------------
    def _enter(self) -> None:
        w, view = self.window, self.view
        shown: list[QWidget] = [d for d in w.findChildren(QDockWidget)
                                if d.parentWidget() is w and d.isVisible()]
        shown += [t for t in w.findChildren(QToolBar) if t.parentWidget() is w and t.isVisible()]
        self._saved = _Saved(
            geometry=w.geometry(), window_state=w.windowState(),
            docks_and_toolbars=w.saveState(), shown=shown,
            menu_bar=w.menuBar().isVisible(), status_bar=w.statusBar().isVisible(),
            transform=view.transform(),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            viewport_size=view.viewport().size(),
            scroll_policies=(view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()),
            cursor=view.viewport().cursor(), persona=view.map_scene.persona_filter(),
            focus_frame=view.map_scene.focus_frame.isVisible())
        focus = view.current_focus()
        ids = [s.id for s in view.document.project.stages]
        self._stage = ids.index(focus.stage_id) if focus and focus.stage_id in ids else 0
        for widget in shown:
            widget.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        view.map_scene.focus_frame.setVisible(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Let the camera centre any stage, even one at the edge of the map.
        view.setSceneRect(view.map_scene.sceneRect().adjusted(-20000, -20000, 20000, 20000))
        view.viewport().setCursor(Qt.CursorShape.BlankCursor)
        view.viewport().installEventFilter(self)
        self.overlay.cover_viewport()
        self.overlay.show()
        self.overlay.set_hint(HINT)
        self._hint_timer.start(HINT_MS)
        w.showFullScreen()
        QTimer.singleShot(FULL_SCREEN_CHECK_MS, self._force_full_screen)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_stage(self._stage, animate=False)
        self.toggled.emit(True)

    def _force_full_screen(self) -> None:
        """Without a window manager, showFullScreen() changes nothing: cover the screen."""
        screen = self.window.screen()
        if self.is_active() and screen is not None and (
                self.window.geometry() != screen.geometry()):
            self.window.setGeometry(screen.geometry())

    def _leave(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        w, view = self.window, self.view
        self.camera.fly_to(self.camera.centre(), view.zoom(), animate=False)  # stop gliding
        self.overlay.hide()
        self.overlay.set_laser(None)
        self._hint_timer.stop()
        w.showNormal()
        # The client rectangle, not restoreGeometry(): that one guesses the frame's size, and
        # guesses wrong without a window manager.
        w.setGeometry(saved.geometry)
        if saved.window_state & Qt.WindowState.WindowFullScreen:
            w.showFullScreen()
        elif saved.window_state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        for widget in saved.shown:
            widget.show()
        w.restoreState(saved.docks_and_toolbars)
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        view.viewport().setCursor(saved.cursor)
        view.setHorizontalScrollBarPolicy(saved.scroll_policies[0])
        view.setVerticalScrollBarPolicy(saved.scroll_policies[1])
        view.setSceneRect(QRectF())  # follow the scene's rectangle again
        view.map_scene.focus_frame.setVisible(saved.focus_frame)
        if view.map_scene.persona_filter() != saved.persona:
            w.set_persona_filter(saved.persona)
        self._restored = saved
        self._restore_camera()
        # The window gets its old size back over the next moments (asynchronously under a
        # window manager): put the camera back each time the viewport is resized meanwhile.
        self._restoring_camera = True
        QTimer.singleShot(RESTORE_CAMERA_MS, self._stop_restoring_camera)
        self.toggled.emit(False)

    def _restore_camera(self) -> None:
        saved, view = self._restored, self.view
        if saved is None:
            return
        view.setTransform(saved.transform)
        view.horizontalScrollBar().setValue(saved.scroll[0])
        view.verticalScrollBar().setValue(saved.scroll[1])
        view.zoom_changed.emit(view.zoom())
        if view.viewport().size() == saved.viewport_size:
            self._stop_restoring_camera()

    def _stop_restoring_camera(self) -> None:
        if self._restoring_camera:
            self._restoring_camera = False
            if not self.is_active():
                self.view.viewport().removeEventFilter(self)

    # ----- events -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Close and self.is_active():
                self.set_active(False)  # so the window saves its normal geometry
            return False
        if watched is self._viewport:
            return self._viewport_event(event)
        if watched is self.view and not self.is_active():
            # F5 reached the map as a key: the shortcut did not fire (no active window, as
            # under a bare X server), so start presenting from here.
            if (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.key() == K.Key_F5 and not event.modifiers()):
                self.set_active(True)
                return True
            return False
        if watched is self.view:
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut fires while presenting: the key comes here
                return True
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                self._key(event)
                return True
            return kind == QEvent.Type.KeyRelease
        return False

    def _viewport_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            if self.is_active():
                self.overlay.cover_viewport()
                QTimer.singleShot(0, self._reframe)
            elif self._restoring_camera:
                # After the view's own resize handling has moved the scroll bars.
                QTimer.singleShot(0, self._restore_camera)
            return False
        if not self.is_active():
            return False
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.overlay.set_laser(event.position().toPoint())
            return True
        if kind == QEvent.Type.Leave:
            self.overlay.set_laser(None)
            return False
        return kind in SWALLOWED_MOUSE

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (K.Key_Escape, K.Key_F5):
            self.set_active(False)
        elif key in NEXT_KEYS:
            self.next_stage()
        elif key in PREVIOUS_KEYS:
            self.previous_stage()
        elif key == K.Key_Home:
            self.show_stage(OVERVIEW)
        elif key == K.Key_End:
            self.show_stage(len(self.view.document.project.stages) - 1)
        elif key == K.Key_Down:
            self.cycle_persona(1)
        elif key == K.Key_Up:
            self.cycle_persona(-1)
        elif key in DIGITS:
            self.highlight_persona(DIGITS[key])
