"""Painting documents on any paged device: a QPdfWriter here, a QPrinter in the window.

Each document's HTML is laid out by a QTextDocument for the device it goes to (so that
fonts are measured at the device's resolution), cut into pages of the content area, and
every page gets what no template may leave out: page X of Y, the document number and its
verification code, the 重印 mark on a reprint, the 样稿 mark on a draft.

Only QtGui is used (QtPrintSupport's QPrinter is a QPagedPaintDevice, so it works too);
QtWidgets never. PySide6 6.12 leaked a reference to None on each ``drawContents`` and
``setPageSize`` call (data-safety.md, 9): each is called once per page / once per
document, and a test counts ``sys.getrefcount(None)`` around a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from resettle.documents.fonts import DocumentFonts, ensure_gui_app
from resettle.documents.pdf_text import GlyphLog, repair_text_layer
from resettle.errors import Cancelled, DiskFullError, ResettleError
from resettle.pace import let_the_window_in

__all__ = [
    "MARGINS_LANDSCAPE_MM",
    "MARGINS_PORTRAIT_MM",
    "LaidOut",
    "PdfBook",
    "PrintCancelled",
    "PrintableDocument",
    "PrinterOutput",
    "layout",
    "page_layout",
    "paint",
    "write_pdf",
]

# top, right, bottom, left (the left edge is the binding edge of a portrait document)
MARGINS_PORTRAIT_MM = (20.0, 18.0, 22.0, 24.0)
MARGINS_LANDSCAPE_MM = (14.0, 10.0, 16.0, 10.0)
BODY_POINT_SIZE = 11.0
FOOTER_POINT_SIZE = 8.5
PDF_RESOLUTION = 600
CLIP_INSET = 3.0  # layout units kept clear at the foot of each page (antialiasing at the clip edge)


PrintCancelled = Cancelled  # the one cancellation error (issue 9); the old name stays for callers


class _Collector(Protocol):
    """Where the characters painted are collected (a set; a Counter in the tests)."""

    def update(self, chars: str, /) -> None: ...


@dataclass(frozen=True)
class PrintableDocument:
    """One document ready to paint: its HTML and what every page must carry. No Qt inside."""

    kind: str
    title: str
    parts: tuple[str, ...]  # HTML; each part starts on a new page (a 公示表 has one part per page)
    number: str  # "" on a draft
    code: str  # verification code as printed; "" on a draft
    landscape: bool
    reprint: bool = False
    print_no: int = 1
    draft: bool = False
    household_id: int | None = None
    document_id: int | None = None
    file_stem: str = ""  # 户号_户主 for one file per household
    demo: bool = False  # printed from the demo register: every page says 演示数据


def page_layout(landscape: bool) -> QPageLayout:
    """A4 without device margins: the documents keep their own margins inside the page."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


@dataclass(frozen=True)
class _Geometry:
    content: QRectF  # in painter coordinates
    page: QRectF  # the whole sheet in painter coordinates
    dpi: float

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4


def _geometry(device: QPagedPaintDevice, landscape: bool) -> _Geometry:
    dpi = float(device.logicalDpiX())  # float ok: page geometry
    pl = device.pageLayout()
    full = QRectF(pl.fullRectPixels(round(dpi)))
    paint_rect = QRectF(pl.paintRectPixels(round(dpi)))
    # The painter's origin is the device's printable corner; place the sheet relative to it.
    page = full.translated(-paint_rect.left(), -paint_rect.top())
    top, right, bottom, left = MARGINS_LANDSCAPE_MM if landscape else MARGINS_PORTRAIT_MM
    k = dpi / 25.4
    content = page.adjusted(left * k, top * k, -right * k, -bottom * k)
    return _Geometry(content, page, dpi)


@dataclass
class LaidOut:
    """A document laid out for one device: its text, page height in layout units and the paint scale."""

    text: QTextDocument
    page_width: float
    page_height: float
    scale: float  # < 1 when the content was wider than the page and is shrunk to fit

    @property
    def pages(self) -> int:
        return self.text.pageCount()


