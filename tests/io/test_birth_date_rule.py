"""One birth-date rule: the household editor reads a typed date exactly as the survey importer reads a cell."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from resettle.io.values import CellProblem, parse_birth_date
from ui.models.household_parts import birth_date as editor_birth_date

FORMS = ("{y}-{m:02d}-{d:02d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}/{m:02d}/{d:02d}", "{y}{m:02d}{d:02d}")


def _importer(text: str) -> date | str | None:
    try:
        parsed = parse_birth_date(text)
    except CellProblem:
        return "refused"
    if parsed is None:
        return None
    return parsed.full if parsed.full is not None else "refused"  # the register keeps whole dates


def _editor(text: str) -> date | str | None:
    value, error = editor_birth_date(text)
    return "refused" if error else value


@given(
    st.dates(min_value=date(1890, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(FORMS),
)
def test_every_written_form_of_a_date_reads_the_same(day: date, form: str) -> None:
    text = form.format(y=day.year, m=day.month, d=day.day)
    assert _editor(text) == _importer(text)
    if day <= date.today():
        assert _editor(text) == day


@given(st.text(alphabet="0123456789年月日-./ 　", max_size=12))
def test_any_typed_text_gets_the_importers_answer(text: str) -> None:
    assert _editor(text) == _importer(text)


def test_forms_the_old_editor_parser_refused_are_read() -> None:
    assert _editor("１９８５．３．１２") == date(1985, 3, 12)  # full-width, as typed with a Chinese IME
    assert _editor("1985年3月") == "refused"  # a year and month only: the editor needs the day
    assert _editor("1985-02-30") == "refused"
