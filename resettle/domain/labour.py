"""Age in full years (周岁) on a reference date, working age by sex, labour and employment states.

The county counts "working-age land-lost persons" on the project's reference date, so the
age is never "today's": it is the number of birthdays passed on that date. A person born
on 29 February has the birthday on 1 March in a common year (the day after 28 February),
the usual reading of 周岁 in Chinese registers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "AVAILABLE_FOR_WORK",
    "CONDITIONS",
    "CONDITION_STUDENT",
    "CONDITION_UNABLE",
    "EMPLOYED_STATES",
    "EMPLOYMENT_STATES",
    "STATE_EMPLOYED",
    "STATE_SEEKING",
    "STATE_SELF_EMPLOYED",
    "STATE_UNWILLING",
    "WorkingAgeLimits",
    "age_on",
    "labour_category",
    "normalize_employment_state",
]

STATE_EMPLOYED = "已就业"
STATE_SELF_EMPLOYED = "自主创业"
STATE_SEEKING = "未就业·求职"
STATE_UNWILLING = "不愿就业"
EMPLOYMENT_STATES = (STATE_EMPLOYED, STATE_SELF_EMPLOYED, STATE_SEEKING, STATE_UNWILLING)
EMPLOYED_STATES = frozenset({STATE_EMPLOYED, STATE_SELF_EMPLOYED})
# "" = nothing recorded yet: such a person is offered jobs like one who seeks work.
AVAILABLE_FOR_WORK = frozenset({STATE_SEEKING, ""})

_STATE_SPELLINGS = {
    "已就业": STATE_EMPLOYED,
    "就业": STATE_EMPLOYED,
    "在岗": STATE_EMPLOYED,
    "自主创业": STATE_SELF_EMPLOYED,
    "创业": STATE_SELF_EMPLOYED,
    "自谋职业": STATE_SELF_EMPLOYED,
    "未就业·求职": STATE_SEEKING,
    "未就业求职": STATE_SEEKING,
    "未就业": STATE_SEEKING,
    "求职": STATE_SEEKING,
    "失业": STATE_SEEKING,
    "不愿就业": STATE_UNWILLING,
    "无就业意愿": STATE_UNWILLING,
}

CONDITION_STUDENT = "在校学生"
CONDITION_UNABLE = "丧失劳动能力"
CONDITIONS = ("", CONDITION_STUDENT, CONDITION_UNABLE)


def normalize_employment_state(text: str) -> str | None:
    """The canonical state for what a labour office typed, None when it is not one."""
    key = "".join(text.split()).replace("・", "·").replace(".", "·").replace("•", "·")
    if key in _STATE_SPELLINGS:
        return _STATE_SPELLINGS[key]
    return _STATE_SPELLINGS.get(key.replace("·", ""))


def age_on(birth: date, reference: date) -> int:
    """Full years (周岁) on ``reference``; born 2-29 turns a year older on 3-1 in a common year."""
    if reference < birth:
        raise ValueError("参照日早于出生日期")
    years = reference.year - birth.year
    if (reference.month, reference.day) < (birth.month, birth.day):
        years -= 1
    return years


@dataclass(frozen=True)
class WorkingAgeLimits:
    """Working age: from ``minimum`` (inclusive) to the retirement age by sex (exclusive)."""

    minimum: int = 16
    male_retirement: int = 60
    female_retirement: int = 50

    def __post_init__(self) -> None:
        if not 0 <= self.minimum < min(self.male_retirement, self.female_retirement) <= 120:
            raise ValueError("劳动年龄下限应小于男女退休年龄，且均在 0–120 岁之间")

    def retirement(self, sex: str) -> int:
        return self.female_retirement if sex == "女" else self.male_retirement

    def is_working_age(self, age: int, sex: str) -> bool:
        return self.minimum <= age < self.retirement(sex)


def labour_category(age: int | None, sex: str, limits: WorkingAgeLimits, condition: str = "") -> str:
    """劳动年龄 / 未成年 / 退休 / 在校学生 / 丧失劳动能力 / 年龄不详 for one person."""
    if age is None:
        return "年龄不详"
    if age < limits.minimum:
        return "未成年"
    if age >= limits.retirement(sex):
        return "退休"
    if condition in (CONDITION_STUDENT, CONDITION_UNABLE):
        return condition
    return "劳动年龄"
