"""Age bands: 起始 inclusive, 截止 exclusive, by sex; a standard must cover each sex without gaps."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.labour import age_on
from resettle.domain.social_security import AgeBand, BandShare, BandStandard, band_for, check_bands, totals_by_band

BANDS = [
    AgeBand("第一年龄段", "男", 0, 16, "一次性生活补助", Decimal(6000)),
    AgeBand("第一年龄段", "女", 0, 16, "一次性生活补助", Decimal(6000)),
    AgeBand("第二年龄段", "男", 16, 40, "缴费补贴", Decimal(26000)),
    AgeBand("第二年龄段", "女", 16, 35, "缴费补贴", Decimal(26000)),
    AgeBand("第三年龄段", "男", 40, 60, "缴费补贴", Decimal(41000)),
    AgeBand("第三年龄段", "女", 35, 50, "缴费补贴", Decimal(41000)),
    AgeBand("第四年龄段", "男", 60, 200, "按月领取", Decimal(52000)),
    AgeBand("第四年龄段", "女", 50, 200, "按月领取", Decimal(52000)),
]


def name(age: int, sex: str) -> str | None:
    band = band_for(age, sex, BANDS)
    return band.name if band else None


@pytest.mark.parametrize(
    ("age", "sex", "band"),
    [
        (15, "男", "第一年龄段"),
        (16, "男", "第二年龄段"),  # exactly 16: the start is inclusive
        (16, "女", "第二年龄段"),
        (39, "男", "第二年龄段"),
        (40, "男", "第三年龄段"),  # exactly the upper limit of the band below: exclusive there
        (34, "女", "第二年龄段"),
        (35, "女", "第三年龄段"),
        (59, "男", "第三年龄段"),
        (60, "男", "第四年龄段"),
        (49, "女", "第三年龄段"),
        (50, "女", "第四年龄段"),
        (0, "女", "第一年龄段"),
        (199, "男", "第四年龄段"),
    ],
)
def test_band_edges(age: int, sex: str, band: str) -> None:
    assert name(age, sex) == band


def test_beyond_the_last_band_or_unknown_sex_has_no_band() -> None:
    assert name(200, "男") is None
    assert name(30, "") is None


@given(st.integers(0, 199), st.sampled_from(["男", "女"]))
def test_every_age_falls_in_exactly_one_band(age: int, sex: str) -> None:
    assert sum(b.covers(age, sex) for b in BANDS) == 1


def test_the_sample_standard_is_coherent_and_broken_ones_are_named() -> None:
    assert check_bands(BANDS) == []
    gap = [b for b in BANDS if not (b.name == "第二年龄段" and b.sex == "女")]
    assert any("女性 16–35 岁不在任何年龄段内" in p for p in check_bands(gap))
    overlap = [*BANDS, AgeBand("加", "男", 30, 45, "x", Decimal(1))]
    assert any("重叠" in p for p in check_bands(overlap))
    bad = [AgeBand("第一年龄段", "男", 10, 10, "x", Decimal(-1))]
    problems = check_bands(bad)
    assert any("截止年龄" in p for p in problems)
    assert any("负数" in p for p in problems)
    assert any("女性" in p for p in problems)


@given(st.lists(st.tuples(st.integers(0, 120), st.sampled_from(["男", "女", ""])), max_size=300))
def test_totals_by_band_count_every_banded_person_once_and_sum_exactly(people: list[tuple[int, str]]) -> None:
    assigned = [band_for(age, sex, BANDS) for age, sex in people]
    totals = totals_by_band(assigned, BANDS)
    assert list(totals) == ["第一年龄段", "第二年龄段", "第三年龄段", "第四年龄段"]
    assert sum(n for n, _ in totals.values()) == sum(1 for b in assigned if b is not None)
    assert sum((a for _, a in totals.values()), Decimal(0)) == sum((b.amount for b in assigned if b), Decimal(0))
    for name, (n, amount) in totals.items():
        unit = next(b.amount for b in BANDS if b.name == name)
        assert amount == unit * n and amount.as_tuple().exponent in (0, -2)


# -- a household's members by band, as the compensation engine counts 社保年龄段 -------------------

DAY = date(2026, 3, 31)
STANDARD = BandStandard("ss1.1@2026-03-31", DAY, tuple(BANDS))


def born(age: int, *, days_before: int = 0) -> date:
    """Born ``age`` full years before DAY (plus ``days_before`` days earlier still)."""
    return DAY.replace(year=DAY.year - age) - timedelta(days=days_before)


def test_shares_count_each_band_in_the_standards_order_and_say_who_has_none() -> None:
    members = [
        (born(60), "男"),  # exactly 60 on the day: 第四
        (born(35), "女"),  # exactly 35: 第三 for women
        (born(35, days_before=-1), "男"),  # turns 35 tomorrow: still 34, 第二
        (born(3), "女"),
        (None, "男"),  # no birth date
        (born(40), ""),  # no sex
        (DAY + timedelta(days=1), "女"),  # born after the reference day
    ]
    shares, unbanded = STANDARD.shares(members)
    assert shares == (
        BandShare("第一年龄段", 1, 600000),
        BandShare("第二年龄段", 1, 2600000),
        BandShare("第三年龄段", 1, 4100000),
        BandShare("第四年龄段", 1, 5200000),
    )
    assert unbanded == 3


people = st.lists(
    st.tuples(
        st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2030, 12, 31))),
        st.sampled_from(["男", "女", ""]),
    ),
    max_size=12,
)


@given(people)
def test_shares_add_up_to_the_bands_of_each_member(members: list[tuple[date | None, str]]) -> None:
    shares, unbanded = STANDARD.shares(members)
    assert sum(s.persons for s in shares) + unbanded == len(members)
    expected = Decimal(0)
    for birth, sex in members:
        if birth is not None and birth <= DAY:
            band = band_for(age_on(birth, DAY), sex, BANDS)
            expected += band.amount if band else 0
    assert Decimal(sum(s.persons * s.amount_fen for s in shares)).scaleb(-2) == expected
    assert len({(s.band, s.amount_fen) for s in shares}) == len(shares)  # one share per band and amount
