"""The register's first screen, read before the store opens (issue 18: the window paints at once).

One read-only ``sqlite3`` connection reads what the window shows first: the whole register's
first page in 户号 order with its size, the project tree (names; the counts follow) and whether
the file is the demo. The rows and values are those :func:`search.first_page` and
:func:`projects.tree` (``with_counts=False``) give through the store for the same register
(tests/services/test_first_view.py compares them); nothing is written and SQLAlchemy is not
loaded. The window opens the store itself — lock, migrations, startup backup, witness — just
after it has painted, and from then on reads everything through the store as before.

Only a register this reading can speak for gets a first view: a local SQLite file of the current
schema version, without accounts (a register with accounts shows nothing before the login),
that no other program instance holds. Anything else — a server, a file that needs migrating or is
not ours, a locked or unreadable file — gets ``None``, and the window opens the store first.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from resettle.domain import progress
from resettle.errors import LockedError
from resettle.paths_resources import migrations_path
from resettle.services.register.records import GroupNode, HouseholdQuery, HouseholdRow, ProjectNode, VillageNode
from resettle.store.lock import InstanceLock
from resettle.store.revisions import read_scripts

DEMO_KEY = "register.demo"  # resettle.services.demo.register.DEMO_KEY
# Rows read with a filter's count: more than a maximised window shows (the rest of the table's page
# is read when the clerk scrolls there). Each row's sums are index lookups: on a register not yet in
# the OS cache they are what the first search after opening waits for.
FIRST_ROWS = 100
QUERY = HouseholdQuery()  # what the window shows first: everything, by 户号


@dataclass(frozen=True)
class FirstPage:
    """What the window shows after a keystroke or a new filter, read in one go (search.first_page)."""

    total: int
    rows: list[HouseholdRow]
    capped: bool  # the search matched more than the register shows (the clerk should type more)


@dataclass(frozen=True)
class FirstView:
    path: Path
    total: int  # households in the register
    rows: list[HouseholdRow]  # the first page of QUERY
    tree: list[ProjectNode]  # projects → villages → groups, household counts 0 (not read yet)
    demo: bool  # the file is the demo register


# The statement search._page_statement builds for QUERY (no filter, 户号 ascending), as SQLite runs it.
_PAGE = """
SELECT household.id, household.household_no, household.head_name, village.name, village_group.name,
       household.phone,
       CASE WHEN ag.status IN (?, ?) THEN ? WHEN ag.status IN (?, ?) THEN ?
            WHEN hc.status = '已复核' THEN ? WHEN hc.status = '已计算' THEN ? ELSE household.status END,
       household.version,
       CASE WHEN hc.status != '未计算' THEN hc.total END,
       (SELECT count(*) FROM person WHERE person.household_id = household.id),
       (SELECT sum(land_parcel.area_mu) FROM land_parcel WHERE land_parcel.household_id = household.id),
       (SELECT sum(structure.floor_area_m2) FROM structure WHERE structure.household_id = household.id)
FROM (SELECT household.id AS page_id, household.household_no AS k0, household.id AS k1 FROM household
      ORDER BY household.household_no ASC, household.id ASC LIMIT ? OFFSET 0) AS page
JOIN household ON household.id = page.page_id
JOIN village_group ON household.group_id = village_group.id
JOIN village ON village_group.village_id = village.id
LEFT OUTER JOIN household_compensation AS hc ON hc.household_id = household.id
LEFT OUTER JOIN agreement AS ag ON ag.household_id = household.id AND ag.seq = 0
ORDER BY page.k0 ASC, page.k1 ASC
"""


def head_revision(folder: Path | None = None) -> str | None:
    """The migrations' head from the scripts' text (as resettle.store.migrate reads it without Alembic);
    None when the text does not say it plainly (then the store decides)."""
    plain = read_scripts(folder or migrations_path())
    return plain[0] if plain is not None else None


def _scaled(value: int | None, places: int) -> Decimal | None:
    """A scaled INTEGER column as the store's ScaledDecimal reads it."""
    if value is None:
        return None
    return Decimal(int(value)).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def _area(value: int | None, places: int) -> Decimal:
    total = _scaled(value, places)
    return total.quantize(Decimal("0.01"), ROUND_HALF_UP) if total is not None else Decimal("0.00")


def _free(path: Path) -> bool:
    """No other program instance holds the file (its lock is taken again when the store opens)."""
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except (LockedError, OSError):
        return False
    lock.release()
    return True


def first_view(path: Path, limit: int) -> FirstView | None:
    """The first screen of the register file at ``path``, or None when the store must open first."""
    from resettle.store.dialects import testmap

    if testmap.active() or not path.is_file() or path.stat().st_size == 0:
        return None
    head = head_revision()
    if head is None or not _free(path.absolute()):
        return None
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, path, head, limit)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, path: Path, head: str, limit: int) -> FirstView | None:
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables or "user_account" not in tables:
        return None
    versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if [str(v[0]) for v in versions] != [head]:
        return None  # older (to migrate, with its backup), newer or unknown: the store decides
    if conn.execute("SELECT 1 FROM user_account LIMIT 1").fetchone() is not None:
        return None  # accounts: nothing is shown before the login
    conn.execute("BEGIN")  # one snapshot for the count, the page and the tree
    total = int(conn.execute("SELECT count(*) FROM household").fetchone()[0])
    rows = [
        HouseholdRow.of_page_columns(r, _area(r[10], 4), _area(r[11], 2), _scaled(r[8], 2))
        for r in conn.execute(
            _PAGE,
            (
                *progress.AGREEMENT_PAID,
                progress.PAID,
                *progress.AGREEMENT_SIGNED,
                progress.SIGNED,
                progress.REVIEWED,
                progress.COMPUTED,
                limit,
            ),
        )
    ]
    groups: dict[int, list[GroupNode]] = {}
    for gid, vid, name in conn.execute("SELECT id, village_id, name FROM village_group ORDER BY id"):
        groups.setdefault(vid, []).append(GroupNode(gid, name, 0))
    villages: dict[int, list[VillageNode]] = {}
    for vid, pid, name in conn.execute("SELECT id, project_id, name FROM village ORDER BY id"):
        villages.setdefault(pid, []).append(VillageNode(vid, name, 0, groups.get(vid, [])))
    tree = [
        ProjectNode(pid, name, approval_no, 0, villages.get(pid, []))
        for pid, name, approval_no in conn.execute("SELECT id, name, approval_no FROM project ORDER BY id")
    ]
    demo = conn.execute("SELECT value FROM setting WHERE key = ?", (DEMO_KEY,)).fetchone()
    conn.execute("COMMIT")
    return FirstView(path=path.absolute(), total=total, rows=rows, tree=tree, demo=demo is not None and demo[0] == "1")
