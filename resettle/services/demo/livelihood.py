"""The demo's labour picture: what the labour office's 就业表 would have told the clerk by now.

Without it every working-age farmer of a new demo is 未登记, the 劳动力状况 page is one pink list and the
dashboard's rates are all zero; with it the newcomer sees the mix a real project has a year on: most
in work (many in the park's cleaning and security posts), some self-employed, some seeking work (the
pink rows, first for posts and training), a few not willing, a quarter not yet registered.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from resettle.domain.labour import STATE_EMPLOYED, STATE_SEEKING, STATE_SELF_EMPLOYED, STATE_UNWILLING
from resettle.services.accounts.guard import Need, require
from resettle.services.livelihood.labour import apply_state, list_people
from resettle.store.database import Database
from resettle.store.livelihood_models import FollowUpVisit

# (enterprise, post, lowest and highest monthly income in 元): the park's employers (those of the demo's 岗位表)
# and work found outside it.
EMPLOYERS = (
    ("东港环卫服务公司", "保洁员", 2500, 3000),
    ("园区安保服务公司", "巡逻保安", 3000, 3600),
    ("东港电子科技公司", "维修电工", 4200, 5200),
    ("东港物流园", "装卸工", 3600, 4400),
    ("园区食堂", "面点师", 2900, 3400),
    ("外出务工（杭州）", "建筑工", 4500, 6500),
)
SELF_EMPLOYED = ("个体经营（小超市）", "农家乐", "货运", "电商（农产品）")
VISITED = 0.7  # share of registered people visited in the last half year
VISIT_NOTES = ("电话回访，情况稳定", "入户回访，本人在家", "在岗，单位核实", "求职中，已推荐岗位信息", "")
# state, weight: the shares of working-age land-lost people a year after the land was taken.
MIX = ((STATE_EMPLOYED, 45), (STATE_SELF_EMPLOYED, 10), (STATE_SEEKING, 14), (STATE_UNWILLING, 6), ("", 25))


def demo_employment(db: Database, project_id: int, seed: int = 20240601, on: date | None = None) -> int:
    """Give the project's working-age land-lost people a demo status (most of them a recent 回访 too); how
    many were given a status."""
    require(db, Need.ENTER, "生成演示数据")
    rng = random.Random(seed)
    today = on or date.today()
    states = [state for state, _ in MIX]
    weights = [weight for _, weight in MIX]
    given = 0
    people = [p for p in list_people(db, project_id, on=today) if p.working_age and p.land_lost]
    with db.write(reason="生成演示就业情况") as s:
        for person in people:
            state = rng.choices(states, weights)[0]
            start = today - timedelta(days=rng.randint(20, 400))
            income: Decimal | None = None
            if state == STATE_EMPLOYED:
                employer, post, low, high = rng.choice(EMPLOYERS)
                income = Decimal(rng.randrange(low, high + 1, 50))
                apply_state(s, person.id, state, employer=employer, post=post, start=start, income=income,
                            source="演示数据")  # fmt: skip
            elif state == STATE_SELF_EMPLOYED:
                income = Decimal(rng.randrange(2500, 8001, 100))
                apply_state(s, person.id, state, post=rng.choice(SELF_EMPLOYED), start=start, income=income,
                            source="演示数据")  # fmt: skip
            elif state:
                apply_state(s, person.id, state, start=start, source="演示数据")
            else:
                continue
            given += 1
            if rng.random() < VISITED:  # most were visited within the last half year; the rest are 待回访
                visited = today - timedelta(days=rng.randint(10, 170))
                s.add(FollowUpVisit(person_id=person.id, visit_date=visited, state=state, monthly_income=income,
                                    note=rng.choice(VISIT_NOTES)))  # fmt: skip
    return given
