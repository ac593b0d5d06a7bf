"""Pinyin initials of names, for search at the counter (张三 → zs)."""

from __future__ import annotations

import os
from functools import lru_cache

# Surnames whose reading differs from the character's common reading.
SURNAME_INITIALS = {
    "曾": "z", "单": "s", "仇": "q", "解": "x", "查": "z", "区": "o", "朴": "p", "乐": "y",
    "缪": "m", "尉": "y", "覃": "q", "翟": "z", "种": "c", "盖": "g", "燕": "y", "纪": "j",
}  # fmt: skip


@lru_cache(maxsize=65536)
def _char_initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    # Only single characters are looked up: pypinyin's phrase dictionary (47,000 phrases, none of one
    # character) never changes their reading, and nothing customises its dictionaries, so neither is
    # loaded nor copied (55 MB and 0.3 s less; the same initials for every CJK character).
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin  # its dictionaries load on the first Chinese character, not at start-up

    result = pinyin(char, style=Style.FIRST_LETTER, errors="ignore", strict=False)
    return result[0][0].lower() if result and result[0] and result[0][0] else ""


def initials(name: str) -> str:
    """First letters of each character's reading; characters with none are skipped."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return ""
    first = SURNAME_INITIALS.get(chars[0]) or _char_initial(chars[0])
    return first + "".join(_char_initial(c) for c in chars[1:])
