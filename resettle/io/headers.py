"""Finding the header of a survey sheet and which column holds which field.

Offices word their headers differently (户主 / 户主姓名, 身份证号码 / 公民身份号码 /
身份证号 …), break them over lines, add units in brackets, and often use two header
rows where a parent (家庭成员, 被征收土地, 房屋) spans its child headers. Headers are
normalised (NFKC, no spaces or line breaks, bracketed units taken aside) and matched
against synonyms; the parent header decides ambiguous children (面积 under 房屋 is the
floor area). Sheets that give land or floor area per class in separate columns
(水田 | 旱地 under 被征收土地面积) get keys such as ``land_area_mu:水田``.

A mapping the clerk confirms in the import wizard can be saved as a named profile (JSON)
and used for the next workbook from the same office.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from resettle.errors import ResettleError
from resettle.io.grid import SheetGrid, column_letter
from resettle.io.guards import column_index
from resettle.io.values import compact

__all__ = [
    "CORE_FIELDS",
    "FIELD_LABELS",
    "LAND_CLASSES",
    "STRUCTURE_TYPES",
    "ColumnField",
    "HeaderMatch",
    "MappingProfile",
    "ProfileError",
    "classify_header",
    "detect_header",
    "field_label",
    "load_profiles",
    "match_rows",
    "normalize_header",
    "save_profiles",
]

FIELD_LABELS: dict[str, str] = {
    "seq": "序号",
    "household_no": "户号",
    "head": "户主姓名",
    "name": "姓名",
    "relation": "与户主关系",
    "sex": "性别",
    "id_number": "身份证号码",
    "birth_date": "出生日期",
    "phone": "联系电话",
    "address": "家庭住址",
    "land_class": "地类",
    "land_area_mu": "征收土地面积(亩)",
    "structure_type": "房屋结构",
    "floor_area_m2": "建筑面积(㎡)",
    "trees": "果树(棵)",
    "bank_name": "开户银行",
    "bank_account": "银行账号",
    "remarks": "备注",
    "village": "村",
    "group": "组",
}

# A header row must name at least one of these to be taken for the survey header.
CORE_FIELDS = ("name", "id_number", "head", "household_no")

LAND_CLASSES = (
    "水田", "旱地", "水浇地", "耕地", "园地", "果园", "茶园", "桑园", "林地", "草地", "坑塘", "坑塘水面",
    "养殖水面", "沟渠", "宅基地", "建设用地", "未利用地", "其他农用地", "设施农用地", "荒地", "菜地",
)  # fmt: skip
STRUCTURE_TYPES = ("框架", "钢混", "砖混", "砖木", "土木", "木结构", "石木", "钢结构", "土坯", "简易", "彩钢")

# Normalised header text (NFKC, no spaces, units in brackets removed) -> field key.
_SYNONYMS: dict[str, str] = {}
for _key, _words in {
    "seq": ("序号", "序", "顺序号", "No", "NO", "No."),
    "household_no": ("户号", "户编号", "农户编号", "户主编号", "户代码", "编号"),
    "head": ("户主", "户主姓名", "户主名称", "户主名字"),
    "name": ("姓名", "成员姓名", "家庭成员姓名", "人员姓名", "家庭成员", "成员"),
    "relation": ("与户主关系", "与户主的关系", "关系", "家庭关系", "成员关系"),
    "sex": ("性别",),
    "id_number": (
        "身份证号码", "公民身份号码", "身份证号", "身份证", "身份证件号码", "公民身份证号码", "身份号码",
        "公民身份证号", "证件号码",
    ),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "出生时间"),
    "phone": ("联系电话", "电话", "手机", "手机号码", "手机号", "联系方式", "电话号码", "联系手机"),
    "address": ("家庭住址", "住址", "地址", "家庭地址", "现住址", "居住地址", "户籍地址", "通讯地址"),
    "land_class": ("地类", "土地类别", "土地类型", "地类名称", "土地地类", "土地用途"),
    "land_area_mu": ("征收面积", "征地面积", "土地面积", "被征收面积", "被征收土地面积", "征收土地面积", "亩数"),
    "structure_type": ("结构", "房屋结构", "结构类型", "建筑结构", "房屋类型"),
    "floor_area_m2": ("建筑面积", "房屋面积", "房屋建筑面积", "房屋建筑面积合计"),
    "trees": ("果树", "果树数量", "果树株数", "果树棵数"),
    "bank_name": ("开户银行", "开户行", "银行", "开户银行名称", "开户机构"),
    "bank_account": ("银行账号", "账号", "银行卡号", "卡号", "存折账号", "银行帐号", "帐号", "开户账号", "账户"),
    "remarks": ("备注", "说明", "备考"),
    "village": ("村", "村名", "所在村", "行政村", "村别", "村名称"),
    "group": ("组", "组别", "村民小组", "小组", "所在组", "组名"),
}.items():  # fmt: skip
    for _word in _words:
        _SYNONYMS[_word] = _key

# Substrings tried when no synonym matched exactly, in order.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("身份证", "id_number"),
    ("身份号码", "id_number"),
    ("户主姓名", "head"),
    ("户号", "household_no"),
    ("账号", "bank_account"),
    ("帐号", "bank_account"),
    ("卡号", "bank_account"),
    ("开户", "bank_name"),
    ("电话", "phone"),
    ("手机", "phone"),
    ("住址", "address"),
    ("出生", "birth_date"),
    ("关系", "relation"),
    ("果树", "trees"),
    ("建筑面积", "floor_area_m2"),
    ("结构", "structure_type"),
    ("地类", "land_class"),
    ("姓名", "name"),
    ("备注", "remarks"),
)

_BRACKETED = re.compile(r"[(\[【<《{]([^)\]】>》}]*)[)\]】>》}]")
_UNIT_WORDS = ("亩", "m2", "平方米", "平米", "平方", "棵", "株", "元")


def field_label(key: str) -> str:
    """Chinese label of a field key, also for per-class keys such as ``land_area_mu:水田``."""
    if key in FIELD_LABELS:
        return FIELD_LABELS[key]
    base, _, detail = key.partition(":")
    if base == "land_area_mu":
        return f"{detail}面积(亩)"
    if base == "floor_area_m2":
        return f"{detail}建筑面积(㎡)"
    return key


def normalize_header(text: str) -> tuple[str, str]:
    """(name, unit) of a header cell: ``"建筑面积\\n(㎡)"`` -> ``("建筑面积", "m2")``."""
    text = compact(unicodedata.normalize("NFKC", text))
    units = "".join(_BRACKETED.findall(text))
    name = _BRACKETED.sub("", text)
    if "/" in name:
        head, _, tail = name.partition("/")
        if tail in _UNIT_WORDS:
            name, units = head, units + tail
    name = name.strip("*※:：")
    return name, units


def _unit_kind(unit: str) -> str:
    if "亩" in unit:
        return "亩"
    if any(word in unit for word in ("m2", "平方", "平米")):
        return "㎡"
    if "棵" in unit or "株" in unit:
        return "棵"
    return ""


def _context(parent: str) -> str:
    if any(word in parent for word in ("房屋", "房产", "建筑", "住房", "房")):
        return "house"
    if any(word in parent for word in ("土地", "征地", "地块", "田", "耕地", "征收面积")):
        return "land"
    if any(word in parent for word in ("成员", "人口", "家庭")):
        return "person"
    return ""


def classify_header(text: str, parent: str = "", aliases: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(field key, unit) for one header cell, or None. ``parent`` is the spanning header above."""
    if not aliases:
        return _classify_cached(text, parent)
    return _classify(text, parent, aliases)


