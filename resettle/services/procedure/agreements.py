"""Formal agreements wait for the 补偿安置方案公告 period to end, unless an admin lets them through with a reason.

The households must have had the whole statutory period (≥ 30 days) to object to the plan
before anybody signs. A project whose 方案公告 is not registered in the procedure is not
held back (the program cannot know its dates); one whose period is still running, or ends
in a year the calendar does not know, is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import audit_reason, project_of
from resettle.services.procedure.settings import setting_in
from resettle.services.procedure.steps import plan_notice_end
from resettle.store.database import Database
from resettle.store.procedure_models import ProcedureSetting, ProcedureStep

__all__ = ["AgreementGate", "agreement_gate", "allow_early_agreements", "gate_in", "refuse_early_agreement"]


_NOT_REGISTERED = "补偿安置方案公告尚未在「程序」中登记，未核对公告期是否届满（不少于 30 日）；请登记公告日期"


@dataclass(frozen=True)
class AgreementGate:
    allowed: bool
    message: str
    plan_notice_end: date | None
    override_reason: str = ""
    override_by: str = ""


def gate_in(s: Session, project_id: int, today: date) -> AgreementGate:
    """The gate as seen inside a session (also used by the dashboard figures)."""
    project_of(s, project_id)
    registered = s.scalar(
        select(ProcedureStep.start_date).where(
            ProcedureStep.project_id == project_id, ProcedureStep.code == "plan_notice"
        )
    )
    setting = s.scalars(select(ProcedureSetting).where(ProcedureSetting.project_id == project_id)).first()
    reason = setting.early_agreement_reason if setting else ""
    by = setting.early_agreement_by if setting else ""
    if registered is None:  # not held back, but said: the clerk should know nothing was checked
        return AgreementGate(True, _NOT_REGISTERED, None, reason, by)
    end, why = plan_notice_end(s, project_id)
    if end is not None and today > end:
        return AgreementGate(True, "", end, reason, by)
    if reason:
        return AgreementGate(True, f"补偿安置方案公告期未满，经 {by} 批准提前打印：{reason}", end, reason, by)
    if end is None:
        message = f"无法确定补偿安置方案公告期何时届满（{why}），暂不能打印正式协议；可先打印样稿。"
    else:
        message = (
            f"补偿安置方案公告期 {end.isoformat()} 届满（不少于 30 日），届满前不能打印正式协议；可先打印样稿。"
            "确需提前的，由管理员在「程序」中填写理由后放行。"
        )
    return AgreementGate(False, message, end)


def agreement_gate(db: Database, project_id: int, today: date | None = None) -> AgreementGate:
    require(db, Need.READ, "查看协议打印条件")
    with db.read() as s:
        return gate_in(s, project_id, today or date.today())


def refuse_early_agreement(db: Database, project_id: int, today: date | None = None) -> None:
    """Called before numbered agreements are printed or exported."""
    gate = agreement_gate(db, project_id, today)
    if not gate.allowed:
        raise ValidationError(gate.message, field="补偿安置方案公告")


def allow_early_agreements(db: Database, project_id: int, reason: str) -> AgreementGate:
    """An admin lets formal agreements print before the period ended; the reason is kept and audited."""
    require(db, Need.OVERRIDE, "在方案公告期满前放行打印协议")
    with db.write(reason=audit_reason(reason, "方案公告期满前放行打印协议", "放行必须填写理由", "理由")) as s:
        setting = setting_in(s, project_id, create=True)
        assert setting is not None
        setting.early_agreement_reason = reason.strip()
        setting.early_agreement_by = db.actor.user
        setting.early_agreement_at = datetime.now(UTC).replace(tzinfo=None)
        s.flush()
        return gate_in(s, project_id, date.today())
