"""Features that plug into the main window: each module has ``install(window)``.

Adding a feature is one line here; the window itself stays about files, the map and docks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

FEATURES = (
    "journeymapper.app.exchange_actions",
    "journeymapper.app.workshop_actions",
    "journeymapper.app.living_map_actions",
)


def install_features(window: MainWindow) -> None:
    """Let every feature add its actions, menus and docks to the window."""
    for name in FEATURES:
        importlib.import_module(name).install(window)
