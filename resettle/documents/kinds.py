"""The documents the office prints: their titles, number series, templates and page orientation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resettle.errors import ValidationError

__all__ = ["HOUSING_KINDS", "KINDS", "DocumentKind", "KindInfo", "kind_of"]


class DocumentKind(StrEnum):
    NOTICE = "notice"  # 补偿通知书
    AGREEMENT = "agreement"  # 征地补偿安置协议
    DISCLOSURE = "disclosure"  # 公示表
    VOUCHER = "voucher"  # 领款单
    ALLOCATION = "allocation"  # 安置房分配确认书 (issue 13)
    MOVE_IN = "move-in"  # 入住通知单 (issue 13)
    LOTTERY = "lottery"  # 抽签记录 (issue 13)


@dataclass(frozen=True)
class KindInfo:
    kind: DocumentKind
    title: str  # printed title
    short: str  # name in lists and messages
    series: str  # number prefix: 征补〔2026〕第 15 号
    template: str  # file name in resources/templates (and in the office's own templates folder)
    landscape: bool
    per_household: bool


KINDS: dict[DocumentKind, KindInfo] = {
    DocumentKind.NOTICE: KindInfo(
        DocumentKind.NOTICE, "征地补偿安置通知书", "补偿通知书", "征补", "notice.html", False, True
    ),
    DocumentKind.AGREEMENT: KindInfo(
        DocumentKind.AGREEMENT, "征地补偿安置协议", "补偿安置协议", "征协", "agreement.html", False, True
    ),
    DocumentKind.DISCLOSURE: KindInfo(
        DocumentKind.DISCLOSURE, "征地补偿安置公示表", "公示表", "征公", "disclosure.html", True, False
    ),
    DocumentKind.VOUCHER: KindInfo(
        DocumentKind.VOUCHER, "征地补偿款领款单", "领款单", "征领", "voucher.html", False, True
    ),
    # placement housing: built by resettle.services.housing.documents (HOUSING_KINDS)
    DocumentKind.ALLOCATION: KindInfo(
        DocumentKind.ALLOCATION, "安置房分配确认书", "分配确认书", "安分", "allocation.html", False, True
    ),
    DocumentKind.MOVE_IN: KindInfo(
        DocumentKind.MOVE_IN, "安置房入住通知单", "入住通知单", "安入", "move_in.html", False, True
    ),
    DocumentKind.LOTTERY: KindInfo(
        DocumentKind.LOTTERY, "安置房选房抽签记录", "抽签记录", "安签", "lottery.html", False, False
    ),
}

HOUSING_KINDS = frozenset({DocumentKind.ALLOCATION, DocumentKind.MOVE_IN, DocumentKind.LOTTERY})


def kind_of(value: str | DocumentKind) -> KindInfo:
    """The kind named ``value`` (notice, agreement, disclosure, voucher)."""
    try:
        return KINDS[DocumentKind(value)]
    except ValueError:
        names = "、".join(k.value for k in DocumentKind)
        raise ValidationError(f"没有「{value}」这种文书（可选：{names}）", field="文书种类") from None
