"""Rate tables (补偿标准): drafts, import/export, publishing, new versions, the project's standard.

A published table is frozen: every edit is refused here with a message, and triggers in the
file refuse it too. Changing a standard means a new version (a draft copied from the
published one), published in its turn, then moved to with a preview of what changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from resettle.domain.compensation_records import ProjectRateInfo, RateTableDetail, RateTableInfo
from resettle.domain.money import to_fen, to_yuan
from resettle.domain.rates import (
    AGE_BANDS,
    STATUS_DRAFT,
    STATUS_PUBLISHED,
    RateError,
    RateTable,
    Rule,
    parse_conditions,
)
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.io.rate_workbook import read_rate_workbook, write_rate_workbook
from resettle.services.accounts.guard import Need, require
from resettle.store.compensation_models import ProjectRateTable, RateRuleRecord, RateTableRecord
from resettle.store.database import Database
from resettle.store.models import Project

__all__ = [
    "add_rule",
    "age_band_table",
    "create_rate_table",
    "delete_rate_table",
    "delete_rule",
    "domain_table",
    "export_rate_table",
    "get_project_rate_table",
    "get_rate_table",
    "import_rate_table",
    "list_rate_tables",
    "load_table",
    "new_rate_table_version",
    "publish_rate_table",
    "replace_rules",
    "set_project_rate_table",
    "update_rate_table",
    "update_rule",
]

MAX_TRANSITION_MONTHS = 240


def _info(rec: RateTableRecord) -> RateTableInfo:
    return RateTableInfo(
        id=rec.id,
        name=rec.name,
        version=rec.revision,
        effective_date=rec.effective_date,
        source_doc=rec.source_doc,
        status=rec.status,
        rules=len(rec.rules),
        based_on_id=rec.based_on_id,
        published_at=rec.published_at,
        published_by=rec.published_by,
        row_version=rec.version,
    )


def _rule(rec: RateRuleRecord) -> Rule:
    return Rule(
        code=rec.code,
        item=rec.item,
        basis=rec.basis,
        conditions=parse_conditions(rec.conditions),
        unit_price_fen=to_fen(rec.unit_price),
        unit=rec.unit,
        minimum_fen=None if rec.minimum is None else to_fen(rec.minimum),
        maximum_fen=None if rec.maximum is None else to_fen(rec.maximum),
        payee=rec.payee,
    )


def domain_table(rec: RateTableRecord) -> RateTable:
    return RateTable(
        name=rec.name,
        version=rec.revision,
        effective_date=rec.effective_date,
        source_doc=rec.source_doc,
        status=rec.status,
        rules=tuple(_rule(r) for r in rec.rules),
    )


def _record(rule: Rule, seq: int) -> RateRuleRecord:
    return RateRuleRecord(
        seq=seq,
        code=rule.code,
        item=rule.item,
        basis=rule.basis,
        conditions=rule.conditions_text,
        unit_price=to_yuan(rule.unit_price_fen),
        unit=rule.unit,
        minimum=None if rule.minimum_fen is None else to_yuan(rule.minimum_fen),
        maximum=None if rule.maximum_fen is None else to_yuan(rule.maximum_fen),
        payee=rule.payee,
    )


def load_table(s: Session, table_id: int) -> RateTableRecord:
    rec = s.scalars(
        select(RateTableRecord).where(RateTableRecord.id == table_id).options(selectinload(RateTableRecord.rules))
    ).one_or_none()
    if rec is None:
        raise NotFoundError(f"补偿标准（编号 {table_id}）不存在，可能已被删除。")
    return rec


def _label(rec: RateTableRecord) -> str:
    return f"{rec.name}（第{rec.revision}版）"


def _editable(s: Session, table_id: int, expected_version: int | None = None) -> RateTableRecord:
    rec = load_table(s, table_id)
    if rec.status == STATUS_PUBLISHED:
        raise ValidationError(
            f"补偿标准「{_label(rec)}」已发布，不能修改。如需调整，请在其基础上新建版本。", field="补偿标准"
        )
    if expected_version is not None and rec.version != expected_version:
        raise ConflictError(f"补偿标准「{_label(rec)}」已被他人修改，您的修改未保存。请重新打开后再改。")
    return rec


def _next_revision(s: Session, name: str) -> int:
    return int(s.scalar(select(func.max(RateTableRecord.revision)).where(RateTableRecord.name == name)) or 0) + 1


def _checked(
    name: str,
    version: int,
    effective_date: date | None = None,
    source_doc: str = "",
    rules: Sequence[Rule] = (),
) -> RateTable:
    """A table built with its own checks (duplicate codes …) turned into clerk messages."""
    try:
        return RateTable(name.strip(), version, effective_date, source_doc.strip(), rules=tuple(rules))
    except RateError as exc:
        raise ValidationError(str(exc), field="补偿标准") from exc


def list_rate_tables(db: Database) -> list[RateTableInfo]:
    require(db, Need.READ, "查看补偿标准")
    with db.read() as s:
        recs = s.scalars(
            select(RateTableRecord)
            .options(selectinload(RateTableRecord.rules))
            .order_by(RateTableRecord.name, RateTableRecord.revision)
        ).all()
        return [_info(r) for r in recs]


def get_rate_table(db: Database, table_id: int) -> RateTableDetail:
    require(db, Need.READ, "查看补偿标准")
    with db.read() as s:
        rec = load_table(s, table_id)
        return RateTableDetail(_info(rec), domain_table(rec))


def _create(s: Session, table: RateTable, based_on_id: int | None = None) -> RateTableRecord:
    taken = s.scalar(
        select(RateTableRecord.id).where(RateTableRecord.name == table.name, RateTableRecord.revision == table.version)
    )
    if taken is not None:
        raise ValidationError(
            f"补偿标准「{table.label}」已存在。如要修改请新建版本，或把版本号改为 {_next_revision(s, table.name)}。",
            field="版本",
        )
    rec = RateTableRecord(
        name=table.name,
        revision=table.version,
        effective_date=table.effective_date,
        source_doc=table.source_doc,
        status=STATUS_DRAFT,
        based_on_id=based_on_id,
        created_at=datetime.now(),
    )
    rec.rules = [_record(rule, seq) for seq, rule in enumerate(table.rules, start=1)]
    s.add(rec)
    s.flush()
    return rec


def create_rate_table(
    db: Database,
    name: str,
    *,
    effective_date: date | None = None,
    source_doc: str = "",
    rules: Sequence[Rule] = (),
    version: int | None = None,
) -> RateTableInfo:
    """A new draft; without ``version`` it becomes the next version of that name."""
    require(db, Need.ENTER, "新建补偿标准")
    with db.write(reason=f"新建补偿标准「{name.strip()}」") as s:
        number = version if version is not None else _next_revision(s, name.strip())
        table = _checked(name, number, effective_date, source_doc, rules)
        return _info(_create(s, table))


def import_rate_table(
    db: Database,
    path: Path | str,
    *,
    name: str | None = None,
    source_doc: str | None = None,
    effective_date: date | None = None,
) -> RateTableInfo:
    """A draft from a rate workbook; every bad cell is reported (RateWorkbookError) and nothing is saved.

    ``name``, ``source_doc`` (文号) and ``effective_date`` given here win over what the workbook says."""
    require(db, Need.ENTER, "导入补偿标准")
    found = read_rate_workbook(path, name=name)
    table = found.table
    if source_doc is not None or effective_date is not None:
        table = replace(
            table,
            source_doc=source_doc.strip() if source_doc is not None else table.source_doc,
            effective_date=effective_date or table.effective_date,
        )
    with db.write(reason=f"导入补偿标准（{Path(path).name}）") as s:
        if not found.version_given:
            table = RateTable(
                table.name, _next_revision(s, table.name), table.effective_date, table.source_doc, rules=table.rules
            )
        return _info(_create(s, table))


def export_rate_table(db: Database, table_id: int, path: Path | str) -> None:
    require(db, Need.READ, "导出补偿标准")
    write_rate_workbook(get_rate_table(db, table_id).table, path)


def update_rate_table(
    db: Database,
    table_id: int,
    *,
    name: str,
    effective_date: date | None,
    source_doc: str,
    expected_version: int | None = None,
) -> RateTableInfo:
    require(db, Need.ENTER, "修改补偿标准")
    with db.write(reason="修改补偿标准") as s:
        rec = _editable(s, table_id, expected_version)
        checked = _checked(name, rec.revision, effective_date, source_doc)
        if checked.name != rec.name and s.scalar(
            select(RateTableRecord.id).where(
                RateTableRecord.name == checked.name, RateTableRecord.revision == rec.revision
            )
        ):
            raise ValidationError(f"补偿标准「{checked.label}」已存在", field="名称")
        rec.name, rec.effective_date, rec.source_doc = checked.name, checked.effective_date, checked.source_doc
        s.flush()
        return _info(rec)


def replace_rules(
    db: Database, table_id: int, rules: Sequence[Rule], expected_version: int | None = None
) -> RateTableDetail:
    """Save a draft's whole rule list (what the editor shows, in its order)."""
    require(db, Need.ENTER, "修改补偿标准")
    with db.write(reason="修改补偿标准规则") as s:
        rec = _editable(s, table_id, expected_version)
        table = _checked(rec.name, rec.revision, rules=rules)
        by_code = {r.code: r for r in rec.rules}
        keep: list[RateRuleRecord] = []
        for seq, rule in enumerate(table.rules, start=1):
            old = by_code.pop(rule.code, None)
            new = _record(rule, seq)
            if old is None:
                keep.append(new)
                continue
            for attr in ("seq", "item", "basis", "conditions", "unit_price", "unit", "minimum", "maximum", "payee"):
                if getattr(old, attr) != getattr(new, attr):
                    setattr(old, attr, getattr(new, attr))
            keep.append(old)
        for gone in by_code.values():
            s.delete(gone)
        s.flush()
        rec.rules = keep
        s.flush()
        return RateTableDetail(_info(rec), domain_table(rec))


