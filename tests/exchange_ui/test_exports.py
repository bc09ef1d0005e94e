"""File > Export: the PDF dialog and its child process, the table/calendar/diagram/deck files,
and the map as PNG and SVG pictures."""

from __future__ import annotations

import math
import re
import subprocess
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.cli.common import EXIT_CANCELLED
from journeymapper.document import Kind
from journeymapper.io import save
from journeymapper.ui.dialogs.export_files import file_stem
from journeymapper.ui.dialogs.file_formats import FORMATS, FileFormat
from journeymapper.ui.dialogs.map_image import PNG_SCALE

FORMAT = {f.name: f for f in FORMATS}


def pdf_page_size(path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return re.search(r"Page size:\s*(.*)", info.stdout).group(1)


def add_touchpoints(window, *names):
    doc = window.document
    stage, lane = doc.project.stages[0].id, doc.project.lanes[0].id
    return [doc.create(Kind.TOUCHPOINT, stage_id=stage, lane_id=lane, name=n, x=20 + 240 * i,
                       y=20) for i, n in enumerate(names)]


def test_pdf_dialog_writes_the_chosen_paper_and_reports_progress(examples, window, exchange, qtbot,
                                                                 tmp_path):
    assert window.open_path(examples / "bakery.json")
    dialog = exchange.export_pdf()
    assert dialog.path.text().endswith(f"{file_stem(window.document.project.title)}.pdf")
    dialog.page.setCurrentIndex(dialog.page.findData("A3"))
    dialog.persona.setCurrentIndex(1)
    dialog.sections["timeline"].setChecked(False)
    target = tmp_path / "out" / "bakery-a3.pdf"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    seen = []
    dialog.exported.connect(
        lambda _p: seen.append((dialog.progress.value(), dialog.progress.maximum())))
    with qtbot.waitSignal(exchange.exported, timeout=120_000) as signal:
        dialog.export_button.click()
        # The map stays editable while the child process draws the copy.
        assert not dialog.export_button.isEnabled()
        add_touchpoints(window, "Added during the export")
    assert signal.args == [str(target)]
    assert "(A3)" in pdf_page_size(target)
    done, total = seen[0]
    assert total >= len(dialog.chosen_sections()) and done == total
    assert exchange.notice.isVisible() and exchange.notice.path == target
    assert exchange.settings.last_folder() == str(target.parent)


def test_pdf_dialog_needs_a_section(exchange):
    dialog = exchange.export_pdf()
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    dialog.sections["map"].setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.reject()


def test_pdf_failure_is_shown_and_the_dialog_stays(exchange, qtbot, tmp_path, messages):
    dialog = exchange.export_pdf()
    dialog.sections["personas"].setChecked(False)
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=60_000)
    kind, title, text = messages[0]
    assert kind == "critical" and "PDF" in title and "missing-folder" in text
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    dialog.reject()


def test_cancelling_a_running_pdf_stops_it_and_writes_nothing(window, exchange, qtbot,
                                                              tmp_path):
    big = tmp_path / "big.json"
    save(synthetic_project(2000), big, backup=False)  # seconds of drawing
    assert window.open_path(big)
    dialog = exchange.export_pdf()
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.path.setText(str(folder / "cancelled.pdf"))
    dialog.export_button.click()
    job = dialog.job
    qtbot.waitUntil(lambda: job.last_progress is not None, timeout=60_000)  # drawing began
    assert job.running and dialog.isVisible()
    with qtbot.waitSignals([job.cancelled, dialog.rejected], timeout=30_000):
        dialog.reject()
    assert job.process.exitCode() == EXIT_CANCELLED
    assert list(folder.iterdir()) == []  # neither the PDF nor a temporary file


def python_job(code, **options):
    from journeymapper.ui.dialogs.process_job import ProcessJob

    return ProcessJob(["-c", code], **options)


def test_a_process_job_reports_progress_and_its_result(qtbot):
    job = python_job("import sys\n"
                     "data = sys.stdin.read()\n"
                     "print('progress 1 2', flush=True)\n"
                     "print('some other line')\n"
                     "print('progress 2 2 extra')\n"
                     "print('progress', len(data), len(data), end='')",
                     stdin=b"12345", result="the.pdf")
    steps = []
    job.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(job.succeeded, timeout=30_000) as done:
        job.start()
    assert done.args == ["the.pdf"]
    assert steps == [(1, 2), (5, 5)]  # the unfinished last line too
    qtbot.waitUntil(lambda: not job.running)


