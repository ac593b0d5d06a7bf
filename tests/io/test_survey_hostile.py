"""Property tests: whatever a survey-shaped sheet holds, reading it returns issues, never raises."""

from __future__ import annotations

import re
import tempfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resettle.io.guards import UnreadableFileError
from resettle.io.survey import ReadOptions, SurveyReadResult, read_survey
from resettle.io.values import CellProblem, display, parse_birth_date, parse_count, parse_quantity_cell, parse_sex
from tests.io.builders import COLUMNS, Layout, survey_layout, write_csv, write_xlsx

NASTY_STRINGS = [
    "合计", "小 计", "户主", "本人", "男", "女", "1985.13.45", "１９８５年３月", "1985年2月30日", "19850230",
    "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "3.30802E+17", "110105194912310", "=1+1", "#REF!",
    "—", "/", "无", "1.25亩", "12,345.60元", "1,234.5 ㎡", "3棵", "户号", "姓名", "身份证号码", "\u3000", "\n",
    "0", "-1", "1e400", "9" * 80, "٣", "①", "\u200b", "13812345678", "6228480402564890018", "0.000001",
]  # fmt: skip

CELLS = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=24),
    st.sampled_from(NASTY_STRINGS),
    st.integers(min_value=-(2**62), max_value=2**62),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
)

ISSUE_COLUMN = re.compile(r"[A-Z]{1,3}")


def _check(result: SurveyReadResult, sheets: set[str]) -> None:
    for issue in result.issues:
        assert issue.sheet in sheets
        assert issue.row >= 1
        assert ISSUE_COLUMN.fullmatch(issue.column)
        assert issue.message
        assert issue.severity in ("error", "warning")
        assert issue.kind
        assert isinstance(issue.value, str)
    for household in result.households:
        assert household.row >= 1
        for person in household.persons:
            assert person.row >= household.row
        assert all(p.area_mu >= 0 for p in household.parcels)
        assert all(s.floor_area_m2 >= 0 for s in household.structures)
        assert all(a.quantity > 0 for a in household.attachments)


@st.composite
def hostile_layouts(draw: st.DrawFn) -> Layout:
    layout = survey_layout([], total=None, two_level=draw(st.booleans()))
    header_rows = len(layout.rows)
    if draw(st.integers(0, 9)) == 0:  # now and then no header at all
        layout.rows = layout.rows[:1]
        layout.merges = [m for m in layout.merges if m[2] < 1]
        header_rows = 1
    n_rows = draw(st.integers(0, 12))
    for r in range(n_rows):
        for c in range(len(COLUMNS)):
            layout.put(header_rows + r, c, draw(CELLS))
    # Vertical merges in the household columns, as clerks make them (never overlapping).
    for c in (0, 1, 2, 8, 9, 10, 11, 12, 13, 14, 15):
        r = 0
        while r < n_rows - 1:
            height = draw(st.integers(1, 4))
            if height > 1 and r + height <= n_rows and draw(st.booleans()):
                layout.merges.append((header_rows + r, c, header_rows + r + height - 1, c))
            r += height
    return layout


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=hostile_layouts(), second=hostile_layouts())
def test_hostile_workbooks_never_raise(layout: Layout, second: Layout) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "hostile.xlsx", {"一组": layout, "二组": second})
        result = read_survey(path, ReadOptions(today=date(2026, 3, 1)))
        _check(result, {"一组", "二组"})
        explicit = read_survey(path, ReadOptions(sheets=["二组"], village="甲村", group="乙组"))
        _check(explicit, {"二组"})


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_hostile_csv_never_crashes(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "一组.csv"
        try:
            path.write_bytes(text.encode(encoding))
        except UnicodeEncodeError:
            return
        try:
            result = read_survey(path)
        except UnreadableFileError:
            return
        _check(result, {"一组"})


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(st.sampled_from(NASTY_STRINGS), max_size=17), max_size=12))
def test_survey_shaped_csv_never_crashes(rows: list[list[str]]) -> None:
    layout = survey_layout([], total=None, two_level=False)
    layout.rows.extend([list(row) for row in rows])
    with tempfile.TemporaryDirectory() as folder:
        result = read_survey(write_csv(Path(folder) / "一组.csv", layout))
        _check(result, {"一组"})


ANY_VALUE = st.one_of(
    CELLS,
    st.floats(),
    st.dates(),
    st.times(),
    st.timedeltas(),
    st.decimals(),
    st.just(float("nan")),
)


@given(value=ANY_VALUE)
def test_value_parsers_raise_only_cell_problems(value: Any) -> None:
    assert isinstance(display(value), str)
    for parse in (
        lambda v: parse_birth_date(v, date(2026, 1, 1)),
        lambda v: parse_quantity_cell(v, ("亩",)),
        lambda v: parse_count(v, ("棵",)),
        parse_sex,
    ):
        try:
            parsed = parse(value)
        except CellProblem as problem:
            assert str(problem)
            continue
        assert parsed is None or isinstance(parsed, str | Decimal) or hasattr(parsed, "year")


@given(value=st.one_of(st.times(), st.timedeltas()))
def test_times_are_not_birth_dates(value: time | timedelta) -> None:
    try:
        parse_birth_date(value)
    except CellProblem:
        return
    raise AssertionError("a time of day is not a date")
