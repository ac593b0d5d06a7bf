"""Formula cells, hidden rows and merged blocks from a spreadsheet's XML, where calamine does not report them.

calamine gives only the values Excel saved (and an empty cell for a stored error value such as
#REF!), so formula and error cells are found in the sheet XML
(``<f>`` in .xlsx, ``table:formula`` in .ods); calamine reports no merged ranges for .ods,
so they come from the same pass over content.xml. Used by :mod:`resettle.io.grid`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from resettle.io.guards import Limits, UnreadableFileError, UnsafeFileError, check_extent, column_index

__all__ = [
    "ERROR_VALUE",
    "FormulaState",
    "MergedRange",
    "OdsSheet",
    "ods_structure",
    "xlsx_formulas",
    "xlsx_hidden_rows",
]

# What a formula cell holds: the value Excel saved, nothing, or an error such as #DIV/0!;
# "error_value": no formula, an error value stored as the cell's content (#REF! pasted as a value),
# which calamine reads as an empty cell.
FormulaState = Literal["cached", "missing", "error", "error_value"]
ERROR_VALUE = "单元格是 Excel 错误值（如 #REF!、#N/A、#VALUE!），不是数据，请改为正确的内容后再导入"


class MergedRange(NamedTuple):
    """A merged block, 0-based and inclusive (a tuple: a survey of 10,000 households has 80,000 of them)."""

    top: int
    left: int
    bottom: int
    right: int


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,9})")
_XML_ERRORS = (DefusedET.ParseError, DefusedXmlException, ValueError, UnicodeDecodeError)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xlsx_formulas(data: bytes, limits: Limits) -> dict[tuple[int, int], FormulaState]:
    """Formula cells of one worksheet part and whether Excel saved their result.

    A byte search finds the few ``<f>`` elements of a sheet of a million cells at once
    (:func:`_xlsx_formulas_scan`); a sheet it cannot read with certainty (cells without
    ``r=``, namespace prefixes, comments, unusual children) is parsed element by element.
    Both give the same answer wherever the search answers at all.
    """
    found = _xlsx_formulas_scan(data, limits)
    return found if found is not None else _xlsx_formulas_parsed(data, limits)


# A formula element: ``<f>``, ``<f t="shared" …/>`` … (never ``<family``, ``<formula1>`` …).
_F_START = re.compile(rb"<f[\s/>]")
# What makes a byte search unsure: prefixed cells (``<x:c>``) or formulas in the cell data
# (``<xm:f>`` of conditional formats after ``</sheetData>`` is no cell's), comments and CDATA
# (``<!``: they may hide a ``<f>`` that is no element), encodings other than UTF-8.
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.\-]*:c[\s/>]")
_PREFIXED_FORMULA = re.compile(rb"<[A-Za-z_][\w.\-]*:f[\s/>]")
_C_BOUNDARY = frozenset(b" \t\r\n>/")
_WHITESPACE = frozenset(b" \t\r\n")
_ATTR_R = re.compile(rb"\sr\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ATTR_T = re.compile(rb"\st\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_V_START = re.compile(rb"<v[\s/>]")
# Children a cell may hold besides <f> and <v>: an inline string (no <v> or <c> inside).
_OTHER_CHILD = re.compile(rb"<(?:c|extLst|ext)[\s/>]")


def _attr_value(pattern: re.Pattern[bytes], tag: bytes) -> bytes | None:
    match = pattern.search(tag)
    if match is None:
        return None
    return match.group(1) if match.group(1) is not None else match.group(2)


def _xlsx_formulas_scan(data: bytes, limits: Limits) -> dict[tuple[int, int], FormulaState] | None:
    """Formula cells by a byte search for ``<f`` elements; None when the sheet needs a real parse.

    Only the neighbourhood of each hit is looked at: the enclosing ``<c …>`` start tag (its
    ``r=`` gives the place, ``t="e"`` an error) and the cell's ``<v>`` (a saved result when it
    has text). Any doubt about that neighbourhood returns None, never a guess.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200] or b"<!" in data:
        return None
    if b":c" in data and _PREFIXED_CELL.search(data):
        return None
    cells_end = data.rfind(b"</sheetData>")
    if b":f" in data and _PREFIXED_FORMULA.search(data, 0, cells_end if cells_end >= 0 else len(data)):
        return None
    found: dict[tuple[int, int], FormulaState] = {}
    for hit in _F_START.finditer(data):
        i = hit.start()
        # The enclosing cell's start tag: the nearest "<c" before the hit that is an element.
        j = data.rfind(b"<c", 0, i)
        while j >= 0 and (j + 2 >= len(data) or data[j + 2] not in _C_BOUNDARY):
            j = data.rfind(b"<c", 0, j)
        if j < 0:
            return None
        k = data.find(b">", j, i)
        if k < 0 or data[k - 1] == 0x2F:  # no end of the start tag before <f, or an empty <c/>
            return None
        if any(b not in _WHITESPACE for b in data[k + 1 : i]):  # <f> must be the cell's first child
            return None
        tag = data[j : k + 1]
        if b"&" in tag:
            return None
        ref = _attr_value(_ATTR_R, tag)
        match = _CELL_REF.fullmatch(ref.decode("ascii", "replace")) if ref is not None else None
        if match is None:
            return None  # the place would follow from the cells before: parse
        end = data.find(b"</c>", i)
        if end < 0:
            return None
        body = data[i:end]
        if _OTHER_CHILD.search(body):
            return None
        values = list(_V_START.finditer(body))
        if len(values) > 1:
            return None
        has_value = False
        if values:
            v_end = body.find(b">", values[0].start())
            if v_end < 0:
                return None
            # <v/> and <v></v> hold no text; anything between <v> and </v> is a saved result.
            has_value = body[v_end - 1] != 0x2F and body[v_end + 1 : v_end + 2] != b"<"
        is_error = _attr_value(_ATTR_T, tag) == b"e"
        state: FormulaState = "error" if is_error else "cached" if has_value else "missing"
        found[(int(match.group(2)) - 1, column_index(match.group(1)) - 1)] = state
        if len(found) > limits.max_formula_cells:
            raise UnsafeFileError(f"公式单元格超过 {limits.max_formula_cells} 个，已拒绝导入")
    return found if _scan_error_values(data, found, limits) else None


