"""Hostile files are refused before a parser sees them, quickly and with a Chinese message."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from resettle.io.grid import open_workbook
from resettle.io.guards import (
    Limits,
    UnreadableFileError,
    UnsafeFileError,
    check_xml_part,
    open_safe_package,
    xlsx_sheet_extent,
)
from resettle.io.survey import read_survey
from tests.io.builders import (
    MINIMAL_XLSX_PARTS,
    RawEntry,
    minimal_xlsx,
    ods_document,
    raw_entry,
    sheet_xml,
    write_ods_content,
    write_raw_zip,
    zeros_entry,
)

ONE_CELL = '<row r="1"><c r="A1" t="inlineStr"><is><t>户号</t></is></c></row>'

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


def _refused_quickly(path: Path, seconds: float = 2.0) -> UnsafeFileError:
    start = time.perf_counter()
    with pytest.raises(UnsafeFileError) as caught:
        read_survey(path)
    assert time.perf_counter() - start < seconds
    message = str(caught.value)
    assert path.name in message or "工作表" in message or "部件" in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return caught.value


def test_the_minimal_workbook_itself_is_fine(tmp_path: Path) -> None:
    path = minimal_xlsx(tmp_path / "ok.xlsx", sheet_xml(ONE_CELL))
    with open_workbook(path) as book:
        assert book.sheet_names == ["一组"]
        assert book.load("一组").rows == [["户号"]]


def test_gigabyte_of_zeros_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = zeros_entry("xl/media/image1.png", 1024)
    path = minimal_xlsx(tmp_path / "bomb.xlsx", sheet_xml(ONE_CELL), extra=[bomb])
    assert path.stat().st_size < 2 * 1024 * 1024
    error = _refused_quickly(path)
    assert "压缩炸弹" in str(error)


def test_bomb_inside_a_sheet_part_is_refused(tmp_path: Path) -> None:
    entries = [raw_entry(n, b"<x/>") for n in ("[Content_Types].xml", "xl/workbook.xml")]
    entries.append(zeros_entry("xl/worksheets/sheet1.xml", 1024))
    _refused_quickly(write_raw_zip(tmp_path / "bomb2.xlsx", entries))


def test_high_ratio_below_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = minimal_xlsx(tmp_path / "ratio.xlsx", sheet_xml(ONE_CELL), extra=[zeros_entry("xl/media/a.bin", 64)])
    error = _refused_quickly(path)
    assert "压缩比" in str(error)


def test_many_small_parts_add_up(tmp_path: Path) -> None:
    parts = [zeros_entry(f"xl/media/{i}.bin", 3) for i in range(200)]
    _refused_quickly(minimal_xlsx(tmp_path / "many.xlsx", sheet_xml(ONE_CELL), extra=parts))


def test_entry_count_limit(tmp_path: Path) -> None:
    path = minimal_xlsx(tmp_path / "count.xlsx", sheet_xml(ONE_CELL))
    with pytest.raises(UnsafeFileError, match="部件"):
        open_safe_package(path, Limits(max_entries=3))


def test_declared_size_smaller_than_the_real_content(tmp_path: Path) -> None:
    honest = raw_entry("xl/worksheets/sheet1.xml", sheet_xml(ONE_CELL * 2000).encode())
    forged = RawEntry(honest.name, honest.payload, 1000, honest.crc)
    entries = [raw_entry(n, b"<x/>") for n in ("[Content_Types].xml", "xl/workbook.xml")] + [forged]
    with pytest.raises(UnsafeFileError, match="比声明的大小更大"):
        read_survey(write_raw_zip(tmp_path / "forged.xlsx", entries))


def test_overlapping_entries(tmp_path: Path) -> None:
    first = raw_entry("xl/worksheets/sheet1.xml", sheet_xml(ONE_CELL * 50).encode())
    second = RawEntry("xl/worksheets/sheet2.xml", first.payload, first.file_size, first.crc, offset_override=0)
    entries = [first, second]
    with pytest.raises(UnsafeFileError, match="重叠"):
        read_survey(write_raw_zip(tmp_path / "overlap.xlsx", entries))


def test_damaged_member_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    good = raw_entry("xl/worksheets/sheet1.xml", sheet_xml(ONE_CELL).encode())
    broken = RawEntry(good.name, good.payload, good.file_size, good.crc ^ 1)
    with pytest.raises(UnreadableFileError, match="损坏"):
        read_survey(write_raw_zip(tmp_path / "crc.xlsx", [broken]))


def test_billion_laughs_in_a_sheet_is_refused(tmp_path: Path) -> None:
    cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    path = minimal_xlsx(tmp_path / "laughs.xlsx", sheet_xml(cells, prolog=BILLION_LAUGHS))
    error = _refused_quickly(path, seconds=1.0)
    assert "DOCTYPE" in str(error)


def test_external_entity_and_utf16_doctype_are_refused(tmp_path: Path) -> None:
    external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    path = minimal_xlsx(tmp_path / "xxe.xlsx", sheet_xml(ONE_CELL, prolog=external))
    _refused_quickly(path)
    utf16 = sheet_xml(ONE_CELL, prolog='<?xml version="1.0" encoding="UTF-16"?><!doctype x []>').encode("utf-16")
    _refused_quickly(minimal_xlsx(tmp_path / "utf16.xlsx", utf16))
    for encoding in ("utf-16-le", "utf-16-be"):
        with pytest.raises(UnsafeFileError):
            check_xml_part("p.xml", "<!ENTITY a 'b'>".encode(encoding))


def test_far_away_cell_range_bomb_is_refused(tmp_path: Path) -> None:
    # calamine would allocate all 17 billion cells between A1 and XFD1048576 and abort the process.
    cells = ONE_CELL + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    error = _refused_quickly(minimal_xlsx(tmp_path / "far.xlsx", sheet_xml(cells)))
    assert "一组" in str(error)


def test_cells_without_references_count_too() -> None:
    many = "<c><v>1</v></c>" * 20
    rows, cols = xlsx_sheet_extent(
        sheet_xml(f'<row r="1048576">{many}</row><row r="1"><c r="A1"><v>1</v></c></row>').encode()
    )
    assert rows >= 1048576 and cols >= 20


def _general_extent(data: bytes) -> tuple[int, int]:
    """The general scan alone (every spelling of a reference), for comparison with the plain-cell search."""
    from resettle.io import guards

    refs = guards._CELL_REF.findall(data)
    return max(int(r) for _, r in refs), max(guards.column_index(c.decode()) for c, _ in refs)


@pytest.mark.parametrize("seed", range(40))
def test_the_plain_cell_search_gives_what_the_general_scan_gives(seed: int) -> None:
    import random

    rng = random.Random(seed)
    rows = []
    for r in rng.sample(range(1, 200_000), rng.randrange(1, 30)):
        cols = rng.sample(range(1, 16_385), rng.randrange(1, 8))
        cells = "".join(f'<c r="{_letters(c)}{r}" s="1"><v>{c}</v></c>' for c in cols)
        rows.append(f'<row r="{r}">{cells}</row>')
    data = sheet_xml("".join(rows)).encode()
    assert xlsx_sheet_extent(data) == _general_extent(data)


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rem = divmod(column - 1, 26)
        out = chr(65 + rem) + out
    return out


@pytest.mark.parametrize(
    "far",
    [
        '<c s="1" r="XFD1048576"><v>1</v></c>',  # another attribute before the reference
        "<c r='XFD1048576'><v>1</v></c>",  # single quotes
        '<c r="$XFD$1048576"><v>1</v></c>',
        '<c r="xfd1048576"><v>1</v></c>',
        '<c  r="XFD1048576"><v>1</v></c>',
    ],
)
def test_a_cell_spelled_otherwise_among_plain_ones_still_widens_the_extent(far: str) -> None:
    plain = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}"><v>2</v></c></row>' for r in range(1, 50))
    rows, cols = xlsx_sheet_extent(sheet_xml(plain + f'<row r="1048576">{far}</row>').encode())
    assert (rows, cols) == (1048576, 16384)


def test_every_way_a_cell_tag_can_end_counts_and_other_c_tags_do_not() -> None:
    """Unreferenced cells are counted whatever follows the tag name (space, tab, newline, return, '/',
    '>'); <cols>, <col>, <cfRule> … are not cells."""
    ends = ["<c>1</c>", "<c/>", '<c t="n"/>', '<c\tt="n"/>', '<c\nt="n"/>', '<c\rt="n"/>']
    sheet = sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row><row>' + "".join(ends) + "</row>",
    ).replace("<sheetData>", '<cols><col min="1" max="3"/></cols><sheetData>')
    rows, cols = xlsx_sheet_extent(
        (sheet + '<conditionalFormatting><cfRule type="x"/></conditionalFormatting>').encode()
    )
    assert (rows, cols) == (2, 1 + len(ends))


def test_ods_repeated_cells_bomb_is_refused(tmp_path: Path) -> None:
    table = (
        '<table:table table:name="一组"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>'
        "</table:table-row></table:table>"
    )
    _refused_quickly(write_ods_content(tmp_path / "bomb.ods", ods_document(table)))


def test_ods_empty_repeats_are_fine(tmp_path: Path) -> None:
    # LibreOffice writes trailing empty rows and cells as huge repeats; they hold nothing.
    table = (
        '<table:table table:name="一组"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>户号</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row></table:table>'
    )
    with open_workbook(write_ods_content(tmp_path / "ok.ods", ods_document(table))) as book:
        assert book.load("一组").rows == [["户号"]]


def test_unreadable_files_give_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    html = tmp_path / "export.xls"
    html.write_text("<html><table><tr><td>户号</td></tr></table></html>", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    ole = tmp_path / "broken.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    not_a_book = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_a_book, "w") as archive:
        archive.writestr("readme.txt", "hello")
    for path, words in (
        (junk, "损坏"),
        (html, "网页"),
        (empty, "空文件"),
        (ole, "无法读取"),
        (not_a_book, "不是"),
        (tmp_path / "missing.xlsx", "无法打开"),
    ):
        with pytest.raises(UnreadableFileError, match=words):
            read_survey(path)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = minimal_xlsx(tmp_path / "ok.xlsx", sheet_xml(ONE_CELL))
    with pytest.raises(UnsafeFileError, match="超过"):
        open_safe_package(path, Limits(max_file_bytes=100))


def test_sheet_stored_under_another_name_is_still_checked(tmp_path: Path) -> None:
    # The workbook relations may point anywhere; calamine follows them, so the checks do too.
    parts = dict(MINIMAL_XLSX_PARTS)
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "worksheets/sheet1.xml", "media/picture.bin"
    )
    far = ONE_CELL + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    entries = [raw_entry(name, text.encode()) for name, text in parts.items()]
    bomb = write_raw_zip(
        tmp_path / "hidden.xlsx", [*entries, raw_entry("xl/media/picture.bin", sheet_xml(far).encode())]
    )
    assert "一组" in str(_refused_quickly(bomb))
    laughs = sheet_xml(ONE_CELL, prolog=BILLION_LAUGHS).encode()
    dtd = write_raw_zip(tmp_path / "dtd.xlsx", [*entries, raw_entry("xl/media/picture.bin", laughs)])
    _refused_quickly(dtd)
    fine = write_raw_zip(
        tmp_path / "fine.xlsx", [*entries, raw_entry("xl/media/picture.bin", sheet_xml(ONE_CELL).encode())]
    )
    with open_workbook(fine) as book:
        assert book.load("一组").rows == [["户号"]]


def test_svg_pictures_with_a_doctype_are_not_refused(tmp_path: Path) -> None:
    svg = raw_entry(
        "xl/media/image1.svg", b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    )
    with open_workbook(minimal_xlsx(tmp_path / "svg.xlsx", sheet_xml(ONE_CELL), extra=[svg])) as book:
        assert book.sheet_names == ["一组"]


def test_xls_extent_is_checked_before_copying(tmp_path: Path) -> None:
    import xlwt

    def far_book(name: str, row: int, col: int) -> Path:
        book = xlwt.Workbook()
        sheet = book.add_sheet("一组")
        sheet.write(0, 0, "户号")
        sheet.write(row, col, 1)
        book.save(str(tmp_path / name))
        return tmp_path / name

    with open_workbook(far_book("far.xls", 65535, 255)) as reader, pytest.raises(UnsafeFileError, match="一组"):
        reader.load("一组")
    with open_workbook(far_book("near.xls", 29999, 99)) as reader:
        assert (reader.load("一组").n_rows, reader.load("一组").n_cols) == (30000, 100)
    strict = Limits(max_sheet_cells=1_000_000)
    with open_workbook(far_book("near2.xls", 29999, 99), strict) as reader, pytest.raises(UnsafeFileError):
        reader.load("一组")


def test_workbook_in_another_folder_and_names_in_another_case(tmp_path: Path) -> None:
    # calamine finds the workbook through _rels/.rels and matches part names without case.
    far = ONE_CELL + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    parts = {
        "_rels/.rels": MINIMAL_XLSX_PARTS["_rels/.rels"].replace("xl/workbook.xml", "book/workbook.xml"),
        "book/workbook.xml": MINIMAL_XLSX_PARTS["xl/workbook.xml"],
        "book/_rels/workbook.xml.rels": MINIMAL_XLSX_PARTS["xl/_rels/workbook.xml.rels"].replace(
            "worksheets/sheet1.xml", "DATA/ONE.BIN"
        ),
    }
    entries = [raw_entry(name, text.encode()) for name, text in parts.items()]
    fine = write_raw_zip(
        tmp_path / "fine.xlsx", [*entries, raw_entry("book/data/one.bin", sheet_xml(ONE_CELL).encode())]
    )
    with open_workbook(fine) as book:
        assert book.load("一组").rows == [["户号"]]
    bomb = write_raw_zip(tmp_path / "far.xlsx", [*entries, raw_entry("book/data/one.bin", sheet_xml(far).encode())])
    assert "一组" in str(_refused_quickly(bomb))
    # A sheet that no relation names is still recognised by its content.
    stray = write_raw_zip(tmp_path / "stray.xlsx", [*entries, raw_entry("x/y.xml", sheet_xml(far).encode())])
    _refused_quickly(stray)


def test_a_file_that_passed_is_not_scanned_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wizard opens one file three times (sheet list, grid preview, read): the parts are inflated
    and scanned once; a file written again in its place, or the same file under tighter limits, is
    checked again, and a refused file is refused every time."""
    from resettle.io import guards

    scanned: list[str] = []
    real = guards.check_xml_part
    monkeypatch.setattr(
        guards,
        "check_xml_part",
        lambda name, data, file_name="": (scanned.append(name), real(name, data, file_name))[1],
    )
    path = minimal_xlsx(tmp_path / "survey.xlsx", sheet_xml(ONE_CELL * 3))
    first = open_safe_package(path)
    once = len(scanned)
    assert once > 0
    with open_workbook(path) as book:
        assert book.sheet_names == ["一组"]
    assert open_safe_package(path) is first and len(scanned) == once
    with pytest.raises(UnsafeFileError, match="部件"):
        open_safe_package(path, Limits(max_entries=3))
    # Rewritten at once (within the file system's clock tick) with a hostile sheet of another content.
    minimal_xlsx(path, sheet_xml(ONE_CELL, prolog=BILLION_LAUGHS))
    for _ in range(2):
        with pytest.raises(UnsafeFileError):
            open_safe_package(path)
    assert len(scanned) > once
