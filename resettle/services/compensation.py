"""Compensation use cases: compute, preview a change of standard, review, adjust, summarise.

Each public function is one user action in one transaction. Amounts cross this boundary
as Decimal 元; inside they are int 分. Rate-table management lives in
:mod:`resettle.services.rate_tables` and is re-exported here so the window has one module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from resettle.domain.compensation import Adjustment
from resettle.domain.compensation import compute as price_household
from resettle.domain.money import to_fen, to_yuan
from resettle.domain.rates import RateError, RateTable
from resettle.errors import Cancelled as CancelledError
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation_bulk import (
    ComputeCancelled,
    Scope,
    compute_scope,
    group_lines,
    load_facts,
    stored_line_totals,
)
from resettle.services.compensation_bulk import adjustment_totals as _adjustment_totals
from resettle.services.compensation_records import (
    AdjustmentView,
    CompensationSummary,
    ComputeResult,
    DetailLine,
    HouseholdCompensationView,
    HouseholdDiff,
    HouseholdTotalsRow,
    LineChange,
    LineView,
    TableChangePreview,
)
from resettle.services.rate_tables import (
    MAX_TRANSITION_MONTHS,
    add_rule,
    create_rate_table,
    delete_rate_table,
    delete_rule,
    domain_table,
    export_rate_table,
    get_project_rate_table,
    get_rate_table,
    import_rate_table,
    link_project_table,
    list_rate_tables,
    load_table,
    new_rate_table_version,
    publish_rate_table,
    replace_rules,
    set_project_rate_table,
    update_rate_table,
    update_rule,
)
from resettle.store.compensation_models import (
    STATUS_COMPUTED,
    STATUS_NONE,
    STATUS_REVIEWED,
    CompensationAdjustment,
    CompensationLine,
    HouseholdCompensation,
    ProjectRateTable,
    RateTableRecord,
)
from resettle.store.database import Database
from resettle.store.models import Household, Village, VillageGroup

__all__ = [
    "STATUS_COMPUTED",
    "STATUS_NONE",
    "STATUS_REVIEWED",
    "ComputeCancelled",
    "add_adjustment",
    "add_rule",
    "change_project_rate_table",
    "compute",
    "compute_household",
    "create_rate_table",
    "delete_adjustment",
    "delete_rate_table",
    "delete_rule",
    "detail_lines",
    "export_rate_table",
    "find_village_id",
    "get_household_compensation",
    "get_project_rate_table",
    "get_rate_table",
    "household_totals",
    "import_rate_table",
    "list_rate_tables",
    "new_rate_table_version",
    "preview_rate_table_change",
    "project_items",
    "project_summary",
    "publish_rate_table",
    "replace_rules",
    "review",
    "review_many",
    "set_household_terms",
    "set_project_rate_table",
    "update_adjustment",
    "update_rate_table",
    "update_rule",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
ADJUSTMENT_CODE = "调整"


def _yuan(fen: int | None) -> Decimal:
    return to_yuan(int(fen or 0))


def _project_link(s: Session, project_id: int) -> tuple[ProjectRateTable, RateTableRecord]:
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    if link is None:
        raise ValidationError("该项目尚未选定补偿标准，请先导入并发布补偿标准，再为项目选用。", field="补偿标准")
    return link, load_table(s, link.rate_table_id)


def _household(s: Session, household_id: int) -> Household:
    h = s.get(Household, household_id)
    if h is None:
        raise NotFoundError(f"户（编号 {household_id}）不存在，可能已被删除。")
    return h


def _run(
    db: Database,
    conn: Connection,
    scope: Scope,
    link: ProjectRateTable,
    rec: RateTableRecord,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ComputeResult:
    label = f"{rec.name}（第{rec.revision}版）"
    totals = compute_scope(
        conn,
        scope,
        domain_table(rec),
        rec.id,
        link.transition_months,
        db.actor,
        f"计算补偿：{label}",
        progress,
        cancelled,
    )
    return ComputeResult(
        totals.households, totals.changed, totals.reviews_reset, _yuan(totals.grand_total_fen), rec.id, label
    )


def compute(
    db: Database,
    project_id: int,
    *,
    village_id: int | None = None,
    group_id: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ComputeResult:
    """Compute a whole project, one village or one group with the project's standard.

    Households whose lines come out unchanged keep their lines and their review."""
    require(db, Need.ENTER, "计算补偿")
    with db.write(reason="计算补偿") as s:
        link, rec = _project_link(s, project_id)
        scope = Scope(project_id, village_id=village_id, group_id=group_id)
        return _run(db, s.connection(), scope, link, rec, progress, cancelled)


def compute_household(db: Database, household_id: int) -> HouseholdCompensationView:
    require(db, Need.ENTER, "计算补偿")
    with db.write(reason="计算补偿") as s:
        h = _household(s, household_id)
        link, rec = _project_link(s, h.project_id)
        _run(db, s.connection(), Scope(h.project_id, household_ids=(household_id,)), link, rec)
    return get_household_compensation(db, household_id)


def change_project_rate_table(
    db: Database,
    project_id: int,
    table_id: int,
    *,
    transition_months: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ComputeResult:
    """Move a project to another (published) standard and recompute it, in one transaction.

    Call :func:`preview_rate_table_change` first to show the clerk what changes."""
    require(db, Need.ENTER, "更换项目补偿标准")
    with db.write(reason="更换项目补偿标准并重新计算") as s:
        link = link_project_table(s, project_id, table_id, transition_months, db.actor.user)
        rec = load_table(s, table_id)
        return _run(db, s.connection(), Scope(project_id), link, rec, progress, cancelled)


def _changes(old: dict[str, tuple[str, int]], new: dict[str, tuple[str, int]]) -> tuple[LineChange, ...]:
    out: list[LineChange] = []
    for code in dict.fromkeys([*new, *old]):
        before, after = old.get(code), new.get(code)
        if before is not None and after is not None and before[1] == after[1]:
            continue
        item = (after or before or ("", 0))[0]
        out.append(
            LineChange(
                code, item, None if before is None else _yuan(before[1]), None if after is None else _yuan(after[1])
            )
        )
    return tuple(out)


def _stored_lines(conn: Connection, household_ids: list[int]) -> dict[int, dict[str, tuple[str, int]]]:
    out: dict[int, dict[str, tuple[str, int]]] = {}
    for start in range(0, len(household_ids), 500):
        chunk = household_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.exec_driver_sql(
            f"SELECT household_id, rule_code, item, amount FROM compensation_line WHERE household_id IN ({marks})",
            tuple(chunk),
        ).fetchall()
        out.update(group_lines(rows))
    return out


def preview_rate_table_change(
    db: Database,
    project_id: int,
    table_id: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TableChangePreview:
    """Per household: old total, new total and changed lines, for exactly the households whose totals change.

    Old is what is stored now; new is the same facts priced with the other table. Nothing is written,
    so a cancel (``Cancelled``) simply stops the pricing."""
    require(db, Need.READ, "查看补偿标准变更的影响")
    with db.read() as s:
        rec = load_table(s, table_id)
        if rec.status != "已发布":
            raise ValidationError(f"「{rec.name}（第{rec.revision}版）」尚未发布，不能选用", field="补偿标准")
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
        conn = s.connection()
        scope = Scope(project_id)
        facts, _states = load_facts(conn, scope, link.transition_months if link else 0)
        old_lines = stored_line_totals(conn, scope)
        adjustments = _adjustment_totals(conn, scope)
        table: RateTable = domain_table(rec)
        changed: dict[int, dict[str, tuple[str, int]]] = {}
        old_grand = new_grand = 0
        new_totals: dict[int, int] = {}
        for n, (hid, f) in enumerate(facts.items(), start=1):
            if n % 500 == 0:
                if cancelled is not None and cancelled():
                    raise CancelledError("已取消预览，未作任何改动。")
                if progress is not None:
                    progress(n, len(facts))
            lines = price_household(f, table)
            new_total = sum(ln.amount_fen for ln in lines)
            old_grand += old_lines.get(hid, 0) + adjustments.get(hid, 0)
            new_grand += new_total + adjustments.get(hid, 0)
            if new_total != old_lines.get(hid, 0):
                changed[hid] = {ln.rule_code: (ln.item, ln.amount_fen) for ln in lines}
                new_totals[hid] = new_total
        stored = _stored_lines(conn, list(changed))
        names = _names(s, list(changed))
        diffs = []
        for hid, new_lines in changed.items():
            adj = adjustments.get(hid, 0)
            no, head = names[hid]
            diffs.append(
                HouseholdDiff(
                    hid,
                    no,
                    head,
                    _yuan(old_lines.get(hid, 0) + adj),
                    _yuan(new_totals[hid] + adj),
                    _changes(stored.get(hid, {}), new_lines),
                )
            )
        diffs.sort(key=lambda d: d.household_no)
        return TableChangePreview(
            project_id,
            link.rate_table_id if link else None,
            rec.id,
            f"{rec.name}（第{rec.revision}版）",
            tuple(diffs),
            len(facts) - len(diffs),
            _yuan(old_grand),
            _yuan(new_grand),
        )


def _names(s: Session, household_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    ids = list(household_ids)
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        rows = s.execute(
            select(Household.id, Household.household_no, Household.head_name).where(
                Household.id.in_(ids[start : start + 500])
            )
        ).all()
        out.update({int(r[0]): (r[1], r[2]) for r in rows})
    return out


# -- one household -----------------------------------------------------------------------------


def _view(s: Session, household_id: int) -> HouseholdCompensationView:
    h = _household(s, household_id)
    state = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id == household_id)).first()
    lines = s.scalars(
        select(CompensationLine).where(CompensationLine.household_id == household_id).order_by(CompensationLine.seq)
    ).all()
    adjustments = s.scalars(
        select(CompensationAdjustment)
        .where(CompensationAdjustment.household_id == household_id)
        .order_by(CompensationAdjustment.id)
    ).all()
    label = ""
    if state is not None and state.rate_table_id is not None:
        table = s.get(RateTableRecord, state.rate_table_id)
        label = f"{table.name}（第{table.revision}版）" if table is not None else ""
    by_payee: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for amount_payee in [*((ln.amount, ln.payee) for ln in lines), *((a.amount, a.payee) for a in adjustments)]:
        by_payee[amount_payee[1]] += amount_payee[0]
    total = sum((ln.amount for ln in lines), Decimal("0.00")) + sum((a.amount for a in adjustments), Decimal("0.00"))
    return HouseholdCompensationView(
        household_id=h.id,
        household_no=h.household_no,
        head_name=h.head_name,
        status=state.status if state else STATUS_NONE,
        rate_table_id=state.rate_table_id if state else None,
        table_label=label,
        lines=tuple(
            LineView(
                ln.id,
                ln.rule_code,
                ln.item,
                ln.basis,
                ln.quantity,
                ln.unit,
                ln.unit_price,
                ln.amount,
                ln.payee,
                ln.table_version,
                ln.formula,
            )
            for ln in lines
        ),
        adjustments=tuple(
            AdjustmentView(a.id, a.item, a.amount, a.payee, a.reason, a.created_by, a.created_at, a.version)
            for a in adjustments
        ),
        total=total,
        by_payee=dict(by_payee),
        computed_at=state.computed_at if state else None,
        computed_by=state.computed_by if state else "",
        reviewed_by=state.reviewed_by if state else "",
        reviewed_at=state.reviewed_at if state else None,
        signed_on=state.signed_on if state else None,
        transition_months=state.transition_months if state else None,
        version=state.version if state else 0,
    )


def get_household_compensation(db: Database, household_id: int) -> HouseholdCompensationView:
    require(db, Need.READ, "查看补偿")
    with db.read() as s:
        return _view(s, household_id)


def _state(s: Session, household_id: int) -> HouseholdCompensation:
    """The household's review-state row, created (未计算) when missing."""
    _household(s, household_id)
    state = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id == household_id)).first()
    if state is None:
        state = HouseholdCompensation(household_id=household_id, status=STATUS_NONE, total=Decimal("0.00"))
        s.add(state)
        s.flush()
    return state


