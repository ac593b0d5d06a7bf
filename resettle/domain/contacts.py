"""Phone numbers and bank accounts.

A household's 联系电话 follows one rule wherever it is entered (:func:`check_phone`: the
survey importer and the household editor alike): a mainland mobile or a landline with its
area code, or several of them; anything else is refused, naming the field or the cell.

Payments go to the account on file, so a wrong digit sends a family's compensation
elsewhere; but passbook accounts often fail the Luhn check, so that failure is only
a warning the clerk confirms.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from resettle.domain.ids import ID_AS_NUMBER_MESSAGE

__all__ = ["MAX_PHONES", "FieldCheck", "check_bank_account", "check_mobile", "check_phone", "luhn_ok"]

_ASCII_DIGITS = "0123456789"
_TO_ASCII = str.maketrans("０１２３４５６７８９＋", "0123456789+")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_DASHES = frozenset("-－—–‐")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# 0 + area code (010, 02x: three digits; otherwise four) + a 7–8 digit local number; extension optional.
_LANDLINE = re.compile(r"(0(?:10|2[0-9]|[3-9][0-9]{2}))-?([2-9][0-9]{6,7})(?:(?:-|转|ext\.?)([0-9]{1,6}))?")
_PHONE_SEPARATORS = re.compile(r"[、,，;；/／]+")
MAX_PHONES = 2  # 联系电话 holds at most two numbers (the column is 30 characters)
_NUMBER_TEXT = re.compile(r"(?=.*[.eE])(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class FieldCheck:
    """Outcome of a field check: errors block saving, warnings are shown but allowed."""

    normalized: str
    ok: bool
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def _result(normalized: str, errors: list[str], warnings: list[str] | None = None) -> FieldCheck:
    return FieldCheck(normalized, not errors, tuple(errors), tuple(warnings or ()))


def _clean(text: str, drop: frozenset[str] = frozenset()) -> str:
    kept = (ch for ch in text if not ch.isspace() and ch not in _INVISIBLE and ch not in drop)
    return "".join(kept).translate(_TO_ASCII)


def _illegal(text: str) -> list[str]:
    return [f"含非法字符「{ch}」" for ch in dict.fromkeys(text) if ch not in _ASCII_DIGITS]


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check over ASCII digits, as bank cards use."""
    if not digits or any(ch not in _ASCII_DIGITS for ch in digits):
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def check_mobile(raw: object) -> FieldCheck:
    """A mainland mobile number, 1[3-9] + 9 digits; +86 and separators are removed.

    A number cell is fine here: 11 digits survive Excel's 15 significant digits.
    Blank is an error; callers decide whether the field may be left empty.
    """
    if raw is None or isinstance(raw, bool):
        return _result("", ["手机号码为空" if raw is None else f"无法识别的手机号码：{raw}"])
    if isinstance(raw, float | Decimal):
        if not (math.isfinite(raw) and raw == int(raw)):
            return _result("", [f"无法识别的手机号码：{raw}"])
        raw = int(raw)
    text = _clean(str(raw), _DASHES)
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and len(text) == len(prefix) + 11:
            text = text[len(prefix) :]
            break
    if not text:
        return _result("", ["手机号码为空"])
    bad = _illegal(text)
    if bad:
        return _result(text, bad)
    if len(text) != 11:
        return _result(text, [f"手机号码应为11位，实为 {len(text)} 位"])
    if not _MOBILE.fullmatch(text):
        return _result(text, [f"手机号码应以13–19开头：{text}"])
    return _result(text, [])


def _landline(text: str) -> str | None:
    """``0571-88881234`` (and ``-123`` for an extension) from a landline, else None."""
    cleaned = _clean(text, frozenset("—–‐－()（）")).replace("－", "-")
    found = _LANDLINE.fullmatch(cleaned)
    if found is None:
        return None
    area, local, ext = found.groups()
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def check_phone(raw: object) -> FieldCheck:
    """联系电话: a mobile (normalised to 11 digits, +86 removed) or a landline with its area code
    (``0571-88881234``), or two of them separated by 、 , ; or /. Anything else is an error.

    Blank is an error; callers decide whether the field may be left empty (it may)."""
    if (
        type(raw) is str
        and len(raw) == 11
        and raw[0] == "1"
        and raw.isascii()
        and raw.isdigit()
        and _MOBILE.fullmatch(raw)
    ):
        return _result(raw, [])  # a mobile as typed, mostly: nothing to clean, no landline starts with 1
    if raw is None or isinstance(raw, bool | int | float | Decimal):
        return check_mobile(raw)  # a number cell can only be a mobile (a landline's leading 0 is lost)
    parts = [p for p in _PHONE_SEPARATORS.split(str(raw)) if p.strip()]
    if not parts:
        return _result("", ["联系电话为空"])
    if len(parts) > MAX_PHONES:
        return _result(str(raw).strip(), [f"联系电话最多填 {MAX_PHONES} 个号码"])
    numbers: list[str] = []
    for part in parts:
        landline = _landline(part)
        if landline is not None:
            numbers.append(landline)
            continue
        mobile = check_mobile(part)
        if not mobile.ok:
            digits = mobile.normalized
            hint = "；固定电话请带区号，如 0571-88881234" if digits.startswith("0") or len(digits) in (7, 8) else ""
            return _result(
                str(raw).strip(),
                [f"「{part.strip()}」不是手机号码或带区号的固定电话：{'；'.join(mobile.errors)}{hint}"],
            )
        numbers.append(mobile.normalized)
    return _result("、".join(numbers), [])


def check_bank_account(raw: object) -> FieldCheck:
    """A bank account of 16–19 digits; Luhn failure is a warning (passbooks often fail it).

    Any number value is refused: 16+ digits cannot survive Excel's 15 significant digits.
    """
    if type(raw) is str and raw.isascii() and raw.isdigit():  # as typed, mostly: nothing to clean
        if not 16 <= len(raw) <= 19:
            return _result(raw, [f"银行账号应为16–19位，实为 {len(raw)} 位"])
        return _result(raw, [], [] if luhn_ok(raw) else ["银行账号校验位不符（存折账号常见，请核对）"])
    if raw is None:
        return _result("", ["银行账号为空"])
    if isinstance(raw, bool):
        return _result("", [f"无法识别的银行账号：{raw}"])
    if isinstance(raw, int | float | Decimal):
        return _result("", [ID_AS_NUMBER_MESSAGE])
    text = _clean(str(raw))
    if not text:
        return _result("", ["银行账号为空"])
    if _NUMBER_TEXT.fullmatch(text):
        return _result("", [ID_AS_NUMBER_MESSAGE])
    bad = _illegal(text)
    if bad:
        return _result(text, bad)
    if not 16 <= len(text) <= 19:
        return _result(text, [f"银行账号应为16–19位，实为 {len(text)} 位"])
    warnings = [] if luhn_ok(text) else ["银行账号校验位不符（存折账号常见，请核对）"]
    return _result(text, [], warnings)
