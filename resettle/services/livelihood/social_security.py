"""Social security for land-lost farmers: the versioned standard, the roster for the bureau, the reply reconciled.

The roster lists every land-lost person of the project with the band of their age (full
years on the standard's reference date, or the date given) and sex. The bureau's reply is
reconciled ID by ID (IDs normalised: full-width digits, lower-case x, spaces; names
compared without any spaces): 一致, 姓名不符, 年龄段不符, 未通过 (with the bureau's
reason), 回执中缺少 (on the roster, not in the reply) and 本项目无此人 (in the reply,
not on the roster). A refusal is reported as such even when the name or band differs
too: the bureau's decision is what the clerk must act on first. The outcome per person
is kept (the dashboard counts the enrolled by band) and the reconciliation can be
written as a workbook to send back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from resettle.domain.social_security import AgeBand, band_for, totals_by_band
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.io.livelihood_records import OUTCOME_LABELS, OUTCOMES, BandTotal, ReconcileRow, RosterRow
from resettle.io.social_security_sheets import read_reply, read_standard
from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.livelihood.common import (
    CancelCheck,
    LivelihoodImportError,
    Progress,
    check_cancel,
    load_people,
    now,
    project_name,
    reference_date,
)
from resettle.store import audit
from resettle.store.audit import NOT_AUDITED
from resettle.store.database import Database
from resettle.store.dialects import insert_rows
from resettle.store.livelihood_models import (
    SS_DRAFT,
    SS_PUBLISHED,
    SocialSecurityBand,
    SocialSecurityEnrolment,
    SocialSecurityStandard,
)
from resettle.store.seal import seal_of, sealed_columns, stored_values

__all__ = [
    "ENROLLED_OUTCOMES",
    "OUTCOMES",
    "OUTCOME_LABELS",
    "ReconcileResult",
    "ReconcileRow",
    "RosterResult",
    "RosterRow",
    "StandardInfo",
    "current_standard",
    "import_standard",
    "list_standards",
    "publish_standard",
    "reconcile",
    "roster",
    "write_roster",
]

# The bureau passed these: counted as enrolled (in our band).
ENROLLED_OUTCOMES = frozenset({"matched", "name_differs", "band_differs"})


@dataclass(frozen=True)
class StandardInfo:
    id: int
    revision: int
    status: str
    reference_date: date | None
    bands: tuple[AgeBand, ...]

    @property
    def label(self) -> str:
        return f"第 {self.revision} 版（{self.status}）"


@dataclass(frozen=True)
class RosterResult:
    project: str
    reference_date: date
    standard: StandardInfo
    rows: tuple[RosterRow, ...]
    bands: dict[str, BandTotal]
    unbanded: tuple[RosterRow, ...] = ()  # no birth date or sex, or beyond every band

    @property
    def persons(self) -> int:
        return len(self.rows)

    @property
    def total_amount(self) -> Decimal:
        return sum((b.amount for b in self.bands.values()), Decimal("0.00"))


@dataclass(frozen=True)
class ReconcileResult:
    project: str
    reference_date: date
    rows: tuple[ReconcileRow, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def ids(self, outcome: str) -> list[str]:
        return [r.id_number for r in self.rows if r.outcome == outcome]


def _info(standard: SocialSecurityStandard) -> StandardInfo:
    return view_of(StandardInfo, standard, bands=tuple(view_of(AgeBand, b, name=b.band) for b in standard.bands))


def import_standard(db: Database, project_id: int, path: Path, *, publish: bool = False) -> StandardInfo:
    """A 社保标准 sheet as the project's next revision (a draft, or published at once)."""
    require(db, Need.ENTER, "导入社保标准")
    read = read_standard(Path(path))
    if read.errors:
        raise LivelihoodImportError("社保标准表", read.errors)
    with db.write(reason=f"导入社保标准：{Path(path).name}") as s:
        project_name(s, project_id)
        last = s.scalar(
            select(SocialSecurityStandard.revision)
            .where(SocialSecurityStandard.project_id == project_id)
            .order_by(SocialSecurityStandard.revision.desc())
            .limit(1)
        )
        standard = SocialSecurityStandard(
            project_id=project_id,
            revision=(last or 0) + 1,
            reference_date=read.reference_date,
            status=SS_DRAFT,
            source_file=Path(path).name[:500],
            created_at=now(),
        )
        for seq, band in enumerate(read.rows, 1):
            standard.bands.append(
                SocialSecurityBand(
                    seq=seq,
                    band=band.name,
                    sex=band.sex,
                    start_age=band.start_age,
                    end_age=band.end_age,
                    benefit=band.benefit,
                    amount=band.amount,
                )
            )
        s.add(standard)
        s.flush()
        standard_id = standard.id
    return publish_standard(db, project_id, standard_id) if publish else get_standard(db, project_id, standard_id)


def get_standard(db: Database, project_id: int, standard_id: int) -> StandardInfo:
    require(db, Need.READ, "查看社保标准")
    with db.read() as s:
        return _info(_standard(s, project_id, standard_id))


