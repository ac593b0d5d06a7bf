"""Summaries of a project's compensation: per item, per household, the detail lines for export."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from resettle.domain.compensation_records import (
    CompensationSummary,
    DetailLine,
    HouseholdTotalsRow,
)
from resettle.errors import NotFoundError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation.common import (
    ADJUSTMENT_CODE,
    yuan,
)
from resettle.services.compensation.rate_tables import (
    domain_table,
    load_table,
)
from resettle.store.compensation_models import (
    STATUS_NONE,
    STATUS_REVIEWED,
    ProjectRateTable,
)
from resettle.store.database import Database
from resettle.store.models import Household, Village, VillageGroup


def find_village_id(db: Database, project_id: int, name: str) -> int:
    require(db, Need.READ, "查看村")
    with db.read() as s:
        vid = s.scalar(select(Village.id).where(Village.project_id == project_id, Village.name == name.strip()))
    if vid is None:
        raise NotFoundError(f"村「{name}」不存在")
    return int(vid)


def project_items(db: Database, project_id: int) -> list[str]:
    """Item names in the order of the project's standard, then any others found in stored lines."""
    require(db, Need.READ, "查看补偿项目")
    with db.read() as s:
        return _items(s, project_id)


def _items(s: Session, project_id: int) -> list[str]:
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    items: list[str] = domain_table(load_table(s, link.rate_table_id)).items() if link else []
    conn = s.connection()
    for sql in (
        "SELECT DISTINCT l.item FROM compensation_line l JOIN household h ON h.id = l.household_id "
        "WHERE h.project_id = ? ORDER BY 1",
        "SELECT DISTINCT a.item FROM compensation_adjustment a JOIN household h ON h.id = a.household_id "
        "WHERE h.project_id = ? ORDER BY 1",
    ):
        for (item,) in conn.exec_driver_sql(sql, (project_id,)).fetchall():
            if item not in items:
                items.append(item)
    return items


