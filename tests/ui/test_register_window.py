"""The register window driven like a clerk would, on a real demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from resettle.domain.ids import check_character
from resettle.domain.pinyin import initials
from resettle.services.register import households, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import copy_register
from ui.household_editor import ConflictDialog, HouseholdEditor
from ui.main_window import MainWindow
from ui.models.household_parts import MembersModel
from ui.models.household_table import PAGE
from ui.ops import OpRunner


def _type_in_cell(qtbot, editor: HouseholdEditor, row: int, col: int, text: str) -> None:
    table = editor.tables["members"]

    def open_editors() -> list[QWidget]:
        return [w for w in table.viewport().children() if isinstance(w, QWidget) and w.isVisible()]

    for open_editor in open_editors():  # Enter opened the next cell: leave it unchanged
        qtbot.keyClick(open_editor, Qt.Key.Key_Escape)
    index = table.model().index(row, col)
    table.setCurrentIndex(index)
    table.edit(index)
    lines = [w for w in open_editors() if isinstance(w, QLineEdit)]
    assert len(lines) == 1, "no cell editor opened"
    line = lines[0]
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _find_row(window: MainWindow, household_id: int) -> int | None:
    for r in range(window.model.rowCount()):
        row = window.model.ensure_row(r)
        if row is not None and row.id == household_id:
            return r
    return None


def test_search_by_pinyin_initials_finds_the_household(qtbot, window: MainWindow, demo_db: Database) -> None:
    target = search.list_households(demo_db, HouseholdQuery(), 17, 1).rows[0]
    code = initials(target.head_name)
    qtbot.keyClicks(window.search, code)
    qtbot.waitUntil(lambda: window.model.query.text == code, timeout=3000)
    assert 0 < window.model.rowCount() < 60
    assert _find_row(window, target.id) is not None
    assert window.rows_label.text().startswith("共")


def test_edit_invalid_id_then_fix_saves_and_updates_table_and_history(
    qtbot, window: MainWindow, demo_db: Database, _no_blocking_warnings: list[str]
) -> None:
    row = search.list_households(demo_db, HouseholdQuery(), 3, 1).rows[0]
    window.table.selectRow(3)
    assert window.selected_household_id() == row.id
    editor = window._editor(row.id)
    qtbot.addWidget(editor)
    editor.show()
    original_id = editor.members.text(0, "id_number")

    first17 = original_id[:17]
    wrong = first17 + ("0" if check_character(first17) != "0" else "1")
    _type_in_cell(qtbot, editor, 0, MembersModel.COL_ID, wrong)
    cell = editor.members.index(0, MembersModel.COL_ID)
    assert editor.members.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    assert "校验码" in editor.members.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert not editor.save_button.isEnabled()

    new_first17 = "330802" + "19900715" + "123"  # odd sequence → male
    fixed = new_first17 + check_character(new_first17)
    _type_in_cell(qtbot, editor, 0, MembersModel.COL_ID, fixed)
    assert editor.members.data(cell, Qt.ItemDataRole.BackgroundRole) is None
    assert editor.members.text(0, "sex") == "男"
    assert editor.members.text(0, "birth_date") == "1990-07-15"
    editor.head_name.clear()
    editor.head_name.insert("测试改名")  # QTest cannot type Chinese; insert() is user-style editing
    assert editor.save_button.isEnabled()

    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        qtbot.keyClick(editor.head_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _no_blocking_warnings == []
    stored = households.get_household(demo_db, row.id)
    assert stored.data.persons[0].id_number == fixed
    assert stored.data.head_name == "测试改名"
    qtbot.waitUntil(
        lambda: window.model.ensure_row(3) is not None and window.model.ensure_row(3).head_name == "测试改名"
    )
    fields = {(e.field, e.old, e.new) for e in households.history(demo_db, row.id)}
    assert ("id_number", original_id, fixed) in fields
    history_fields = {editor.history_model.entry(r).field for r in range(editor.history_model.rowCount())}
    assert {"id_number", "head_name"} <= history_fields


def test_conflicting_save_shows_their_change_and_loses_nothing(qtbot, window: MainWindow, demo_db: Database) -> None:
    row = search.list_households(demo_db, HouseholdQuery(), 5, 1).rows[0]
    editor = window._editor(row.id)
    qtbot.addWidget(editor)
    editor.show()

    other = Database.open(demo_db.path, lock=False, startup_backup=False)
    try:
        theirs = households.get_household(other, row.id)
        from dataclasses import replace

        households.update_household(other, theirs, replace(theirs.data, phone="13900001111"))
    finally:
        other.close()

    editor.address.clear()
    editor.address.insert("新地址100号")
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        model = dialog.table.model()
        seen["rows"] = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
        dialog.keep_button.click()

    QTimer.singleShot(200, answer)
    assert editor.save() is False
    assert ("联系电话", row.phone, "13900001111") in seen["rows"]
    stored = households.get_household(demo_db, row.id)
    assert stored.data.phone == "13900001111"  # their save kept
    assert editor.address.text() == "新地址100号" and editor.dirty  # my typing kept
    editor._dirty = False


@pytest.mark.slow
def test_window_opens_a_million_households_without_loading_them(qtbot, tmp_path: Path, demo_template: Path) -> None:
    path = tmp_path / "big.sqlite3"
    copy_register(demo_template, path)
    dst = dbraw.connect(path)
    insert = (
        "INSERT INTO household (project_id, group_id, household_no, head_name, head_initials, phone, address, "
        "bank_name, bank_account, tags, status, remarks, version, seal) "
    )
    if dst.server:
        insert += (
            "SELECT 1, 1, 'Z' || lpad(i::text, 7, '0'), '张三' || i, 'zs', '', '', '', '', '', '已调查', '', 1, '' "
            "FROM generate_series(1, 1000000) AS i"
        )
    else:
        insert += (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
            "SELECT 1, 1, printf('Z%07d', i), '张三' || i, 'zs', '', '', '', '', '', '已调查', '', 1, '' FROM n"
        )
    dst.execute(insert)
    dst.commit()
    dst.close()
    db = Database.open(path, startup_backup=False)
    try:
        runner = OpRunner()
        win = MainWindow(db, QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat), runner)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: not win.model.counting, timeout=10000)  # the count runs on a worker thread
        assert win.model.rowCount() == 1_000_060
        qtbot.waitUntil(lambda: win.model.fetched_rows > 0, timeout=5000)  # the first page follows the paint
        assert win.model.fetched_rows <= 2 * PAGE
        win.table.scrollToBottom()
        qtbot.waitUntil(lambda: win.model.row_at(win.model.rowCount() - 1) is not None, timeout=5000)
        assert win.model.fetched_rows <= 4 * PAGE
        win.close()
    finally:
        db.close()


def test_the_editor_shows_the_registers_stage_and_nobody_types_it(qtbot, window: MainWindow, demo_db: Database) -> None:
    """The 状态 in the editor is the stage the register's table shows (the compensation's once
    computed), not a free text that could say 已签约 without an agreement; saving keeps the stored one."""
    from PySide6.QtWidgets import QLabel

    from tests.documents.conftest import price

    price(demo_db)  # the sample standard, every household computed
    row = search.list_households(demo_db, HouseholdQuery(), 5, 1).rows[0]
    assert row.status == "已计算"
    editor = window._editor(row.id)
    qtbot.addWidget(editor)
    editor.show()
    assert isinstance(editor.status, QLabel)
    assert editor.status.text() == "已计算"
    editor.compensation.review()
    assert editor.status.text() == "已复核"
    assert editor.original is not None
    assert editor.data().status == editor.original.data.status == "已调查"  # the survey's, kept as stored
    shown = search.list_households(demo_db, HouseholdQuery(text=row.household_no), 0, 5).rows
    assert [r.status for r in shown if r.id == row.id] == ["已复核"]


def test_a_search_that_finds_nobody_says_so_and_where_it_looked(qtbot, window: MainWindow) -> None:
    from tests.ui.conftest import settle

    assert not window.no_match_label.isVisible()
    window.search.setText("查无此人")
    window._search_now()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=3000)
    assert window.no_match_label.isVisible()
    assert "没有与「查无此人」匹配的户" in window.no_match_label.text()
    window.search.clear()
    window._search_now()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    assert not window.no_match_label.isVisible()


def test_the_table_follows_a_compute_and_a_review(qtbot, window: MainWindow, demo_db: Database) -> None:
    """F9 and the editor's 补偿 tab change 状态 and 补偿合计: the register's table shows them at once."""
    from resettle.domain.sample_rates import sample_rate_table
    from resettle.services.compensation import rate_tables
    from resettle.services.register import projects

    def shown(hid: int) -> tuple[str, str]:
        r = _find_row(window, hid)
        assert r is not None
        return str(window.model.data(window.model.index(r, 8))), str(window.model.data(window.model.index(r, 9)))

    pid = projects.resolve_project(demo_db, None)
    table = sample_rate_table()
    info = rate_tables.create_rate_table(demo_db, table.name, rules=table.rules)
    rate_tables.publish_rate_table(demo_db, info.id)
    rate_tables.set_project_rate_table(demo_db, pid, info.id, transition_months=24)
    first = search.list_households(demo_db, HouseholdQuery(), 0, 1).rows[0]
    assert shown(first.id)[0] == "已调查"
    window.compute_all()  # F9
    qtbot.waitUntil(lambda: shown(first.id)[0] == "已计算", timeout=20000)
    assert shown(first.id)[1] not in ("", "None")
    editor = window._editor(first.id)
    qtbot.addWidget(editor)
    editor.compensation.review()
    qtbot.waitUntil(lambda: shown(first.id)[0] == "已复核", timeout=5000)


def test_a_new_household_has_no_stage_until_saved(qtbot, window: MainWindow) -> None:
    editor = window._editor(None)
    qtbot.addWidget(editor)
    assert editor.status.text() == "新建，未保存"  # it said 已调查 before anything was written


def test_the_selection_survives_a_refresh_and_a_compute(qtbot, window: MainWindow, demo_db: Database) -> None:
    """视图 → 刷新 and F9 read the register again: the rows the clerk selected stay selected, so the per-household
    actions that follow still find them; a new filter starts without a selection."""
    from resettle.domain.sample_rates import sample_rate_table
    from resettle.services.compensation import rate_tables
    from resettle.services.register import projects

    pid = projects.resolve_project(demo_db, None)
    table = sample_rate_table()
    info = rate_tables.create_rate_table(demo_db, table.name, rules=table.rules)
    rate_tables.publish_rate_table(demo_db, info.id)
    rate_tables.set_project_rate_table(demo_db, pid, info.id, transition_months=24)
    window.table.selectRow(2)
    window.table.selectionModel().select(
        window.model.index(4, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    chosen = sorted(window.selected_household_ids())
    assert len(chosen) == 2
    window.reload_all()  # 视图 → 刷新
    qtbot.waitUntil(lambda: sorted(window.selected_household_ids()) == chosen, timeout=10000)
    window.compute_all()  # F9: the table is read again once the compute is done
    qtbot.waitUntil(lambda: window.model.data(window.model.index(2, 8)) == "已计算", timeout=20000)
    qtbot.waitUntil(lambda: sorted(window.selected_household_ids()) == chosen, timeout=10000)
    window.search.setText("东岗")
    window._search_now()
    qtbot.waitUntil(lambda: not window.model.counting and window.model.rowCount() > 0, timeout=10000)
    qtbot.wait(200)  # its pages arrive: nothing is selected again in another filter
    assert window.selected_household_ids() == []


def test_a_selection_larger_than_kept_is_not_read_row_by_row(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """全选 of a county's register is not read back one household at a time on every refresh."""
    import ui.main_window as main_window

    monkeypatch.setattr(main_window, "KEEP_SELECTED", 3)
    window.table.selectAll()
    assert len(window.table.selectionModel().selectedRows()) > 3
    window.reload_all()
    qtbot.wait(300)
    assert window._reselect == [] and window.selected_household_ids() == []


def test_the_first_admin_made_in_the_window_sees_no_households(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    """协议兑付 → 账户… → 添加账户… on a register without accounts: the admin logs in at once, and the
    window then shows what an admin may see (no families' data, and the banner saying why)."""
    from PySide6.QtWidgets import QDialog

    from resettle.services import accounts
    from ui.payments import PaymentsArea, accounts_dialog

    assert window.model.rowCount() > 0
    secret = "first-admin-secret"

    def filled(form: accounts_dialog.PasswordForm) -> int:
        form.name.setText("admin")
        form.password.setText(secret)
        form.again.setText(secret)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(accounts_dialog.PasswordForm, "exec", filled)
    monkeypatch.setattr(accounts_dialog, "ensure_login", lambda _p, db: bool(accounts.login(db, "admin", secret)))
    area = next(a for a in window.areas if isinstance(a, PaymentsArea))
    dialog = area.show_accounts()
    qtbot.addWidget(dialog)
    dialog.add()
    qtbot.waitUntil(lambda: window.no_read_label.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
