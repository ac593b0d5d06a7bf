"""The supplementary agreement and the vouchers of paid lines, checked in the PDF's text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.documents.render import PrintCancelled
from resettle.errors import NotFoundError, ValidationError
from resettle.services.demo.register import mark_demo
from resettle.services.payments import agreements, batches, printing
from tests.payments.conftest import Two, household_ids
from tests.payments.replies import answer


def text_of(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages).replace(" ", "")


def test_supplementary_agreement_prints_its_lines_reason_and_totals(two: Two, tmp_path: Path) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], date(2026, 7, 1), "70,30")
    agreements.supplement(db, two.a, hid, [("困难补助", Decimal("1200.00"))], "低保户认定", date(2026, 7, 9))
    out = printing.print_supplement(db, two.a, hid, 1, tmp_path / "sup.pdf")
    text = text_of(out)
    for expected in ("补充协议", "困难补助", "1,200.00", "低保户认定", "壹仟贰佰元整"):
        assert expected in text
    assert str(agreements.get_agreements(db, two.a, hid).agreed.quantize(Decimal("0.01"))) in text.replace(",", "")


def test_vouchers_only_for_paid_lines(two: Two, tmp_path: Path) -> None:
    db = two.db
    ids = household_ids(db, two.a)[:3]
    agreements.sign_agreements(db, two.a, ids, date(2026, 7, 1), "70,30")
    info = batches.make_batch(db, two.a, 1)
    with pytest.raises(ValidationError, match="还没有成功"):
        printing.print_payment_vouchers(db, two.a, info.id, tmp_path / "none.pdf")
    batches.write_bank_files(db, two.a, info.id, tmp_path / "b.xlsx")
    lines = batches.batch_lines(db, two.a, info.id)
    failed = lines[0].household_no
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx", fail=lambda no: no == failed))
    n = printing.print_payment_vouchers(db, two.a, info.id, tmp_path / "v.pdf")
    assert n == 2 and len(PdfReader(tmp_path / "v.pdf").pages) == 2
    text = text_of(tmp_path / "v.pdf")
    assert failed not in text and all(line.household_no in text for line in lines[1:])
    assert info.batch_no in text and "领款单" in text
    assert "演示数据" not in text
    mark_demo(db)  # from a demo register every voucher says so
    printing.print_payment_vouchers(db, two.a, info.id, tmp_path / "v2.pdf")
    assert text_of(tmp_path / "v2.pdf").count("演示数据") == 2


def test_supplement_and_vouchers_refuse_without_their_issuer(two: Two, tmp_path: Path) -> None:
    from resettle.domain.township import TownshipDetails
    from resettle.services.register import projects, settings

    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], date(2026, 7, 1), "70,30")
    agreements.supplement(db, two.a, hid, [("困难补助", Decimal("1200.00"))], "低保户认定", date(2026, 7, 9))
    info = batches.make_batch(db, two.a, 1)
    batches.write_bank_files(db, two.a, info.id, tmp_path / "b.xlsx")
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx", fail=lambda _no: False))
    settings.save_township(db, TownshipDetails())  # nobody named: neither paper goes out as 「（征收实施单位）」
    with pytest.raises(ValidationError, match="乡镇名称、征迁办名称") as info_sup:
        printing.print_supplement(db, two.a, hid, 1, tmp_path / "sup.pdf")
    assert info_sup.value.field == "乡镇信息"
    with pytest.raises(ValidationError, match="领款单缺少：征迁办名称"):
        printing.print_payment_vouchers(db, two.a, info.id, tmp_path / "v.pdf")
    assert not (tmp_path / "sup.pdf").exists() and not (tmp_path / "v.pdf").exists()
    # the project's own details are enough for its papers
    record = projects.get_project(db, two.a)
    own = TownshipDetails(township="甲镇", office="甲镇征迁办")
    projects.update_project(db, two.a, projects.ProjectDetails(record.details.name, township=own), record.version)
    assert "甲镇征迁办" in text_of(printing.print_supplement(db, two.a, hid, 1, tmp_path / "sup.pdf"))
    printing.print_payment_vouchers(db, two.a, info.id, tmp_path / "v.pdf")
    assert "甲镇征迁办" in text_of(tmp_path / "v.pdf")


def test_vouchers_count_their_pages_and_a_cancel_leaves_no_file(two: Two, tmp_path: Path) -> None:
    db = two.db
    ids = household_ids(db, two.a)[:3]
    agreements.sign_agreements(db, two.a, ids, date(2026, 7, 1), "70,30")
    info = batches.make_batch(db, two.a, 1)
    batches.write_bank_files(db, two.a, info.id, tmp_path / "b.xlsx")
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx", fail=lambda _no: False))
    seen: list[tuple[int, int]] = []
    n = printing.print_payment_vouchers(
        db, two.a, info.id, tmp_path / "v.pdf", progress=lambda d, t: seen.append((d, t))
    )
    assert n == 3 and seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    out = tmp_path / "stopped.pdf"
    with pytest.raises(PrintCancelled):
        printing.print_payment_vouchers(db, two.a, info.id, out, progress=lambda d, _t: None, cancelled=lambda: True)
    assert not out.exists()
    with pytest.raises(NotFoundError):  # the other project's batch is not this project's
        printing.print_payment_vouchers(db, two.b, info.id, tmp_path / "other.pdf")


def test_papers_outside_the_register_print_no_empty_verification_label(two: Two, tmp_path: Path) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], date(2026, 7, 1), "100")
    agreements.supplement(db, two.a, hid, [("困难补助", Decimal("100.00"))], "低保户认定", date(2026, 7, 9))
    text = text_of(printing.print_supplement(db, two.a, hid, 1, tmp_path / "sup.pdf"))
    assert "校验码" not in text  # it printed 校验码 — (no code: the supplement is numbered by its household)
