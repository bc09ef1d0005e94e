"""A ``journeymapper`` command run in a child process as a ``Job``: the PDF export.

Drawing a PDF is Python from end to end (reportlab). On a worker thread it held the
interpreter's lock against the GUI thread, so that every key pressed during the export of a
1,000-touchpoint map took up to half a second to show. A child process draws on the other
core instead. It gets the project's file bytes on stdin, reports ``progress DONE TOTAL``
lines on stdout (``journeymapper export --progress``), and says what went wrong on stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QProcess, QTimer

from journeymapper.export.progress_lines import STDIN, read_progress
from journeymapper.ui.dialogs.jobs import Job

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


class ProcessJob(Job):
    """``python ARGUMENTS`` in a child process, fed ``stdin``; succeeds with ``result`` when
    it exits with 0, fails with what it wrote on stderr otherwise."""

    def __init__(self, arguments: Sequence[str], stdin: bytes = b"", result: object = None,
                 program: str = sys.executable) -> None:
        super().__init__()
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

    def start(self) -> None:
        """Start the child process."""
        super().start()
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
        if self._cancel_asked:
            self.cancelled.emit()
        elif status is QProcess.ExitStatus.NormalExit and code == 0:
            self.succeeded.emit(self._result)
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
