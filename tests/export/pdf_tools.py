"""Helpers of the PDF export tests: projects built in code, and poppler to read PDFs back.

poppler-utils (pdftotext, pdfinfo, pdffonts) is required: CI installs it. A missing tool
fails the test with instructions instead of skipping it, so a green run means the PDFs
were really read.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from journeymapper.layout import CARD_HEIGHT, PADDING
from journeymapper.model import (
    Channel,
    Link,
    Note,
    Persona,
    Project,
    Status,
    Touchpoint,
    new_project,
)

TODAY = dt.date(2025, 6, 1)


def poppler(tool: str, *args: str | Path) -> str:
    """Run a poppler tool and return its stdout; fail clearly when it is not installed."""
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} is not installed; the PDF tests need poppler-utils "
                    "(Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")
    result = subprocess.run([exe, *map(str, args)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, f"{tool} failed: {result.stderr}"
    return result.stdout


def pdf_text(path: Path) -> str:
    """All text of the PDF as pdftotext extracts it (raw order, so words stay together)."""
    return poppler("pdftotext", "-raw", "-enc", "UTF-8", path, "-")


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    out = poppler("pdfinfo", "-f", "1", "-l", "100000", path)
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, _, h = line.split("size:")[1].split()[:3]
            sizes.append((float(w), float(h)))
    return sizes


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's key: value lines."""
    info = {}
    for line in poppler("pdfinfo", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb (yes/no) per font."""
    lines = poppler("pdffonts", path).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type [type words...] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def add_touchpoints(project: Project, count: int, *, names: Callable[[int], str] | None = None,
                    owners: tuple[str, ...] = ("Marie", "Tom", "Agency Ltd", "")) -> None:
    """``count`` touchpoints spread over the touchpoints and backstage lanes, in free slots."""
    lanes = [lane.id for lane in project.lanes if lane.id in ("touchpoints", "backstage")]
    cells = [(s.id, lane) for s in project.stages for lane in lanes]
    per_cell: dict[tuple[str, str], int] = {}
    criteria = [c.id for c in project.scoring.criteria]
    start = len(project.touchpoints)
    for i in range(start, start + count):
        stage_id, lane_id = cells[i % len(cells)]
        slot = per_cell.get((stage_id, lane_id), 0)
        per_cell[(stage_id, lane_id)] = slot + 1
        project.touchpoints.append(Touchpoint(
            id=f"tp-{i}", name=names(i) if names else f"Touchpoint number {i}",
            stage_id=stage_id, lane_id=lane_id, channel=list(Channel)[i % len(Channel)],
            persona_ids=[p.id for k, p in enumerate(project.personas) if (i + k) % 3 == 0],
            scores={c: (i * 7 + k) % 6 for k, c in enumerate(criteria)},
            performance=1 + i % 5, emotion=(i % 5) - 2, owner=owners[i % len(owners)],
            budget=Decimal(100 + i * 37) / 4, spent=Decimal(50 + i * 29) / 4,
            deadline=TODAY + dt.timedelta(days=(i * 17) % 200 - 60) if i % 4 else None,
            status=list(Status)[i % len(Status)],
            x=PADDING, y=PADDING + slot * (CARD_HEIGHT + PADDING)))


def bakery(count: int = 12) -> Project:
    """A small realistic project: two personas, touchpoints, links and a note."""
    project = new_project("Corner bakery journey")
    project.business.name = "Corner Bakery"
    project.personas = [
        Persona(id="p-commuter", name="Commuter Carla", segment="Office workers",
                goals=["Breakfast in five minutes"], needs=["Card payment"],
                pain_points=["Queue at 8:00"], preferred_channels=[Channel.APP],
                quote="I have seven minutes between the train and my desk.", color="#e45756"),
        Persona(id="p-family", name="Family Fred", segment="Weekend families",
                goals=["Cake for Sunday"], color="#4c78a8"),
    ]
    add_touchpoints(project, count)
    for i in range(count - 1):
        project.links.append(Link(id=f"link-{i}", source_id=f"tp-{i}", target_id=f"tp-{i + 1}",
                                  share=0.5 if i % 2 else None, label="orders" if i == 1 else ""))
    project.notes.append(Note(id="note-1", text="Idea: a pre-order shelf by the door",
                              stage_id="purchase", lane_id="opportunities", x=PADDING, y=PADDING))
    return Project.model_validate(project.model_dump())
