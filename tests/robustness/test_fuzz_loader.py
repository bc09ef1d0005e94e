"""Fuzzing the loader: every mutated file is a valid Project or a ProjectFileError, nothing else.

Mutations work on the bytes (flip, cut, insert, repeat) and on the parsed JSON (replace any
value by any JSON value, drop or add keys, duplicate list items, point references elsewhere,
change the schema version). Seeds are a sample map and the bundled examples. Deterministic
(``derandomize=True``, no example database) so CI is stable.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.io import ProjectFileError, dumps, parse
from journeymapper.model import Project
from journeymapper.paths import EXAMPLES

from .helpers import sample_project

MAX_SEED_BYTES = 300_000


def _version_0(raw: bytes) -> bytes:
    """The same map as a pre-release draft wrote it (exercises the migrations)."""
    data = json.loads(raw)
    del data["schema_version"], data["scoring"]
    for tp in data["touchpoints"]:
        tp["stage"], tp["lane"] = tp.pop("stage_id"), tp.pop("lane_id")
        tp.pop("scores")
    return json.dumps(data).encode()


def _seeds() -> list[bytes]:
    seeds = [dumps(sample_project(touchpoints=6))]
    seeds.append(_version_0(seeds[0]))
    for path in sorted(EXAMPLES.glob("*.json")) if EXAMPLES.is_dir() else []:
        raw = path.read_bytes()
        if len(raw) > MAX_SEED_BYTES:
            continue
        try:
            parse(raw, path)
        except ProjectFileError:
            continue  # an example being written right now; not a seed
        seeds.append(raw)
    return seeds


SEEDS = _seeds()
PARSED = [json.loads(s) for s in SEEDS]


def _collect_keys(value: Any, out: set[str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            _collect_keys(v, out)
    elif isinstance(value, list):
        for v in value:
            _collect_keys(v, out)


def _collect_strings(value: Any, out: set[str]) -> None:
    if isinstance(value, dict):
        for v in value.values():
            _collect_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _collect_strings(v, out)
    elif isinstance(value, str) and len(value) <= 64:
        out.add(value)


KEYS: list[str] = []
STRINGS: list[str] = []
for _doc in PARSED:
    _k: set[str] = set()
    _s: set[str] = set()
    _collect_keys(_doc, _k)
    _collect_strings(_doc, _s)
    KEYS += sorted(_k - set(KEYS))
    STRINGS += sorted(_s - set(STRINGS))

TOP_KEYS = sorted({k for d in PARSED if isinstance(d, dict) for k in d})

# 900 + 900 + 200 examples keep the file near 25 s of CPU; set JOURNEYMAPPER_FUZZ_EXAMPLES for
# a deeper local run (e.g. 20000).
EXAMPLES_PER_TEST = int(os.environ.get("JOURNEYMAPPER_FUZZ_EXAMPLES", "900"))
SETTINGS = settings(max_examples=EXAMPLES_PER_TEST, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20)
           | st.sampled_from(STRINGS) | st.sampled_from(["", " ", "-1", "1e3", "2024-02-30",
                                                        "#zzzzzz", "EUR", "eur", "\x00", "\ud7ff"]))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _check(raw: bytes) -> None:
    try:
        project = parse(raw, "fuzz.json")
    except ProjectFileError as exc:
        assert str(exc).startswith("fuzz.json: ")
        assert exc.problems
        return
    assert isinstance(project, Project)
    # Whatever is accepted saves and loads back identically.
    again = dumps(project)
    assert parse(again) == project
    assert dumps(parse(again)) == again


def _walk(draw: st.DrawFn, doc: Any) -> tuple[Any, Any] | None:
    """A random (parent, key) inside the document, reached by a random walk from the top."""
    parent, key, node = None, None, doc
    while isinstance(node, dict | list) and node and draw(st.integers(0, 3)) > 0:
        key = draw(st.sampled_from(sorted(node))) if isinstance(node, dict) \
            else draw(st.integers(0, len(node) - 1))
        parent, node = node, node[key]
    return None if parent is None else (parent, key)


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    doc = json.loads(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["replace", "delete", "add", "duplicate", "reference",
                                   "schema", "empty", "wrap", "top"]))
        if op == "schema" and isinstance(doc, dict):
            doc["schema_version"] = draw(st.sampled_from([0, 0, 0, 1, 2, -1, "1", 1.0, None]))
            continue
        if op == "top" and isinstance(doc, dict):
            doc[draw(st.sampled_from(TOP_KEYS))] = draw(json_values)
            continue
        where = _walk(draw, doc)
        if where is None:
            if op == "replace" and draw(st.integers(0, 20)) == 0:
                doc = draw(json_values)
            continue
        parent, key = where
        if op == "replace":
            parent[key] = draw(json_values)
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS) | st.text(max_size=8))] = draw(json_values)
        elif op == "add" and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), draw(json_values))
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif op == "duplicate" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = copy.deepcopy(parent[key])
        elif op == "reference":
            parent[key] = draw(st.sampled_from(STRINGS))
        elif op == "empty":
            parent[key] = type(parent[key])() if isinstance(parent[key], list | dict | str) \
                else None
        elif op == "wrap":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"value": parent[key]}
    indent = draw(st.sampled_from([None, 2]))
    return json.dumps(doc, indent=indent, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 5))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "repeat", "byte",
                                   "token"]))
        if op == "flip":
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del raw[at:]
        elif op == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del raw[at:at + draw(st.integers(1, 64))]
        elif op == "repeat":
            chunk = raw[at:at + draw(st.integers(1, 200))]
            raw[at:at] = chunk * draw(st.integers(1, 50))
        elif op == "byte":
            raw[at] = draw(st.sampled_from(b'{}[]",:0-e.\\ \x00\xff\xc3'))
        elif op == "token":
            raw[at:at] = draw(st.sampled_from([b"NaN", b"-Infinity", b"1e999", b"null",
                                               b"[" * 2000, b"9" * 5000, b'"\\ud800"',
                                               b"\xef\xbb\xbf", b"true", b"{}"]))
    return bytes(raw)


@SETTINGS
@given(mutated_documents())
def test_structurally_mutated_files(raw: bytes) -> None:
    _check(raw)


@SETTINGS
@given(mutated_bytes())
def test_byte_mutated_files(raw: bytes) -> None:
    _check(raw)


@settings(SETTINGS, max_examples=max(1, EXAMPLES_PER_TEST // 4))
@given(json_values)
def test_arbitrary_json(value: Any) -> None:
    _check(json.dumps(value).encode())


def test_seeds_are_valid_projects() -> None:
    assert len(SEEDS) >= 2
    for raw in SEEDS:
        assert isinstance(parse(raw), Project)
