"""What the payment services share: statuses, scope lookups, the head's ID, amounts in 分."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from resettle.domain.head import HEAD_RELATIONS
from resettle.domain.instalments import TRANSFER_CONDITIONS
from resettle.errors import NotFoundError, ValidationError
from resettle.store.models import Household, Project, Village, VillageGroup

__all__ = [
    "STATUS_ARCHIVED",
    "STATUS_DRAFTED",
    "STATUS_PAID",
    "STATUS_SIGNED",
    "STATUS_VACATED",
    "fen",
    "head_ids",
    "households_in",
    "project_name",
    "transfers_paid",
    "yuan",
]

STATUS_DRAFTED = "草拟"
STATUS_SIGNED = "已签约"
STATUS_VACATED = "已腾房"
STATUS_PAID = "已兑付"
STATUS_ARCHIVED = "已归档"

RESULT_PENDING = "待回盘"
RESULT_PAID = "成功"
RESULT_FAILED = "失败"

BATCH_MADE = "已生成"
BATCH_APPROVED = "已审批"
BATCH_REPLIED = "已回盘"


def fen(value: Decimal) -> int:
    return int((value * 100).to_integral_value())


def yuan(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(Decimal("0.01"))


def project_name(s: Session, project_id: int) -> str:
    p = s.get(Project, project_id)
    if p is None:
        raise NotFoundError(f"项目（编号 {project_id}）不存在。")
    return p.name


def households_in(
    s: Session, project_id: int, household_ids: Sequence[int] | None = None, village_id: int | None = None
) -> list[Household]:
    """Households of this project (ids given: exactly those, each checked to belong to it)."""
    project_name(s, project_id)
    q = select(Household).where(Household.project_id == project_id)
    if village_id is not None:
        village = s.get(Village, village_id)
        if village is None or village.project_id != project_id:
            raise NotFoundError(f"村（编号 {village_id}）不在此项目中。")
        q = q.join(VillageGroup, VillageGroup.id == Household.group_id).where(VillageGroup.village_id == village_id)
    if household_ids is not None:
        wanted = list(dict.fromkeys(household_ids))
        found = {h.id: h for h in s.scalars(q.where(Household.id.in_(wanted)))}
        missing = [hid for hid in wanted if hid not in found]
        if missing:
            raise ValidationError(f"户（编号 {', '.join(map(str, missing[:10]))}）不属于此项目或不存在。", field="户")
        return [found[hid] for hid in wanted]
    return list(s.scalars(q.order_by(Household.household_no)))


def head_ids(conn: Connection, household_ids: Iterable[int]) -> dict[int, str]:
    """The head's ID number (first 户主, else the member named like the head, else the first member)."""
    ids = list(household_ids)
    out: dict[int, str] = {}
    relations = ", ".join(f"'{r}'" for r in HEAD_RELATIONS)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.exec_driver_sql(
            "SELECT h.id, coalesce("
            f"(SELECT p.id_number FROM person p WHERE p.household_id = h.id AND p.relation IN ({relations}) "
            "ORDER BY p.seq LIMIT 1), "
            "(SELECT p.id_number FROM person p WHERE p.household_id = h.id AND p.name = h.head_name "
            "ORDER BY p.seq LIMIT 1), "
            "(SELECT p.id_number FROM person p WHERE p.household_id = h.id ORDER BY p.seq LIMIT 1), '') "
            f"FROM household h WHERE h.id IN ({marks})",
            tuple(chunk),
        )
        out.update({int(hid): str(idn or "") for hid, idn in rows})
    return out


def transfers_paid(conn: Connection, project_id: int) -> dict[int, int]:
    """分 transferred per household (社保专户, 村集体): paid without a bank payment, so counted apart."""
    conditions = sorted(TRANSFER_CONDITIONS.values())
    marks = ", ".join("?" for _ in conditions)
    return {
        int(hid): int(total or 0)
        for hid, total in conn.exec_driver_sql(
            "SELECT household_id, sum(amount) FROM instalment WHERE project_id = ? AND paid_on IS NOT NULL "
            f"AND condition IN ({marks}) GROUP BY household_id",
            (project_id, *conditions),
        )
    }