def test_a_process_job_fails_with_what_the_child_said(qtbot):
    job = python_job("import sys; print('out.pdf: cannot be written', file=sys.stderr); "
                     "sys.exit(1)")
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert failed.args == ["out.pdf: cannot be written"]
    job = python_job("import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert failed.args == ["The export process crashed."]
    job = python_job("raise SystemExit(4)")
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert failed.args == ["The export stopped unexpectedly (exit code 4)."]


def test_a_process_job_that_cannot_start_says_so(qtbot, tmp_path):
    from journeymapper.ui.dialogs.process_job import ProcessJob

    job = ProcessJob([], program=str(tmp_path / "no-python"))
    said = []
    job.failed.connect(said.append)
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.start()
    assert len(said) == 1 and said[0].startswith(f"Cannot start {tmp_path / 'no-python'}: ")
    assert not job.running


@pytest.mark.parametrize("name", ["csv", "xlsx", "ics", "mermaid", "pptx"])
def test_file_exports_run_in_a_child_process_on_the_map_as_it_was(examples, window, exchange, qtbot,
                                                                   tmp_path, name):
    assert window.open_path(examples / "bakery.json")
    target = tmp_path / f"bakery.{FORMAT[name].extension}"
    with qtbot.waitSignal(exchange.exported, timeout=60_000):
        job = exchange.export_file(FORMAT[name], str(target))
        assert exchange.busy.isVisible()
        assert job.process.processId() > 0  # the child is running
        # The map stays editable; the child writes the map as it was when asked.
        add_touchpoints(window, "Added during the export")
    data = target.read_bytes()
    first = window.document.project.touchpoints[0].name.encode()
    if name == "csv":
        assert data.startswith(b"\xef\xbb\xbf") and first in data
        assert b"Added during the export" not in data
    elif name in ("xlsx", "pptx"):
        assert data.startswith(b"PK")
    elif name == "ics":
        assert data.startswith(b"BEGIN:VCALENDAR")
    else:
        stage = window.document.project.stages[0].name.encode()
        assert data.startswith(b"journey") and b"section " + stage in data
        assert b"Added during the export" not in data
    qtbot.waitUntil(lambda: not exchange.busy.isVisible())


def test_a_file_export_can_be_cancelled_from_the_status_bar(window, exchange, qtbot,
                                                            tmp_path):
    big = tmp_path / "big.json"
    save(synthetic_project(1000), big, backup=False)  # seconds of slides
    assert window.open_path(big)
    folder = tmp_path / "out"
    folder.mkdir()
    job = exchange.export_file(FORMAT["pptx"], str(folder / "deck.pptx"))
    assert exchange.busy_cancel.isVisible()
    with qtbot.waitSignals([job.cancelled, job.finished], timeout=30_000):
        exchange.busy_cancel.click()
    assert list(folder.iterdir()) == []  # neither the deck nor a temporary file
    assert "deck.pptx was not written" in window.statusBar().currentMessage()
    assert not exchange.busy_cancel.isVisible()


def test_file_export_asks_where_and_remembers_the_folder(window, exchange, qtbot, tmp_path,
                                                         monkeypatch, make_window):
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def save_name(parent, caption, suggestion, file_filter):
        asked.append(suggestion)
        return str(tmp_path / "chosen"), file_filter
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    with qtbot.waitSignal(exchange.exported, timeout=60_000) as signal:
        exchange.actions["export-csv"].trigger()
    assert signal.args == [str(tmp_path / "chosen.csv")]
    assert asked[0].endswith(f"{file_stem(window.document.project.title)}.csv")
    exchange.settings._store.sync()
    other = make_window()
    assert other.exchange._suggestion("csv").startswith(str(tmp_path))


def test_failed_export_shows_the_reason(exchange, qtbot, tmp_path, messages):
    target = tmp_path / "no-such-folder" / "x.csv"
    with qtbot.waitSignal(exchange.export_failed, timeout=60_000):
        exchange.export_file(FORMAT["csv"], str(target))
    assert messages and messages[0][0] == "critical" and "no-such-folder" in messages[0][2]
    assert not exchange.notice.isVisible()


def test_png_is_the_scene_at_twice_its_size(window, exchange, tmp_path):
    ids = add_touchpoints(window, "Flyer", "Web shop")
    target = tmp_path / "map.png"
    assert exchange.export_image("png", str(target))
    rect = window.scene.sceneRect()
    image = QImage(str(target))
    assert (image.width(), image.height()) == (math.ceil(rect.width() * PNG_SCALE),
                                               math.ceil(rect.height() * PNG_SCALE))
    # Drawn from a scene of its own: the user's selection does not show in the picture.
    window.selection.set_items([(Kind.TOUCHPOINT, i) for i in ids])
    assert exchange.export_image("png", str(tmp_path / "selected.png"))
    assert QImage(str(tmp_path / "selected.png")) == image


def test_svg_keeps_the_names_as_text(window, exchange, tmp_path):
    add_touchpoints(window, "Flyer", "Web shop", "Café & co")
    target = tmp_path / "map.svg"
    assert exchange.export_image("svg", str(target))
    svg = target.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml")
    assert "<image" not in svg  # vectors and text, not bitmaps of cached items
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"Flyer", "Web shop", "Café &amp; co"} <= set(texts)
    for stage in window.document.project.stages:
        assert stage.name in texts


