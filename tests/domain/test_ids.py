from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.ids import (
    ID_AS_NUMBER_MESSAGE,
    check_character,
    check_id,
    convert_15_to_18,
    normalize_id,
    random_valid_id,
)

VECTOR = "11010519491231002X"
TODAY = date(2030, 1, 1)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

seeds = st.integers(min_value=0, max_value=2**32)


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


def test_vector_is_valid_female_born_1949() -> None:
    result = check_id(VECTOR)
    assert result.ok
    assert result.errors == ()
    assert result.warnings == ()
    assert result.normalized == VECTOR
    assert result.sex == "女"  # sequence 002: 17th digit 2 is even
    assert result.birth_date == date(1949, 12, 31)
    assert not result.converted_from_15


def test_check_character_of_vector() -> None:
    assert check_character(VECTOR[:17]) == "X"


def test_odd_sequence_is_male() -> None:
    result = check_id(with_check("11010519491231003"))
    assert result.ok
    assert result.sex == "男"


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２ｘ",
        "１１０１０５１９４９１２３１００２Ｘ",
        " 110105 19491231 002X ",
        "110105\u300019491231\xa0002X",
        "\ufeff1101\u200b0519\u200c4912\u200d3100\u20602X",
    ],
)
def test_normalised_forms_are_valid(raw: str) -> None:
    assert normalize_id(raw) == VECTOR
    result = check_id(raw)
    assert result.ok, result.errors
    assert result.normalized == VECTOR
    assert result.raw == raw


def test_circled_digit_refused_although_isdigit_accepts_it() -> None:
    assert "①".isdigit()  # the trap this guards against
    result = check_id("①" + VECTOR[1:])
    assert not result.ok
    assert result.errors == ("含非法字符「①」",)


def test_arabic_indic_digit_refused_although_int_accepts_it() -> None:
    assert int("٣") == 3
    result = check_id(VECTOR[:16] + "٣" + "X")
    assert not result.ok
    assert result.errors == ("含非法字符「٣」",)
    assert result.sex is None and result.birth_date is None


@pytest.mark.parametrize(
    "raw",
    [
        110105194912310020,
        1.10105194912310e17,
        "1.10101199003072E+17",
        "1.1010519491231e+17",
        "110105194912310000.0",
    ],
)
def test_number_from_excel_refused_not_repaired(raw: object) -> None:
    result = check_id(raw)
    assert not result.ok
    assert result.errors == (ID_AS_NUMBER_MESSAGE,)
    assert result.normalized == ""
    assert result.raw == str(raw)


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000\u200b"])
def test_empty(raw: object) -> None:
    result = check_id(raw)
    assert not result.ok
    assert result.errors == ("身份证号码为空",)


def test_wrong_length() -> None:
    assert check_id(VECTOR[:17]).errors == ("号码应为18位，实为 17 位",)
    assert check_id(VECTOR[:17] + "12").errors == ("号码应为18位，实为 19 位",)


def test_wrong_check_character_named() -> None:
    result = check_id(VECTOR[:17] + "5")
    assert not result.ok
    assert result.errors == ("校验码错误：应为 X，实为 5",)


def test_x_only_in_last_place() -> None:
    result = check_id("X" + VECTOR[1:])
    assert not result.ok
    assert result.errors == ("「X」只能出现在最后一位",)


def test_impossible_birth_date() -> None:
    result = check_id(with_check("11010519900230002"))
    assert result.errors == ("出生日期无效：19900230",)
    assert result.birth_date is None


def test_future_birth_date_refused() -> None:
    rng = random.Random(1)
    tomorrow = random_valid_id(rng, birth=date(2024, 6, 2))
    assert check_id(tomorrow, today=date(2024, 6, 2)).ok
    result = check_id(tomorrow, today=date(2024, 6, 1))
    assert not result.ok
    assert result.errors == ("出生日期晚于今天：20240602",)


