"""Shared pieces of every styled workbook the program writes (xlsxwriter, constant memory).

- :func:`atomic_workbook`: the workbook is written beside the target and renamed into place,
  so a crash, an error or a cancel leaves the old file (if any) untouched and no half file.
- :func:`safe_text`: user text in a text cell, unchanged (the rule is in
  :mod:`resettle.io.cell_text`); always written with ``write_string``, never ``write``.
- :class:`Styles`: the office look (宋体 10, thin borders, bold blue-grey headers, number
  formats), :func:`banner` (a merged line across the sheet), :func:`headers` (one or two
  header rows, parents spanning their children), :func:`print_setup` (A4 landscape, fit to
  width, header rows repeated, "第 N 页 共 M 页" footer, frozen panes).
- :func:`new_sheet` / :func:`merge`: in constant-memory mode rows go out in order and only
  the current row is held, so merged blocks are registered once their cells are written,
  packed four integers apiece (:class:`MergeRanges`), instead of through ``merge_range``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter

from resettle.errors import ResettleError
from resettle.io.cell_text import xlsx_text

__all__ = [
    "AREA_FORMAT",
    "COUNT_FORMAT",
    "DATE_FORMAT",
    "HEADER_FILL",
    "MONEY_FORMAT",
    "TEXT_FORMAT",
    "Column",
    "MergeRanges",
    "Styles",
    "atomic_workbook",
    "banner",
    "headers",
    "merge",
    "new_sheet",
    "print_setup",
    "safe_text",
    "sheet_title",
]

HEADER_FILL = "#DDEBF7"
MONEY_FORMAT = "#,##0.00"
AREA_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
_FOOTER = "&C第 &P 页 共 &N 页"
_A4 = 9

safe_text = xlsx_text  # user text in a text cell: unchanged (the rule is in resettle.io.cell_text)


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique worksheet name (31 characters, none of []:*?/\\, not starting with ')."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip().strip("'") or "Sheet"
    base = cleaned[:31]
    candidate, n = base, 1
    while candidate.lower() in {u.lower() for u in used}:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate)
    return candidate


@contextlib.contextmanager
def atomic_workbook(path: Path | str) -> Iterator[Any]:
    """A constant-memory xlsxwriter workbook written beside ``path`` and renamed into place.

    A crash, an error or a cancel leaves the old file (if any) untouched and no half file.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    book = xlsxwriter.Workbook(str(tmp), options)
    closed = False
    try:
        yield book
        book.close()
        closed = True
        os.replace(tmp, out)
    except OSError as exc:
        raise ResettleError(f"无法写入文件「{out.name}」：{exc.strerror or exc}") from exc
    finally:
        if not closed:
            with contextlib.suppress(Exception):
                book.close()
        tmp.unlink(missing_ok=True)


class MergeRanges:
    """Stands in for the list in which an xlsxwriter worksheet keeps its merged ranges.

    xlsxwriter's ``merge_range`` pads the block with blank cells, which in constant-memory
    mode must be written in row order, and records every covered cell in a dict; for a
    roster that is millions of entries. The writers write the covered cells themselves and
    register the block here, four integers per block. The worksheet only appends to the
    list, takes its length and iterates over it when it writes ``<mergeCells>``.
    """

    def __init__(self) -> None:
        self._data = array("l")

    def append(self, block: Sequence[int]) -> None:
        self._data.extend(block)

    def __len__(self) -> int:
        return len(self._data) // 4

    def __bool__(self) -> bool:
        return bool(self._data)

    def __iter__(self) -> Iterator[tuple[int, int, int, int]]:
        data = self._data
        for i in range(0, len(data), 4):
            yield data[i], data[i + 1], data[i + 2], data[i + 3]


def new_sheet(book: Any, name: str) -> Any:
    """A worksheet whose merged blocks are registered with :func:`merge`."""
    ws = book.add_worksheet(name)
    ws.merge = MergeRanges()
    return ws


