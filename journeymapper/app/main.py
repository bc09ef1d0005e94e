"""Start the Qt application (placeholder window until the canvas lands)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def run(path: str | None, qt_args: Sequence[str] = ()) -> int:
    """Open the main window, optionally on a project file, and run the event loop."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0], *qt_args])
    window = QMainWindow()
    window.setWindowTitle("Journeymapper")
    window.setCentralWidget(QLabel(path or "New journey"))
    window.resize(1200, 800)
    window.show()
    return app.exec()
