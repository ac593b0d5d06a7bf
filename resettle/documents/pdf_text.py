"""Making the text layer of a written PDF say what was printed.

Qt's PDF engine writes, for each embedded font, a ToUnicode map (glyph -> character) that
search, copy and text extraction use. It builds that map backwards from the font's
character map, taking for each glyph the *lowest* code point that maps to it. A font that
draws two characters with one glyph therefore gets the wrong one: the Noto CJK fonts
(Debian's default Chinese fonts) draw the Kangxi radical ⼾ (U+2F3E) and the ideograph 户
(U+6237) with one glyph, so a notice printed in them read ``⼾号``, ``项⽬``, ``第1⻚``, and
the ideographic space came out as an em space.

:func:`repair_text_layer` fixes that after the file is written: in each ToUnicode map, a
character that was never printed is replaced by the printed character that the same font
draws with the same glyph. What was printed is known exactly (render.py collects it), so
nothing is guessed from tables of look-alike characters. The corrected maps are appended as
a standard PDF incremental update (new versions of those objects and an xref section that
points back to Qt's), so nothing Qt wrote is rewritten or moved.

Qt's map is also built from the BMP only, so a glyph drawn for a character beyond it (a rare
character in a name: CJK Extension B and later) gets no entry and vanishes from the text.
Qt numbers the glyphs of each embedded font in the order they are first drawn, so the
missing numbers, in order, belong to the beyond-BMP glyphs in the order they were first
drawn: :class:`GlyphLog` records those while the pages are painted (font, glyph, character)
and the repair fills them in, but only when the counts agree (otherwise it leaves the font
alone rather than guess). render.py turns shaping off (``PreferNoShaping``) so that Latin
letters and digits always use their plain glyphs and never become unmapped alternates.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont, QTextDocument

__all__ = ["GlyphLog", "GlyphLookup", "parse_to_unicode", "postscript_name", "repair_text_layer", "write_to_unicode"]

_TO_UNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/\[\]<>()]+)")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)
_STREAM_HEAD = re.compile(rb"(\d+)\s+0\s+obj\s*<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|(\[)|(\])|([A-Za-z]+)|(-?\d+)")
_CMAP_HEADER = (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
_CMAP_FOOTER = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="surrogatepass")


def parse_to_unicode(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap (bfchar and bfrange sections) as code -> text."""
    mapping: dict[int, str] = {}
    tokens = list(_TOKEN.finditer(data))
    section = b""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.group(4)
        if word is not None:
            section = word if word in (b"beginbfchar", b"beginbfrange") else b""
            i += 1
            continue
        if section == b"beginbfchar" and tok.group(1) is not None and i + 1 < len(tokens):
            mapping[int(tok.group(1), 16)] = _utf16(tokens[i + 1].group(1) or b"")
            i += 2
            continue
        if section == b"beginbfrange" and tok.group(1) is not None and i + 2 < len(tokens):
            lo, hi = int(tok.group(1), 16), int(tokens[i + 1].group(1) or b"0", 16)
            target = tokens[i + 2]
            if target.group(2) is not None:  # <lo> <hi> [<dst> <dst> ...]
                j = i + 3
                code = lo
                while j < len(tokens) and tokens[j].group(3) is None:
                    if tokens[j].group(1) is not None and code <= hi:
                        mapping[code] = _utf16(tokens[j].group(1))
                        code += 1
                    j += 1
                i = j + 1
            else:  # <lo> <hi> <dst>: consecutive characters from dst
                base = _utf16(target.group(1) or b"")
                for offset, code in enumerate(range(lo, hi + 1)):
                    mapping[code] = base[:-1] + chr(ord(base[-1]) + offset) if base else ""
                i += 3
            continue
        i += 1
    return mapping


