"""Money as integer 分 (fen).

Amounts are whole fen everywhere inside the program so that sums never drift; Decimal
元 appears only at the edges (entry, display, documents). Floats are refused outright
because a float has already lost the exact value the clerk typed (data-safety.md, 1).
Rounding is always 四舍五入 (ROUND_HALF_UP), never Decimal's default half-even.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)

__all__ = [
    "MoneyError",
    "format_yuan",
    "parse_capital",
    "parse_decimal_text",
    "round_half_up",
    "times",
    "to_capital",
    "to_fen",
    "to_yuan",
]


class MoneyError(ValueError):
    """An amount that cannot be read or written; the message is shown to the clerk."""


# Wide enough that products of quantities and prices are exact before the one rounding.
_CTX = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow])

# 大写 is defined here for amounts below 一亿亿 (10^16 元); beyond that no document needs it.
_MAX_CAPITAL_FEN = 10**18 - 1

_FLOAT_MESSAGE = "金额不能用浮点数"

# Full-width forms a clerk's IME produces; mapped explicitly (not NFKC, which would also
# turn ① into 1 and so "repair" junk silently).
_ASCII_NUMBER = str.maketrans("０１２３４５６７８９，．－＋", "0123456789,.-+")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# [0-9], not \d: \d also matches Arabic-Indic and other digits that int() would accept.
_PLAIN_NUMBER = re.compile(r"([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
# A space between two digits ("12 34") is a typo, not a separator: refuse rather than guess.
_SPACED_DIGITS = re.compile(r"[0-9０-９]\s+[0-9０-９]")


def _clean_text(text: str) -> str | None:
    """Drop spaces of every width and zero-width marks; map full-width digits to ASCII."""
    if _SPACED_DIGITS.search(text):
        return None
    return "".join(ch for ch in text if not ch.isspace() and ch not in _INVISIBLE).translate(_ASCII_NUMBER)


def parse_decimal_text(text: str) -> Decimal | None:
    """Read a plain decimal such as ``-1,234.50`` exactly; None when it is not one.

    Thousands separators must be in groups of three so that a mistyped ``12,34`` (meant
    as 12.34) is not read as 1234. No exponents, no Unicode digits.
    """
    cleaned = _clean_text(text)
    m = None if cleaned is None else _PLAIN_NUMBER.fullmatch(cleaned)
    if m is None:
        return None
    sign, whole, frac = m.groups()
    return Decimal(f"{sign}{whole.replace(',', '')}.{frac or '0'}")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round once, 四舍五入, to ``places`` decimals."""
    if isinstance(value, float):
        raise TypeError(_FLOAT_MESSAGE)
    with localcontext(_CTX):
        return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _decimal_to_fen(value: Decimal) -> int:
    if not value.is_finite():
        raise MoneyError(f"金额无效：{value}")
    with localcontext(_CTX):
        return int(round_half_up(value, 2).scaleb(2))


def to_fen(value: Decimal | int | str) -> int:
    """元 (as typed, or as Decimal/int) to whole 分, rounded half-up.

    Text may carry what clerks' spreadsheets carry: ``¥``/``￥``, ``元``, thousands
    separators, spaces, full-width digits.
    """
    if isinstance(value, float):
        raise TypeError(_FLOAT_MESSAGE)
    if isinstance(value, bool):
        raise TypeError("金额不能是布尔值")
    if isinstance(value, int):
        return value * 100
    if isinstance(value, Decimal):
        return _decimal_to_fen(value)
    if not isinstance(value, str):
        raise TypeError(f"无法把 {type(value).__name__} 当作金额")
    text = _clean_text(value)
    if text is None:
        raise MoneyError(f"无法识别的金额：{value}")
    if not text:
        raise MoneyError("金额为空")
    sign = ""
    if text[:1] in "+-":
        sign, text = text[0], text[1:]
    text = text.removeprefix("¥").removeprefix("￥").removesuffix("元")
    if sign and text[:1] in "+-":
        raise MoneyError(f"无法识别的金额：{value}")
    amount = parse_decimal_text(sign + text)
    if amount is None:
        raise MoneyError(f"无法识别的金额：{value}")
    return _decimal_to_fen(amount)


def to_yuan(fen: int) -> Decimal:
    """分 to Decimal 元 with exactly two places (built from digits, so never rounded)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("分必须是整数")
    t = Decimal(fen).as_tuple()
    return Decimal((t.sign, t.digits, -2))


def times(quantity: Decimal | int, unit_price_fen: int) -> int:
    """Quantity × unit price in 分, rounded once to 分 half-up (domain.md: one rounding per line)."""
    if isinstance(quantity, float):
        raise TypeError(_FLOAT_MESSAGE)
    if isinstance(quantity, bool) or isinstance(unit_price_fen, bool) or not isinstance(unit_price_fen, int):
        raise TypeError("数量须为 Decimal 或整数，单价须为整数分")
    q = Decimal(quantity)
    if not q.is_finite():
        raise MoneyError(f"数量无效：{quantity}")
    with localcontext(_CTX):
        return int((q * unit_price_fen).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_yuan(fen: int, symbol: bool = False) -> str:
    """``1234567`` -> ``12,345.67`` (``-¥12,345.67`` for a negative amount with symbol)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("分必须是整数")
    yuan, cents = divmod(abs(fen), 100)
    return f"{'-' if fen < 0 else ''}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