def _scan_error_values(data: bytes, found: dict[tuple[int, int], FormulaState], limits: Limits) -> bool:
    """Cells whose stored content is an error value (``<c r="M9" t="e"><v>#REF!</v></c>``, no formula)
    added to ``found``; False when one of them cannot be placed with certainty.

    The quoted ``e`` is searched for; only one that is the ``t=`` of a cell's start tag counts
    (the same text inside a string or another element is not an attribute of ``<c``)."""
    for quoted in (b'"e"', b"'e'"):
        i = data.find(quoted)
        while i >= 0:
            j = data.rfind(b"<", 0, i)
            if j >= 0 and data[j + 1 : j + 2] == b"c" and j + 2 < len(data) and data[j + 2] in _C_BOUNDARY:
                end = data.find(b">", i)
                if data.rfind(b">", j, i) < 0 and end >= 0:  # inside the start tag
                    tag = data[j : end + 1]
                    if _attr_value(_ATTR_T, tag) == b"e":
                        ref = _attr_value(_ATTR_R, tag)
                        match = _CELL_REF.fullmatch(ref.decode("ascii", "replace")) if ref is not None else None
                        if match is None or b"&" in tag:
                            return False
                        key = (int(match.group(2)) - 1, column_index(match.group(1)) - 1)
                        if key not in found:  # a formula that failed is already there, as "error"
                            found[key] = "error_value"
                            if len(found) > limits.max_formula_cells:
                                raise UnsafeFileError(f"公式单元格超过 {limits.max_formula_cells} 个，已拒绝导入")
            i = data.find(quoted, i + 3)
    return True


def _xlsx_formulas_parsed(data: bytes, limits: Limits) -> dict[tuple[int, int], FormulaState]:
    """Formula cells by parsing every element of the sheet (any well-formed sheet XML)."""
    found: dict[tuple[int, int], FormulaState] = {}
    row = -1
    col = -1
    try:
        for event, element in DefusedET.iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start":
                if name == "row":
                    ref = element.get("r")
                    row = int(ref) - 1 if ref and ref.isdigit() else row + 1
                    col = -1
                elif name == "c":
                    match = _CELL_REF.fullmatch(element.get("r") or "")
                    if match:
                        row, col = int(match.group(2)) - 1, column_index(match.group(1)) - 1
                    else:
                        col += 1
                continue
            if name == "c":
                state = _xlsx_cell_formula(element)
                if state is not None:
                    found[(row, col)] = state
                    if len(found) > limits.max_formula_cells:
                        raise UnsafeFileError(f"公式单元格超过 {limits.max_formula_cells} 个，已拒绝导入")
                element.clear()
            elif name == "row":
                element.clear()
    except (UnsafeFileError, UnreadableFileError):
        raise
    except _XML_ERRORS as exc:
        raise UnreadableFileError("工作表内容已损坏，无法读取公式信息") from exc
    return found


def _xlsx_cell_formula(cell: Element) -> FormulaState | None:
    has_formula = False
    has_value = False
    for child in cell:
        tag = _local(child.tag)
        if tag == "f":
            has_formula = True
        elif tag == "v":
            has_value = child.text is not None
    if not has_formula:
        return "error_value" if cell.get("t") == "e" else None
    if cell.get("t") == "e":
        return "error"
    return "cached" if has_value else "missing"


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _attr(element: Element, ns: str, name: str) -> str | None:
    return element.get(f"{{{ns}}}{name}")


