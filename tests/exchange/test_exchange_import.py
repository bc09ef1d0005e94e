"""Importing touchpoints from tables: mapping, per-row errors, updates, placement, limits."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from journeymapper.importers.tabular import (
    MAX_ROWS,
    MAX_TABLE_BYTES,
    Table,
    TableError,
    read_table,
)
from journeymapper.importers.touchpoints import (
    ImportPlan,
    MappingError,
    apply_plan,
    auto_mapping,
    field_choices,
    plan_import,
)
from journeymapper.io import dumps, load
from journeymapper.layout import compute_layout
from journeymapper.model import KPI, Channel, Project, Status, new_project
from journeymapper.paths import EXAMPLES
from journeymapper.slots import free_slot

STAGES = "Awareness, Consideration, Purchase, Experience, Loyalty"


def bakery() -> Project:
    return load(EXAMPLES / "bakery.json")


def write(tmp_path: Path, text: str, name: str = "t.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def plan_text(project: Project, tmp_path: Path, text: str,
              mapping: dict[str, str | None] | None = None) -> ImportPlan:
    return plan_import(project, read_table(write(tmp_path, text)), mapping)


def by_row(plan: ImportPlan) -> dict[int, list[str]]:
    return {r.row_number: [str(e) for e in r.errors] for r in plan.rows}


def test_each_bad_row_is_reported_and_good_rows_are_still_planned(tmp_path: Path) -> None:
    project = bakery()
    before = dumps(project)
    plan = plan_text(project, tmp_path, "\n".join([
        "id,name,stage,budget,deadline,Reach,performance",
        ",Flyers at the school gate,awareness,100,2026-05-01,4,3",          # 2: new
        ",Radio spot,Purchasing,10,,,",                                    # 3
        ",Poster,Awareness,10,31/12/2026,,",                               # 4
        ",Billboard,Awareness,-5,,,",                                      # 5
        ",Blog,Awareness,,,high,",                                         # 6
        "",                                                                # 7: blank
        "tp-instagram-reels,,,1500,,,",                                    # 8: update
        ",Podcast,Awareness,,2026-02-30,,",                                # 9
        ",Newsletter,Awareness,,,,9",                                      # 10
        "tp-instagram-reels,Again,,,,,",                                   # 11
        ",,Awareness,1,,,",                                                # 12
        ",Leaflet,Nowhere,-1,,7,",                                         # 13: three errors
    ]))
    errors = by_row(plan)
    assert errors[2] == [] and errors[8] == []
    assert errors[3] == [f"row 3, stage: no stage named 'Purchasing' (stages: {STAGES})"]
    assert errors[4] == ["row 4, deadline: must be a date as YYYY-MM-DD, got '31/12/2026'"]
    assert errors[5] == ["row 5, budget: must be >= 0, got -5"]
    assert errors[6] == ["row 6, Reach: must be a whole number from 0 to 5, got 'high'"]
    assert 7 not in errors
    assert errors[9] == ["row 9, deadline: is not a real date, got '2026-02-30'"]
    assert errors[10] == ["row 10, performance: must be <= 5, got 9"]
    assert errors[11] == ["row 11, id: 'tp-instagram-reels' is also on row 8"]
    assert errors[12] == ["row 12, name: is required for a new touchpoint"]
    assert errors[13] == [
        f"row 13, stage: no stage named 'Nowhere' (stages: {STAGES})",
        "row 13, Reach: must be a whole number from 0 to 5, got '7'",
        "row 13, budget: must be >= 0, got -1"]
    assert plan.summary() == "1 new, 1 changed, 0 unchanged, 9 with errors"

    after = apply_plan(project, plan)
    assert dumps(project) == before, "planning and applying never change the project"
    assert len(after.touchpoints) == len(project.touchpoints) + 1
    new = after.touchpoints[-1]
    assert (new.name, new.stage_id, new.lane_id) == ("Flyers at the school gate", "awareness",
                                                     "touchpoints")
    assert new.budget == Decimal("100.00") and new.deadline == dt.date(2026, 5, 1)
    assert new.scores == {"reach": 4}
    reels, old = after.touchpoints[0], project.touchpoints[0]
    # Empty cells: name and stage stay, the deadline and the Reach score are cleared.
    assert (reels.budget, reels.deadline, "reach" in reels.scores) == (Decimal("1500.00"),
                                                                       None, False)
    assert reels.model_copy(update={"budget": old.budget, "deadline": old.deadline,
                                    "scores": old.scores}) == old


def test_updates_change_only_mapped_columns_and_empty_cells_clear_optional_fields(
        tmp_path: Path) -> None:
    project = bakery()
    old = project.touchpoints[0]
    plan = plan_text(project, tmp_path,
                     "id,description,owner,budget,deadline,tags,kpis,performance,Frequency\n"
                     "tp-instagram-reels,,,,,,,,\n")
    (result,) = plan.rows
    assert result.is_update and result.changed and not result.errors
    tp = result.touchpoint
    assert tp is not None
    assert (tp.description, tp.owner, tp.deadline, tp.tags, tp.kpis) == ("", "", None, [], [])
    assert "frequency" not in tp.scores and tp.scores["reach"] == old.scores["reach"]
    assert list(tp.scores) == [k for k in old.scores if k != "frequency"]
    assert (tp.budget, tp.performance, tp.name, tp.notes) == (old.budget, old.performance,
                                                              old.name, old.notes)


def test_unchanged_rows_keep_the_same_touchpoint(tmp_path: Path) -> None:
    project = bakery()
    plan = plan_text(project, tmp_path, "id,name,stage\ntp-instagram-reels,"
                     "Instagram reels: cake decorating,AWARENESS\n")
    assert plan.rows[0].touchpoint is project.touchpoints[0]
    assert not plan.has_changes
    assert plan.summary() == "0 new, 0 changed, 1 unchanged, 0 with errors"


def test_names_ids_labels_and_case(tmp_path: Path) -> None:
    project = bakery()
    plan = plan_text(project, tmp_path, "\n".join([
        "name,stage,lane,personas,channel,status,kpis",
        "A,consideration,CUSTOMER ACTIONS,sofia\u002c the busy parent; persona-office-manager;"
        " SOFIA\u002c THE BUSY PARENT,Social media,In progress,Conversion|%|5|4.2|higher; "
        "Churn|%|2||lower",
    ]).replace("sofia\u002c the busy parent", '"sofia, the busy parent').replace(
        " SOFIA\u002c THE BUSY PARENT", ' SOFIA, THE BUSY PARENT"'))
    assert not plan.errors, [str(e) for e in plan.errors]
    tp = plan.rows[0].touchpoint
    assert tp is not None
    assert (tp.stage_id, tp.lane_id) == ("consideration", "actions")
    assert tp.persona_ids == ["persona-busy-parent", "persona-office-manager"]
    assert (tp.channel, tp.status) == (Channel.SOCIAL, Status.IN_PROGRESS)
    assert tp.kpis == [KPI(name="Conversion", unit="%", target=5, actual=4.2),
                       KPI(name="Churn", unit="%", target=2, higher_is_better=False)]


def test_bad_values_of_every_kind(tmp_path: Path) -> None:
    project = bakery()
    plan = plan_text(project, tmp_path, "\n".join([
        "id,name,stage,channel,status,personas,kpis,emotion,currency,x,spent",
        "bad id!,A,Awareness,,,,,,,,",
        "awareness,B,Awareness,,,,,,,,",
        ",C,Awareness,fax,,,,,,,",
        ",D,Awareness,,done,,,,,,",
        ",E,Awareness,,,Bob,,,,,",
        ",F,Awareness,,,,CTR|%|abc,,,,",
        ",G,Awareness,,,,CTR|%|1|2|sideways,,,,",
        ",H,Awareness,,,,,-3,,,",
        ",I,Awareness,,,,,,usd,,",
        ",J,Awareness,,,,,,,left,",
        ",K,Awareness,,,,,,,,12.345",
    ]))
    assert [e for r in plan.rows for e in map(str, r.errors)] == [
        "row 2, id: must be 1 to 64 letters, digits, '.', '_' or '-' starting with a letter "
        "or digit, got 'bad id!'",
        "row 3, id: 'awareness' is already the id of something else in the project",
        "row 4, channel: must be one of website, search, social, email, chat, phone, store, "
        "event, advertising, reviews, referral, app, print, delivery, other, got 'fax'",
        "row 5, status: must be one of idea, planned, in_progress, live, retired, got 'done'",
        "row 6, personas: no persona named 'Bob' (personas: Sofia, the busy parent, Markus, "
        "the office manager)",
        "row 7, kpis: KPI 1 ('CTR'): the target must be a number, got 'abc'",
        "row 8, kpis: KPI 1 ('CTR'): the last part must be 'higher' or 'lower' (which is "
        "better), got 'sideways'",
        "row 9, emotion: must be >= -2, got -3",
        "row 10, currency: the project's amounts are in EUR, got 'usd' (amounts are not "
        "converted)",
        "row 11, x: must be a number, got 'left'",
        "row 12, spent: decimal input should have no more than 2 decimal places, got 12.345",
    ]


def test_a_new_row_may_choose_its_id(tmp_path: Path) -> None:
    project = bakery()
    plan = plan_text(project, tmp_path, "id,name,stage\ntp-new,New,Loyalty\n,Other,Loyalty\n")
    new = apply_plan(project, plan).touchpoints
    assert new[-2].id == "tp-new"
    assert new[-1].id.startswith("tp-") and new[-1].id not in set(project.all_ids())


def test_renamed_headers_with_an_explicit_mapping(tmp_path: Path) -> None:
    project = bakery()
    text = ("Touchpoint title,Phase,Cost,Due,Comment\n"
            "Flyer,Purchase,12.50,2026-09-01,ignored\n"
            "Sign,Purchase,-1,,\n")
    mapping: dict[str, str | None] = {"Touchpoint title": "name", "Phase": "stage",
                                      "Cost": "budget", "Due": "deadline", "Comment": None}
    plan = plan_text(project, tmp_path, text, mapping)
    assert plan.ignored == ["Comment"]
    tp = plan.rows[0].touchpoint
    assert tp is not None
    assert (tp.name, tp.stage_id, tp.budget, tp.deadline) == (
        "Flyer", "purchase", Decimal("12.50"), dt.date(2026, 9, 1))
    assert [str(e) for e in plan.errors] == [
        "row 3, budget (column 'Cost'): must be >= 0, got -1"]


def test_automatic_mapping_by_header_name() -> None:
    project = bakery()
    headers = ["Title", "STAGE", "Due date", "score: reach", "influence on purchase",
               "Effect_on_loyalty", "frequency", "Whatever", "name", "Touchpoint ID"]
    assert auto_mapping(project, headers) == {
        "Title": "name", "STAGE": "stage", "Due date": "deadline", "score: reach": "score:reach",
        "influence on purchase": "score:influence", "Effect_on_loyalty": "score:retention",
        "frequency": "score:frequency", "Whatever": None, "name": None, "Touchpoint ID": "id"}
    keys = [key for key, _ in field_choices(project)]
    assert keys[:7] == ["id", "name", "description", "stage", "lane", "channel", "personas"]
    assert "score:reach" in keys and keys[-2:] == ["x", "y"]


@pytest.mark.parametrize(("mapping", "message"), [
    ({"a": "nope"}, "column 'a': unknown field 'nope'"),
    ({"a": "name", "b": "name"}, "columns 'a' and 'b' are both mapped to name"),
    ({"a": "stage", "b": None}, "no column is mapped to name or id"),
    ({"zzz": "name"}, "no column 'zzz' in the table (columns: a, b)"),
])
def test_unusable_mappings_are_refused(mapping: dict[str, str | None], message: str) -> None:
    with pytest.raises(MappingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        plan_import(bakery(), Table(["a", "b"], [["x", "y"]]), mapping)


def test_new_touchpoints_go_to_free_slots(tmp_path: Path) -> None:
    project = bakery()
    plan = plan_text(project, tmp_path, "name,stage,x,y\nOne,Awareness,,\n"
                                        "Placed,Awareness,14,356\nTwo,Awareness,,\n"
                                        "Half,Purchase,,500\nThree,Purchase,,\n")
    after = apply_plan(project, plan)
    new = {t.name: t for t in after.touchpoints[len(project.touchpoints):]}
    assert (new["Placed"].x, new["Placed"].y) == (14, 356)
    assert (new["Half"].x, new["Half"].y) == (0, 500), "an empty coordinate is 0"
    expected = project.model_copy(deep=True)
    expected.touchpoints += [new["Placed"], new["Half"]]
    for name in ("One", "Two", "Three"):
        tp = new[name]
        assert (tp.x, tp.y) == free_slot(expected, tp.stage_id, tp.lane_id), name
        expected.touchpoints.append(tp)
    # Awareness holds cards at y 14, 128 and 242; "Placed" takes the next slot, 356.
    assert [new[n].y for n in ("One", "Two")] == [470, 584]
    cards = [r for i, r in compute_layout(after).cards.items() if i != new["Half"].id]
    assert not any(a.intersects(b) for i, a in enumerate(cards) for b in cards[i + 1:])


def test_a_full_cell_is_reported_not_overflowed() -> None:
    project = new_project()
    table = Table(["name", "stage"], [[f"Card {i}", "Awareness"] for i in range(900)])
    plan = plan_import(project, table)
    assert len(plan.new) == 878
    assert str(plan.failed[0].errors[0]) == (
        "row 880, position: no free place left in the cell Awareness / Touchpoints; give x "
        "and y, or put it in another stage or lane")
    assert len(apply_plan(project, plan).touchpoints) == 878


def test_a_stale_plan_is_refused() -> None:
    project = bakery()
    plan = plan_import(project, Table(["id", "budget"], [["tp-instagram-reels", "1"]]))
    project.touchpoints.pop(0)
    with pytest.raises(ValueError, match="plan the import again"):
        apply_plan(project, plan)


# -- reading files -------------------------------------------------------------------------


def test_semicolon_csv_from_a_european_excel(tmp_path: Path) -> None:
    path = write(tmp_path, "name;stage;budget\r\nKaffee, Kuchen;Awareness;12.5\r\n",
                 encoding="utf-8-sig")
    table = read_table(path)
    assert table.headers == ["name", "stage", "budget"]
    assert table.rows == [["Kaffee, Kuchen", "Awareness", "12.5"]]


def test_utf16_tab_separated_text(tmp_path: Path) -> None:
    greek = ("\u0395\u03c5\u03b1\u03b9\u03c3\u03b8\u03b7\u03c4\u03bf\u03c0\u03bf"
             "\u03af\u03b7\u03c3\u03b7")
    path = write(tmp_path, f"name\tstage\n{greek}\tAwareness\n", encoding="utf-16")
    assert read_table(path).rows == [[greek, "Awareness"]]


def test_blank_and_repeated_headers_and_row_numbers(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "name,,Name,x\n\na,b,c,d\n,,,\ne,f,g,h,\n"))
    assert table.headers == ["name", "(column B)", "Name (2)", "x"]
    assert table.row_numbers == [3, 5]
    assert table.rows[1] == ["e", "f", "g", "h"]


def test_workbooks_written_by_people(tmp_path: Path) -> None:
    """Date cells, float scores, formulas and a second sheet: what Excel users make."""
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Touchpoints")
    sheet.append(["Name", "Stage", "Deadline", "Reach", "Budget", "Notes"])
    sheet.append(["Flyer", "Awareness", dt.datetime(2026, 3, 4), 4.0, 12.5, "=1+1"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    plan = plan_import(bakery(), read_table(path))
    tp = plan.rows[0].touchpoint
    assert tp is not None, [str(e) for e in plan.errors]
    assert (tp.deadline, tp.scores, tp.budget) == (dt.date(2026, 3, 4), {"reach": 4},
                                                   Decimal("12.50"))
    assert tp.notes == "" or tp.notes == "=1+1"  # a formula never computed has no value


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty: no header row"),
    (b"\n\n,,\n", "is empty: no header row"),
    (b"name\n\xff\xfe\xfa\n", "is not UTF-8 text (byte 5)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel (.xls) or a password-protected workbook"),
    (b"PK\x03\x04broken", "is not a valid .xlsx workbook"),
])
def test_files_that_are_not_tables(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(TableError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_table(path)


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    path = tmp_path / "t.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TableError, match=r"^t\.xlsx: is not a readable \.xlsx workbook"):
        read_table(path)


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"nope\.csv: does not exist"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(TableError, match="is a folder"):
        read_table(tmp_path)


def test_files_over_20_mb_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_TABLE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(TableError, match=r"the file is 20\.0 MB; tables of at most 20 MB"):
        read_table(path)


def test_more_than_50000_rows_are_refused(tmp_path: Path) -> None:
    ok = write(tmp_path, "name\n" + "a\n" * MAX_ROWS, "ok.csv")
    assert len(read_table(ok).rows) == MAX_ROWS
    too_many = write(tmp_path, "name\n" + "a\n" * (MAX_ROWS + 1), "big.csv")
    with pytest.raises(TableError, match=r"big\.csv: has more than 50,000 rows"):
        read_table(too_many)


def test_too_many_columns_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "name\n" + "a," * 300 + "z\n")
    with pytest.raises(TableError, match="row 2 has more than 256 columns"):
        read_table(path)


def test_workbooks_that_unpack_too_big_are_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from journeymapper.export.table_xlsx import export_xlsx
    from journeymapper.importers import tabular

    path = tmp_path / "t.xlsx"
    export_xlsx(bakery(), path)
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(TableError, match=r"unpacks to \d+ MB; workbooks of at most 0 MB"):
        read_table(path)
