"""One rule for 联系电话: the survey importer refuses exactly what the household editor refuses,
and stores what it accepts in the same normalised form."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from resettle.domain.contacts import check_phone
from resettle.domain.household import HouseholdData
from resettle.errors import ValidationError
from resettle.io.survey import ReadOptions, read_survey
from resettle.services.register.validation import validated
from tests.io.builders import household, person, survey_layout, write_xlsx

EXAMPLES = (
    "13812345678",
    "138-1234-5678",
    "+86 13812345678",
    "0571-88881234",
    "0571 8888888",
    "(0571)88881234",
    "010-62345678",
    "13812345678、0571-88881234",
    "13812345678/13912345678",
    "1380013800",
    "88881234",
    "12812345678",
    "电话见备注",
    "13812345678、13912345678、13712345678",
)


def _editor(phone: str) -> str | None:
    """The editor's answer: the stored phone, or None when saving is refused."""
    try:
        return validated(HouseholdData(household_no="H1", group_id=1, head_name="张伟", phone=phone)).phone
    except ValidationError as exc:
        assert exc.field == "联系电话"
        return None


def test_the_importer_and_the_editor_give_the_same_answer(tmp_path: Path) -> None:
    rng = random.Random(3)
    families = [
        household(f"H{n:03d}", [person("张伟", "户主", date(1970, 5, 6), "男", rng)], phone=phone)
        for n, phone in enumerate(EXAMPLES, start=1)
    ]
    path = tmp_path / "phones.xlsx"
    write_xlsx(path, {"一组": survey_layout(families)})
    result = read_survey(path, ReadOptions())
    refused = {i.row for i in result.errors if i.kind == "bad_phone"}
    assert len(result.households) == len(EXAMPLES)
    answers = []
    for phone, h in zip(EXAMPLES, result.households, strict=True):
        imported = None if h.row in refused else h.phone
        answers.append((phone, imported, _editor(phone)))
    assert all(imported == edited for _, imported, edited in answers), answers
    assert {p for p, imported, _ in answers if imported is None} == {
        "1380013800", "88881234", "12812345678", "电话见备注", "13812345678、13912345678、13712345678",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("０５７１－８８８８１２３４", "0571-88881234"),
        ("0571-88881234转8", "0571-88881234-8"),
        (13812345678, "13812345678"),
    ],
)
def test_phone_forms_are_normalised(raw: object, stored: str) -> None:
    assert check_phone(raw).normalized == stored and check_phone(raw).ok
