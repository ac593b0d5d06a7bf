"""The selection lottery (抽签): a fixed, public rule anyone can redo with any SHA-256 tool.

The order is the households sorted by the hex SHA-256 of ``"{seed}|{户号}"`` (UTF-8),
ascending (ties, impossible in practice, by 户号). The digest printed on the draw record
is the SHA-256 of the ordered 户号 joined by newlines, so a list shown in public can be
checked against the paper.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Draw", "draw", "list_digest", "lot_key"]


def lot_key(seed: str, household_no: str) -> str:
    return hashlib.sha256(f"{seed}|{household_no}".encode()).hexdigest()


def list_digest(order: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(order).encode()).hexdigest()


@dataclass(frozen=True)
class Draw:
    seed: str
    order: tuple[str, ...]  # 户号 in selection order (position 1 first)
    keys: tuple[str, ...]  # the hash of each, as printed

    @property
    def digest(self) -> str:
        return list_digest(self.order)


def draw(seed: str, household_nos: Iterable[str]) -> Draw:
    """The order for ``seed``; the seed must be typed (drawn in public), never empty."""
    seed = seed.strip()
    if not seed:
        raise ValueError("抽签种子不能为空")
    numbers = sorted(set(household_nos))
    if not numbers:
        raise ValueError("没有参加抽签的户")
    keyed = sorted((lot_key(seed, no), no) for no in numbers)
    return Draw(seed, tuple(no for _k, no in keyed), tuple(k for k, _no in keyed))
