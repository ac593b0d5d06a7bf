"""The lottery against an independent computation of the published rule."""

from __future__ import annotations

import subprocess
from hashlib import sha256

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.lottery import draw, list_digest, lot_key


def _independent(seed: str, numbers: list[str]) -> list[str]:
    # The rule as printed on the draw record, computed another way: sort the pairs by the hash text.
    pairs = {}
    for no in numbers:
        pairs[no] = sha256((seed + "|" + no).encode("utf-8")).hexdigest()
    return sorted(pairs, key=lambda no: (pairs[no], no))


def test_order_matches_an_independent_computation() -> None:
    numbers = [f"东岗{n:05d}" for n in range(1001, 1041)]
    result = draw("20260315-公证处-8841", reversed(numbers))
    assert list(result.order) == _independent("20260315-公证处-8841", numbers)
    assert result.keys[0] == lot_key(result.seed, result.order[0])
    assert list(result.keys) == sorted(result.keys)


def test_order_matches_the_sha256sum_tool() -> None:
    numbers = ["东岗01001", "东岗01002", "东岗02003"]
    keys = {}
    for no in numbers:
        out = subprocess.run(["sha256sum"], input=f"S1|{no}".encode(), capture_output=True, check=True)
        keys[no] = out.stdout.decode().split()[0]
    assert list(draw("S1", numbers).order) == sorted(numbers, key=keys.__getitem__)


def test_digest_is_of_the_ordered_list() -> None:
    result = draw("x", ["b", "a", "c"])
    assert result.digest == sha256("\n".join(result.order).encode()).hexdigest()
    assert result.digest == list_digest(result.order)
    numbers = [f"户{n}" for n in range(40)]
    assert draw("seed-1", numbers).order != draw("seed-2", numbers).order


def test_an_empty_seed_or_list_is_refused() -> None:
    with pytest.raises(ValueError, match="种子"):
        draw("  ", ["a"])
    with pytest.raises(ValueError, match="没有"):
        draw("s", [])


@given(st.text(min_size=1).filter(str.strip), st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=30))
def test_property_order_is_a_permutation_and_reproducible(seed: str, numbers: list[str]) -> None:
    first = draw(seed, numbers)
    again = draw(seed, list(reversed(numbers)))
    assert first.order == again.order
    assert sorted(first.order) == sorted(set(numbers))
    assert list(first.order) == _independent(seed.strip(), list(set(numbers)))
