"""Working-day arithmetic checked against the State Council's published holiday notices.

2024 notice: 春节 2-10..2-17 off, 2-04 (Sun) and 2-18 (Sun) worked;
国庆 10-01..10-07 off, 9-29 (Sun) and 10-12 (Sat) worked.
2025 notice: 春节 1-28..2-04 off, 1-26 (Sun) and 2-08 (Sat) worked;
国庆+中秋 10-01..10-08 off, 9-28 (Sun) and 10-11 (Sat) worked.
2026 notice: 元旦 1-01..1-03 off, 1-04 (Sun) worked; 春节 2-15..2-23 off, 2-14 (Sat)
and 2-28 (Sat) worked; 劳动节 5-09 (Sat) worked; 中秋 9-25..9-27 off; 国庆 10-01..10-07 off, 9-20 (Sun)
and 10-10 (Sat) worked.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.workdays import (
    DayKind,
    SpecialDay,
    UnknownYear,
    WorkCalendar,
    add_calendar_days,
    add_working_days,
    calendar_days_between,
    is_working_day,
    working_days_between,
)
from resettle.services.procedure.calendar import shipped_calendar

CAL = shipped_calendar()


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2024-02-04", True),  # Sunday, make-up
        ("2024-02-09", True),
        *[(f"2024-02-{n:02d}", False) for n in range(10, 18)],
        ("2024-02-18", True),  # Sunday, make-up
        ("2024-09-29", True),
        *[(f"2024-10-{n:02d}", False) for n in range(1, 8)],
        ("2024-10-08", True),
        ("2024-10-12", True),  # Saturday, make-up
        ("2024-10-13", False),
        ("2025-01-26", True),
        ("2025-01-27", True),
        *[(f"2025-01-{n:02d}", False) for n in range(28, 32)],
        *[(f"2025-02-{n:02d}", False) for n in range(1, 5)],
        ("2025-02-05", True),
        ("2025-02-08", True),
        ("2025-09-28", True),
        *[(f"2025-10-{n:02d}", False) for n in range(1, 9)],
        ("2025-10-09", True),
        ("2025-10-11", True),
        ("2026-02-14", True),
        *[(f"2026-02-{n:02d}", False) for n in range(15, 24)],
        ("2026-02-24", True),
        ("2026-02-28", True),
        ("2026-03-01", False),  # an ordinary Sunday
        ("2026-01-02", False),
        ("2026-01-04", True),  # Sunday, make-up for 元旦
        ("2026-05-09", True),
        ("2026-09-20", True),
        ("2026-09-25", False),  # 中秋
        *[(f"2026-10-{n:02d}", False) for n in range(1, 8)],
        ("2026-10-10", True),
    ],
)
def test_days_of_the_published_notices(day: str, working: bool) -> None:
    assert is_working_day(CAL, d(day)) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2024-02-08", 1, "2024-02-09"),
        ("2024-02-09", 1, "2024-02-18"),  # the festival skipped, the make-up Sunday counted
        ("2024-02-09", 2, "2024-02-19"),
        ("2024-02-02", 1, "2024-02-04"),  # Friday → make-up Sunday
        ("2024-09-27", 1, "2024-09-29"),
        ("2024-09-30", 1, "2024-10-08"),
        ("2024-09-27", 10, "2024-10-16"),  # 9-29, 9-30, 10-8..10-12, 10-14, 10-15, 10-16
        ("2025-01-24", 1, "2025-01-26"),
        ("2025-01-27", 1, "2025-02-05"),
        ("2025-02-07", 1, "2025-02-08"),
        ("2025-09-30", 1, "2025-10-09"),
        ("2025-09-26", 10, "2025-10-16"),  # 9-28, 9-29, 9-30, 10-9, 10-10, 10-11, 10-13..10-16
        ("2025-10-11", 1, "2025-10-13"),
        ("2026-02-13", 1, "2026-02-14"),
        ("2026-02-14", 1, "2026-02-24"),
        ("2024-06-03", 0, "2024-06-03"),
    ],
)
def test_add_working_days_across_festivals(start: str, n: int, expected: str) -> None:
    assert add_working_days(CAL, d(start), n) == d(expected)


def test_a_year_the_calendar_does_not_know_is_refused_not_guessed() -> None:
    assert 2027 not in CAL.years  # the 2027 notice is not in the shipped data
    with pytest.raises(UnknownYear, match="2027"):
        is_working_day(CAL, d("2027-01-04"))
    with pytest.raises(UnknownYear, match="2027"):
        add_working_days(CAL, d("2026-12-28"), 4)  # runs into 2027
    with pytest.raises(UnknownYear, match="2019"):
        add_working_days(CAL, d("2019-12-30"), 1)
    assert add_working_days(CAL, d("2026-12-28"), 3) == d("2026-12-31")


def test_an_office_table_replaces_a_year_and_makes_a_new_one_known() -> None:
    extra = [SpecialDay(d("2027-01-01"), DayKind.OFF, "元旦"), SpecialDay(d("2027-01-02"), DayKind.WORK, "元旦")]
    cal = CAL.with_year(2027, extra, "test")
    assert not cal.is_working_day(d("2027-01-01"))
    assert cal.is_working_day(d("2027-01-02"))
    assert add_working_days(cal, d("2026-12-31"), 1) == d("2027-01-02")
    # replacing 2026 with an empty table forgets its holidays, keeps other years
    plain = CAL.with_year(2026, [], "test")
    assert plain.is_working_day(d("2026-02-16"))
    assert not plain.is_working_day(d("2025-01-28"))


def test_calendar_days_and_rolling_to_a_working_day() -> None:
    assert calendar_days_between(d("2024-06-01"), d("2024-07-01")) == 30
    assert add_calendar_days(None, d("2024-06-01"), 30) == d("2024-07-01")
    # 30 days after 2024-09-01 is Tuesday 10-01, a holiday: the period ends 10-08
    assert add_calendar_days(CAL, d("2024-09-01"), 30) == d("2024-10-01")
    assert add_calendar_days(CAL, d("2024-09-01"), 30, roll_to_working_day=True) == d("2024-10-08")


def test_working_days_between_counts_after_the_start() -> None:
    assert working_days_between(CAL, d("2024-09-27"), d("2024-10-16")) == 10
    assert working_days_between(CAL, d("2024-10-16"), d("2024-09-27")) == 0


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 10, 31)),
    n=st.integers(min_value=0, max_value=40),
)
def test_add_and_count_are_inverse(start: date, n: int) -> None:
    end = add_working_days(CAL, start, n)
    assert working_days_between(CAL, start, end) == n
    if n:
        assert CAL.is_working_day(end)
        assert working_days_between(CAL, start, end - timedelta(days=1)) == n - 1


def test_weekdays_without_a_notice_entry_follow_the_week() -> None:
    cal = WorkCalendar.of([], [2030])
    assert [cal.is_working_day(date(2030, 1, 7) + timedelta(days=i)) for i in range(7)] == [True] * 5 + [False] * 2


def test_a_gap_between_known_years_is_refused_not_skipped() -> None:
    cal = WorkCalendar.of([], [2025, 2027])
    assert add_working_days(cal, date(2025, 12, 30), 1) == date(2025, 12, 31)
    with pytest.raises(UnknownYear, match="2026"):
        add_working_days(cal, date(2025, 12, 30), 3)  # 12-31, then 2026 which nobody loaded
    with pytest.raises(UnknownYear, match="2026"):
        working_days_between(cal, date(2025, 12, 1), date(2027, 1, 4))
    assert add_working_days(cal, date(2027, 1, 1), 1) == date(2027, 1, 4)