def test_birth_before_1890_refused() -> None:
    assert check_id(with_check("11010518900101002")).ok
    assert check_id(with_check("11010518891231002")).errors == ("出生日期早于1890年：18891231",)


def test_fifteen_digit_id_converted_and_flagged() -> None:
    assert convert_15_to_18("110105491231002") == VECTOR
    result = check_id("110105491231002")
    assert result.ok
    assert result.converted_from_15
    assert result.normalized == VECTOR
    assert result.warnings == ("15 位旧号码已转换为 18 位",)
    assert result.birth_date == date(1949, 12, 31)


def test_unknown_province_is_warning_only() -> None:
    result = check_id(with_check("99010519491231002"))
    assert result.ok
    assert result.errors == ()
    assert result.warnings == ("地区码 990105 不在已知行政区划内（旧号码可能仍有效）",)


def test_known_province_has_no_warning() -> None:
    for region in ("330802", "830000", "710000", "650102"):
        assert check_id(with_check(region + "19800101123")).warnings == ()


@given(seeds, st.sampled_from(["男", "女"]), st.dates(date(1890, 1, 1), date(2029, 12, 31)))
def test_random_valid_id_is_valid(seed: int, sex: str, birth: date) -> None:
    number = random_valid_id(random.Random(seed), birth=birth, sex=sex)
    result = check_id(number, today=TODAY)
    assert result.ok, result.errors
    assert result.sex == sex
    assert result.birth_date == birth
    assert number[:6] in ("330802", "330803", "330881", "430502", "510124", "321283")


def test_random_valid_id_rejects_unknown_sex() -> None:
    with pytest.raises(ValueError):
        random_valid_id(random.Random(0), sex="M")


@given(seeds)
def test_every_single_substitution_is_caught(seed: int) -> None:
    number = random_valid_id(random.Random(seed))
    for pos in range(18):
        alphabet = "0123456789X" if pos == 17 else "0123456789"
        for replacement in alphabet:
            if replacement == number[pos]:
                continue
            mutated = number[:pos] + replacement + number[pos + 1 :]
            result = check_id(mutated, today=TODAY)
            assert not result.ok, mutated
            assert any(e.startswith("校验码错误") for e in result.errors), (mutated, result.errors)
        if pos < 17:
            assert check_id(number[:pos] + "X" + number[pos + 1 :], today=TODAY).errors == ("「X」只能出现在最后一位",)


def test_transposition_proof_premises() -> None:
    # Swapping distinct digits a, b at adjacent places i, i+1 changes the weighted sum by
    # (w_i - w_{i+1})(b - a). 11 is prime, 0 < |b - a| <= 9, and every adjacent pair of
    # weights differs by 1..10, so the change is never 0 mod 11. The check character has
    # weight 1 (sum + value ≡ 1 mod 11) and w_17 = 2: swapping it with a different digit
    # changes the sum by ±(value difference) ≠ 0; if it is X, X lands in place 17 and is refused.
    assert all((a - b) % 11 != 0 for a, b in zip(WEIGHTS, (*WEIGHTS[1:], 1), strict=True))
    assert all(w % 11 != 0 for w in WEIGHTS)


@given(seeds)
def test_every_adjacent_transposition_is_caught(seed: int) -> None:
    number = random_valid_id(random.Random(seed))
    for pos in range(17):
        swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
        if number[pos] == number[pos + 1]:
            assert swapped == number
            continue
        result = check_id(swapped, today=TODAY)
        assert not result.ok, swapped
        assert any(e.startswith("校验码错误") or e == "「X」只能出现在最后一位" for e in result.errors)


def test_check_character_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        check_character("1101051949123100")
    with pytest.raises(ValueError):
        check_character("1101051949123100٣")
    with pytest.raises(ValueError):
        convert_15_to_18("11010549123100X")


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_is_the_standards_mod_11_2(first17: str) -> None:
    """GB 11643: weights 2^(17-i) mod 11, the sum mod 11 read through 1 0 X 9 8 7 6 5 4 3 2."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    assert check_character(first17) == "10X98765432"[total % 11]
