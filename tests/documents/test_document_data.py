"""Pure parts of the documents: cutting a 公示表 into pages, number text, display filters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from resettle.documents.codes import number_text
from resettle.documents.data import (
    DISCLOSURE_FIRST_PAGE_ROWS,
    DISCLOSURE_LAST_PAGE_RESERVE,
    DISCLOSURE_PAGE_ROWS,
    DisclosureRow,
    disclosure_pages,
)
from resettle.documents.templates import _cn_date, _qty, _yuan


def row(i: int) -> DisclosureRow:
    return DisclosureRow(i, i, f"H{i:04d}", "户主", "一组", 3, "", "", {}, Decimal("0.00"),
                         {"土地补偿费": Decimal("1.01")}, Decimal("1.01"))  # fmt: skip


@given(st.integers(min_value=0, max_value=400))
def test_pages_hold_every_row_once_in_order_with_room_for_the_totals(n: int) -> None:
    pages = disclosure_pages([row(i) for i in range(n)], ["土地补偿费"])
    assert [r.seq for p in pages for r in p.rows] == list(range(n))
    assert pages[0].first and pages[-1].last and sum(p.last for p in pages) == 1
    assert len(pages[0].rows) <= DISCLOSURE_FIRST_PAGE_ROWS
    assert all(len(p.rows) <= DISCLOSURE_PAGE_ROWS for p in pages[1:])
    last_capacity = DISCLOSURE_FIRST_PAGE_ROWS if len(pages) == 1 else DISCLOSURE_PAGE_ROWS
    assert len(pages[-1].rows) <= last_capacity - DISCLOSURE_LAST_PAGE_RESERVE
    assert n == 0 or pages[-1].rows, "the totals never stand on a page without rows"
    for p in pages:
        assert p.subtotal["土地补偿费"] == p.subtotal_total == Decimal("1.01") * len(p.rows)
    if len(pages) > 2:
        assert all(len(p.rows) == DISCLOSURE_PAGE_ROWS for p in pages[1:-2]), "middle pages are full"


def test_number_and_filters() -> None:
    assert number_text("征补", 2026, 15) == "征补〔2026〕第 15 号"
    assert _qty(Decimal("1.2500")) == "1.25" and _qty(Decimal("1.2345")) == "1.2345" and _qty(Decimal(3)) == "3.00"
    assert _qty(Decimal("0.5")) == "0.50" and _qty(None) == ""
    assert _yuan(Decimal("1234567.8")) == "1,234,567.80" and _yuan(Decimal("-5")) == "-5.00"
    assert _cn_date(date(2026, 6, 3)) == "2026年6月3日" and "年" in _cn_date(None)
