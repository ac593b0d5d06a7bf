"""The document register: verification codes, current/changed, reprints, permanence."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from resettle.documents.codes import CODE_LENGTH, format_code, normalise_code, verification_code
from resettle.errors import NotFoundError, ValidationError
from resettle.services.compensation import adjustments, computing, reviewing
from resettle.services.documents import printing as docs
from resettle.services.register import households, projects
from resettle.services.register.checks import check_database
from resettle.store.database import Database
from tests import dbraw
from tests.documents.conftest import first_id, page_texts, pdf_text


def grow_first_parcel(db: Database, household_id: int, by: str = "0.50") -> None:
    """What a clerk does: correct a parcel's area in the register, then recompute."""
    detail = households.get_household(db, household_id)
    parcels = list(detail.data.parcels)
    parcels[0] = replace(parcels[0], area_mu=parcels[0].area_mu + Decimal(by))
    households.update_household(db, detail, replace(detail.data, parcels=tuple(parcels)), reason="复测面积")
    computing.compute(db, detail.project_id)


def test_an_issued_notice_verifies_as_current_then_changed_after_a_recompute(
    priced_db: Database, tmp_path: Path
) -> None:
    hid = first_id(priced_db)
    out = tmp_path / "notice.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=[hid])
    (doc,) = docs.list_documents(priced_db)
    assert len(doc.code) == CODE_LENGTH + 1 and doc.code in pdf_text(out), "the code is printed on the page"
    for text in page_texts(out):
        assert doc.code in text, "…on every page"

    result = docs.verify_document(priced_db, doc.code)
    assert (result.status, result.authentic, result.changes) == ("current", True, ())
    assert result.document.number == doc.number and result.document.household_id == hid
    assert result.current_total == result.issued_total == reviewing.get_household_compensation(priced_db, hid).total
    assert "一致" in result.message

    grow_first_parcel(priced_db, hid)
    after = docs.verify_document(priced_db, doc.code.lower().replace("-", " "))
    assert after.status == "changed"
    assert after.current_total is not None and after.current_total > after.issued_total
    assert any("土地补偿费" in c for c in after.changes), after.changes
    assert "不一致" in after.message


def test_a_recompute_that_changes_nothing_keeps_the_document_current(priced_db: Database, tmp_path: Path) -> None:
    hid = first_id(priced_db)
    docs.export_pdf(priced_db, "voucher", tmp_path / "v.pdf", household_ids=[hid])
    (doc,) = docs.list_documents(priced_db)
    computing.compute(priced_db, projects.resolve_project(priced_db, None))
    assert docs.verify_document(priced_db, doc.code).status == "current"


def test_an_adjustment_to_social_security_changes_a_notice_but_not_a_voucher(
    priced_db: Database, tmp_path: Path
) -> None:
    hid = first_id(priced_db)
    docs.export_pdf(priced_db, "notice", tmp_path / "n.pdf", household_ids=[hid])
    docs.export_pdf(priced_db, "voucher", tmp_path / "v.pdf", household_ids=[hid])
    notice = docs.list_documents(priced_db, kind="notice")[0]
    voucher = docs.list_documents(priced_db, kind="voucher")[0]
    adjustments.add_adjustment(priced_db, hid, "社保补缴", Decimal("500.00"), "补缴差额", payee="社保")
    assert docs.verify_document(priced_db, notice.code).status == "changed"
    assert docs.verify_document(priced_db, voucher.code).status == "current", "the voucher lists only 户 lines"


def test_a_reprint_keeps_its_number_and_is_marked(priced_db: Database, tmp_path: Path) -> None:
    hid = first_id(priced_db)
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    r1 = docs.export_pdf(priced_db, "notice", first, household_ids=[hid])
    r2 = docs.export_pdf(priced_db, "notice", second, household_ids=[hid])
    assert (r1.issued, r1.reprints, r2.issued, r2.reprints) == (1, 0, 0, 1)
    (doc,) = docs.list_documents(priced_db)
    assert doc.print_count == 2 and doc.last_printed_by == "clerk1" and doc.last_printed_at is not None
    assert "重印" not in pdf_text(first)
    number = "".join(doc.number.split())
    for text in page_texts(second):
        assert "重印" in text and number in text
    assert "第2次打印" in pdf_text(second)

    again = docs.reprint_document(priced_db, doc.id, tmp_path / "3.pdf")
    assert again.reprints == 1 and "第3次打印" in pdf_text(tmp_path / "3.pdf")
    assert docs.list_documents(priced_db)[0].print_count == 3


def test_changed_amounts_get_a_new_number_and_the_old_one_cannot_be_reprinted(
    priced_db: Database, tmp_path: Path
) -> None:
    hid = first_id(priced_db)
    docs.export_pdf(priced_db, "notice", tmp_path / "1.pdf", household_ids=[hid])
    (old,) = docs.list_documents(priced_db)
    grow_first_parcel(priced_db, hid)
    result = docs.export_pdf(priced_db, "notice", tmp_path / "2.pdf", household_ids=[hid])
    assert (result.issued, result.reprints) == (1, 0)
    new, _old = docs.list_documents(priced_db)
    assert new.number != old.number and new.code != old.code
    assert "重印" not in pdf_text(tmp_path / "2.pdf")
    assert docs.verify_document(priced_db, new.code).status == "current"
    assert docs.verify_document(priced_db, old.code).status == "changed"
    with pytest.raises(ValidationError, match="不能按原编号重印"):
        docs.reprint_document(priced_db, old.id, tmp_path / "3.pdf")
    assert not (tmp_path / "3.pdf").exists()


