"""Stable string ids for everything a project holds."""

from __future__ import annotations

import os
from collections.abc import Iterable

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


def new_id(prefix: str, taken: Iterable[str] = ()) -> str:
    """A fresh id such as ``tp-3f9a1c2e`` that is not in ``taken``."""
    used = set(taken)
    while True:
        # What secrets.token_hex(4) returns, without importing secrets (hashlib, hmac,
        # random: milliseconds of every cold start for one line).
        candidate = f"{prefix}-{os.urandom(4).hex()}"
        if candidate not in used:
            return candidate