def _rules_of(db: Database, table_id: int) -> list[Rule]:
    return list(get_rate_table(db, table_id).table.rules)


def add_rule(db: Database, table_id: int, rule: Rule) -> RateTableDetail:
    require(db, Need.ENTER, "修改补偿标准")
    return replace_rules(db, table_id, [*_rules_of(db, table_id), rule])


def update_rule(db: Database, table_id: int, code: str, rule: Rule) -> RateTableDetail:
    require(db, Need.ENTER, "修改补偿标准")
    rules = _rules_of(db, table_id)
    if all(r.code != code for r in rules):
        raise NotFoundError(f"编码为「{code}」的规则不存在")
    return replace_rules(db, table_id, [rule if r.code == code else r for r in rules])


def delete_rule(db: Database, table_id: int, code: str) -> RateTableDetail:
    require(db, Need.ENTER, "修改补偿标准")
    rules = _rules_of(db, table_id)
    if all(r.code != code for r in rules):
        raise NotFoundError(f"编码为「{code}」的规则不存在")
    return replace_rules(db, table_id, [r for r in rules if r.code != code])


def delete_rate_table(db: Database, table_id: int, reason: str) -> None:
    """Only a draft can go; a published table stays for the record."""
    require(db, Need.ENTER, "删除补偿标准")
    if not reason.strip():
        raise ValidationError("删除补偿标准必须填写原因", field="原因")
    with db.write(reason=reason.strip()) as s:
        rec = _editable(s, table_id)
        s.delete(rec)


