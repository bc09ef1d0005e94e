"""Shared fixtures; GUI tests run offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.main_window_fixtures"]

# Writable locations (recovery files, user templates) go to a test folder, never the user's.
os.environ.setdefault("JOURNEYMAPPER_RECOVERY_DIR", os.path.join(
    os.environ.get("TMPDIR", "/tmp"), f"journeymapper-test-recovery-{os.getpid()}"))


def pytest_configure(config: object) -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
