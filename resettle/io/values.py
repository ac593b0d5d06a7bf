"""Reading single cell values as clerks type them: names, dates, sexes, areas, counts.

Every parser takes whatever calamine or the csv module produced (str, int, float, bool,
date, datetime, time, timedelta or None) and either returns a clean value or raises
:class:`CellProblem` with a Chinese message naming what is wrong. Nothing here turns a
number into a float: areas and counts go through ``resettle.domain.area`` as Decimal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from resettle.domain.area import parse_quantity

__all__ = [
    "BLANK_CHARS",
    "CellProblem",
    "PartialDate",
    "clean_name",
    "clean_text",
    "compact",
    "display",
    "is_blank",
    "is_placeholder",
    "parse_birth_date",
    "parse_count",
    "parse_quantity_cell",
    "parse_sex",
]

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# What clerks write into a cell to mean "nothing here".
_PLACEHOLDERS = frozenset({"-", "--", "—", "——", "－", "/", "／", "\\", "无", "空", "N/A", "n/a", "NA"})
_EARLIEST = date(1890, 1, 1)
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
# No area, floor area or count in a survey comes near this; beyond it a cell is garbage.
_MAX_QUANTITY = Decimal(10) ** 12


class CellProblem(ValueError):
    """A cell value that cannot be used; the message is shown to the clerk."""


_DROP_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))
# Every character str.split() treats as a space, plus the invisible ones: a cell of only these is blank.
BLANK_CHARS = "".join(chr(i) for i in range(0x3001) if chr(i).isspace()) + "".join(sorted(_INVISIBLE))


_HAS_INVISIBLE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")


def compact(text: str) -> str:
    """Drop every space (ASCII, full-width, no-break, line breaks) and zero-width mark."""
    kept = "".join(text.split())
    return kept.translate(_DROP_INVISIBLE) if _HAS_INVISIBLE.search(kept) else kept


def display(value: object) -> str:
    """The cell as a clerk would read it, for messages and previews."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(BLANK_CHARS))


_PLACEHOLDER_FIRST = frozenset(word[0] for word in _PLACEHOLDERS)


def is_placeholder(value: object) -> bool:
    """Blank, or a dash, slash or 无 typed to mean "none"."""
    if type(value) is str and value:
        first = value[0]  # neither a space nor an invisible mark, nor how a placeholder starts: text
        if first not in _PLACEHOLDER_FIRST and first not in _INVISIBLE and not first.isspace():
            return False
    return is_blank(value) or (isinstance(value, str) and compact(value) in _PLACEHOLDERS)


def clean_text(value: object) -> str:
    """Free text (bank name, remarks): outer spaces of any width trimmed, inner line breaks kept as spaces."""
    text = "".join(ch for ch in display(value) if ch not in _INVISIBLE)
    return " ".join(part.strip() for part in text.splitlines() if part.strip()).strip()


def clean_name(value: object) -> str:
    """A person's name: every space removed, also inside (``王　芳`` -> ``王芳``)."""
    return compact(display(value))


# --- sex ---------------------------------------------------------------------------------

_SEXES = {"男": "男", "男性": "男", "M": "男", "MALE": "男", "女": "女", "女性": "女", "F": "女", "FEMALE": "女"}


def parse_sex(value: object) -> str | None:
    """男/女 from the usual spellings; None when blank. CellProblem for anything else."""
    if is_blank(value):
        return None
    text = compact(unicodedata.normalize("NFKC", display(value))).upper()
    if text in _SEXES:
        return _SEXES[text]
    raise CellProblem(f"性别应为「男」或「女」，实为「{display(value)}」")


