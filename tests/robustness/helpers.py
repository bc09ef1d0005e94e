"""Helpers of the robustness tests: sample maps, folder snapshots, dead writers."""

from __future__ import annotations

import dataclasses
import os
import sys
from decimal import Decimal
from pathlib import Path

from journeymapper.io import atomic_write, recovery
from journeymapper.model import KPI, Link, Note, Persona, Project, Touchpoint, new_project

# A pid no process can have (above every platform's pid_max): a writer that is surely dead.
DEAD_PID = 2**31 - 2


def sample_project(title: str = "Bakery journey", touchpoints: int = 12) -> Project:
    """A small but complete map: personas, touchpoints with KPIs and money, links, notes."""
    project = new_project(title)
    project.personas.append(Persona(id="persona-1", name="Busy parent", goals=["Fast"],
                                    preferred_channels=["app", "store"]))
    stages = [s.id for s in project.stages]
    for i in range(touchpoints):
        project.touchpoints.append(Touchpoint(
            id=f"tp-{i}", name=f"Touchpoint {i}", stage_id=stages[i % len(stages)],
            lane_id="touchpoints", channel="website", persona_ids=["persona-1"] if i % 2 else [],
            scores={"reach": i % 6, "influence": (i * 2) % 6}, budget=Decimal("125.50") * i,
            spent=Decimal(i), status="planned", tags=["web", f"t{i}"], notes="n\u00e9" * (i % 5),
            kpis=[KPI(name="Conversion", unit="%", target=3.5, actual=2.0)], x=10.0 * i, y=5.0))
    for i in range(touchpoints - 1):
        project.links.append(Link(id=f"link-{i}", source_id=f"tp-{i}", target_id=f"tp-{i + 1}",
                                  share=0.5))
    project.notes.append(Note(id="note-1", text="Queue too long", stage_id="purchase",
                              lane_id="pain-points"))
    return project


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int, int]]:
    """Every entry of a folder tree with its bytes, size and mtime (to prove nothing changed)."""
    result: dict[str, tuple[bytes | None, int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            st = path.lstat()
            data = path.read_bytes() if path.is_file() and not path.is_symlink() \
                and st.st_size < 2**20 and os.access(path, os.R_OK) else None
            result[str(path.relative_to(folder))] = (data, st.st_size, st.st_mtime_ns)
    return result


def temp_files(folder: Path) -> list[str]:
    """Temporary files left in a folder by atomic writes."""
    return sorted(n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp"))


def make_dead(entry: recovery.RecoveryEntry) -> recovery.RecoveryEntry:
    """Rewrite an entry's sidecar as if its writer had been killed."""
    dead = dataclasses.replace(entry, pid=DEAD_PID, started=None, project=None)
    atomic_write(dead.meta_path, dead.to_bytes(), backup=False)
    return dead


def python_child_env() -> dict[str, str]:
    """Environment for Python children: offscreen Qt, the repo importable."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


PYTHON = sys.executable
