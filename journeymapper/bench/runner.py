"""Run the measurements by name and size; print them as a table or as JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from journeymapper.bench.timing import Result


@dataclass(frozen=True)
class Measurement:
    """A named group of results; ``sized`` ones run once per size, the others once."""

    name: str
    help: str
    run: Callable[[int, int, str], list[Result]]
    sized: bool = True


def _cold_start(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.startup import measure_cold_start

    return measure_cold_start(repeat)


def _open(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.canvas import measure_open

    return measure_open(size, repeat, links)


def _files(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.core import measure_files

    return measure_files(size, repeat, links)


def _frames(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.canvas import measure_frames

    return measure_frames(size, repeat, links)


def _drag(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.canvas import measure_drag

    return measure_drag(size, repeat, links)


def _edits(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.edits import measure_edits

    return measure_edits(size, repeat, links)


def _pdf(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.core import measure_pdf

    return measure_pdf(size, repeat, links)


def _analysis(size: int, repeat: int, links: str) -> list[Result]:
    from journeymapper.bench.core import measure_analysis

    return measure_analysis(size, repeat, links)


MEASUREMENTS: tuple[Measurement, ...] = (
    Measurement("cold-start", "fresh app process on an example to its first painted window, "
                "against a bare QMainWindow", _cold_start, sized=False),
    Measurement("open", "load a file, build the scene, first paint of the view", _open),
    Measurement("files", "parse + validate, save (against plain json)", _files),
    Measurement("frames", "full repaints of the view at fit-all, 25% and 100%", _frames),
    Measurement("drag", "mouse move and drop to repaint: one card, 500 selected", _drag),
    Measurement("edits", "in the main window, command to repaint: select all, delete and "
                "move 500 selected cards, duplicate 50, a find keystroke, an arrow key while "
                "a PDF is drawn and with the summary shown, the analysis dock", _edits),
    Measurement("pdf", "PDF of map and register (against reportlab alone)", _pdf),
    Measurement("analysis", "the whole journey analysis", _analysis),
)
NAMES = tuple(m.name for m in MEASUREMENTS)


def run(sizes: Sequence[int], repeat: int, only: Sequence[str] = (),
        progress: Callable[[str], None] | None = None, links: str = "journey") -> list[Result]:
    """Every chosen measurement at every size, in the order of ``MEASUREMENTS``, on synthetic
    maps whose links run as ``links`` says (see ``synthetic.LINK_SHAPES``)."""
    results: list[Result] = []
    for m in MEASUREMENTS:
        if only and m.name not in only:
            continue
        for size in sizes if m.sized else sizes[:1]:
            if progress is not None:
                progress(f"{m.name}" + (f" at {size:,}" if m.sized else ""))
            results.extend(replace(r, group=m.name) for r in m.run(size, repeat, links))
    return results


def machine() -> dict[str, object]:
    """Where the numbers were measured: CPUs, CPU model, load, Python and Qt versions."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        load: list[float] | None = [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        load = None
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        qt = "not installed"
    return {"cpus": os.cpu_count(), "cpu": cpu, "load_average": load,
            "python": sys.version.split()[0], "qt": qt, "platform": platform.platform()}


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def table(results: Sequence[Result]) -> str:
    """The results as an aligned text table (medians in ms; CPU time is diagnostic)."""
    header = ("measurement", "size", "median ms", "floor ms", "ratio", "cpu ms", "goal",
              "result")
    rows = [header]
    for r in results:
        goals = []
        if r.goal_ms is not None:
            goals.append(f"<= {r.goal_ms:,.0f} ms")
        if r.goal_ratio is not None:
            goals.append(f"<= {r.goal_ratio:g}x floor")
        verdict = {True: "pass", False: "FAIL", None: ""}[r.meets_goal]
        rows.append((r.name, f"{r.size:,}" if r.size else "-", _fmt(r.median_ms),
                     _fmt(r.floor_ms), "-" if r.ratio is None else f"{r.ratio:,.2f}x",
                     _fmt(r.cpu_ms), ", ".join(goals) or "-", verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-2], widths[1:-2],
                                                                          strict=True)]
        cells += [row[-2].ljust(widths[-2]), row[-1]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