def _sums(conn: Connection, sql: str, params: tuple[object, ...]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for key, amount in conn.exec_driver_sql(sql, params).fetchall():
        out[str(key)] += int(amount)
    return out


def project_summary(db: Database, project_id: int) -> CompensationSummary:
    """Totals by item, by village and by payee (lines and adjustments), from the stored results."""
    require(db, Need.READ, "查看补偿汇总")
    with db.read() as s:
        conn = s.connection()
        p = (project_id,)
        join = "JOIN household h ON h.id = x.household_id WHERE h.project_id = ?"
        by_item: dict[str, int] = defaultdict(int)
        by_payee: dict[str, int] = defaultdict(int)
        for table in ("compensation_line", "compensation_adjustment"):
            for k, v in _sums(conn, f"SELECT x.item, sum(x.amount) FROM {table} x {join} GROUP BY 1", p).items():
                by_item[k] += v
            for k, v in _sums(conn, f"SELECT x.payee, sum(x.amount) FROM {table} x {join} GROUP BY 1", p).items():
                by_payee[k] += v
        by_village = _sums(
            conn,
            "SELECT v.name, sum(x.total) FROM household_compensation x JOIN household h ON h.id = x.household_id "
            "JOIN village_group g ON g.id = h.group_id JOIN village v ON v.id = g.village_id "
            "WHERE h.project_id = ? GROUP BY v.id ORDER BY v.name",
            p,
        )
        counts = conn.exec_driver_sql(
            "SELECT sum(x.status <> ?), sum(x.status = ?), coalesce(sum(x.total), 0) FROM household_compensation x "
            "JOIN household h ON h.id = x.household_id WHERE h.project_id = ?",
            (STATUS_NONE, STATUS_REVIEWED, project_id),
        ).one()
        order = _items(s, project_id)
        return CompensationSummary(
            project_id=project_id,
            households=int(counts[0] or 0),
            reviewed=int(counts[1] or 0),
            grand_total=yuan(int(counts[2] or 0)),
            by_item={k: yuan(by_item[k]) for k in sorted(by_item, key=lambda i: (order.index(i), i))},
            by_village={k: yuan(v) for k, v in by_village.items()},
            by_payee={k: yuan(by_payee[k]) for k in ("户", "集体", "社保", *sorted(by_payee)) if k in by_payee},
        )


def _scope_rows(s: Session, project_id: int, village_id: int | None) -> list[tuple[int, str, str, str, str]]:
    q = (
        select(Household.id, Household.household_no, Household.head_name, Village.name, VillageGroup.name)
        .join(VillageGroup, VillageGroup.id == Household.group_id)
        .join(Village, Village.id == VillageGroup.village_id)
        .where(Household.project_id == project_id)
        .order_by(Village.name, VillageGroup.name, Household.household_no)
    )
    if village_id is not None:
        q = q.where(Village.id == village_id)
    return [(int(r[0]), r[1], r[2], r[3], r[4]) for r in s.execute(q).all()]


def household_totals(
    db: Database, project_id: int, village_id: int | None = None
) -> tuple[list[str], list[HouseholdTotalsRow]]:
    """(item columns, one row per household with its amount per item and total) for summary sheets."""
    require(db, Need.READ, "查看补偿汇总")
    with db.read() as s:
        conn = s.connection()
        rows = _scope_rows(s, project_id, village_id)
        per: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for table in ("compensation_line", "compensation_adjustment"):
            for hid, item, amount in conn.exec_driver_sql(
                f"SELECT x.household_id, x.item, sum(x.amount) FROM {table} x "
                "JOIN household h ON h.id = x.household_id WHERE h.project_id = ? GROUP BY 1, 2",
                (project_id,),
            ).fetchall():
                per[int(hid)][str(item)] += int(amount)
        status: dict[int, str] = dict(
            conn.exec_driver_sql(
                "SELECT x.household_id, x.status FROM household_compensation x "
                "JOIN household h ON h.id = x.household_id WHERE h.project_id = ?",
                (project_id,),
            ).fetchall()
        )
        items = _items(s, project_id)
        out = [
            HouseholdTotalsRow(
                hid,
                no,
                head,
                village,
                group,
                status.get(hid, STATUS_NONE),
                {i: yuan(per[hid][i]) for i in items if i in per[hid]},
                yuan(sum(per[hid].values())),
            )
            for hid, no, head, village, group in rows
        ]
        return items, out


def detail_lines(db: Database, project_id: int, village_id: int | None = None) -> list[DetailLine]:
    """Every stored line and adjustment of the project (or one village), household by household."""
    require(db, Need.READ, "查看补偿明细")
    with db.read() as s:
        conn = s.connection()
        rows = _scope_rows(s, project_id, village_id)
        lines: dict[int, list[DetailLine]] = defaultdict(list)
        who = {hid: (no, head, village, group) for hid, no, head, village, group in rows}
        for hid, code, item, quantity, unit, price, amount, payee, version, formula in conn.exec_driver_sql(
            "SELECT x.household_id, x.rule_code, x.item, x.quantity, x.unit, x.unit_price, x.amount, x.payee, "
            "x.table_version, x.formula FROM compensation_line x JOIN household h ON h.id = x.household_id "
            "WHERE h.project_id = ? ORDER BY x.household_id, x.seq",
            (project_id,),
        ).fetchall():
            if hid in who:
                lines[hid].append(
                    DetailLine(
                        *who[hid],
                        code,
                        item,
                        Decimal(quantity).scaleb(-4),
                        unit,
                        yuan(price),
                        yuan(amount),
                        payee,
                        version,
                        formula,
                    )
                )
        for hid, item, amount, payee, reason in conn.exec_driver_sql(
            "SELECT x.household_id, x.item, x.amount, x.payee, x.reason FROM compensation_adjustment x "
            "JOIN household h ON h.id = x.household_id WHERE h.project_id = ? ORDER BY x.id",
            (project_id,),
        ).fetchall():
            if hid in who:
                lines[hid].append(
                    DetailLine(
                        *who[hid],
                        ADJUSTMENT_CODE,
                        item,
                        None,
                        "",
                        None,
                        yuan(amount),
                        payee,
                        None,
                        f"人工调整：{reason}",
                    )
                )
        return [line for hid, *_rest in rows for line in lines.get(hid, [])]
