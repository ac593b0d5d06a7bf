"""Age bands of the land-lost farmers' pension scheme (被征地农民养老保障).

A band covers ages from 起始年龄 (inclusive) to 截止年龄 (exclusive) in full years on the
reference date, per sex. Limits and amounts live in a versioned standard, never in code;
this module only checks a standard is coherent and finds a person's band.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from resettle.domain.labour import age_on

__all__ = ["AgeBand", "BandShare", "BandStandard", "band_for", "check_bands", "totals_by_band"]

SEXES = ("男", "女")


@dataclass(frozen=True)
class AgeBand:
    name: str  # 第一年龄段 …
    sex: str  # 男 / 女
    start_age: int  # inclusive
    end_age: int  # exclusive
    benefit: str  # 一次性生活补助, 缴费补贴, 按月领取 …
    amount: Decimal  # 元

    def covers(self, age: int, sex: str) -> bool:
        return self.sex == sex and self.start_age <= age < self.end_age


def check_bands(bands: Sequence[AgeBand]) -> list[str]:
    """Problems of a standard: each sex must be covered from 0 without gaps or overlaps."""
    problems: list[str] = []
    for band in bands:
        if band.sex not in SEXES:
            problems.append(f"{band.name}：性别应为「男」或「女」，实为「{band.sex}」")
        if band.start_age < 0 or band.end_age <= band.start_age:
            problems.append(f"{band.name}（{band.sex}）：截止年龄 {band.end_age} 应大于起始年龄 {band.start_age}")
        if band.amount < 0:
            problems.append(f"{band.name}（{band.sex}）：金额不能为负数")
    for sex in SEXES:
        own = sorted((b for b in bands if b.sex == sex), key=lambda b: b.start_age)
        if not own:
            problems.append(f"标准中没有{sex}性的年龄段")
            continue
        if own[0].start_age != 0:
            problems.append(f"{sex}性的年龄段应从 0 岁起，实从 {own[0].start_age} 岁起")
        for before, after in itertools.pairwise(own):
            if after.start_age > before.end_age:
                problems.append(f"{sex}性 {before.end_age}–{after.start_age} 岁不在任何年龄段内")
            elif after.start_age < before.end_age:
                problems.append(f"{sex}性的{before.name}与{after.name}年龄重叠")
    return problems


def band_for(age: int, sex: str, bands: Sequence[AgeBand]) -> AgeBand | None:
    """The band that covers ``age`` for ``sex``; None when the standard has none."""
    for band in bands:
        if band.covers(age, sex):
            return band
    return None


def totals_by_band(assigned: Iterable[AgeBand | None], bands: Sequence[AgeBand]) -> dict[str, tuple[int, Decimal]]:
    """Persons and amount per band name, in the standard's order (every band listed, also when empty).

    ``assigned`` is each person's band (None: no band, not counted). Amounts are exact sums
    of the bands' amounts, never rounded again."""
    totals: dict[str, tuple[int, Decimal]] = {band.name: (0, Decimal("0.00")) for band in bands}
    for band in assigned:
        if band is None:
            continue
        persons, amount = totals.get(band.name, (0, Decimal("0.00")))
        totals[band.name] = (persons + 1, amount + band.amount)
    return totals


class BandShare(NamedTuple):
    """Persons of one household in one band at one amount (a band may differ by sex)."""

    band: str
    persons: int
    amount_fen: int  # per person


@dataclass(frozen=True)
class BandStandard:
    """A published standard as the compensation engine uses it: bands, and the day ages are taken on."""

    key: str  # changes whenever the bands or the day do (part of every fingerprint)
    reference_date: date
    bands: tuple[AgeBand, ...]

    def shares(self, persons: Iterable[tuple[date | None, str]]) -> tuple[tuple[BandShare, ...], int]:
        """(Each band's persons and amount in the standard's order, persons without a band) for the
        (birth date, sex) of one household's members; no birth date, no sex or no band: no band."""
        order = {band.name: i for i, band in enumerate(self.bands)}
        counted: Counter[tuple[str, int]] = Counter()
        unbanded = 0
        for birth, sex in persons:
            band = None
            if birth is not None and birth <= self.reference_date:
                band = band_for(age_on(birth, self.reference_date), sex, self.bands)
            if band is None:
                unbanded += 1
            else:
                counted[(band.name, int(band.amount.scaleb(2)))] += 1
        shares = sorted(
            (BandShare(name, n, fen) for (name, fen), n in counted.items()), key=lambda b: (order[b.band], b.amount_fen)
        )
        return tuple(shares), unbanded
