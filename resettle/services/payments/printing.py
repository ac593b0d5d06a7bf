"""Printed papers of the payment area: the supplementary agreement and the vouchers (领款单) of paid lines.

The signed agreement itself prints through the document register (``resettle print agreement``);
these two use their own templates (``supplementary_agreement.html``, ``payment_voucher.html``),
which an office may copy into its templates folder and reword like the others.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from resettle.documents.data import issuer_of
from resettle.documents.render import PrintableDocument, PrintCancelled, write_pdf
from resettle.domain.money import to_capital
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.demo.register import is_demo
from resettle.services.documents.fonts import document_fonts, render_template
from resettle.services.documents.ready import refuse_unless_ready
from resettle.services.payments.agreements import get_agreements
from resettle.services.payments.common import RESULT_PAID, fen, head_ids, project_name
from resettle.services.register.projects import township_for
from resettle.store.accounts_models import Instalment, Payment, PaymentBatch
from resettle.store.database import Database
from resettle.store.models import Household, Village, VillageGroup

__all__ = ["print_payment_vouchers", "print_supplement"]


def print_supplement(db: Database, project_id: int, household_id: int, seq: int, out: Path) -> Path:
    """Supplementary agreement number ``seq`` of the household as a PDF."""
    require(db, Need.READ, "打印补充协议")
    agreements = get_agreements(db, project_id, household_id)
    main = next((a for a in agreements.agreements if a.seq == 0), None)
    sup = next((a for a in agreements.agreements if a.seq == seq), None)
    if main is None or sup is None or seq == 0:
        raise NotFoundError(f"户 {agreements.household_no} 没有第 {seq} 份补充协议。")
    with db.read() as s:
        row = s.execute(
            select(Village.name, VillageGroup.name)
            .join(VillageGroup, VillageGroup.village_id == Village.id)
            .join(Household, Household.group_id == VillageGroup.id)
            .where(Household.id == household_id)
        ).one()
        head_id = head_ids(s.connection(), [household_id]).get(household_id, "")
        project = project_name(s, project_id)
    township = township_for(db, project_id)
    refuse_unless_ready("supplementary_agreement", "补充协议", township, draft=False)  # a contract names its parties
    fonts = document_fonts(db)
    h = {
        "household_no": agreements.household_no,
        "head_name": agreements.head_name,
        "head_id_number": head_id,
        "village_group": f"{row[0]}{row[1]}",
    }
    html = render_template(
        "supplementary_agreement.html",
        "补充协议",
        {
            "project": {"name": project},
            "issuer": issuer_of(township),
            "township": township,
            "h": h,
            "main": main,
            "sup": sup,
            "total_capital": ("负" if sup.total < 0 else "") + to_capital(abs(fen(sup.total))),
            "agreed_total": agreements.agreed,
            "fonts": fonts,
        },
    )
    doc = PrintableDocument(
        kind="supplementary_agreement",
        title="征地补偿安置补充协议",
        parts=(html,),
        number=f"{agreements.household_no}-补{seq}",
        code="",  # not in the document register: no 校验码 label at all
        landscape=False,
        household_id=household_id,
        file_stem=f"{agreements.household_no}_{agreements.head_name}_补充协议{seq}",
        demo=is_demo(db),
    )
    write_pdf([doc], out, fonts)
    return out


def print_payment_vouchers(
    db: Database,
    project_id: int,
    batch_id: int,
    out: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """领款单 for every paid line of the batch, one page each; returns how many.

    ``progress(done, total)`` counts the pages painted; a cancel stops the work and leaves no file."""
    require(db, Need.PAY, "打印领款单")
    with db.read() as s:
        batch = s.get(PaymentBatch, batch_id)
        if batch is None or batch.project_id != project_id:
            raise NotFoundError(f"兑付批次（编号 {batch_id}）不在此项目中。")
        lines: list[dict[str, Any]] = [
            {
                "batch_no": batch.batch_no,
                "instalment": batch.instalment,
                "household_no": p.household_no,
                "payee": p.payee,
                "id_number": p.id_number,
                "bank_name": p.bank_name,
                "bank_account": p.bank_account,
                "amount": p.amount,
                "result_at": p.result_at.strftime("%Y-%m-%d %H:%M") if p.result_at else "",
                "condition": inst.condition,
                "percent": inst.percent,
                "household_id": p.household_id,
            }
            for p, inst in s.execute(
                select(Payment, Instalment)
                .join(Instalment, Instalment.id == Payment.instalment_id)
                .where(Payment.batch_id == batch_id, Payment.result == RESULT_PAID)
                .order_by(Payment.seq)
            )
        ]
        project = project_name(s, project_id)
        head = batch.chain_head
    if not lines:
        raise ValidationError("此批次还没有成功的付款，没有领款单可打印。", field="批次")
    township = township_for(db, project_id)
    refuse_unless_ready("voucher", "领款单", township, draft=False)  # signed for money: names who pays
    fonts = document_fonts(db)
    issuer = issuer_of(township)
    demo = is_demo(db)

    def voucher(i: int, p: dict[str, Any]) -> PrintableDocument:
        return PrintableDocument(
            kind="payment_voucher",
            title="征地补偿款领款单",
            parts=(
                render_template(
                    "payment_voucher.html",
                    "领款单",
                    {
                        "project": project,
                        "issuer": issuer,
                        "township": township,
                        "p": p,
                        "capital": to_capital(fen(p["amount"])),
                        "chain_head": head,
                        "fonts": fonts,
                    },
                ),
            ),
            number=f"{p['batch_no']}-{i}",
            code="",  # not in the document register: no 校验码 label at all
            landscape=False,
            household_id=int(p["household_id"]),
            demo=demo,
        )

    total = len(lines)
    if progress is not None:
        progress(0, total)  # the count shows before the first page is laid out
    docs: list[PrintableDocument] = []
    for i, p in enumerate(lines, start=1):
        if i % 200 == 0 and cancelled is not None and cancelled():
            raise PrintCancelled("已取消，未写出文件。")
        docs.append(voucher(i, p))
    painted = 0

    def one(_document: PrintableDocument, _pages: int) -> None:
        nonlocal painted
        painted += 1
        if progress is not None:
            progress(painted, total)

    write_pdf(docs, out, fonts, on_document=one, cancelled=cancelled)
    return len(docs)
