"""The byte search for formula cells agrees with parsing every element, or declines to answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.io.grid import _xlsx_formulas, _xlsx_formulas_parsed, _xlsx_formulas_scan, column_letter
from resettle.io.guards import DEFAULT_LIMITS, has_formula_markup

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
)
TAIL = b"</sheetData></worksheet>"
# A conditional format's formula after the cells is no cell's.
TAIL_EXT = (
    b'</sheetData><extLst><ext uri="x"><x14:cf xmlns:x14="y"><xm:f xmlns:xm="z">A1&gt;1</xm:f></x14:cf>'
    b"</ext></extLst></worksheet>"
)

# One cell's content after its start tag: formulas with and without a saved result, shared
# formulas, errors, plain values, inline strings, formulas whose text holds ">".
CONTENTS = [
    ("", "<v>1</v>"),
    ("", "<f>SUM(A1:A3)</f><v>6</v>"),
    ("", "<f>A1&gt;0</f><v></v>"),
    ("", "<f>IF(A1>0,1,2)</f>"),
    ("", '<f t="shared" ref="B2:B9" si="0">A2*2</f><v>4</v>'),
    ("", '<f t="shared" si="0"/><v>8</v>'),
    ("", "<f/>"),
    (' t="e"', "<f>1/0</f><v>#DIV/0!</v>"),
    (' t="str"', "<f>A1&amp;B1</f><v>ab</v>"),
    (' t="inlineStr"', "<is><t>family</t></is>"),
    ("", "\n  <f>A1</f>\n  <v> </v>\n"),
    ("", "<v/>"),
    (' t="e"', "<v>#REF!</v>"),  # an error value pasted as a value: no formula
    (" t='e'", "<v>#N/A</v>"),
    (' t="inlineStr"', "<is><t>say \"e\" and 'e'</t></is>"),  # the quoted e inside a string is no attribute
]


@st.composite
def sheets(draw: st.DrawFn) -> bytes:
    rows = draw(st.integers(min_value=0, max_value=6))
    parts = [HEAD]
    for r in range(1, rows + 1):
        row_ref = draw(st.booleans())
        parts.append(f'<row r="{r}">'.encode() if row_ref else b"<row>")
        for c in draw(st.lists(st.integers(min_value=0, max_value=30), max_size=5, unique=True)):
            attrs, content = draw(st.sampled_from(CONTENTS))
            ref = f' r="{column_letter(c)}{r}"' if draw(st.integers(0, 5)) else ""  # sometimes no r=
            parts.append(f'<c{ref} s="1"{attrs}>{content}</c>'.encode() if content else f"<c{ref}/>".encode())
        parts.append(b"</row>")
    parts.append(draw(st.sampled_from([TAIL, TAIL_EXT])))
    return b"".join(parts)


@settings(max_examples=300, deadline=None)
@given(sheets())
def test_scan_agrees_with_the_parse(data: bytes) -> None:
    parsed = _xlsx_formulas_parsed(data, DEFAULT_LIMITS)
    scanned = _xlsx_formulas_scan(data, DEFAULT_LIMITS)
    if scanned is not None:
        assert scanned == parsed
    assert _xlsx_formulas(data, DEFAULT_LIMITS) == parsed


def test_scan_answers_for_sheets_as_excel_writes_them() -> None:
    data = (
        HEAD
        + (
            b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="K1"><f>SUM(K2:K9)</f><v>12</v></c></row>'
            b'<row r="2"><c r="AB2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2"><f t="shared" si="0"/></c></row>'
        )
        + TAIL
    )
    assert _xlsx_formulas_scan(data, DEFAULT_LIMITS) == {(0, 10): "cached", (1, 27): "error", (1, 2): "missing"}


def test_an_error_value_without_a_formula_is_found_where_calamine_reads_an_empty_cell() -> None:
    data = (
        HEAD + b'<row r="9"><c r="B9" t="inlineStr"><is><t>"e"</t></is></c><c r="M9" s="3" t="e"><v>#REF!</v></c>'
        b"<c r='N9' t='e'><v>#N/A</v></c></row>" + TAIL
    )
    assert has_formula_markup(data)  # the checked package scans this sheet
    assert _xlsx_formulas_scan(data, DEFAULT_LIMITS) == {(8, 12): "error_value", (8, 13): "error_value"}
    assert _xlsx_formulas_parsed(data, DEFAULT_LIMITS) == {(8, 12): "error_value", (8, 13): "error_value"}


def test_scan_declines_where_the_place_or_the_markup_is_unsure() -> None:
    no_ref = HEAD + b"<row><c><v>1</v></c><c><f>A1</f></c></row>" + TAIL
    comment = HEAD + b'<row r="1"><!-- <f>x</f> --><c r="A1"><v>1</v></c></row>' + TAIL
    prefixed = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        b'<x:row r="1"><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    for data in (no_ref, comment, prefixed):
        assert _xlsx_formulas_scan(data, DEFAULT_LIMITS) is None
    assert _xlsx_formulas(no_ref, DEFAULT_LIMITS) == {(0, 1): "missing"}
    assert _xlsx_formulas(comment, DEFAULT_LIMITS) == {}
    assert _xlsx_formulas(prefixed, DEFAULT_LIMITS) == {(0, 1): "cached"}