def _count(element: Element, name: str) -> int:
    text = _attr(element, _ODS_TABLE, name)
    if text is None or not text.isdigit():
        return 1
    return max(int(text), 1)


@dataclass
class OdsSheet:
    merges: list[MergedRange] = field(default_factory=list)
    formulas: dict[tuple[int, int], FormulaState] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)


_ODS_HIDDEN = ("collapsed", "filter")  # table:visibility of a hidden row (hidden by hand, or by a filter)
_ODS_HIDDEN_RUN = 10_000  # a longer run of repeated hidden rows is blank filler, not data: not listed


def ods_structure(data: bytes, limits: Limits) -> dict[str, OdsSheet]:
    """Merged blocks, formula cells and hidden rows of every table in an .ods content.xml.

    Also enforces the extent limit, counting repeated rows and cells as calamine will.
    """
    sheets: dict[str, OdsSheet] = {}
    current = OdsSheet()
    table_name = ""
    row = col = 0
    rows_here = 1
    max_row = max_col = 0
    row_max_col = 0
    merges = 0
    try:
        for event, element in DefusedET.iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start":
                if name == "table" and element.tag.startswith(f"{{{_ODS_TABLE}"):
                    table_name = _attr(element, _ODS_TABLE, "name") or f"Sheet{len(sheets) + 1}"
                    current = sheets.setdefault(table_name, OdsSheet())
                    row = max_row = max_col = 0
                elif name == "table-row":
                    rows_here = _count(element, "number-rows-repeated")
                    col = row_max_col = 0
                    if _attr(element, _ODS_TABLE, "visibility") in _ODS_HIDDEN and rows_here <= _ODS_HIDDEN_RUN:
                        current.hidden_rows.update(range(row, row + rows_here))
                continue
            if name in ("table-cell", "covered-table-cell"):
                cols_here = _count(element, "number-columns-repeated")
                formula = _attr(element, _ODS_TABLE, "formula")
                value_type = _attr(element, _ODS_OFFICE, "value-type")
                if value_type is not None or formula is not None or len(element):
                    row_max_col = max(row_max_col, col + cols_here)
                    check_extent(table_name, row + rows_here, row_max_col, limits)
                if name == "table-cell":
                    spans = (_count(element, "number-rows-spanned"), _count(element, "number-columns-spanned"))
                    if spans != (1, 1):
                        merges += rows_here * cols_here
                        if merges > limits.max_merged_ranges:
                            raise UnsafeFileError(f"合并单元格超过 {limits.max_merged_ranges} 处，已拒绝导入")
                        for r in range(row, row + rows_here):
                            for c in range(col, col + cols_here):
                                current.merges.append(MergedRange(r, c, r + spans[0] - 1, c + spans[1] - 1))
                    if formula is not None:
                        if rows_here * cols_here + len(current.formulas) > limits.max_formula_cells:
                            raise UnsafeFileError(f"公式单元格超过 {limits.max_formula_cells} 个，已拒绝导入")
                        state: FormulaState = "missing" if value_type is None else "cached"
                        for r in range(row, row + rows_here):
                            for c in range(col, col + cols_here):
                                current.formulas[(r, c)] = state
                col += cols_here
                element.clear()
            elif name == "table-row":
                if row_max_col:
                    max_row = row + rows_here
                    max_col = max(max_col, row_max_col)
                    check_extent(table_name, max_row, max_col, limits)
                row += rows_here
                element.clear()
    except (UnsafeFileError, UnreadableFileError):
        raise
    except _XML_ERRORS as exc:
        raise UnreadableFileError("ODS 文件内容已损坏，无法读取") from exc
    return sheets


xlsx_formulas = _xlsx_formulas  # the public name (grid's reader); tests reach the two ways directly


# A row's start tag (``<row r="12" hidden="1" …>``, prefixed or not; never ``<rowBreaks>``).
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?row[\s/>][^>]*>")
_HIDDEN_ATTR = re.compile(rb"\shidden\s*=\s*(?:\"(?:1|true)\"|'(?:1|true)')")


def xlsx_hidden_rows(data: bytes) -> frozenset[int]:
    """The 0-based rows of one worksheet part hidden in Excel (calamine reads them like any other row).

    Most sheets have none: one search for ``hidden`` answers. A row without ``r=`` follows the one before.
    """
    if b"hidden" not in data:
        return frozenset()
    hidden: set[int] = set()
    last = -1
    for match in _ROW_TAG.finditer(data):
        tag = match.group()
        ref = _attr_value(_ATTR_R, tag)
        last = int(ref) - 1 if ref is not None and ref.strip().isdigit() else last + 1
        if b"hidden" in tag and _HIDDEN_ATTR.search(tag):
            hidden.add(last)
    return frozenset(hidden)