def test_notice_opens_the_file_or_its_folder(exchange, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(
        lambda url: opened.append(QUrl(url).toLocalFile()) or True))
    target = tmp_path / "map.png"
    assert exchange.export_image("png", str(target))
    assert "Open PNG" in exchange.notice.text()
    exchange.notice.linkActivated.emit("file")
    exchange.notice.linkActivated.emit("folder")
    assert opened == [str(target), str(tmp_path)]


def test_menus_hold_every_exchange_command(window):
    from journeymapper.ui.dialogs.help import plain

    def texts(menu):
        return [plain(a.text()) for a in menu.actions() if not a.isSeparator()]
    menus = window.menus
    # Other features add their own entries after ours.
    assert texts(menus.export_menu)[:8] == ["PDF", "CSV", "Excel", "Calendar (.ics)",
                                            "Mermaid", "PowerPoint", "Image (PNG)",
                                            "Image (SVG)"]
    assert texts(menus.import_menu)[:2] == ["Touchpoints from CSV/Excel", "Map from Mermaid"]
    file_texts = texts(menus.file)
    assert file_texts.index("New from Template") == file_texts.index("New") + 1
    assert "Save as Template" in file_texts
    assert {"Analyze Journey", "Project Settings"} <= set(texts(menus.tools))
    assert {"Keyboard Shortcuts", "About Journeymapper"} <= set(texts(menus.help))


@dataclass(frozen=True)
class ChildFormat(FileFormat):
    """A format whose child runs ``code`` (OUT: the output path) after reading the map."""

    code: str = ""

    def arguments(self, output: str, persona: str | None) -> list[str]:
        return ["-c", "import pathlib, sys, time\nOUT = pathlib.Path(sys.argv[1])\n"
                      "sys.stdin.buffer.read()\n" + self.code, output]


def child_format(code: str) -> ChildFormat:
    return ChildFormat("csv", "&CSV", "CSV", "csv", "CSV files (*.csv)", code=code)


@pytest.mark.parametrize("answer", ["stay", "stop"])
def test_closing_with_an_export_running_asks_first(window, exchange, qtbot, tmp_path,
                                                   monkeypatch, answer):
    from journeymapper.app import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask_running_exports",
                        lambda parent, names: asked.append(names) or dialogs.Leaving(answer))
    job = exchange.export_file(child_format("time.sleep(60)"), str(tmp_path / "slow.csv"))
    if answer == "stay":
        window.close()
        assert asked == [["slow.csv"]]
        assert window.isVisible() and job.running
        with qtbot.waitSignal(job.cancelled, timeout=30_000):
            exchange.cancel_exports()
        return
    with qtbot.waitSignal(job.cancelled, timeout=30_000):  # not a minute later
        window.close()
    assert asked == [["slow.csv"]] and not window.isVisible()


