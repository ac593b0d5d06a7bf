"""Proposing land-lost farmers for the places park enterprises offer (岗位推荐).

Rules (issue 14): per post at most its places, each person once, only people who meet
the post's requirements (age range inclusive, sex, certificate), are of working age and
neither employed nor unwilling. Among all proposals that fill **as many places as the
requirements allow**, the chosen one prefers, post by post, land-lost farmers of the
project, then people trained in the post's kind, then the longest unemployed.

That is a minimum-cost maximum-cardinality b-matching: posts (capacity = places) on one
side, people on the other, an edge where a person qualifies, its cost the lexicographic
priority encoded as one integer (weights chosen so that one better-ranked proposal
outweighs any number of worse ones). It is solved by successive shortest augmenting
paths (Dijkstra on reduced costs, Johnson potentials, early exit at the sink), which
yields a maximum flow of minimum cost. A first-come greedy pass can block a post that
only a few people qualify for; an augmenting path moves the blocking person to another
post instead (see :func:`greedy_first_come` and the tests).

Only each post's best ``total places`` qualified people can matter (if a person beyond
that list were used, someone better of that list would be unused and could take the
place), so the graph is pruned to those edges before solving.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from resettle.domain.labour import AVAILABLE_FOR_WORK

__all__ = ["Candidate", "Post", "Proposal", "greedy_first_come", "match", "qualifies"]

_MAX_DAYS = 60_000  # longer unemployment (160 years) ranks like this


@dataclass(frozen=True)
class Post:
    key: int
    enterprise: str
    post: str
    kind: str
    places: int
    min_age: int | None = None  # inclusive; None: no requirement
    max_age: int | None = None  # inclusive
    sex: str = ""  # 男 / 女 / "" any
    certificate: str = ""  # e.g. 保安员证, "" none


@dataclass(frozen=True)
class Candidate:
    key: int
    name: str
    sex: str
    age: int | None
    working_age: bool
    state: str = ""  # employment state (labour.EMPLOYMENT_STATES) or "" unknown
    land_lost: bool = False
    trained_kinds: frozenset[str] = field(default_factory=frozenset)  # kinds of completed courses
    certificates: frozenset[str] = field(default_factory=frozenset)
    unemployed_days: int = 0  # 0 when unknown


@dataclass(frozen=True)
class Proposal:
    post_key: int
    candidate_key: int
    reasons: tuple[str, ...]


def qualifies(post: Post, person: Candidate) -> tuple[str, ...] | None:
    """Why ``person`` meets every requirement of ``post``, or None when one is not met."""
    if not person.working_age or person.state not in AVAILABLE_FOR_WORK or person.age is None:
        return None
    age = person.age
    if post.min_age is not None and age < post.min_age:
        return None
    if post.max_age is not None and age > post.max_age:
        return None
    if post.sex and person.sex != post.sex:
        return None
    if post.certificate and post.certificate not in person.certificates:
        return None
    reasons: list[str] = []
    if post.min_age is not None or post.max_age is not None:
        low = "" if post.min_age is None else str(post.min_age)
        high = "" if post.max_age is None else str(post.max_age)
        reasons.append(f"年龄 {age} 岁，符合 {low}–{high} 岁")
    else:
        reasons.append(f"年龄 {age} 岁，处于劳动年龄")
    if post.sex:
        reasons.append(f"性别{person.sex}，符合要求")
    if post.certificate:
        reasons.append(f"持有{post.certificate}")
    if person.land_lost:
        reasons.append("本项目失地农民，优先")
    if post.kind and post.kind in person.trained_kinds:
        reasons.append(f"参加过{post.kind}培训并结业")
    if person.unemployed_days > 0:
        reasons.append(f"已未就业 {person.unemployed_days} 天")
    else:
        reasons.append("未就业，愿意就业")
    return tuple(reasons)


def _weights(total_places: int) -> tuple[int, int]:
    """(land-lost weight, trained weight): each outweighs everything ranked below it."""
    trained = (total_places + 1) * (_MAX_DAYS + 1)
    land = (total_places + 1) * (trained + _MAX_DAYS + 1)
    return land, trained


def _cost(post: Post, person: Candidate, land_w: int, trained_w: int) -> int:
    days = min(max(person.unemployed_days, 0), _MAX_DAYS)
    cost = _MAX_DAYS - days
    if not person.land_lost:
        cost += land_w
    if not (post.kind and post.kind in person.trained_kinds):
        cost += trained_w
    return cost


def match(posts: Sequence[Post], candidates: Sequence[Candidate]) -> list[Proposal]:
    """Maximum number of places filled, best priority among those; proposals in post then rank order."""
    posts = [p for p in posts if p.places > 0]
    total = sum(p.places for p in posts)
    if not posts or not candidates:
        return []
    land_w, trained_w = _weights(total)
    people = sorted(candidates, key=lambda c: c.key)
    # Edges: per post its best `total` qualified people (see the module docstring).
    edges: list[list[tuple[int, int]]] = []  # post index -> [(person index, cost)]
    reasons: dict[tuple[int, int], tuple[str, ...]] = {}
    for pi, post in enumerate(posts):
        found: list[tuple[int, int]] = []
        for ci, person in enumerate(people):
            why = qualifies(post, person)
            if why is not None:
                found.append((_cost(post, person, land_w, trained_w), ci))
                reasons[(pi, ci)] = why
        found.sort()
        edges.append([(ci, cost) for cost, ci in found[:total]])
    assigned = _min_cost_flow(posts, len(people), edges)
    out: list[Proposal] = []
    by_post: dict[int, list[tuple[int, int]]] = {}
    cost_of = {(pi, ci): cost for pi, lst in enumerate(edges) for ci, cost in lst}
    for ci, pi in assigned.items():
        by_post.setdefault(pi, []).append((cost_of[(pi, ci)], ci))
    for pi in range(len(posts)):
        for _cost_value, ci in sorted(by_post.get(pi, [])):
            out.append(Proposal(posts[pi].key, people[ci].key, reasons[(pi, ci)]))
    return out


def _min_cost_flow(posts: Sequence[Post], n_people: int, edges: list[list[tuple[int, int]]]) -> dict[int, int]:
    """person index -> post index of a minimum-cost maximum b-matching (successive shortest paths).

    Nodes: 0 = source, 1..m = posts, m+1..m+n = people, m+n+1 = sink. Potentials are kept
    as ``stored + offset`` so that an early-exit Dijkstra only touches what it settled.
    """
    m = len(posts)
    source, sink = 0, m + n_people + 1
    filled = [0] * m
    assigned: dict[int, int] = {}  # person index -> post index
    cost_to: dict[tuple[int, int], int] = {}
    for pi, lst in enumerate(edges):
        for ci, cost in lst:
            cost_to[(pi, ci)] = cost
    stored: dict[int, int] = {}
    offset = 0
    inf = float("inf")
    while True:
        dist: dict[int, int] = {source: 0}
        parent: dict[int, int] = {}
        settled: list[int] = []
        done: set[int] = set()
        heap: list[tuple[int, int]] = [(0, source)]
        reached = False
        while heap:
            d, node = heapq.heappop(heap)
            if node in done or d > dist.get(node, inf):
                continue
            done.add(node)
            settled.append(node)
            if node == sink:
                reached = True
                break
            pot = d + stored.get(node, 0)  # the common offset cancels in reduced costs
            arcs: list[tuple[int, int]]
            if node == source:
                arcs = [(pi + 1, 0) for pi in range(m) if filled[pi] < posts[pi].places]
            elif node <= m:
                pi = node - 1
                arcs = [(m + 1 + ci, cost) for ci, cost in edges[pi] if assigned.get(ci) != pi]
            else:
                ci = node - m - 1
                holder = assigned.get(ci)
                arcs = [(sink, 0)] if holder is None else [(holder + 1, -cost_to[(holder, ci)])]
            for target, cost in arcs:
                nd = pot + cost - stored.get(target, 0)
                if nd < dist.get(target, inf):
                    dist[target] = nd
                    parent[target] = node
                    heapq.heappush(heap, (nd, target))
        if not reached:
            return assigned
        length = dist[sink]
        offset += length
        for node in settled:
            stored[node] = stored.get(node, 0) - (length - dist[node])
        # Walk back: sink <- person <- post (<- person <- post …) <- source.
        node = parent[sink]
        while True:
            post_node = parent[node]
            ci, pi = node - m - 1, post_node - 1
            assigned[ci] = pi
            before = parent[post_node]
            if before == source:
                filled[pi] += 1
                break
            node = before  # a person who moved from post pi to the post assigned above


def greedy_first_come(posts: Sequence[Post], candidates: Sequence[Candidate]) -> list[Proposal]:
    """What a clerk does by hand: each post in turn takes the first qualified people in list order."""
    taken: set[int] = set()
    out: list[Proposal] = []
    for post in posts:
        room = post.places
        for person in candidates:
            if room <= 0:
                break
            if person.key in taken:
                continue
            why = qualifies(post, person)
            if why is not None:
                taken.add(person.key)
                out.append(Proposal(post.key, person.key, why))
                room -= 1
    return out