def _standard(s: Session, project_id: int, standard_id: int) -> SocialSecurityStandard:
    standard = s.get(SocialSecurityStandard, standard_id)
    if standard is None or standard.project_id != project_id:
        raise NotFoundError(f"本项目中没有编号为 {standard_id} 的社保标准")
    return standard


def publish_standard(db: Database, project_id: int, standard_id: int) -> StandardInfo:
    """Publishing freezes the standard (triggers refuse any later change)."""
    require(db, Need.ENTER, "发布社保标准")
    with db.write(reason="发布社保标准") as s:
        standard = _standard(s, project_id, standard_id)
        if standard.status == SS_PUBLISHED:
            raise ConflictError(f"社保标准第 {standard.revision} 版已经发布")
        standard.status = SS_PUBLISHED
        standard.published_at = now()
        standard.published_by = db.actor.user
    return get_standard(db, project_id, standard_id)


def list_standards(db: Database, project_id: int) -> list[StandardInfo]:
    require(db, Need.READ, "查看社保标准")
    with db.read() as s:
        project_name(s, project_id)
        return [
            _info(x)
            for x in s.scalars(
                select(SocialSecurityStandard)
                .where(SocialSecurityStandard.project_id == project_id)
                .order_by(SocialSecurityStandard.revision)
            )
        ]


def _current(s: Session, project_id: int) -> SocialSecurityStandard:
    standard = s.scalar(
        select(SocialSecurityStandard)
        .where(SocialSecurityStandard.project_id == project_id, SocialSecurityStandard.status == SS_PUBLISHED)
        .order_by(SocialSecurityStandard.revision.desc())
        .limit(1)
    )
    if standard is None:
        raise ValidationError("本项目还没有已发布的社保标准：请先导入并发布（social-security standard FILE --publish）")
    return standard


def current_standard(db: Database, project_id: int) -> StandardInfo | None:
    require(db, Need.READ, "查看社保标准")
    with db.read() as s:
        project_name(s, project_id)
        try:
            return _info(_current(s, project_id))
        except ValidationError:
            return None


def _roster(s: Session, project_id: int, on: date | None) -> RosterResult:
    project = project_name(s, project_id)
    info = _info(_current(s, project_id))
    day = on or info.reference_date or reference_date(s, project_id, None)
    rows: list[RosterRow] = []
    unbanded: list[RosterRow] = []
    assigned: list[AgeBand | None] = []
    for p in load_people(s, project_id, day):
        if not p.land_lost:
            continue
        band = band_for(p.age, p.sex, info.bands) if p.age is not None else None
        row = RosterRow(
            p.id,
            p.name,
            p.id_number,
            p.sex,
            p.birth_date,
            p.age,
            band.name if band else "",
            band.benefit if band else "",
            band.amount if band else None,
            p.village,
            p.group,
            p.household_no,
        )
        rows.append(row)
        assigned.append(band)
        if band is None:
            unbanded.append(row)
    bands = {name: BandTotal(n, amount) for name, (n, amount) in totals_by_band(assigned, info.bands).items()}
    return RosterResult(project, day, info, tuple(rows), bands, tuple(unbanded))


def roster(db: Database, project_id: int, on: date | None = None) -> RosterResult:
    require(db, Need.READ, "查看社保花名册")
    with db.read() as s:
        return _roster(s, project_id, on)


def write_roster(
    db: Database, project_id: int, out: Path, on: date | None = None, *, cancelled: CancelCheck = None
) -> RosterResult:
    """The roster for the bureau as an xlsx (IDs as text, totals by band)."""
    from resettle.io.livelihood_export import write_ss_roster

    result = roster(db, project_id, on)
    write_ss_roster(
        Path(out),
        result.rows,
        result.bands,
        project=result.project,
        reference=result.reference_date,
        standard=result.standard.label,
        cancelled=cancelled,
    )
    return result


def _compare(result: RosterResult, reply_path: Path) -> tuple[list[ReconcileRow], list[str]]:
    read = read_reply(reply_path)
    if read.errors:
        raise LivelihoodImportError("回执", read.errors)
    ours = {r.id_number: r for r in result.rows if r.id_number}
    rows: list[ReconcileRow] = []
    seen: set[str] = set()
    warnings = [str(w) for w in read.warnings]
    for reply in read.rows:
        if reply.id_number in seen:
            warnings.append(f"回执第 {reply.row} 行：身份证号码 {reply.id_number} 重复出现，已按第一次出现的行对账")
            continue
        seen.add(reply.id_number)
        mine = ours.get(reply.id_number)
        if mine is None:
            outcome = "unknown_in_reply"
        elif not reply.accepted:
            outcome = "refused"
        elif reply.name and reply.name != mine.name:
            outcome = "name_differs"
        elif reply.band != mine.band:
            outcome = "band_differs"
        else:
            outcome = "matched"
        rows.append(
            ReconcileRow(
                outcome,
                reply.id_number,
                mine.name if mine else "",
                reply.name,
                mine.band if mine else "",
                reply.band,
                reply.result,
                reply.remark,
                mine.village if mine else "",
                mine.household_no if mine else "",
                reply.row,
            )
        )
    for mine in result.rows:
        if mine.id_number not in seen:
            rows.append(
                ReconcileRow(
                    "missing_in_reply",
                    mine.id_number,
                    mine.name,
                    "",
                    mine.band,
                    "",
                    "",
                    "",
                    mine.village,
                    mine.household_no,
                )
            )
    return rows, warnings