def publish_rate_table(db: Database, table_id: int, expected_version: int | None = None) -> RateTableInfo:
    require(db, Need.ENTER, "发布补偿标准")
    with db.write(reason="发布补偿标准") as s:
        rec = _editable(s, table_id, expected_version)
        if not rec.rules:
            raise ValidationError(f"补偿标准「{_label(rec)}」没有任何规则，不能发布", field="补偿标准")
        domain_table(rec)  # every rule must still be valid
        rec.status = STATUS_PUBLISHED
        rec.published_at = datetime.now()
        rec.published_by = db.actor.user
        s.flush()
        return _info(rec)


def new_rate_table_version(db: Database, table_id: int) -> RateTableInfo:
    """A draft copy of a published table, numbered after the newest version of that name."""
    require(db, Need.ENTER, "新建补偿标准版本")
    with db.write(reason="新建补偿标准版本") as s:
        base = load_table(s, table_id)
        if base.status != STATUS_PUBLISHED:
            raise ValidationError(f"「{_label(base)}」还是草稿，可直接修改，无需新建版本", field="补偿标准")
        source = domain_table(base)
        copy = RateTable(
            source.name, _next_revision(s, source.name), source.effective_date, source.source_doc, rules=source.rules
        )
        return _info(_create(s, copy, based_on_id=base.id))


