"""Start the Qt application: the main window on a project file or a new map."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from journeymapper.app.settings import APPLICATION, ORGANISATION

# Extra windows (further restored maps) must outlive run()'s locals.
_windows: list[object] = []


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
    restored = window.safety.offer_recovery()
    if restored:
        window.safety.restore(restored[0])
        # One map per window: each further restored map gets a window of its own.
        for extra in restored[1:]:
            other = MainWindow()
            other.safety.restore(extra)
            other.show()
            _windows.append(other)
        if path:
            window.show_status(f"Restored unsaved work; {path} was not opened")
    elif path:
        window.open_path(path)
    if os.environ.get("JOURNEYMAPPER_BENCH_FIRST_PAINT"):  # `journeymapper bench` cold start
        from journeymapper.app.first_paint import install

        install(window.view.viewport())
    if window.settings.geometry() is None:
        screen = app.primaryScreen()
        if screen is not None:  # without a window manager, maximising alone does nothing
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.show()
    return app.exec()
