"""Read-only tables of the compensation screens: lines, adjustments, rate tables, rules, diffs, sums."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from resettle.domain.compensation_records import AdjustmentView, HouseholdDiff, LineView, RateTableInfo
from resettle.domain.money import format_yuan, to_fen
from resettle.domain.rates import Rule
from ui.i18n import QT_TRANSLATE_NOOP, status_label
from ui.models.rows import FlaggedRowsModel


def yuan(value: Decimal | None) -> str:
    return "" if value is None else format_yuan(to_fen(value))


def quantity_text(quantity: Decimal, unit: str) -> str:
    """A line's quantity as the formula reads it: 元 as money (23,014.00 元), others without trailing zeros,
    thousands separated (1,250.5 ㎡)."""
    if unit == "元":  # data, not text
        return f"{yuan(quantity)} {unit}"
    return f"{quantity.normalize():,f} {unit}".rstrip()


class LinesModel(FlaggedRowsModel[LineView]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LinesModel", "项目"), lambda r: r.item, False),
        (QT_TRANSLATE_NOOP("LinesModel", "数量"), lambda r: quantity_text(r.quantity, r.unit), True),
        (QT_TRANSLATE_NOOP("LinesModel", "单价(元)"), lambda r: yuan(r.unit_price), True),
        (QT_TRANSLATE_NOOP("LinesModel", "金额(元)"), lambda r: yuan(r.amount), True),
        (QT_TRANSLATE_NOOP("LinesModel", "支付对象"), lambda r: r.payee, False),
        (QT_TRANSLATE_NOOP("LinesModel", "计算式"), lambda r: r.formula, False),
    )


class AdjustmentsModel(FlaggedRowsModel[AdjustmentView]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdjustmentsModel", "项目"), lambda r: r.item, False),
        (QT_TRANSLATE_NOOP("AdjustmentsModel", "金额(元)"), lambda r: yuan(r.amount), True),
        (QT_TRANSLATE_NOOP("AdjustmentsModel", "支付对象"), lambda r: r.payee, False),
        (QT_TRANSLATE_NOOP("AdjustmentsModel", "原因"), lambda r: r.reason, False),
        (QT_TRANSLATE_NOOP("AdjustmentsModel", "经办人"), lambda r: r.created_by, False),
    )


def _none() -> str:
    return QCoreApplication.translate("DiffModel", "无")


class RateTablesModel(FlaggedRowsModel[RateTableInfo]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("RateTablesModel", "名称"), lambda r: r.name, False),
        (
            QT_TRANSLATE_NOOP("RateTablesModel", "版本"),
            lambda r: QCoreApplication.translate("RateTablesModel", "第{0}版").format(r.version),
            False,
        ),
        (QT_TRANSLATE_NOOP("RateTablesModel", "生效日期"), lambda r: r.effective_date or "", False),
        (QT_TRANSLATE_NOOP("RateTablesModel", "文号"), lambda r: r.source_doc, False),
        (QT_TRANSLATE_NOOP("RateTablesModel", "状态"), lambda r: status_label(r.status), False),
        (QT_TRANSLATE_NOOP("RateTablesModel", "规则数"), lambda r: r.rules, True),
    )


def _limit(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


class RulesModel(FlaggedRowsModel[Rule]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("RulesModel", "编码"), lambda r: r.code, False),
        (QT_TRANSLATE_NOOP("RulesModel", "项目"), lambda r: r.item, False),
        (QT_TRANSLATE_NOOP("RulesModel", "依据"), lambda r: r.basis, False),
        (QT_TRANSLATE_NOOP("RulesModel", "条件"), lambda r: "；".join(c.text() for c in r.conditions), False),
        (QT_TRANSLATE_NOOP("RulesModel", "单价(元)"), lambda r: format_yuan(r.unit_price_fen), True),
        (QT_TRANSLATE_NOOP("RulesModel", "单位"), lambda r: r.unit, False),
        (QT_TRANSLATE_NOOP("RulesModel", "最低(元)"), lambda r: _limit(r.minimum_fen), True),
        (QT_TRANSLATE_NOOP("RulesModel", "最高(元)"), lambda r: _limit(r.maximum_fen), True),
        (QT_TRANSLATE_NOOP("RulesModel", "支付对象"), lambda r: r.payee, False),
    )


class DiffModel(FlaggedRowsModel[HouseholdDiff]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("DiffModel", "户号"), lambda r: r.household_no, False),
        (QT_TRANSLATE_NOOP("DiffModel", "户主"), lambda r: r.head_name, False),
        (QT_TRANSLATE_NOOP("DiffModel", "原合计(元)"), lambda r: yuan(r.old_total), True),
        (QT_TRANSLATE_NOOP("DiffModel", "新合计(元)"), lambda r: yuan(r.new_total), True),
        (QT_TRANSLATE_NOOP("DiffModel", "差额(元)"), lambda r: yuan(r.delta), True),
        (QT_TRANSLATE_NOOP("DiffModel", "变化的项目"), lambda r: "；".join(f"{c.item} {yuan(c.old_amount) or _none()} → {yuan(c.new_amount) or _none()}"
                                       for c in r.changes), False),
    )  # fmt: skip


class SumsModel(FlaggedRowsModel[tuple[str, Decimal]]):
    """Totals keyed by item, village or payee; the first header names the key."""

    def __init__(self, key_header: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.COLUMNS = (
            (key_header, lambda r: r[0], False),
            (QT_TRANSLATE_NOOP("SumsModel", "金额(元)"), lambda r: yuan(r[1]), True),
        )