def set_household_terms(
    db: Database, household_id: int, *, signed_on: date | None, transition_months: int | None, reason: str = ""
) -> HouseholdCompensationView:
    """Signing date (for the signing reward) and the household's own transition months (None: project default).

    When the project has a standard, the household is recomputed in the same transaction."""
    require(db, Need.ENTER, "修改补偿条件")
    if transition_months is not None and not 0 <= transition_months <= MAX_TRANSITION_MONTHS:
        raise ValidationError(f"过渡月数应在 0 到 {MAX_TRANSITION_MONTHS} 之间", field="过渡月数")
    with db.write(reason=reason.strip() or "修改签约日期/过渡月数") as s:
        state = _state(s, household_id)
        if state.signed_on != signed_on:
            state.signed_on = signed_on
        if state.transition_months != transition_months:
            state.transition_months = transition_months
        s.flush()
        h = _household(s, household_id)
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == h.project_id)).one_or_none()
        if link is not None:
            rec = load_table(s, link.rate_table_id)
            s.expunge(state)  # the bulk path rewrites this row; the session must not flush a stale copy
            _run(db, s.connection(), Scope(h.project_id, household_ids=(household_id,)), link, rec)
    return get_household_compensation(db, household_id)


def _refuse_own(s: Session, household_id: int, user: str) -> None:
    own = s.scalar(
        select(CompensationAdjustment.id).where(
            CompensationAdjustment.household_id == household_id, CompensationAdjustment.created_by == user
        )
    )
    if own is not None:
        h = _household(s, household_id)
        raise ValidationError(f"户 {h.household_no} 含有您本人录入的人工调整，须由其他人复核。", field="复核")


