"""The PDF text layer says exactly what was printed, in every Chinese font this machine has.

Qt builds each font's ToUnicode map from the lowest code point of each glyph, so with the
Noto CJK fonts 户/目/示/一/页 came out of a PDF as Kangxi radicals (⼾号, 项⽬) and the
verification code lost the digits that followed a letter (a shaped alternate glyph with no
map entry). Run the whole folder with one font only:
``FONTCONFIG_FILE=$PWD/tests/documents/fontconfig/noto-cjk-only.conf`` (an absolute path) or ``…/wqy-only.conf``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QPdfWriter

from resettle.documents import pdf_text
from resettle.documents.codes import ALPHABET, CODE_LENGTH, format_code
from resettle.documents.fonts import FORCE_FONT_ENV, DocumentFonts, installed_families
from resettle.documents.render import PrintableDocument, paint, write_pdf
from resettle.services.documents import printing as docs
from resettle.services.register import projects
from resettle.store.database import Database
from tests.documents.conftest import _pages
from tests.documents.test_render_documents import _first_ids

FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
RADICAL_BLOCKS = (range(0x2E80, 0x2F00), range(0x2F00, 0x2FE0))


def _family(name: str) -> str:
    if not installed_families().get(name, False):
        pytest.skip(f"{name} is not installed here")
    return name


def _printed(documents: tuple[PrintableDocument, ...], fonts: DocumentFonts, tmp_path: Path) -> Counter[str]:
    """Every character painted, counted (painted once more on a scratch PDF)."""
    drawn: Counter[str] = Counter()
    paint(documents, QPdfWriter(str(tmp_path / "scratch.pdf")), fonts, printed=drawn)
    return drawn


def _visible(chars: Counter[str]) -> Counter[str]:
    return Counter({ch: n for ch, n in chars.items() if not ch.isspace() and unicodedata.category(ch)[0] != "C"})


def _extracted(pdf: Path) -> Counter[str]:
    return _visible(Counter("".join(_pages(pdf))))


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("kind", ["notice", "disclosure"])
def test_the_text_layer_holds_every_printed_character_and_nothing_else(
    priced_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, family: str, kind: str
) -> None:
    monkeypatch.setenv(FORCE_FONT_ENV, _family(family))
    if kind == "notice":
        run = docs.prepare_documents(priced_db, kind, household_ids=_first_ids(priced_db, 2))
    else:
        run = docs.prepare_documents(priced_db, kind, project_id=projects.resolve_project(priced_db, None))
    assert (run.fonts.body, run.fonts.heading) == (family, family)
    out = tmp_path / "out.pdf"
    write_pdf(run.documents, out, run.fonts)
    expected = _visible(_printed(run.documents, run.fonts, tmp_path))
    got = _extracted(out)
    assert "户" in expected and "目" in expected
    missing, extra = expected - got, got - expected
    assert not missing and not extra, (dict(missing), dict(extra))
    assert not [ch for ch in got if any(ord(ch) in block for block in RADICAL_BLOCKS)]


def _de_bruijn(symbols: str, n: int) -> str:
    """A cyclic sequence holding every n-letter word over ``symbols`` exactly once."""
    k = len(symbols)
    a = [0] * k * n
    out: list[int] = []

    def db(t: int, p: int) -> None:
        if t > n:
            if n % p == 0:
                out.extend(a[1 : p + 1])
            return
        a[t] = a[t - p]
        db(t + 1, p)
        for j in range(a[t - p] + 1, k):
            a[t] = j
            db(t + 1, t)

    db(1, 1)
    return "".join(symbols[i] for i in out)


def _codes_with_every_pair() -> list[str]:
    """Verification codes whose halves (the part before and after the hyphen) between them
    hold every ordered pair of code characters."""
    stream = _de_bruijn(ALPHABET, 2)
    stream += stream[0]  # close the cycle
    half = CODE_LENGTH // 2
    halves = [stream[i : i + half] for i in range(0, len(stream) - 1, half - 1)]
    halves = [h.ljust(half, ALPHABET[0]) for h in halves]
    if len(halves) % 2:
        halves.append(ALPHABET[:half])
    return [format_code(halves[i] + halves[i + 1]) for i in range(0, len(halves), 2)]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_verification_code_survives_text_extraction(tmp_path: Path, family: str) -> None:
    """Deterministic: each character of the code alphabet after each other one (and after 码/space/-)."""
    fonts = DocumentFonts(body=_family(family), heading=family)
    codes = _codes_with_every_pair()
    pairs = {part[i : i + 2] for code in codes for part in code.split("-") for i in range(len(part) - 1)}
    assert pairs == {a + b for a in ALPHABET for b in ALPHABET}
    documents = [
        PrintableDocument(
            kind="notice",
            title="征地补偿安置通知书",
            parts=(f"<p>户号 校验码 {code}</p>",),
            number=f"征补〔2026〕第 {i} 号",
            code=code,
            landscape=False,
        )
        for i, code in enumerate(codes, start=1)
    ]
    out = tmp_path / "codes.pdf"
    write_pdf(documents, out, fonts)
    pages = ["".join(text.split()) for text in _pages(out)]
    assert len(pages) == len(codes)
    for code, text in zip(codes, pages, strict=True):
        assert text.count(code) == 2, (code, text)  # in the body and in the footer


def test_the_repair_appends_an_update_that_readers_accept(tmp_path: Path) -> None:
    from pypdf import PdfReader

    fonts = DocumentFonts(body=_family("Noto Serif CJK SC"), heading="Noto Sans CJK SC")
    out = tmp_path / "one.pdf"
    write_pdf([PrintableDocument("notice", "t", ("<p>户号　项目一</p>",), "", "", False, draft=True)], out, fonts)
    reader = PdfReader(out, strict=True)
    assert "户号" in reader.pages[0].extract_text()
    assert out.read_bytes().count(b"%%EOF") == 2, "Qt's file plus one update"
    assert pdf_text.repair_text_layer(out, "户号　项目一", [fonts.body]) == 0, "a second repair finds nothing to do"


def test_a_cmap_round_trips_through_the_writer() -> None:
    mapping = {0: "\x00", 1: "户", 2: " ", 3: "A", 0x1FF: "𠮷"}
    assert pdf_text.parse_to_unicode(pdf_text.write_to_unicode(mapping)) == mapping
    qt_style = b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<2F3E> <53F7> <0009> ]\n<0004> <0006> <0041>\nendbfrange\n"
    assert pdf_text.parse_to_unicode(qt_style) == {0: "\x00", 1: "⼾", 2: "号", 3: "\t", 4: "A", 5: "B", 6: "C"}


RARE = "𠮷𬱖𪚥𠀾"  # CJK Extension B and later, as in some people's names


@pytest.mark.parametrize("family", FAMILIES)
def test_characters_beyond_the_bmp_are_in_the_text_layer(tmp_path: Path, family: str) -> None:
    from PySide6.QtGui import QFont, QRawFont

    fonts = DocumentFonts(body=_family(family), heading=family)
    rare = "".join(ch for ch in RARE if QRawFont.fromFont(QFont(family)).supportsCharacter(ord(ch)))
    if len(rare) < 2:
        pytest.skip(f"{family} has no characters beyond the BMP")
    first, second = rare[0], rare[1]
    documents = tuple(
        PrintableDocument(
            kind="notice",
            title="征地补偿安置通知书",
            parts=(
                f"<p>户主：<b>张{second}</b>　户号 {n}</p>"
                f"<table border='1'><tr><td>张{first}</td><td>王{second}{first}</td></tr></table>",
                f"<p>第二部分：李{rare} 一二</p>",
            ),
            number=f"征补〔2026〕第 {n} 号",
            code="ABCDE-12345",
            landscape=False,
        )
        for n in (1, 2)
    )
    out = tmp_path / "rare.pdf"
    write_pdf(documents, out, fonts)
    expected = _visible(_printed(documents, fonts, tmp_path))
    got = _extracted(out)
    assert expected[first] >= 4
    assert got == expected, (dict(expected - got), dict(got - expected))
    assert f"张{first}" in "".join("".join(_pages(out)).split())


def test_a_notice_for_a_head_with_a_rare_name_can_be_searched(
    priced_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from resettle.services.register import households

    monkeypatch.setenv(FORCE_FONT_ENV, _family("Noto Serif CJK SC"))
    hid = _first_ids(priced_db, 1)[0]
    detail = households.get_household(priced_db, hid)
    head = detail.data.persons[0]
    renamed = dataclasses.replace(head, name="张𠮷")
    data = dataclasses.replace(detail.data, head_name="张𠮷", persons=(renamed, *detail.data.persons[1:]))
    households.update_household(priced_db, detail, data, reason="户主姓名更正")
    out = tmp_path / "notice.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=[hid])
    text = "".join("".join(_pages(out)).split())
    assert text.count("张𠮷") >= 2, text[:200]  # the greeting line and the members table


@given(
    st.dictionaries(
        st.integers(min_value=0, max_value=0xFFFF),
        st.characters(blacklist_categories=("Cs",), min_codepoint=1),
        max_size=250,
    )
)
def test_any_cmap_round_trips(mapping: dict[int, str]) -> None:
    assert pdf_text.parse_to_unicode(pdf_text.write_to_unicode(mapping)) == mapping
