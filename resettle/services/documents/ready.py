"""What a numbered (正式) document needs filled in before it may go out: never a half-filled official paper."""

from __future__ import annotations

from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError

LABELS = {
    "township": "乡镇名称",
    "office": "征迁办名称（出具单位）",
    "phone": "联系电话",
    "signing_place": "签约地点",
    "complaint_phone": "监督（投诉）电话",
}
# What each kind prints; a kind not listed needs at least its issuer.
NEEDS: dict[str, tuple[str, ...]] = {
    "notice": ("office", "phone", "signing_place"),
    "agreement": ("township", "office", "phone", "signing_place"),
    "disclosure": ("office", "complaint_phone"),
    "voucher": ("office",),
}


def missing_details(kind: str, township: TownshipDetails) -> list[str]:
    return [LABELS[key] for key in NEEDS.get(kind, ("office",)) if not getattr(township, key).strip()]


def refuse_unless_ready(kind: str, title: str, township: TownshipDetails) -> None:
    """Numbered printing and numbered PDF export stop here while the document would print blanks."""
    missing = missing_details(kind, township)
    if missing:
        raise ValidationError(
            f"正式{title}缺少：{'、'.join(missing)}。请先在「工具 → 设置 → 乡镇信息」或「项目信息」中填写；"
            "也可以先打印样稿（不编号）。",
            field="乡镇信息",
        )
