"""Pricer (many households, lines kept per rule group) gives exactly compute()'s lines."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from resettle.domain.compensation import (
    AttachmentFact,
    HouseholdFacts,
    ParcelFact,
    Pricer,
    StructureFact,
    compute,
)
from resettle.domain.sample_rates import sample_rate_table


def _facts(rng: random.Random) -> HouseholdFacts:
    classes = ("水田", "旱地", "园地", "林地", "其他农用地")
    kinds = ("框架", "砖混", "砖木", "简易")
    days = (None, date(2025, 1, 1), date(2026, 5, 1))
    return HouseholdFacts(
        parcels=tuple(
            ParcelFact(rng.choice(classes), Decimal(rng.choice((2500, 5000, 12345))).scaleb(-4))
            for _ in range(rng.randint(0, 3))
        ),
        structures=tuple(
            StructureFact(
                rng.choice(kinds),
                Decimal(rng.choice((8000, 12050))).scaleb(-2),
                "住宅",
                rng.choice(("合法", "合法", "违法")),
                rng.choice((0, 500000)),
                rng.choice(days),
            )
            for _ in range(rng.randint(0, 2))
        ),
        attachments=tuple(
            AttachmentFact(
                rng.choice(("果树", "水井", "围墙")), Decimal(rng.choice((100, 300))).scaleb(-2), "棵", rng.choice(days)
            )
            for _ in range(rng.randint(0, 2))
        ),
        resettled_persons=rng.randint(0, 5),
        tags=rng.choice((frozenset(), frozenset({"低保户"}), frozenset({"残疾"}))),
        signed_on=rng.choice((None, date(2026, 6, 1), date(2026, 7, 1))),
        transition_months=rng.choice((12, 24)),
        cutoff=rng.choice((None, date(2026, 3, 1))),
        late_persons=rng.choice((0, 0, 1)),
    )


def test_pricer_gives_compute_lines_for_every_household() -> None:
    rng = random.Random(18)
    table = sample_rate_table()
    households = [_facts(rng) for _ in range(3000)]
    for refusals in (False, True):
        price = Pricer(table, with_refusals=refusals)
        for facts in households:
            assert price(facts) == compute(facts, table, with_refusals=refusals)
