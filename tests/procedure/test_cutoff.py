"""The cut-off (预公告日): items registered after it are 不予补偿 with the reason, on the day they still count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.compensation import (
    AttachmentFact,
    HouseholdFacts,
    StructureFact,
    compute,
    facts_digest,
    total_fen,
)
from resettle.domain.rates import RateTable, Rule

CUTOFF = date(2025, 6, 3)


def r(code: str, item: str, basis: str, conditions: str, price_fen: int, unit: str = "") -> Rule:
    return Rule.from_text(code=code, item=item, basis=basis, conditions=conditions, unit_price_fen=price_fen, unit=unit)


TABLE = RateTable(
    "测试标准",
    version=2,
    rules=(
        r("FW", "房屋补偿", "房屋面积", "结构=砖混", 138_000),
        r("BQ", "搬迁费", "房屋面积", "", 3_000),
        r("GS", "果树补偿", "附着物数量", "附着物=果树", 15_000, "棵"),
        r("RK", "安置补助费", "安置人口", "", 3_000_000),
    ),
)


def house(day: date | None, area: str = "100.00") -> StructureFact:
    return StructureFact("砖混", Decimal(area), registered_on=day)


def test_a_house_registered_the_day_after_the_cutoff_gets_nothing_on_the_day_it_counts() -> None:
    on_the_day = HouseholdFacts(structures=(house(CUTOFF),), cutoff=CUTOFF)
    day_after = HouseholdFacts(structures=(house(date(2025, 6, 4)),), cutoff=CUTOFF)
    counted = compute(on_the_day, TABLE, with_refusals=True)
    assert [(ln.rule_code, ln.amount_fen) for ln in counted] == [("FW", 13_800_000), ("BQ", 300_000)]
    refused = compute(day_after, TABLE, with_refusals=True)
    assert [(ln.rule_code, ln.amount_fen) for ln in refused] == [("截止S1", 0)]
    (line,) = refused
    assert line.item == "房屋（砖混 100.00㎡）"
    assert "2025-06-04" in line.formula and "不予补偿" in line.formula and "2025-06-03" in line.formula
    assert line.quantity == Decimal("100.00") and line.table_version == 2


def test_only_the_late_house_is_refused_and_others_stay_priced() -> None:
    facts = HouseholdFacts(structures=(house(None, "80.00"), house(date(2025, 7, 1), "20.00")), cutoff=CUTOFF)
    lines = compute(facts, TABLE, with_refusals=True)
    assert [(ln.rule_code, ln.quantity, ln.amount_fen) for ln in lines] == [
        ("FW", Decimal("80.00"), 11_040_000),
        ("BQ", Decimal("80.00"), 240_000),
        ("截止S2", Decimal("20.00"), 0),
    ]


def test_a_rule_that_names_late_houses_prices_them() -> None:
    late = HouseholdFacts(structures=(house(date(2025, 7, 1), "20.00"),), cutoff=CUTOFF)
    with_rule = RateTable(
        "测试标准", version=2, rules=(*TABLE.rules, r("CZ", "截止后房屋残值", "房屋面积", "合法性=截止后登记", 10_000))
    )
    assert [(ln.rule_code, ln.amount_fen) for ln in compute(late, with_rule, with_refusals=True)] == [("CZ", 200_000)]


def test_late_attachments_and_persons_are_listed_at_zero() -> None:
    facts = HouseholdFacts(
        attachments=(
            AttachmentFact("果树", Decimal("10"), "棵", CUTOFF),
            AttachmentFact("果树", Decimal("30"), "棵", date(2025, 6, 10)),
        ),
        resettled_persons=3,
        late_persons=1,
        cutoff=CUTOFF,
    )
    lines = compute(facts, TABLE, with_refusals=True)
    assert [(ln.rule_code, ln.quantity, ln.amount_fen) for ln in lines] == [
        ("GS", Decimal("10"), 150_000),
        ("RK", Decimal("3"), 9_000_000),
        ("截止A2", Decimal("30"), 0),
        ("截止P", Decimal("1"), 0),
    ]
    assert "不计安置人口" in lines[-1].formula


def test_no_cutoff_no_guard_and_digests_unchanged() -> None:
    facts = HouseholdFacts(structures=(house(date(2030, 1, 1)),))
    assert [ln.rule_code for ln in compute(facts, TABLE)] == ["FW", "BQ"]
    assert facts_digest(facts, 1) == facts_digest(facts._replace(structures=(house(None),)), 1)
    guarded = facts._replace(cutoff=CUTOFF)
    assert facts_digest(guarded, 1) != facts_digest(facts, 1)
    assert facts_digest(guarded, 1) != facts_digest(guarded._replace(structures=(house(CUTOFF),)), 1)


@given(
    offsets=st.lists(st.one_of(st.none(), st.integers(min_value=-30, max_value=30)), min_size=1, max_size=6),
    areas=st.lists(st.decimals(min_value=1, max_value=500, places=2), min_size=6, max_size=6),
)
def test_refused_lines_never_carry_money_and_the_rest_is_what_early_houses_get(
    offsets: list[int | None], areas: list[Decimal]
) -> None:
    days = [None if o is None else date.fromordinal(CUTOFF.toordinal() + o) for o in offsets]
    houses = tuple(house(d, str(a)) for d, a in zip(days, areas, strict=False))
    lines = compute(HouseholdFacts(structures=houses, cutoff=CUTOFF), TABLE, with_refusals=True)
    early = tuple(h for h in houses if h.registered_on is None or h.registered_on <= CUTOFF)
    expected = compute(HouseholdFacts(structures=early), TABLE)
    assert total_fen(lines) == total_fen(expected)
    refused = [ln for ln in lines if ln.rule_code.startswith("截止")]
    assert len(refused) == len(houses) - len(early)
    assert all(ln.amount_fen == 0 for ln in refused)
    assert compute(HouseholdFacts(structures=houses, cutoff=CUTOFF), TABLE) == expected  # rule lines only