def layout(html: str, landscape: bool, device: QPagedPaintDevice, fonts: DocumentFonts) -> LaidOut:
    """HTML laid out in pages of the content area of ``device``.

    Content wider than the page (a table whose cells do not wrap) is never cut off: the
    page is laid out wider and painted scaled down to the width of the paper."""
    geo = _geometry(device, landscape)
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)
    text.setDefaultFont(_font(fonts.body, BODY_POINT_SIZE))
    text.setDocumentMargin(0)
    text.setHtml(html)
    # Whole layout units: Qt breaks pages at whole units, and a fractional height lets a sliver
    # of the next page's first line show at the foot of a page.
    width, height = float(int(geo.content.width())), float(int(geo.content.height()))  # float ok: page geometry
    text.setPageSize(QSizeF(width, height))
    needed = text.size().width()
    scale = 1.0
    if needed > width + 1:
        width = float(int(needed) + 1)  # float ok
        scale = geo.content.width() / width
        height = float(int(geo.content.height() / scale))  # float ok
        text.setPageSize(QSizeF(width, height))
    _keep_tables_whole(text, height)
    return LaidOut(text, width, height, scale)


def _keep_tables_whole(text: QTextDocument, page_height: float, limit: int = 8) -> None:
    """Move a table that would break across pages (and the heading just above it) to the next page.

    A table that fits on one page is never split, so an item table keeps its totals with its
    lines. Qt repeats the header rows of a table taller than a page, which is left to split."""
    layout = text.documentLayout()
    for _ in range(limit):
        for frame in text.rootFrame().childFrames():
            if not isinstance(frame, QTextTable):
                continue
            rect = layout.frameBoundingRect(frame)
            first_page, last_page = int(rect.top() // page_height), int((rect.bottom() - 1) // page_height)
            if first_page == last_page or rect.height() > page_height * 0.9:
                continue
            if not _break_before(text, frame, first_page * page_height + page_height * 0.1):
                continue
            break  # laid out again on the next query; look again from the top
        else:
            return


def _break_before(text: QTextDocument, table: QTextTable, near_top: float) -> bool:
    """Start a new page before ``table``'s heading (a short paragraph right above it), else before the table."""
    cursor = table.firstCursorPosition()
    if cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock) and cursor.currentFrame() is text.rootFrame():
        block = cursor.block()
        if 0 < len(block.text().strip()) <= 40:
            top = text.documentLayout().blockBoundingRect(block).top()
            if top <= near_top:
                return False  # the heading already starts the page: moving gains nothing
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setBlockFormat(fmt)
            return True
    if text.documentLayout().frameBoundingRect(table).top() <= near_top:
        return False
    frame_format = table.format()
    frame_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(frame_format)
    return True


def _font(family: str, points: float, bold: bool = False) -> QFont:
    """A printing font that draws only the glyphs its character map names (see ``pdf_text``)."""
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def _decorate(
    painter: QPainter, geo: _Geometry, document: PrintableDocument, fonts: DocumentFonts, page: int, pages: int
) -> str:
    """Page furniture outside the template: running head, footer, reprint and draft marks.

    Returns the text drawn."""
    drawn: list[str] = []
    painter.save()
    painter.setPen(QPen(QColor(0, 0, 0)))
    painter.setFont(_font(fonts.body, FOOTER_POINT_SIZE))
    c = geo.content
    band = geo.mm(6)
    footer = QRectF(c.left(), c.bottom() + geo.mm(4), c.width(), band)
    if not document.number:
        left = "样稿（未编号，不作为正式文书）"
    else:  # a numbered paper without a code (the housing ones: their number is the register's) says no code
        left = f"{document.number}　校验码 {document.code}" if document.code else document.number
    drawn.append(left)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    drawn.append(f"第 {page} 页　共 {pages} 页")
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignCenter), drawn[-1])
    if document.reprint:
        drawn.append(f"重印（第 {document.print_no} 次打印）")
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), drawn[-1])
    if page > 1:
        head = QRectF(c.left(), c.top() - geo.mm(8), c.width(), band)
        painter.setPen(QPen(QColor(90, 90, 90)))
        drawn.append(f"{document.title}　{document.number}（续）")
        painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), drawn[-1])
    if document.reprint:
        drawn.append(_reprint_mark(painter, geo, fonts))
    if document.draft:
        drawn.append(_draft_mark(painter, geo, fonts))
    if document.demo:
        drawn.append(_demo_mark(painter, geo, fonts))
    painter.restore()
    return "".join(drawn)