def test_the_window_can_close_once_its_exports_are_done(window, exchange, qtbot, tmp_path,
                                                        monkeypatch):
    from journeymapper.app import dialogs

    monkeypatch.setattr(dialogs, "ask_running_exports",
                        lambda parent, names: dialogs.Leaving.WAIT)
    out = tmp_path / "soon.csv"
    job = exchange.export_file(child_format("time.sleep(1)\nOUT.write_text('a,b')"), str(out))
    window.close()
    assert window.isVisible() and job.running  # the user can still work meanwhile
    assert "the window closes when done" in exchange.busy_label.text()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert out.read_text() == "a,b"


@pytest.mark.parametrize(("button", "answer"), [
    ("Close When Done", "wait"), ("Stop Exports", "stop"), ("Cancel", "stay")])
def test_the_question_names_the_exports_and_each_answer(window, qtbot, button, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from journeymapper.app import dialogs

    seen = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not shown yet: look again
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
    QTimer.singleShot(100, click)
    assert dialogs.ask_running_exports(window, ["a.csv", "b.pptx"]) is dialogs.Leaving(answer)
    assert seen == ["\u201ca.csv\u201d, \u201cb.pptx\u201d are still being written."]


def answering(monkeypatch, *answers: str) -> list[list[str]]:
    """The exports question answers these in turn; returns what it was asked."""
    from journeymapper.app import dialogs

    asked: list[list[str]] = []
    left = list(answers)
    monkeypatch.setattr(dialogs, "ask_running_exports",
                        lambda parent, names: asked.append(names) or dialogs.Leaving(left.pop(0)))
    return asked


def test_close_when_done_can_be_taken_back(window, exchange, qtbot, tmp_path, monkeypatch):
    answering(monkeypatch, "wait", "stay")
    out = tmp_path / "soon.csv"
    job = exchange.export_file(child_format("time.sleep(1)\nOUT.write_text('a')"), str(out))
    window.close()
    window.close()  # ... and Cancel, this time
    assert "closes when done" not in exchange.busy_label.text()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    qtbot.wait(50)
    assert window.isVisible() and out.read_text() == "a"


def test_stop_waits_for_the_unsaved_changes_question(window, exchange, qtbot, tmp_path,
                                                      monkeypatch):
    from journeymapper.app import dialogs

    answering(monkeypatch, "stop")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *args: dialogs.Answer.CANCEL)
    window.document.edit("project", "", title="Changed")
    job = exchange.export_file(child_format("time.sleep(60)"), str(tmp_path / "slow.csv"))
    window.close()  # Stop Export, then Cancel at "Save the changes?"
    assert window.isVisible() and job.running  # the window and the export both stay
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        exchange.cancel_exports()


@pytest.mark.parametrize("how", ["cancelled", "failed"])
def test_an_export_that_does_not_finish_keeps_the_window(window, exchange, qtbot, tmp_path,
                                                         monkeypatch, messages, how):
    answering(monkeypatch, "wait")
    code = "time.sleep(60)" if how == "cancelled" else "sys.exit('cannot write there')"
    job = exchange.export_file(child_format(code), str(tmp_path / "x.csv"))
    window.close()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        if how == "cancelled":
            exchange.busy_cancel.click()  # the user changed their mind
    qtbot.wait(50)
    assert window.isVisible()
    if how == "failed":
        assert messages and "cannot write there" in messages[0][2]


def test_the_closing_note_stays_with_another_export(window, exchange, qtbot, tmp_path,
                                                    monkeypatch):
    answering(monkeypatch, "wait")
    first = exchange.export_file(child_format("time.sleep(60)"), str(tmp_path / "a.csv"))
    window.close()
    exchange.export_file(child_format("time.sleep(60)"), str(tmp_path / "b.csv"))
    assert exchange.busy_label.text() == "Exporting a.csv, b.csv\u2026 the window closes when done"
    with qtbot.waitSignal(first.cancelled, timeout=30_000):
        first.cancel()
    assert exchange.busy_label.text() == "Exporting b.csv\u2026"  # stopped: the window stays
    exchange.cancel_exports()
    qtbot.waitUntil(lambda: not exchange.jobs, timeout=30_000)
