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
from resettle.domain.memo import LIMIT, Keeping
from resettle.store import compensation_models as _models  # noqa: F401 - the replay's specs must include them
from resettle.store import replay
from resettle.store.seal import canonical, seal_of

__all__ = ["LineEncoder", "StateEncoder", "quantity_units", "quick_seal"]

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


def _scalar(v: Any) -> str:
    """JSON of one value as ``json.dumps`` writes it, quickly for text, integers and None."""
    kind = type(v)
    if kind is str:
        return str(encode_basestring(v))
    if kind is int:
        return str(v)
    return "null" if v is None else _ENCODE(v)


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


class _Template(Keeping):
    """One rule's line, cut: seal and digest as format strings with the varying values' places.

    It also counts how often its lines are asked for and made: a rule whose lines rarely recur
    soon stops having them kept (:class:`resettle.domain.memo.Keeping`)."""

    __slots__ = ("digest", "seal")

    def __init__(self, head: tuple[Any, ...], table_id: int, texts: dict[str, Text]) -> None:
        super().__init__()
        code, item, basis, unit, price, payee, version = head
        stored = (_HID, table_id, _SEQ, code, item, basis, _QTY, unit, price, _AMT, payee, version, _FORMULA)
        values = [_ID, _HID, _SEQ, _QTY, _AMT, _FORMULA]  # {0}…{5} in the format strings
        self.seal: tuple[str, str, str, str] | None = None
        self.digest: tuple[str, str, str, str] | None = None
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
            self.seal, self.digest = _plan(seal), _plan(digest)


Cut = tuple[tuple[str, ...], tuple[int, ...]]


def _plan(cut: Cut | None) -> tuple[str, str, str, str] | None:
    """A rule's cut text as four ``str.format`` patterns around row id, household and sequence
    number (values 0, 1, 2, which must come in that order); {3} {4} {5} are the line's own values."""
    if cut is None:
        return None
    pieces, order = cut
    segments = [[_brace(pieces[0])]]
    varying = []
    for index, piece in zip(order, pieces[1:], strict=True):
        if index < 3:
            varying.append(index)
            segments.append([_brace(piece)])
        else:
            segments[-1].append(f"{{{index}}}{_brace(piece)}")
    if varying != [0, 1, 2]:
        return None
    a, b, c, d = ("".join(seg) for seg in segments)
    return a, b, c, d


