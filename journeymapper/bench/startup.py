"""Cold start: fresh processes timed from their spawn to the first painted window.

The app runs as ``python -m journeymapper EXAMPLE`` with ``JOURNEYMAPPER_BENCH_FIRST_PAINT``
(see ``journeymapper.app.first_paint``); the floor is a bare ``QMainWindow`` started the same
way. Both get a throw-away settings folder, so a benchmark never touches the user's settings or
recent files, and the same platform plugin as the parent (offscreen without a display).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from journeymapper.bench.timing import Result, medians
from journeymapper.paths import EXAMPLES

ENV = "JOURNEYMAPPER_BENCH_FIRST_PAINT"
START_ENV = "JOURNEYMAPPER_BENCH_T0"
EXAMPLE = "bakery.json"
TIMEOUT_S = 120.0

# The floor: what any PySide6 app pays before its first frame.
BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

start = float(os.environ["JOURNEYMAPPER_BENCH_T0"])

def report():
    sys.stdout.write(f"first-paint-ms {(time.perf_counter() - start) * 1000:.2f}\\n")
    sys.stdout.flush()
    os._exit(0)

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
probe = Probe()
window.installEventFilter(probe)
screen = app.primaryScreen()
if screen is not None:
    window.setGeometry(screen.availableGeometry())
window.showMaximized()
app.exec()
"""


def child_env(settings: Path) -> dict[str, str]:
    """The environment of a measured process: private settings, a platform that can paint."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(settings / name.lower())
    # No unsaved work to offer from earlier sessions: a recovery dialog would wait for a click.
    env["JOURNEYMAPPER_RECOVERY_DIR"] = str(settings / "recovery")
    # Bytecode as an installed app has it: compiled once (the warm-up round) into our folder.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(settings / "pycache")
    if not (env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _children_cpu_ms() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def first_paint_ms(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from spawning ``argv`` to its first painted frame (as the child reports),
    and the CPU time the process used in all (it exits right after that frame)."""
    cpu = _children_cpu_ms()
    env = {**env, ENV: "1", START_ENV: repr(time.perf_counter())}
    started = time.perf_counter()
    with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, text=True) as child:
        try:
            out, err = child.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise RuntimeError(f"{argv[1:]} did not paint within {TIMEOUT_S:.0f} s") from None
    wall = (time.perf_counter() - started) * 1000
    for line in out.splitlines():
        if line.startswith("first-paint-ms "):
            return float(line.split()[1]), _children_cpu_ms() - cpu
    raise RuntimeError(f"{' '.join(argv[1:3])} exited ({child.returncode}) without painting "
                       f"after {wall:.0f} ms: {err.strip()[-500:]}")


# What the app cannot do without before its first frame: its pydantic model (the file is
# read into it), imported as the app imports it, then the bare window.
MODEL_THEN_BARE_WINDOW = (
    "import os\n"
    "os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__')\n"
    "import journeymapper.model\n" + BARE_WINDOW)


def measure_cold_start(repeat: int) -> list[Result]:
    """The app opening an example, against a bare QMainWindow, and a bare window that first
    imports the model (what no first frame of a map can skip); fresh processes alternating."""
    app_runs: list[tuple[float, float]] = []
    bare_runs: list[tuple[float, float]] = []
    model_runs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="journeymapper-bench-") as folder:
        env = child_env(Path(folder))
        # A copy: the app takes a lock file beside the map and exits without removing it.
        example = shutil.copy(EXAMPLES / EXAMPLE, Path(folder) / EXAMPLE)
        app_argv = [sys.executable, "-m", "journeymapper", str(example)]
        bare_argv = [sys.executable, "-c", BARE_WINDOW]
        model_argv = [sys.executable, "-c", MODEL_THEN_BARE_WINDOW]
        for i in range(repeat + 1):  # the first round warms the disk cache
            app_run = first_paint_ms(app_argv, env)
            bare_run = first_paint_ms(bare_argv, env)
            model_run = first_paint_ms(model_argv, env)
            if i:
                app_runs.append(app_run)
                bare_runs.append(bare_run)
                model_runs.append(model_run)
    size = len(json.loads((EXAMPLES / EXAMPLE).read_bytes())["touchpoints"])
    app, bare, model = medians(app_runs), medians(bare_runs), medians(model_runs)
    return [Result(f"cold start to first paint ({EXAMPLE})", size, app.wall_ms, bare.wall_ms,
                   goal_ratio=1.6, cpu_ms=app.cpu_ms),
            Result("cold start floor: bare QMainWindow", 0, bare.wall_ms,
                   cpu_ms=bare.cpu_ms),
            Result("bare QMainWindow after importing the model", 0, model.wall_ms,
                   bare.wall_ms, cpu_ms=model.cpu_ms)]
