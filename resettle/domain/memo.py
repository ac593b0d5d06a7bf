"""Results kept to avoid repeating work, kept only while they are asked for again.

A county's compute prices hundreds of thousands of households. Many of their lines recur (persons,
户, common areas) and are worth keeping; others almost never do (house areas, decoration values),
and keeping them only fills memory. A :class:`Keeping` counts how often its results were asked for
and how often they had to be made; once it has made ``TRIAL`` of them and most were asked for only
once, it stops keeping new ones (those already kept still serve). ``LIMIT`` bounds any one store.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["LIMIT", "TRIAL", "Keeping", "Memo"]

K = TypeVar("K")
V = TypeVar("V")

TRIAL = 1024  # results made before judging whether keeping them pays
LIMIT = 1 << 17  # results kept at most in one store (cleared when full)


class Keeping:
    """The counts behind the decision; ``asked`` is counted by the caller on every lookup."""

    __slots__ = ("asked", "keeps", "made")

    def __init__(self) -> None:
        self.asked = 0
        self.made = 0
        self.keeps = True

    def worth_keeping(self) -> bool:
        """Count one result made (a miss) and say whether to keep it."""
        self.made += 1
        if self.keeps and self.made >= TRIAL and self.made * 2 > self.asked:  # over half asked for once
            self.keeps = False
        return self.keeps


class Memo(Keeping, Generic[K, V]):
    """A dict of results with the :class:`Keeping` rule: ``get`` is the dict's own."""

    __slots__ = ("get", "kept")

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[K, V] = {}
        self.get = self.kept.get

    def keep(self, key: K, value: V) -> None:
        """After a miss: count it and keep ``value`` if results here are asked for again."""
        if self.worth_keeping():
            if len(self.kept) >= LIMIT:
                self.kept.clear()
            self.kept[key] = value

    def __len__(self) -> int:
        return len(self.kept)
