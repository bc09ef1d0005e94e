"""The analysis dock's analyst: a map's ``Brief``, worked out here or in a child process.

A 10,000-touchpoint map takes 0.5-0.8 s to analyse, and on the GUI thread the window answers
nothing meanwhile: a second with the dock shown, each time the edits pause. A worker thread
is worse, as the analysis is Python that holds the interpreter's lock (a key took seconds to
show). So a big map is analysed by ``journeymapper analyze - --brief`` in a child process, on
the other core: the window only writes the map's file bytes to it and reads the brief back.
A small map is analysed here, as the child's start-up (about half a second) would be most of
the wait.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from journeymapper import io
from journeymapper.analysis import analyze
from journeymapper.analysis.brief import Brief
from journeymapper.export.progress_lines import STDIN
from journeymapper.model import Project
from journeymapper.ui.process_job import ProcessJob, command

_log = logging.getLogger(__name__)

OUT_OF_PROCESS_AT = 1000
"""Maps of this many touchpoints are analysed in a child process (0.15 s here at 1,000)."""


def analyse_command(today: dt.date) -> list[str]:
    """The arguments of the child that analyses the map on its stdin into a brief."""
    return command("analyze", STDIN, "--brief", f"--today={today.isoformat()}")


class Analyser(QObject):
    """Analyses one map at a time into a ``Brief``."""

    analysed = Signal(object, float)
    """(brief, ms): the map's brief, and how long the window waited for it."""
    failed = Signal(str)
    """The analysis failed; the message is for the user."""

    def __init__(self, parent: QObject | None = None,
                 out_of_process_at: int = OUT_OF_PROCESS_AT) -> None:
        super().__init__(parent)
        self.out_of_process_at = out_of_process_at
        self._job: ProcessJob | None = None
        self._waited_ms = 0.0

    @property
    def running(self) -> bool:
        """True while a child process analyses a map."""
        return self._job is not None

    def start(self, project: Project, today: dt.date) -> None:
        """Analyse ``project`` as of ``today``: a small map before this returns, a big one in a
        child process (``analysed`` or ``failed`` tells). Not while ``running``."""
        assert self._job is None, "one analysis at a time"
        if len(project.touchpoints) < self.out_of_process_at:
            self._analyse_here(project, today)
            return
        started = time.perf_counter()
        stdin = io.dumps(project, compact=True)
        job = self._job = ProcessJob(analyse_command(today), stdin=stdin, keep_output=True,
                                     wait_at_quit=False, name="analysis")
        job.succeeded.connect(self._read)
        job.failed.connect(self._child_failed)
        job.finished.connect(self._ended)
        job.start()
        self._waited_ms = 1000 * (time.perf_counter() - started)

    def cancel(self) -> None:
        """Stop the child process analysing a map that is no longer shown."""
        if self._job is not None:
            self._job.cancel()

    def _analyse_here(self, project: Project, today: dt.date) -> None:
        started = time.perf_counter()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            brief = Brief.of(analyze(project, today), project)
        except Exception as exc:  # a bug in the analysis must not take the editor down
            _log.error("the analysis failed", exc_info=exc)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.analysed.emit(brief, 1000 * (time.perf_counter() - started))

    def _read(self, output: bytes) -> None:
        started = time.perf_counter()
        try:
            brief = Brief.model_validate_json(output)
        except ValueError as exc:  # a child that printed something else: a bug, said
            _log.error("the analysis child's output is not a brief", exc_info=exc)
            self.failed.emit(f"its result could not be read ({exc})")
            return
        self.analysed.emit(brief, self._waited_ms + 1000 * (time.perf_counter() - started))

    def _child_failed(self, message: str) -> None:
        _log.error("the analysis child failed: %s", message)
        # A traceback's last line says what went wrong; the log has the rest.
        self.failed.emit(message.strip().splitlines()[-1] if message.strip() else message)

    def _ended(self) -> None:
        self._job = None
