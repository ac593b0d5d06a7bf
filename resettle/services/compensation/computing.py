"""Computing compensation: a project, one household, a change of standard and its preview.

Each public function is one user action in one transaction. Amounts cross this boundary
as Decimal 元; inside they are int 分.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from resettle.domain.compensation import Pricer
from resettle.domain.compensation_records import (
    ComputeResult,
    HouseholdCompensationView,
    HouseholdDiff,
    LineChange,
    TableChangePreview,
)
from resettle.domain.rates import RateTable
from resettle.errors import Cancelled as CancelledError
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation.bulk import (
    Scope,
    age_band_standard,
    group_lines,
    load_facts,
    stored_line_totals,
)
from resettle.services.compensation.bulk import adjustment_totals as _adjustment_totals
from resettle.services.compensation.common import (
    Cancelled,
    Progress,
    household_of,
    names_of,
    project_link,
    run_compute,
    yuan,
)
from resettle.services.compensation.rate_tables import (
    domain_table,
    link_project_table,
    load_table,
)
from resettle.services.compensation.reviewing import get_household_compensation
from resettle.store.compensation_models import (
    ProjectRateTable,
    RateTableRecord,
)
from resettle.store.database import Database


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
        link, rec = project_link(s, project_id)
        scope = Scope(project_id, village_id=village_id, group_id=group_id)
        result = run_compute(db.actor, s.connection(), scope, link, rec, progress, cancelled)
        if village_id is None and group_id is None and result.households:
            result = replace(result, unmatched=_unmatched_rules(s, project_id, rec))
        return result


def _unmatched_rules(s: Session, project_id: int, rec: RateTableRecord) -> tuple[str, ...]:
    """The table's rules with no line in any household of the project (but a 签约奖励's: nobody may have
    signed yet)."""
    used = set(
        s.connection()
        .exec_driver_sql(
            "SELECT DISTINCT l.rule_code FROM compensation_line l JOIN household h ON h.id = l.household_id "
            "WHERE h.project_id = ?",
            (project_id,),
        )
        .scalars()
    )
    return tuple(
        f"{r.code} {r.item}" + (f"（{r.conditions}）" if r.conditions else "")
        for r in rec.rules
        if r.code not in used and "签约截止" not in r.conditions
    )


def compute_household(db: Database, household_id: int) -> HouseholdCompensationView:
    require(db, Need.ENTER, "计算补偿")
    with db.write(reason="计算补偿") as s:
        h = household_of(s, household_id)
        link, rec = project_link(s, h.project_id)
        run_compute(db.actor, s.connection(), Scope(h.project_id, household_ids=(household_id,)), link, rec)
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
        return run_compute(db.actor, s.connection(), Scope(project_id), link, rec, progress, cancelled)


def _changes(old: dict[str, tuple[str, int]], new: dict[str, tuple[str, int]]) -> tuple[LineChange, ...]:
    out: list[LineChange] = []
    for code in dict.fromkeys([*new, *old]):
        before, after = old.get(code), new.get(code)
        if before is not None and after is not None and before[1] == after[1]:
            continue
        item = (after or before or ("", 0))[0]
        out.append(
            LineChange(
                code, item, None if before is None else yuan(before[1]), None if after is None else yuan(after[1])
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
    transition_months: int | None = None,
) -> TableChangePreview:
    """Per household: old total, new total and changed lines, for exactly the households whose totals change.

    Old is what is stored now; new is the same facts priced with the other table and with
    ``transition_months`` (None: the project's months as they are), as ``change_project_rate_table``
    with the same arguments would write them. Nothing is written, so a cancel (``Cancelled``) simply
    stops the pricing."""
    require(db, Need.READ, "查看补偿标准变更的影响")
    with db.read() as s:
        rec = load_table(s, table_id)
        if rec.status != "已发布":
            raise ValidationError(f"「{rec.name}（第{rec.revision}版）」尚未发布，不能选用", field="补偿标准")
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
        conn = s.connection()
        scope = Scope(project_id)
        table: RateTable = domain_table(rec)
        ages = age_band_standard(conn, project_id, table)
        months = transition_months if transition_months is not None else (link.transition_months if link else 0)
        facts, _states = load_facts(conn, scope, months, ages=ages)
        old_lines = stored_line_totals(conn, scope)
        adjustments = _adjustment_totals(conn, scope)
        price_household = Pricer(table)
        changed: dict[int, dict[str, tuple[str, int]]] = {}
        old_grand = new_grand = 0
        new_totals: dict[int, int] = {}
        for n, (hid, f) in enumerate(facts.items(), start=1):
            if n % 500 == 0:
                if cancelled is not None and cancelled():
                    raise CancelledError("已取消预览，未作任何改动。")
                if progress is not None:
                    progress(n, len(facts))
            lines = price_household(f)
            new_total = sum(ln.amount_fen for ln in lines)
            old_grand += old_lines.get(hid, 0) + adjustments.get(hid, 0)
            new_grand += new_total + adjustments.get(hid, 0)
            if new_total != old_lines.get(hid, 0):
                changed[hid] = {ln.rule_code: (ln.item, ln.amount_fen) for ln in lines}
                new_totals[hid] = new_total
        stored = _stored_lines(conn, list(changed))
        names = names_of(s, list(changed))
        diffs = []
        for hid, new_lines in changed.items():
            adj = adjustments.get(hid, 0)
            no, head = names[hid]
            diffs.append(
                HouseholdDiff(
                    hid,
                    no,
                    head,
                    yuan(old_lines.get(hid, 0) + adj),
                    yuan(new_totals[hid] + adj),
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
            yuan(old_grand),
            yuan(new_grand),
        )
