"""变更记录 never shows an internal name: every audited table and column has a Chinese label."""

from __future__ import annotations

from resettle.services.register.labels import ENTITY_LABELS, entity_label, field_label
from resettle.store import schema  # noqa: F401 - every model registered
from resettle.store.audit import NOT_AUDITED
from resettle.store.models import Base, Editable


def test_every_audited_table_and_column_has_a_label() -> None:
    missing: list[str] = []
    for mapper in Base.registry.mappers:
        if not issubclass(mapper.class_, Editable):
            continue
        table = mapper.local_table.name
        if entity_label(table) == table:
            missing.append(table)
        for column in mapper.local_table.columns:
            if column.name in NOT_AUDITED or column.name == "id":
                continue
            if field_label(table, column.name) == column.name:
                missing.append(f"{table}.{column.name}")
    assert missing == []


def test_labels_are_chinese_and_overrides_win() -> None:
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in label) for label in ENTITY_LABELS.values())
    assert field_label("project", "name") == "项目名称" and field_label("person", "name") == "姓名"
    assert field_label("household_compensation", "total") == "合计(元)"
    assert field_label("household", "*") == "（全部）"
