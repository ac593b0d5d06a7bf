"""Table models of the 协议兑付 screens: agreements, batches, reconciliation, accounts.

Each model holds the frozen dataclasses the dialog gave it; ``data()`` never touches the
database.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from resettle.services.accounts import AccountInfo
from resettle.services.payments.agreements import AgreementRow
from resettle.services.payments.batches import BatchInfo
from resettle.services.payments.reconcile import Difference, HouseholdBalance
from ui.i18n import QT_TRANSLATE_NOOP, status_label
from ui.models.rows import RIGHT
from ui.models.rows import RowsModel as BaseRowsModel

T = TypeVar("T")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("PaymentsModels", "是")
            if value
            else QCoreApplication.translate("PaymentsModels", "否")
        )
    return str(value)


class RowsModel(BaseRowsModel[T]):
    """Rows of one dataclass shown through ``COLUMNS`` (header, getter); amounts and counts right-aligned."""

    def display(self, value: Any) -> str:
        return _text(value)

    def sort_key(self, value: Any) -> Any:
        return int(value * 100) if isinstance(value, Decimal) else _text(value)  # 分 sort as numbers

    def alignment(self, column: int, value: Any) -> int | None:
        return RIGHT if isinstance(value, Decimal | int) and not isinstance(value, bool) else None


class AgreementsModel(RowsModel[AgreementRow]):
    COL_NO, COL_HEAD, COL_STATUS, COL_SIGNED, COL_VACATED, COL_TOTAL, COL_SUPP, COL_PAID = range(8)
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AgreementsModel", "户号"), lambda r: r.household_no),
        (QT_TRANSLATE_NOOP("AgreementsModel", "户主"), lambda r: r.head_name),
        (QT_TRANSLATE_NOOP("AgreementsModel", "状态"), lambda r: status_label(r.status)),
        (QT_TRANSLATE_NOOP("AgreementsModel", "签约日期"), lambda r: r.signed_on),
        (QT_TRANSLATE_NOOP("AgreementsModel", "腾房日期"), lambda r: r.vacated_on),
        (QT_TRANSLATE_NOOP("AgreementsModel", "协议金额(元)"), lambda r: r.total),
        (QT_TRANSLATE_NOOP("AgreementsModel", "补充协议"), lambda r: r.supplements),
        (QT_TRANSLATE_NOOP("AgreementsModel", "已付(元)"), lambda r: r.paid),
    )


class BatchesModel(RowsModel[BatchInfo]):
    COL_NO, COL_INST, COL_STATUS, COL_ROWS, COL_TOTAL, COL_PAID, COL_FAILED, COL_HEAD, COL_BY = range(9)
    COLUMNS = (
        (QT_TRANSLATE_NOOP("BatchesModel", "批次号"), lambda b: b.batch_no),
        (QT_TRANSLATE_NOOP("BatchesModel", "期次"), lambda b: b.instalment),
        (QT_TRANSLATE_NOOP("BatchesModel", "状态"), lambda b: status_label(b.status)),
        (QT_TRANSLATE_NOOP("BatchesModel", "笔数"), lambda b: b.rows),
        (QT_TRANSLATE_NOOP("BatchesModel", "金额(元)"), lambda b: b.total),
        (QT_TRANSLATE_NOOP("BatchesModel", "成功"), lambda b: b.paid),
        (QT_TRANSLATE_NOOP("BatchesModel", "失败"), lambda b: b.failed),
        (QT_TRANSLATE_NOOP("BatchesModel", "审计链头"), lambda b: b.chain_head[:16]),
        (QT_TRANSLATE_NOOP("BatchesModel", "制单"), lambda b: b.created_by),
    )


class DifferencesModel(RowsModel[Difference]):
    COL_NO, COL_HEAD, COL_CAUSE, COL_AMOUNT = range(4)
    COLUMNS = (
        (QT_TRANSLATE_NOOP("DifferencesModel", "户号"), lambda d: d.household_no),
        (QT_TRANSLATE_NOOP("DifferencesModel", "户主"), lambda d: d.head_name),
        (QT_TRANSLATE_NOOP("DifferencesModel", "原因"), lambda d: d.cause),
        (QT_TRANSLATE_NOOP("DifferencesModel", "金额(元)"), lambda d: d.amount),
        (QT_TRANSLATE_NOOP("DifferencesModel", "说明"), lambda d: d.detail),
    )


class BalancesModel(RowsModel[HouseholdBalance]):
    COL_NO, COL_HEAD, COL_VILLAGE, COL_COMPUTED, COL_AGREED, COL_PAID, COL_OUT = range(7)
    COLUMNS = (
        (QT_TRANSLATE_NOOP("BalancesModel", "户号"), lambda b: b.household_no),
        (QT_TRANSLATE_NOOP("BalancesModel", "户主"), lambda b: b.head_name),
        (QT_TRANSLATE_NOOP("BalancesModel", "村"), lambda b: b.village),
        (QT_TRANSLATE_NOOP("BalancesModel", "计算(元)"), lambda b: b.computed),
        (QT_TRANSLATE_NOOP("BalancesModel", "协议(元)"), lambda b: b.agreed),
        (QT_TRANSLATE_NOOP("BalancesModel", "已付(元)"), lambda b: b.paid),
        (QT_TRANSLATE_NOOP("BalancesModel", "未付(元)"), lambda b: b.outstanding),
    )


class AccountsModel(RowsModel[AccountInfo]):
    COL_NAME, COL_ROLE, COL_ACTIVE, COL_LOCKED, COL_MUST, COL_LAST = range(6)
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AccountsModel", "账户"), lambda a: a.name),
        (QT_TRANSLATE_NOOP("AccountsModel", "角色"), lambda a: a.role.value),
        (QT_TRANSLATE_NOOP("AccountsModel", "可用"), lambda a: a.active),
        (QT_TRANSLATE_NOOP("AccountsModel", "锁定至"), lambda a: a.locked_until),
        (QT_TRANSLATE_NOOP("AccountsModel", "须改密码"), lambda a: a.must_change),
        (QT_TRANSLATE_NOOP("AccountsModel", "上次登录"), lambda a: a.last_login_at),
    )
