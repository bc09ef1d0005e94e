"""Fixtures of the robustness tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def freeze() -> Iterator[Callable[[Path], None]]:
    """``freeze(folder)`` makes a folder read-only, even for root (chattr +i), until teardown."""
    frozen: list[tuple[Path, str | None]] = []

    def do(folder: Path) -> None:
        if os.name == "nt":
            pytest.skip("needs POSIX permissions")
        if os.geteuid() == 0:
            chattr = shutil.which("chattr")
            if chattr is None or subprocess.run([chattr, "+i", str(folder)],
                                                capture_output=True).returncode != 0:
                pytest.skip("root cannot make a folder read-only here (no chattr +i)")
            frozen.append((folder, chattr))
        else:
            folder.chmod(0o555)
            frozen.append((folder, None))

    yield do
    for folder, chattr in frozen:
        if chattr:
            subprocess.run([chattr, "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)
