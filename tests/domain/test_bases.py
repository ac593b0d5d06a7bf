"""Bases are open: a new area registers one and the engine and the rate checks price it unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from resettle.domain import bases
from resettle.domain.bases import BASIS_REGISTRY, HOUSEHOLD_FIELDS, Basis, register
from resettle.domain.compensation import HouseholdFacts, StructureFact, compute
from resettle.domain.rates import RateError, RateTable, Rule, normalise_basis


@pytest.fixture
def storeys() -> Iterator[Basis]:
    """A basis no wave-1 code knows: houses counted (e.g. a per-house moving allowance)."""
    basis = register(
        Basis(
            "房屋栋数",
            "栋",
            HOUSEHOLD_FIELDS | bases.STRUCTURE_FIELDS,
            lambda s, f: Decimal(sum(1 for h in f.structures if s.house(h))),
            ("栋数",),
        )
    )
    yield basis
    del BASIS_REGISTRY[basis.name]


def test_a_registered_basis_is_read_priced_and_printed_by_the_unchanged_engine(storeys: Basis) -> None:
    assert normalise_basis("栋数") == "房屋栋数"
    rule = Rule.from_text(
        code="BQ-9", item="搬迁补助", basis="栋数", conditions="结构=砖混", unit_price_fen=150000, unit="元/栋"
    )
    assert rule.unit == "栋"
    facts = HouseholdFacts(
        structures=(
            StructureFact("砖混", Decimal("80")),
            StructureFact("砖混", Decimal("20")),
            StructureFact("框架", Decimal("60")),
        )
    )
    (line,) = compute(facts, RateTable("测试标准", rules=(rule,)))
    assert (line.quantity, line.amount_fen) == (Decimal(2), 300000)
    assert line.formula == "2 栋 × 1,500.00 元/栋 = 3,000.00 元"


def test_unknown_bases_are_still_refused_and_the_seven_are_registered() -> None:
    with pytest.raises(RateError, match="无法识别"):
        normalise_basis("房屋栋数")
    assert list(BASIS_REGISTRY)[:7] == [
        bases.LAND_AREA,
        bases.FLOOR_AREA,
        bases.DECORATION,
        bases.ATTACHMENT,
        bases.PERSONS,
        bases.PER_HOUSEHOLD,
        bases.PERSON_MONTHS,
    ]
    with pytest.raises(ValueError, match="twice"):
        register(BASIS_REGISTRY[bases.LAND_AREA])


def test_age_bands_price_the_members_band_amounts_and_pay_the_social_security_account() -> None:
    from resettle.domain.compensation import Pricer, facts_digest
    from resettle.domain.social_security import BandShare

    assert normalise_basis("社保标准") == bases.AGE_BANDS
    with pytest.raises(RateError, match="社保"):  # the money goes to the bureau's account, never the family
        Rule.from_text(code="SB-1", item="社保费用", basis="社保年龄段", conditions="", unit_price_fen=100, unit="元")
    rule = Rule.from_text(
        code="SB-1", item="社保费用", basis="社保年龄段", conditions="", unit_price_fen=100, unit="元", payee="社保"
    )
    table = RateTable("测试标准", rules=(rule,))
    facts = HouseholdFacts(
        ss_bands=(BandShare("第二年龄段", 2, 2600000), BandShare("第四年龄段", 1, 5200000)), ss_unbanded=1
    )
    (line,) = compute(facts, table)
    assert (line.quantity, line.amount_fen, line.payee) == (Decimal("104000.00"), 10400000, "社保")
    assert line.formula == (
        "（第二年龄段 2 人 × 26,000 元 + 第四年龄段 1 人 × 52,000 元）× 1.00"
        "（另 1 人缺出生日期或性别、或不在任何年龄段，未计） = 104,000.00 元"
    )
    assert compute(HouseholdFacts(), table) == []  # no land-lost members: no line
    price = Pricer(table)
    assert price(facts) == compute(facts, table)
    other = facts._replace(ss_bands=(BandShare("第二年龄段", 1, 2600000), BandShare("第四年龄段", 1, 5200000)))
    assert price(other)[0].amount_fen == 7800000  # the same Pricer keys its lines by the bands too
    assert facts_digest(facts, 1) != facts_digest(other, 1) != facts_digest(HouseholdFacts(), 1)