def test_a_new_deadline_is_a_new_document_and_the_same_deadline_a_reprint(priced_db: Database, tmp_path: Path) -> None:
    from datetime import date

    hid = first_id(priced_db)
    june = docs.DocumentOptions(sign_deadline=date(2026, 6, 30))
    docs.export_pdf(priced_db, "notice", tmp_path / "1.pdf", household_ids=[hid], options=june)
    assert "2026年6月30日" in pdf_text(tmp_path / "1.pdf")
    again = docs.export_pdf(priced_db, "notice", tmp_path / "2.pdf", household_ids=[hid])
    assert again.reprints == 1 and "2026年6月30日" in pdf_text(tmp_path / "2.pdf"), "a reprint keeps its terms"
    july = docs.DocumentOptions(sign_deadline=date(2026, 7, 31))
    moved = docs.export_pdf(priced_db, "notice", tmp_path / "3.pdf", household_ids=[hid], options=july)
    assert moved.issued == 1 and "2026年7月31日" in pdf_text(tmp_path / "3.pdf")


def test_a_cancelled_run_writes_no_file_and_reuses_the_numbers_as_first_prints(
    priced_db: Database, tmp_path: Path
) -> None:
    ids = [first_id(priced_db) + i for i in range(3)]
    out = tmp_path / "batch.pdf"
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(docs.PrintCancelled):
        docs.export_pdf(priced_db, "notice", out, household_ids=ids, cancelled=cancel_after_two)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    issued = docs.list_documents(priced_db)
    assert issued and all(d.print_count == 0 for d in issued)
    result = docs.export_pdf(priced_db, "notice", out, household_ids=ids)
    assert result.reprints == 0 and result.issued == 3 - len(issued)
    assert {d.number for d in issued} <= {d.number for d in docs.list_documents(priced_db)}
    assert "重印" not in pdf_text(out)


def test_verify_refuses_what_is_not_a_code_and_reports_an_unknown_one(priced_db: Database) -> None:
    with pytest.raises(ValidationError, match="不是有效的校验码"):
        docs.verify_document(priced_db, "12345")
    with pytest.raises(NotFoundError, match="没有校验码"):
        docs.verify_document(priced_db, "00000-00000")


def test_codes_read_back_from_paper() -> None:
    from datetime import datetime

    code = verification_code(b"k" * 32, "征补〔2026〕第 1 号", "household:1", 12345, datetime(2026, 5, 1, 9, 0))
    assert len(code) == CODE_LENGTH and set(code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    printed = format_code(code)
    assert normalise_code(printed) == code
    assert normalise_code(printed.lower().replace("-", " ")) == code
    other = verification_code(b"k" * 32, "征补〔2026〕第 1 号", "household:1", 12346, datetime(2026, 5, 1, 9, 0))
    assert other != code, "the total is part of the code"
    assert normalise_code("O1IL0-00000") == "01110" + "00000"
    assert normalise_code("ABCDE-1234U") is None


def test_issued_documents_are_permanent_and_audited(priced_db: Database, tmp_path: Path) -> None:
    hid = first_id(priced_db)
    docs.export_pdf(priced_db, "notice", tmp_path / "n.pdf", household_ids=[hid])
    conn = dbraw.connect(priced_db.path)
    try:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="permanent"):
            conn.execute("UPDATE issued_document SET total = 1")
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="permanent"):
            conn.execute("DELETE FROM issued_document")
        conn.rollback()
        audited = conn.execute(
            "SELECT count(*), min(household_id) FROM audit_log WHERE entity = 'issued_document'"
        ).fetchone()
    finally:
        conn.close()
    assert audited[0] > 0 and audited[1] == hid, "the issue appears in the household's history"
    assert check_database(priced_db).ok


def test_a_document_survives_the_deletion_of_its_household(priced_db: Database, tmp_path: Path) -> None:
    hid = first_id(priced_db)
    docs.export_pdf(priced_db, "notice", tmp_path / "n.pdf", household_ids=[hid])
    (doc,) = docs.list_documents(priced_db)
    households.delete_household(priced_db, hid, reason="重复登记")
    result = docs.verify_document(priced_db, doc.code)
    assert result.status == "changed" and result.current_total is None
    assert "已被删除" in result.message
    assert result.document.head_name == doc.head_name


def test_printing_on_the_windows_printer_output_numbers_paints_and_records(priced_db: Database, tmp_path: Path) -> None:
    """print_documents takes the output the window builds around its printer (here a PDF writer as the device)."""
    from PySide6.QtGui import QPdfWriter

    from resettle.documents.fonts import ensure_gui_app

    hid = first_id(priced_db)
    ensure_gui_app()
    out = tmp_path / "printer.pdf"
    writer = QPdfWriter(str(out))
    result = docs.print_documents(priced_db, "notice", docs.PrinterOutput(writer), household_ids=[hid])
    del writer  # closes the file
    (doc,) = docs.list_documents(priced_db)
    assert (result.documents, result.issued, doc.household_id, doc.print_count) == (1, 1, hid, 1)
    assert result.pages >= 1 and doc.code in pdf_text(out)
