"""Any spreadsheet file as simple per-sheet grids: values, merged ranges, formula cells.

Values come from python-calamine (.xlsx .xlsm .xls .ods) or the csv module (.csv in
UTF-8 with or without BOM, UTF-16 as Excel's "Unicode text", or GB18030). calamine gives
only the values Excel saved, so formula cells are found separately in the sheet XML
(``<f>`` in .xlsx, ``table:formula`` in .ods); calamine reports no merged ranges for
.ods, so they come from the same pass over content.xml. .xls files get values and merged
ranges only (formulas cannot be told apart there).

Every file goes through :mod:`resettle.io.guards` before a parser sees it.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Literal

import python_calamine

from resettle.io.guards import (
    DEFAULT_LIMITS,
    Limits,
    SafePackage,
    UnreadableFileError,
    UnsafeFileError,
    check_extent,
    check_file_size,
    open_safe_package,
    xlsx_sheet_parts,
)
from resettle.io.sheet_xml import FormulaState, MergedRange, OdsSheet, ods_structure, xlsx_formulas
from resettle.io.sheet_xml import _xlsx_formulas as _xlsx_formulas
from resettle.io.sheet_xml import _xlsx_formulas_parsed as _xlsx_formulas_parsed
from resettle.io.sheet_xml import _xlsx_formulas_scan as _xlsx_formulas_scan
from resettle.io.values import BLANK_CHARS

__all__ = [
    "CellValue",
    "FileKind",
    "FormulaState",
    "MergedRange",
    "SheetGrid",
    "SheetInfo",
    "WorkbookReader",
    "column_letter",
    "open_workbook",
]

CellValue = str | int | float | bool | date | datetime | time | timedelta | None
FileKind = Literal["xlsx", "xls", "ods", "csv"]

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    number = index + 1
    while number > 0:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetGrid:
    """One sheet: values (None for empty), merged blocks and formula cells, all 0-based."""

    name: str
    rows: list[list[CellValue]]
    merges: list[MergedRange] = field(default_factory=list)
    formulas: dict[tuple[int, int], FormulaState] = field(default_factory=dict)
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()  # rows hidden in Excel or Calc (.xlsx, .ods), 0-based
    n_cols: int = field(default=0, init=False)
    # column -> {row -> top-left cell of the merged block covering it}: per column, so that a column's
    # covered rows are its keys and no (row, column) key is made for each of a survey's 200,000 covered cells
    _anchors: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.n_cols = n_cols = max((len(row) for row in self.rows), default=0)
        n_rows = len(self.rows)
        by_column = self._anchors
        last_row, last_col = n_rows - 1, n_cols - 1
        for top, left, bottom, right in reversed(self.merges):  # where blocks overlap, the first listed wins
            if top >= n_rows or left >= n_cols or top < 0 or left < 0:
                continue
            if bottom > last_row:
                bottom = last_row
            if right > last_col:
                right = last_col
            anchor = (top, left)
            for c in range(left, right + 1):
                column = by_column.get(c)
                if column is None:
                    column = by_column[c] = {}
                # The block's own top-left cell is not covered by it.
                for r in range(top + 1 if c == left else top, bottom + 1):
                    column[r] = anchor

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    def raw(self, r: int, c: int) -> CellValue:
        """The value stored in this very cell (None inside a merged block except its top-left)."""
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return None

    def own_values(self, r: int, columns: dict[str, int]) -> dict[str, CellValue]:
        """Values of one row by field, None where blank or covered by a merged block (fast path)."""
        row = self.rows[r] if 0 <= r < len(self.rows) else []
        width = len(row)
        anchors = self._anchors
        values: dict[str, CellValue] = {}
        for key, c in columns.items():
            covered = anchors.get(c)
            value = row[c] if c < width and not (covered and r in covered) else None
            if type(value) is str and not value.strip(BLANK_CHARS):
                value = None
            values[key] = value
        return values

    def own_column(self, c: int) -> list[CellValue]:
        """One column's values row by row, None where blank or covered by a merged block
        (what :meth:`own_values` gives for that column, for every row at once)."""
        rows = self.rows
        if c < min(map(len, rows), default=0):  # calamine's rows are all as wide as the sheet
            values = list(map(itemgetter(c), rows))
        else:
            values = [row[c] if c < len(row) else None for row in rows]
        for r in self._anchors.get(c, ()):
            values[r] = None
        # Blank texts (spaces only) looked for among the column's distinct values, which are few.
        blanks = {v for v in set(values) if type(v) is str and not v.strip(BLANK_CHARS)}
        if blanks:
            return [None if v in blanks else v for v in values]
        return values

    def anchor(self, r: int, c: int) -> tuple[int, int] | None:
        """Top-left cell of the merged block that covers (r, c), None when not covered."""
        column = self._anchors.get(c)
        return column.get(r) if column else None

    def value(self, r: int, c: int) -> CellValue:
        """The value shown in this cell: merged blocks are filled from their top-left cell."""
        anchor = self.anchor(r, c)
        return self.raw(*anchor) if anchor else self.raw(r, c)

    def formula(self, r: int, c: int) -> FormulaState | None:
        anchor = self.anchor(r, c)
        return self.formulas.get(anchor or (r, c))


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


# --- CSV ----------------------------------------------------------------------------------


def _decode_text(raw: bytes, name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError(f"无法识别文件「{name}」的文字编码，请另存为 UTF-8 或 .xlsx 后再导入")


def _read_csv(path: Path, limits: Limits) -> list[list[CellValue]]:
    check_file_size(path, limits)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"无法打开文件「{path.name}」：{exc.strerror or exc}") from exc
    text = _decode_text(raw, path.name)
    if "\x00" in text:
        raise UnreadableFileError(f"文件「{path.name}」不是文本表格（含有二进制内容）")
    head = text[:20_000].splitlines()[:10]
    delimiter = max((",", "\t", ";"), key=lambda d: sum(line.count(d) for line in head))
    rows: list[list[CellValue]] = []
    cells = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += len(record)
            if cells > limits.max_sheet_cells:
                raise UnsafeFileError(f"文件「{path.name}」超过 {limits.max_sheet_cells} 个单元格，请拆分后再导入")
            rows.append([value if value.strip() else None for value in record])
    except csv.Error as exc:
        raise UnreadableFileError(f"文件「{path.name}」格式有误，无法按表格读取：{exc}") from exc
    return rows


# --- the reader ---------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _sniff(path: Path) -> FileKind:
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise UnreadableFileError(f"无法打开文件「{path.name}」：{exc.strerror or exc}") from exc
    suffix = path.suffix.lower()
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "ods" if suffix == ".ods" or _ODS_MIME in head else "xlsx"
    if head.startswith(_OLE_MAGIC):
        return "xls"
    if not head.strip():
        raise UnreadableFileError(f"文件「{path.name}」是空文件")
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if stripped[:1] == b"<":
        raise UnreadableFileError(
            f"文件「{path.name}」实际是网页或 XML 格式（常见于从其他系统导出的“.xls”），"
            "请用 Excel 打开后另存为 .xlsx 再导入"
        )
    if suffix in (".csv", ".txt") or b"\x00" not in head:
        return "csv"
    raise UnreadableFileError(f"文件「{path.name}」不是可识别的表格文件（支持 .xlsx .xlsm .xls .ods .csv）")


class WorkbookReader:
    """An open spreadsheet file. Use :func:`open_workbook`; close it (or use ``with``)."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self.kind: FileKind = _sniff(path)
        self._book: python_calamine.CalamineWorkbook | None = None
        self._package: SafePackage | None = None
        self._ods: dict[str, OdsSheet] = {}
        self._csv_rows: list[list[CellValue]] | None = None
        self.sheets: list[SheetInfo] = []
        if self.kind == "csv":
            self._csv_rows = _read_csv(path, limits)
            self.sheets = [SheetInfo(path.stem, False)]
            return
        if self.kind in ("xlsx", "ods"):
            self._package = open_safe_package(path, limits)
            members = self._package.members
            if "xl/workbook.bin" in members:
                raise UnreadableFileError(f"文件「{path.name}」是 .xlsb 二进制格式，请用 Excel 另存为 .xlsx 再导入")
            if "content.xml" in members and self._package.workbook_part is None:
                self.kind = "ods"
                content = self._package.kept.get("content.xml", b"")
                self._ods = ods_structure(content, limits)
            elif self._package.workbook_part is None:
                raise UnreadableFileError(f"文件「{path.name}」不是 Excel/WPS 表格文件")
        else:
            check_file_size(path, limits)
        try:
            self._book = python_calamine.CalamineWorkbook.from_path(str(path))
            metadata = self._book.sheets_metadata
        except python_calamine.PasswordError as exc:
            raise UnreadableFileError(f"文件「{path.name}」设有密码，请先在 Excel 中取消密码后另存再导入") from exc
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise UnreadableFileError(f"无法读取文件「{path.name}」：文件已损坏、加密或格式不受支持") from exc
        worksheet = python_calamine.SheetTypeEnum.WorkSheet
        self.sheets = [
            SheetInfo(meta.name, meta.visible != python_calamine.SheetVisibleEnum.Visible)
            for meta in metadata
            if meta.typ == worksheet
        ]

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._book is not None:
            book, self._book = self._book, None
            with contextlib.suppress(python_calamine.CalamineError):
                book.close()

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def row_bound(self, name: str) -> int | None:
        """At least as many rows as :meth:`load` will give for the sheet, known before loading it
        (.xlsx: from the guards' extent check); None when only loading tells."""
        package = self._package
        if self.kind != "xlsx" or package is None:
            return None
        part = package.sheet_parts.get(name)
        extent = package.extents.get(part) if part is not None else None
        return None if extent is None else extent[0]

    def iter_grids(self, names: list[str]) -> Iterator[SheetGrid]:
        for name in names:
            yield self.load(name)

    def load(self, name: str, max_rows: int | None = None) -> SheetGrid:
        """Read one sheet. ``max_rows`` limits the rows converted (for previews)."""
        info = next((sheet for sheet in self.sheets if sheet.name == name), None)
        if info is None:
            raise UnreadableFileError(f"找不到工作表「{name}」")
        if self._csv_rows is not None:
            text_rows = self._csv_rows if max_rows is None else self._csv_rows[:max_rows]
            return SheetGrid(name=name, rows=text_rows)
        if self._book is None:
            raise UnreadableFileError("文件已关闭")
        try:
            sheet = self._book.get_sheet_by_name(name)
            end = sheet.end
            if end is not None:  # .xls has no XML to check beforehand; refuse before Python copies it
                check_extent(
                    name, end[0] + 1 if max_rows is None else min(end[0] + 1, max_rows), end[1] + 1, self.limits
                )
            values = sheet.to_python(skip_empty_area=False, nrows=max_rows)
            raw_merges = sheet.merged_cell_ranges or []
        except python_calamine.CalamineError as exc:
            raise UnreadableFileError(f"无法读取工作表「{name}」：{exc}") from exc
        rows: list[list[CellValue]] = [[None if v == "" else v for v in row] for row in values]
        if self.kind == "ods":
            structure = self._ods.get(name, OdsSheet())
            merges, formulas = structure.merges, structure.formulas
            hidden_rows = frozenset(structure.hidden_rows)
        else:
            if len(raw_merges) > self.limits.max_merged_ranges:
                raise UnsafeFileError(f"工作表「{name}」的合并单元格超过 {self.limits.max_merged_ranges} 处")
            merges = [MergedRange(top, left, bottom, right) for (top, left), (bottom, right) in raw_merges]
            formulas = self._xlsx_formulas(name)
            hidden_rows = self._hidden_rows(name)
        _check_merge_area(name, merges, rows, self.limits)
        return SheetGrid(
            name=name,
            rows=rows,
            merges=merges,
            formulas=formulas,
            hidden=info.hidden,
            hidden_rows=hidden_rows,
        )

    def _hidden_rows(self, name: str) -> frozenset[int]:
        package = self._package
        if package is None or not package.hidden_rows:
            return frozenset()
        part = xlsx_sheet_parts(package).get(name)
        return package.hidden_rows.get(part, frozenset()) if part is not None else frozenset()

    def _xlsx_formulas(self, name: str) -> dict[tuple[int, int], FormulaState]:
        package = self._package
        if package is None or not package.formula_parts:
            return {}
        part = xlsx_sheet_parts(package).get(name)
        if part is None or part not in package.formula_parts:
            return {}
        found = package.formulas.get(part)
        if found is not None:
            return dict(found)  # the package is shared (guards' cache): each grid gets its own
        return xlsx_formulas(package.read(part), self.limits)


def _check_merge_area(name: str, merges: list[MergedRange], rows: list[list[CellValue]], limits: Limits) -> None:
    """Merged blocks are expanded cell by cell; refuse overlapping giants before that."""
    n_rows, n_cols = len(rows), max((len(row) for row in rows), default=0)
    area = 0
    last_row, last_col = n_rows - 1, n_cols - 1
    for merge in merges:
        bottom, right = merge.bottom, merge.right
        height = (bottom if bottom < last_row else last_row) - merge.top + 1
        width = (right if right < last_col else last_col) - merge.left + 1
        if height > 0 and width > 0:
            area += height * width
    if area > limits.max_sheet_cells:
        raise UnsafeFileError(f"工作表「{name}」的合并单元格范围过大，已拒绝导入")


def open_workbook(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> WorkbookReader:
    """Open a spreadsheet after the safety checks.

    Raises UnsafeFileError (bombs) or UnreadableFileError (damaged, encrypted, unknown).
    """
    return WorkbookReader(Path(path), limits)
