"""The demo's later stages, so that every area's window opens on something a newcomer can try.

What a real project holds some months after the notice: the developer's 房源表 (东岗安置小区, 528 flats)
and the published 安置标准, the park's job openings, the published social-security standard, and one
village reviewed and signed (70 % on signing, 30 % on vacating) with its first payment batch made. The
sheets are the ones a township gets (``resources/samples/demo_*.xlsx``), read by the same importers a
clerk uses, so what the demo shows is what an import gives.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from resettle.paths_resources import resource_path
from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.models import Household, Village, VillageGroup

DEMO_PLAN = "70:签约,30:腾房"


def demo_housing(db: Database, project_id: int) -> None:
    """The placement estate's flats and the published placement standard."""
    from resettle.services.housing import stock

    require(db, Need.ENTER, "生成演示数据")
    stock.import_stock(db, project_id, resource_path("samples", "demo_housing_stock.xlsx"))
    stock.import_standard(db, project_id, resource_path("samples", "demo_placement_standard.xlsx"), publish=True)


def demo_livelihood_sheets(db: Database, project_id: int) -> None:
    """The park's openings (保洁、保安 first) and the published social-security standard."""
    from resettle.services.livelihood import jobs, social_security

    require(db, Need.ENTER, "生成演示数据")
    jobs.import_posts(db, project_id, resource_path("samples", "demo_jobs_posts.xlsx"))
    social_security.import_standard(db, project_id, resource_path("samples", "demo_ss_standard.xlsx"), publish=True)


def first_village_households(db: Database, project_id: int) -> list[int]:
    """The households of the project's first village, in 户号 order."""
    require(db, Need.READ, "查看户")
    with db.read() as s:
        village = s.scalar(select(Village.id).where(Village.project_id == project_id).order_by(Village.id).limit(1))
        if village is None:
            return []
        return list(
            s.scalars(
                select(Household.id)
                .join(VillageGroup, VillageGroup.id == Household.group_id)
                .where(VillageGroup.village_id == village)
                .order_by(Household.household_no)
            )
        )


def demo_agreements(db: Database, project_id: int, today: date | None = None) -> int:
    """The first village reviewed and signed six weeks ago, its first instalments in a batch; the households signed."""
    from resettle.services.compensation import reviewing
    from resettle.services.payments import agreements, batches

    require(db, Need.ENTER, "生成演示数据")
    ids = first_village_households(db, project_id)
    if not ids:
        return 0
    reviewing.review_many(db, ids)
    signed = agreements.sign_agreements(db, project_id, ids, (today or date.today()) - timedelta(days=42), DEMO_PLAN)
    batches.make_batch(db, project_id, 1)
    return signed.signed
