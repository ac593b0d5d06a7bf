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
    "supplementary_agreement": ("township", "office"),
}


def missing_details(kind: str, township: TownshipDetails) -> list[str]:
    return [LABELS[key] for key in NEEDS.get(kind, ("office",)) if not getattr(township, key).strip()]


def refuse_unless_ready(kind: str, title: str, township: TownshipDetails, *, draft: bool = True) -> None:
    """Numbered printing and numbered PDF export stop here while the document would print blanks.

    ``draft`` says whether the paper has an unnumbered draft to print instead (a grievance letter has none).
    """
    missing = missing_details(kind, township)
    if missing:
        hint = "也可以先打印样稿（不编号）。" if draft else "填写后再打印。"
        raise ValidationError(
            f"{'正式' if draft else ''}{title}缺少：{'、'.join(missing)}。"
            f"请先在「工具 → 设置 → 乡镇信息」或「项目信息」中填写；{hint}",
            field="乡镇信息",
        )
