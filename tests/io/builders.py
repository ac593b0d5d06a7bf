"""Builders of survey-shaped spreadsheet files for the reader's tests.

One layout (a list of rows plus merged blocks) is written out as .xlsx (xlsxwriter),
.xls (xlwt), .ods (content.xml written by hand) or .csv, so every format is tested with
the same content.
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import xlsxwriter

from resettle.domain.ids import random_valid_id

COLUMNS: list[tuple[str, str]] = [
    ("seq", "序号"),
    ("household_no", "户号"),
    ("head", "户主姓名"),
    ("name", "姓名"),
    ("relation", "与户主关系"),
    ("sex", "性别"),
    ("id_number", "身份证号码"),
    ("birth_date", "出生日期"),
    ("phone", "联系电话"),
    ("land_class", "地类"),
    ("land_area_mu", "面积(亩)"),
    ("structure_type", "结构"),
    ("floor_area_m2", "建筑面积\n(㎡)"),
    ("trees", "果树(棵)"),
    ("bank_name", "开户银行"),
    ("bank_account", "银行账号"),
    ("remarks", "备注"),
]
PARENTS: dict[str, tuple[str, ...]] = {
    "家庭成员": ("name", "relation", "sex", "id_number", "birth_date"),
    "被征收土地": ("land_class", "land_area_mu"),
    "房屋": ("structure_type", "floor_area_m2"),
}
PERSON_KEYS = ("name", "relation", "sex", "id_number", "birth_date")


@dataclass
class Formula:
    """A formula cell; ``cached`` is the result saved in the file (None: no result saved)."""

    text: str
    cached: Any = None


@dataclass
class Layout:
    """Rows of cell values (None = empty) and merged blocks (0-based, inclusive)."""

    rows: list[list[Any]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def put(self, r: int, c: int, value: Any) -> None:
        while len(self.rows) <= r:
            self.rows.append([])
        row = self.rows[r]
        while len(row) <= c:
            row.append(None)
        row[c] = value


def person(name: str, relation: str, born: date, sex: str, rng: random.Random, **cells: Any) -> dict[str, Any]:
    return {
        "name": name,
        "relation": relation,
        "sex": sex,
        "id_number": random_valid_id(rng, born, sex),
        "birth_date": born,
        **cells,
    }


def household(no: str, members: list[dict[str, Any]], **cells: Any) -> dict[str, Any]:
    return {"household_no": no, "head": members[0]["name"] if members else "", "members": members, **cells}


def survey_layout(
    households: list[dict[str, Any]],
    *,
    title: str | None = "东岗村征地拆迁入户调查登记表（一组）",
    filler: str | None = "填表单位：镇征迁办　　调查日期：2026年3月",
    two_level: bool = True,
    labels: dict[str, str] | None = None,
    columns: list[tuple[str, str]] | None = None,
    merge: bool = True,
    repeat_household_cells: bool = False,
    blank_between: bool = False,
    total: str | None = "合计",
) -> Layout:
    """A survey sheet in the usual shape. Household cells go on the household's first row
    (merged down over its members when ``merge``), or on every row when
    ``repeat_household_cells``. A household dict may carry ``extra_rows``: rows of extra
    cells (e.g. a second parcel) placed on the following rows."""
    columns = columns or COLUMNS
    labels = labels or {}
    keys = [key for key, _ in columns]
    index = {key: i for i, key in enumerate(keys)}
    layout = Layout()
    r = 0
    width = len(columns)
    if title is not None:
        layout.put(r, 0, title)
        layout.merges.append((r, 0, r, width - 1))
        r += 1
    if filler is not None:
        layout.put(r, 0, filler)
        layout.merges.append((r, 0, r, width - 1))
        r += 1
    if two_level:
        spanned: dict[str, str] = {}
        for parent, children in PARENTS.items():
            present = [index[k] for k in children if k in index]
            if len(present) > 1:
                layout.put(r, min(present), parent)
                layout.merges.append((r, min(present), r, max(present)))
                for k in children:
                    spanned[k] = parent
        for key, label in columns:
            text = labels.get(key, label)
            if key in spanned:
                layout.put(r + 1, index[key], text)
            else:
                layout.put(r, index[key], text)
                layout.merges.append((r, index[key], r + 1, index[key]))
        r += 2
    else:
        for key, label in columns:
            layout.put(r, index[key], labels.get(key, label))
        r += 1
    for seq, hh in enumerate(households, start=1):
        members = hh["members"] or [{}]
        extra = hh.get("extra_rows", [])
        height = max(len(members), len(extra) + 1)
        top = r
        for i in range(height):
            member = members[i] if i < len(members) else {}
            for key in PERSON_KEYS:
                if key in index and member.get(key) is not None:
                    layout.put(r + i, index[key], member[key])
        cells = {"seq": seq, **{k: v for k, v in hh.items() if k not in ("members", "extra_rows")}}
        for key, value in cells.items():
            if key not in index or value is None:
                continue
            rows = range(top, top + height) if repeat_household_cells else range(top, top + 1)
            for row in rows:
                layout.put(row, index[key], value)
            if merge and not repeat_household_cells and height > 1:
                layout.merges.append((top, index[key], top + height - 1, index[key]))
        for offset, row_cells in enumerate(extra, start=1):
            for key, value in row_cells.items():
                layout.put(top + offset, index[key], value)
        r += height
        if blank_between:
            r += 1
    if total is not None:
        layout.put(r, 0, total)
        if "land_area_mu" in index:
            layout.put(r, index["land_area_mu"], 999.99)
    return layout


# --- writers -----------------------------------------------------------------------------


def write_xlsx(path: Path, sheets: dict[str, Layout]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, layout in sheets.items():
        sheet = book.add_worksheet(name)
        for top, left, bottom, right in layout.merges:
            if (top, left) != (bottom, right):
                sheet.merge_range(top, left, bottom, right, None)
        for r, row in enumerate(layout.rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                _write_xlsx_cell(sheet, r, c, value, date_format)
    book.close()
    return path


def _write_xlsx_cell(sheet: Any, r: int, c: int, value: Any, date_format: Any) -> None:
    if isinstance(value, Formula):
        if value.cached is None:
            raise ValueError("use write_xlsx_openpyxl for formulas without a cached value")
        sheet.write_formula(r, c, value.text, None, value.cached)
    elif isinstance(value, bool):
        sheet.write_boolean(r, c, value)
    elif isinstance(value, datetime | date):
        sheet.write_datetime(r, c, value, date_format)
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(r, c, value)
    else:
        sheet.write_string(r, c, str(value))


def write_xlsx_openpyxl(path: Path, sheets: dict[str, Layout]) -> Path:
    """openpyxl saves formulas without a cached result, like a file written by a program."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, layout in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(layout.rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                cell = sheet.cell(row=r + 1, column=c + 1)
                if isinstance(value, Formula):
                    cell.value = value.text
                else:
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"
        for top, left, bottom, right in layout.merges:
            if (top, left) != (bottom, right):
                sheet.merge_cells(start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1)
    book.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, Layout]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, layout in sheets.items():
        sheet = book.add_sheet(name)
        covered: set[tuple[int, int]] = set()
        for top, left, bottom, right in layout.merges:
            if (top, left) == (bottom, right):
                continue
            value = layout.rows[top][left] if left < len(layout.rows[top]) else None
            style = date_style if isinstance(value, date) else xlwt.Style.default_style
            sheet.write_merge(top, bottom, left, right, "" if value is None else value, style)
            covered.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1))
        for r, row in enumerate(layout.rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, date):
                    sheet.write(r, c, value, date_style)
                elif isinstance(value, Decimal):
                    sheet.write(r, c, float(value))
                else:
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)
_ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def ods_cell(value: Any, spans: tuple[int, int] = (1, 1)) -> str:
    attrs = ""
    if spans != (1, 1):
        attrs += f' table:number-rows-spanned="{spans[0]}" table:number-columns-spanned="{spans[1]}"'
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, Formula):
        attrs += f' table:formula="of:{escape(value.text)}"'
        if value.cached is None:
            return f"<table:table-cell{attrs}/>"
        value = value.cached
    if isinstance(value, bool):
        raise TypeError("no booleans in these ODS fixtures")
    if isinstance(value, date):
        return (
            f'<table:table-cell{attrs} office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float | Decimal):
        return (
            f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    lines = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{lines}</table:table-cell>'


def ods_document(tables_xml: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables_xml}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def write_ods_content(path: Path, content_xml: str) -> Path:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODS_MIME)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content_xml, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_ods(path: Path, sheets: dict[str, Layout], hidden_rows: frozenset[int] = frozenset()) -> Path:
    """``hidden_rows`` (0-based) are written hidden (``table:visibility="collapsed"``) in every sheet."""
    tables = []
    for name, layout in sheets.items():
        anchors = {(t, left): (b - t + 1, right - left + 1) for t, left, b, right in layout.merges}
        covered = {
            (r, c)
            for t, left, b, right in layout.merges
            for r in range(t, b + 1)
            for c in range(left, right + 1)
            if (r, c) != (t, left)
        }
        width = max((len(row) for row in layout.rows), default=0)
        rows_xml = []
        for r, row in enumerate(layout.rows):
            cells = []
            for c in range(width):
                value = row[c] if c < len(row) else None
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                else:
                    cells.append(ods_cell(value, anchors.get((r, c), (1, 1))))
            start = '<table:table-row table:visibility="collapsed">' if r in hidden_rows else "<table:table-row>"
            rows_xml.append(start + "".join(cells) + "</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(rows_xml)}</table:table>')
    return write_ods_content(path, ods_document("".join(tables)))


def csv_text(layout: Layout, delimiter: str = ",") -> str:
    def quote(value: Any) -> str:
        text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
        if any(ch in text for ch in (delimiter, '"', "\n", "\r")):
            text = '"' + text.replace('"', '""') + '"'
        return text

    return "".join(delimiter.join(quote(v) for v in row) + "\r\n" for row in layout.rows)


def write_csv(path: Path, layout: Layout, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    path.write_bytes(csv_text(layout, delimiter).encode(encoding))
    return path


# --- raw zip archives (for bombs and forged headers) ----------------------------------------


@dataclass
class RawEntry:
    name: str
    payload: bytes  # stored as given (already deflated when method == 8)
    file_size: int
    crc: int
    method: int = zipfile.ZIP_DEFLATED
    offset_override: int | None = None  # header offset written into the central directory


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def raw_entry(name: str, data: bytes) -> RawEntry:
    return RawEntry(name, deflate(data), len(data), zlib.crc32(data))


def zeros_entry(name: str, mebibytes: int) -> RawEntry:
    """A deflated run of zeros built from one repeated block (fast to make, huge to inflate)."""
    block = b"\0" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    return RawEntry(name, piece * mebibytes + b"\x03\x00", mebibytes << 20, crc)


def write_raw_zip(path: Path, entries: list[RawEntry]) -> Path:
    """A zip archive written byte by byte, so sizes and offsets can be anything."""
    out = bytearray()
    central = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0x800,
            entry.method,
            0,
            0,
            entry.crc,
            len(entry.payload),
            entry.file_size,
            len(name),
            0,
        )
        out += name + entry.payload
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0x800,
            entry.method,
            0,
            0,
            entry.crc,
            len(entry.payload),
            entry.file_size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            entry.offset_override if entry.offset_override is not None else offset,
        )
        central += name
    start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


MINIMAL_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="一组" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def sheet_xml(cells: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (
        f'{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    )


def minimal_xlsx(path: Path, sheet: str | bytes, extra: list[RawEntry] | None = None) -> Path:
    """A hand-made .xlsx with one sheet whose XML is given verbatim."""
    data = sheet.encode("utf-8") if isinstance(sheet, str) else sheet
    entries = [raw_entry(name, text.encode("utf-8")) for name, text in MINIMAL_XLSX_PARTS.items()]
    entries.append(raw_entry("xl/worksheets/sheet1.xml", data))
    return write_raw_zip(path, entries + (extra or []))


# --- big workbooks ---------------------------------------------------------------------------


def luhn_complete(digits: str) -> str:
    """Append the Luhn check digit, as bank card numbers carry."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return digits + str(-total % 10)


def large_survey(path: Path, households: int, seed: int = 7) -> tuple[int, int]:
    """A workbook of ``households`` households in sheets of 500, written in constant memory.

    Returns (households, persons).
    """
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    persons = 0
    used: set[str] = set()
    per_sheet = 500
    sheets = (households + per_sheet - 1) // per_sheet
    for s in range(sheets):
        sheet = book.add_worksheet(f"{s + 1}组")
        layout = survey_layout([], title=f"东岗村征地拆迁入户调查登记表（{s + 1}组）", total=None)
        rows = list(layout.rows)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write_string(r, c, value)
        r = len(rows)
        merges = []
        for n in range(min(per_sheet, households - s * per_sheet)):
            size = rng.randint(1, 6)
            top = r
            for i in range(size):
                born = date(rng.randint(1935, 2015), rng.randint(1, 12), rng.randint(1, 28))
                sex = rng.choice("男女")
                sheet.write_string(r, 3, f"成员{n}{i}")
                sheet.write_string(r, 4, "户主" if i == 0 else rng.choice(("配偶", "子", "女", "母亲")))
                sheet.write_string(r, 5, sex)
                number = random_valid_id(rng, born, sex)
                while number in used:
                    number = random_valid_id(rng, born, sex)
                used.add(number)
                sheet.write_string(r, 6, number)
                sheet.write_datetime(r, 7, datetime(born.year, born.month, born.day), date_format)
                if i == 0:
                    sheet.write_number(r, 0, n + 1)
                    sheet.write_string(r, 1, f"H{s + 1:03d}{n + 1:04d}")
                    sheet.write_string(r, 2, f"成员{n}{i}")
                    sheet.write_string(r, 8, f"13{rng.randrange(10**9):09d}")
                    sheet.write_string(r, 9, rng.choice(("水田", "旱地", "林地")))
                    sheet.write_number(r, 10, rng.randint(10, 500) / 100)
                    sheet.write_string(r, 11, rng.choice(("框架", "砖混", "砖木")))
                    sheet.write_number(r, 12, rng.randint(5000, 30000) / 100)
                    sheet.write_number(r, 13, rng.choice((0, 3, 8)))
                    sheet.write_string(r, 14, "农村信用社")
                    sheet.write_string(
                        r, 15, luhn_complete("6228" + "".join(rng.choice("0123456789") for _ in range(14)))
                    )
                r += 1
            persons += size
            if size > 1:
                merges.append((top, top + size - 1))
        for top, bottom in merges:
            for c in (1, 2, 9, 10, 15):
                sheet.merge_range(top, c, bottom, c, None)
    book.close()
    return households, persons
