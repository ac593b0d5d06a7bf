from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.contacts import check_bank_account, check_mobile, luhn_ok
from resettle.domain.ids import ID_AS_NUMBER_MESSAGE

LUHN_WARNING = "银行账号校验位不符（存折账号常见，请核对）"


def luhn_digit(body: str) -> str:
    """Check digit computed independently: double every second digit from the right of the full number."""
    total = 0
    for i, ch in enumerate(reversed(body + "0")):
        d = int(ch) * (2 if i % 2 else 1)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        " 138 1234 5678 ",
        "138-1234-5678",
        "+86 138-1234-5678",
        "＋８６１３８１２３４５６７８",
        "8613812345678",
        "008613812345678",
        "１３８１２３４５６７８",
        "138\u200b1234\u30005678",
        13812345678,
        13812345678.0,
        Decimal("13812345678"),
    ],
)
def test_mobile_accepted(raw: object) -> None:
    result = check_mobile(raw)
    assert result.ok, result.errors
    assert result.normalized == "13812345678"
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("12812345678", "手机号码应以13–19开头：12812345678"),
        ("1381234567", "手机号码应为11位，实为 10 位"),
        ("138123456789", "手机号码应为11位，实为 12 位"),
        ("1381234567٣", "含非法字符「٣」"),
        ("138①2345678", "含非法字符「①」"),
        ("", "手机号码为空"),
        (None, "手机号码为空"),
        (1381234567.5, "无法识别的手机号码：1381234567.5"),
        (float("nan"), "无法识别的手机号码：nan"),
    ],
)
def test_mobile_refused(raw: object, error: str) -> None:
    result = check_mobile(raw)
    assert not result.ok
    assert result.errors == (error,)


def test_luhn_known_values() -> None:
    assert luhn_ok("79927398713")
    assert not luhn_ok("79927398710")
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert not luhn_ok("")
    assert not luhn_ok("4111١111111111111")


def test_bank_account_valid() -> None:
    result = check_bank_account("6228 4800 1234 5678 ")
    assert result == check_bank_account("6228480012345678")
    body = "622848001234567890"
    number = body + luhn_digit(body)
    result = check_bank_account(number)
    assert result.ok
    assert result.normalized == number
    assert result.warnings == ()


def test_bank_account_luhn_failure_is_warning() -> None:
    body = "622848001234567"
    bad = body + str((int(luhn_digit(body)) + 1) % 10)
    result = check_bank_account(bad)
    assert result.ok
    assert result.errors == ()
    assert result.warnings == (LUHN_WARNING,)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("622848001234567", "银行账号应为16–19位，实为 15 位"),
        ("62284800123456789012", "银行账号应为16–19位，实为 20 位"),
        ("6228-4800-1234-5678", "含非法字符「-」"),
        ("6228480012345678٣", "含非法字符「٣」"),
        ("", "银行账号为空"),
        (None, "银行账号为空"),
        (6.22848001234568e18, ID_AS_NUMBER_MESSAGE),
        (6228480012345678000, ID_AS_NUMBER_MESSAGE),
        ("6.22848001234568E+18", ID_AS_NUMBER_MESSAGE),
    ],
)
def test_bank_account_refused(raw: object, error: str) -> None:
    result = check_bank_account(raw)
    assert not result.ok
    assert result.errors == (error,)


@given(st.text(alphabet="0123456789", min_size=15, max_size=18), st.data())
def test_luhn_valid_accounts_pass_and_any_single_substitution_warns(body: str, data: st.DataObject) -> None:
    number = body + luhn_digit(body)
    assert check_bank_account(number).warnings == ()
    pos = data.draw(st.integers(min_value=0, max_value=len(number) - 1))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != number[pos]]))
    mutated = number[:pos] + digit + number[pos + 1 :]
    result = check_bank_account(mutated)
    assert result.ok
    assert result.warnings == (LUHN_WARNING,)
