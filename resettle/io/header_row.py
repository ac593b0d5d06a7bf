"""Finding a sheet's header row by its column names (the housing and rate-table sheets; the survey has its own)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from resettle.io.grid import CellValue, SheetGrid

__all__ = ["header_row"]


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
