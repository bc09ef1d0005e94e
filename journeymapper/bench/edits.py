"""Edits of many cards in the whole main window, panels and undo stack included: select all,
delete 500, move 500 to the next stage, duplicate 50, one keystroke in the find bar, the
analysis dock analysing the map again; and an arrow key in the map while File > Export > PDF
draws the map, against the same key without.

Each is timed from its command (what its shortcut triggers) until the events it posted, the
map's repaint among them, are handled; then it is undone (not timed), so that the next run
starts from the same map. The window gets a settings folder and a recovery folder of its own,
so a benchmark never touches the user's.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from journeymapper.bench.canvas import VIEW_SIZE, application, captions_placed
from journeymapper.bench.canvas import project_file as synthetic_file
from journeymapper.bench.timing import Result, Stopwatch, medians

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

MANY = 500
SOME = 50
TIMEOUT_S = 120.0
KEY_PAUSE_MS = 30  # between two keys, as a person presses them


@contextmanager
def main_window(path: Path) -> Iterator[MainWindow]:
    """The app's window on ``path``, started and with its captions placed; closed after."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QSettings

    from journeymapper.app.main_window import MainWindow
    from journeymapper.app.safety import RECOVERY_ENV

    app = application()
    with tempfile.TemporaryDirectory(prefix="journeymapper-bench-settings-") as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        before = os.environ.get(RECOVERY_ENV)
        os.environ[RECOVERY_ENV] = str(Path(folder) / "recovery")
        window = MainWindow()
        try:
            window.open_path(path)
            window.resize(*VIEW_SIZE)
            window.show()
            clock = QElapsedTimer()
            clock.start()
            while not window.started and clock.elapsed() < TIMEOUT_S * 1000:
                app.processEvents()
            captions_placed(window.scene)
            yield window
        finally:
            window.document.undo_stack.setClean()  # close without asking to save
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if before is None:
                os.environ.pop(RECOVERY_ENV, None)
            else:
                os.environ[RECOVERY_ENV] = before


def _timed(window: MainWindow, repeat: int, setup: Callable[[], object],
           action: Callable[[], object]) -> tuple[float, float]:
    """Medians of (wall, CPU) ms from ``action`` until the events it posted (the repaint
    among them) are handled, undoing it after."""
    app = application()
    samples = []
    for i in range(repeat + 1):
        setup()
        captions_placed(window.scene)
        index = window.document.undo_stack.index()
        stopwatch = Stopwatch()
        action()
        app.processEvents()
        elapsed = stopwatch.read()
        window.document.undo_stack.setIndex(index)
        app.processEvents()
        if i:
            samples.append(elapsed)
    timing = medians(samples)
    return timing.wall_ms, timing.cpu_ms


