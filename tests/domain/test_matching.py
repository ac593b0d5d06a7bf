"""Matching never breaks a requirement, fills the maximum, and ranks land-lost, trained, long unemployed."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.domain.labour import STATE_EMPLOYED, STATE_SEEKING, STATE_UNWILLING
from resettle.domain.matching import Candidate, Post, Proposal, greedy_first_come, match, qualifies


def person(key: int, **kw: object) -> Candidate:
    base: dict[str, object] = {"name": f"人{key}", "sex": "男", "age": 30, "working_age": True, "state": STATE_SEEKING}
    base.update(kw)
    return Candidate(key=key, **base)  # type: ignore[arg-type]


def check_valid(posts: list[Post], people: list[Candidate], proposals: list[Proposal]) -> None:
    by_key = {p.key: p for p in posts}
    who = {c.key: c for c in people}
    assert len({p.candidate_key for p in proposals}) == len(proposals), "each person at most once"
    for post in posts:
        assert sum(p.post_key == post.key for p in proposals) <= post.places
    for p in proposals:
        assert qualifies(by_key[p.post_key], who[p.candidate_key]) is not None
        assert p.reasons


def max_cardinality(posts: list[Post], people: list[Candidate]) -> int:
    """Independent check: Kuhn's augmenting paths over expanded slots."""
    slots = [post for post in posts for _ in range(post.places)]
    owner: dict[int, int] = {}

    def augment(s: int, seen: set[int]) -> bool:
        for c in people:
            if c.key in seen or qualifies(slots[s], c) is None:
                continue
            seen.add(c.key)
            if c.key not in owner or augment(owner[c.key], seen):
                owner[c.key] = s
                return True
        return False

    return sum(augment(s, set()) for s in range(len(slots)))


def test_matching_fills_more_places_than_first_come_greedy() -> None:
    # The first person in the list holds the only 保安员证; first-come gives them the cleaning job.
    posts = [
        Post(1, "东港环卫服务公司", "保洁员", "保洁", 2),
        Post(2, "园区安保服务公司", "巡逻保安", "保安", 1, 18, 50, "男", "保安员证"),
    ]
    people = [
        person(1, certificates=frozenset({"保安员证"})),
        person(2, sex="女"),
        person(3, age=55),
    ]
    greedy = greedy_first_come(posts, people)
    best = match(posts, people)
    check_valid(posts, people, greedy)
    check_valid(posts, people, best)
    assert len(greedy) == 2  # 保洁 took persons 1 and 2, nobody left for 保安
    assert len(best) == 3 == max_cardinality(posts, people)
    assert {(p.post_key, p.candidate_key) for p in best} == {(1, 2), (1, 3), (2, 1)}
    guard = next(p for p in best if p.post_key == 2)
    assert "持有保安员证" in guard.reasons and "性别男，符合要求" in guard.reasons


def test_requirements_and_availability_are_never_broken() -> None:
    post = Post(1, "园区食堂", "面点师", "餐饮", 5, 20, 55, "女", "")
    people = [
        person(1, sex="女", age=20),  # exactly the minimum: inclusive
        person(2, sex="女", age=55),  # exactly the maximum: inclusive
        person(3, sex="女", age=19),
        person(4, sex="女", age=56),
        person(5, sex="男", age=30),
        person(6, sex="女", age=30, state=STATE_EMPLOYED),
        person(7, sex="女", age=30, state=STATE_UNWILLING),
        person(8, sex="女", age=30, working_age=False),
        person(9, sex="女", age=None),
    ]
    result = match([post], people)
    assert sorted(p.candidate_key for p in result) == [1, 2]


def test_priority_land_lost_then_trained_then_longest_unemployed() -> None:
    post = Post(1, "园区安保服务公司", "门卫", "保安", 1)
    outsider_trained = person(1, trained_kinds=frozenset({"保安"}), unemployed_days=900)
    land_lost = person(2, land_lost=True, unemployed_days=10)
    assert [p.candidate_key for p in match([post], [outsider_trained, land_lost])] == [2]
    land_lost_trained = person(3, land_lost=True, trained_kinds=frozenset({"保安"}), unemployed_days=1)
    assert [p.candidate_key for p in match([post], [land_lost, land_lost_trained])] == [3]
    longer = person(4, land_lost=True, unemployed_days=400)
    assert [p.candidate_key for p in match([post], [land_lost, longer])] == [4]
    chosen = match([post], [land_lost_trained])[0]
    assert "本项目失地农民，优先" in chosen.reasons and "参加过保安培训并结业" in chosen.reasons


