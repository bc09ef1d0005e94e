"""Bring project files written by older versions up to the current schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeymapper.model import SCHEMA_VERSION

Data = dict[str, Any]


def _from_0(data: Data) -> Data:
    """Version 0 (pre-release drafts, no ``schema_version``) named the cell keys ``stage`` and
    ``lane`` and had no scoring model; add the default one."""
    from journeymapper.model import default_scoring

    touchpoints = data.get("touchpoints")
    for tp in touchpoints if isinstance(touchpoints, list) else []:
        if isinstance(tp, dict):
            for old, new in (("stage", "stage_id"), ("lane", "lane_id")):
                if old in tp and new not in tp:
                    tp[new] = tp.pop(old)
    data.setdefault("scoring", default_scoring().model_dump(mode="json"))
    return data


def _from_1(data: Data) -> Data:
    """Version 2 added, all with defaults: dot votes on touchpoints (0), a review cadence
    ("none") and review history ([]) on touchpoints, the active version's id and name
    ("version-1", "Current map"), stored versions ([]) and KPI colouring (off, with the default
    rules). A version-1 file is a valid version-2 file: nothing to convert."""
    return data


# MIGRATIONS[n] turns a version-n document into a version n+1 document.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_0, 1: _from_1}


class NewerSchemaError(ValueError):
    """The file was written by a newer Journeymapper."""


def migrate(data: Data) -> Data:
    """Upgrade a parsed project document to the current schema, step by step."""
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(f"schema_version: must be a whole number >= 0, got {version!r}")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"schema_version: the file uses schema {version}, this Journeymapper reads up to "
            f"{SCHEMA_VERSION}; update Journeymapper to open it")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data
