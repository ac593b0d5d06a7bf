"""Importing a clerk's survey workbook: preview (validate + compare), then apply all or nothing.

A preview reads the file, adds the database's own objections (an ID already registered in
another household) and compares each household with what is stored (added / changed /
removed). Applying writes everything in one transaction with an import batch record and
audit entries, after an automatic backup; a batch can later be undone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from resettle.collector import paused_collection
from resettle.errors import Cancelled as CancelledError
from resettle.errors import NotFoundError, ValidationError
from resettle.io.survey import ImportIssue, ReadOptions, SurveyHousehold, SurveyReadResult, read_survey
from resettle.services.accounts.guard import Need, require
from resettle.services.procedure.cutoff import import_cutoff_warnings, item_keys, stamp_new_items
from resettle.services.register import households as hh
from resettle.services.register.import_rows import add_survey_household, to_data
from resettle.services.register.mapping import detail_of, write_into
from resettle.services.register.projects import ensure_group
from resettle.store import audit
from resettle.store.bulk import BulkWriter
from resettle.store.database import Database, stoppable
from resettle.store.models import Household, ImportBatch, Person, Project, Village, VillageGroup

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


@dataclass(frozen=True, slots=True)
class HouseholdChange:
    kind: str  # add / change / remove
    household_no: str
    head: str
    sheet: str = ""
    row: int = 0
    changes: tuple[tuple[str, str, str], ...] = ()


@dataclass
class ImportPreview:
    path: Path
    sha256: str
    project_id: int | None
    project_name: str
    read: SurveyReadResult
    issues: list[ImportIssue]
    added: list[HouseholdChange] = field(default_factory=list)
    changed: list[HouseholdChange] = field(default_factory=list)
    removed: list[HouseholdChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def errors(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def households(self) -> int:
        return len(self.read.households)

    @property
    def persons(self) -> int:
        return sum(len(h.persons) for h in self.read.households)


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    added: int
    changed: int
    removed: int
    persons: int
    recomputed: int = 0  # households computed before whose amounts were computed again with the new facts


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    sha256: str
    households: int
    persons: int
    user: str
    created_at: datetime
    undone_at: datetime | None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- preview -----------------------------------------------------------------------------------


def _project(s: Session, project: str | int | None) -> tuple[int | None, str]:
    if isinstance(project, int):
        p = s.get(Project, project)
        if p is None:
            raise NotFoundError(f"项目 {project} 不存在")
        return p.id, p.name
    if project:
        pid = s.scalar(select(Project.id).where(Project.name == project))
        return (int(pid), project) if pid is not None else (None, project)
    rows = s.execute(select(Project.id, Project.name).order_by(Project.id)).all()
    if not rows:
        return None, "征收项目"
    if len(rows) > 1:
        names = "、".join(f"{pid}「{name}」" for pid, name in rows)
        raise ValidationError(f"数据库中有 {len(rows)} 个项目，请指明导入到哪个项目：{names}", field="项目")
    return int(rows[0][0]), str(rows[0][1])


def _id_column(result: SurveyReadResult, sheet: str) -> str:
    for summary in result.sheets:
        if summary.name == sheet:
            return summary.mapping.get("id_number", "")
    return ""


def _missing_numbers(result: SurveyReadResult) -> list[ImportIssue]:
    """Every household needs its 户号 in the register: one error per household without one, at its cell
    (but a second 户主 inside another household's merged 户号 block, which the reader has explained)."""
    out: list[ImportIssue] = []
    explained = {(i.sheet, i.row) for i in result.issues if i.kind == "head_in_merged_block"}
    for h in result.households:
        if h.household_no or (h.sheet, h.row) in explained:
            continue
        column = _household_no_column(result, h.sheet)
        where = f"{column}{h.row}" if column else f"第 {h.row} 行"
        message = (
            f"户号为空（{where}，户主 {h.head or '未填'}）：每户都要有户号才能入库"
            if column
            else f"未找到「户号」列，第 {h.row} 行这一户（户主 {h.head or '未填'}）没有户号：请在导入向导中指定户号列，或在表中补上户号"
        )
        out.append(ImportIssue(h.sheet, h.row, column, "户号", "", message, "error", "missing_household_no"))
    return out


def _household_no_column(result: SurveyReadResult, sheet: str) -> str:
    for summary in result.sheets:
        if summary.name == sheet:
            return summary.mapping.get("household_no", "")
    return ""


def preview_import(
    db: Database,
    path: Path,
    project: str | int | None = None,
    options: ReadOptions | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> ImportPreview:
    require(db, Need.ENTER, "导入调查表")
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"文件 {path} 不存在")
    sha = file_sha256(path)
    with paused_collection():
        result = read_survey(path, options, progress=progress, cancelled=cancelled)
        missing = _missing_numbers(result)
        said = {(i.sheet, i.row) for i in missing} | {
            (i.sheet, i.row) for i in result.issues if i.kind == "head_in_merged_block"
        }
        # The reader's bare 「户号为空」 at the same cell says less than the register's own (place, head): one each.
        issues = [i for i in result.issues if not (i.kind == "missing_household_no" and (i.sheet, i.row) in said)]
        issues.extend(missing)
        with db.read() as s:
            project_id, project_name = _project(s, project)
            preview = ImportPreview(path, sha, project_id, project_name, result, issues)
            _compare(s, preview)
    order = {name: n for n, name in enumerate(result.workbook_sheets)}  # workbook order, not code points
    issues.sort(key=lambda i: (i.severity != "error", order.get(i.sheet, len(order)), i.row, len(i.column), i.column))
    return preview


def _compare(s: Session, preview: ImportPreview) -> None:
    result = preview.read
    numbers = [h.household_no for h in result.households]
    existing: dict[str, int] = {}
    if preview.project_id is not None and numbers:
        for chunk_start in range(0, len(numbers), 900):
            chunk = numbers[chunk_start : chunk_start + 900]
            existing.update(
                (str(no), int(hid))
                for no, hid in s.execute(
                    select(Household.household_no, Household.id).where(
                        Household.project_id == preview.project_id, Household.household_no.in_(chunk)
                    )
                )
            )
    # IDs already registered: an error unless they stay in the same household.
    ids = [p.id_number for h in result.households for p in h.persons if p.id_number]
    owner: dict[str, tuple[int, str, int, str]] = {}  # ID → household id, 户号, project id, project name
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for idn, hid, no, pid, pname in s.execute(
            select(Person.id_number, Household.id, Household.household_no, Project.id, Project.name)
            .join(Household, Person.household_id == Household.id)
            .join(Project, Household.project_id == Project.id)
            .where(Person.id_number.in_(chunk))
        ):
            owner[str(idn)] = (int(hid), str(no), int(pid), str(pname))
    file_ids_by_no: dict[str, set[str]] | None = None  # made at the first ID registered already
    for h in result.households if owner else ():
        if not h.household_no:
            continue  # already an error of its own (户号为空): its members are not also "in another household"
        for p in h.persons:
            hit = owner.get(p.id_number)
            if hit is None or (hit[1] == h.household_no and existing.get(h.household_no) == hit[0]):
                continue
            other_no, elsewhere = hit[1], hit[2] != preview.project_id
            if file_ids_by_no is None:
                file_ids_by_no = {h.household_no: {p.id_number for p in h.persons} for h in result.households}
            if not elsewhere and other_no in file_ids_by_no and p.id_number not in file_ids_by_no[other_no]:
                continue  # the file moves this person out of the other household too
            where = f"项目「{hit[3]}」的户 {other_no}" if elsewhere else f"库中户 {other_no}"
            preview.issues.append(
                ImportIssue(
                    h.sheet,
                    p.row,
                    _id_column(result, h.sheet),
                    "身份证号码",
                    p.id_number,
                    f"身份证号码 {p.id_number} 已登记在{where}，同一人不能属于两户",
                    "error",
                    "duplicate_id_db",
                )
            )
    cutoff = s.get(Project, preview.project_id).cutoff_date if preview.project_id is not None else None  # type: ignore[union-attr]
    mappings = {m.name: m.mapping for m in result.sheets}
    for h in result.households:
        found = existing.get(h.household_no)
        if found is None:
            preview.added.append(HouseholdChange("add", h.household_no, h.head, h.sheet, h.row))
            continue
        current = detail_of(hh.load_household(s, found))
        new = to_data(h, current.data.group_id, current)
        after = replace(current, data=new, village=h.village or current.village, group=h.group or current.group)
        diffs = hh.diff_details(current, after)
        if diffs:
            preview.changed.append(HouseholdChange("change", h.household_no, h.head, h.sheet, h.row, tuple(diffs)))
            mapping = mappings.get(h.sheet, {})
            preview.issues.extend(import_cutoff_warnings(cutoff, date.today(), h, current.data, mapping))
        else:
            preview.unchanged += 1
    if preview.project_id is not None:
        places = {(h.village, h.group) for h in result.households}
        seen = set(numbers)
        for no, head, village, group in s.execute(
            select(Household.household_no, Household.head_name, Village.name, VillageGroup.name)
            .join(VillageGroup, Household.group_id == VillageGroup.id)
            .join(Village, VillageGroup.village_id == Village.id)
            .where(Household.project_id == preview.project_id)
        ):
            if (village, group) in places and no not in seen:
                preview.removed.append(HouseholdChange("remove", str(no), str(head)))


# -- apply -------------------------------------------------------------------------------------


def nothing_to_import(preview: ImportPreview, remove_missing: bool = False) -> bool:
    """True when storing the preview would change nothing: an existing project, no household new or
    changed, and none to remove."""
    return (
        preview.project_id is not None
        and not preview.added
        and not preview.changed
        and not (remove_missing and preview.removed)
    )


def apply_import(
    db: Database,
    preview: ImportPreview,
    remove_missing: bool = False,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> ImportResult:
    """Store the previewed workbook: everything or nothing."""
    require(db, Need.ENTER, "导入调查表")
    if preview.errors:
        raise ValidationError(f"文件中有 {len(preview.errors)} 处错误，未导入任何数据。请先改正。")
    if file_sha256(preview.path) != preview.sha256:
        raise ValidationError("文件在预览之后被修改过，请重新预览后再导入。")
    if nothing_to_import(preview, remove_missing):
        raise ValidationError("文件与库中完全一致，没有要导入的内容；未记录导入批次。")
    db.backup_now("before-import")
    reason = f"导入 {preview.path.name}"
    to_change = {c.household_no for c in preview.changed}
    to_add = {c.household_no for c in preview.added}
    total = len(preview.read.households)
    with paused_collection(), db.write(reason=reason) as s:
        project_id = preview.project_id
        if project_id is None:
            project = Project(name=preview.project_name)
            s.add(project)
            s.flush()
            project_id = project.id
        batch = ImportBatch(
            kind="import",
            file_name=preview.path.name,
            sha256=preview.sha256,
            households=total,
            persons=preview.persons,
            user=db.actor.user,
            host=db.actor.host,
            created_at=datetime.now(),
        )
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id
        groups: dict[tuple[str, str], int] = {}

        def group_of(h: SurveyHousehold) -> int:
            key = (h.village or "未命名村", h.group or "未命名组")
            if key not in groups:
                groups[key] = ensure_group(s, project_id, *key)
            return groups[key]

        def step(n: int) -> None:
            if progress and n % 500 == 0:
                progress(n, total)
            if cancelled and cancelled():
                raise CancelledError("导入已取消，未保存任何数据。")

        # Changes go through the ORM (field-level audit) and are flushed before the bulk writer
        # reserves ids for the new rows, so the two paths never take the same id.
        added = changed = 0
        n = 0
        changed_ids: dict[str, int] = {}
        if to_change:
            found = select(Household.household_no, Household.id).where(
                Household.project_id == project_id, Household.household_no.in_(sorted(to_change))
            )
            changed_ids = {str(no): int(hid) for no, hid in s.execute(found)}
        current: set[int] = set()
        if changed_ids:
            from resettle.services.compensation import freshness  # only when computed households may change

            current = freshness.current_among(s, project_id, changed_ids.values())
        for h in preview.read.households:
            if h.household_no not in to_change:
                continue
            n += 1
            hid = changed_ids.get(h.household_no)
            assert hid is not None
            obj = hh.load_household(s, hid)
            before = item_keys(obj)
            write_into(s, obj, to_data(h, group_of(h), detail_of(obj)))
            stamp_new_items(obj, before, date.today())  # registration date of what the re-import adds (issue 15)
            changed += 1
            step(n)
        for h in preview.read.households:
            group_of(h)  # groups created now, so that nothing but the writer inserts from here on
        s.flush()
        writer = BulkWriter(s.connection(), db.actor, batch.id, reason)
        for h in preview.read.households:
            if h.household_no not in to_add:
                continue
            n += 1
            gid = group_of(h)
            add_survey_household(writer, project_id, gid, batch.id, h)
            added += 1
            step(n)
        writer.flush()
        s.flush()
        removed = 0
        if remove_missing and preview.removed:
            for c in preview.removed:
                hid = s.scalar(
                    select(Household.id).where(
                        Household.project_id == project_id, Household.household_no == c.household_no
                    )
                )
                if hid is not None:
                    s.delete(hh.load_household(s, hid))
                    removed += 1
        if current:  # households computed before: their amounts follow the survey at once
            from resettle.services.compensation import common

            common.recompute_current(s, db.actor, project_id, current)
        if progress:
            progress(total, total)
        return ImportResult(batch.id, added, changed, removed, preview.persons, recomputed=len(current))


# -- batches -----------------------------------------------------------------------------------


def list_batches(db: Database) -> list[BatchInfo]:
    require(db, Need.READ, "查看导入批次")
    with db.read() as s:
        return [
            BatchInfo(b.id, b.kind, b.file_name, b.sha256, b.households, b.persons, b.user, b.created_at, b.undone_at)
            for b in s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
        ]


def undo_batch(db: Database, batch_id: int, reason: str, force: bool = False, cancelled: Cancelled = None) -> int:
    """Delete the households a batch created; returns how many. Changes it made to existing ones stay.

    ``cancelled``: on a SQLite file the deletion (one statement, with every member, parcel … and the
    audit entries in one transaction) stops when it turns true; nothing is deleted then."""
    require(db, Need.ENTER, "撤销导入批次")
    if not reason.strip():
        raise ValidationError("撤销导入必须填写原因", field="原因")
    with db.write(reason=reason.strip()) as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFoundError(f"导入批次 {batch_id} 不存在")
        if batch.undone_at is not None:
            raise ValidationError(f"导入批次 {batch_id} 已于 {batch.undone_at:%Y-%m-%d %H:%M} 撤销")
        edited = s.scalar(select(func.count()).where(Household.batch_id == batch_id, Household.version > 1)) or 0
        if edited and not force:
            raise ValidationError(f"该批次导入的户中有 {edited} 户在导入后被修改过；撤销会删除这些修改。确认后再撤销。")
        rows = s.execute(
            select(Household.id, Household.household_no, Household.head_name).where(Household.batch_id == batch_id)
        ).all()
        records = [
            audit.AuditRecord("delete", "household", hid, hid, "*", f"户号 {no}，户主 {head}", None)
            for hid, no, head in rows
        ]
        conn = s.connection()
        stopped = "已取消撤销，未删除任何户。"
        with stoppable(s, cancelled, stopped):
            if cancelled is not None and cancelled():
                raise CancelledError(stopped)
            audit.append(
                conn, records, db.actor, reason=f"撤销导入批次 {batch_id}：{reason.strip()}", batch_id=batch_id
            )
            conn.execute(text("DELETE FROM household WHERE batch_id = :b"), {"b": batch_id})
            conn.execute(update(ImportBatch).where(ImportBatch.id == batch_id).values(undone_at=datetime.now()))
        return len(rows)
