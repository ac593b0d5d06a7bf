"""The public list (公示表): one sheet per village, IDs and phones masked, amounts by item.

Each row: household, group, masked head ID and phone, persons, land by class, floor area and
(once compensation is computed) the amounts by item; a 合计 row, then the posting period, the
complaint phone, the audit chain head and the signature line. IDs and phones go through
:func:`resettle.domain.mask.mask`; user text is written as text cells, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.domain.mask import mask
from resettle.domain.posting import ChainStamp
from resettle.io.exports.common import Cancelled, ExportInfo, Progress, RosterHousehold, Ticker, stamp_text
from resettle.io.xlsx_style import (
    Column,
    Styles,
    atomic_workbook,
    banner,
    headers,
    merge,
    new_sheet,
    print_setup,
    safe_text,
    sheet_title,
)

__all__ = ["DisclosureOptions", "write_disclosure"]


@dataclass(frozen=True)
class DisclosureOptions:
    land_classes: tuple[str, ...]  # one column each, in this order
    items: tuple[str, ...] = ()  # compensation items with amounts; empty: no amount columns
    posting_period: str = ""  # e.g. posting_period_text(...); a line to fill in by hand when empty
    complaint_phone: str = ""
    chain_head: ChainStamp | None = None  # the audit chain head printed under the totals


def _disclosure_columns(options: DisclosureOptions) -> list[Column]:
    columns = [
        Column("seq", "序号", 5),
        Column("household_no", "户号", 11),
        Column("head", "户主", 9),
        Column("group", "组", 7),
        Column("id", "户主身份证号码", 20),
        Column("phone", "联系电话", 13),
        Column("persons", "家庭人口", 6),
    ]
    land_parent = "被征收土地面积（亩）"
    columns += [Column(f"land:{c}", c or "未分类", 9, land_parent) for c in options.land_classes]
    columns.append(Column("land_total", "合计", 9, land_parent))
    columns.append(Column("floor", "房屋建筑面积\n(㎡)", 11))
    if options.items:
        money_parent = "补偿金额（元）"
        columns += [Column(f"item:{i}", i, max(11, 2 * len(i) + 2), money_parent) for i in options.items]
        columns.append(Column("money_total", "合计", 13, money_parent))
    columns.append(Column("remarks", "备注", 12))
    return columns


def write_disclosure(
    path: Path | str,
    rows: Iterable[tuple[RosterHousehold, dict[str, Decimal] | None]],
    villages: Sequence[tuple[str, int]],
    options: DisclosureOptions,
    *,
    project: str = "",
    progress: Progress = None,
    cancelled: Cancelled = None,
    exported_at: datetime | None = None,
) -> ExportInfo:
    """The public list, one sheet per village (``villages``: name and household count, in order).

    Each row: household, group, masked head ID and phone, persons, land by class, floor area,
    and (when ``options.items``) the amounts by item. IDs and phones go through :func:`mask`.
    """
    info = ExportInfo(Path(path))
    total = sum(n for _, n in villages)
    ticker = Ticker(total, progress, cancelled)
    stamp = stamp_text(exported_at)
    columns = _disclosure_columns(options)
    index = {column.key: i for i, column in enumerate(columns)}
    width = len(columns)
    number_columns = [
        i for i, column in enumerate(columns) if column.key.startswith(("land", "floor", "item", "money"))
    ]
    money_columns = {i for i, column in enumerate(columns) if column.key.startswith(("item", "money"))}
    used: set[str] = set()
    class_columns = {land_class: index[f"land:{land_class}"] for land_class in options.land_classes}
    item_columns = [(item, index[f"item:{item}"]) for item in options.items]
    c_money = index.get("money_total", -1)
    c_seq, c_no, c_head, c_group, c_id, c_phone, c_persons, c_land, c_floor, c_remarks = (
        index[k] for k in ("seq", "household_no", "head", "group", "id", "phone", "persons", "land_total", "floor", "remarks")
    )  # fmt: skip
    not_computed = "尚未计算补偿" if options.items else ""
    zero = Decimal("0.00")
    with atomic_workbook(path) as book:
        f = Styles(book)
        number_plan = [(c, f.money if c in money_columns else f.area) for c in number_columns]
        center, f_int, f_text = f.text_center, f.int, f.text

        def open_sheet(name: str, count: int) -> tuple[Any, int]:
            sheet = new_sheet(book, sheet_title(name or "公示表", used))
            info.sheets.append(sheet.name)
            banner(sheet, 0, width, f"{project}{name}征收土地及地上附着物调查结果公示表", f.title, 30)
            note = f"共 {count:,} 户　　面积单位：亩、平方米" + ("　金额单位：元" if options.items else "")
            banner(sheet, 1, width, f"{note}　　制表时间：{stamp}", f.note)
            first = headers(sheet, f, 2, columns)
            print_setup(sheet, 2, 3, 3)
            return sheet, first

        def close_sheet(sheet: Any, r: int, sums: dict[int, Decimal], persons: int) -> None:
            sheet.write_string(r, 0, "合计", f.total_label)
            for c in range(1, width):
                sheet.write_blank(r, c, None, f.total_label)
            merge(sheet, r, 0, r, 5)
            sheet.write_number(r, c_persons, persons, f.total_int)
            for c, value in sorted(sums.items()):
                sheet.write_number(r, c, value, f.total_money if c in money_columns else f.total_area)
            lines = [
                "公示期：" + (options.posting_period or "自　　年　　月　　日至　　年　　月　　日（不少于 30 日）"),
                "监督（异议）电话："
                + (options.complaint_phone or "＿＿＿＿＿＿＿＿")
                + "　　对公示内容有异议的，请在公示期内向镇征迁办书面提出。",
                "注：身份证号码和联系电话已按个人信息保护规定隐去部分数字。",
            ]
            if options.chain_head is not None:
                lines.append(options.chain_head.text)
            lines.append("公示单位（盖章）：　　　　　　　　　　　　　　公示日期：　　　　年　　月　　日")
            for offset, line in enumerate(lines, start=2):
                banner(sheet, r + offset, width, line, f.line)
            info.rows += r + len(lines) + 2

        ws: Any = None
        village: str | None = None
        r = seq = persons = 0
        sums: dict[int, Decimal] = {}
        string = number = blank = None
        for h, amounts in rows:
            if ws is None or h.village != village:
                if ws is not None:
                    close_sheet(ws, r, sums, persons)
                village = h.village
                count = next((n for name, n in villages if name == village), 0)
                ws, r = open_sheet(village, count)
                seq = persons = 0
                sums = {}
                string, number, blank = ws.write_string, ws.write_number, ws.write_blank
            assert string is not None and number is not None and blank is not None
            seq += 1
            number(r, c_seq, seq, f_int)
            no, head, group = h.household_no, h.head_name, h.group
            head_id, phone = mask(h.head_id, "id"), mask(h.phone, "phone")
            string(r, c_no, safe_text(no), center) if no else blank(r, c_no, None, center)
            string(r, c_head, safe_text(head), center) if head else blank(r, c_head, None, center)
            string(r, c_group, safe_text(group), center) if group else blank(r, c_group, None, center)
            string(r, c_id, safe_text(head_id), center) if head_id else blank(r, c_id, None, center)
            string(r, c_phone, safe_text(phone), center) if phone else blank(r, c_phone, None, center)
            members = h.person_count
            number(r, c_persons, members, f_int)
            persons += members
            cells: dict[int, Decimal] = {}
            land = zero
            for land_class, area in h.parcels:
                c = class_columns[land_class]
                cells[c] = cells[c] + area if c in cells else area
                land += area
            cells[c_land] = land
            if h.structures:
                floor = zero
                for _, area in h.structures:
                    floor += area
                cells[c_floor] = floor
            if amounts is not None:
                for item, c in item_columns:
                    if item in amounts:
                        cells[c] = amounts[item]
                if item_columns:
                    cells[c_money] = sum(amounts.values(), zero)
            for c, fmt in number_plan:
                value = cells.get(c)
                if value is None:
                    blank(r, c, None, fmt)
                else:
                    number(r, c, value, fmt)
                    sums[c] = sums[c] + value if c in sums else value
            if amounts is None and not_computed:
                string(r, c_remarks, not_computed, f_text)
            else:
                blank(r, c_remarks, None, f_text)
            r += 1
            info.households += 1
            info.persons += members
            ticker.tick()
        if ws is not None:
            close_sheet(ws, r, sums, persons)
        else:
            sheet = new_sheet(book, "公示表")
            banner(sheet, 0, width, "没有可公示的户", f.title, 30)
            info.sheets.append("公示表")
    ticker.finish()
    return info
