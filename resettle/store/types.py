"""Column types that keep money and measured quantities exact on SQLite.

SQLite stores ``Numeric`` as REAL (data-safety.md, 1), so money goes in as INTEGER 分 and
areas/quantities as INTEGER in units of 10^-places. Python sees ``Decimal``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Column, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an INTEGER count of 10^-places units; floats are refused."""

    impl = Integer
    cache_ok = True

    def __init__(self, places: int = 2) -> None:
        super().__init__()
        self.places = places
        self._quantum = Decimal(1).scaleb(-places)
        self._factor = 10**places

    def as_stored(self, value: Any) -> Decimal | None:
        """The Decimal this column will hold for ``value`` (rounded half-up to its places)."""
        if value is None:
            return None
        if isinstance(value, float | bool):
            raise TypeError("金额和面积不能用浮点数保存")
        dec = value if isinstance(value, Decimal) else Decimal(str(value))
        return dec.quantize(self._quantum, rounding=ROUND_HALF_UP)

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        dec = self.as_stored(value)
        return None if dec is None else int(dec.scaleb(self.places))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places).quantize(self._quantum)

    def copy(self, **kw: Any) -> ScaledDecimal:
        return ScaledDecimal(self.places)


class Money(ScaledDecimal):
    """元 as Decimal in Python, INTEGER 分 in the file."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(places=2)

    def copy(self, **kw: Any) -> Money:
        return Money()


def integer_check(column: str, table: str) -> CheckConstraint:
    """``CHECK(typeof(col) IN ('integer','null'))``: a REAL slipped in by raw SQL is refused."""
    return CheckConstraint(f"typeof({column}) IN ('integer', 'null')", name=f"ck_{table}_{column}_integer")


def is_scaled(column: Column[Any]) -> bool:
    return isinstance(column.type, ScaledDecimal)
