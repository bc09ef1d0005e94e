"""Profile the app's cold start to its first painted frame (pyinstrument): where time goes.

    QT_QPA_PLATFORM=offscreen python benchmarks/profile_startup.py [FILE]

It follows ``journeymapper FILE`` (``journeymapper.cli`` then ``journeymapper.app.main.run``)
in the same order, up to the map view's first paint; what the window builds after that frame
(features, panel contents) is not in the profile.
"""

from __future__ import annotations

import os
import sys

from pyinstrument import Profiler

profiler = Profiler(interval=0.0005)
profiler.start()

import importlib  # noqa: E402
import time  # noqa: E402

from journeymapper.cli import PYDANTIC_PLUGINS_ENV  # noqa: E402

os.environ.setdefault(PYDANTIC_PLUGINS_ENV, "__all__")
importlib.import_module("journeymapper.io")  # before PySide6, as journeymapper.cli does
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymapper.app.main_window import MainWindow  # noqa: E402
from journeymapper.paths import EXAMPLES  # noqa: E402
from journeymapper.ui.canvas.style import load_fonts  # noqa: E402

painted = []


class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(time.perf_counter())
        return False


app = QApplication(sys.argv[:1])
load_fonts()
window = MainWindow()
window.open_path(sys.argv[1] if len(sys.argv) > 1 else str(EXAMPLES / "bakery.json"))
probe = Probe()
window.view.viewport().installEventFilter(probe)
window.showMaximized()
while not painted:
    app.processEvents()
profiler.stop()
print(profiler.output_text(unicode=True, color=False, show_all=False))