@functools.lru_cache(maxsize=4096)
def _classify_cached(text: str, parent: str) -> tuple[str, str] | None:
    return _classify(text, parent, None)


def _classify(text: str, parent: str, aliases: Mapping[str, str] | None) -> tuple[str, str] | None:
    name, unit_text = normalize_header(text)
    if not name:
        return None
    unit = _unit_kind(unit_text)
    parent_name, parent_unit = normalize_header(parent) if parent else ("", "")
    context = _context(parent_name)
    unit = unit or _unit_kind(parent_unit)
    if aliases:
        for candidate in (compact(unicodedata.normalize("NFKC", text)), name):
            if candidate in aliases:
                return aliases[candidate], unit
    if name == "面积":
        if context == "house" or (unit == "㎡" and context != "land"):
            return "floor_area_m2", unit or "㎡"
        return "land_area_mu", unit or "亩"
    stem = name.removesuffix("面积").removesuffix("结构")
    if stem in LAND_CLASSES and (context == "land" or unit == "亩" or name.endswith("面积")):
        return f"land_area_mu:{stem}", unit or "亩"
    if stem in STRUCTURE_TYPES and (context == "house" or unit == "㎡"):
        return f"floor_area_m2:{stem}", unit or "㎡"
    if name == "姓名" and parent_name.startswith("户主"):
        return "head", unit
    key = _SYNONYMS.get(name)
    if key is None:
        key = next((k for word, k in _KEYWORDS if word in name), None)
    if key is None:
        return None
    if key == "land_area_mu" and unit == "㎡":
        return key, "㎡"
    if key in ("land_area_mu", "floor_area_m2", "trees") and not unit:
        unit = {"land_area_mu": "亩", "floor_area_m2": "㎡", "trees": "棵"}[key]
    return key, unit


