"""The demo register: a file of its own, marked 演示 inside, never the clerk's real database.

The mark lives in the file (setting ``register.demo``), so a copied demo file is still a demo:
the window says 演示 in its title and every printed page carries the 演示数据 watermark.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.models import Setting
from resettle.store.paths import data_dir

DEMO_KEY = "register.demo"
DEMO_HOUSEHOLDS = 300


def demo_db_path() -> Path:
    return data_dir() / "演示登记册-demo.sqlite3"


def is_demo(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Setting.value).where(Setting.key == DEMO_KEY)) == "1"


def mark_demo(db: Database) -> None:
    require(db, Need.ENTER, "标记演示登记册")
    with db.write(reason="标记为演示登记册") as s:
        row = s.get(Setting, DEMO_KEY)
        if row is None:
            s.add(Setting(key=DEMO_KEY, value="1"))
        else:
            row.value = "1"


def open_demo(path: Path | None = None, households: int = DEMO_HOUSEHOLDS) -> Database:
    """The demo register, generated the first time: a project, its standard computed, township details, the labour
    office's employment picture, the placement estate and standard, the park's posts, the social-security
    standard, and the first village signed with its first payment batch (``stages``)."""
    from resettle.services.demo.generate import demo_compensation, demo_township, generate_demo
    from resettle.services.demo.livelihood import demo_employment
    from resettle.services.demo.stages import demo_agreements, demo_housing, demo_livelihood_sheets

    path = path or demo_db_path()
    fresh = not path.exists() or path.stat().st_size == 0
    db = Database.open(path)
    try:
        if fresh:
            result = generate_demo(db, households=households)
            demo_township(db)
            demo_livelihood_sheets(db, result.project_id)  # the 社保 standard the compensation reads
            demo_compensation(db, result.project_id, age_bands=True)
            demo_employment(db, result.project_id)
            demo_housing(db, result.project_id)
            demo_agreements(db, result.project_id)
            mark_demo(db)
    except BaseException:
        db.close()
        raise
    return db