# ---------------------------------------------------------------- 大写 (capitals)

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")


def _four(n: int) -> str:
    """0 < n < 10000, written without leading 零; one 零 for each inner run of zeros."""
    out: list[str] = []
    pending_zero = False
    for place in (3, 2, 1, 0):
        d = n // 10**place % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[place])
    return "".join(out)


def _grouped(n: int, size: int, word: str, lower: Callable[[int], str]) -> str:
    """Split at 万 (size 10^4) or 亿 (10^8); 零 when the lower part's top place is empty."""
    high, low = divmod(n, size)
    if high == 0:
        return lower(low)
    text = _integer(high) + word
    if low:
        text += ("零" if low < size // 10 else "") + lower(low)
    return text


def _below_yi(n: int) -> str:
    return _grouped(n, 10**4, "万", _four)


def _integer(n: int) -> str:
    """0 < n: 壹仟万零壹佰, 壹拾万柒仟, 壹万亿 …"""
    return _grouped(n, 10**8, "亿", _below_yi)


def to_capital(fen: int) -> str:
    """Amount in words for vouchers and agreements (People's Bank settlement rules).

    Choices where the rules allow two forms: 整 after 角 too (``人民币壹角整``); 零 after 元
    whenever the 元 place is 0 and 角 is not (``壹仟陆佰捌拾元零叁角贰分``, the form the
    rules list first); negatives as ``人民币负…``.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("分必须是整数")
    if abs(fen) > _MAX_CAPITAL_FEN:
        raise MoneyError("金额过大，无法写成大写")
    yuan, cents = divmod(abs(fen), 100)
    jiao, fen_digit = divmod(cents, 10)
    text = "人民币" + ("负" if fen < 0 else "")
    if yuan:
        text += _integer(yuan) + "元"
    elif not cents:
        return text + "零元整"
    if yuan and (jiao == 0 or yuan % 10 == 0) and cents:
        text += "零"
    if jiao:
        text += _DIGITS[jiao] + "角"
    return text + (_DIGITS[fen_digit] + "分" if fen_digit else "整")


def _parse_integer(text: str) -> int:
    """Inverse of ``_integer`` (also reads 零 alone, and a leading bare 拾)."""
    small = {"拾": 10, "佰": 100, "仟": 1000}
    total = wan = section = 0
    digit: int | None = None
    last_unit = 10**4
    for i, ch in enumerate(text):
        if ch in _DIGITS:
            if digit is not None:
                raise MoneyError(f"大写金额有误：「{text}」")
            digit = _DIGITS.index(ch) or None
        elif ch in small:
            unit = small[ch]
            if digit is None and ch == "拾" and i == 0:
                digit = 1
            if digit is None or unit >= last_unit:
                raise MoneyError(f"大写金额有误：「{text}」")
            section += digit * unit
            digit, last_unit = None, unit
        elif ch == "万":
            if wan or not (section or digit):
                raise MoneyError(f"大写金额有误：「{text}」")
            wan = (section + (digit or 0)) * 10**4
            section, digit, last_unit = 0, None, 10**4
        elif ch == "亿":
            part = wan + section + (digit or 0)
            if not (part or total):
                raise MoneyError(f"大写金额有误：「{text}」")
            total = (total + part) * 10**8
            wan, section, digit, last_unit = 0, 0, None, 10**4
        else:
            raise MoneyError(f"大写金额中有无法识别的字「{ch}」")
    return total + wan + section + (digit or 0)


_FRACTION = re.compile(r"零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?")


def parse_capital(text: str) -> int:
    """大写 back to 分; accepts either form the rules allow, with or without 人民币."""
    s = "".join(text.split())
    negative = False
    for prefix in ("负", "人民币", "负"):
        if s.startswith(prefix):
            negative = negative or prefix == "负"
            s = s[len(prefix) :]
    whole = s.endswith(("整", "正"))
    if whole:
        s = s[:-1]
    if not s:
        raise MoneyError(f"大写金额有误：「{text}」")
    integer_text, has_yuan, fraction_text = s.partition("元")
    if not has_yuan:
        integer_text, fraction_text = "", s
    elif not integer_text:
        raise MoneyError(f"大写金额有误：「{text}」")
    m = _FRACTION.fullmatch(fraction_text)
    if m is None or (not has_yuan and not any(m.groups())):
        raise MoneyError(f"大写金额有误：「{text}」")
    jiao, fen = (_DIGITS.index(g) if g else 0 for g in m.groups())
    amount = _parse_integer(integer_text) * 100 + jiao * 10 + fen
    return -amount if negative else amount