@dataclass(frozen=True)
class ColumnField:
    key: str
    column: int  # 0-based
    header: str  # header text as found (parent / child)
    unit: str  # 亩, ㎡, 棵 or ""

    @property
    def letter(self) -> str:
        return column_letter(self.column)


@dataclass
class HeaderMatch:
    header_rows: tuple[int, ...]  # 0-based
    columns: dict[str, ColumnField]
    ignored: list[ColumnField] = field(default_factory=list)  # later columns for an already mapped key

    @property
    def score(self) -> int:
        return len(self.columns)

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1 if self.header_rows else 0

    def is_survey(self) -> bool:
        return self.score >= 3 and any(key in self.columns for key in CORE_FIELDS)


def _text(grid: SheetGrid, r: int, c: int) -> str:
    value = grid.value(r, c)
    return value if isinstance(value, str) else ""


def _spans_columns(grid: SheetGrid, r: int, c: int) -> bool:
    """Whether (r, c) lies in a block merged across several columns (a parent header)."""
    anchor = grid.anchor(r, c) or (r, c)
    return any(grid.anchor(r, other) == anchor for other in (c - 1, c + 1) if other >= 0)


def _looks_like_data(grid: SheetGrid, r: int) -> bool:
    return any(value is not None and not isinstance(value, str) for value in grid.rows[r])


def match_rows(grid: SheetGrid, rows: tuple[int, ...], aliases: Mapping[str, str] | None = None) -> HeaderMatch:
    """Map columns using one header row or a parent row and a child row."""
    match = HeaderMatch(header_rows=rows, columns={})
    if len(rows) == 2 and _looks_like_data(grid, rows[1]):
        return match
    for c in range(grid.n_cols):
        if len(rows) == 1:
            found = classify_header(_text(grid, rows[0], c), aliases=aliases)
            header = _text(grid, rows[0], c)
        else:
            top, bottom = _text(grid, rows[0], c), _text(grid, rows[1], c)
            anchor = grid.anchor(rows[1], c)
            if not compact(bottom) or (anchor is not None and anchor[0] <= rows[0]):
                found, header = classify_header(top, aliases=aliases), top
            else:
                header = f"{compact(top)}/{compact(bottom)}" if compact(top) else bottom
                found = classify_header(bottom, parent=top, aliases=aliases)
                if found is None and compact(top) and _spans_columns(grid, rows[0], c):
                    found = classify_header(compact(top) + compact(bottom), aliases=aliases)
        if found is None:
            continue
        column = ColumnField(found[0], c, header.strip(), found[1])
        if found[0] in match.columns:
            match.ignored.append(column)
        else:
            match.columns[found[0]] = column
    return match


def detect_header(
    grid: SheetGrid,
    scan_rows: int = 40,
    last_header_row: int | None = None,
    aliases: Mapping[str, str] | None = None,
) -> HeaderMatch | None:
    """The best header (one or two rows) among the first ``scan_rows`` rows, or None.

    ``last_header_row`` (0-based) fixes where the header ends, as the wizard may.
    """
    candidates: list[tuple[int, ...]] = []
    if last_header_row is not None:
        candidates = [(last_header_row,)]
        if last_header_row > 0:
            candidates.append((last_header_row - 1, last_header_row))
    else:
        for r in range(min(grid.n_rows, scan_rows)):
            candidates.append((r,))
            if r + 1 < grid.n_rows:
                candidates.append((r, r + 1))
    matches = [match_rows(grid, rows, aliases) for rows in candidates]
    surveys = [match for match in matches if match.is_survey()]
    if not surveys:
        return None
    # More fields wins; on a tie one row beats two (a title or data row adds nothing), then the earlier.
    best = max(surveys, key=lambda m: (m.score, -len(m.header_rows), -m.header_rows[0]))
    # Header cells merged down from a row above (户号 over two header rows) start the header there.
    first, last = best.header_rows[0], best.header_rows[-1]
    top = min(
        (anchor[0] for column in best.columns.values() if (anchor := grid.anchor(first, column.column))),
        default=first,
    )
    if top < first:
        best.header_rows = tuple(range(top, last + 1))
    return best


