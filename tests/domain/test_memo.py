"""A memo keeps results while they are asked for again and stops once most are asked for once."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.domain.compensation import HouseholdFacts, Pricer, StructureFact, compute
from resettle.domain.memo import TRIAL, Memo
from resettle.domain.sample_rates import sample_rate_table


def _ask(memo: Memo[int, str], key: int) -> str:
    memo.asked += 1
    value = memo.get(key)
    if value is None:
        value = f"v{key}"
        memo.keep(key, value)
    return value


def test_results_asked_for_once_stop_being_kept_after_the_trial() -> None:
    memo: Memo[int, str] = Memo()
    for key in range(3 * TRIAL):
        assert _ask(memo, key) == f"v{key}"
    assert not memo.keeps
    assert len(memo) == TRIAL - 1  # what was kept before the judgement (and still serves)
    assert memo.made == 3 * TRIAL
    asked = memo.asked
    assert _ask(memo, 5) == "v5" and memo.made == 3 * TRIAL and memo.asked == asked + 1  # a hit, not made again


def test_results_asked_for_again_are_all_kept() -> None:
    memo: Memo[int, str] = Memo()
    for key in range(2 * TRIAL):
        for _ in range(3):
            _ask(memo, key)
    assert memo.keeps
    assert len(memo) == 2 * TRIAL
    assert memo.made == 2 * TRIAL


@settings(max_examples=60, deadline=None)
@given(keys=st.lists(st.integers(0, 3000), max_size=4000))
def test_a_memo_gives_what_it_was_given_and_makes_each_key_once_while_keeping(keys: list[int]) -> None:
    memo: Memo[int, str] = Memo()
    made_while_keeping: list[int] = []
    for key in keys:
        before, keeping = memo.made, memo.keeps
        assert _ask(memo, key) == f"v{key}"
        if memo.made > before and keeping:
            made_while_keeping.append(key)
    assert memo.asked == len(keys)
    assert len(memo) <= memo.made <= len(keys)
    if memo.keeps:  # never judged wasteful: every key was made exactly once
        assert sorted(made_while_keeping) == sorted(set(keys))


def test_the_pricer_gives_compute_lines_when_its_stores_stop_keeping() -> None:
    """Distinct house areas in every household (their lines never recur) next to persons and months
    that do: the stores for houses stop keeping, the others keep, and every household's lines are
    still exactly compute()'s."""
    rng = random.Random(7)
    table = sample_rate_table()
    households = [
        HouseholdFacts(
            structures=(StructureFact("砖混", Decimal(8000 + n).scaleb(-2), "住宅", "合法", 100_000 + n, None),),
            resettled_persons=rng.randint(1, 5),
            transition_months=24,
        )
        for n in range(3 * TRIAL)
    ]
    price = Pricer(table)
    for facts in households:
        assert price(facts) == compute(facts, table)
    kept = [cache.keeps for cache in price.caches]
    assert False in kept and True in kept, kept
    assert all(len(cache) < TRIAL for cache in price.caches if not cache.keeps)