def _review_one(s: Session, state: HouseholdCompensation, user: str, current_table_id: int) -> None:
    h = _household(s, state.household_id)
    if state.status == STATUS_REVIEWED:
        raise ValidationError(f"户 {h.household_no} 已复核", field="复核")
    if state.status != STATUS_COMPUTED:
        raise ValidationError(f"户 {h.household_no} 尚未计算补偿，不能复核", field="复核")
    if state.rate_table_id != current_table_id:
        raise ValidationError(f"户 {h.household_no} 的补偿不是按项目现行标准计算的，请先重新计算", field="复核")
    _refuse_own(s, state.household_id, user)
    state.status = STATUS_REVIEWED
    state.reviewed_by = user
    state.reviewed_at = datetime.now()


def review(db: Database, household_id: int, expected_version: int | None = None) -> HouseholdCompensationView:
    """已计算 → 已复核 by the current user (who must not have entered an adjustment of this household)."""
    require(db, Need.REVIEW, "复核补偿")
    with db.write(reason="复核补偿") as s:
        state = _state(s, household_id)
        if expected_version is not None and state.version != expected_version:
            raise ConflictError("该户补偿已被他人重新计算或修改，请刷新后再复核。")
        _link, rec = _project_link(s, _household(s, household_id).project_id)
        _review_one(s, state, db.actor.user, rec.id)
    return get_household_compensation(db, household_id)


