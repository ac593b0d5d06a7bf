"""Checks that run on a spreadsheet file before any parser touches it.

An .xlsx/.xlsm/.ods file is a zip archive of XML parts. Three kinds of hostile file
can hang or kill the program (and with it the clerk's unsaved work):

* zip bombs: a few kilobytes on disk that inflate to gigabytes. The central directory is
  checked first (entry count, declared sizes, compression ratio, overlapping entries);
  every XML part is then inflated here, with the declared size as a hard cap and the
  CRC checked, so a forged size cannot slip past.
* XML bombs ("billion laughs", external entities): refused outright when any XML part
  carries a DOCTYPE or ENTITY declaration, which spreadsheet files never need.
* range bombs: a sheet with one cell in A1 and one in XFD1048576. calamine allocates the
  whole rectangle between them and the process aborts (measured: 512 GiB requested).
  The extent of every worksheet is computed from its cell references and refused when
  the rectangle is too large.

Nothing in this module trusts the file; everything it reports is in Chinese for the clerk.
"""

from __future__ import annotations

import contextlib
import itertools
import posixpath
import re
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as DefusedET

from resettle.errors import ResettleError

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "SafePackage",
    "UnreadableFileError",
    "UnsafeFileError",
    "check_extent",
    "check_file_size",
    "check_xml_part",
    "column_index",
    "open_safe_package",
    "xlsx_sheet_extent",
    "xlsx_sheet_parts",
]

_MIB = 1024 * 1024


class UnsafeFileError(ResettleError, ValueError):
    """The file looks built to exhaust memory or time; it is refused, not repaired."""


class UnreadableFileError(ResettleError, ValueError):
    """The file is damaged, encrypted or not a spreadsheet at all."""


@dataclass(frozen=True)
class Limits:
    """Ceilings for one spreadsheet file. Real survey workbooks stay far below them."""

    max_file_bytes: int = 300 * _MIB
    max_entries: int = 10_000
    max_total_uncompressed: int = 512 * _MIB
    max_entry_uncompressed: int = 256 * _MIB
    # Sheet XML compresses 10-30 fold; a run of zeros compresses about 1000 fold.
    max_ratio: float = 200.0
    ratio_applies_above: int = 4 * _MIB
    max_sheet_cells: int = 10_000_000
    max_formula_cells: int = 1_000_000
    max_merged_ranges: int = 200_000


DEFAULT_LIMITS = Limits()


def _mib(size: int) -> str:
    return f"{size / _MIB:.0f} MB"


def check_file_size(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFileError(f"无法打开文件「{path.name}」：{exc.strerror or exc}") from exc
    if size > limits.max_file_bytes:
        raise UnsafeFileError(
            f"文件「{path.name}」有 {_mib(size)}，超过允许的 {_mib(limits.max_file_bytes)}，请拆分后再导入"
        )
    return size


# --- XML declarations -------------------------------------------------------------------


def _case_free(word: bytes, pad: bytes = b"", pad_first: bool = False) -> bytes:
    """Regex for ``word`` in any letter case, each byte optionally paired with a NUL (UTF-16)."""
    parts = []
    for byte in word:
        ch = bytes([byte])
        alt = re.escape(ch) if not ch.isalpha() else b"[" + ch.lower() + ch.upper() + b"]"
        parts.append(pad + alt if pad_first else alt + pad)
    return b"".join(parts)


_DECLARATIONS = re.compile(
    b"|".join(
        _case_free(word, pad, first)
        for word in (b"<!doctype", b"<!entity")
        for pad, first in ((b"", False), (b"\x00", False), (b"\x00", True))
    )
)


def check_xml_part(name: str, data: bytes, file_name: str = "") -> None:
    """Refuse DOCTYPE and ENTITY declarations (UTF-8 and UTF-16 spellings alike)."""
    if (b"<!" in data or b"<\x00!" in data) and _DECLARATIONS.search(data):
        where = f"文件「{file_name}」" if file_name else "文件"
        raise UnsafeFileError(
            f"{where}内部的「{name}」含有 DOCTYPE/ENTITY 声明（可被用来耗尽内存的“XML 炸弹”），已拒绝导入。"
            "正常的 Excel/WPS 文件不会有这种内容，请用 Excel 打开后另存为新文件再试"
        )


# --- worksheet extent -------------------------------------------------------------------

_PREFIX = rb"<(?:[A-Za-z_][\w.\-]*:)?"
# Any attribute r="A1" counts as a cell reference: other elements of a sheet carry r="5"
# (rows) or ref=/sqref= (other names), so a stray match can only make the bound larger.
_CELL_REF = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?([0-9]{1,9})[\"']")
_CELL_ELEM = re.compile(_PREFIX + rb"c[\s/>]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:[cf][\s/>]")
# Tags that start with "<c" but are not a cell (<col>, <cfRule> …): "<c" followed by anything but the
# characters that may end a cell's tag name (space, tab, newline, return, "/", ">").
_OTHER_C_TAG = re.compile(rb"<c[^ \t\n\r/>]")
_ROW_REF = re.compile(_PREFIX + rb"row\s[^>]*?\br\s*=\s*[\"']([0-9]{1,9})[\"']")
_ROW_ELEM = re.compile(_PREFIX + rb"row[\s/>]")
# A cell as Excel writes it: its reference first, plain letters and digits (searched from the fixed "<c r=").
_PLAIN_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,9}"')
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,9})"')