def test_priority_never_costs_a_place() -> None:
    # The best-ranked person is the only one the 电工 post can take: ranking must not waste it.
    posts = [Post(1, "环卫", "保洁员", "保洁", 1), Post(2, "电子", "维修电工", "电工", 1, certificate="电工证")]
    star = person(1, land_lost=True, unemployed_days=999, certificates=frozenset({"电工证"}))
    other = person(2)
    result = match(posts, [star, other])
    assert {(p.post_key, p.candidate_key) for p in result} == {(1, 2), (2, 1)}


def _rank(post: Post, c: Candidate) -> tuple[int, int, int]:
    return (0 if c.land_lost else 1, 0 if post.kind in c.trained_kinds else 1, -c.unemployed_days)


def _brute_force(posts: list[Post], people: list[Candidate]) -> tuple[int, list[tuple[int, int, int]]]:
    """Best (size, sorted ranks) over every assignment: size first, then ranks lexicographically."""
    slots = [post for post in posts for _ in range(post.places)]
    best: tuple[int, list[tuple[int, int, int]]] = (0, [])
    options: list[list[Candidate | None]] = [[None, *[c for c in people if qualifies(s, c)]] for s in slots]
    for combo in itertools.product(*options):
        chosen = [(s, c) for s, c in zip(slots, combo, strict=True) if c is not None]
        if len({c.key for _, c in chosen}) < len(chosen):
            continue
        ranks = sorted(_rank(s, c) for s, c in chosen)
        # Totals compared like the encoded cost: more places, then fewer non-land-lost, then fewer untrained …
        key = (len(chosen), [-sum(r[i] for r in ranks) for i in range(3)])
        if key > (best[0], [-sum(r[i] for r in best[1]) for i in range(3)]):
            best = (len(chosen), ranks)
    return best


candidates_st = st.lists(
    st.builds(
        dict,
        sex=st.sampled_from(["男", "女"]),
        age=st.integers(15, 62),
        land_lost=st.booleans(),
        trained=st.sampled_from(["", "保安", "保洁"]),
        cert=st.booleans(),
        days=st.integers(0, 3),
    ),
    min_size=0,
    max_size=5,
)
posts_st = st.lists(
    st.builds(
        dict,
        kind=st.sampled_from(["保安", "保洁"]),
        places=st.integers(0, 2),
        low=st.sampled_from([None, 18, 30]),
        high=st.sampled_from([None, 40, 55]),
        sex=st.sampled_from(["", "男", "女"]),
        cert=st.booleans(),
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(posts_st, candidates_st)
def test_matching_is_valid_maximum_and_best_ranked(raw_posts: list[dict], raw_people: list[dict]) -> None:  # type: ignore[type-arg]
    posts = [
        Post(
            i + 1, "企业", f"岗位{i}", p["kind"], p["places"], p["low"], p["high"], p["sex"], "证" if p["cert"] else ""
        )
        for i, p in enumerate(raw_posts)
    ]
    people = [
        person(
            i + 1,
            sex=c["sex"],
            age=c["age"],
            land_lost=c["land_lost"],
            trained_kinds=frozenset({c["trained"]} - {""}),
            certificates=frozenset({"证"} if c["cert"] else set()),
            unemployed_days=c["days"],
        )
        for i, c in enumerate(raw_people)
    ]
    result = match(posts, people)
    check_valid(posts, people, result)
    assert len(result) == max_cardinality(posts, people)
    assert len(greedy_first_come(posts, people)) <= len(result)
    size, ranks = _brute_force(posts, people)
    by_post = {p.key: p for p in posts}
    who = {c.key: c for c in people}
    got = sorted(_rank(by_post[p.post_key], who[p.candidate_key]) for p in result)
    assert len(result) == size
    assert [sum(r[i] for r in got) for i in range(3)] == [sum(r[i] for r in ranks) for i in range(3)]
