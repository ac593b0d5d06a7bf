"""The 公示表 for 200 households: page count, header and page X of Y on every page, masking, totals."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.documents.data import (
    DISCLOSURE_FIRST_PAGE_ROWS,
    DISCLOSURE_LAST_PAGE_RESERVE,
    DISCLOSURE_PAGE_ROWS,
)
from resettle.domain.compensation_records import HouseholdTotalsRow
from resettle.domain.mask import mask
from resettle.domain.money import format_yuan, to_capital, to_fen
from resettle.services.compensation import summaries
from resettle.services.documents import printing as docs
from resettle.services.register import households, projects
from resettle.store.database import Database
from tests.documents.conftest import ID_NUMBER, MOBILE, TOWNSHIP, page_texts, raw_text


def expected_pages(n: int) -> int:
    """Pages of a 公示表 of n households, from the rows a page holds (worked out independently of the code)."""
    if n <= DISCLOSURE_FIRST_PAGE_ROWS - DISCLOSURE_LAST_PAGE_RESERVE:
        return 1
    rest = n - DISCLOSURE_FIRST_PAGE_ROWS  # page 1 is full
    if rest <= 0:
        return 2  # the totals need a page with at least one row: the last row moves over
    # full middle pages, then a last page that has room for the totals
    full = max(0, math.ceil((rest - (DISCLOSURE_PAGE_ROWS - DISCLOSURE_LAST_PAGE_RESERVE)) / DISCLOSURE_PAGE_ROWS))
    return 1 + full + 1


@dataclass(frozen=True)
class Posted:
    pdf: Path
    result: docs.ExportResult
    rows: list[HouseholdTotalsRow]
    ids: list[str]  # every member's ID
    phones: list[str]
    heads: list[str]  # each head's ID, in row order
    audit_hashes: list[str]  # the audit chain after printing, oldest first


@pytest.fixture(scope="module")
def posted(priced_200_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Posted:
    """The whole project's 公示表, printed once for the checks below (a read-only copy of the register)."""
    from tests.conftest import CLERK
    from tests.documents.conftest import _copy

    folder = tmp_path_factory.mktemp("posted")
    db = Database.open(_copy(priced_200_template, folder / "r.sqlite3"), actor=CLERK, startup_backup=False)
    try:
        project_id = projects.resolve_project(db, None)
        out = folder / "disclosure.pdf"
        result = docs.export_pdf(db, "disclosure", out, project_id=project_id)
        _items, rows = summaries.household_totals(db, project_id)
        people = [households.get_household(db, r.household_id).data for r in rows]
        conn = db.raw_connection()
        try:
            hashes = [str(r[0]) for r in conn.execute("SELECT hash FROM audit_log ORDER BY id")]
        finally:
            conn.close()
        return Posted(
            out,
            result,
            rows,
            [p.id_number for d in people for p in d.persons],
            [d.phone for d in people],
            [next(p.id_number for p in d.persons if p.relation == "户主") for d in people],
            hashes,
        )
    finally:
        db.close()


def test_page_count_follows_from_the_rows_a_page_holds(posted: Posted) -> None:
    assert len(posted.rows) == 200
    pages = len(PdfReader(posted.pdf).pages)
    assert pages == expected_pages(200) == posted.result.pages
    assert pages > 5


def test_every_page_repeats_the_header_and_says_page_x_of_y(posted: Posted) -> None:
    texts = page_texts(posted.pdf)
    n = len(texts)
    for i, text in enumerate(texts, start=1):
        for header in ("户号", "户主", "户主身份证号", "联系电话", "补偿金额（元）", "合计"):
            assert header in text, f"page {i} lacks the header {header}"
        assert f"第{i}页共{n}页" in text, f"page {i}"
        assert "征公〔" in text
    assert "征地补偿安置公示表" in texts[0] and "公示期" in texts[0]


def test_no_full_id_or_phone_number_anywhere(posted: Posted) -> None:
    raw = raw_text(posted.pdf)
    joined = "".join(raw.split())
    assert not ID_NUMBER.search(raw) and not ID_NUMBER.search(joined)
    assert not MOBILE.search(raw)
    assert len(posted.ids) > 200
    for number in posted.ids:
        assert number not in joined
    for phone in posted.phones:
        assert phone not in joined
    for head_id, phone in zip(posted.heads, posted.phones, strict=True):
        assert mask(head_id, "id") in joined
        assert mask(phone, "phone") in joined


def test_every_household_once_and_the_totals_on_the_last_page(posted: Posted) -> None:
    texts = page_texts(posted.pdf)
    rows = posted.rows
    joined = "".join(texts)
    for row in rows:
        assert joined.count(row.household_no) == 1, row.household_no
        assert format_yuan(to_fen(row.total)) in joined
    grand = sum((r.total for r in rows), Decimal("0.00"))
    assert format_yuan(to_fen(grand)) in texts[-1]
    assert to_capital(to_fen(grand)) in texts[-1]
    assert "合计（200户）" in texts[-1]
    assert all("合计（200户）" not in t for t in texts[:-1])
    assert TOWNSHIP.complaint_phone in texts[0] and TOWNSHIP.complaint_phone in texts[-1]
    assert all("本页小计" in t for t in texts)


def test_the_audit_chain_head_is_printed(posted: Posted) -> None:
    last = page_texts(posted.pdf)[-1]
    found = re.search(r"审计链头：第(\d+)条([0-9a-f]{16})（(\d{4}-\d\d-\d\d)）", last)
    assert found is not None, last[-200:]
    seq, prefix, day = int(found.group(1)), found.group(2), found.group(3)
    prefixes = [h[:16] for h in posted.audit_hashes]
    assert prefixes[seq - 1] == prefix, "the printed entry is that entry of the chain"
    assert seq < len(prefixes), "…as it stood before the list was issued"
    assert 0 <= (date.today() - date.fromisoformat(day)).days <= 1, "dated the day it was issued"


def test_a_group_list_carries_only_that_group(priced_200_db: Database, tmp_path: Path) -> None:
    village = projects.tree(priced_200_db)[0].villages[0]
    group = village.groups[0]
    out = tmp_path / "group.pdf"
    result = docs.export_pdf(priced_200_db, "disclosure", out, group_id=group.id)
    assert result.pages == expected_pages(group.households) == len(PdfReader(out).pages)
    text = "".join(page_texts(out))
    assert f"公示范围：{village.name}{group.name}" in text
    assert f"合计（{group.households}户）" in text
