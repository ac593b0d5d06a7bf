"""The bank's side in tests: answer a batch workbook as a bank would (same sheet + 结果, 失败原因)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl


def answer(
    batch_xlsx: Path,
    out: Path,
    fail: Callable[[str], bool] = lambda _no: False,
    edit: Callable[[list[list[object]]], None] | None = None,
) -> Path:
    """Copy the batch sheet, answer 失败 for the 户号 ``fail`` picks, 成功 for the rest."""
    wb = openpyxl.load_workbook(batch_xlsx)
    ws = wb.active
    assert ws is not None
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
    rows[header] += ["结果", "失败原因"]
    for r in rows[header + 1 :]:
        if r[0] == "合计":
            break
        failed = fail(str(r[1]))
        r += ["失败" if failed else "成功", "账户不存在" if failed else ""]
    if edit is not None:
        edit(rows)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = ws.title
    for r in rows:
        sheet.append(r)
    for row in sheet.iter_rows(min_row=header + 2):
        for c in row[1:6]:
            if c.value is not None:
                c.data_type = "s"
    book.save(out)
    return out
