"""A sheet read by named columns (the housing and rate-table sheets; the survey has its own reader):
finding the header row by the columns' names, and reading the data rows' cells by column key."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from resettle.io.grid import CellValue, SheetGrid, column_letter
from resettle.io.sheet_xml import ERROR_VALUE

__all__ = ["KeyedRows", "header_row"]


def header_row(
    grid: SheetGrid,
    aliases: Mapping[str, Collection[str]],
    required: Collection[str],
    norm: Callable[[CellValue], str],
    depth: int,
) -> tuple[int, dict[str, int]] | None:
    """The first of the top ``depth`` rows that names every ``required`` column: (row, key -> column index).

    A cell names the key whose ``aliases`` hold its ``norm``-alised text; the first such cell wins."""
    for r in range(min(grid.n_rows, depth)):
        found: dict[str, int] = {}
        for c in range(grid.n_cols):
            text = norm(grid.value(r, c))
            for key, names in aliases.items():
                if key not in found and text in names:
                    found[key] = c
        if all(k in found for k in required):
            return r, found
    return None


class KeyedRows:
    """The cells of a sheet's data rows by column key; each reader says how a problem is recorded (:meth:`issue`)."""

    def __init__(self, grid: SheetGrid, columns: dict[str, int]) -> None:
        self.grid, self.columns = grid, columns

    def issue(self, r: int, key: str | None, message: str) -> None:
        raise NotImplementedError

    def letter(self, key: str | None) -> str:
        return column_letter(self.columns[key]) if key is not None and key in self.columns else ""

    def cell(self, r: int, key: str) -> CellValue:
        c = self.columns.get(key)
        return None if c is None else self.grid.value(r, c)

    def formula_free(self, r: int) -> bool:
        """No cell of row ``r`` is a formula (each one that is, is an issue: the value shown is not stored)."""
        ok = True
        for key, c in self.columns.items():
            state = self.grid.formula(r, c)
            if state is not None:
                self.issue(
                    r, key, ERROR_VALUE if state == "error_value" else "单元格是公式，请复制后“粘贴为数值”再导入"
                )
                ok = False
        return ok
