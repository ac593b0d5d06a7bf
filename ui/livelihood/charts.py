"""Bar and line charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Both take plain numbers; nothing here reads the database. Colours are fixed per series
so that the same figure has the same colour on every chart and in the legend.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (QColor("#9dc3e6"), QColor("#2e75b6"), QColor("#70ad47"), QColor("#ffc000"), QColor("#c55a11"))


def nice_top(value: int) -> int:
    """A round axis maximum at or above ``value`` (5, 10, 20, 50, 100 …): five whole-number grid steps."""
    if value <= 5:
        return 5
    step = 10
    while True:
        for m in (1, 2, 5):
            if value <= m * step:
                return m * step
        step *= 10


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[int]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> None:
        self.categories = list(categories)
        self.series = [(name, [int(v) for v in values]) for name, values in series]
        self.update()

    def _frame(self, painter: QPainter) -> tuple[QRectF, int]:
        """Draws title, legend and the value axis; returns the plot area and the axis maximum."""
        fm = QFontMetrics(self.font())
        h = fm.height()
        painter.setPen(QPen(self.palette().windowText().color()))
        painter.drawText(QRectF(0, 2, self.width(), h + 4), int(Qt.AlignmentFlag.AlignHCenter), self.title)
        x = 8.0
        y = h + 8.0
        for i, (name, _values) in enumerate(self.series):
            if x > 8.0 and x + 16 + fm.horizontalAdvance(name) > self.width() - 8:  # wrap rather than cut a name
                x, y = 8.0, y + h + 4
            painter.fillRect(QRectF(x, y + 3, 12, h - 6), PALETTE[i % len(PALETTE)])
            painter.drawText(QPointF(x + 16, y + h - fm.descent()), name)
            x += 28 + fm.horizontalAdvance(name)
        top = nice_top(max((max(v, default=0) for _n, v in self.series), default=0))
        left = fm.horizontalAdvance(str(top)) + 12.0
        plot = QRectF(left, y + h + 8, self.width() - left - 10, self.height() - (y + h + 8) - h - 10)
        grid = QPen(QColor("#d9d9d9"))
        for k in range(6):
            value = top * k // 5
            gy = plot.bottom() - plot.height() * k / 5
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
            painter.setPen(QPen(self.palette().windowText().color()))
            painter.drawText(QRectF(0, gy - h / 2, left - 4, h), int(Qt.AlignmentFlag.AlignRight), str(value))
        return plot, top

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            plot, top = self._frame(painter)
            if not self.categories or not self.series or plot.width() <= 0 or plot.height() <= 0:
                painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("暂无数据"))
                return
            self.draw(painter, plot, top, QFontMetrics(self.font()))
        finally:
            painter.end()

    def draw(self, painter: QPainter, plot: QRectF, top: int, fm: QFontMetrics) -> None:
        """The chart inside ``plot`` (axes and legend drawn), values scaled to ``top``."""
        raise NotImplementedError


class BarChart(_Chart):
    """Grouped bars: one group per category (village), one bar per series, value labels on top."""

    def draw(self, painter: QPainter, plot: QRectF, top: int, fm: QFontMetrics) -> None:
        group = plot.width() / len(self.categories)
        bar = max(group * 0.8 / len(self.series), 2.0)
        # Value labels in a smaller type where the widest does not fit over its bar (120 over a narrow bar).
        base = painter.font()
        widest = max((fm.horizontalAdvance(str(v)) for _n, values in self.series for v in values), default=0)
        small = QFont(base)
        room = max(bar - 1, 1.0)
        if widest > room and base.pointSizeF() > 0:
            small.setPointSizeF(max(base.pointSizeF() * room / widest * 0.9, base.pointSizeF() * 0.6))  # 0.9: hinting
        small_fm = QFontMetrics(small)
        for ci, name in enumerate(self.categories):
            gx = plot.left() + ci * group + group * 0.1
            for si, (_sname, values) in enumerate(self.series):
                value = values[ci] if ci < len(values) else 0
                height = plot.height() * value / top
                rect = QRectF(gx + si * bar, plot.bottom() - height, bar - 1, height)
                painter.fillRect(rect, PALETTE[si % len(PALETTE)])
                text = str(value)
                if small_fm.horizontalAdvance(text) <= room:  # within its own bar: neighbours' labels never touch
                    painter.setFont(small)
                    painter.drawText(
                        QRectF(rect.left(), rect.top() - small_fm.height(), bar - 1, small_fm.height()),
                        int(Qt.AlignmentFlag.AlignHCenter),
                        text,
                    )
                    painter.setFont(base)
            label = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(group))
            painter.drawText(
                QRectF(plot.left() + ci * group, plot.bottom() + 2, group, fm.height()),
                int(Qt.AlignmentFlag.AlignHCenter),
                label,
            )


def label_positions(n: int, every: int) -> list[int]:
    """Which of ``n`` months get a label: every ``every``-th, and the latest always, in place of the one before
    it when the two would be closer than ``every`` (they overlapped: "2026-112026-")."""
    shown = list(range(0, n, max(1, every)))
    if shown and shown[-1] != n - 1:
        if len(shown) > 1 and n - 1 - shown[-1] < every:
            shown[-1] = n - 1
        else:
            shown.append(n - 1)
    return shown


class LineChart(_Chart):
    """Cumulative progress by month: one line per series, months along the bottom."""

    def draw(self, painter: QPainter, plot: QRectF, top: int, fm: QFontMetrics) -> None:
        n = len(self.categories)
        step = plot.width() / max(n - 1, 1)

        def point(i: int, value: int) -> QPointF:
            x = plot.left() + (step * i if n > 1 else plot.width() / 2)
            return QPointF(x, plot.bottom() - plot.height() * value / top)

        for si, (_name, values) in enumerate(self.series):
            pen = QPen(PALETTE[si % len(PALETTE)])
            pen.setWidthF(2.0)
            painter.setPen(pen)
            points = [point(i, v) for i, v in enumerate(values[:n])]
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
            painter.setBrush(PALETTE[si % len(PALETTE)])
            for p in points:
                painter.drawEllipse(p, 3.0, 3.0)
        painter.setPen(QPen(self.palette().windowText().color()))
        every = max(1, int(fm.horizontalAdvance("2026-03 ") * n / max(plot.width(), 1)) + 1)
        shown = label_positions(n, every)
        width = fm.horizontalAdvance("2026-03") + 8
        for i in shown:
            x = point(i, 0).x()
            left = min(max(x - width / 2, 0.0), self.width() - width)  # whole, not cut at the widget's edge
            painter.drawText(
                QRectF(left, plot.bottom() + 2, width, fm.height()),
                int(Qt.AlignmentFlag.AlignHCenter),
                self.categories[i],
            )