# --- dates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartialDate:
    """A birth date as written: a full date, or only a year and month (出生年月), or a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def agrees_with(self, other: date) -> bool:
        return (
            self.year == other.year
            and (self.month is None or self.month == other.month)
            and (self.day is None or self.day == other.day)
        )

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year}年"
        if self.day is None:
            return f"{self.year}年{self.month}月"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


_SEP = r"[-/.年]"
_TIME = r"(?:T?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_DATE_FORMS = (
    re.compile(rf"([0-9]{{4}}){_SEP}([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})[日号]?{_TIME}"),
    re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})"),
    re.compile(rf"([0-9]{{4}}){_SEP}([0-9]{{1,2}})月?"),
    re.compile(r"([0-9]{4})([0-9]{2})"),
    re.compile(r"([0-9]{4})年?"),
)


def _checked(parts: PartialDate, raw: str, today: date) -> PartialDate:
    month = parts.month
    if month is not None and not 1 <= month <= 12:
        raise CellProblem(f"日期不存在：{raw}（月份应为1–12）")
    if parts.day is not None:
        try:
            born = date(parts.year, month or 1, parts.day)
        except ValueError as exc:
            raise CellProblem(f"日期不存在：{raw}") from exc
    else:
        born = date(parts.year, month or 1, 1)
    if born > today:
        raise CellProblem(f"出生日期晚于今天：{raw}")
    if parts.year < _EARLIEST.year:
        raise CellProblem(f"出生日期早于{_EARLIEST.year}年：{raw}")
    return parts


def _from_serial(serial: float, raw: str, today: date) -> PartialDate:
    whole = int(serial)
    if whole == 60:
        raise CellProblem(f"日期不存在：{raw}（Excel 的 1900-02-29）")
    day = _EXCEL_EPOCH + timedelta(days=whole if whole > 60 else whole + 1)
    return _checked(PartialDate(day.year, day.month, day.day), raw, today)


def _from_number(number: float, raw: str, today: date) -> PartialDate:
    if number.is_integer():
        whole = int(number)
        digits = str(whole)
        if len(digits) == 8:
            return _checked(PartialDate(whole // 10000, whole // 100 % 100, whole % 100), raw, today)
        if len(digits) == 6 and 1850 <= whole // 100 <= 2100:
            return _checked(PartialDate(whole // 100, whole % 100), raw, today)
        if 1850 <= whole <= 2100:
            return _checked(PartialDate(whole), raw, today)
    if 1 <= number <= _MAX_SERIAL:
        return _from_serial(number, raw, today)
    raise CellProblem(f"无法识别的日期：{raw}")


def parse_birth_date(value: object, today: date | None = None) -> PartialDate | None:
    """A birth date from a date cell, an Excel serial, or text such as ``1985.3.12``,
    ``1985年3月12日``, ``1985/03/12``, ``1985-03-12``, ``19850312`` (also year-month forms).

    None when blank; CellProblem for impossible or unreadable dates.
    """
    today = today or date.today()
    if is_placeholder(value):
        return None
    raw = display(value)
    if isinstance(value, datetime):
        return _checked(PartialDate(value.year, value.month, value.day), raw, today)
    if isinstance(value, date):
        return _checked(PartialDate(value.year, value.month, value.day), raw, today)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellProblem(f"无法识别的日期：{raw}")
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):  # float ok: a date serial, not money
            raise CellProblem(f"无法识别的日期：{raw}")
        return _from_number(float(value), raw, today)  # float ok: a date serial
    text = compact(unicodedata.normalize("NFKC", value))
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            numbers = [int(group) for group in match.groups()]
            return _checked(PartialDate(*numbers), raw, today)
    raise CellProblem(f"无法识别的日期：{raw}（可写作 1985-03-12、1985.3.12 或 1985年3月12日）")


# --- quantities ----------------------------------------------------------------------------


def parse_quantity_cell(value: object, unit_words: tuple[str, ...], places: int = 2) -> Decimal | None:
    """An area or other quantity (``1.25亩``, ``1,234.5 ㎡``, 200.14), exact; None when blank."""
    if is_placeholder(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellProblem(f"无法识别的数量：{display(value)}")
    try:
        quantity = parse_quantity(value, unit_words, places)
    except (ValueError, ArithmeticError) as exc:
        message = str(exc) if isinstance(exc, ValueError) and str(exc) else f"无法识别的数量：{display(value)}"
        raise CellProblem(message) from exc
    if quantity >= _MAX_QUANTITY:
        raise CellProblem(f"数值过大：{display(value)}")
    return quantity


def parse_count(value: object, unit_words: tuple[str, ...]) -> Decimal | None:
    """A whole count (trees): ``12``, ``12棵``; fractions are refused rather than rounded."""
    quantity = parse_quantity_cell(value, unit_words, places=4)
    if quantity is None:
        return None
    whole = quantity.to_integral_value(rounding=ROUND_DOWN)
    if quantity != whole:
        raise CellProblem(f"数量应为整数：{display(value)}")
    return whole