def _project(s: Session, project_id: int) -> Project:
    project = s.get(Project, project_id)
    if project is None:
        raise NotFoundError(f"项目（编号 {project_id}）不存在")
    return project


def _project_info(s: Session, link: ProjectRateTable) -> ProjectRateInfo:
    return ProjectRateInfo(
        link.project_id, _info(load_table(s, link.rate_table_id)), link.transition_months, link.set_at, link.set_by
    )


def link_project_table(
    s: Session, project_id: int, table_id: int, transition_months: int | None, actor_user: str
) -> ProjectRateTable:
    """Inside a write: point the project at a published table."""
    _project(s, project_id)
    rec = load_table(s, table_id)
    if rec.status != STATUS_PUBLISHED:
        raise ValidationError(f"「{_label(rec)}」尚未发布，只能为项目选用已发布的补偿标准", field="补偿标准")
    if transition_months is not None and not 0 <= transition_months <= MAX_TRANSITION_MONTHS:
        raise ValidationError(f"过渡月数应在 0 到 {MAX_TRANSITION_MONTHS} 之间", field="过渡月数")
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    if link is None:
        link = ProjectRateTable(project_id=project_id, rate_table_id=table_id, transition_months=transition_months or 0)
        s.add(link)
    else:
        if link.rate_table_id != table_id:
            link.rate_table_id = table_id
        if transition_months is not None and link.transition_months != transition_months:
            link.transition_months = transition_months
    link.set_at = datetime.now()
    link.set_by = actor_user
    s.flush()
    return link


def set_project_rate_table(
    db: Database, project_id: int, table_id: int, *, transition_months: int | None = None
) -> ProjectRateInfo:
    """Choose the standard a project computes with (nothing is recomputed here)."""
    require(db, Need.ENTER, "设置项目补偿标准")
    with db.write(reason="设置项目补偿标准") as s:
        return _project_info(s, link_project_table(s, project_id, table_id, transition_months, db.actor.user))


def get_project_rate_table(db: Database, project_id: int) -> ProjectRateInfo | None:
    require(db, Need.READ, "查看补偿标准")
    with db.read() as s:
        _project(s, project_id)
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
        return None if link is None else _project_info(s, link)


def age_band_table(db: Database, project_id: int) -> str | None:
    """The project's rate table (its label) when a rule of it counts 社保年龄段, else None: publishing a
    new social-security standard then changes what its households are owed (recompute)."""
    require(db, Need.READ, "查看补偿标准")
    with db.read() as s:
        _project(s, project_id)
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
        if link is None:
            return None
        rec = load_table(s, link.rate_table_id)
        return _label(rec) if any(rule.basis == AGE_BANDS for rule in rec.rules) else None
