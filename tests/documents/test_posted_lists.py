"""Posted lists state one posting period (the project's) and the audit chain head, PDF and xlsx alike."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from resettle.domain.posting import DEFAULT_POSTING_DAYS, ChainStamp, posting_period
from resettle.services.documents import printing as docs
from resettle.services.register import exports, projects
from resettle.store.audit import chain_head_info
from resettle.store.database import Database
from tests.documents.conftest import TOWNSHIP, pdf_text

PERIOD = re.compile(r"公示期：(\d{4})年(\d{1,2})月(\d{1,2})日至(\d{4})年(\d{1,2})月(\d{1,2})日")


def _period(text: str) -> tuple[date, date]:
    found = PERIOD.search(text)
    assert found is not None, text[:300]
    y1, m1, d1, y2, m2, d2 = (int(g) for g in found.groups())
    return date(y1, m1, d1), date(y2, m2, d2)


def _xlsx_texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
    finally:
        book.close()


def _set_posting_days(db: Database, project_id: int, days: int | None) -> None:
    record = projects.get_project(db, project_id)
    projects.update_project(db, project_id, dataclasses.replace(record.details, posting_days=days))


@pytest.mark.parametrize("days", [None, 21])
def test_pdf_and_xlsx_lists_state_the_projects_posting_period(
    priced_db: Database, tmp_path: Path, days: int | None
) -> None:
    pid = projects.resolve_project(priced_db, None)
    _set_posting_days(priced_db, pid, days)
    pdf, xlsx = tmp_path / "gs.pdf", tmp_path / "gs.xlsx"
    docs.export_pdf(priced_db, "disclosure", pdf, project_id=pid)
    exports.export_disclosure(priced_db, xlsx, project_id=pid)
    in_pdf = _period(pdf_text(pdf))
    in_xlsx = _period("\n".join(_xlsx_texts(xlsx)))
    expected_days = DEFAULT_POSTING_DAYS if days is None else days
    assert in_pdf == in_xlsx == posting_period(in_pdf[0], expected_days)
    assert (in_pdf[1] - in_pdf[0]).days + 1 == expected_days
    # …and the same complaint phone (the township details), which the xlsx left blank before.
    assert TOWNSHIP.complaint_phone in pdf_text(pdf)
    assert any(TOWNSHIP.complaint_phone in t for t in _xlsx_texts(xlsx))


def test_a_second_project_keeps_its_own_posting_period(priced_db: Database, tmp_path: Path) -> None:
    first = projects.resolve_project(priced_db, None)
    _set_posting_days(priced_db, first, 15)
    second = projects.create_project(priced_db, "第二项目")
    _set_posting_days(priced_db, second, 45)
    projects.add_group(priced_db, second, "德源村", "一组")
    out = tmp_path / "first.xlsx"
    exports.export_disclosure(priced_db, out, project_id=first)
    start, end = _period("\n".join(_xlsx_texts(out)))
    assert (end - start).days + 1 == 15


def test_posted_lists_print_the_chain_head_as_it_stood(priced_db: Database, tmp_path: Path) -> None:
    pid = projects.resolve_project(priced_db, None)
    with priced_db.read() as s:
        head = chain_head_info(s.connection())
    line = ChainStamp(head.seq, head.hash, date.today()).text
    assert f"第 {head.seq} 条" in line and head.hash[:4] in line
    for kind in ("disclosure", "payments"):
        out = tmp_path / f"{kind}.xlsx"
        getattr(exports, f"export_{kind}")(priced_db, out, project_id=pid)
        assert line in _xlsx_texts(out), kind
    pdf = tmp_path / "gs.pdf"
    docs.export_pdf(priced_db, "disclosure", pdf, project_id=pid)
    assert "".join(line.split()) in pdf_text(pdf), "the PDF list was issued on the same chain head"
