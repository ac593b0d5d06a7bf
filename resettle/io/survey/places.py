"""The village and group a survey sheet is about, from its title or its name."""

from __future__ import annotations

import re
import unicodedata

from resettle.io.grid import SheetGrid
from resettle.io.headers import HeaderMatch
from resettle.io.values import compact

__all__ = ["place_from_text", "sheet_place"]

# Village and group from a title such as 东岗村征地拆迁入户调查登记表（一组）.
_GROUP = re.compile(r"第?[一二三四五六七八九十百零〇两0-9]{1,4}(?:村民)?小?组")
_VILLAGE_END = re.compile(r"村(?![民委级集])")
_PLACE_STOPS = frozenset("省市县区镇乡道年的于在及关")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def place_from_text(text: str) -> tuple[str | None, str | None]:
    """(village, group) named in a title or sheet name, each None when absent."""
    text = compact(unicodedata.normalize("NFKC", text))
    group_match = _GROUP.search(text)
    group = group_match.group(0) if group_match else None
    village = None
    for end in _VILLAGE_END.finditer(text):
        start = end.start()
        stem = ""
        while start > 0 and _is_cjk(text[start - 1]) and len(stem) < 6:
            start -= 1
            stem = text[start] + stem
        for i in range(len(stem) - 2, -1, -1):
            if stem[i] in _PLACE_STOPS:
                stem = stem[i + 1 :]
                break
        if stem:
            village = stem + "村"
            break
    return village, group


def sheet_place(grid: SheetGrid, match: HeaderMatch) -> tuple[str | None, str | None]:
    """(village, group) from the lines above the header, else from the sheet's name."""
    village = group = None
    for r in range(match.header_rows[0] if match.header_rows else 0):
        for value in grid.rows[r]:
            if isinstance(value, str) and value.strip():
                found_village, found_group = place_from_text(value)
                village = village or found_village
                group = group or found_group
    sheet_village, sheet_group = place_from_text(grid.name)
    return village or sheet_village, group or sheet_group
