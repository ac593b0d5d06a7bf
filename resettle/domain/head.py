"""Who the head of a household (户主) is among its members: one rule for every list and document.

The first member recorded with a head relation (户主, 本人, 户主本人); else the first member
named like the household's head; else the first member. Members are taken in their order
(``seq``, then id). The roster, the one-row lists (公示表, 兑付清册), the printed documents
and the payment batches all print the ID number of this member.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["HEAD_RELATIONS", "head_index", "head_member"]

HEAD_RELATIONS = ("户主", "本人", "户主本人")

T = TypeVar("T")


def head_index(members: Sequence[tuple[str, str]], head_name: str) -> int | None:
    """Index of the head among ``(name, relation)`` pairs in member order; None without members."""
    for i, (_name, relation) in enumerate(members):
        if relation in HEAD_RELATIONS:
            return i
    for i, (name, _relation) in enumerate(members):
        if name == head_name:
            return i
    return 0 if members else None


def head_member(
    members: Sequence[T], head_name: str, name: Callable[[T], str], relation: Callable[[T], str]
) -> T | None:
    """The head among ``members`` (any objects; ``name`` and ``relation`` read them)."""
    index = head_index([(name(m), relation(m)) for m in members], head_name)
    return None if index is None else members[index]
