"""Spreadsheet files as grids: values, merged blocks, formula cells, text encodings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from resettle.io.grid import column_letter, open_workbook
from resettle.io.guards import column_index
from tests.io.builders import (
    Formula,
    Layout,
    minimal_xlsx,
    sheet_xml,
    write_ods,
    write_xls,
    write_xlsx,
    write_xlsx_openpyxl,
)


def _layout() -> Layout:
    layout = Layout()
    layout.put(0, 0, "户号")
    layout.put(0, 1, "面积")
    layout.put(1, 0, "H001")
    layout.put(1, 1, 1.25)
    layout.put(3, 2, date(1985, 3, 12))
    layout.merges.append((1, 0, 3, 0))
    return layout


@pytest.mark.parametrize(
    "writer",
    [
        lambda p, layout: write_xlsx(p / "g.xlsx", {"表": layout}),
        lambda p, layout: write_xls(p / "g.xls", {"表": layout}),
        lambda p, layout: write_ods(p / "g.ods", {"表": layout}),
    ],
    ids=["xlsx", "xls", "ods"],
)
def test_values_and_merges(tmp_path: Path, writer: object) -> None:
    path = writer(tmp_path, _layout())  # type: ignore[operator]
    with open_workbook(path) as book:
        grid = book.load("表")
    assert grid.raw(1, 0) == "H001" and grid.raw(2, 0) is None
    assert grid.value(2, 0) == grid.value(3, 0) == "H001"
    assert grid.anchor(3, 0) == (1, 0) and grid.anchor(1, 0) is None
    assert grid.raw(1, 1) == 1.25
    assert grid.raw(3, 2) == date(1985, 3, 12)
    assert grid.raw(99, 99) is None and grid.value(-1, 0) is None


def test_xlsx_formula_states(tmp_path: Path) -> None:
    layout = Layout()
    layout.put(0, 0, Formula("=1+1", 2))
    layout.put(0, 1, Formula("=1/0", "#DIV/0!"))
    layout.put(0, 2, 5)
    with open_workbook(write_xlsx(tmp_path / "f.xlsx", {"s": layout})) as book:
        grid = book.load("s")
    assert grid.formulas == {(0, 0): "cached", (0, 1): "error"}
    assert grid.raw(0, 0) == 2
    no_cache = Layout()
    no_cache.put(2, 3, Formula("=SUM(A1:A2)"))
    with open_workbook(write_xlsx_openpyxl(tmp_path / "n.xlsx", {"s": no_cache})) as book:
        assert book.load("s").formula(2, 3) == "missing"


def test_cells_without_references_are_placed_in_order(tmp_path: Path) -> None:
    cells = '<row><c t="inlineStr"><is><t>a</t></is></c><c><f>1+1</f></c></row><row><c><v>3</v></c></row>'
    with open_workbook(minimal_xlsx(tmp_path / "r.xlsx", sheet_xml(cells))) as book:
        grid = book.load("一组")
    assert grid.rows == [["a"], [3.0]]  # the formula without a result is empty to calamine
    assert grid.formulas == {(0, 1): "missing"}


def test_csv_delimiters_and_encodings(tmp_path: Path) -> None:
    semicolon = tmp_path / "a.csv"
    semicolon.write_bytes("户号;姓名\nH1;张三\n".encode("gb18030"))
    with open_workbook(semicolon) as book:
        assert book.sheet_names == ["a"]
        assert book.load("a").rows == [["户号", "姓名"], ["H1", "张三"]]
    bom = tmp_path / "b.csv"
    bom.write_bytes("\ufeff户号,姓名\r\nH1,\r\n".encode())
    with open_workbook(bom) as book:
        assert book.load("b").rows == [["户号", "姓名"], ["H1", None]]


def test_column_letters() -> None:
    for index, letters in ((0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")):
        assert column_letter(index) == letters
        assert column_index(letters) == index + 1
