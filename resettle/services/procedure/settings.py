"""Per-project procedure settings the law leaves to local policy."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.services.accounts.guard import Need, require
from resettle.services.common import project_of
from resettle.store.database import Database
from resettle.store.procedure_models import ProcedureSetting

__all__ = ["ProcedureSettings", "get_procedure_settings", "set_family_changes_after_cutoff", "setting_in"]


@dataclass(frozen=True)
class ProcedureSettings:
    project_id: int
    family_changes_after_cutoff_count: bool
    early_agreement_reason: str
    early_agreement_by: str


def setting_in(s: Session, project_id: int, *, create: bool = False) -> ProcedureSetting | None:
    """The project's procedure settings row (a new one with the defaults when ``create``)."""
    project_of(s, project_id)
    row = s.scalars(select(ProcedureSetting).where(ProcedureSetting.project_id == project_id)).first()
    if row is None and create:
        row = ProcedureSetting(project_id=project_id, family_changes_after_cutoff_count=True)
        s.add(row)
    return row


def get_procedure_settings(db: Database, project_id: int) -> ProcedureSettings:
    require(db, Need.READ, "查看程序设置")
    with db.read() as s:
        row = setting_in(s, project_id)
        if row is None:
            return ProcedureSettings(project_id, True, "", "")
        return ProcedureSettings(
            project_id, row.family_changes_after_cutoff_count, row.early_agreement_reason, row.early_agreement_by
        )


def set_family_changes_after_cutoff(db: Database, project_id: int, count: bool) -> ProcedureSettings:
    """Whether births and marriages registered after the cut-off count as 安置人口 (then recompute)."""
    require(db, Need.ENTER, "修改程序设置")
    with db.write(reason="截止日后出生、婚嫁人口" + ("计入安置人口" if count else "不计安置人口")) as s:
        row = setting_in(s, project_id, create=True)
        assert row is not None
        row.family_changes_after_cutoff_count = count
    return get_procedure_settings(db, project_id)