def _reprint_mark(painter: QPainter, geo: _Geometry, fonts: DocumentFonts) -> str:
    red = QColor(190, 20, 20)
    box = QRectF(geo.page.right() - geo.mm(32), geo.page.top() + geo.mm(5), geo.mm(22), geo.mm(9))
    pen = QPen(red)
    pen.setWidthF(geo.mm(0.5))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    painter.setFont(_font(fonts.heading, 14, bold=True))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "重印")
    return "重印"


def _draft_mark(painter: QPainter, geo: _Geometry, fonts: DocumentFonts) -> str:
    """Across the page, see-through: the text under it stays readable (the draft is checked by reading it)."""
    painter.save()
    painter.setOpacity(_MARK_OPACITY)
    painter.setPen(QPen(QColor(150, 150, 150)))
    painter.setFont(_font(fonts.heading, 72, bold=True))
    centre = geo.page.center()
    painter.translate(centre)
    painter.rotate(-30)
    span = geo.mm(160)
    painter.drawText(QRectF(-span / 2, -span / 4, span, span / 2), int(Qt.AlignmentFlag.AlignCenter), "样 稿")
    painter.restore()
    return "样 稿"


_MARK_OPACITY = 0.35  # the draft's and the demo's marks over the text


def _demo_mark(painter: QPainter, geo: _Geometry, fonts: DocumentFonts) -> str:
    """Across the lower half: a page from the demo register can never pass for a real one."""
    painter.save()
    painter.setOpacity(_MARK_OPACITY)
    painter.setPen(QPen(QColor(200, 40, 40)))
    painter.setFont(_font(fonts.heading, 54, bold=True))
    centre = geo.page.center()
    painter.translate(centre.x(), centre.y() + geo.mm(60))
    painter.rotate(-30)
    span = geo.mm(170)
    painter.drawText(QRectF(-span / 2, -span / 6, span, span / 3), int(Qt.AlignmentFlag.AlignCenter), "演示数据")
    painter.restore()
    return "演示数据"


def _orientation(landscape: bool) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait


def _orient(device: QPagedPaintDevice, landscape: bool, first: bool) -> None:
    """Turn the sheet for the next page when a document of the other orientation follows (PDF)."""
    wanted = _orientation(landscape)
    if not first and device.pageLayout().orientation() != wanted:
        device.setPageOrientation(wanted)


