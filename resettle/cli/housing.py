"""Placement housing: ``housing …`` (stock, standard, lottery, choose, settle, handover) and ``transition statement``.

Thin over :mod:`resettle.services.housing`; ``--json`` prints the same data (money and
areas as decimal strings). A refused workbook prints ``{"errors": [{"sheet", "row", "column",
"message"}]}`` and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from resettle.cli.common import add_common, command, command_group, emit, open_db, parse_date, progress_printer
from resettle.domain.ids import normalize_id
from resettle.domain.placement import Settlement
from resettle.errors import NotFoundError, ValidationError
from resettle.io.housing_sheets import HousingSheetError
from resettle.services.compensation import summaries
from resettle.services.housing import placement, settlement, stock
from resettle.services.register import households, projects
from resettle.store.database import Database

__all__ = ["register", "settlement_payload"]

Handler = Callable[[argparse.Namespace], int]


def _refusals(handler: Handler) -> Handler:
    """A refused workbook: every bad cell as JSON (or text), exit 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except HousingSheetError as exc:
            if getattr(args, "json", False):
                errors = [
                    {"sheet": i.sheet, "row": i.row, "column": i.column, "message": i.message} for i in exc.issues
                ]
                print(json.dumps({"errors": errors}, ensure_ascii=False))
            print(f"错误：{exc.message}", file=sys.stderr)
            return 1

    return run


def _project(db: Database, args: argparse.Namespace) -> int:
    return projects.resolve_project(db, getattr(args, "project", None))


def _village(db: Database, project_id: int, args: argparse.Namespace) -> int | None:
    name = getattr(args, "village", None)
    return summaries.find_village_id(db, project_id, name) if name else None


def _decimal(text: str | None, label: str) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"{label}「{text}」不是数值", field=label) from None


# -- commands ------------------------------------------------------------------------------------


