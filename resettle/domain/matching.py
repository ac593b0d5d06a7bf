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


def _eligible(post: Post, person: Candidate) -> bool:
    """:func:`qualifies` without building the reasons (the hot loop)."""
    age = person.age
    return not (
        age is None
        or (post.min_age is not None and age < post.min_age)
        or (post.max_age is not None and age > post.max_age)
        or (post.sex and person.sex != post.sex)
        or (post.certificate and post.certificate not in person.certificates)
    )


def _signature(person: Candidate) -> tuple[object, ...]:
    return (
        person.sex,
        person.age,
        person.land_lost,
        person.trained_kinds,
        person.certificates,
        min(max(person.unemployed_days, 0), _MAX_DAYS),
    )


def match(posts: Sequence[Post], candidates: Sequence[Candidate]) -> list[Proposal]:
    """Maximum number of places filled, best priority among those; proposals in post then rank order.

    People with the same facts (sex, age, land lost, trained kinds, certificates, days
    unemployed) are interchangeable for every post, so they form one node whose capacity
    is their number: a register of 100,000 has a few hundred such groups, not 100,000 nodes.
    Within a group people are taken in ``key`` order."""
    posts = [p for p in posts if p.places > 0]
    total = sum(p.places for p in posts)
    available = sorted(
        (c for c in candidates if c.working_age and c.state in AVAILABLE_FOR_WORK and c.age is not None),
        key=lambda c: c.key,
    )
    if not posts or not available:
        return []
    land_w, trained_w = _weights(total)
    groups: dict[tuple[object, ...], list[Candidate]] = {}
    for person in available:
        groups.setdefault(_signature(person), []).append(person)
    members = list(groups.values())
    sizes = [len(m) for m in members]
    # Edges: per post its best groups until they hold `total` people (see the module docstring).
    edges: list[list[tuple[int, int]]] = []  # post index -> [(group index, cost)]
    for post in posts:
        found = sorted(
            (_cost(post, m[0], land_w, trained_w), gi) for gi, m in enumerate(members) if _eligible(post, m[0])
        )
        kept: list[tuple[int, int]] = []
        held = 0
        for cost, gi in found:
            if held >= total:
                break
            kept.append((gi, cost))
            held += sizes[gi]
        edges.append(kept)
    flow = _min_cost_flow([p.places for p in posts], sizes, edges)
    out: list[Proposal] = []
    taken = [0] * len(members)
    cost_of = {(pi, gi): cost for pi, lst in enumerate(edges) for gi, cost in lst}
    for pi, post in enumerate(posts):
        for _cost_value, gi in sorted((cost_of[(pi, gi)], gi) for (fp, gi), f in flow.items() if fp == pi and f > 0):
            f = flow[(pi, gi)]
            for person in members[gi][taken[gi] : taken[gi] + f]:
                out.append(Proposal(post.key, person.key, qualifies(post, person) or ()))
            taken[gi] += f
    return out


def _min_cost_flow(
    capacity: Sequence[int], sizes: Sequence[int], edges: list[list[tuple[int, int]]]
) -> dict[tuple[int, int], int]:
    """(post index, group index) -> people of a minimum-cost maximum flow (successive shortest paths).

    Nodes: 0 = source, 1..m = posts, m+1..m+n = groups, m+n+1 = sink. Each augmentation
    carries the path's bottleneck. Potentials are kept as ``stored + offset`` so that an
    early-exit Dijkstra only touches what it settled."""
    m, n = len(capacity), len(sizes)
    source, sink = 0, m + n + 1
    filled = [0] * m
    used = [0] * n
    flow: dict[tuple[int, int], int] = {}
    holders: list[dict[int, int]] = [{} for _ in range(n)]  # group -> {post: cost} with flow > 0
    cost_to = {(pi, gi): cost for pi, lst in enumerate(edges) for gi, cost in lst}
    stored: dict[int, int] = {}
    inf = float("inf")  # float ok: an unreachable distance in the matching, not money
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
                arcs = [(pi + 1, 0) for pi in range(m) if filled[pi] < capacity[pi]]
            elif node <= m:
                arcs = [(m + 1 + gi, cost) for gi, cost in edges[node - 1]]
            else:
                gi = node - m - 1
                arcs = [(pi + 1, -cost) for pi, cost in holders[gi].items()]
                if used[gi] < sizes[gi]:
                    arcs.append((sink, 0))
            for target, cost in arcs:
                nd = pot + cost - stored.get(target, 0)
                if nd < dist.get(target, inf):
                    dist[target] = nd
                    parent[target] = node
                    heapq.heappush(heap, (nd, target))
        if not reached:
            return flow
        length = dist[sink]
        for node in settled:
            stored[node] = stored.get(node, 0) - (length - dist[node])
        # The path sink <- group <- post (<- group <- post …) <- source and its bottleneck.
        path: list[int] = []
        node = sink
        while node != source:
            path.append(node)
            node = parent[node]
        path.reverse()  # post, group, post, group, …, sink
        last = path[-2] - m - 1
        delta = min(capacity[path[0] - 1] - filled[path[0] - 1], sizes[last] - used[last])
        for i in range(1, len(path) - 2, 2):  # group -> post back arcs
            delta = min(delta, flow[(path[i + 1] - 1, path[i] - m - 1)])
        filled[path[0] - 1] += delta
        used[last] += delta
        for i in range(0, len(path) - 1, 2):
            pi, gi = path[i] - 1, path[i + 1] - m - 1
            flow[(pi, gi)] = flow.get((pi, gi), 0) + delta
            holders[gi][pi] = cost_to[(pi, gi)]
            if i + 2 < len(path) - 1:  # the group passes people back to the next post on the path
                back = path[i + 2] - 1
                flow[(back, gi)] -= delta
                if flow[(back, gi)] == 0:
                    del flow[(back, gi)]
                    del holders[gi][back]


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