def measure_edits(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """Big selections and what they do, at ``size`` touchpoints."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from journeymapper.document import Kind
    from journeymapper.ui.canvas.find import FindBar

    application()
    with synthetic_file(size, links) as path, main_window(path) as window:
        view, scene = window.view, window.scene
        view.reset_zoom()  # as one works on cards
        refs = [(Kind.TOUCHPOINT, tp.id) for tp in window.document.project.touchpoints]
        many, some = min(MANY, len(refs)), min(SOME, len(refs))

        def picked(count: int) -> Callable[[], None]:
            def pick() -> None:
                scene.select(refs[:count])
                view.setFocus()
            return pick

        commands = window.commands  # as their shortcuts trigger them (Ctrl+A, Del, ...)
        cases = [
            ("select all (Ctrl+A)", picked(0), commands.select_all.trigger),
            (f"delete {many} selected cards (Del)", picked(many), commands.delete.trigger),
            (f"move {many} selected cards to the next stage (Alt+Right)", picked(many),
             commands.move["right"].trigger),
            (f"duplicate {some} selected cards (Ctrl+D)", picked(some),
             commands.duplicate.trigger),
        ]
        results = []
        for name, setup, action in cases:
            wall, cpu = _timed(window, repeat, setup, action)
            results.append(Result(name, size, wall, cpu_ms=cpu))
        bar = window.findChild(FindBar)
        assert bar is not None
        bar.open()
        name = "find: a keystroke from every card matching to a third"
        wall, cpu = _timed(window, repeat, lambda: bar.edit.setText("Owner "),
                           lambda: QTest.keyClick(bar.edit, Qt.Key.Key_1))
        results.append(Result(name, size, wall, cpu_ms=cpu))
        bar.close_bar()
        results.append(_key_during_pdf_export(window, size, repeat))
        results.append(_key_with_summary(window, size, repeat))
        results += _analysis_dock(window, size, repeat)
    return results


def _analysis_dock(window: MainWindow, size: int, repeat: int) -> list[Result]:
    """The analysis dock analysing the map again, as it does after each burst of edits
    while it is shown: the longest the window answers nothing meanwhile (a small map's whole
    analysis; a big map's writing to the child process, and the showing of what it found),
    and the time until the findings show."""
    import statistics
    import time

    from journeymapper.ui.panels.analysis import AnalysisPanel

    app = application()
    window.exchange.show_analysis()  # type: ignore[attr-defined]
    app.processEvents()
    panel = window.findChild(AnalysisPanel)
    assert panel is not None
    waits, latencies = [], []
    for i in range(repeat + 1):
        shown, whole, step = panel.brief, Stopwatch(), Stopwatch()
        panel.refresh()
        longest = step.read()[0]
        while panel.analyser.running or panel.brief is shown:  # each analysis, a new brief
            if whole.read()[0] > TIMEOUT_S * 1000:
                raise TimeoutError("the analysis dock did not show a new analysis")
            time.sleep(0.001)
            step.restart()
            app.processEvents()
            longest = max(longest, step.read()[0])
        step.restart()
        app.processEvents()  # the trees' repaint
        longest = max(longest, step.read()[0])
        if i:
            waits.append(longest)
            latencies.append(whole.read()[0])
    window.exchange.analysis_dock.hide()  # type: ignore[attr-defined]
    return [Result("analysis dock analysing again: the window's longest wait", size,
                   statistics.median(waits)),
            Result("analysis dock analysing again: until the findings show", size,
                   statistics.median(latencies))]


def _arrow_key(window: MainWindow) -> Callable[[], tuple[float, float]]:
    """A timer of one arrow key in the map (the focus to the next card and back, in turn),
    from the key until its repaint is done, with a person's pause after it."""
    from PySide6.QtCore import QElapsedTimer, Qt
    from PySide6.QtTest import QTest

    from journeymapper.document import Kind
    from journeymapper.ui.canvas.keyboard import Focus

    app, view = application(), window.view
    first = window.document.project.touchpoints[0]
    view.setFocus()
    view.set_focus(Focus(first.stage_id, first.lane_id, (Kind.TOUCHPOINT, first.id)))
    turns = iter(range(1 << 30))

    def key() -> tuple[float, float]:
        arrow = Qt.Key.Key_Right if next(turns) % 2 == 0 else Qt.Key.Key_Left
        stopwatch = Stopwatch()
        QTest.keyClick(view, arrow)
        app.processEvents()
        taken = stopwatch.read()
        pause = QElapsedTimer()
        pause.start()
        while pause.elapsed() < KEY_PAUSE_MS:
            app.processEvents()
        return taken

    key()  # warm-up
    return key


def _key_during_pdf_export(window: MainWindow, size: int, repeat: int) -> Result:
    """An arrow key while the PDF export the dialog starts runs; its floor is the same key
    with no export running."""
    from journeymapper import io
    from journeymapper.ui.dialogs.process_job import ProcessJob, pdf_command

    key = _arrow_key(window)
    idle = medians([key() for _ in range(max(10, 4 * repeat))])
    with tempfile.TemporaryDirectory(prefix="journeymapper-bench-pdf-") as folder:
        out = str(Path(folder) / "map.pdf")
        arguments = pdf_command(out, page="A4", persona=None, sections=["map", "register"],
                                today="2026-01-01")
        job = ProcessJob(arguments, stdin=io.dumps(window.document.project, compact=True),
                         result=out)
        job.start()
        samples = []
        while job.running:
            samples.append(key())
    busy = medians(samples)
    return Result("arrow key while a PDF of the map is drawn (floor: no export)", size,
                  busy.wall_ms, idle.wall_ms, cpu_ms=busy.cpu_ms)


def _key_with_summary(window: MainWindow, size: int, repeat: int) -> Result:
    """An arrow key while the summary dock (its matrix rings the selected card's dot) is
    shown; its floor is the same key with the inspector shown there instead."""
    from PySide6.QtWidgets import QDockWidget

    from journeymapper.ui.panels import INSPECTOR, SUMMARY

    count = max(10, 4 * repeat)
    samples = {}
    for name in (SUMMARY, INSPECTOR):  # the inspector last, as the window starts
        dock = window.findChild(QDockWidget, name)
        assert dock is not None
        dock.raise_()
        application().processEvents()
        key = _arrow_key(window)
        samples[name] = medians([key() for _ in range(count)])
    shown, inspector = samples[SUMMARY], samples[INSPECTOR]
    return Result("arrow key with the summary dock shown (floor: the inspector)", size,
                  shown.wall_ms, inspector.wall_ms, cpu_ms=shown.cpu_ms)