def _brace(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _prefill(plan: tuple[str, str, str, str] | None, values: tuple[str, ...]) -> Pieces | None:
    """A line's four pieces: the plan with its own values (3, 4, 5) put in (one ``format`` of the
    four joined by NUL when neither they nor the values hold one)."""
    if plan is None:
        return None
    joined = "\0".join(plan)
    if "\0" not in "".join(values) and joined.count("\0") == 3:
        a, b, c, d = joined.format(*values).split("\0")
        return a, b, c, d
    a, b, c, d = plan
    return a.format(*values), b.format(*values), c.format(*values), d.format(*values)


def _format(cut: Cut) -> str:
    """Pieces and value indexes as one ``str.format`` pattern."""
    pieces, order = cut
    out = [pieces[0].replace("{", "{{").replace("}", "}}")]
    for index, piece in zip(order, pieces[1:], strict=True):
        out.append(f"{{{index}}}")
        out.append(piece.replace("{", "{{").replace("}", "}}"))
    return "".join(out)


Pieces = tuple[str, str, str, str]
_Known = tuple[Line, tuple[Any, ...], Pieces | None, Pieces | None, str, _Template]


class LineEncoder:
    """Rows, seals and the content digest of households' lines, for one compute (one table id)."""

    def __init__(self, table_id: int) -> None:
        self.table_id = table_id
        self.templates: dict[tuple[Any, ...], _Template] = {}
        self.known: dict[int, _Known] = {}
        self.seq_shown: list[str] = []
        self.texts = _state_texts()
        self.shown_q: dict[int, str | None] = {}  # the replay's text of a stored quantity / amount
        self.shown_amount: dict[int, str | None] = {}
        self.trusted = False  # set by verify(); False: the store's functions are called for every row
        self.broken = False  # the templates disagreed with the store once: never trusted again

    def _known(self, ln: Line) -> _Known:
        """A distinct line's stored values after ``seq`` and its seal and digest text cut where the
        row id, household and sequence number go (``None`` pieces: the store's functions must do
        it). Kept by the line's identity (the engine hands out one object per distinct line), the
        line held with it so that the identity stays its own."""
        if len(self.known) >= LIMIT:
            self.known.clear()
        if len(self.shown_q) >= LIMIT:
            self.shown_q.clear()
        if len(self.shown_amount) >= LIMIT:
            self.shown_amount.clear()
        head = (ln.rule_code, ln.item, ln.basis, ln.unit, ln.unit_price_fen, ln.payee, ln.table_version)
        t = self.templates.get(head)
        if t is None:
            if len(self.templates) > 4096:  # refusal lines each have their own head
                self.templates.clear()
            t = self.templates[head] = _Template(head, self.table_id, self.texts)
        t.asked += 1
        q = quantity_units(ln.quantity)
        tail = (ln.rule_code, ln.item, ln.basis, q, ln.unit, ln.unit_price_fen, ln.amount_fen, ln.payee,
                ln.table_version, ln.formula)  # fmt: skip
        shown_q = self.shown_q.get(q)
        if shown_q is None:
            shown_q = self.shown_q[q] = self.texts["quantity"](q)
        shown_amount = self.shown_amount.get(ln.amount_fen)
        if shown_amount is None:
            shown_amount = self.shown_amount[ln.amount_fen] = self.texts["amount"](ln.amount_fen)
        seal = digest = None
        if t.seal is not None and t.digest is not None and ln.formula and shown_q and shown_amount:
            formula = encode_basestring(ln.formula)
            seal = _prefill(t.seal, ("", "", "", str(q), str(ln.amount_fen), formula))
            digest = _prefill(t.digest, ("", "", "", _scalar(shown_q), _scalar(shown_amount), formula))
        part = line_digest_part(ln)
        known: _Known = (ln, tail, seal, digest, part, t) if seal and digest else (ln, tail, None, None, part, t)
        if t.worth_keeping():
            self.known[id(ln)] = known
        return known

    def rows(
        self, hid: int, lines: Sequence[Line], ids: Sequence[int], hits: Sequence[_Known] | None = None
    ) -> tuple[list[tuple[Any, ...]], str]:
        """(rows to insert: id, version, seal, values…, with ``ids`` (ascending) in line order;
        the rows' content digest as ``replay.stored_rows_digest`` gives it). ``hits``: what
        :meth:`known_of` gave for ``lines``."""
        if hits is None:
            hits = self.known_of(lines)
        tid = self.table_id
        hid_shown = _scalar(self.texts["household_id"](hid))
        seq_shown = self.seq_shown
        while len(seq_shown) <= len(lines):
            seq_shown.append(_scalar(self.texts["seq"](len(seq_shown))))
        out: list[tuple[Any, ...]] = []
        parts: list[str] = []
        trusted = self.trusted
        sha = hashlib.sha256
        for seq, hit in enumerate(hits, start=1):
            row_id = ids[seq - 1]
            _line, tail, seal_pieces, digest_pieces, _part, _template = hit
            if trusted and seal_pieces is not None and digest_pieces is not None:
                s0, s1, s2, s3 = seal_pieces
                seal = sha(f"{s0}{row_id}{s1}{hid}{s2}{seq}{s3}".encode()).hexdigest()[:32]
                d0, d1, d2, d3 = digest_pieces
                parts.append(f"{d0}{row_id}{d1}{hid_shown}{d2}{seq_shown[seq]}{d3}")
            else:
                seal = seal_of(LINE_TABLE, row_id, (hid, tid, seq, *tail))
                trusted = False
            out.append((row_id, 1, seal, hid, tid, seq, *tail))
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

    def known_of(self, lines: Sequence[Line]) -> list[_Known]:
        """What is kept of each line (by the line's identity)."""
        cached = self.known.get
        out = []
        for ln in lines:
            hit = cached(id(ln))
            if hit is None or hit[0] is not ln:
                hit = self._known(ln)
            else:
                hit[5].asked += 1
            out.append(hit)
        return out

    def digest_parts(self, lines: Sequence[Line]) -> list[str]:
        """Each line's share of ``domain.compensation.lines_digest`` (kept per distinct line)."""
        return [hit[4] for hit in self.known_of(lines)]


class StateEncoder:
    """Seal and content digest of ``household_compensation`` rows as compute writes them: the
    household, total, lines digest and fingerprint vary; rows alike in everything else share a
    pattern (made by the store's functions with sentinels, as for lines)."""

    TABLE = "household_compensation"
    _SENTINELS: dict[str, Any] = {  # noqa: RUF012 - constant
        "household_id": 827_364_554_637_281,
        "total": 554_637_281_907_364,
        "lines_digest": "ZQX-lines-ZQX",
        "inputs_digest": "ZQX-inputs-ZQX",
    }

    def __init__(self, columns: Sequence[str]) -> None:
        spec = replay.table_specs()[self.TABLE]
        self.columns = list(columns)
        self.varying = [self.columns.index(c) for c in self._SENTINELS]
        self.audited = [c in spec.columns for c in self._SENTINELS]
        self.texts: list[Text] = []
        for column in self._SENTINELS:
            conv = spec.converters[spec.columns.index(column)] if column in spec.columns else None
            self.texts.append(conv if conv is not None else (lambda v: v if type(v) is str else str(v)))
        self.patterns: dict[tuple[Any, ...], tuple[str, str] | None] = {}
        self.alike: tuple[tuple[str, str] | None] | None = None  # encode_alike's pattern, once found
        self.trusted = True

    def _pattern(self, stored: Sequence[Any]) -> tuple[str, str] | None:
        key = list(stored)
        for i in self.varying:
            key[i] = None
        k = tuple(key)
        if k in self.patterns:
            return self.patterns[k]
        if len(self.patterns) > 4096:
            self.patterns.clear()
        sentinels = list(self._SENTINELS.values())
        row = list(stored)
        for i, sentinel in zip(self.varying, sentinels, strict=True):
            row[i] = sentinel
        values = [_ID, *sentinels]  # {0} the row id, {1}… the varying columns
        seal_marks = {str(v) if isinstance(v, int) else _ENCODE(v): i for i, v in enumerate(values)}
        seal = _cut(_ENCODE([self.TABLE, _ID, *(v if type(v) in _PLAIN else canonical(v) for v in row)]), seal_marks)
        state = replay.table_specs()[self.TABLE].state_from_sealed(row)
        text = json.dumps([self.TABLE, _ID, sorted(state.items())], ensure_ascii=False, separators=(",", ":"))
        marks = {str(_ID): 0}
        for i, (audited, shown, sentinel) in enumerate(zip(self.audited, self.texts, sentinels, strict=True), 1):
            if audited:
                marks[_ENCODE(shown(sentinel))] = i
        digest = _cut(text, marks)
        pattern = (_format(seal), _format(digest)) if seal is not None and digest is not None else None
        self.patterns[k] = pattern
        return pattern

    def encode_alike(self, row_id: int, stored: Sequence[Any]) -> tuple[str, str]:
        """:meth:`encode` for rows alike but for the varying columns (a compute's first results):
        their pattern is looked up once."""
        if not self.trusted:
            return self.encode(row_id, stored)
        if self.alike is None:
            self.alike = (self._pattern(stored),)
        return self.encode(row_id, stored, self.alike[0])

    def encode(self, row_id: int, stored: Sequence[Any], pattern: tuple[str, str] | None = None) -> tuple[str, str]:
        """(seal, content digest of this one row) as ``seal_of`` and ``stored_rows_digest`` give them."""
        varying = [stored[i] for i in self.varying]
        if pattern is None:
            pattern = self._pattern(stored) if self.trusted else None
        if pattern is not None:
            shown = [t(v) for t, v in zip(self.texts, varying, strict=True)]
            if all(shown) and all(type(v) in _PLAIN for v in varying):
                seal_format, digest_format = pattern
                seal_text = seal_format.format(row_id, *map(_scalar, varying))
                part = digest_format.format(row_id, *map(_scalar, shown))
                sha = hashlib.sha256
                return sha(seal_text.encode()).hexdigest()[:32], sha(f"[{part}]".encode()).hexdigest()[:32]
        return seal_of(self.TABLE, row_id, stored), replay.stored_rows_digest([(self.TABLE, row_id, stored)])

    def verify(self, row_id: int, stored: Sequence[Any]) -> None:
        """Use the patterns only while they give the store's seal and digest (checked once per chunk)."""
        if not self.trusted:
            return
        expected = (seal_of(self.TABLE, row_id, stored), replay.stored_rows_digest([(self.TABLE, row_id, stored)]))
        if self.encode(row_id, stored) != expected:
            self.trusted = False
