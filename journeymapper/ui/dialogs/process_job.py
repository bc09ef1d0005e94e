"""A ``journeymapper`` command run in a child process, with progress: every File > Export
but the pictures (PDF, CSV, Excel, calendar, Mermaid, PowerPoint).

Exporting is Python from end to end (reportlab, openpyxl, python-pptx). On a worker thread it
held the interpreter's lock against the GUI thread, so that a key pressed during the export
of a 10,000-touchpoint map took seconds to show. A child process works on the other core
instead. It gets the project's file bytes on stdin (the map as it was when the export
started: the user keeps editing), reports ``progress DONE TOTAL`` lines on stdout
(``journeymapper export --progress``), says what went wrong on stderr, and removes its
temporary file when cancelled with SIGTERM: the exports write atomically, so a cancelled or
failed export leaves no half-written file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QProcess, QTimer, Signal

from journeymapper.export.progress_lines import STDIN, read_progress

# After SIGTERM the child removes its temporary file and exits; it is killed if it has not
# within this time (a child stuck in a C call).
KILL_AFTER_MS = 5000


def command(*arguments: str) -> list[str]:
    """The arguments that run ``journeymapper ARGUMENTS`` with this interpreter."""
    return ["-m", "journeymapper", *arguments]


def pdf_command(output: str, *, page: str, persona: str | None, sections: Sequence[str],
                today: str) -> list[str]:
    """The arguments of an export of the project on stdin to ``output``. ``--name=value``,
    so that a value starting with a dash is not read as an option."""
    persona_option = [] if persona is None else [f"--persona={persona}"]
    return command("export", STDIN, f"--output={output}", f"--page={page}",
                   f"--sections={','.join(sections)}", f"--today={today}", *persona_option,
                   "--progress")


def export_command(name: str, output: str, persona: str | None = None) -> list[str]:
    """The arguments of the export command ``name`` (export-csv, ...) of the project on
    stdin to ``output``, with ``--persona`` when given."""
    persona_option = [] if persona is None else [f"--persona={persona}"]
    return command(name, STDIN, f"--output={output}", *persona_option)


class ProcessJob(QObject):
    """``python ARGUMENTS`` in a child process, fed ``stdin``; succeeds with ``result`` when
    it exits with 0, fails with what it wrote on stderr otherwise. Its signals arrive on the
    GUI thread.

    A job has no Qt parent: a running job keeps itself alive (in ``_alive``) until it
    finishes, so closing the dialog or window that started it cannot delete the object the
    child is still reporting to; receivers connected with their bound methods are simply
    disconnected when they are destroyed. ``info`` carries what the receivers need to know
    about the job (its file, its format), read through ``QObject.sender()``.
    """

    _alive: ClassVar[set[ProcessJob]] = set()

    progressed = Signal(int, int)
    """(done, total): the child reported progress."""
    succeeded = Signal(object)
    """The child exited with 0 (the job's ``result``)."""
    failed = Signal(str)
    """The child failed or could not start; the message is for the user."""
    cancelled = Signal()
    """The child stopped because ``cancel()`` was called."""
    finished = Signal()
    """After any of succeeded, failed or cancelled."""

    def __init__(self, arguments: Sequence[str], stdin: bytes = b"", result: object = None,
                 program: str = sys.executable) -> None:
        super().__init__()
        self._running = False
        self.last_progress: tuple[int, int] | None = None
        self.info: dict[str, Any] = {}
        self.progressed.connect(self._remember)
        self.finished.connect(self._stopped)
        self._stdin, self._result = stdin, result
        self._cancel_asked = False
        self._pending = b""  # the start of a stdout line still being written
        self.process = QProcess(self)
        self.process.setProgram(program)
        self.process.setArguments(list(arguments))
        self.process.started.connect(self._feed)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)

    @property
    def running(self) -> bool:
        """True from ``start()`` until ``finished``."""
        return self._running

    def start(self) -> None:
        """Start the child process."""
        self._running = True
        ProcessJob._alive.add(self)
        _wait_at_quit()
        self.process.start()

    def cancel(self) -> None:
        """End the child: SIGTERM (it removes its temporary file), then kill if it lingers."""
        if not self.running or self._cancel_asked:
            return
        self._cancel_asked = True
        if os.name == "nt":  # no SIGTERM there; nothing is written until the atomic rename
            self.process.kill()
            return
        self.process.terminate()
        QTimer.singleShot(KILL_AFTER_MS, self, self._kill_if_running)

    def wait(self) -> None:
        """Block until the child has ended."""
        if self.process.state() is not QProcess.ProcessState.NotRunning:
            self.process.waitForFinished(-1)

    def _remember(self, done: int, total: int) -> None:
        self.last_progress = (done, total)

    def _stopped(self) -> None:
        self._running = False
        ProcessJob._alive.discard(self)

    def _kill_if_running(self) -> None:
        if self.process.state() is not QProcess.ProcessState.NotRunning:
            self.process.kill()

    def _feed(self) -> None:
        self.process.write(QByteArray(self._stdin))
        self.process.closeWriteChannel()
        self._stdin = b""

    def _read(self, *, last: bool = False) -> None:
        lines = (self._pending + self.process.readAllStandardOutput().data()).split(b"\n")
        self._pending = b"" if last else lines.pop()
        for line in lines:
            step = read_progress(line)
            if step is not None:
                self.progressed.emit(*step)

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read(last=True)
        if status is QProcess.ExitStatus.NormalExit and code == 0:
            self.succeeded.emit(self._result)  # done before the cancel reached it
        elif self._cancel_asked:
            self.cancelled.emit()
        else:
            said = self.process.readAllStandardError().data().decode("utf-8", "replace").strip()
            self.failed.emit(said or (f"The export stopped unexpectedly (exit code {code})."
                                      if status is QProcess.ExitStatus.NormalExit
                                      else "The export process crashed."))
        self.finished.emit()

    def _error(self, error: QProcess.ProcessError) -> None:
        # A child that ran ends with finished(); one that never started does not.
        if error is QProcess.ProcessError.FailedToStart:
            self.failed.emit(f"Cannot start {self.process.program()}: "
                             f"{self.process.errorString()}")
            self.finished.emit()


_quit_hooked = False


def _wait_at_quit() -> None:
    """Let running exports finish their file when the app quits (hooked once per process)."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked and app is not None:
        _quit_hooked = True
        app.aboutToQuit.connect(lambda: [job.wait() for job in list(ProcessJob._alive)])
