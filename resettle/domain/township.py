"""The township office's details printed on every document (乡镇、征迁办、电话、签约地点、监督电话)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TownshipDetails:
    township: str = ""  # 乡镇名称
    office: str = ""  # 征迁办名称
    phone: str = ""  # 联系电话
    signing_place: str = ""  # 签约地点
    complaint_phone: str = ""  # 监督（投诉）电话
