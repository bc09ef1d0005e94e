"""The analysis dock's analyst: a map's ``Brief``, worked out here or in a child process.

A 10,000-touchpoint map takes 0.5-0.8 s to analyse, and on the GUI thread the window answers
nothing meanwhile: a second with the dock shown, each time the edits pause. A worker thread
is worse, as the analysis is Python that holds the interpreter's lock (a key took seconds to
show). So a big map is analysed on the other core by ``journeymapper serve-analysis``, a child
process started once and kept until the dock is hidden (see ``cli/analysis_server.py``): the
window only writes the map's JSON to it (``MapJson``: each item dumped again only when it
changed) and reads the brief back. A small map is
analysed here, where it takes less than the child's answer would.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time

from PySide6.QtCore import QByteArray, QObject, QProcess, Qt, Signal
from PySide6.QtGui import QGuiApplication

from journeymapper.analysis import analyze
from journeymapper.analysis.brief import Brief
from journeymapper.analysis.brief_lines import read_answer, request
from journeymapper.document import Document
from journeymapper.document.map_json import MapJson
from journeymapper.model import Project

_log = logging.getLogger(__name__)

OUT_OF_PROCESS_AT = 500
"""Maps of this many touchpoints are analysed in the child process: here, the window would
wait 60-70 ms at 500 touchpoints (20 ms for the child's, its answer after 0.13 s)."""


def server_command() -> list[str]:
    """The arguments of the child process that analyses the maps sent to it."""
    return ["-m", "journeymapper", "serve-analysis"]


class Analyser(QObject):
    """Analyses one map at a time into a ``Brief``."""

    analysed = Signal(object, float)
    """(brief, ms): the map's brief, and how long the window waited for it."""
    failed = Signal(str)
    """The analysis failed; the message is for the user."""

    out_of_process_at = OUT_OF_PROCESS_AT

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._map = MapJson(document)  # what the child is sent, kept up to date item by item
        self._server: QProcess | None = None
        self._waiting = False  # for the server's answer
        self._answer = bytearray()
        self._waited_ms = 0.0

    @property
    def running(self) -> bool:
        """True while the child process analyses a map."""
        return self._waiting

    def start(self, today: dt.date) -> None:
        """Analyse the document's map as of ``today``: a small map before this returns, a big
        one in the child process (``analysed`` or ``failed`` tells). Not while ``running``."""
        assert not self._waiting, "one analysis at a time"
        project = self.document.project
        if len(project.touchpoints) < self.out_of_process_at:
            self._analyse_here(project, today)
            return
        started = time.perf_counter()
        line = request(today, self._map.compact())
        self._waiting = True
        self._serving().write(QByteArray(line))  # written as the pipe takes it
        self._waited_ms = 1000 * (time.perf_counter() - started)

    def stop(self) -> None:
        """End the child process, and with it the analysis it may be doing (of a map no longer
        shown, or for a dock hidden): ``analysed`` will not come for it."""
        server, self._server = self._server, None
        self._waiting = False
        self._answer.clear()
        if server is not None:
            server.blockSignals(True)  # nothing more of it is read: a new one may start
            server.kill()
            server.waitForFinished(1000)  # a killed process goes at once; no zombie is left
            server.deleteLater()

    def _serving(self) -> QProcess:
        if self._server is None:
            server = self._server = QProcess(self)
            server.setProgram(sys.executable)
            server.setArguments(server_command())
            server.readyReadStandardOutput.connect(self._read)
            server.finished.connect(self._ended)
            server.errorOccurred.connect(self._error)
            server.start()
        return self._server

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

    def _read(self) -> None:
        if self._server is None:
            return
        self._answer += self._server.readAllStandardOutput().data()
        end = self._answer.find(b"\n")
        if end < 0:
            return
        line = bytes(self._answer[:end])
        del self._answer[:end + 1]
        self._waiting = False
        started = time.perf_counter()
        result = read_answer(line)
        if isinstance(result, str):
            _log.error("the analysis child failed: %s", result)
            self.failed.emit(result)
            return
        self.analysed.emit(result, self._waited_ms + 1000 * (time.perf_counter() - started))

    def _error(self, error: QProcess.ProcessError) -> None:
        # A child that ran ends with finished(); one that never started does not.
        if error is QProcess.ProcessError.FailedToStart and self._server is not None:
            message = f"cannot start {self._server.program()}: {self._server.errorString()}"
            self._server.deleteLater()
            self._server = None
            self._waiting = False
            self.failed.emit(message)

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        said = server.readAllStandardError().data().decode("utf-8", "replace").strip()
        server.deleteLater()
        if not self._waiting:  # between two maps: the next one starts a new process
            return
        self._waiting = False
        self._answer.clear()
        _log.error("the analysis process ended (exit code %s): %s", code, said)
        if said:  # a traceback's last line says what went wrong; the log has the rest
            self.failed.emit(said.splitlines()[-1])
        elif status is QProcess.ExitStatus.CrashExit:
            self.failed.emit("the analysis process crashed")
        else:
            self.failed.emit(f"the analysis process stopped (exit code {code})")
