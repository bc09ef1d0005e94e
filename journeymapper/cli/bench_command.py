"""The `bench` subcommand: what users feel, each result next to a floor measured alongside."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

DEFAULT_SIZES = "100,1000,10000"
LINK_SHAPES = ("journey", "random")  # bench.synthetic.LINK_SHAPES, without importing pydantic


def register(commands: Any) -> None:
    """Add the ``bench`` subcommand."""
    from journeymapper.bench.runner import MEASUREMENTS

    names = "; ".join(f"{m.name}: {m.help}" for m in MEASUREMENTS)
    p = commands.add_parser(
        "bench", help="measure start-up, opening, frames, drags, saving, PDF and analysis",
        description="Measure what users feel on synthetic maps of N touchpoints: medians of "
                    "repeated runs, each next to a floor measured in the same run (what the "
                    "libraries alone take) and checked against its goal. Measurements: "
                    f"{names}.")
    p.add_argument("--sizes", type=sizes, default=sizes(DEFAULT_SIZES), metavar="N,N,...",
                   help=f"touchpoints of the synthetic maps (default {DEFAULT_SIZES})")
    p.add_argument("--repeat", type=positive, default=5, metavar="N",
                   help="timed runs per measurement, after one warm-up (default 5)")
    p.add_argument("--only", type=measurement_names, default=(), metavar="NAME,...",
                   help="run only these measurements")
    p.add_argument("--links", choices=LINK_SHAPES, default="journey",
                   help="how the synthetic maps' links run: journey (on to the next stage, "
                        "the default) or random (to any of the next 20 touchpoints, mostly "
                        "in other lanes: at 10,000 touchpoints thousands of long links cross "
                        "every view)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=cmd_bench)


def sizes(text: str) -> tuple[int, ...]:
    """``100,1000`` -> (100, 1000); argparse error for anything else."""
    try:
        values = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        values = ()
    if not values or any(v < 1 or v > 50_000 for v in values):
        raise argparse.ArgumentTypeError(
            f"{text!r}: give sizes as whole numbers 1..50000 separated by commas")
    return values


def positive(text: str) -> int:
    """A whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of at least 1")
    return value


def measurement_names(text: str) -> tuple[str, ...]:
    """Names of measurements separated by commas, each one we know."""
    from journeymapper.bench.runner import NAMES

    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in NAMES]
    if not names or unknown:
        wrong = ", ".join(unknown) if unknown else repr(text)
        raise argparse.ArgumentTypeError(
            f"unknown measurement {wrong}; choose from {', '.join(NAMES)}")
    return names


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmark and print a table (or JSON)."""
    from journeymapper.bench.runner import machine, run, table

    def progress(text: str) -> None:
        print(f"measuring {text} ...", file=sys.stderr, flush=True)

    started = dt.datetime.now().astimezone()
    results = run(args.sizes, args.repeat, args.only, progress, args.links)
    info = {**machine(), "date": started.isoformat(timespec="seconds"),
            "repeat": args.repeat, "sizes": list(args.sizes), "links": args.links}
    if args.json:
        json.dump({"machine": info, "results": [r.to_json() for r in results]}, sys.stdout,
                  indent=2)
        sys.stdout.write("\n")
    else:
        load = info["load_average"]
        print(f"{info['cpus']} x {info['cpu']}; Python {info['python']}; {info['qt']}; "
              f"load average {load}; {info['date']}; medians of {args.repeat} runs; "
              f"{args.links} links")
        print(table(results))
    return 0