def column_index(letters: str) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27 (1-based, as Excel counts)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index


def xlsx_sheet_extent(data: bytes) -> tuple[int, int]:
    """Upper bound of (rows, columns) that calamine will allocate for this sheet XML.

    Cell references give the bound directly. Cells and rows without a reference are
    placed after the previous one, so each of them can widen the bound by one.
    """
    if _PREFIXED.search(data):
        cells = len(_CELL_ELEM.findall(data))
    else:
        # Two scans instead of one per possible end of the tag name (0.09 s -> 0.03 s at 10,000 households);
        # a "<c" at the very end of the part counts as a cell, which only widens the bound.
        cells = data.count(b"<c") - len(_OTHER_C_TAG.findall(data))
        fast = _plain_cell_extent(data, cells)
        if fast is not None:
            return fast
    refs = _CELL_REF.findall(data)
    # Over the distinct row numbers and column letters: a row's cells share them.
    max_row = max(map(int, {row for _, row in refs}), default=0)
    max_col = max((column_index(col.decode("ascii")) for col in {c for c, _ in refs}), default=0)
    unreferenced = cells - len(refs)
    if unreferenced > 0:
        row_refs = _ROW_REF.findall(data)
        rows_without_ref = len(_ROW_ELEM.findall(data)) - len(row_refs)
        max_row = max(max_row, max((int(r) for r in row_refs), default=0)) + max(rows_without_ref, 0)
        max_col += unreferenced
    return max_row, max_col


def _plain_cell_extent(data: bytes, cells: int) -> tuple[int, int] | None:
    """The extent when every cell is written as Excel and WPS write it, ``<c r="B12"`` first (else None).

    Then each cell's position is its own reference, read by two searches that start from a fixed
    text (the whole extent check of a 10,000-household survey's 22 MB: 0.35 s -> 0.24 s): the column
    letters (one letter is a shared object) and the row numbers, each counted. Any other spelling (a prefix,
    a ``$``, lower case, another attribute first, a cell without a reference) leaves some cell
    unmatched, and the general scan decides."""
    if cells <= 0 or data.count(b'<c r="') != cells:
        return None
    letters = _PLAIN_COLUMN.findall(data)
    numbers = _PLAIN_ROW.findall(data)
    if len(letters) != cells or len(numbers) != cells:
        return None
    max_col = max(column_index(col.decode("ascii")) for col in set(letters))
    return max(map(int, set(numbers))), max_col


def check_extent(sheet: str, rows: int, cols: int, limits: Limits = DEFAULT_LIMITS) -> None:
    if rows * cols > limits.max_sheet_cells:
        raise UnsafeFileError(
            f"工作表「{sheet}」的数据范围达 {rows} 行 × {cols} 列，超过允许的 {limits.max_sheet_cells} 个单元格"
            "（可能在很远的位置有零星内容）。请删除多余的行列后另存再导入"
        )


# --- the archive ------------------------------------------------------------------------

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_MAGIC = b"PK\x03\x04"


