"""Seals and audit content digests of compensation lines, built from per-rule templates.

A compute writes hundreds of thousands of lines, and each needs a seal (``store.seal.seal_of``)
and a share of its household's content digest (``store.replay.stored_rows_digest``). Within one
rule's lines only six values vary: row id, household, sequence number, quantity, amount and
formula. So each rule's line is encoded once *by the store's own functions* with sentinels in
those six places, the text is cut at the sentinels, and each row is the pieces with its values
put in (encoded as the store encodes them: JSON text, and the replay's conversion of each column).

The store stays the definition: :meth:`LineEncoder.verify` checks a real household against
``seal_of`` and ``stored_rows_digest`` (the first of every chunk), and the encoder calls them for
every row from then on if they ever disagree or a template cannot be cut.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from json.encoder import encode_basestring
from typing import Any

from resettle.domain.compensation import Line, line_digest_part
from resettle.store import compensation_models as _models  # noqa: F401 - the replay's specs must include them
from resettle.store import replay
from resettle.store.seal import canonical, seal_of

__all__ = ["LineEncoder", "quantity_units", "quick_seal"]

LINE_TABLE = "compensation_line"
_QUANTUM = Decimal("0.0001")
# Stand-ins for the values that vary within a rule: unlikely numbers, and one unlikely text.
_ID, _HID, _SEQ, _QTY, _AMT = (918_273_645_546_372, 827_364_554_637_281, 736_455_463_728_190,
                               645_546_372_819_073, 554_637_281_907_364)  # fmt: skip
_FORMULA = "ZQX-formula-ZQX"
_VARYING = ("household_id", "seq", "quantity", "amount", "formula")  # columns besides the id
_PLAIN = (int, str, type(None))
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
Text = Callable[[Any], str | None]


def quantity_units(q: Decimal) -> int:
    return int(q.quantize(_QUANTUM, rounding=ROUND_HALF_UP).scaleb(4))


def quick_seal(table: str, row_id: int, stored: Sequence[Any]) -> str:
    """``seal_of`` without its per-value conversion where values are plain (ints, text, None)."""
    values = [v if type(v) in _PLAIN else canonical(v) for v in stored]
    return hashlib.sha256(_ENCODE([table, row_id, *values]).encode("utf-8")).hexdigest()[:32]


def _cut(text: str, marks: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """``text`` cut at each mark (each exactly once): (pieces, index of the value after each piece)."""
    pattern = re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))
    found = [marks[m.group(0)] for m in pattern.finditer(text)]
    if sorted(found) != sorted(marks.values()):
        return None
    return tuple(pattern.split(text)), tuple(found)


def _state_texts() -> dict[str, Text]:
    """How the replay writes each varying column: its converter, or plain text."""
    spec = replay.table_specs()[LINE_TABLE]
    texts: dict[str, Text] = {}
    for column in _VARYING:
        conv = spec.converters[spec.columns.index(column)]
        texts[column] = conv if conv is not None else (lambda v: v if type(v) is str else str(v))
    return texts


class _Template:
    """One rule's line, cut: seal and digest as format strings with the varying values' places."""

    __slots__ = ("digest", "seal")

    def __init__(self, head: tuple[Any, ...], table_id: int, texts: dict[str, Text]) -> None:
        code, item, basis, unit, price, payee, version = head
        stored = (_HID, table_id, _SEQ, code, item, basis, _QTY, unit, price, _AMT, payee, version, _FORMULA)
        values = [_ID, _HID, _SEQ, _QTY, _AMT, _FORMULA]  # {0}…{5} in the format strings
        self.seal: str | None = None
        self.digest: str | None = None
        seal_text = _ENCODE([LINE_TABLE, _ID, *(canonical(v) for v in stored)])
        seal = _cut(seal_text, {str(v) if isinstance(v, int) else _ENCODE(v): i for i, v in enumerate(values)})
        state = replay.table_specs()[LINE_TABLE].state_from_sealed(stored)
        row_text = json.dumps([LINE_TABLE, _ID, sorted(state.items())], ensure_ascii=False, separators=(",", ":"))
        marks = {str(_ID): 0}
        for i, (column, sentinel) in enumerate(zip(_VARYING, values[1:], strict=True), start=1):
            shown = texts[column](sentinel)
            if shown is None or shown == "":
                return
            marks[_ENCODE(shown)] = i
        digest = _cut(row_text, marks)
        if seal is not None and digest is not None:
            self.seal, self.digest = _format(seal), _format(digest)


def _format(cut: tuple[tuple[str, ...], tuple[int, ...]]) -> str:
    """Pieces and value indexes as one ``str.format`` pattern."""
    pieces, order = cut
    out = [pieces[0].replace("{", "{{").replace("}", "}}")]
    for index, piece in zip(order, pieces[1:], strict=True):
        out.append(f"{{{index}}}")
        out.append(piece.replace("{", "{{").replace("}", "}}"))
    return "".join(out)


class LineEncoder:
    """Rows, seals and the content digest of households' lines, for one compute (one table id)."""

    def __init__(self, table_id: int) -> None:
        self.table_id = table_id
        self.templates: dict[tuple[Any, ...], _Template] = {}
        self.known: dict[Line, tuple[int, str, str, str, str, str]] = {}
        self.parts: dict[Line, str] = {}
        self.texts = _state_texts()
        self.trusted = False  # set by verify(); False: the store's functions are called for every row
        self.broken = False  # the templates disagreed with the store once: never trusted again

    def _known(self, ln: Line) -> tuple[int, str, str, str, str, str] | None:
        """(quantity as stored, formula and both shown amounts as JSON, seal and digest patterns) of a
        distinct line, or None when its rows must go through the store's functions."""
        hit = self.known.get(ln)
        if hit is None:
            if len(self.known) > 1 << 17:
                self.known.clear()
            head = (ln.rule_code, ln.item, ln.basis, ln.unit, ln.unit_price_fen, ln.payee, ln.table_version)
            t = self.templates.get(head)
            if t is None:
                if len(self.templates) > 4096:  # refusal lines each have their own head
                    self.templates.clear()
                t = self.templates[head] = _Template(head, self.table_id, self.texts)
            q = quantity_units(ln.quantity)
            texts = self.texts
            shown_q, shown_amount = texts["quantity"](q), texts["amount"](ln.amount_fen)
            if t.seal is None or t.digest is None or not ln.formula or not shown_q or not shown_amount:
                hit = self.known[ln] = (q, "", "", "", "", "")
            else:
                formula = encode_basestring(ln.formula)
                hit = self.known[ln] = (q, formula, _ENCODE(shown_q), _ENCODE(shown_amount), t.seal, t.digest)
        return hit if hit[4] else None

    def rows(self, hid: int, lines: Sequence[Line], ids: Sequence[int]) -> tuple[list[tuple[Any, ...]], str]:
        """(rows to insert: id, version, seal, values…, with ``ids`` (ascending) in line order;
        the rows' content digest as ``replay.stored_rows_digest`` gives it)."""
        tid = self.table_id
        hid_shown = _ENCODE(self.texts["household_id"](hid))
        seq_text = self.texts["seq"]
        out: list[tuple[Any, ...]] = []
        parts: list[str] = []
        trusted = self.trusted
        sha = hashlib.sha256
        for seq, ln in enumerate(lines, start=1):
            row_id = ids[seq - 1]
            known = self._known(ln) if trusted else None
            if known is not None:
                q, formula, shown_q, shown_amount, seal_format, digest_format = known
                seal = sha(seal_format.format(row_id, hid, seq, q, ln.amount_fen, formula).encode()).hexdigest()[:32]
                parts.append(
                    digest_format.format(row_id, hid_shown, _ENCODE(seq_text(seq)), shown_q, shown_amount, formula)
                )
            else:
                q = quantity_units(ln.quantity)
                seal = ""
                trusted = False
            values = (hid, tid, seq, ln.rule_code, ln.item, ln.basis, q, ln.unit, ln.unit_price_fen,
                      ln.amount_fen, ln.payee, ln.table_version, ln.formula)  # fmt: skip
            out.append((row_id, 1, seal or seal_of(LINE_TABLE, row_id, values), *values))
        if trusted:
            digest = sha(f"[{','.join(parts)}]".encode()).hexdigest()[:32]
        else:
            digest = replay.stored_rows_digest([(LINE_TABLE, row[0], row[3:]) for row in out])
        return out, digest

    def verify(self, hid: int, lines: Sequence[Line], ids: Sequence[int]) -> None:
        """Trust the templates only if they give the store's seals and digest for this household."""
        if self.broken:
            return
        self.trusted = True
        rows, digest = self.rows(hid, lines, ids)
        expected = [(LINE_TABLE, row[0], row[3:]) for row in rows]
        same = digest == replay.stored_rows_digest(expected) and all(
            row[2] == seal_of(LINE_TABLE, row[0], row[3:]) for row in rows
        )
        if not same:
            self.trusted, self.broken = False, True

    def digest_parts(self, lines: Sequence[Line]) -> list[str]:
        """Each line's share of ``domain.compensation.lines_digest`` (kept per distinct line)."""
        parts = self.parts
        out = []
        for ln in lines:
            p = parts.get(ln)
            if p is None:
                if len(parts) > 1 << 17:
                    parts.clear()
                p = parts[ln] = line_digest_part(ln)
            out.append(p)
        return out