@_refusals
def cmd_import(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        result = stock.import_stock(db, pid, Path(args.file), progress=progress_printer(args))
    payload = {
        "project_id": pid,
        "estates": list(result.estates),
        "added": result.added,
        "updated": result.updated,
        "frozen": result.frozen,
    }
    text = f"已导入房源：{'、'.join(result.estates)}，新增 {result.added:,} 套，更新 {result.updated:,} 套，其中冻结 {result.frozen:,} 套"
    emit(args, payload, text)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        n = stock.export_stock(db, _project(db, args), Path(args.out))
    emit(args, {"out": str(args.out), "flats": n}, f"已导出 {n:,} 套房源到 {args.out}")
    return 0


@_refusals
def cmd_standard(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        info = stock.import_standard(db, pid, Path(args.file), publish=args.publish)
    std = info.standard
    payload = {
        "id": info.id,
        "project_id": pid,
        "revision": info.revision,
        "status": info.status,
        "area_per_person": std.area_per_person,
        "minimum_area": std.minimum_area,
        "price_within": std.price_within,
        "band_widths": list(std.band_widths),
        "band_prices": list(std.band_prices),
        "refund_price": std.refund_price,
        "transition_rate": std.transition_rate,
        "overdue_multiplier": std.overdue_multiplier,
        "fitout_months": std.fitout_months,
    }
    emit(args, payload, f"已导入安置标准第 {info.revision} 版（{info.status}）")
    return 0


def cmd_lottery(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=not args.verify) as db:
        pid = _project(db, args)
        vid = _village(db, pid, args)
        if args.verify:
            check = placement.verify_lottery(db, pid, args.seed, vid)
            payload: dict[str, Any] = {
                "ok": check.ok,
                "recorded_digest": check.recorded_digest,
                "computed_digest": check.computed_digest,
                "message": check.message,
            }
            emit(args, payload, check.message)
            return 0 if check.ok else 1
        info = placement.draw_lottery(db, pid, args.seed, vid, redraw_reason=args.redraw)
    payload = {
        "seed": info.seed,
        "digest": info.digest,
        "order": [{"position": p, "household_no": no} for p, no, _head in info.order],
    }
    lines = [f"抽签（{info.scope_label}）种子「{info.seed}」，{len(info.order)} 户，摘要 {info.digest}"]
    lines += [f"{p:>4}  {no}  {head}" for p, no, head in info.order]
    emit(args, payload, "\n".join(lines))
    return 0


def _owner_ids(db: Database, pid: int, household_id: int, text: str | None) -> list[int]:
    if not text:
        return []
    members = placement.placement_detail(db, pid, household_id).members
    out = []
    for part in text.replace("，", ",").split(","):
        key = part.strip()
        if not key:
            continue
        found = [m.id for m in members if m.id_number == normalize_id(key) or m.name == key]
        if not found:
            raise NotFoundError(f"本户没有身份证号或姓名为「{key}」的成员。")
        out.append(found[0])
    return out


@_refusals
def cmd_choose(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        if args.from_file:
            if args.household or args.flats or args.cash:
                raise ValidationError("--from 与户号、房号、--cash 不能同时使用。")
            r = placement.import_choices(db, pid, Path(args.from_file))
            payload: dict[str, Any] = {"households": r.households, "flats": r.flats, "cash": r.cash}
            emit(args, payload, f"已导入选房结果：{r.households} 户，{r.flats} 套房，货币安置 {r.cash} 户")
            return 0
        if not args.household:
            raise ValidationError("请给出户号（或用 --from 导入选房结果表）。")
        hid = households.find_household_id(db, args.household, pid)
        if args.cash:
            if args.flats:
                raise ValidationError("--cash 时不能再给房号。")
            result = placement.choose_cash(db, pid, hid)
        else:
            if not 1 <= len(args.flats) <= 2:
                raise ValidationError("请给出一个或两个房号（楼号-单元-房号），或用 --cash。")
            flat_ids = [placement.find_flat_id(db, pid, name) for name in args.flats]
            owners = _owner_ids(db, pid, hid, args.owners)
            owners2 = _owner_ids(db, pid, hid, args.owners2) or owners
            result = placement.choose_flats(db, pid, hid, flat_ids, owners=[owners, owners2][: len(flat_ids)])
    payload = {
        "household_no": result.household_no,
        "mode": result.mode,
        "flats": list(result.flats),
        "ahead_of_order": result.ahead_of_order,
    }
    text = f"{result.household_no}：{result.mode}" + (f"，选定 {'、'.join(result.flats)}" if result.flats else "")
    if result.ahead_of_order:
        text += "（先于抽签顺序选房，已记录）"
    emit(args, payload, text)
    return 0


def settlement_payload(no: str, s: Settlement) -> dict[str, Any]:
    return {
        "household_no": no,
        "entitled_m2": s.entitled_m2,
        "chosen_m2": s.chosen_m2,
        "flat_price": s.flat_price,
        "refund": s.refund,
        "net": s.net,
        "balance": s.balance,
        "lines": [
            {"code": ln.code, "item": ln.label, "area_m2": ln.area, "unit_price": ln.unit_price, "amount": ln.amount}
            for ln in s.lines
        ],
    }


def cmd_settle(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = _project(db, args)
        report = settlement.settle(db, pid, _village(db, pid, args), progress=progress_printer(args))
    payload = {
        "households": [settlement_payload(h.household_no, h.settlement) for h in report.households],
        "total_net": report.total_net,
    }
    lines = []
    for h in report.households:
        s = h.settlement
        lines.append(
            f"{h.household_no} {h.head_name}：应安置 {s.entitled_m2} ㎡，选房 {s.chosen_m2} ㎡，"
            f"房价 {s.flat_price:,} 元，退还 {s.refund:,} 元，应缴 {s.net:,} 元"
        )
        lines += [f"    {ln.label}：{ln.formula}" for ln in s.lines]
    lines.append(f"合计 {len(report.households)} 户，应缴差价 {report.total_net:,} 元")
    emit(args, payload, "\n".join(lines))
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        hid = households.find_household_id(db, args.household, pid)
        info = settlement.hand_over(
            db,
            pid,
            hid,
            args.date,
            keys=args.keys,
            water=_decimal(args.water, "水表读数"),
            power=_decimal(args.power, "电表读数"),
            gas=_decimal(args.gas, "燃气表读数"),
        )
    payload = {
        "household_no": info.household_no,
        "date": info.handed_over_on,
        "flats": list(info.flats),
        "notice_no": info.notice_no,
        "keys": info.keys,
    }
    emit(args, payload, f"{info.household_no} 已交房（{'、'.join(info.flats)}），入住通知单 {info.notice_no}")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        hid = households.find_household_id(db, args.household, pid)
        before = placement.placement_detail(db, pid, hid)
        placement.cancel_choice(db, pid, hid, args.reason)
    flats = [f.name for f in before.flats]
    emit(
        args,
        {"household_no": before.household_no, "released": flats, "reason": args.reason},
        f"{before.household_no} 已撤销选房（{'、'.join(flats) or '无'} 恢复可选）",
    )
    return 0


def cmd_title(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        hid = households.find_household_id(db, args.household, pid)
        info = settlement.set_title_status(db, pid, hid, args.status)
    emit(
        args,
        {"household_no": info.household_no, "title_status": info.title_status},
        f"{info.household_no} 办证：{info.title_status}",
    )
    return 0


def cmd_freeze(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        fid = placement.find_flat_id(db, pid, args.flat)
        action = stock.unfreeze_flat if args.unfreeze else stock.freeze_flat
        info = action(db, pid, fid, args.reason)
    emit(args, {"flat": info.name, "status": info.status, "reason": info.frozen_reason}, f"{info.name}：{info.status}")
    return 0


def cmd_move_out(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        hid = households.find_household_id(db, args.household, pid)
        detail = placement.set_moved_out(db, pid, hid, args.date)
    emit(args, {"household_no": detail.household_no, "moved_out_on": detail.moved_out_on}, "已登记搬迁腾空日期")
    return 0


def cmd_promise(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = _project(db, args)
        estates = [e for e in stock.list_estates(db, pid) if args.estate in (None, e.name)]
        if len(estates) != 1:
            raise ValidationError("请用 --estate 指明安置小区。" if estates else "本项目没有这个安置小区。")
        info = stock.set_promised_handover(db, pid, estates[0].id, args.date)
    emit(
        args,
        {"estate": info.name, "promised_handover_on": info.promised_handover_on},
        f"{info.name} 承诺交房日期已设定",
    )
    return 0


def cmd_statement(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = _project(db, args)
        st = settlement.export_transition_statement(
            db, pid, args.until, Path(args.out), since=args.since, village_id=_village(db, pid, args)
        )
    payload = {
        "out": str(args.out),
        "until": st.until,
        "since": st.since,
        "households": [
            {
                "household_no": r.household_no,
                "persons": r.persons,
                "months": r.months,
                "normal_months": r.fee.normal_months,
                "overdue_months": r.fee.overdue_months,
                "fitout_months": r.fee.fitout_months,
                "amount": r.amount,
            }
            for r in st.rows
        ],
        "total": st.total,
    }
    emit(args, payload, f"已写出过渡费发放表：{len(st.rows)} 户，合计 {st.total:,} 元 → {args.out}")
    return 0


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
    hs = command_group(sub, "housing", "安置房：房源、安置标准、抽签、选房、差价结算、交房")

    def scoped(name: str, helper: str, func: Handler, *, village: bool = False) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = hs.add_parser(name, help=helper)
        p.add_argument("--project", help="项目名称或编号（库中只有一个项目时可省）")
        if village:
            p.add_argument("--village", help="只处理这个村")
        p.set_defaults(func=func)
        add_common(p)
        return p

    p = scoped("import", "导入开发商房源表（工作表「房源」）", cmd_import)
    p.add_argument("file")
    p = scoped("export", "导出房源表（可修改后再导入）", cmd_export)
    p.add_argument("out")
    p = scoped("standard", "导入安置标准（工作表「安置标准」）为新版本", cmd_standard)
    p.add_argument("file")
    p.add_argument("--publish", action="store_true", help="导入后立即发布（发布后不可修改）")
    p = scoped("lottery", "抽签确定选房顺序；--verify 用种子重算核验", cmd_lottery, village=True)
    p.add_argument("--seed", required=True, help="现场公开产生的种子")
    p.add_argument("--verify", action="store_true", help="核验已记录的抽签：重算一致时返回 0")
    p.add_argument("--redraw", metavar="REASON", help="重新抽签（须写明原因；原记录保留）")
    p = scoped("choose", "选房：户号 房号 [房号2]，或 --cash，或 --from 选房结果表", cmd_choose)
    p.add_argument("household", nargs="?", metavar="HOUSEHOLD_NO")
    p.add_argument("flats", nargs="*", metavar="FLAT", help="楼号-单元-房号，如 3幢-1单元-502")
    p.add_argument("--owners", help="产权人：身份证号或姓名，逗号分隔（默认户主）")
    p.add_argument("--owners2", help="第二套房的产权人（默认同 --owners）")
    p.add_argument("--cash", action="store_true", help="货币安置（不要安置房）")
    p.add_argument("--from", dest="from_file", metavar="FILE", help="导入选房结果表（工作表「选房结果」）")
    p = scoped("cancel", "撤销一户的选房（所选房恢复可选；须写明原因，交房后不能撤销）", cmd_cancel)
    p.add_argument("household", metavar="HOUSEHOLD_NO")
    p.add_argument("--reason", required=True)
    scoped("settle", "差价结算（每户按档的明细）", cmd_settle, village=True)
    p = scoped("handover", "交房：日期、钥匙、表读数，出具入住通知单编号", cmd_handover)
    p.add_argument("household", metavar="HOUSEHOLD_NO")
    p.add_argument("--date", type=parse_date, required=True)
    p.add_argument("--keys", type=int, default=0, help="交付钥匙数")
    p.add_argument("--water", help="水表读数")
    p.add_argument("--power", help="电表读数")
    p.add_argument("--gas", help="燃气表读数")
    p = scoped("title", "登记办证状态（交房后）", cmd_title)
    p.add_argument("household", metavar="HOUSEHOLD_NO")
    p.add_argument("--status", required=True, choices=list(settlement.TITLE_STATUSES))
    p = scoped("freeze", "冻结房源（--unfreeze 解冻），须写明原因", cmd_freeze)
    p.add_argument("flat", metavar="FLAT", help="楼号-单元-房号")
    p.add_argument("--reason", required=True)
    p.add_argument("--unfreeze", action="store_true")
    p = scoped("move-out", "登记搬迁腾空日期（过渡费起算）", cmd_move_out)
    p.add_argument("household", metavar="HOUSEHOLD_NO")
    p.add_argument("--date", type=parse_date, required=True)
    p = scoped("promise", "设定安置小区的承诺交房日期（逾期过渡费起算）", cmd_promise)
    p.add_argument("--estate", help="安置小区（只有一个时可省）")
    p.add_argument("--date", type=parse_date, required=True)

    ts = command_group(sub, "transition", "过渡费")
    p = command(ts, "statement", cmd_statement, "过渡费发放表（xlsx）")
    p.add_argument("--until", type=parse_date, required=True, help="发放期截止日期")
    p.add_argument("--from", dest="since", type=parse_date, help="发放期开始日期（月度或季度表；默认从搬迁日起）")
    p.add_argument("--project", help="项目名称或编号")
    p.add_argument("--village", help="只列这个村")
    p.add_argument("out", metavar="OUT.xlsx")