@dataclass
class SafePackage:
    """A zip package whose directory and XML parts passed the checks."""

    path: Path
    members: dict[str, zipfile.ZipInfo]
    limits: Limits
    # Worksheet/content parts that contain formula markup, to be scanned for formula cells.
    formula_parts: set[str] = field(default_factory=set)
    # Small parts kept for the caller (root and workbook relations, workbook.xml, ODS content).
    kept: dict[str, bytes] = field(default_factory=dict)
    workbook_part: str | None = None
    related_parts: set[str] = field(default_factory=set)  # targets of the workbook's relations
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> part name
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)  # worksheet part -> (rows, columns) bound
    # Worksheet part -> its formula cells and their state, found while the part was inflated for the
    # checks (a survey's 合计 rows hold =SUM): loading a sheet then needs no second inflation. Read only.
    formulas: dict[str, dict[tuple[int, int], Any]] = field(default_factory=dict)
    # Worksheet part -> its rows hidden in Excel (0-based), found in the same pass; absent = none.
    hidden_rows: dict[str, frozenset[int]] = field(default_factory=dict)

    def read(self, name: str) -> bytes:
        """Inflate one member again, with the same caps as during the checks."""
        info = self.members.get(name)
        if info is None:
            raise KeyError(name)
        with self.path.open("rb") as fh:
            return _inflate(fh, info, self.limits)


def _refuse_directory(path: Path, infos: list[zipfile.ZipInfo], disk_size: int, limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise UnsafeFileError(f"文件「{path.name}」内部有 {len(infos)} 个部件，超过允许的 {limits.max_entries} 个")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableFileError(f"文件「{path.name}」已加密，请先在 Excel 中取消密码后另存再导入")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFileError(
                f"文件「{path.name}」使用了不支持的压缩方式，请用 Excel 打开后另存为 .xlsx 再导入"
            )
        if info.file_size > limits.max_entry_uncompressed:
            raise UnsafeFileError(
                f"文件「{path.name}」内部的「{info.filename}」解压后有 {_mib(info.file_size)}，"
                f"超过允许的 {_mib(limits.max_entry_uncompressed)}（疑似“压缩炸弹”），已拒绝导入"
            )
        if info.file_size > limits.ratio_applies_above:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise UnsafeFileError(
                    f"文件「{path.name}」内部的「{info.filename}」压缩比达 {ratio:.0f} 倍"
                    f"（正常表格不超过 {limits.max_ratio:.0f} 倍），疑似“压缩炸弹”，已拒绝导入"
                )
        total += info.file_size
    if total > limits.max_total_uncompressed:
        raise UnsafeFileError(
            f"文件「{path.name}」解压后共 {_mib(total)}，超过允许的 {_mib(limits.max_total_uncompressed)}"
            "（疑似“压缩炸弹”），已拒绝导入"
        )
    if total > limits.ratio_applies_above and total / max(disk_size, 1) > limits.max_ratio:
        raise UnsafeFileError(f"文件「{path.name}」整体压缩比异常（疑似“压缩炸弹”），已拒绝导入")
    # Entries that share compressed bytes are the trick behind "overlapping" zip bombs.
    spans = sorted((info.header_offset, info.header_offset + info.compress_size) for info in infos)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        if end > next_start:
            raise UnsafeFileError(f"文件「{path.name}」内部部件相互重叠（疑似“压缩炸弹”），已拒绝导入")


def _inflate(fh: BinaryIO, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """Inflate one member with its declared size as a hard cap; check size and CRC exactly."""
    damaged = UnreadableFileError(f"文件内部的「{info.filename}」已损坏，无法读取")
    fh.seek(info.header_offset)
    header = fh.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
        raise damaged
    name_len, extra_len = struct.unpack("<2H", header[26:30])
    fh.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    expected = info.file_size
    remaining = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        data = fh.read(min(remaining, expected + 1))
    else:
        inflater = zlib.decompressobj(-15)
        out = bytearray()
        while remaining > 0 and not inflater.eof:
            chunk = fh.read(min(remaining, _MIB))
            if not chunk:
                break
            remaining -= len(chunk)
            pending = chunk
            while pending and not inflater.eof:
                try:
                    out += inflater.decompress(pending, expected + 1 - len(out))
                except zlib.error as exc:
                    raise damaged from exc
                if len(out) > expected:
                    raise UnsafeFileError(
                        f"文件内部的「{info.filename}」解压后比声明的大小更大（疑似“压缩炸弹”），已拒绝导入"
                    )
                pending = inflater.unconsumed_tail
        if not inflater.eof:
            raise damaged
        data = bytes(out)
    if len(data) != expected or zlib.crc32(data) != info.CRC:
        raise damaged
    return data


def _is_xml_part(name: str) -> bool:
    return name.lower().endswith(_XML_SUFFIXES)


_FORMULA_MARK = re.compile(_PREFIX + rb"f[\s/>]")
_SHEET_DATA = re.compile(_PREFIX + rb"sheetData[\s/>]")
_ODS_FORMULA_MARK = re.compile(rb"formula\s*=")
_ODS_CONTENT = "content.xml"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_XML_ERRORS = (DefusedET.ParseError, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden, ValueError)


_FORMULA_BOUNDARY = frozenset(b" >/\t\n\r")


def has_formula_markup(data: bytes) -> bool:
    """Whether the part has a ``<f>`` element (``<f …``, ``<f>``, ``<f/>``) or a prefixed one, or may
    hold a stored error value (a quoted ``e``: ``t="e"``; the formula scan tells which it is)."""
    if b'"e"' in data or b"'e'" in data:
        return True
    i = data.find(b"<f")
    while i >= 0:  # one pass: "<f" is rare in sheet XML (only formulas start with it)
        if i + 2 < len(data) and data[i + 2] in _FORMULA_BOUNDARY:
            return True
        i = data.find(b"<f", i + 2)
    return b":f" in data and _FORMULA_MARK.search(data) is not None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(data: bytes | None) -> Element | None:
    if data is None:
        return None
    try:
        root: Element = DefusedET.fromstring(data, forbid_dtd=True)
    except _XML_ERRORS:
        return None
    return root


def _resolve(base_dir: str, target: str) -> str:
    target = target.replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, target))


