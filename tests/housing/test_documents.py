"""安置房分配确认书, 入住通知单 and 抽签记录 printed to PDF, checked by their text."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.cli import main
from resettle.documents.render import write_pdf
from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError
from resettle.services.documents import printing as documents
from resettle.services.housing import placement, settlement
from resettle.services.housing.documents import simulation_document
from resettle.services.register import households
from resettle.store.database import Database
from tests.housing.conftest import EXPECTED


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def test_allocation_confirmation_shows_flats_owners_bands_and_net(hdb: Database, pid: int, tmp_path: Path) -> None:
    draw = placement.draw_lottery(hdb, pid, "S-9")
    hid = households.find_household_id(hdb, "东岗01012", pid)
    a = placement.find_flat_id(hdb, pid, "12幢-1单元-202")
    b = placement.find_flat_id(hdb, pid, "9幢-2单元-501")
    members = placement.placement_detail(hdb, pid, hid).members
    placement.choose_flats(hdb, pid, hid, [a, b], owners=[[members[0].id, members[1].id], [members[0].id]])
    out = tmp_path / "alloc.pdf"
    result = documents.export_pdf(hdb, "allocation", out, household_ids=[hid])
    assert result.documents == 1 and out.is_file()
    text = pdf_text(out)
    want = EXPECTED["settlement"]["东岗01012"]
    assert "安置房分配确认书" in text and "东岗01012" in text
    assert "12幢-1单元-202" in text and "9幢-2单元-501" in text
    assert members[0].id_number in text and members[1].name in text
    assert "8.00㎡×3,600.00元/㎡=28,800.00元" in text
    assert "875,103.00" in text and want["net"] == "875103.00"
    position = next(p for p, no, _h in draw.order if no == "东岗01012")
    assert f"抽签顺序号：{position}" in text
    # What the household still owes is said as owed, never as a negative 应得 on a paper it signs.
    row = next(h for h in settlement.settle(hdb, pid).households if h.household_no == "东岗01012")
    balance = row.settlement.balance
    owed = f"{-balance:,.2f}" if balance < 0 else f"{balance:,.2f}"
    assert ("还须补缴" if balance < 0 else "本户应得") in text and owed in text and f"-{owed}" not in text


def test_unchosen_households_are_skipped_and_said_so(hdb: Database, pid: int, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="尚未选房"):
        documents.export_pdf(hdb, "allocation", tmp_path / "x.pdf", project_id=pid)
    assert not (tmp_path / "x.pdf").exists()


def test_move_in_notice_carries_its_serial_number(hdb: Database, pid: int, tmp_path: Path) -> None:
    hid = households.find_household_id(hdb, "东岗01003", pid)
    placement.choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "10幢-1单元-502")])
    settlement.hand_over(hdb, pid, hid, date(2026, 9, 1), keys=3)
    out = tmp_path / "movein.pdf"
    documents.export_pdf(hdb, "move-in", out, project_id=pid)
    text = pdf_text(out)
    assert "入住通知单" in text and "安入〔2026〕第1号" in text and "10幢-1单元-502" in text
    assert "2026年9月1日" in text and "钥匙3把" in text
    assert "校验码" not in text  # its number is the register's; no empty 校验码 label after it


def test_print_lottery_record_from_the_cli(hdb: Database, pid: int, tmp_path: Path) -> None:
    draw = placement.draw_lottery(hdb, pid, "公开种子-2026")
    path = hdb.path
    hdb.close()
    out = tmp_path / "lot.pdf"
    assert main(["--db", str(path), "print", "lottery", str(out)]) == 0
    text = pdf_text(out)
    assert "公开种子-2026" in text and draw.digest in text
    first, last = draw.order[0], draw.order[-1]
    assert text.index(first[1]) < text.index(last[1])
    assert draw.keys[0] in text
    assert "公证员" in text
    assert main(["--db", str(path), "print", "allocation", str(tmp_path / "a.pdf"), "--household", "东岗01001"]) == 1


def test_simulation_sheet_prints_cash_and_each_layout(hdb: Database, pid: int, tmp_path: Path) -> None:
    from resettle.documents.render import write_pdf
    from resettle.services.housing.documents import simulation_document

    hid = households.find_household_id(hdb, "东岗01001", pid)
    run = simulation_document(hdb, pid, hid)
    out = tmp_path / "sim.pdf"
    write_pdf(run.documents, out, run.fonts)
    text = pdf_text(out)
    sim = settlement.simulate(hdb, pid, hid)
    assert "模拟安置测算表" in text and "货币安置" in text and "样稿" in text
    one = next(o for o in sim.options if o.label == "一套")
    assert one.settlement is not None and f"{one.settlement.net:,}" in text


def test_transition_statement_prints_with_total_in_capitals(hdb: Database, pid: int, tmp_path: Path) -> None:
    from resettle.documents.render import write_pdf
    from resettle.domain.money import to_capital, to_fen
    from resettle.services.housing.documents import transition_document

    placement.set_moved_out(hdb, pid, households.find_household_id(hdb, "东岗01001", pid), date(2026, 1, 10))
    placement.set_moved_out(hdb, pid, households.find_household_id(hdb, "东岗01002", pid), date(2026, 2, 1))
    run = transition_document(hdb, pid, date(2026, 6, 30), since=date(2026, 3, 31))
    out = tmp_path / "fee.pdf"
    write_pdf(run.documents, out, run.fonts)
    text = pdf_text(out)
    st = settlement.transition_statement(hdb, pid, date(2026, 6, 30), since=date(2026, 3, 31))
    assert "过渡费发放表" in text and "东岗01001" in text and "东岗01002" in text and "领款人签字" in text
    assert st.total == Decimal(4 * 450 * 3 + 3 * 450 * 3)
    assert to_capital(to_fen(st.total)) in text


def test_an_official_paper_is_refused_while_the_issuer_is_missing(tmp_path: Path) -> None:
    from resettle.services.register import settings as settings_service
    from tests.conftest import CLERK
    from tests.housing.conftest import import_survey

    with Database.open(tmp_path / "bare.sqlite3", actor=CLERK, startup_backup=False) as db:
        pid = import_survey(db)
        placement.draw_lottery(db, pid, "S")
        with pytest.raises(ValidationError, match="征迁办名称"):
            documents.export_pdf(db, "lottery", tmp_path / "x.pdf", project_id=pid)
        assert not (tmp_path / "x.pdf").exists()
        documents.export_pdf(db, "lottery", tmp_path / "draft.pdf", project_id=pid, draft=True)
        assert "样稿" in pdf_text(tmp_path / "draft.pdf")
        settings_service.save_township(db, TownshipDetails(office="东岗镇征迁办公室"))
        documents.export_pdf(db, "lottery", tmp_path / "ok.pdf", project_id=pid)
        assert "东岗镇征迁办公室" in pdf_text(tmp_path / "ok.pdf")


def test_demo_papers_say_so_and_drafts_carry_no_number(hdb: Database, pid: int, tmp_path: Path) -> None:
    from resettle.services.demo.register import mark_demo

    placement.draw_lottery(hdb, pid, "S-9")
    hid = households.find_household_id(hdb, "东岗01012", pid)
    placement.choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "12幢-1单元-202")])
    documents.export_pdf(hdb, "allocation", tmp_path / "a.pdf", household_ids=[hid])
    documents.export_pdf(hdb, "lottery", tmp_path / "l.pdf", project_id=pid)
    for name, series in (("a.pdf", "安分〔"), ("l.pdf", "安签〔")):  # a real register's papers: numbered, no mark
        text = pdf_text(tmp_path / name)
        assert series in text and "演示数据" not in text
    mark_demo(hdb)
    documents.export_pdf(hdb, "allocation", tmp_path / "ad.pdf", household_ids=[hid], draft=True)
    documents.export_pdf(hdb, "lottery", tmp_path / "ld.pdf", project_id=pid, draft=True)
    for name, series in (("ad.pdf", "安分〔"), ("ld.pdf", "安签〔")):
        text = pdf_text(tmp_path / name)
        assert "演示数据" in text and "样稿" in text and series not in text, name
    sim = tmp_path / "sim.pdf"
    write_pdf(list(simulation_document(hdb, pid, hid).documents), sim, documents.document_fonts(hdb))
    assert "演示数据" in pdf_text(sim)


def test_a_lottery_row_never_splits_across_pages(hdb: Database, pid: int, tmp_path: Path) -> None:
    """Each page holds whole rows: as many 户号 as SHA-256 values (the hash cell's smaller type let the
    hash stay on one page while its 户号 and 户主 went to the next)."""
    draw = placement.draw_lottery(hdb, pid, "分页-1")
    out = tmp_path / "lot.pdf"
    documents.export_pdf(hdb, "lottery", out, project_id=pid)
    pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(out)).pages]
    assert len(pages) >= 2, "the draw should run over a page"
    numbers = {no for _p, no, _h in draw.order}
    seen_keys = seen_numbers = 0
    for text in pages:
        keys = sum(text.count(key) for key in draw.keys)  # the households' values, not the order's digest
        rows = sum(text.count(no) for no in numbers)
        assert keys == rows, (keys, rows)
        seen_keys += keys
        seen_numbers += rows
    assert seen_keys == len(draw.order)


def test_the_allocation_confirmation_is_numbered_in_the_register_and_verifiable(
    hdb: Database, pid: int, tmp_path: Path
) -> None:
    """A 分配确认书 carries a register number and a 校验码 like a notice: printed again unchanged it keeps
    them; another flat makes the old paper 'changed' on verification and the next print a new number."""
    from resettle.services.demo.generate import generate_demo
    from resettle.services.documents.verify import verify_document
    from resettle.services.housing.selection import cancel_choice, choose_flats

    placement.draw_lottery(hdb, pid, "S-9")
    hid = households.find_household_id(hdb, "东岗01012", pid)
    choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "12幢-1单元-202")])
    first = documents.export_pdf(hdb, "allocation", tmp_path / "a.pdf", household_ids=[hid])
    assert (first.issued, first.reprints) == (1, 0) and "新编号 1 份" in first.message
    text = pdf_text(tmp_path / "a.pdf")
    year = date.today().year
    assert f"安分〔{year}〕第1号" in text
    code = re.search(r"校验码([0-9A-Z]{5}-[0-9A-Z]{5})", text)
    assert code is not None, text[-200:]
    balance = settlement.settle(hdb, pid, household_ids=[hid]).households[0].settlement.balance
    checked = verify_document(hdb, code.group(1))
    assert checked.status == "current" and checked.authentic and checked.issued_total == balance
    assert checked.document.kind_title == "分配确认书" and checked.document.household_no == "东岗01012"
    again = documents.export_pdf(hdb, "allocation", tmp_path / "again.pdf", household_ids=[hid])
    assert (again.issued, again.reprints) == (0, 1)
    assert code.group(1) in pdf_text(tmp_path / "again.pdf")  # unchanged: the same paper, printed again
    assert verify_document(hdb, code.group(1)).document.print_count == 2
    # The same flat with another owner written on its title is another paper too.
    members = placement.placement_detail(hdb, pid, hid).members
    cancel_choice(hdb, pid, hid, "加产权人")
    flat = placement.find_flat_id(hdb, pid, "12幢-1单元-202")
    choose_flats(hdb, pid, hid, [flat], owners=[[members[0].id, members[1].id]])
    owners = verify_document(hdb, code.group(1))
    assert owners.status == "changed" and any(members[1].name in c and "产权人" in c for c in owners.changes)
    # The family changes its choice: the first paper no longer holds, the next one has its own number.
    cancel_choice(hdb, pid, hid, "改选")
    choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "9幢-2单元-501")])
    changed = verify_document(hdb, code.group(1))
    assert changed.status == "changed" and any("12幢-1单元-202" in c and "9幢-2单元-501" in c for c in changed.changes)
    documents.export_pdf(hdb, "allocation", tmp_path / "new.pdf", household_ids=[hid])
    assert f"安分〔{year}〕第2号" in pdf_text(tmp_path / "new.pdf")
    documents.export_pdf(hdb, "allocation", tmp_path / "draft.pdf", household_ids=[hid], draft=True)
    assert "校验码" not in pdf_text(tmp_path / "draft.pdf")  # a draft is never numbered
    # Another project of the register has no placement standard of its own: refused, these papers untouched.
    other = generate_demo(hdb, households=5, seed=3).project_id
    with pytest.raises(ValidationError, match="安置标准"):
        documents.export_pdf(hdb, "allocation", tmp_path / "o.pdf", project_id=other)
    assert not (tmp_path / "o.pdf").exists()
    assert verify_document(hdb, code.group(1)).document.household_no == "东岗01012"