def review_many(db: Database, household_ids: Iterable[int]) -> int:
    """Review several households at once (all or none); households already reviewed are skipped."""
    require(db, Need.REVIEW, "复核补偿")
    ids = list(dict.fromkeys(household_ids))
    with db.write(reason="批量复核补偿") as s:
        states = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id.in_(ids))).all()
        by_household = {st.household_id: st for st in states}
        count = 0
        current: dict[int, int] = {}
        for hid in ids:
            state = by_household.get(hid)
            if state is None:
                raise ValidationError(f"户 {_household(s, hid).household_no} 尚未计算补偿，不能复核", field="复核")
            if state.status == STATUS_REVIEWED:
                continue
            project_id = _household(s, hid).project_id
            if project_id not in current:
                current[project_id] = _project_link(s, project_id)[1].id
            _review_one(s, state, db.actor.user, current[project_id])
            count += 1
        return count


# -- adjustments -----------------------------------------------------------------------------


def _checked_adjustment(item: str, amount: Decimal, reason: str, payee: str) -> Adjustment:
    if isinstance(amount, float):
        raise ValidationError("金额不能用浮点数", field="金额")
    try:
        return Adjustment(item.strip(), to_fen(amount), reason.strip(), payee)
    except RateError as exc:
        raise ValidationError(str(exc), field="调整") from exc