def _relations(data: bytes | None, base_dir: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) of a .rels part (external targets left out)."""
    root = _parse(data)
    found: dict[str, tuple[str, str]] = {}
    if root is None:
        return found
    for rel in root:
        rel_id, target = rel.get("Id"), rel.get("Target")
        if rel_id and target and rel.get("TargetMode") != "External":
            found[rel_id] = (rel.get("Type") or "", _resolve(base_dir, target))
    return found


def iter_members(package: SafePackage, names: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    with package.path.open("rb") as fh:
        for name in names:
            yield name, _inflate(fh, package.members[name], package.limits)


def _workbook_structure(package: SafePackage, lower: dict[str, str]) -> None:
    """Find the workbook as calamine does (root relations, then the workbook's own relations,
    part names matched without regard to case) and keep the small parts that describe it."""

    def member(name: str) -> str | None:
        return lower.get(name.lower())

    def read(name: str | None) -> bytes | None:
        if name is None:
            return None
        if name not in package.kept:
            for part, data in iter_members(package, [name]):
                check_xml_part(part, data, package.path.name)
                package.kept[part] = data
        return package.kept[name]

    workbook = "xl/workbook.xml"
    for rel_type, target in _relations(read(member("_rels/.rels")), "").values():
        if rel_type.endswith(_OFFICE_DOCUMENT):
            workbook = target
            break
    folder = posixpath.dirname(workbook)
    package.workbook_part = member(workbook)
    rels_name = member(posixpath.join(folder, "_rels", "workbook.xml.rels")) or member(
        posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels")
    )
    relations = _relations(read(rels_name), folder)
    package.related_parts = {name for _, target in relations.values() if (name := member(target))}
    book = _parse(read(package.workbook_part))
    if book is None:
        return
    for element in book.iter():
        if _local(element.tag) == "sheet":
            sheet, rel_id = element.get("name"), element.get(f"{{{_REL_NS}}}id")
            if sheet is not None and rel_id in relations and (name := member(relations[rel_id][1])):
                package.sheet_parts[sheet] = name


def xlsx_sheet_parts(package: SafePackage) -> dict[str, str]:
    """Sheet name -> part name in the archive (``xl/worksheets/sheet1.xml``)."""
    return package.sheet_parts


# The last few files that passed, keyed by what identifies their bytes: the import wizard opens
# the same file three times (its sheet list, the grid preview, the read), and the checks inflate
# and scan every part (0.4 s for a 10,000-household survey). The key holds the file's size,
# modification time and inode and its zip directory (every part's CRC-32 and sizes, a few
# milliseconds to read), so a file written again since is checked again even within one clock
# tick; a refused file is never kept.
_PASSED: OrderedDict[tuple[object, ...], SafePackage] = OrderedDict()
_PASSED_KEPT = 4
_PASSED_LOCK = threading.Lock()


def _file_key(path: Path, limits: Limits) -> tuple[object, ...] | None:
    try:
        st = path.stat()
        if st.st_size > limits.max_file_bytes:
            return None
        with zipfile.ZipFile(path) as archive:
            directory = tuple(
                (i.filename, i.CRC, i.compress_size, i.file_size, i.header_offset) for i in archive.infolist()
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None  # the checks themselves say what is wrong with the file
    if len(directory) > limits.max_entries:
        return None
    return (str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, limits, directory)


def open_safe_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> SafePackage:
    """Check a zip-based spreadsheet completely before it is opened by a parser.

    Raises UnsafeFileError for bombs and UnreadableFileError for damaged files. A file that
    passed and has not changed on disk since is not checked again (the result is shared:
    callers do not change a package).
    """
    key = _file_key(path, limits)
    if key is not None:
        with _PASSED_LOCK:
            passed = _PASSED.get(key)
            if passed is not None:
                _PASSED.move_to_end(key)
                return passed
    package = _check_package(path, limits)
    if key is not None and _file_key(path, limits) == key:  # not rewritten while it was checked
        with _PASSED_LOCK:
            _PASSED[key] = package
            while len(_PASSED) > _PASSED_KEPT:
                _PASSED.popitem(last=False)
    return package


_FORMULAS_KEPT = 10_000  # formula cells of one sheet kept with a checked package (a survey has a few dozen)


def _scan_formulas(package: SafePackage, part: str, data: bytes, limits: Limits) -> None:
    """The part's formula cells while its bytes are at hand. A part the scan refuses or cannot read
    is left out: loading that sheet reads it again and says so then (other sheets still open)."""
    from resettle.io.sheet_xml import xlsx_formulas  # the sheet reader builds on these guards

    with contextlib.suppress(UnsafeFileError, UnreadableFileError):
        found = xlsx_formulas(data, limits)
        if len(found) <= _FORMULAS_KEPT:  # a sheet of formulas is read again when loaded, not kept in the cache
            package.formulas[part] = found


def _scan_hidden_rows(package: SafePackage, part: str, data: bytes) -> None:
    from resettle.io.sheet_xml import xlsx_hidden_rows  # the sheet reader builds on these guards

    rows = xlsx_hidden_rows(data)
    if rows:
        package.hidden_rows[part] = rows


def _check_package(path: Path, limits: Limits) -> SafePackage:
    disk_size = check_file_size(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError(f"文件「{path.name}」已损坏或不是 Excel/WPS 表格文件") from exc
    _refuse_directory(path, infos, disk_size, limits)
    members: dict[str, zipfile.ZipInfo] = {}
    lower: dict[str, str] = {}
    for info in infos:
        if info.filename.lower() in lower:
            raise UnsafeFileError(f"文件「{path.name}」内部有重名部件「{info.filename}」，已拒绝导入")
        members[info.filename] = info
        lower[info.filename.lower()] = info.filename
    package = SafePackage(path=path, members=members, limits=limits)
    _workbook_structure(package, lower)
    # Every part a parser may open: XML by name, and whatever the workbook's relations point at.
    parsed = [
        name for name in members if name not in package.kept and (_is_xml_part(name) or name in package.related_parts)
    ]
    sheet_names = {part: sheet for sheet, part in package.sheet_parts.items()}
    for name, data in iter_members(package, parsed):
        check_xml_part(name, data, path.name)
        # Worksheets are told by their content too: a sheet may sit anywhere under any name.
        if name in sheet_names or _SHEET_DATA.search(data):
            rows, cols = xlsx_sheet_extent(data)
            check_extent(sheet_names.get(name, name), rows, cols, limits)
            package.extents[name] = (rows, cols)
            if has_formula_markup(data):
                package.formula_parts.add(name)
                _scan_formulas(package, name, data, limits)
            if b"hidden" in data:
                _scan_hidden_rows(package, name, data)
        elif name == _ODS_CONTENT:
            package.kept[name] = data
            if _ODS_FORMULA_MARK.search(data):
                package.formula_parts.add(name)
    return package
