"""Start the Qt application: the main window on a project file or a new map."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from journeymapper.app.settings import APPLICATION, ORGANISATION


def run(path: str | None, qt_args: Sequence[str] = ()) -> int:
    """Open the main window, optionally on a project file, and run the event loop."""
    from PySide6.QtWidgets import QApplication

    from journeymapper.app.main_window import MainWindow
    from journeymapper.ui.canvas.style import load_fonts

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    load_fonts()
    window = MainWindow()
    if path:
        window.open_path(path)
    if window.settings.geometry() is None:
        screen = app.primaryScreen()
        if screen is not None:  # without a window manager, maximising alone does nothing
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.show()
    return app.exec()
