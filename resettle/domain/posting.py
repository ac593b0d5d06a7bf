"""What every posted list (公示表, 兑付清册) states the same way: the posting period and the audit chain head.

Posting period (公示期): the project's own number of days (``Project.posting_days``), else
:data:`DEFAULT_POSTING_DAYS`: 30 days, as a compensation and resettlement plan is posted for
no less than thirty days (domain.md, procedure: 方案公告 ≥ 30 days). The PDF 公示表 and the
xlsx 公示表 both take it from here.

Audit chain head: the sequence number and the first 16 hex characters of the newest audit
entry, with the date, so anyone can later check that the posted figures are the recorded ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "CHAIN_HASH_CHARS",
    "DEFAULT_POSTING_DAYS",
    "ChainStamp",
    "cn_date",
    "posting_days",
    "posting_period",
    "posting_period_text",
]

DEFAULT_POSTING_DAYS = 30
CHAIN_HASH_CHARS = 16


def posting_days(project_days: int | None) -> int:
    """The posting period in days: the project's setting, else the default."""
    return project_days if project_days is not None else DEFAULT_POSTING_DAYS


def posting_period(start: date, days: int) -> tuple[date, date]:
    """First and last day of a posting of ``days`` calendar days starting on ``start``."""
    if days < 1:
        raise ValueError("公示期至少 1 天")
    return start, start + timedelta(days=days - 1)


def cn_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def posting_period_text(start: date, end: date) -> str:
    return f"{cn_date(start)}至{cn_date(end)}"


@dataclass(frozen=True)
class ChainStamp:
    """The audit chain head as a list prints it."""

    seq: int
    hash: str
    on: date

    @property
    def text(self) -> str:
        seq = f"第 {self.seq} 条 " if self.seq > 0 else ""  # 0: an empty trail, or a list issued before seq was kept
        return f"审计链头：{seq}{self.hash_grouped}（{self.on.isoformat()}）"

    @property
    def hash_grouped(self) -> str:
        """The first 16 hex characters in fours (easier to compare on paper; no long digit runs)."""
        head = self.hash[:CHAIN_HASH_CHARS]
        return " ".join(head[i : i + 4] for i in range(0, len(head), 4))