def merge(ws: Any, top: int, left: int, bottom: int, right: int) -> None:
    """Register a merged block whose cells the caller has written (value top-left, formatted blanks)."""
    if (top, left) != (bottom, right):
        ws.merge.append((top, left, bottom, right))


class Styles:
    """The formats of an office-ready sheet, made once per workbook."""

    def __init__(self, book: Any) -> None:
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter"}
        cell = {**base, "border": 1}

        def add(*layers: dict[str, Any], **props: Any) -> Any:
            merged: dict[str, Any] = {}
            for layer in (*layers, props):
                merged.update(layer)
            return book.add_format(merged)

        self.title = add(base, bold=True, font_size=16, align="center")
        self.note = add(base, font_color="#404040")
        self.line = add(base)
        self.header = add(cell, bold=True, align="center", text_wrap=True, bg_color=HEADER_FILL)
        self.text = add(cell, num_format=TEXT_FORMAT)
        self.text_center = add(cell, num_format=TEXT_FORMAT, align="center")
        self.text_wrap = add(cell, num_format=TEXT_FORMAT, text_wrap=True)
        self.date = add(cell, num_format=DATE_FORMAT, align="center")
        self.int = add(cell, num_format=COUNT_FORMAT, align="center")
        self.area = add(cell, num_format=AREA_FORMAT)
        self.money = add(cell, num_format=MONEY_FORMAT)
        self.blank = add(cell)
        self.total_label = add(cell, bold=True, align="center", num_format=TEXT_FORMAT)
        self.total_int = add(cell, bold=True, num_format=COUNT_FORMAT, align="center")
        self.total_area = add(cell, bold=True, num_format=AREA_FORMAT)
        self.total_money = add(cell, bold=True, num_format=MONEY_FORMAT)


def banner(ws: Any, r: int, width: int, text: str, fmt: Any, height: float | None = None) -> None:
    """A line of text across the sheet (title, note, signature line), merged over ``width`` columns."""
    if height is not None:
        ws.set_row(r, height)
    ws.write_string(r, 0, safe_text(text), fmt)
    for c in range(1, width):
        ws.write_blank(r, c, None, fmt)
    if width > 1:
        merge(ws, r, 0, r, width - 1)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    parent: str = ""


def headers(ws: Any, styles: Styles, r: int, columns: Sequence[Column]) -> int:
    """Two header rows; a parent header spans its children, a lone header spans both rows.

    Sets the column widths; returns the first data row."""
    ws.set_row(r, 20)
    ws.set_row(r + 1, 30)
    spans: list[tuple[int, int]] = []
    c = 0
    while c < len(columns):
        parent = columns[c].parent
        end = c
        while parent and end + 1 < len(columns) and columns[end + 1].parent == parent:
            end += 1
        if parent:
            ws.write_string(r, c, parent, styles.header)
            for k in range(c + 1, end + 1):
                ws.write_blank(r, k, None, styles.header)
            spans.append((c, end))
        else:
            ws.write_string(r, c, columns[c].header, styles.header)
        c = end + 1
    for c, column in enumerate(columns):
        if column.parent:
            ws.write_string(r + 1, c, column.header, styles.header)
        else:
            ws.write_blank(r + 1, c, None, styles.header)
            merge(ws, r, c, r + 1, c)
    for left, right in spans:
        merge(ws, r, left, r, right)
    for c, column in enumerate(columns):
        ws.set_column(c, c, column.width)
    return r + 2


def print_setup(ws: Any, header_top: int, header_bottom: int, freeze_cols: int) -> None:
    """A4 landscape, fit to the page width, header rows repeated, page footer, frozen panes."""
    ws.set_landscape()
    ws.set_paper(_A4)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_top, header_bottom)
    ws.set_footer(_FOOTER)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.freeze_panes(header_bottom + 1, freeze_cols)
