"""What the PDF holds, read back with poppler: text, fonts, pages, metadata, outline, links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeymapper.export import SECTIONS, ExportOptionError, export_pdf
from journeymapper.export.options import PAGE_SIZES
from journeymapper.export.pdf import fonts as fonts_module
from journeymapper.model import Project, new_project
from tests.export.pdf_tools import (
    TODAY,
    add_touchpoints,
    bakery,
    fonts,
    page_sizes,
    pdf_info,
    pdf_text,
    poppler,
)


def export(project: Project, tmp_path: Path, name: str = "out.pdf", **options: object) -> Path:
    out = tmp_path / name
    export_pdf(project, out, today=TODAY, **options)  # type: ignore[arg-type]
    return out


def test_every_touchpoint_owner_and_stage_is_in_the_text(bakery_project: Project,
                                                         tmp_path: Path) -> None:
    text = pdf_text(export(bakery_project, tmp_path))
    for tp in bakery_project.touchpoints:
        assert tp.name in text
        if tp.owner:
            assert tp.owner in text
    for stage in bakery_project.stages:
        assert stage.name in text
    for persona in bakery_project.personas:
        assert persona.name in text


def test_markup_in_user_text_prints_literally(tmp_path: Path) -> None:
    project = bakery(3)
    project.touchpoints[0].name = "<b>x</b> & <font>"
    project.touchpoints[0].owner = "R&D <team>"
    project.personas[0].quote = "<i>not italic</i> & <br/> fine"
    project.personas[0].goals = ["<a href='x'>link</a>"]
    text = pdf_text(export(project, tmp_path))
    assert "<b>x</b> & <font>" in text
    assert "R&D <team>" in text
    assert "<i>not italic</i> & <br/> fine" in text
    assert "<a href='x'>link</a>" in text


@pytest.mark.parametrize("name", [
    "Đặt bánh mì qua ứng dụng",          # Vietnamese
    "Ελληνικός καφές στο κατάστημα",     # Greek
    "Отзывы на Яндекс Картах",           # Cyrillic
])
def test_non_latin_names_round_trip(name: str, tmp_path: Path) -> None:
    project = bakery(4)
    project.touchpoints[1].name = name
    project.touchpoints[1].owner = "Nguyễn Thị Hồng"
    project.stages[0].name = "Nhận biết"
    text = pdf_text(export(project, tmp_path))
    assert name in text
    assert "Nguyễn Thị Hồng" in text
    assert "Nhận biết" in text


def test_all_fonts_are_embedded_dejavu(bakery_project: Project, tmp_path: Path) -> None:
    rows = fonts(export(bakery_project, tmp_path))
    assert rows, "no fonts listed"
    for row in rows:
        assert row["emb"] == "yes", row
        assert "DejaVuSans" in row["name"], row  # no unembedded Helvetica anywhere
        assert row["uni"] == "yes", row  # a ToUnicode map: text copies and searches


@pytest.mark.parametrize("page", list(PAGE_SIZES))
def test_every_page_is_the_chosen_paper_in_landscape(page: str, bakery_project: Project,
                                                     tmp_path: Path) -> None:
    out = export(bakery_project, tmp_path, page=page)
    w, h = PAGE_SIZES[page]
    sizes = page_sizes(out)
    assert len(sizes) == int(pdf_info(out)["Pages"]) >= len(SECTIONS)
    for width, height in sizes:
        assert width == pytest.approx(max(w, h), abs=0.5)
        assert height == pytest.approx(min(w, h), abs=0.5)


def test_page_size_name_is_case_insensitive(bakery_project: Project, tmp_path: Path) -> None:
    out = export(bakery_project, tmp_path, page="letter", sections="register")
    assert page_sizes(out)[0] == (792.0, 612.0)


def test_metadata(bakery_project: Project, tmp_path: Path) -> None:
    info = pdf_info(export(bakery_project, tmp_path))
    assert info["Title"] == "Corner bakery journey"
    assert info["Author"] == "Corner Bakery"
    assert "journey map" in info["Subject"].lower()
    bakery_project.business.name = ""
    assert pdf_info(export(bakery_project, tmp_path, "b.pdf"))["Author"] == "Journeymapper"


def test_outline_has_an_entry_per_section(bakery_project: Project, tmp_path: Path) -> None:
    data = export(bakery_project, tmp_path).read_bytes()
    assert b"/Outlines" in data
    for title in ("Journey map", "Personas", "Touchpoint register", "Budget",
                  "Importance-performance matrix", "Deadline timeline"):
        assert f"/Title ({title})".encode() in data, title


def _page_objects(data: bytes) -> list[int]:
    """Object numbers of the pages, in page order (from the page tree's /Kids)."""
    kids = re.search(rb"/Kids \[([^\]]*)\]", data)
    assert kids is not None
    return [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]


def test_map_cards_link_to_their_register_rows(bakery_project: Project, tmp_path: Path) -> None:
    out = export(bakery_project, tmp_path)
    data = out.read_bytes()
    pages = _page_objects(data)
    targets = [int(n) for n in re.findall(rb"/Dest \[ (\d+) 0 R /XYZ", data)]
    links = data.count(b"/Subtype /Link")
    assert links >= len(bakery_project.touchpoints)  # a card on two overlapping tiles links twice
    register_pages = {i + 1 for i, obj in enumerate(pages) if obj in targets}
    assert register_pages
    for number in register_pages:
        page_text = poppler("pdftotext", "-f", str(number), "-l", str(number), out, "-")
        assert "Touchpoint register" in page_text


def test_without_the_register_cards_have_no_links(bakery_project: Project, tmp_path: Path) -> None:
    data = export(bakery_project, tmp_path, sections="map").read_bytes()
    assert b"/Subtype /Link" not in data


def test_sections_limit_what_prints(bakery_project: Project, tmp_path: Path) -> None:
    out = export(bakery_project, tmp_path, sections=("register", "budget"))
    text = pdf_text(out)
    assert "Touchpoint register" in text
    assert "By channel" in text
    assert "Importance-performance matrix" not in text
    assert "Deadline timeline" not in text
    assert "Overview" not in text and "Map, part" not in text
    assert int(pdf_info(out)["Pages"]) < int(pdf_info(export(bakery_project, tmp_path, "all.pdf"))
                                             ["Pages"])


def test_sections_print_in_standard_order_whatever_the_request(bakery_project: Project,
                                                               tmp_path: Path) -> None:
    text = pdf_text(export(bakery_project, tmp_path, sections="timeline,personas"))
    assert text.index("Personas") < text.index("Deadline timeline")


def test_persona_highlight_is_named_on_the_map(bakery_project: Project, tmp_path: Path) -> None:
    text = pdf_text(export(bakery_project, tmp_path, persona="commuter carla", sections="map"))
    assert "highlighting persona Commuter Carla" in text
    text = pdf_text(export(bakery_project, tmp_path, "id.pdf", persona="p-family", sections="map"))
    assert "highlighting persona Family Fred" in text


@pytest.mark.parametrize(("option", "value", "words"), [
    ("persona", "Nobody", "unknown persona 'Nobody'"),
    ("sections", "map,charts", "unknown section 'charts'"),
    ("sections", "", "no section chosen"),
    ("page", "B5", "unknown page size 'B5'"),
])
def test_bad_options_are_refused_before_anything_is_written(
        bakery_project: Project, tmp_path: Path, option: str, value: str, words: str) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ExportOptionError, match=re.escape(words)):
        export_pdf(bakery_project, out, **{option: value})  # type: ignore[arg-type]
    assert out.read_bytes() == b"old"


