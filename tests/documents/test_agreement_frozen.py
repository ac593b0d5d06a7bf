"""A printed agreement states what was signed: the lines frozen at signing, not a later recomputation."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from resettle.documents.kinds import DocumentKind
from resettle.domain.money import format_yuan
from resettle.services.compensation import adjustments, reviewing
from resettle.services.documents import printing as documents
from resettle.services.payments import agreements as agreements_service
from resettle.services.payments.agreements import sign_agreements
from resettle.services.register import households, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database


def _text(pdf: Path) -> str:
    return unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(pdf).pages))


def test_the_agreement_prints_the_signed_lines_after_the_amounts_changed(priced_db: Database, tmp_path: Path) -> None:
    db = priced_db
    pid = projects.resolve_project(db, None)
    hid = search.list_households(db, HouseholdQuery(), 0, 1).rows[0].id
    reviewing.review(db, hid)
    signed_total = reviewing.get_household_compensation(db, hid).total
    sign_agreements(db, pid, [hid], date(2026, 6, 1), "70,30")
    adjustments.add_adjustment(db, hid, "困难补助", Decimal("1234.56"), "低保户补助（签约后）")
    now_total = reviewing.get_household_compensation(db, hid).total
    assert now_total == signed_total + Decimal("1234.56")

    out = tmp_path / "agreement.pdf"
    documents.export_pdf(db, DocumentKind.AGREEMENT, out, household_ids=[hid], draft=True)
    text = _text(out).replace(" ", "")
    assert format_yuan(int(signed_total * 100)).replace(" ", "") in text
    assert "困难补助" not in text  # the adjustment made after signing belongs in a 补充协议
    # and how it is paid: the signed plan's instalments, not a lump sum
    view = agreements_service.get_agreements(db, pid, hid).agreements[0]
    first, second = (i for i in view.instalments if i.condition in ("签约", "腾房"))
    assert "分2期支付" in text and "一次性支付" not in text
    for inst in (first, second):
        assert f"第{inst.seq}期{inst.percent}%,{format_yuan(int(inst.amount * 100)).replace(' ', '')}" in text
    unsigned = search.list_households(db, HouseholdQuery(), 1, 1).rows[0].id  # not signed: the lump-sum wording
    other = tmp_path / "unsigned.pdf"
    documents.export_pdf(db, DocumentKind.AGREEMENT, other, household_ids=[unsigned], draft=True)
    assert "一次性支付" in _text(other).replace(" ", "")
    notice = tmp_path / "notice.pdf"
    documents.export_pdf(db, DocumentKind.NOTICE, notice, household_ids=[hid], draft=True)
    assert "困难补助" in _text(notice)  # the notice shows the current computation


def test_a_household_with_a_signed_agreement_cannot_be_deleted(priced_db: Database) -> None:
    import pytest

    from resettle.errors import ValidationError

    db = priced_db
    pid = projects.resolve_project(db, None)
    row = search.list_households(db, HouseholdQuery(), 0, 1).rows[0]
    reviewing.review(db, row.id)
    sign_agreements(db, pid, [row.id], date(2026, 6, 1))
    with pytest.raises(ValidationError, match="已签订补偿安置协议"):
        households.delete_household(db, row.id, "录入错误")
    assert households.get_household(db, row.id).data.household_no == row.household_no
