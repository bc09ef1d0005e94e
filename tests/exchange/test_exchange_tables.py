"""CSV and XLSX export of touchpoints: columns, formula neutralisation, exact round trips."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.export import columns as export_columns
from journeymapper.export.table_csv import csv_bytes, export_csv
from journeymapper.export.table_xlsx import export_xlsx, xlsx_bytes
from journeymapper.importers import touchpoints as importer
from journeymapper.importers.tabular import read_table
from journeymapper.importers.touchpoints import apply_plan, plan_import
from journeymapper.io import dumps, load
from journeymapper.model import KPI, Criterion, Persona, Project, Stage, Touchpoint, new_project
from journeymapper.paths import EXAMPLES
from tests.strategies import projects

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-SUM(A1)", "@x", "\tTAB", "\rCR", "'=already quoted"]
WRITERS = {"csv": export_csv, "xlsx": export_xlsx}


def round_trip(project: Project, path: Path) -> Project:
    """Export to ``path`` (CSV or XLSX by suffix), import into the same project, apply."""
    WRITERS[path.suffix[1:]](project, path)
    plan = plan_import(project, read_table(path))
    assert not plan.errors, [str(e) for e in plan.errors]
    assert plan.ignored == []
    return apply_plan(project, plan)


def sheet_rows(data: bytes) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in book["Touchpoints"].iter_rows()]


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def formula_project() -> Project:
    """Touchpoints whose text cells all look like formulas to a spreadsheet."""
    project = new_project("Formulas")
    project.personas = [Persona(id="p1", name="@persona")]
    project.scoring.criteria.append(Criterion(id="evil", name="=HYPERLINK(\"x\")"))
    project.touchpoints = [
        Touchpoint(id=f"t{i}", name=text, description=text, owner=text.strip() or "x",
                   notes=text, stage_id="awareness", lane_id="touchpoints", emotion=-2,
                   persona_ids=["p1"], tags=[text.strip()], x=-5.5, y=14,
                   kpis=[KPI(name=text.strip(), target=-3.0, actual=None)])
        for i, text in enumerate(FORMULAS)
    ]
    return project


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_round_trips_without_a_change(path: Path, fmt: str,
                                                    tmp_path: Path) -> None:
    project = load(path)
    again = round_trip(project, tmp_path / f"table.{fmt}")
    assert dumps(again) == dumps(project)


def test_columns_are_stable_and_documented() -> None:
    project = load(EXAMPLES / "bakery.json")
    header = csv_rows(csv_bytes(project))[0]
    assert header == [
        "id", "name", "description", "stage", "lane", "channel", "personas", "Reach",
        "Influence on purchase", "Frequency", "Effect on loyalty", "performance", "emotion",
        "owner", "budget", "spent", "currency", "deadline", "status", "tags", "notes", "kpis",
        "x", "y"]
    assert sheet_rows(xlsx_bytes(project))[0] == header


def test_csv_is_utf8_with_bom_and_crlf_records() -> None:
    data = csv_bytes(load(EXAMPLES / "bakery.json"))
    assert data.startswith(b"\xef\xbb\xbfid,name,")
    assert data.count(b"\r\n") >= 13


def test_cells_of_one_touchpoint(tmp_path: Path) -> None:
    project = load(EXAMPLES / "bakery.json")
    rows = csv_rows(csv_bytes(project))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["stage"] == "Awareness" and record["lane"] == "Touchpoints"
    assert record["personas"] == "Sofia, the busy parent"
    assert record["budget"] == "1200.00" and record["currency"] == "EUR"
    assert record["deadline"] == "2026-06-30" and record["status"] == "live"
    assert record["tags"] == "social; content"
    assert record["kpis"] == ("Reel views per week|views|5000|3800|higher; "
                              "Profile visits to website|%|4|2.7|higher")
    book = sheet_rows(xlsx_bytes(project))
    cells = dict(zip(book[0], book[1], strict=True))
    assert cells["budget"] == 1200 and cells["Reach"] == 5
    assert cells["deadline"].date().isoformat() == "2026-06-30"


def test_formula_like_text_is_neutralised_in_csv() -> None:
    project = formula_project()
    data = csv_bytes(project)
    text = data.decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "''=already quoted" in text
    rows = csv_rows(data)
    header, body = rows[0], rows[1:]
    assert "'=HYPERLINK(\"x\")" in header
    assert [r[1] for r in body[:4]] == ["'=cmd|' /C calc'!A0", "'+1", "'-SUM(A1)", "'@x"]
    for record, tp in zip(body, project.touchpoints, strict=True):
        cells = dict(zip(header, record, strict=True))
        for column in ("description", "notes"):
            assert cells[column] == "'" + getattr(tp, column)
        assert cells["name"] == export_columns.neutralise(tp.name)
        assert cells["personas"] == "'@persona"
        kpi = export_columns.escape_item(tp.kpis[0].name, ";|")
        assert cells["kpis"] == export_columns.neutralise(f"{kpi}||-3||higher")
        # Numbers are numbers, never neutralised: -2 is not user text.
        assert cells["emotion"] == "-2"
        assert cells["x"] == "-5.5"
    # No text cell of the file starts with a character a spreadsheet would evaluate.
    for record in rows:
        for cell, column in zip(record, header, strict=True):
            if column not in ("emotion", "x"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


def test_formula_like_text_is_neutralised_in_xlsx() -> None:
    project = formula_project()
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(project)))
    sheet = book["Touchpoints"]
    header = [c.value for c in sheet[1]]
    assert "'=HYPERLINK(\"x\")" in header
    for row, tp in zip(sheet.iter_rows(min_row=2), project.touchpoints, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["description"].value == "'" + tp.description
        assert cells["description"].data_type == "s"
        assert cells["emotion"].value == -2 and cells["emotion"].data_type == "n"
        assert cells["x"].value == -5.5 and cells["x"].data_type == "n"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_text_comes_back_exactly(fmt: str, tmp_path: Path) -> None:
    project = formula_project()
    again = round_trip(project, tmp_path / f"formulas.{fmt}")
    assert [t.description for t in again.touchpoints] == FORMULAS
    assert dumps(again) == dumps(project)


def test_neutralise_and_restore_are_inverse() -> None:
    from journeymapper.importers.tabular import restore

    for text in ["=1", "'=1", "''=1", "'hello", "hello", "'", "", "-", "a=b", "\t", "'\r"]:
        assert restore(export_columns.neutralise(text)) == text
    assert export_columns.neutralise("'hello") == "'hello"
    assert restore("'hello") == "'hello"


UNICODE = ["Nhận diện thương hiệu", "Ευαισθητοποίηση", "Осведомлённость", "家族 👪"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_unicode_names_survive(fmt: str, tmp_path: Path) -> None:
    project = new_project(UNICODE[0])
    project.stages[0] = Stage(id="awareness", name=UNICODE[1])
    project.personas = [Persona(id="p", name=UNICODE[2])]
    project.scoring.criteria[0] = Criterion(id="reach", name=UNICODE[3])
    project.touchpoints = [
        Touchpoint(id=f"t{i}", name=text, description=text, owner=text, notes=text,
                   tags=[text], stage_id="awareness", lane_id="touchpoints",
                   persona_ids=["p"], scores={"reach": 3}, kpis=[KPI(name=text, unit=text)])
        for i, text in enumerate(UNICODE)
    ]
    path = tmp_path / f"unicode.{fmt}"
    again = round_trip(project, path)
    assert dumps(again) == dumps(project)
    table = read_table(path)
    assert UNICODE[3] in table.headers
    assert table.rows[0][table.headers.index("stage")] == UNICODE[1]
    assert table.rows[2][table.headers.index("personas")] == UNICODE[2]


def test_ambiguous_names_are_written_as_ids(tmp_path: Path) -> None:
    project = new_project()
    project.stages[1] = project.stages[1].model_copy(update={"name": "Awareness"})
    project.personas = [Persona(id="p1", name="Ana"), Persona(id="p2", name="ana"),
                        Persona(id="p3", name="p1"), Persona(id="p4", name="A; B\\C")]
    project.scoring.criteria[0] = Criterion(id="reach", name="Status")
    project.scoring.criteria[1] = Criterion(id="influence", name="frequency")
    project.touchpoints = [Touchpoint(id="t", name="x", stage_id="consideration",
                                      lane_id="touchpoints", persona_ids=["p1", "p3", "p4"],
                                      scores={"reach": 1, "influence": 2, "frequency": 3})]
    rows = csv_rows(csv_bytes(project))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["stage"] == "consideration"
    assert record["personas"] == "p1; p3; A\\; B\\\\C"
    assert "score: reach" in rows[0] and "score: influence" in rows[0]
    assert "score: frequency" in rows[0] and "Effect on loyalty" in rows[0]
    for fmt in WRITERS:
        assert dumps(round_trip(project, tmp_path / f"t.{fmt}")) == dumps(project)


def test_export_and_import_agree_on_reserved_headers() -> None:
    """The export package may not import the importers: the shared rules are checked here."""
    assert set(importer.ALIASES) == export_columns.RESERVED_HEADERS
    for text in ["Due_date", " Ærø  Ω-x ", "ǅ", "\uff21"]:
        assert export_columns.header_key(text) == importer.header_key(text)
        assert export_columns.name_key(text) == importer.name_key(text)


def test_writes_are_atomic_and_replace_the_old_file(tmp_path: Path) -> None:
    project = load(EXAMPLES / "bakery.json")
    out = tmp_path / "t.csv"
    out.write_text("old")
    export_csv(project, out)
    assert out.read_bytes() == csv_bytes(project)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


# -- property: any valid project survives both formats, however odd its text ---------------

ODD = st.sampled_from(["=1+1", "+", "-x", "@", "\t", "\r\n", "a;b", "a|b", "\\", "'", "''=",
                       "_x0041_", "_x005F_", "\x01", "\x1f", "\u2028", " lead", "trail ", "",
                       "\"q\"", ",", "\n", "ǅ", "🎂", "\ufeff"])
odd_text = st.lists(st.one_of(ODD, st.text(max_size=6)), max_size=5).map("".join)
odd_name = odd_text.map(str.strip).filter(bool).map(lambda s: s[:200])


@st.composite
def odd_projects(draw: st.DrawFn) -> Project:
    project = draw(projects(max_touchpoints=6))
    touchpoints = []
    for tp in project.touchpoints:
        touchpoints.append(tp.model_copy(update={
            "name": draw(odd_name), "description": draw(odd_text), "notes": draw(odd_text),
            "owner": draw(odd_text).strip()[:200],
            "tags": draw(st.lists(odd_name, max_size=3)),
            "kpis": [KPI(name=draw(odd_name), unit=draw(odd_text).strip()[:200],
                         target=draw(st.none() | st.floats(-1e9, 1e9)),
                         actual=draw(st.none() | st.floats(allow_nan=False,
                                                           allow_infinity=False)),
                         higher_is_better=draw(st.booleans()))
                     for _ in range(draw(st.integers(0, 2)))],
            "budget": draw(st.decimals(0, Decimal("9999999999999.99"), places=2)),
            "x": draw(st.floats(-100_000, 100_000)), "y": draw(st.sampled_from([0.0, -0.0, 0.1])),
            "emotion": draw(st.integers(-2, 2)),
        }))
    project.touchpoints = touchpoints
    return Project.model_validate(project.model_dump())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(odd_projects())
def test_any_project_round_trips_through_csv_and_xlsx(tmp_path_factory: pytest.TempPathFactory,
                                                      project: Project) -> None:
    folder = tmp_path_factory.mktemp("odd")
    for fmt in WRITERS:
        assert dumps(round_trip(project, folder / f"t.{fmt}")) == dumps(project), fmt


def test_kpi_cells_and_odd_characters_round_trip_exactly(tmp_path: Path) -> None:
    project = new_project()
    kpis = [KPI(name="Churn | monthly; net\\", unit="%|pts", target=None, actual=0.1 + 0.2,
                higher_is_better=False), KPI(name="CTR", target=5.0, actual=-1e-7)]
    text = "bell\x07 _x0041_ _x005F_ tab\tcr\r\nend "
    project.touchpoints = [Touchpoint(id="t", name="K", stage_id="awareness",
                                      lane_id="touchpoints", kpis=kpis, description=text,
                                      tags=["a;b", "c\\d"], y=-0.0)]
    record = dict(zip(*csv_rows(csv_bytes(project)), strict=True))
    assert record["kpis"] == ("Churn \\| monthly\\; net\\\\|%\\|pts||0.30000000000000004|lower; "
                              "CTR||5|-1e-07|higher")
    assert record["tags"] == "a\\;b; c\\\\d"
    book = sheet_rows(xlsx_bytes(project))
    cells = dict(zip(book[0], book[1], strict=True))
    assert cells["description"] == "bell_x0007_ _x005F_x0041_ _x005F_x005F_ tab\tcr\r\nend "
    for fmt in WRITERS:
        again = round_trip(project, tmp_path / f"k.{fmt}")
        assert dumps(again) == dumps(project)
        assert again.touchpoints[0].description == text