def test_an_existing_pdf_is_replaced_atomically(bakery_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    out.write_bytes(b"old")
    export_pdf(bakery_project, out, today=TODAY)
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]  # no temp, no backup


def test_progress_counts_up_to_the_total(bakery_project: Project, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_pdf(bakery_project, tmp_path / "p.pdf", today=TODAY,
               progress=lambda done, total: calls.append((done, total)))
    totals = {total for _, total in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert done[0] == 0 and calls[-1] == (totals.pop(),) * 2


def test_an_empty_project_exports_every_section(tmp_path: Path) -> None:
    out = export(new_project("Nothing yet"), tmp_path)
    text = pdf_text(out)
    assert "Nothing yet" in text
    assert "This map has no personas yet." in text
    assert "No touchpoint has a deadline yet." in text


def test_overdue_deadlines_are_marked(tmp_path: Path) -> None:
    project = bakery(8)
    late = [tp for tp in project.touchpoints if tp.is_overdue(TODAY)]
    assert late
    text = pdf_text(export(project, tmp_path))
    assert f"Overdue as of {TODAY.isoformat()} ({len(late)})" in text
    for tp in late:
        assert f"\u26a0 {tp.deadline.isoformat()}" in text  # the card's mark


def test_money_uses_the_project_currency(tmp_path: Path) -> None:
    project = bakery(5)
    project.business.currency = "VND"
    text = " ".join(pdf_text(export(project, tmp_path, sections="budget,register")).split())
    assert "Budget (VND)" in text
    total = sum(tp.budget for tp in project.touchpoints)
    assert f"{total:,.2f}" in text


def test_long_names_never_leave_their_card(tmp_path: Path) -> None:
    """The whole name is in the register (a long word broken over lines); on the map it is
    wrapped and elided."""
    project = new_project("Long names")
    add_touchpoints(project, 3, names=lambda i: "Averyveryverylongwordwithoutspaces" * 3
                    + f" and then words {i}" * 4)
    text = pdf_text(export(project, tmp_path))
    for tp in project.touchpoints:
        assert "".join(tp.name.split()) in "".join(text.split())
    assert "…" in text  # elided on the cards


def test_the_fonts_and_their_licence_are_bundled() -> None:
    for name in (fonts_module.FONT, fonts_module.FONT_BOLD):
        assert fonts_module.font_path(name).stat().st_size > 100_000
    licence = (fonts_module.FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence


def test_a_missing_font_says_where_it_was_expected(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(fonts_module, "FONT_DIR", tmp_path)
    with pytest.raises(fonts_module.FontMissingError, match=re.escape("DejaVuSans.ttf")):
        fonts_module.font_path(fonts_module.FONT)