def write_to_unicode(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap for ``mapping`` (bfchar sections of at most 100 entries, as the spec allows)."""
    lines = [_CMAP_HEADER]
    codes = sorted(mapping)
    for start in range(0, len(codes), 100):
        block = codes[start : start + 100]
        lines.append(f"{len(block)} beginbfchar\n")
        for code in block:
            text = mapping[code].encode("utf-16-be", errors="surrogatepass").hex().upper()
            lines.append(f"<{code:04X}> <{text or '0000'}>\n")
        lines.append("endbfchar\n")
    lines.append(_CMAP_FOOTER)
    return "".join(lines).encode("ascii")


class GlyphLookup:
    """Which printed character a font draws with the glyph of a given character."""

    def __init__(self, families: Iterable[str], printed: Iterable[str]) -> None:
        chars = sorted({ch for ch in printed if ch.isprintable() or ch == "\u3000"})
        self._fonts: list[tuple[QRawFont, dict[int, str]]] = []
        for family in dict.fromkeys(families):
            for bold in (False, True):
                font = QFont(family)
                font.setBold(bold)
                raw = QRawFont.fromFont(font)
                if not raw.isValid():
                    continue
                by_glyph: dict[int, str] = {}
                for ch in chars:
                    glyphs = raw.glyphIndexesForString(ch)
                    if len(glyphs) == 1 and glyphs[0]:
                        by_glyph.setdefault(int(glyphs[0]), ch)
                self._fonts.append((raw, by_glyph))

    def printed_twin(self, text: str) -> str | None:
        """The printed character one of the fonts draws with the same glyph as ``text``."""
        for raw, by_glyph in self._fonts:
            glyphs = raw.glyphIndexesForString(text)
            if len(glyphs) == 1 and glyphs[0] and int(glyphs[0]) in by_glyph:
                return by_glyph[int(glyphs[0])]
        return None


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name table, name ID 6): what QPdfWriter writes as /BaseFont."""
    table = bytes(raw.fontTable("name").data())
    if len(table) < 6:
        return ""
    count, strings = int.from_bytes(table[2:4], "big"), int.from_bytes(table[4:6], "big")
    for i in range(count):
        record = table[6 + 12 * i : 18 + 12 * i]
        if len(record) < 12:
            break
        platform, _encoding, _language, name_id, length, offset = (
            int.from_bytes(record[k : k + 2], "big") for k in range(0, 12, 2)
        )
        if name_id != 6:
            continue
        data = table[strings + offset : strings + offset + length]
        return data.decode("utf-16-be", errors="replace") if platform in (0, 3) else data.decode("latin-1")
    return ""


class GlyphLog:
    """Characters beyond the BMP as they are first drawn: PostScript name -> {glyph: character}."""

    def __init__(self) -> None:
        self.fonts: dict[str, dict[int, str]] = {}
        self._names: dict[tuple[str, str, int], str] = {}

    def add_document(self, text: QTextDocument) -> None:
        """Record the beyond-BMP characters of a laid-out document, in block (= painting) order."""
        if not any(ord(ch) > 0xFFFF for ch in text.toRawText()):
            return
        block = text.begin()
        while block.isValid():
            content = block.text()
            layout = block.layout()
            for i, ch in enumerate(content):
                if ord(ch) <= 0xFFFF:
                    continue
                position = len(content[:i].encode("utf-16-le")) // 2  # Qt counts UTF-16 units
                for run in layout.glyphRuns(position, 2):
                    raw = run.rawFont()
                    key = (raw.familyName(), raw.styleName(), int(raw.weight()))
                    name = self._names.get(key)
                    if name is None:
                        name = self._names[key] = postscript_name(raw)
                    for glyph in run.glyphIndexes():
                        if glyph:
                            self.fonts.setdefault(name, {}).setdefault(int(glyph), ch)
            block = block.next()


def _fill_beyond_bmp(mapping: dict[int, str], drawn: list[str]) -> dict[int, str]:
    """``mapping`` with its missing codes given the beyond-BMP characters ``drawn`` (first-use order)."""
    top = max(mapping, default=0)
    gaps = [code for code in range(1, top + 1) if code not in mapping]
    if len(gaps) > len(drawn):
        return mapping  # more holes than characters we know of: do not guess
    missing = gaps + list(range(top + 1, top + 1 + len(drawn) - len(gaps)))
    return {**mapping, **dict(zip(missing, drawn, strict=True))}


def _xref_offsets(data: bytes | mmap.mmap, start: int) -> dict[int, int]:
    """Object number -> byte offset from the classic xref table at ``start`` (Qt writes one)."""
    offsets: dict[int, int] = {}
    pos = start + len(b"xref")
    head = re.compile(rb"\s*(\d+)\s+(\d+)\s*\r?\n")
    while True:
        m = head.match(data, pos)
        if m is None:
            break
        first, count = int(m.group(1)), int(m.group(2))
        pos = m.end()
        for k in range(count):
            entry = bytes(data[pos : pos + 20])
            if entry[17:18] == b"n":
                offsets[first + k] = int(entry[:10])
            pos += 20
    return offsets


def repair_text_layer(
    path: Path, printed: Iterable[str], families: Sequence[str], glyphs: GlyphLog | None = None
) -> int:
    """Correct the ToUnicode maps of the PDF at ``path``; returns how many codes were corrected.

    ``printed``: every character drawn; ``families``: the font families they were drawn in;
    ``glyphs``: the beyond-BMP characters as drawn. A file this module does not understand
    (not written by QPdfWriter) is left unchanged."""
    printed_set = set(printed)
    with path.open("rb") as handle:
        size = path.stat().st_size
        if size == 0:
            return 0
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            tail = bytes(data[max(0, size - 64) :])
            end = _STARTXREF.search(tail)
            if end is None:
                return 0
            xref_at = int(end.group(1))
            if bytes(data[xref_at : xref_at + 4]) != b"xref":
                return 0
            trailer = _TRAILER.search(data, xref_at)
            if trailer is None:
                return 0
            offsets = _xref_offsets(data, xref_at)
            objects: dict[int, str] = {}  # ToUnicode object -> the font's /BaseFont
            for ref in _TO_UNICODE_REF.finditer(data):
                names = _BASE_FONT.findall(bytes(data[max(0, ref.start() - 400) : ref.start()]))
                objects[int(ref.group(1))] = names[-1].decode("latin-1") if names else ""
            maps: dict[int, dict[int, str]] = {}
            for number in objects:
                head = _STREAM_HEAD.match(data, offsets.get(number, -1)) if number in offsets else None
                if head is None or int(head.group(1)) != number:
                    continue
                body = bytes(data[head.end() : head.end() + int(head.group(2))])
                maps[number] = parse_to_unicode(body)
            trailer_dict = bytes(trailer.group(1))
    lookup: GlyphLookup | None = None
    changed: dict[int, bytes] = {}
    corrected = 0
    for number, mapping in maps.items():
        drawn = list((glyphs.fonts.get(objects[number].split("+")[-1], {}) if glyphs else {}).values())
        fixed = _fill_beyond_bmp(mapping, drawn) if drawn else dict(mapping)
        corrected += len(fixed) - len(mapping)
        for code, text in mapping.items():
            if len(text) != 1 or text in printed_set or not text.strip("\x00"):
                continue
            if lookup is None:
                lookup = GlyphLookup(families, printed_set)
            twin = lookup.printed_twin(text)
            if twin is not None and twin != text:
                fixed[code] = twin
                corrected += 1
        if fixed != mapping:
            changed[number] = write_to_unicode(fixed)
    if changed:
        _append_update(path, changed, trailer_dict, xref_at)
    return corrected


def _append_update(path: Path, streams: dict[int, bytes], trailer_dict: bytes, prev_xref: int) -> None:
    """New versions of ``streams`` (object number -> stream data) as an incremental update."""
    with path.open("r+b") as handle:
        handle.seek(0, 2)
        pos = handle.tell()
        parts: list[bytes] = [b"\n"]
        pos += 1
        entries: list[tuple[int, int]] = []
        for number in sorted(streams):
            body = streams[number]
            obj = b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (number, len(body), body)
            entries.append((number, pos))
            parts.append(obj)
            pos += len(obj)
        xref = [b"xref\n0 1\n0000000000 65535 f \n"]  # the free-list head restated, as usual in an update
        for number, offset in entries:
            xref.append(b"%d 1\n%010d 00000 n \n" % (number, offset))
        kept = re.sub(rb"/Prev\s+\d+", b"", trailer_dict).strip()
        xref.append(b"trailer\n<< %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (kept, prev_xref, pos))
        parts.extend(xref)
        handle.write(b"".join(parts))