def _after_amount_change(s: Session, household_id: int) -> None:
    """Refresh the total snapshot; a reviewed result goes back to 已计算 (review is reset)."""
    s.flush()
    state = _state(s, household_id)
    conn = s.connection()
    lines = conn.exec_driver_sql(
        "SELECT coalesce(sum(amount), 0) FROM compensation_line WHERE household_id = ?", (household_id,)
    ).scalar()
    adjustments = conn.exec_driver_sql(
        "SELECT coalesce(sum(amount), 0) FROM compensation_adjustment WHERE household_id = ?", (household_id,)
    ).scalar()
    total = _yuan(int(lines or 0) + int(adjustments or 0))
    if state.total != total:
        state.total = total
    if state.status == STATUS_REVIEWED:
        state.status = STATUS_COMPUTED
        state.reviewed_by = ""
        state.reviewed_at = None
    s.flush()


def add_adjustment(
    db: Database, household_id: int, item: str, amount: Decimal, reason: str, payee: str = "户"
) -> HouseholdCompensationView:
    """A manual amount (positive or negative) outside the rules; resets a review."""
    require(db, Need.ENTER, "录入人工调整")
    adj = _checked_adjustment(item, amount, reason, payee)
    with db.write(reason=adj.reason) as s:
        _household(s, household_id)
        s.add(
            CompensationAdjustment(
                household_id=household_id,
                item=adj.item,
                amount=_yuan(adj.amount_fen),
                payee=adj.payee,
                reason=adj.reason,
                created_by=db.actor.user,
                created_at=datetime.now(),
            )
        )
        _after_amount_change(s, household_id)
    return get_household_compensation(db, household_id)


def _adjustment(s: Session, adjustment_id: int, expected_version: int | None) -> CompensationAdjustment:
    adj = s.get(CompensationAdjustment, adjustment_id)
    if adj is None:
        raise NotFoundError(f"人工调整（编号 {adjustment_id}）不存在，可能已被删除。")
    if expected_version is not None and adj.version != expected_version:
        raise ConflictError("这条人工调整已被他人修改，您的修改未保存。请刷新后再改。")
    return adj


def update_adjustment(
    db: Database,
    adjustment_id: int,
    *,
    amount: Decimal,
    reason: str,
    item: str | None = None,
    payee: str | None = None,
    expected_version: int | None = None,
) -> HouseholdCompensationView:
    """Change an adjustment's amount; the new reason is required and the review is reset."""
    require(db, Need.ENTER, "修改人工调整")
    with db.read() as s:
        current = _adjustment(s, adjustment_id, expected_version)
        checked = _checked_adjustment(item or current.item, amount, reason, payee or current.payee)
    with db.write(reason=checked.reason) as s:
        adj = _adjustment(s, adjustment_id, expected_version)
        for attr, value in (
            ("item", checked.item),
            ("amount", _yuan(checked.amount_fen)),
            ("payee", checked.payee),
            ("reason", checked.reason),
        ):
            if getattr(adj, attr) != value:
                setattr(adj, attr, value)
        adj.created_by = db.actor.user
        household_id = adj.household_id
        _after_amount_change(s, household_id)
    return get_household_compensation(db, household_id)


def delete_adjustment(
    db: Database, adjustment_id: int, reason: str, expected_version: int | None = None
) -> HouseholdCompensationView:
    require(db, Need.ENTER, "删除人工调整")
    if not reason.strip():
        raise ValidationError("删除人工调整必须填写原因", field="原因")
    with db.write(reason=reason.strip()) as s:
        adj = _adjustment(s, adjustment_id, expected_version)
        household_id = adj.household_id
        s.delete(adj)
        _after_amount_change(s, household_id)
    return get_household_compensation(db, household_id)


# -- summaries and exports ------------------------------------------------------------------------


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
            grand_total=_yuan(int(counts[2] or 0)),
            by_item={k: _yuan(by_item[k]) for k in sorted(by_item, key=lambda i: (order.index(i), i))},
            by_village={k: _yuan(v) for k, v in by_village.items()},
            by_payee={k: _yuan(by_payee[k]) for k in ("户", "集体", "社保", *sorted(by_payee)) if k in by_payee},
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
                {i: _yuan(per[hid][i]) for i in items if i in per[hid]},
                _yuan(sum(per[hid].values())),
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
                        _yuan(price),
                        _yuan(amount),
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
                        _yuan(amount),
                        payee,
                        None,
                        f"人工调整：{reason}",
                    )
                )
        return [line for hid, *_rest in rows for line in lines.get(hid, [])]
