"""The analysis dock: what the journey analysis found and what to do first.

Tabs: the findings grouped by category (most severe first), the funnel (share of customers
reaching each stage), the most likely path of each persona, coverage gaps (personas x stages)
and the ranked action list with budgets. Clicking a row selects the touchpoints (or stage) it
is about, and the canvas follows.

The analysis runs once per burst of changes (debounced) and only while the dock is visible; a
hidden dock just remembers that it is stale. A big map is analysed in a child process (see
``analyser``) while the window goes on; the child ends when the dock is hidden. This module
is imported when the dock is first shown, so networkx, behind ``journeymapper.analysis``,
never loads at start-up.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from journeymapper.analysis import Category, Severity
from journeymapper.analysis.brief import Brief
from journeymapper.document import Document, Kind
from journeymapper.model import Project
from journeymapper.ui.panels.analyser import Analyser
from journeymapper.ui.panels.analysis_views import RefTree, Share, ShareBars, severity_icon
from journeymapper.ui.panels.docks import on_screen
from journeymapper.ui.selection import Ref, Selection
from journeymapper.ui.widgets import format_amount
from journeymapper.wording import plural

REFRESH_DELAY_MS = 400
"""Pause after the last change before analysing again, on a map analysed quickly."""
MAX_REFRESH_DELAY_MS = 3000
STALE_NOTE = " &middot; <i>the map changed: analysed again when you pause</i>"
ANALYSING_NOTE = " &middot; <i>analysing the map again\u2026</i>"

CATEGORY_TITLES = {Category.JOURNEY: "Journey flow", Category.COVERAGE: "Coverage",
                   Category.DEADLINE: "Deadlines", Category.BUDGET: "Budget",
                   Category.PRIORITY: "Priorities"}
FUNNEL_COLOR = "#4c78a8"


def refresh_delay(last_ms: float) -> int:
    """The pause after the last change before analysing again, when the window waited
    ``last_ms`` for the last analysis and its showing: twice that, so that the window is not
    stopped after every short pause in a run of edits; 0.4 s to 3 s."""
    return int(min(MAX_REFRESH_DELAY_MS, max(REFRESH_DELAY_MS, 2 * last_ms)))


class AnalysisPanel(QWidget):
    """Findings, funnel, likely paths, coverage and actions of the open map."""

    items_selected = Signal(list)
    """A row was clicked and these (kind, id) items selected (the window scrolls to them)."""

    def __init__(self, document: Document, selection: Selection,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.selection, self.today = document, selection, today
        self.brief: Brief | None = None
        self._counts = ""  # the counts line of the brief shown, without a note
        self.analyser = Analyser(document, self)
        self.analyser.analysed.connect(self._analysed)
        self.analyser.failed.connect(self._failed)
        self._icons = {severity: severity_icon(severity) for severity in Severity}
        self._stale = True
        self.counts = QLabel()
        self.counts.setObjectName("analysis-counts")
        self.counts.setWordWrap(True)  # the dock may be narrow; the line can be long
        # Findings are sentences: wrapped, they read without hovering in a narrow dock.
        self.findings = RefTree(["Finding"], wrap=True)
        self.findings.setHeaderHidden(True)
        self.funnel = ShareBars()
        self.funnel_note = QLabel()
        self.funnel_note.setWordWrap(True)
        self.paths = RefTree(["Persona and steps", "Chance"])
        self.coverage = RefTree(["Persona or stage", "Gap"])
        self.actions = RefTree(["#", "Touchpoint", "Priority", "Imp.", "Perf.", "Budget"])
        for column, tip in ((2, "Importance weighted by the performance gap: fix the highest "
                                "first"), (3, "Importance, 0..100"),
                            (4, "Current performance")):
            self.actions.headerItem().setToolTip(column, tip)
        self.actions.stretch(1)
        self.paths.stretch(0)
        self.coverage.stretch(1)
        funnel_page = QWidget()
        funnel_layout = QVBoxLayout(funnel_page)
        funnel_layout.addWidget(QLabel("<b>Share of customers reaching each stage</b>"))
        funnel_layout.addWidget(self.funnel)
        funnel_layout.addWidget(self.funnel_note)
        funnel_layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page, title in ((self.findings, "Findings"), (funnel_page, "Funnel"),
                            (self.paths, "Paths"), (self.coverage, "Coverage"),
                            (self.actions, "Actions")):
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        self._tab_fillers: tuple[Callable[[Project, Brief], None], ...] = (
            self._show_findings, self._show_funnel, self._show_paths, self._show_coverage,
            self._show_actions)
        self._filled: set[int] = set()  # the tabs that show the brief
        self.tabs.currentChanged.connect(self._fill)
        for tree in (self.findings, self.paths, self.coverage, self.actions):
            tree.refs_activated.connect(self._select)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.item_added.connect(lambda *_: self._schedule())
        document.item_removed.connect(lambda *_: self._schedule())
        document.item_changed.connect(lambda *_: self._schedule())
        document.items_reordered.connect(lambda *_: self._schedule())
        document.project_replaced.connect(self._replaced)

    # ----- refreshing ---------------------------------------------------------------------
    @property
    def stale(self) -> bool:
        """True when the map changed since the analysis shown (or under way)."""
        return self._stale

    def refresh(self) -> None:
        """Analyse the map now, and show the result when it is there: at once on a small map,
        after a while on a big one (the window goes on meanwhile)."""
        self._timer.stop()
        if self.analyser.running:  # one at a time: look again when this one is back
            self._timer.start()
            return
        self._stale = False
        if self.brief is not None:
            self._note(ANALYSING_NOTE)
        self.analyser.start(self.today())
        if self.analyser.running and self.brief is None:  # a big map, shown for the first time
            self.counts.setText("<i>Analysing the map\u2026</i>")

    def _analysed(self, brief: Brief, waited_ms: float) -> None:
        started = time.perf_counter()
        self.brief = brief
        self._show(brief)
        if self._stale:  # the map changed while a child analysed it
            self._note(STALE_NOTE)
        self._timer.setInterval(refresh_delay(waited_ms + 1000 * (time.perf_counter()
                                                                   - started)))

    def _failed(self, message: str) -> None:
        self.brief = None
        self._counts = ""
        self._stale = True  # showing the dock again, or Tools > Analyze, tries again
        self.counts.setText(f"<span style='color:#b71c1c'>The analysis failed: "
                            f"{escape(message, quote=False)}</span>")

    def _show(self, brief: Brief) -> None:
        counts = brief.counts
        errors, warnings = counts.get(Severity.ERROR, 0), counts.get(Severity.WARNING, 0)
        self._counts = (
            f"<b>{errors:,}</b> {'error' if errors == 1 else 'errors'} &middot; "
            f"<b>{warnings:,}</b> {'warning' if warnings == 1 else 'warnings'} &middot; "
            f"<b>{counts.get(Severity.INFO, 0):,}</b> to look at &middot; "
            f"{plural(brief.touchpoints, 'touchpoint')}, {plural(brief.links, 'link')}")
        self.counts.setText(self._counts)
        # The tab in sight now, the others when picked: on a big map filling them all was
        # most of the window's wait for a new analysis.
        self._filled.clear()
        self._fill(self.tabs.currentIndex())

    def _fill(self, tab: int) -> None:
        brief = self.brief
        if brief is None or tab in self._filled or not 0 <= tab < len(self._tab_fillers):
            return
        self._filled.add(tab)
        self._tab_fillers[tab](self.document.project, brief)

    def _note(self, note: str) -> None:
        """Say after the counts why they may be out of date."""
        if self._counts and self.counts.text() != self._counts + note:
            self.counts.setText(self._counts + note)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Refresh now if the map changed while the panel was hidden."""
        if self._stale:
            self.refresh()

    def _schedule(self) -> None:
        self._stale = True
        if on_screen(self):
            if self.analyser.running or self._timer.interval() > REFRESH_DELAY_MS:
                # A big map waits for the edits to pause, or for its analysis: say why the
                # counts stand still.
                self._note(STALE_NOTE)
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.analyser.running:  # what it was finding will not be shown
            self._stale = True
        self.analyser.stop()
        self._timer.stop()  # stale, if it was running: analysed when shown again

    def _replaced(self) -> None:
        self.analyser.stop()  # another map: what the child was finding is of no use
        # Nor what the dock shows of the last one, whose ids the new map may use otherwise.
        self.brief = None
        self._counts = ""
        self._filled.clear()
        for tree in (self.findings, self.paths, self.coverage, self.actions):
            tree.clear()
        self.funnel.set_shares([])
        self.funnel_note.clear()
        self.counts.setText("<i>Another map: it is analysed in a moment\u2026</i>")
        self._schedule()

    def _select(self, refs: list[Ref]) -> None:
        # What the brief names may have gone since (an edit while the map was analysed).
        refs = [ref for ref in refs if self.document.find(*ref) is not None]
        if refs:
            self.selection.set_items(refs)
            self.items_selected.emit(refs)

    # ----- tabs ---------------------------------------------------------------------------
    def _show_findings(self, _project: Project, brief: Brief) -> None:
        tree = self.findings
        tree.clear()
        if not brief.findings:
            tree.note("Nothing to report: the journey is linked, covered and on plan.")
            return
        groups: dict[Category, QTreeWidgetItem] = {}
        worst: dict[Category, Severity] = {}
        counts: dict[Category, int] = {}
        for finding in brief.findings:  # most severe first, so the first is the worst
            group = groups.get(finding.category)
            if group is None:
                group = groups[finding.category] = QTreeWidgetItem()
                worst[finding.category] = finding.severity
                counts[finding.category] = 0
            counts[finding.category] += 1
            refs: list[Ref] = [(Kind.TOUCHPOINT, t) for t in finding.touchpoint_ids]
            if not refs and finding.stage_id:
                refs = [(Kind.STAGE, finding.stage_id)]
            item = RefTree.row([finding.message], refs, finding.message)
            item.setIcon(0, self._icons[finding.severity])
            group.addChild(item)
        for category in Category:  # in the category order, not the order found
            group = groups.get(category)
            if group is None:
                continue
            group.setText(0, f"{CATEGORY_TITLES.get(category, category.value.title())} "
                             f"({counts[category]})")
            group.setIcon(0, self._icons[worst[category]])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            tree.addTopLevelItem(group)
            group.setExpanded(True)

    def _show_funnel(self, project: Project, brief: Brief) -> None:
        if brief.link_count == 0:
            self.funnel.set_shares([])
            self.funnel_note.setText("Link touchpoints to see how customers move through the "
                                     "stages.")
            return
        shares = brief.funnel
        self.funnel.set_shares([Share(s.name, shares.get(s.id, 0.0), s.color or FUNNEL_COLOR)
                                for s in project.stages])
        returned = brief.returned
        self.funnel_note.setText(
            "Expected share of customers who meet at least one touchpoint of each stage, "
            "following the links' shares from the journey's entries."
            + (f" {returned:.0%} go back to an earlier step." if returned > 0.005 else ""))

    def _show_paths(self, project: Project, brief: Brief) -> None:
        tree = self.paths
        tree.clear()
        names = {tp.id: tp.name for tp in project.touchpoints}
        personas = {p.id: p.name for p in project.personas}
        for path in brief.paths:
            who = ("All customers" if path.persona_id is None
                   else personas.get(path.persona_id, "?"))
            if path.probability is None:
                tree.addTopLevelItem(RefTree.row([who, "no path to purchase"]))
                continue
            # The persona's row selects the whole path, links included; a step, its card.
            refs: list[Ref] = [(Kind.TOUCHPOINT, t) for t in path.touchpoint_ids]
            refs += [(Kind.LINK, link) for link in path.link_ids]
            top = RefTree.row([who, f"{path.probability:.0%}"], refs,
                              " \u2192 ".join(names.get(t, t) for t in path.touchpoint_ids))
            for step, tid in enumerate(path.touchpoint_ids, start=1):
                top.addChild(RefTree.row([f"{step}. {names.get(tid, tid)}", ""],
                                         [(Kind.TOUCHPOINT, tid)]))
            tree.addTopLevelItem(top)
            top.setExpanded(True)

    def _show_coverage(self, project: Project, brief: Brief) -> None:
        tree = self.coverage
        tree.clear()
        stages = {s.id: s.name for s in project.stages}
        personas = {p.id: p.name for p in project.personas}
        for sid in brief.empty_stage_ids:
            tree.addTopLevelItem(RefTree.row(
                [stages.get(sid, sid), "no touchpoint for anyone"], [(Kind.STAGE, sid)]))
        for cover in brief.coverage:
            name = personas.get(cover.persona_id)
            if name is None:  # deleted while a child analysed the map
                continue
            gaps = [sid for sid in cover.missing_stage_ids
                    if sid not in brief.empty_stage_ids]
            summary = (f"{plural(len(gaps), 'stage')} without a touchpoint" if gaps
                       else "every stage covered")
            top = RefTree.row([name, summary], [(Kind.TOUCHPOINT, t) for t in cover.served_ids])
            for sid in gaps:
                top.addChild(RefTree.row([stages.get(sid, sid), "no touchpoint for them"],
                                         [(Kind.STAGE, sid)]))
            if cover.unused_channels:
                top.addChild(RefTree.row(["Preferred channels unused",
                                          ", ".join(cover.unused_channels)]))
            tree.addTopLevelItem(top)
            top.setExpanded(top.childCount() > 0)
        if tree.topLevelItemCount() == 0:
            tree.note("Add personas to see which stages each of them is served in.")

    def _show_actions(self, project: Project, brief: Brief) -> None:
        tree = self.actions
        tree.clear()
        names = {tp.id: tp.name for tp in project.touchpoints}
        currency = project.business.currency
        total = Decimal(0)
        for rank, action in enumerate(brief.actions, start=1):
            total += action.budget
            item = RefTree.row(
                [str(rank), names.get(action.touchpoint_id, action.touchpoint_id),
                 f"{action.priority:.0f}", f"{action.importance:.0f}",
                 f"{action.performance:.0f}%", f"{format_amount(action.budget)} {currency}"],
                [(Kind.TOUCHPOINT, action.touchpoint_id)])
            for column in (0, 2, 3, 4, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
        if not brief.actions:
            tree.note("Nothing to improve: no touchpoint performs below its importance.")
            return
        if brief.action_count > len(brief.actions):
            tree.note(f"\u2026 and {brief.action_count - len(brief.actions)} more")
        footer = RefTree.row(["", "Total budget",
                              "", "", "", f"{format_amount(total)} {currency}"])
        footer.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = footer.font(1)
        font.setBold(True)
        footer.setFont(1, font)
        footer.setFont(5, font)
        footer.setTextAlignment(5, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tree.addTopLevelItem(footer)
