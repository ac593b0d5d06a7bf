"""A realistic 20-rule rate table (sample workbook, demo, benchmark and tests).

The figures are of the order a county in eastern China publishes; they are examples,
not anyone's official standard.
"""

from __future__ import annotations

from datetime import date

from resettle.domain.rates import RateTable, Rule

__all__ = ["AGE_BAND_ROW", "SAMPLE_ROWS", "sample_rate_table"]

# code, item, basis, conditions, unit price (元), unit, payee, minimum (元)
SAMPLE_ROWS: tuple[tuple[str, str, str, str, str, str, str, str | None], ...] = (
    ("TD-01", "土地补偿费", "土地面积", "地类=水田", "62000.00", "亩", "户", None),
    ("TD-02", "土地补偿费", "土地面积", "地类=旱地", "48000.00", "亩", "户", None),
    ("TD-03", "土地补偿费", "土地面积", "地类=园地", "52000.00", "亩", "户", None),
    ("TD-04", "土地补偿费", "土地面积", "地类=林地", "30000.00", "亩", "户", None),
    ("TD-05", "土地补偿费", "土地面积", "地类=其他农用地", "25000.00", "亩", "户", None),
    ("AZ-01", "安置补助费", "安置人口", "", "35000.00", "人", "户", None),
    ("QM-01", "青苗补偿费", "土地面积", "地类=水田、旱地、园地", "1850.50", "亩", "户", None),
    ("FW-01", "房屋补偿", "房屋面积", "结构=框架;合法性=合法", "1650.00", "㎡", "户", None),
    ("FW-02", "房屋补偿", "房屋面积", "结构=砖混;合法性=合法", "1380.00", "㎡", "户", None),
    ("FW-03", "房屋补偿", "房屋面积", "结构=砖木;合法性=合法", "1050.00", "㎡", "户", None),
    ("FW-04", "房屋补偿", "房屋面积", "结构=简易;合法性=合法", "420.00", "㎡", "户", None),
    ("ZX-01", "装修补偿", "装修评估价", "合法性=合法", "1.00", "元", "户", None),
    ("BQ-01", "搬迁费", "房屋面积", "合法性=合法", "30.00", "㎡", "户", "3000.00"),
    ("GD-01", "过渡费", "过渡月数×人口", "", "600.00", "人·月", "户", None),
    ("FJ-01", "附着物补偿", "附着物数量", "附着物=果树", "120.00", "棵", "户", None),
    ("FJ-02", "附着物补偿", "附着物数量", "附着物=水井", "800.00", "口", "户", None),
    ("FJ-03", "附着物补偿", "附着物数量", "附着物=围墙", "85.00", "米", "户", None),
    ("JL-01", "签约奖励", "每户", "签约截止=2026-06-30", "20000.00", "户", "户", None),
    ("KN-01", "困难补助", "每户", "标签=低保户、五保户", "10000.00", "户", "户", None),
    ("SB-01", "社保费用", "安置人口", "", "48000.00", "人", "社保", None),
)

# 社保费用 by the project's published social-security standard instead of a flat sum per person (the demo's).
AGE_BAND_ROW = ("SB-01", "社保费用", "社保年龄段", "", "1.00", "元", "社保", None)


def _fen(text: str) -> int:
    whole, _, cents = text.partition(".")
    return int(whole) * 100 + int((cents + "00")[:2])


def sample_rate_table(
    name: str = "城东产业园区征收补偿标准", version: int = 1, *, age_bands: bool = False
) -> RateTable:
    """The sample table; with ``age_bands`` its 社保费用 follows the social-security standard's age bands."""
    rows = tuple(AGE_BAND_ROW if age_bands and row[0] == AGE_BAND_ROW[0] else row for row in SAMPLE_ROWS)
    rules = tuple(
        Rule.from_text(
            code=code,
            item=item,
            basis=basis,
            conditions=conditions,
            unit_price_fen=_fen(price),
            unit=unit,
            payee=payee,
            minimum_fen=None if minimum is None else _fen(minimum),
        )
        for code, item, basis, conditions, price, unit, payee, minimum in rows
    )
    return RateTable(name, version, date(2026, 3, 1), "东政发〔2026〕12号", rules=rules)
