"""The chain head kept outside the database: ``NAME.sqlite3.witness`` beside the file.

The audit chain inside the file proves that no entry was changed in place; it cannot
prove that the newest entries were not cut off, or that the whole chain (and the data)
was not rewritten and re-hashed, or that the file was not swapped for an older copy.
The witness records the head after every committed write (and every deliberate restore
through the program), so ``resettle check`` can compare: the file's chain must still hold
the witnessed entry with the witnessed hash, and must not have grown behind the witness.

Someone who can rewrite the witness file too defeats it; the heads in backup sidecars
and on printed lists are the further witnesses (see docs/check.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from resettle.store.audit import ChainHead

SUFFIX = ".witness"
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()
MAX_KEPT = 50


@dataclass(frozen=True)
class RestoreRecord:
    """A restore done through the program (``Database.restore_from``)."""

    at: str  # UTC ISO time
    source: str  # backup file name
    before: ChainHead
    after: ChainHead


@dataclass(frozen=True)
class Gap:
    """A write through the program found the chain not where the witness left it."""

    at: str
    witnessed: ChainHead
    found: ChainHead


@dataclass(frozen=True)
class Witness:
    head: ChainHead
    updated_at: str
    started_at: str  # when this witness file was first written
    started_head: ChainHead  # the head it first saw (entries before it were never witnessed)
    restores: tuple[RestoreRecord, ...] = field(default=())
    gaps: tuple[Gap, ...] = field(default=())
    # The head a write is committing right now: written before the commit, cleared after it, so a
    # process killed in between leaves a witness that accepts either outcome of that one commit.
    pending: ChainHead | None = None

    def accepts(self, head: ChainHead) -> bool:
        """Whether ``head`` is where the witness says the chain is (or may just have got to)."""
        return head == self.head or head == self.pending


def lock_for(db_path: Path) -> threading.Lock:
    """Held around commit + witness update, so two threads' saves reach the witness in commit order."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(db_path, threading.Lock())


def path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _head(raw: Any) -> ChainHead:
    return ChainHead(int(raw["seq"]), str(raw["hash"]))


def _head_json(head: ChainHead) -> dict[str, Any]:
    return {"seq": head.seq, "hash": head.hash}


def load(db_path: Path) -> Witness | None:
    """The witness beside ``db_path``; None when absent or unreadable."""
    try:
        raw = json.loads(path_for(db_path).read_text(encoding="utf-8"))
        return Witness(
            head=_head(raw["head"]),
            updated_at=str(raw.get("updated_at", "")),
            started_at=str(raw.get("started_at", "")),
            started_head=_head(raw.get("started_head", raw["head"])),
            restores=tuple(
                RestoreRecord(str(r["at"]), str(r["source"]), _head(r["before"]), _head(r["after"]))
                for r in raw.get("restores", ())
            ),
            gaps=tuple(Gap(str(g["at"]), _head(g["witnessed"]), _head(g["found"])) for g in raw.get("gaps", ())),
            pending=_head(raw["pending"]) if raw.get("pending") else None,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save(db_path: Path, w: Witness) -> None:
    payload = {
        "format": 1,
        "head": _head_json(w.head),
        "updated_at": w.updated_at,
        "started_at": w.started_at,
        "started_head": _head_json(w.started_head),
        "restores": [
            {"at": r.at, "source": r.source, "before": _head_json(r.before), "after": _head_json(r.after)}
            for r in w.restores[-MAX_KEPT:]
        ],
        "pending": _head_json(w.pending) if w.pending else None,
        "gaps": [
            {"at": g.at, "witnessed": _head_json(g.witnessed), "found": _head_json(g.found)} for g in w.gaps[-MAX_KEPT:]
        ],
    }
    target = path_for(db_path)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        # A witness that cannot be written must not lose the clerk's save; check reports it stale.
        with contextlib.suppress(OSError):
            tmp.unlink()


def start(db_path: Path, head: ChainHead) -> None:
    """Create the witness for a file that has none (new register, or first run of this version)."""
    if load(db_path) is None:
        now = _now()
        _save(db_path, Witness(head, now, now, head))


def expect(db_path: Path, before: ChainHead, after: ChainHead) -> None:
    """Just before a write commits, moving the head from ``before`` to ``after``.

    When ``before`` is not where the witness left the chain, the chain was changed outside the
    program since the last witnessed write: the gap is kept in the witness and reported by check."""
    current = load(db_path)
    now = _now()
    if current is None:
        _save(db_path, Witness(before, now, now, before, pending=after))
        return
    if current.pending is not None and before == current.pending:
        current = replace(current, head=before)  # the last write landed though its process died
    gaps = current.gaps if before == current.head else (*current.gaps, Gap(now, current.head, before))
    _save(db_path, replace(current, updated_at=now, gaps=gaps, pending=after))


def advance(db_path: Path, before: ChainHead, after: ChainHead) -> None:
    """Record a committed write that moved the head from ``before`` to ``after`` as confirmed."""
    current = load(db_path)
    if current is None or current.pending != after:
        expect(db_path, before, after)  # not announced: check continuity now
        current = load(db_path)
    if current is not None:
        _save(db_path, replace(current, head=after, updated_at=_now(), pending=None))


def record_restore(db_path: Path, before: ChainHead, after: ChainHead, source: str) -> None:
    """A deliberate restore: the witness follows the restored file and keeps a note of it."""
    current = load(db_path)
    now = _now()
    note = RestoreRecord(now, source, before, after)
    if current is None:
        _save(db_path, Witness(after, now, now, after, (note,)))
        return
    _save(db_path, replace(current, head=after, updated_at=now, restores=(*current.restores, note), pending=None))
