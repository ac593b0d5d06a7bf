"""The cut-off (补偿截止日 = 征收土地预公告日) as the compensation engine and the survey import see it.

Raw SQL on the caller's connection: the compute path reads a whole project at once.
Births and marriages after the cut-off follow the project's setting
(``procedure_setting.family_changes_after_cutoff_count``, counted when not set); anybody
else registered after it (moved in) is not counted as 安置人口.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection

from resettle.domain.household import HouseholdData
from resettle.io.survey import ImportIssue, SurveyHousehold
from resettle.store.models import Attachment, Household, Person, Structure

__all__ = [
    "MARRIAGE_RELATIONS",
    "import_cutoff_warnings",
    "item_keys",
    "late_persons",
    "project_cutoff",
    "stamp_new_items",
]

MARRIAGE_RELATIONS = frozenset({"配偶", "妻", "妻子", "夫", "丈夫", "儿媳", "女婿", "孙媳", "孙女婿"})


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def project_cutoff(conn: Connection, project_id: int) -> tuple[date | None, bool]:
    """(cut-off date or None, whether births and marriages after it still count)."""
    cutoff = conn.exec_driver_sql("SELECT cutoff_date FROM project WHERE id = ?", (project_id,)).scalar()
    counts = conn.exec_driver_sql(
        "SELECT family_changes_after_cutoff_count FROM procedure_setting WHERE project_id = ?", (project_id,)
    ).scalar()
    return _as_date(cutoff), True if counts is None else bool(counts)


def late_persons(
    conn: Connection, cutoff: date, family_counts: bool, scope_sql: str, params: Sequence[Any]
) -> Counter[int]:
    """Resettled persons registered after ``cutoff`` who are not counted, per household."""
    rows = conn.exec_driver_sql(
        "SELECT household_id, relation, birth_date FROM person "
        f"WHERE resettled = TRUE AND registered_on > ? AND household_id IN ({scope_sql})",
        (cutoff.isoformat(), *params),
    ).fetchall()
    out: Counter[int] = Counter()
    for hid, relation, birth in rows:
        born = _as_date(birth)
        family = (born is not None and born > cutoff) or (relation or "").strip() in MARRIAGE_RELATIONS
        if family and family_counts:
            continue
        out[int(hid)] += 1
    return out


# -- the survey import ------------------------------------------------------------------------


def import_cutoff_warnings(
    cutoff: date | None,
    today: date,
    h: SurveyHousehold,
    current: HouseholdData,
    mapping: dict[str, str],
) -> list[ImportIssue]:
    """Items a re-import adds to a household already in the register, after the cut-off.

    They will be registered on ``today``; the compensation engine then marks them 不予补偿
    unless a rule names them. One warning per item, at its cell."""
    if cutoff is None or today <= cutoff:
        return []
    why = f"在补偿截止日 {cutoff.isoformat()}（征收土地预公告日）之后新增，登记日记为 {today.isoformat()}，将不予补偿"
    out: list[ImportIssue] = []
    for s in h.structures[len(current.structures) :]:
        out.append(
            ImportIssue(
                h.sheet,
                h.row,
                mapping.get("structure_type", "") or mapping.get("floor_area_m2", ""),
                "房屋",
                f"{s.structure_type} {s.floor_area_m2}",
                f"户 {h.household_no} 的房屋（{s.structure_type}）{why}",
                "warning",
                "after_cutoff",
            )
        )
    stored_counts = Counter(a.kind for a in current.attachments)
    new_counts = Counter(a.kind for a in h.attachments)
    for kind, n in new_counts.items():
        if n > stored_counts.get(kind, 0):
            out.append(
                ImportIssue(
                    h.sheet,
                    h.row,
                    mapping.get("trees", ""),
                    "附着物",
                    kind,
                    f"户 {h.household_no} 的附着物（{kind}）{why}",
                    "warning",
                    "after_cutoff",
                )
            )
    known_ids = {p.id_number for p in current.persons if p.id_number}
    known_names = {p.name for p in current.persons}
    for p in h.persons:
        if (p.id_number and p.id_number in known_ids) or (not p.id_number and p.name in known_names):
            continue
        out.append(
            ImportIssue(
                h.sheet,
                p.row,
                mapping.get("name", ""),
                "家庭成员",
                p.name,
                f"户 {h.household_no} 的成员 {p.name}{why}（出生、婚嫁按项目设置）",
                "warning",
                "after_cutoff",
            )
        )
    return out


def item_keys(h: Household) -> set[tuple[str, int]]:
    """The stored structures, attachments and persons of a household (before a re-import changes it)."""
    items: list[Structure | Attachment | Person] = [*h.structures, *h.attachments, *h.persons]
    return {(type(x).__name__, x.id) for x in items if x.id is not None}


def stamp_new_items(h: Household, before: set[tuple[str, int]], today: date) -> int:
    """Give the items a re-import just added to ``h`` their registration date."""
    n = 0
    items: list[Structure | Attachment | Person] = [*h.structures, *h.attachments, *h.persons]
    for obj in items:
        if (obj.id is None or (type(obj).__name__, obj.id) not in before) and obj.registered_on is None:
            obj.registered_on = today
            n += 1
    return n
