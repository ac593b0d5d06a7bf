"""Whether a household's stored compensation still belongs to its facts and its project's standard.

A compute stores each household's fingerprint (:mod:`~.facts`). A survey re-import or an edit
after it moves the fingerprint on while the stored lines stay: the amounts on screen, in an
export or on paper would be those of the earlier facts. What may not go out on such amounts —
a review, an agreement, an official notice or disclosure — asks :func:`outdated_in` first and
names the households to compute again; a compute of them keeps lines and review that come out
the same (only the fingerprint moves).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.errors import ValidationError
from resettle.services.compensation.facts import Scope, age_band_standard, fingerprints, scope_revision
from resettle.services.compensation.rate_tables import domain_table, load_table
from resettle.services.procedure.cutoff import project_cutoff
from resettle.store.compensation_models import STATUS_NONE, ProjectRateTable
from resettle.store.models import Household

__all__ = [
    "OUTDATED",
    "current_among",
    "fingerprint_if_current",
    "fingerprint_now",
    "outdated_among",
    "outdated_in",
    "refuse_outdated",
]

_LISTED = 500  # households asked for by id; more are looked up with the whole project
OUTDATED = "补偿计算后，该户的调查数据或项目的补偿标准、设置有改动，金额未按现状重新计算"


def _fingerprints(s: Session, scope: Scope) -> list[tuple[int, int | None, str]] | None:
    """What the compute's first query would find (None: no standard, or the compute is refused)."""
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == scope.project_id)).one_or_none()
    if link is None:
        return None
    conn = s.connection()
    table = domain_table(load_table(s, link.rate_table_id))
    try:
        ages = age_band_standard(conn, scope.project_id, table)
    except ValidationError:
        return None
    cutoff, family_counts = project_cutoff(conn, scope.project_id)
    revision = scope_revision(
        link.rate_table_id, table.version, cutoff, family_counts, link.transition_months, ages.key if ages else ""
    )
    return fingerprints(conn, scope, revision, link.rate_table_id, table.version)


def fingerprint_if_current(s: Session, project_id: int, household_id: int) -> str | None:
    """The household's fingerprint now when its stored result is current, else None (for a change
    that keeps the result current itself, such as an adjustment, which updates the total)."""
    found = _fingerprints(s, Scope(project_id, household_ids=(household_id,)))
    if not found:
        return None
    _hid, kept, now = found[0]
    return now if kept is not None else None


def fingerprint_now(s: Session, project_id: int, household_id: int) -> str | None:
    found = _fingerprints(s, Scope(project_id, household_ids=(household_id,)))
    return found[0][2] if found else None


def outdated_in(s: Session, scope: Scope) -> set[int]:
    """Households of ``scope`` with a stored result (已计算 / 已复核) that a compute now would not keep
    as it is without pricing again: their facts, the standard or the project's settings changed since.
    Empty when the project has no standard (nothing can be current then; the callers refuse that
    themselves) or the compute itself is refused (its message says why)."""
    found = _fingerprints(s, scope)
    if found is None:
        return set()
    conn = s.connection()
    scope_sql, params = scope.sql()
    computed = set(
        conn.exec_driver_sql(
            f"SELECT household_id FROM household_compensation WHERE status <> ? AND household_id IN ({scope_sql})",
            (STATUS_NONE, *params),
        ).scalars()
    )
    if not computed:
        return set()
    return {hid for hid, kept, _now in found if kept is None and hid in computed}


def current_among(s: Session, project_id: int, household_ids: Iterable[int]) -> set[int]:
    """The listed households whose stored result (已计算 / 已复核) is current: what an edit of theirs
    recomputes in its own transaction (:func:`~.common.recompute_current`)."""
    ids = tuple(dict.fromkeys(household_ids))
    if not ids:
        return set()
    scope = Scope(project_id) if len(ids) > _LISTED else Scope(project_id, household_ids=ids)
    found = _fingerprints(s, scope)
    wanted = set(ids)
    return {hid for hid, kept, _now in found or () if kept is not None and hid in wanted}


def outdated_among(s: Session, project_id: int, household_ids: Iterable[int]) -> set[int]:
    """:func:`outdated_in` for listed households of one project."""
    ids = tuple(dict.fromkeys(household_ids))
    if not ids:
        return set()
    if len(ids) > _LISTED:  # a village or the whole project: one pass over the project, not 10,000 parameters
        return outdated_in(s, Scope(project_id)) & set(ids)
    return outdated_in(s, Scope(project_id, household_ids=ids))


def refuse_outdated(s: Session, project_id: int, household_ids: Iterable[int], what: str) -> None:
    """ValidationError naming (up to five of) the listed households whose result is outdated."""
    stale = outdated_among(s, project_id, household_ids)
    if not stale:
        return
    rows = s.execute(
        select(Household.household_no, Household.head_name)
        .where(Household.id.in_(sorted(stale)))
        .order_by(Household.household_no)
    ).all()
    named = "、".join(f"{no} {head}" for no, head in rows[:5]) + (f" 等 {len(rows)} 户" if len(rows) > 5 else "")
    raise ValidationError(f"{named}：{OUTDATED}，不能{what}。请先重新计算（F9），核对后再{what}。", field="补偿")
