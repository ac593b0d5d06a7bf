"""Formula cells in household data: the value Excel saved is read, with a warning; a formula
without a saved result, or one that failed (#DIV/0! …), is an error, and so is an error value
stored without a formula (#REF! pasted as a value), which would otherwise read as an empty cell.

Which cells hold formulas comes from the sheet XML (:mod:`resettle.io.grid`: a byte search
for ``<f>`` elements); this module only turns them into issues for the rows read.
"""

from __future__ import annotations

from resettle.io.sheet_xml import ERROR_VALUE
from resettle.io.survey.sheet import SheetContext
from resettle.io.values import display

__all__ = ["check_formulas"]


def check_formulas(ctx: SheetContext, r: int) -> None:
    if r not in ctx.formula_rows:
        return
    formulas = ctx.grid.formulas
    for key, c in ctx.cols.items():
        if key == "seq" or ctx.grid.anchor(r, c) is not None:
            continue
        state = formulas.get((r, c))
        if state is None:
            continue
        value = ctx.grid.raw(r, c)
        if state == "cached":
            ctx.issue(
                r, key, value, f"单元格是公式，已按 Excel 保存的计算结果「{display(value)}」读取", "formula", "warning"
            )
        elif state == "error":
            ctx.issue(r, key, value, "单元格是公式且计算出错，请改为数值后再导入", "formula")
        elif state == "error_value":
            ctx.issue(r, key, value, ERROR_VALUE, "formula")
        else:
            ctx.issue(
                r,
                key,
                value,
                "单元格是公式但文件里没有计算结果，请在 Excel 中打开并保存，或改为数值后再导入",
                "formula",
            )
