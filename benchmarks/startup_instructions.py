"""Count the instructions of a cold start (valgrind callgrind): ratios that machine noise does
not move, for the processes ``journeymapper bench --only cold-start`` times.

    python benchmarks/startup_instructions.py

Each process runs once under ``valgrind --tool=callgrind`` (about half a minute in all) after a
plain run that compiles its bytecode: the app opening the bakery example up to its first
painted map, a bare ``QMainWindow`` (the floor), the same after importing the model, and
Python importing pydantic and building one tiny model (what any pydantic app pays). Wall time
and instructions are not the same thing (the disk, the X server and cache misses are not
counted), but the same code gives the same count whatever else the machine is doing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from journeymapper.bench.startup import (
    BARE_WINDOW,
    ENV,
    EXAMPLE,
    MODEL_THEN_BARE_WINDOW,
    START_ENV,
    child_env,
)
from journeymapper.paths import EXAMPLES

TINY_PYDANTIC_MODEL = (
    "import os\n"
    "os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__')\n"
    "from pydantic import BaseModel\n"
    "class Tiny(BaseModel):\n"
    "    x: int = 0\n"
    "Tiny.model_validate({'x': 1})\n")


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions ``argv`` executes, as callgrind counts them (after one plain warm-up run)."""
    subprocess.run(argv, env=env, capture_output=True, timeout=120, check=False)
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *argv], env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind counted nothing for {argv[1:3]}: {done.stderr[-500:]}")
    return int(found.group(1))


def main() -> int:
    """Print the counts and their ratios to the bare window."""
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="journeymapper-instructions-") as folder:
        env = {**child_env(Path(folder)), ENV: "1", START_ENV: "0"}
        example = shutil.copy(EXAMPLES / EXAMPLE, Path(folder) / EXAMPLE)
        runs = {
            "python, nothing imported": [sys.executable, "-c", "pass"],
            "pydantic and one tiny model": [sys.executable, "-c", TINY_PYDANTIC_MODEL],
            "bare QMainWindow (the floor)": [sys.executable, "-c", BARE_WINDOW],
            "the model, then a bare QMainWindow": [sys.executable, "-c",
                                                   MODEL_THEN_BARE_WINDOW],
            f"the app on {EXAMPLE}": [sys.executable, "-m", "journeymapper", str(example)],
        }
        counts = {name: instructions(argv, env) for name, argv in runs.items()}
    floor = counts["bare QMainWindow (the floor)"]
    for name, count in counts.items():
        print(f"{name:40s} {count / 1e6:8,.0f} M  {count / floor:5.2f}x the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
