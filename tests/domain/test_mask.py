from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.ids import random_valid_id
from resettle.domain.mask import mask


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("330802199001011234", "id", "330802********1234"),
        ("11010519491231002X", "id", "110105********002X"),
        ("110105491231002", "id", "110105*****1002"),
        ("1234567890", "id", "**********"),
        ("13812345678", "phone", "138****5678"),
        ("057188881234", "phone", "057*****1234"),
        ("88881234", "phone", "888*1234"),
        ("8888123", "phone", "*******"),
        ("6228480012345678", "account", "6228 **** **** 5678"),
        ("62284800123456789", "account", "6228 **** **** 6789"),
        ("6228480012345678901", "account", "6228 **** **** 8901"),
        ("6228 4800 1234 5678 901", "account", "6228 **** **** 8901"),
        ("622848001234", "account", "6228 **** **** 1234"),
        ("62284800", "account", "**** **** 4800"),
        ("6228", "account", "****"),
    ],
)
def test_mask_examples(value: str, kind: Any, expected: str) -> None:
    assert mask(value, kind) == expected


@pytest.mark.parametrize("kind", ["id", "phone", "account"])
def test_mask_empty(kind: Any) -> None:
    assert mask(None, kind) == ""
    assert mask("", kind) == ""


def test_mask_unknown_kind() -> None:
    with pytest.raises(ValueError):
        mask("123", "name")  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=2**32))
def test_masked_id_hides_birth_date_and_sequence(seed: int) -> None:
    number = random_valid_id(random.Random(seed))
    masked = mask(number, "id")
    assert len(masked) == 18
    assert masked[:6] == number[:6]
    assert masked[6:14] == "********"
    assert masked[-4:] == number[-4:]


@given(st.text(alphabet="0123456789", min_size=16, max_size=19))
def test_masked_account_shows_at_most_eight_digits(account: str) -> None:
    masked = mask(account, "account")
    assert masked == f"{account[:4]} **** **** {account[-4:]}"
    assert sum(ch.isdigit() for ch in masked) == 8
