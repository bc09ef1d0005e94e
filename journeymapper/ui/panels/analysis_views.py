"""Pieces of the analysis dock: severity icons, a tree whose rows select things on the map,
and the funnel's share bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from journeymapper.analysis import Severity
from journeymapper.ui.selection import Ref

SEVERITY_COLORS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef8f00",
                   Severity.INFO: "#1f6fb2"}
SEVERITY_GLYPHS = {Severity.ERROR: "\u00d7", Severity.WARNING: "!", Severity.INFO: "i"}
REFS_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_ROW = 24


def severity_icon(severity: Severity, size: int = 16) -> QIcon:
    """A coloured disc with a glyph: a red cross, an amber "!", a blue "i"."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_COLORS[severity]))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.75))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                     SEVERITY_GLYPHS[severity])
    painter.end()
    return QIcon(pixmap)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: QTreeView wraps the text it paints but sizes rows
    for one line, so long findings would be cut."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        width = (self.tree.columnWidth(index.column()) - icon - 16
                 - self.tree.indentation() * (depth + int(self.tree.rootIsDecorated())))
        text = str(index.data() or "")
        bounds = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, max(width, 60), 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class RefTree(QTreeWidget):
    """A read-only tree; clicking a row that names map items asks to select them."""

    refs_activated = Signal(list)
    """The user clicked a row: select these (kind, id) items."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None,
                 wrap: bool = False) -> None:
        super().__init__(parent)
        self._wrap = wrap
        if wrap:
            self.setWordWrap(True)
            self.setUniformRowHeights(False)
            self.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.setItemDelegate(WrappingDelegate(self))
        self.setHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if not wrap:
            self.setUniformRowHeights(True)
            self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def stretch(self, column: int) -> None:
        """Give ``column`` the room left; the other columns fit their contents."""
        header = self.header()
        header.setStretchLastSection(False)
        for i in range(self.columnCount()):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if i == column
                                        else QHeaderView.ResizeMode.ResizeToContents)

    @staticmethod
    def row(texts: Sequence[str], refs: Sequence[Ref] = (), tip: str = "") -> QTreeWidgetItem:
        """A row showing ``texts`` that selects ``refs`` when clicked."""
        item = QTreeWidgetItem(list(texts))
        # A tuple stays one Python object in the item; a list would be converted to a Qt
        # list item by item (20 times slower: a finding may name thousands of touchpoints).
        item.setData(0, REFS_ROLE, tuple(refs))
        if tip:
            for column in range(len(texts)):
                item.setToolTip(column, tip)
        return item

    @staticmethod
    def refs_of(item: QTreeWidgetItem) -> list[Ref]:
        """The items a row selects."""
        return list(item.data(0, REFS_ROLE) or ())

    def note(self, text: str) -> None:
        """A single grey row saying why the tree is empty."""
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)  # only takes once the item is in the tree

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._wrap:  # a new width, new line breaks: measure the rows again
            self.scheduleDelayedItemsLayout()

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        refs = self.refs_of(item)
        if refs:
            self.refs_activated.emit(refs)


@dataclass(frozen=True)
class Share:
    """One bar: a label, a share 0..1 and the bar's colour."""

    label: str
    share: float
    color: str


class ShareBars(QWidget):
    """Horizontal bars of shares (the funnel: how many customers reach each stage)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shares: list[Share] = []

    def set_shares(self, shares: Sequence[Share]) -> None:
        """Show these bars, top to bottom."""
        self._shares = list(shares)
        self.updateGeometry()
        self.update()

    def shares(self) -> list[Share]:
        """The bars shown."""
        return list(self._shares)

    def sizeHint(self) -> QSize:
        return QSize(300, BAR_ROW * max(1, len(self._shares)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = min(max((metrics.horizontalAdvance(s.label) for s in self._shares),
                              default=0) + 10, self.width() // 3)
        value_width = metrics.horizontalAdvance("100%") + 8
        track = max(self.width() - label_width - value_width, 10)
        text_color = self.palette().windowText().color()
        for i, share in enumerate(self._shares):
            top = i * BAR_ROW + 2
            painter.setPen(text_color)
            painter.drawText(QRectF(0, top, label_width - 6, BAR_ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(share.label, Qt.TextElideMode.ElideRight,
                                                label_width - 6))
            bar = QRectF(label_width, top + 3, track, BAR_ROW - 10)
            painter.setPen(QPen(QColor("#c9ced6"), 1))
            painter.setBrush(QColor("#eef0f3"))
            painter.drawRoundedRect(bar, 3, 3)
            filled = QRectF(bar.x(), bar.y(), bar.width() * max(0.0, min(share.share, 1.0)),
                            bar.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(share.color))
            painter.drawRoundedRect(filled, 3, 3)
            painter.setPen(text_color)
            painter.drawText(QRectF(label_width + track + 6, top, value_width, BAR_ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter, f"{share.share:.0%}")
        painter.end()