def reconcile(
    db: Database,
    project_id: int,
    reply_path: Path,
    *,
    out: Path | None = None,
    on: date | None = None,
    save: bool = True,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> ReconcileResult:
    """Reconcile the bureau's reply with the roster; keep each person's outcome; optionally write the workbook."""
    require(db, Need.ENTER if save else Need.READ, "核对社保回执")
    result = roster(db, project_id, on)
    rows, _warnings = _compare(result, Path(reply_path))
    counts = {outcome: 0 for outcome in OUTCOMES}
    for row in rows:
        counts[row.outcome] += 1
    outcome = ReconcileResult(result.project, result.reference_date, tuple(rows), counts)
    if save:
        by_id = {r.id_number: r for r in result.rows}
        outcomes = [
            (mine.person_id, row.band, row.reply_band if row.reply_band != row.band else "", row.outcome, row.reason)
            for row in rows
            if (mine := by_id.get(row.id_number)) is not None
        ]
        reason = f"核对社保回执：{Path(reply_path).name}"
        with db.write(reason=reason) as s:
            _store_outcomes(s, result.standard.id, outcomes, db, reason, progress, cancelled)
    if out is not None:
        from resettle.io.livelihood_export import write_reconciliation

        write_reconciliation(Path(out), outcome.project, outcome.reference_date, outcome.rows)
    return outcome


def _store_outcomes(
    s: Session,
    standard_id: int,
    outcomes: Sequence[tuple[int, str, str, str, str]],
    db: Database,
    reason: str,
    progress: Progress,
    cancelled: CancelCheck,
) -> None:
    """Each person's outcome, written in bulk: rows, versions and seals as the ORM would write them,
    and the same field-by-field audit records its hook would append (``resettle check`` replays them).

    A reply of 100,000 rows through the ORM spends most of its time in per-object flushing and
    one UPDATE per row for the seal; here it is two ``executemany`` and one audit append."""
    conn = s.connection()
    table = SocialSecurityEnrolment.__table__
    assert isinstance(table, Table)
    columns = [c.name for c in table.columns if c.name not in ("id", "version", "seal")]
    keys = [c for c in columns if c not in NOT_AUDITED]
    stamp = now()
    stored_rows: dict[int, tuple[int, int, dict[str, object]]] = {}
    for row in s.execute(select(table)).mappings():
        stored_rows[int(row["person_id"])] = (int(row["id"]), int(row["version"]), {c: row[c] for c in columns})
    next_id = max((v[0] for v in stored_rows.values()), default=0) + 1
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    records: list[audit.AuditRecord] = []
    for n, (person_id, band, reply_band, outcome, remark) in enumerate(outcomes, 1):
        if n % 2000 == 0:
            check_cancel(cancelled)
            if progress is not None:
                progress(n, len(outcomes))
        new: dict[str, object] = {
            "person_id": person_id,
            "standard_id": standard_id,
            "band": band,
            "reply_band": reply_band,
            "outcome": outcome,
            "reason": remark,
            "reconciled_at": stamp,
        }
        old = stored_rows.get(person_id)
        if old is None:
            row_id = next_id
            next_id += 1
            stored = stored_values(table, new, conn.dialect)
            inserts.append((row_id, 1, seal_of(table.name, row_id, stored), *stored))
            for key in keys:
                text = audit.as_text(new[key])
                if text not in (None, ""):
                    records.append(audit.AuditRecord("create", table.name, row_id, None, key, None, text))
            continue
        row_id, version, before = old
        if all(before[k] == new[k] for k in keys if k != "reconciled_at"):
            continue
        merged = {**before, **new}
        stored = stored_values(table, merged, conn.dialect)
        updates.append((version + 1, seal_of(table.name, row_id, stored), *stored, row_id, version))
        for key in keys:
            old_text, new_text = audit.as_text(before[key]), audit.as_text(merged[key])
            if old_text != new_text:
                records.append(audit.AuditRecord("update", table.name, row_id, None, key, old_text, new_text))
    check_cancel(cancelled)
    sealed = sealed_columns(table)
    insert_rows(conn, table.name, ["id", "version", "seal", *sealed], inserts)
    if updates:
        assignments = ", ".join(f"{c} = ?" for c in ("version", "seal", *sealed))
        result = conn.exec_driver_sql(f"UPDATE {table.name} SET {assignments} WHERE id = ? AND version = ?", updates)
        if result.rowcount != len(updates):
            raise ConflictError("另一位用户同时修改了社保对账结果，本次核对未保存。请重新核对。")
    if records:
        audit.append(conn, records, db.actor, reason=reason, batch_id=None)
    assert columns == sealed  # the stored order is the sealed order


def band_names(bands: Sequence[AgeBand]) -> list[str]:
    return list(dict.fromkeys(b.name for b in bands))
