"""Age in full years around birthdays and leap days; working age by sex with configurable limits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.labour import (
    STATE_EMPLOYED,
    STATE_SEEKING,
    STATE_SELF_EMPLOYED,
    STATE_UNWILLING,
    WorkingAgeLimits,
    age_on,
    labour_category,
    normalize_employment_state,
)


@pytest.mark.parametrize(
    ("birth", "reference", "age"),
    [
        (date(1990, 3, 31), date(2026, 3, 30), 35),  # the day before the birthday
        (date(1990, 3, 31), date(2026, 3, 31), 36),  # on the birthday
        (date(1990, 3, 31), date(2026, 4, 1), 36),
        (date(2010, 3, 31), date(2026, 3, 31), 16),  # exactly 16 on the reference date
        (date(2010, 4, 1), date(2026, 3, 31), 15),  # one day short of 16
        (date(2000, 2, 29), date(2025, 2, 28), 24),  # leap-day birth, common year: not yet
        (date(2000, 2, 29), date(2025, 3, 1), 25),  # … but on 1 March
        (date(2000, 2, 29), date(2024, 2, 28), 23),  # leap year: the day before
        (date(2000, 2, 29), date(2024, 2, 29), 24),  # leap year: on the day
        (date(1999, 3, 1), date(2024, 2, 29), 24),  # reference on a leap day
        (date(2026, 3, 31), date(2026, 3, 31), 0),
        (date(1999, 12, 31), date(2000, 1, 1), 0),
    ],
)
def test_age_in_full_years(birth: date, reference: date, age: int) -> None:
    assert age_on(birth, reference) == age


def test_a_reference_before_birth_is_refused() -> None:
    with pytest.raises(ValueError):
        age_on(date(2026, 4, 1), date(2026, 3, 31))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 50_000))
def test_age_grows_by_one_exactly_on_each_birthday(birth: date, days: int) -> None:
    reference = birth + timedelta(days=days)
    age = age_on(birth, reference)
    assert 0 <= age <= days // 365
    nxt = reference + timedelta(days=1)
    grown = age_on(birth, nxt) - age
    assert grown in (0, 1)
    if grown:  # the next day is the birthday (1 March for a 29 February birth in a common year)
        assert (nxt.month, nxt.day) == (birth.month, birth.day) or (
            (birth.month, birth.day) == (2, 29) and (nxt.month, nxt.day) == (3, 1)
        )


def test_working_age_by_sex_with_configurable_limits() -> None:
    limits = WorkingAgeLimits()
    assert not limits.is_working_age(15, "男")
    assert limits.is_working_age(16, "男")
    assert limits.is_working_age(59, "男")
    assert not limits.is_working_age(60, "男")
    assert limits.is_working_age(49, "女")
    assert not limits.is_working_age(50, "女")
    other = WorkingAgeLimits(minimum=18, male_retirement=63, female_retirement=55)
    assert other.is_working_age(54, "女") and not other.is_working_age(17, "男")
    assert other.is_working_age(62, "男")
    with pytest.raises(ValueError):
        WorkingAgeLimits(minimum=60, male_retirement=60)


def test_labour_category() -> None:
    limits = WorkingAgeLimits()
    assert labour_category(15, "男", limits) == "未成年"
    assert labour_category(16, "男", limits) == "劳动年龄"
    assert labour_category(50, "女", limits) == "退休"
    assert labour_category(18, "女", limits, "在校学生") == "在校学生"
    assert labour_category(30, "男", limits, "丧失劳动能力") == "丧失劳动能力"
    assert labour_category(None, "男", limits) == "年龄不详"


def test_employment_state_spellings() -> None:
    assert normalize_employment_state("已就业") == STATE_EMPLOYED
    assert normalize_employment_state(" 自主创业 ") == STATE_SELF_EMPLOYED
    assert normalize_employment_state("未就业·求职") == STATE_SEEKING
    assert normalize_employment_state("未就业求职") == STATE_SEEKING
    assert normalize_employment_state("不愿就业") == STATE_UNWILLING
    assert normalize_employment_state("退休返聘") is None


_FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)), st.integers(0, 2**20), st.data())
def test_the_id_variants_a_bureau_reply_carries_normalise_to_the_register_id(
    birth: date, seed: int, data: st.DataObject
) -> None:
    """Full-width digits, lower-case x and padding or inner spaces all come back to the same 18 characters."""
    import random

    from resettle.domain.ids import check_id, normalize_id, random_valid_id

    number = random_valid_id(random.Random(seed), birth)
    chars = list(number)
    for i in data.draw(st.sets(st.integers(0, 17), max_size=18)):
        chars[i] = chars[i].translate(_FULL_WIDTH)
    if chars[-1] == "X" and data.draw(st.booleans()):
        chars[-1] = "x"
    spaced = (
        data.draw(st.sampled_from(["", " ", "　", "  "])) + "".join(chars) + data.draw(st.sampled_from(["", " ", "　"]))
    )
    assert normalize_id(spaced) == number
    assert check_id(spaced).normalized == number
