"""Payment batches (兑付批次): due instalments → batch → approval → bank file → the bank's reply.

Finance makes a batch of the due instalments of reviewed, signed households; a reviewer who
did not make it approves it; the bank's reply marks each line paid or failed. A reply that
does not fit its batch (another batch's number, a row whose 户号, account or amount differs,
a missing or an extra row) is refused whole, naming each row; applying the same reply again
changes nothing. A failed line's instalment is due again and goes into a later batch, with
the household's account as corrected by then.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.instalments import CONDITIONS, ON_SIGNING
from resettle.errors import Cancelled, ConflictError, NotFoundError, PermissionDenied, ValidationError
from resettle.io.bank_batch import BankLine, BankReply, read_bank_reply, write_bank_workbook
from resettle.io.bank_text import load_formats, write_bank_text
from resettle.services.accounts.guard import Need, accounts_enabled, require
from resettle.services.common import view_of
from resettle.services.payments.agreements import _refresh_paid
from resettle.services.payments.common import (
    BATCH_APPROVED,
    BATCH_MADE,
    BATCH_REPLIED,
    RESULT_FAILED,
    RESULT_PAID,
    RESULT_PENDING,
    STATUS_ARCHIVED,
    fen,
    head_ids,
    households_in,
    project_name,
    yuan,
)
from resettle.store import audit
from resettle.store.accounts_models import Agreement, Instalment, Payment, PaymentBatch
from resettle.store.compensation_models import STATUS_REVIEWED, HouseholdCompensation
from resettle.store.database import Database
from resettle.store.models import Household
from resettle.store.paths import data_dir

__all__ = [
    "BatchInfo",
    "DueInstalment",
    "ReplyResult",
    "apply_reply",
    "approve_batch",
    "bank_formats",
    "batch_lines",
    "current_chain_head",
    "due_instalments",
    "find_batch",
    "list_batches",
    "make_batch",
    "write_bank_files",
]


@dataclass(frozen=True)
class DueInstalment:
    instalment_id: int
    household_id: int
    household_no: str
    head_name: str
    seq: int
    condition: str
    amount: Decimal
    bank_name: str
    bank_account: str
    failed_before: int  # earlier lines of this instalment the bank refused


@dataclass(frozen=True)
class BatchInfo:
    id: int
    batch_no: str
    project_id: int
    instalment: int
    village_id: int | None
    status: str
    rows: int
    total: Decimal
    paid: int
    failed: int
    paid_total: Decimal
    chain_head: str
    created_by: str
    created_at: datetime | None
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReplyResult:
    batch_no: str
    paid: int
    failed: int
    paid_total: Decimal
    applied: int  # lines changed by this reply (0 when it had already been applied)


def _due(s: Session, project_id: int, instalment: int, village_id: int | None) -> list[tuple[Instalment, Household]]:
    households = {h.id: h for h in households_in(s, project_id, village_id=village_id)}
    if not households:
        return []
    taken = select(Payment.instalment_id).where(Payment.result.in_((RESULT_PENDING, RESULT_PAID)))
    reviewed = select(HouseholdCompensation.household_id).where(HouseholdCompensation.status == STATUS_REVIEWED)
    main = select(Agreement.household_id, Agreement.vacated_on).where(
        Agreement.project_id == project_id, Agreement.seq == 0
    )
    vacated = {hid: v for hid, v in s.execute(main)}
    q = (
        select(Instalment, Agreement.status)
        .join(Agreement, Agreement.id == Instalment.agreement_id)
        .where(
            Instalment.project_id == project_id,
            Instalment.seq == instalment,
            Instalment.paid_on.is_(None),
            Instalment.amount > 0,
            Instalment.condition.in_(sorted(CONDITIONS)),  # a transfer to 社保 or 集体 is never paid to the family
            Instalment.id.not_in(taken),
            Instalment.household_id.in_(reviewed),
            Agreement.status != STATUS_ARCHIVED,
        )
        .order_by(Instalment.household_id, Agreement.seq)
    )
    out = []
    for inst, _status in s.execute(q):
        h = households.get(inst.household_id)
        if h is None:
            continue
        if inst.condition != ON_SIGNING and vacated.get(h.id) is None:
            continue
        out.append((inst, h))
    out.sort(key=lambda pair: (pair[1].household_no, pair[0].agreement_id))
    return out


def due_instalments(
    db: Database, project_id: int, instalment: int, village_id: int | None = None
) -> list[DueInstalment]:
    require(db, Need.READ, "查看应付分期")
    with db.read() as s:
        pairs = _due(s, project_id, instalment, village_id)
        failed: dict[int, int] = {
            int(i): int(n)
            for i, n in s.execute(
                select(Payment.instalment_id, func.count())
                .where(Payment.result == RESULT_FAILED, Payment.instalment_id.in_([i.id for i, _h in pairs]))
                .group_by(Payment.instalment_id)
            )
        }
        return [
            DueInstalment(
                i.id,
                h.id,
                h.household_no,
                h.head_name,
                i.seq,
                i.condition,
                i.amount,
                h.bank_name,
                h.bank_account,
                int(failed.get(i.id, 0)),
            )
            for i, h in pairs
        ]


def _next_batch_no(s: Session, project_id: int, today: date) -> str:
    prefix = f"P{project_id}-{today:%Y%m%d}-"
    n = s.scalar(select(func.count()).select_from(PaymentBatch).where(PaymentBatch.batch_no.like(prefix + "%"))) or 0
    return f"{prefix}{int(n) + 1:03d}"


def make_batch(
    db: Database,
    project_id: int,
    instalment: int,
    village_id: int | None = None,
    *,
    bank_format: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchInfo:
    """A batch of every due instalment ``instalment`` (of one village, if given); households without a
    bank account are left out and named."""
    require(db, Need.PAY, "生成兑付批次")
    if instalment < 1:
        raise ValidationError("期次从 1 开始", field="期次")
    skipped: list[str] = []
    with db.write(reason=f"生成兑付批次（第 {instalment} 期）") as s:
        pairs = _due(s, project_id, instalment, village_id)
        ids = head_ids(s.connection(), {h.id for _i, h in pairs})
        head = audit.chain_head(s.connection())
        batch = PaymentBatch(
            project_id=project_id,
            batch_no=_next_batch_no(s, project_id, date.today()),
            instalment=instalment,
            village_id=village_id,
            # one clerk without accounts has nobody else to approve: the batch is approved as made
            status=BATCH_MADE if accounts_enabled(db) else BATCH_APPROVED,
            rows=0,
            total=Decimal("0.00"),
            bank_format=bank_format,
            chain_head=head,
            created_by=db.actor.user,
            created_at=datetime.now(),
        )
        s.add(batch)
        s.flush()
        total = 0
        seq = 0
        for n, (inst, h) in enumerate(pairs, start=1):
            if cancelled is not None and n % 200 == 0 and cancelled():
                raise Cancelled("已取消，未生成批次。")
            if not h.bank_account.strip():
                skipped.append(f"{h.household_no}：没有银行账号")
                continue
            seq += 1
            s.add(
                Payment(
                    batch_id=batch.id,
                    instalment_id=inst.id,
                    household_id=h.id,
                    seq=seq,
                    household_no=h.household_no,
                    payee=h.head_name,
                    id_number=ids.get(h.id, ""),
                    bank_name=h.bank_name,
                    bank_account="".join(h.bank_account.split()),
                    amount=inst.amount,
                    result=RESULT_PENDING,
                )
            )
            total += fen(inst.amount)
            if progress is not None and n % 500 == 0:
                progress(n, len(pairs))
        if not seq:
            raise ValidationError(
                f"第 {instalment} 期没有可付的分期（须已复核、已签约，按条件到期且未付）", field="期次"
            )
        batch.rows = seq
        batch.total = yuan(total)
        s.flush()
        batch_id = batch.id
    if progress is not None:
        progress(len(pairs), len(pairs))
    info = _info_of(db, batch_id)
    return BatchInfo(**{**info.__dict__, "skipped": tuple(skipped)})


def _batch(s: Session, project_id: int, batch_id: int | None = None, batch_no: str | None = None) -> PaymentBatch:
    q = select(PaymentBatch)
    q = q.where(PaymentBatch.id == batch_id) if batch_id is not None else q.where(PaymentBatch.batch_no == batch_no)
    b = s.scalar(q)
    if b is None:
        raise NotFoundError(f"兑付批次「{batch_no or batch_id}」不存在。")
    if b.project_id != project_id:
        raise ValidationError(f"兑付批次 {b.batch_no} 属于另一个项目。", field="批次")
    return b


def _info(s: Session, b: PaymentBatch) -> BatchInfo:
    counts: dict[str, int] = {
        str(r): int(n)
        for r, n in s.execute(
            select(Payment.result, func.count()).where(Payment.batch_id == b.id).group_by(Payment.result)
        )
    }
    paid_total = s.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(
            Payment.batch_id == b.id, Payment.result == RESULT_PAID
        )
    )
    return view_of(
        BatchInfo,
        b,
        paid=int(counts.get(RESULT_PAID, 0)),
        failed=int(counts.get(RESULT_FAILED, 0)),
        paid_total=paid_total if isinstance(paid_total, Decimal) else yuan(int(paid_total or 0)),
    )


def _info_of(db: Database, batch_id: int) -> BatchInfo:
    with db.read() as s:
        b = s.get(PaymentBatch, batch_id)
        assert b is not None
        return _info(s, b)


def list_batches(db: Database, project_id: int) -> list[BatchInfo]:
    require(db, Need.READ, "查看兑付批次")
    with db.read() as s:
        project_name(s, project_id)
        return [
            _info(s, b)
            for b in s.scalars(
                select(PaymentBatch).where(PaymentBatch.project_id == project_id).order_by(PaymentBatch.id)
            )
        ]


def current_chain_head(db: Database) -> str:
    """The audit chain head now, printed under the batch list so paper can be checked later."""
    require(db, Need.READ, "查看审计链头")
    with db.read() as s:
        return audit.chain_head(s.connection())


def find_batch(db: Database, batch_no: str) -> BatchInfo:
    """A batch by its number (a bank reply names its batch; the batch names its project)."""
    require(db, Need.READ, "查看兑付批次")
    with db.read() as s:
        b = s.scalar(select(PaymentBatch).where(PaymentBatch.batch_no == batch_no.strip()))
        if b is None:
            raise NotFoundError(f"兑付批次「{batch_no}」不存在。")
        return _info(s, b)


def approve_batch(db: Database, project_id: int, batch_id: int) -> BatchInfo:
    """A reviewer approves a batch before it goes to the bank; never the account that made it."""
    require(db, Need.REVIEW, "审批兑付批次")
    with db.write(reason="审批兑付批次") as s:
        b = _batch(s, project_id, batch_id)
        if b.status != BATCH_MADE:
            raise ValidationError(f"批次 {b.batch_no} 已审批", field="批次")
        if accounts_enabled(db) and b.created_by == db.actor.user:
            raise PermissionDenied(f"批次 {b.batch_no} 是您本人生成的，须由他人审批。")
        b.status = BATCH_APPROVED
    return _info_of(db, batch_id)


def batch_lines(db: Database, project_id: int, batch_id: int) -> list[BankLine]:
    """The lines as sent to the bank (full ID and account numbers: finance only)."""
    require(db, Need.PAY, "查看银行文件内容")
    with db.read() as s:
        b = _batch(s, project_id, batch_id)
        columns = (Payment.seq, Payment.household_no, Payment.payee, Payment.id_number, Payment.bank_name)
        rows = s.execute(
            select(*columns, Payment.bank_account, Payment.amount).where(Payment.batch_id == b.id).order_by(Payment.seq)
        )
        return [BankLine(*row) for row in rows]  # plain rows, no ORM objects: a batch can be 10,000 lines


def bank_formats(db: Database) -> list[str]:
    require(db, Need.READ, "查看银行文件格式")
    return sorted(load_formats(data_dir()))


def write_bank_files(
    db: Database,
    project_id: int,
    batch_id: int,
    out: Path,
    bank_format: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """The office-layout workbook at ``out``, and with ``bank_format`` also ``out`` with ``.txt``; only
    for an approved batch (an unapproved file must not be able to reach the bank)."""
    require(db, Need.PAY, "写出银行文件")
    lines = batch_lines(db, project_id, batch_id)
    with db.read() as s:
        b = _batch(s, project_id, batch_id)
        if b.status == BATCH_MADE:  # what reaches the bank is what another person approved
            raise ValidationError(
                f"批次 {b.batch_no} 尚未审批，不能写出银行文件：请由审核人员（不是生成批次的人）先审批。", field="批次"
            )
        batch_no, instalment, head, made = b.batch_no, b.instalment, b.chain_head, b.created_at
        name = project_name(s, project_id)
    written = [out]
    fmt = None
    if bank_format:
        formats = load_formats(data_dir())
        if bank_format not in formats:
            raise ValidationError(
                f"没有银行文件格式「{bank_format}」，可选：{'、'.join(sorted(formats))}", field="银行格式"
            )
        fmt = formats[bank_format]
    write_bank_workbook(
        out, batch_no, lines, project=name, instalment=instalment, chain_head=head, made_at=made,
        progress=progress, cancelled=cancelled,
    )  # fmt: skip
    if fmt is not None:
        text_path = out.with_suffix(".txt")
        write_bank_text(text_path, fmt, batch_no, lines)
        written.append(text_path)
    return written


def _check_reply(s: Session, b: PaymentBatch, reply: BankReply) -> tuple[list[str], dict[int, Payment]]:
    payments = {p.seq: p for p in s.scalars(select(Payment).where(Payment.batch_id == b.id))}
    problems: list[str] = []
    seen: set[int] = set()
    for line in reply.lines:
        place = f"第 {line.row} 行（户号 {line.household_no or '空'}）"
        p = payments.get(line.seq) if line.seq is not None else None
        if p is None:
            problems.append(
                f"{place}：序号 {line.seq if line.seq is not None else '空'} 不在批次 {b.batch_no} 中（多出的行）"
            )
            continue
        if line.seq in seen:
            problems.append(f"{place}：序号 {line.seq} 重复")
            continue
        seen.add(p.seq)
        if line.household_no != p.household_no:
            problems.append(f"{place}：户号与批次第 {p.seq} 笔（{p.household_no}）不符")
        if line.bank_account != p.bank_account:
            problems.append(f"{place}：银行账号与批次第 {p.seq} 笔不符")
        if line.amount != p.amount:
            problems.append(f"{place}：金额 {line.amount} 与批次第 {p.seq} 笔（{p.amount}）不符")
        if p.result != RESULT_PENDING and p.result != line.result:
            problems.append(f"{place}：批次第 {p.seq} 笔已按「{p.result}」入账，回盘却是「{line.result}」")
    for seq in sorted(set(payments) - seen):
        p = payments[seq]
        problems.append(f"缺少批次第 {seq} 笔（户号 {p.household_no}，{p.amount} 元）")
    return problems, payments


def apply_reply(
    db: Database,
    project_id: int,
    path: Path,
    *,
    batch_no: str | None = None,
    paid_on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReplyResult:
    """Apply the bank's reply workbook; refused whole when it does not fit its batch.

    ``progress(done, total)`` counts the reply's lines as they are entered; a cancel before the end
    enters none of them."""
    require(db, Need.PAY, "登记银行回盘")
    reply = read_bank_reply(path)
    if batch_no is not None and reply.batch_no != batch_no:
        raise ValidationError(f"回盘文件属于批次 {reply.batch_no}，不是批次 {batch_no}，未作任何处理。", field="批次")
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    when = paid_on or date.today()
    with db.write(reason=f"登记银行回盘（批次 {reply.batch_no}，{Path(path).name}）") as s:
        try:
            b = _batch(s, project_id, batch_no=reply.batch_no)
        except NotFoundError as exc:
            raise ValidationError(f"回盘文件的批次号 {reply.batch_no} 不是本数据库生成的批次，未作任何处理。") from exc
        if b.status == BATCH_MADE:
            raise ValidationError(f"批次 {b.batch_no} 尚未审批，银行不应有回盘。", field="批次")
        problems, payments = _check_reply(s, b, reply)
        if problems:
            raise ValidationError(
                f"回盘文件与批次 {b.batch_no} 不符，共 {len(problems)} 处，未作任何处理：\n" + "\n".join(problems)
            )
        applied = 0
        households: set[int] = set()
        now = datetime.now()
        wanted = [payments[line.seq].instalment_id for line in reply.lines if line.seq is not None]
        instalments: dict[int, Instalment] = {}
        for start in range(0, len(wanted), 500):
            for inst in s.scalars(select(Instalment).where(Instalment.id.in_(wanted[start : start + 500]))):
                instalments[inst.id] = inst
        total = len(reply.lines)
        for n, line in enumerate(reply.lines, start=1):
            if cancelled is not None and cancelled():
                raise Cancelled("已取消，回盘未登记（没有一笔入账）。")
            if progress is not None and n % 200 == 0:
                progress(n, total)
            assert line.seq is not None
            p = payments[line.seq]
            if p.result != RESULT_PENDING:
                continue  # already applied (same result: checked above)
            p.result = line.result
            p.failure_reason = line.reason if line.result == RESULT_FAILED else ""
            p.result_at = now
            if line.result == RESULT_PAID:
                inst = instalments[p.instalment_id]
                if inst.paid_on is not None:
                    raise ConflictError(f"批次第 {p.seq} 笔的分期已由另一批次付过，未作任何处理。")
                inst.paid_on = when
            households.add(p.household_id)
            applied += 1
        if applied:
            _refresh_paid(s, sorted(households))
            b.status = BATCH_REPLIED
            b.reply_sha256 = digest
            b.replied_at = now
        batch_id = b.id
    if progress is not None:
        progress(total, total)
    info = _info_of(db, batch_id)
    return ReplyResult(info.batch_no, info.paid, info.failed, info.paid_total, applied)