def apply_overrides(match: HeaderMatch, overrides: Mapping[str, str], n_cols: int) -> list[str]:
    """Apply wizard/profile overrides (field key -> column letter, "" to unmap). Returns problems."""
    problems: list[str] = []
    for key, letter in overrides.items():
        base = key.partition(":")[0]
        if key not in FIELD_LABELS and base not in ("land_area_mu", "floor_area_m2"):
            problems.append(f"映射中的字段「{key}」无法识别，已忽略")
            continue
        letter = letter.strip().upper()
        if not letter:
            match.columns.pop(key, None)
            continue
        if not re.fullmatch(r"[A-Z]{1,3}", letter) or column_index(letter) > max(n_cols, 1):
            problems.append(f"映射中「{field_label(key)}」的列「{letter}」不存在，已忽略")
            continue
        column = column_index(letter) - 1
        for other, mapped in list(match.columns.items()):
            if mapped.column == column and other != key:
                del match.columns[other]
        unit = {"land_area_mu": "亩", "floor_area_m2": "㎡", "trees": "棵"}.get(base, "")
        existing = match.columns.get(key)
        if existing is not None and existing.column == column:
            continue
        match.columns[key] = ColumnField(key, column, f"（指定）{letter}列", unit)
    return problems


# --- named profiles -----------------------------------------------------------------------


class ProfileError(ResettleError, ValueError):
    """A profile file that cannot be read or written."""


@dataclass
class MappingProfile:
    """A saved column mapping: columns by letter, extra header spellings, and the header row."""

    name: str
    columns: dict[str, str] = field(default_factory=dict)  # field key -> column letter
    aliases: dict[str, str] = field(default_factory=dict)  # header text -> field key
    header_row: int | None = None  # 1-based, the last header row

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "columns": self.columns, "aliases": self.aliases, "header_row": self.header_row}

    @classmethod
    def from_json(cls, data: object) -> MappingProfile:
        if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
            raise ProfileError("映射方案格式有误：缺少名称")
        columns = data.get("columns", {})
        aliases = data.get("aliases", {})
        header_row = data.get("header_row")
        if not _str_map(columns) or not _str_map(aliases):
            raise ProfileError(f"映射方案「{data['name']}」格式有误")
        if header_row is not None and (not isinstance(header_row, int) or isinstance(header_row, bool)):
            raise ProfileError(f"映射方案「{data['name']}」的表头行应为整数")
        if isinstance(header_row, int) and header_row < 1:
            raise ProfileError(f"映射方案「{data['name']}」的表头行应大于0")
        return cls(data["name"], dict(columns), dict(aliases), header_row)


def _str_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


_PROFILE_VERSION = 1


def load_profiles(path: Path) -> dict[str, MappingProfile]:
    """Profiles by name; an absent file means none saved yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"无法读取映射方案文件「{path.name}」") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"映射方案文件「{path.name}」已损坏") from exc
    if not isinstance(data, dict) or data.get("version") != _PROFILE_VERSION:
        raise ProfileError(f"映射方案文件「{path.name}」的版本不受支持")
    profiles = data.get("profiles")
    if not isinstance(profiles, list):
        raise ProfileError(f"映射方案文件「{path.name}」已损坏")
    loaded = [MappingProfile.from_json(item) for item in profiles]
    return {profile.name: profile for profile in loaded}


def save_profiles(path: Path, profiles: Iterable[MappingProfile]) -> None:
    """Write all profiles at once (temporary file + rename, so a crash leaves the old file)."""
    payload = {"version": _PROFILE_VERSION, "profiles": [p.to_json() for p in profiles]}
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ProfileError(f"无法保存映射方案文件「{path.name}」：{exc.strerror or exc}") from exc
