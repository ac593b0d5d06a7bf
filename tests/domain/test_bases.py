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
