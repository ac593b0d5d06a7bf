"""Each document printed for demo households and read back from the PDF: names, 户号, amounts, 大写."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.domain.mask import mask
from resettle.domain.money import format_yuan, to_capital, to_fen
from resettle.errors import ValidationError
from resettle.services.compensation import adjustments, reviewing
from resettle.services.documents import printing as docs
from resettle.services.register import households
from resettle.store.database import Database
from tests.documents.conftest import TOWNSHIP, page_texts, pdf_text


def yuan(amount: Decimal) -> str:
    return format_yuan(to_fen(amount))


def capital(amount: Decimal) -> str:
    return to_capital(to_fen(amount))


def _first_ids(db: Database, n: int) -> list[int]:
    conn = db.raw_connection()
    try:
        return [int(r[0]) for r in conn.execute("SELECT id FROM household ORDER BY id LIMIT ?", (n,))]
    finally:
        conn.close()


def test_notice_states_household_members_lines_total_and_capitals(priced_db: Database, tmp_path: Path) -> None:
    hid = _first_ids(priced_db, 1)[0]
    adjustments.add_adjustment(priced_db, hid, "其他补助", Decimal("1234.56"), "房前道路另行补偿")
    out = tmp_path / "notice.pdf"
    result = docs.export_pdf(priced_db, "notice", out, household_ids=[hid])
    assert (result.documents, result.issued, result.reprints) == (1, 1, 0)
    text = pdf_text(out)
    detail = households.get_household(priced_db, hid)
    view = reviewing.get_household_compensation(priced_db, hid)
    assert view.lines and view.adjustments
    assert "征地补偿安置通知书" in text and TOWNSHIP.office in text
    assert detail.data.household_no in text and detail.data.head_name in text
    for person in detail.data.persons:
        assert person.name in text
        assert mask(person.id_number, "id") in text
        assert person.id_number not in text, "the notice shows members' IDs masked"
    for line in view.lines:
        assert yuan(line.amount) in text, line.item
        assert "".join(line.formula.split()) in text
    assert yuan(view.adjustments[0].amount) in text and "房前道路另行补偿" in text
    assert yuan(view.total) in text
    assert capital(view.total) in text
    number = docs.list_documents(priced_db, household_id=hid)[0].number
    assert "".join(number.split()) in text
    assert "申请行政复议" in text and "提起行政诉讼" in text
    assert TOWNSHIP.signing_place in text and TOWNSHIP.complaint_phone in text


def test_agreement_names_every_rights_holder_with_full_id_and_the_account(priced_db: Database, tmp_path: Path) -> None:
    hid = _first_ids(priced_db, 3)[2]
    out = tmp_path / "agreement.pdf"
    docs.export_pdf(priced_db, "agreement", out, household_ids=[hid])
    text = pdf_text(out)
    detail = households.get_household(priced_db, hid)
    view = reviewing.get_household_compensation(priced_db, hid)
    assert "征地补偿安置协议" in text and "甲方" in text and "乙方" in text
    for person in detail.data.persons:
        assert person.name in text and person.id_number in text
    assert detail.data.bank_account in text, "the signing family sees its full account"
    for line in view.lines:
        assert yuan(line.amount) in text
    assert yuan(view.total) in text and capital(view.total) in text
    paid = view.by_payee["户"]
    assert yuan(paid) in text and capital(paid) in text
    assert "行政复议" in text and "行政诉讼" in text


def test_voucher_lists_only_what_is_paid_to_the_household(priced_db: Database, tmp_path: Path) -> None:
    hid = _first_ids(priced_db, 1)[0]
    out = tmp_path / "voucher.pdf"
    docs.export_pdf(priced_db, "voucher", out, household_ids=[hid])
    (text,) = page_texts(out)
    detail = households.get_household(priced_db, hid)
    view = reviewing.get_household_compensation(priced_db, hid)
    head = next(p for p in detail.data.persons if p.relation == "户主")
    assert "领款单" in text and detail.data.head_name in text and head.id_number in text
    assert detail.data.bank_name in text and detail.data.bank_account in text
    paid = view.by_payee["户"]
    social = [ln for ln in view.lines if ln.payee == "社保"]
    assert social, "the sample standard pays social security to its own account"
    assert yuan(paid) in text and capital(paid) in text
    assert capital(view.total) not in text, "the voucher's amount is what the household receives"
    for line in view.lines:
        if line.payee == "户":
            assert yuan(line.amount) in text
    for label in ("经办人", "复核人", "领款人"):
        assert label in text
    number = docs.list_documents(priced_db, household_id=hid, kind="voucher")[0].number
    assert number.startswith("征领〔")


def test_each_kind_has_its_own_number_series(priced_db: Database, tmp_path: Path) -> None:
    ids = _first_ids(priced_db, 2)
    for kind in ("notice", "agreement", "voucher"):
        docs.export_pdf(priced_db, kind, tmp_path / f"{kind}.pdf", household_ids=ids)
    docs.export_pdf(priced_db, "disclosure", tmp_path / "d.pdf", household_ids=ids)
    year = docs.list_documents(priced_db)[0].issued_at.year
    assert {d.number for d in docs.list_documents(priced_db, kind="notice")} == {
        f"征补〔{year}〕第 1 号",
        f"征补〔{year}〕第 2 号",
    }
    assert {d.number for d in docs.list_documents(priced_db, kind="agreement")} == {
        f"征协〔{year}〕第 1 号",
        f"征协〔{year}〕第 2 号",
    }
    assert [d.number for d in docs.list_documents(priced_db, kind="disclosure")] == [f"征公〔{year}〕第 1 号"]
    assert {d.number for d in docs.list_documents(priced_db, kind="voucher")} == {
        f"征领〔{year}〕第 1 号",
        f"征领〔{year}〕第 2 号",
    }
    codes = [d.code for d in docs.list_documents(priced_db)]
    assert len(codes) == len(set(codes)) == 7


def test_fonts_are_embedded_and_chinese(priced_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "notice.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=_first_ids(priced_db, 1))
    fonts = docs.document_fonts(priced_db)
    embedded: dict[str, bool] = {}
    for page in PdfReader(out).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    body = fonts.body.replace(" ", "").casefold()  # "Noto Serif CJK SC" is embedded as NotoSerifCJKsc-Regular
    assert any(body in name.casefold() for name in embedded), (fonts, embedded)
    assert all(embedded.values()), embedded


def test_one_file_per_household_is_named_by_household_no_and_head(priced_db: Database, tmp_path: Path) -> None:
    ids = _first_ids(priced_db, 3)
    seen: list[tuple[int, int]] = []
    result = docs.export_pdf(
        priced_db,
        "voucher",
        tmp_path / "out",
        household_ids=ids,
        one_per_household=True,
        progress=lambda done, total: seen.append((done, total)),
    )
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    expected = []
    for hid in ids:
        d = households.get_household(priced_db, hid)
        expected.append(f"{d.data.household_no}_{d.data.head_name}.pdf")
    assert names == sorted(expected)
    assert result.files and all(p.exists() for p in result.files)
    assert seen[-1] == (3, 3)
    for path in result.files:
        assert len(PdfReader(path).pages) == 1


def test_one_pdf_for_a_group_holds_every_household_in_order(priced_db: Database, tmp_path: Path) -> None:
    from resettle.services.register import projects

    village = projects.tree(priced_db)[0].villages[0]
    group = village.groups[1]
    out = tmp_path / "group.pdf"
    result = docs.export_pdf(priced_db, "voucher", out, group_id=group.id)
    assert result.documents == group.households > 1
    text = pdf_text(out)
    numbers = [households.get_household(priced_db, d.household_id).data.household_no
               for d in docs.list_documents(priced_db) if d.household_id is not None]  # fmt: skip
    positions = [text.index(no) for no in sorted(numbers)]
    assert positions == sorted(positions), "households in 户号 order"
    assert len(PdfReader(out).pages) == result.pages == group.households


def test_households_without_computed_compensation_are_skipped_and_named(priced_db: Database, tmp_path: Path) -> None:
    from dataclasses import replace

    from resettle.domain.household import PersonData

    hid = _first_ids(priced_db, 1)[0]
    detail = households.get_household(priced_db, hid)
    new = households.create_household(
        priced_db,
        replace(
            detail.data,
            household_no="NEW001",
            head_name="新户主",
            persons=(PersonData(name="新户主", relation="户主"),),
            parcels=(),
            structures=(),
            attachments=(),
        ),
    )
    result = docs.export_pdf(priced_db, "notice", tmp_path / "n.pdf", household_ids=[hid, new.id])
    assert result.documents == 1
    assert result.skipped == ("NEW001 新户主：尚未计算补偿",)
    with pytest.raises(ValidationError, match="尚未计算"):
        docs.export_pdf(priced_db, "notice", tmp_path / "m.pdf", household_ids=[new.id])
    assert not (tmp_path / "m.pdf").exists()


def test_a_draft_numbers_nothing_and_says_so(priced_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=_first_ids(priced_db, 1), draft=True)
    text = pdf_text(out)
    assert "样稿" in text
    assert docs.list_documents(priced_db) == []