def paint(
    documents: Iterable[PrintableDocument],
    device: QPagedPaintDevice,
    fonts: DocumentFonts,
    *,
    painter: QPainter | None = None,
    first: bool = True,
    on_document: Callable[[PrintableDocument, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    printed: _Collector | None = None,
    glyphs: GlyphLog | None = None,
) -> int:
    """Paint ``documents`` one after another on ``device``; returns the number of pages painted.

    With ``painter`` (already active on ``device``) the pages are appended to a running job
    (``first=False`` when a page was painted before). ``on_document(doc, pages)`` is called
    after each document; ``cancelled()`` is checked between documents.
    Without ``painter`` the device is turned to the first document's orientation before
    painting starts; a QPrinter set up by a dialog keeps its own margins (they are allowed for).
    ``printed`` collects every character drawn and ``glyphs`` the beyond-BMP ones with their
    font and glyph (for :func:`pdf_text.repair_text_layer`)."""
    ensure_gui_app()
    own = painter is None
    active: QPainter = QPainter() if painter is None else painter
    total = 0
    try:
        for document in documents:
            if cancelled is not None and cancelled():
                break
            if own and not active.isActive():
                # Our own job: turn the sheet for the first document, then start painting.
                device.setPageOrientation(_orientation(document.landscape))
                if not active.begin(device):
                    raise ResettleError("无法开始打印：打印机或 PDF 文件不可用。")
            _orient(device, document.landscape, first)
            geo = _geometry(device, document.landscape)
            laid = [layout(part, document.landscape, device, fonts) for part in document.parts]
            count = sum(part.pages for part in laid)
            if printed is not None:
                for part in laid:
                    printed.update(part.text.toRawText())
            if glyphs is not None:
                for part in laid:
                    glyphs.add_document(part.text)
            page = 0
            for part in laid:
                for i in range(part.pages):
                    if not first and not device.newPage():
                        raise DiskFullError("无法新建一页（磁盘已满或打印机出错），打印未完成。")
                    first = False
                    page += 1
                    active.save()
                    active.translate(geo.content.topLeft())
                    active.scale(part.scale, part.scale)
                    active.translate(QPointF(0, -i * part.page_height))
                    clip = QRectF(0, i * part.page_height, part.page_width, part.page_height - CLIP_INSET)
                    part.text.drawContents(active, clip)
                    active.restore()
                    let_the_window_in()  # a window waiting to repaint gets the interpreter (resettle.pace)
                    drawn = _decorate(active, geo, document, fonts, page, count)
                    if printed is not None:
                        printed.update(drawn)
            total += count
            if on_document is not None:
                on_document(document, count)
    finally:
        if own and active.isActive():
            active.end()
    return total


@dataclass(frozen=True)
class PrinterOutput:
    """Where the printing service sends documents: a paged device the window set up (its QPrinter after the
    print dialog). The service's signature names this, not a Qt type; only this module knows Qt."""

    device: QPagedPaintDevice

    def paint(
        self,
        documents: Sequence[PrintableDocument],
        fonts: DocumentFonts,
        *,
        on_document: Callable[[PrintableDocument, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        return paint(documents, self.device, fonts, on_document=on_document, cancelled=cancelled)


class PdfBook:
    """One PDF written document by document (a batch of a thousand notices need not be held in memory).

    Written beside the target as ``NAME.part`` and renamed by :meth:`finish`; :meth:`abort`
    (or leaving a ``with`` block on an exception) leaves no file behind."""

    def __init__(self, path: Path, fonts: DocumentFonts, *, title: str = "", landscape: bool = False) -> None:
        ensure_gui_app()
        self.path = path
        self.fonts = fonts
        self.pages = 0
        self._printed: set[str] = set()
        self._glyphs = GlyphLog()
        self._part = path.with_name(path.name + ".part")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer: QPdfWriter | None = QPdfWriter(str(self._part))
        self._writer.setResolution(PDF_RESOLUTION)
        self._writer.setPageLayout(page_layout(landscape))
        self._writer.setCreator("Resettle 征迁安置管理")
        self._writer.setTitle(title)
        self._painter: QPainter | None = QPainter()
        if not self._painter.begin(self._writer):
            self._painter = None
            self._writer = None
            self._part.unlink(missing_ok=True)
            raise ResettleError(f"无法写入 {path}：请检查文件夹是否可写、文件是否被其他程序打开。")

    def add(
        self,
        documents: Iterable[PrintableDocument],
        *,
        on_document: Callable[[PrintableDocument, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        if self._painter is None or self._writer is None:
            raise ResettleError("PDF 文件已关闭。")
        added = paint(
            documents,
            self._writer,
            self.fonts,
            painter=self._painter,
            first=self.pages == 0,
            on_document=on_document,
            cancelled=cancelled,
            printed=self._printed,
            glyphs=self._glyphs,
        )
        self.pages += added
        return added

    def _close(self) -> None:
        if self._painter is not None:
            self._painter.end()
        self._painter = None
        self._writer = None  # deleting the writer closes the file

    def finish(self) -> Path:
        if self.pages == 0:
            self.abort()
            raise ResettleError("没有要打印的文书。")
        self._close()
        try:
            repair_text_layer(self._part, self._printed, (self.fonts.body, self.fonts.heading), self._glyphs)
            self._part.replace(self.path)
        except OSError as exc:
            self._part.unlink(missing_ok=True)
            raise ResettleError(f"无法写入 {self.path}：{exc.strerror or exc}") from exc
        return self.path

    def abort(self) -> None:
        self._close()
        self._part.unlink(missing_ok=True)

    def __enter__(self) -> PdfBook:
        return self

    def __exit__(self, exc_type: object, *_rest: object) -> None:
        if exc_type is not None or self._painter is not None:
            self.abort()


def write_pdf(
    documents: Sequence[PrintableDocument],
    path: Path,
    fonts: DocumentFonts,
    *,
    on_document: Callable[[PrintableDocument, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """All ``documents`` into one PDF at ``path``; returns the page count.

    A cancelled run raises PrintCancelled and leaves no file behind."""
    if not documents:
        raise ResettleError("没有要打印的文书。")
    with PdfBook(path, fonts, title=documents[0].title, landscape=documents[0].landscape) as book:
        book.add(documents, on_document=on_document, cancelled=cancelled)
        if cancelled is not None and cancelled():
            raise PrintCancelled("已取消，未写出文件。")
        book.finish()
        return book.pages
