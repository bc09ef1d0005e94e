"""Work that takes a while, run beside the GUI with progress: a ``Job``.

A ``BackgroundJob`` runs a function on a worker thread (a table export); a ``ProcessJob``
(``process_job.py``) runs a command in a child process (a PDF of a big map, whose Python
drawing would otherwise hold the interpreter's lock against the GUI thread for hundreds of
milliseconds at a time). The work gets a copy of the project from its caller
(``snapshot``), so the user can keep editing the map while it runs; the job only reports
back through signals, which the GUI thread receives. Cancelling unwinds the work (the
thread's next progress report raises; the child process gets SIGTERM); the exports write
atomically, so a cancelled export leaves no half-written file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from journeymapper import io
from journeymapper.io import SaveError
from journeymapper.model import Project

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


def snapshot(project: Project) -> Callable[[], Project]:
    """A copy of ``project`` for a worker thread: its file's bytes taken now, read back into
    a project by the worker (at 10,000 touchpoints 0.15 s on the GUI thread, where a deep
    copy took 0.7 s)."""
    raw = io.dumps(project)
    return lambda: io.parse(raw)


def describe_error(exc: BaseException) -> str:
    """A message for the user: SaveError already names the file and the reason."""
    if isinstance(exc, OSError) and not isinstance(exc, SaveError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__


class JobCancelled(Exception):
    """Raised inside the work by the progress callback once the job was cancelled."""


class _Runner(QRunnable):
    """Runs the job's work on a pool thread (a separate object: QRunnable is not a QObject)."""

    def __init__(self, job: BackgroundJob) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run_here()


class Job(QObject):
    """Work that reports progress and ends once; its signals arrive on the GUI thread.

    A job has no Qt parent: a running job keeps itself alive (in ``_alive``) until it
    finishes, so closing the dialog or window that started it cannot delete the object its
    work is still reporting to; receivers connected with their bound methods are simply
    disconnected when they are destroyed. ``info`` carries what the receivers need to know
    about the job (its file, its format), read through ``QObject.sender()``.
    """

    _alive: ClassVar[set[Job]] = set()

    progressed = Signal(int, int)
    """(done, total): the work reported progress."""
    succeeded = Signal(object)
    """The work returned (its result)."""
    failed = Signal(str)
    """The work raised; the message is for the user."""
    cancelled = Signal()
    """The work stopped because ``cancel()`` was called."""
    finished = Signal()
    """After any of succeeded, failed or cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self._running = False
        self.last_progress: tuple[int, int] | None = None
        self.info: dict[str, Any] = {}
        self.progressed.connect(self._remember)
        self.finished.connect(self._stopped)

    @property
    def running(self) -> bool:
        """True from ``start()`` until ``finished``."""
        return self._running

    def start(self) -> None:
        """Start the work (subclasses then run it)."""
        self._running = True
        Job._alive.add(self)
        _wait_at_quit()

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` follows."""
        raise NotImplementedError

    def wait(self) -> None:
        """Block until the work has ended (the app quits: let it finish its file)."""
        raise NotImplementedError

    def _remember(self, done: int, total: int) -> None:
        self.last_progress = (done, total)

    def _stopped(self) -> None:
        self._running = False
        Job._alive.discard(self)


class BackgroundJob(Job):
    """One piece of work on the global thread pool."""

    def __init__(self, work: Work,
                 describe: Callable[[BaseException], str] = describe_error) -> None:
        super().__init__()
        self._work = work
        self._describe = describe
        self._cancel = threading.Event()
        self._runner: _Runner | None = None

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on a pool thread."""
        super().start()
        # Kept here, not auto-deleted: the pool must not delete what Python still refers to.
        self._runner = _Runner(self)
        self._runner.setAutoDelete(False)
        (pool or QThreadPool.globalInstance()).start(self._runner)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    def wait(self) -> None:
        """Block until the pool's threads are done."""
        QThreadPool.globalInstance().waitForDone()

    def run_here(self) -> None:
        """Run the work on the calling thread (the pool thread; tests may call it directly)."""
        try:
            result = self._work(self._report)
        except JobCancelled:
            self.cancelled.emit()
        except Exception as exc:  # the user sees the message; the app keeps running
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                if not isinstance(exc, OSError | ValueError):  # a bug: keep the traceback
                    _log.error("background job failed", exc_info=exc)
                self.failed.emit(self._describe(exc))
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise JobCancelled
        self.progressed.emit(done, total)


_quit_hooked = False


def _wait_at_quit() -> None:
    """Let running exports finish their file when the app quits (hooked once per process)."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked and app is not None:
        _quit_hooked = True
        app.aboutToQuit.connect(lambda: [job.wait() for job in list(Job._alive)])
