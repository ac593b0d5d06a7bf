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


def test_formula_cells_are_found_once_during_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks already inflate every sheet: its formula cells are kept then, so loading a sheet (three
    times in the wizard) inflates nothing again, and each grid gets its own copy of the shared map."""
    from resettle.io.guards import SafePackage

    layout = Layout()
    layout.put(0, 0, Formula("=1+1", 2))
    layout.put(0, 1, Formula("=1/0", "#DIV/0!"))
    path = write_xlsx(tmp_path / "f.xlsx", {"s": layout})
    monkeypatch.setattr(SafePackage, "read", lambda self, name: pytest.fail(f"{name} inflated again"))
    with open_workbook(path) as book:
        first = book.load("s")
        first.formulas.clear()
        assert book.load("s").formulas == {(0, 0): "cached", (0, 1): "error"}


def test_a_sheet_with_too_many_formulas_is_refused_when_loaded_and_the_others_still_open(tmp_path: Path) -> None:
    from dataclasses import replace

    from resettle.io.guards import DEFAULT_LIMITS, UnsafeFileError

    many, plain = Layout(), Layout()
    for c in range(3):
        many.put(0, c, Formula(f"={c}+1", c + 1))
    plain.put(0, 0, Formula("=1+1", 2))
    path = write_xlsx(tmp_path / "f.xlsx", {"多": many, "少": plain})
    with open_workbook(path, replace(DEFAULT_LIMITS, max_formula_cells=2)) as book:
        assert book.load("少").formulas == {(0, 0): "cached"}
        with pytest.raises(UnsafeFileError, match="公式单元格超过 2 个"):
            book.load("多")


def test_a_sheet_full_of_formulas_is_not_kept_with_the_checked_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checked package stays in a cache for the session: a sheet of formulas is scanned again when
    loaded rather than held there."""
    from resettle.io import guards

    monkeypatch.setattr(guards, "_FORMULAS_KEPT", 2)
    many = Layout()
    for c in range(3):
        many.put(0, c, Formula(f"={c}+1", c + 1))
    with open_workbook(write_xlsx(tmp_path / "f.xlsx", {"多": many})) as book:
        assert book._package is not None and book._package.formulas == {}
        assert book.load("多").formulas == {(0, 0): "cached", (0, 1): "cached", (0, 2): "cached"}


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
