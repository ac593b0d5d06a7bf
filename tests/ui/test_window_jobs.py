"""Long work from the window: cancel reaches the job, the database is not switched under a running
job, the import wizard's last page is final, and which database the program opens at start."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import select

from resettle.errors import Cancelled
from resettle.services.register import households, imports, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from resettle.store.models import Person
from tests.conftest import CLERK
from tests.ui.conftest import SAMPLES, next_page, open_clean_copy, open_import, settle
from ui import app
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.ops import OpRunner
from ui.remembered import last_database_key
from ui.welcome import WelcomeDialog


def test_the_runner_always_passes_its_own_cancel(qtbot) -> None:
    """A caller passing cancelled=None (the old export bug) still gets a cancel that reaches the job."""
    runner = OpRunner()
    started = threading.Event()
    seen: list[object] = []

    def job(progress=None, cancelled=None) -> int:
        seen.append(cancelled)
        started.set()
        for i in range(500):
            if cancelled is not None and cancelled():
                raise Cancelled(f"已取消，第 {i} 步")
            time.sleep(0.01)
        return 1

    stopped: list[str] = []
    runner.cancelled.connect(stopped.append)
    done: list[object] = []
    runner.run(None, "test", job, cancelled=None, on_done=done.append)
    assert started.wait(5)
    runner.cancel_all()
    qtbot.waitUntil(lambda: bool(stopped), timeout=5000)
    assert callable(seen[0]) and done == [] and stopped[0].startswith("已取消")


def test_a_cancelled_export_from_the_window_writes_no_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "花名册.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    stopped: list[str] = []
    window.runner.cancelled.connect(stopped.append)
    block = threading.Event()
    window.runner.run(window, "", block.wait, with_progress=False, timeout=10)  # the writer lane is busy ...
    window.export_sheet("roster")  # ... so the export is queued, and cancelled before it starts writing
    window.runner.cancel_all()
    block.set()
    qtbot.waitUntil(lambda: bool(stopped), timeout=10000)
    window.runner.wait()
    assert not out.exists() and list(tmp_path.glob("*.xlsx")) == []
    assert "导出已取消" in window.statusBar().currentMessage()


def test_the_database_is_not_switched_under_a_running_job(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_blocking_warnings: list[str]
) -> None:
    old = window.db
    block = threading.Event()
    window.runner.run(window, "", block.wait, with_progress=False, timeout=20)
    monkeypatch.setattr(window.runner, "wait", lambda msecs=0: False)  # still running after the grace period
    other = Database.open(tmp_path / "other.sqlite3", actor=CLERK, startup_backup=False)
    assert window.files.switch_database(other) is False
    assert window.db is old and _no_blocking_warnings and "任务正在进行" in _no_blocking_warnings[-1]
    assert search.count_households(old, HouseholdQuery()) == 60  # the open register still works
    block.set()
    monkeypatch.undo()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    again = Database.open(tmp_path / "other.sqlite3", actor=CLERK, startup_backup=False)
    assert window.files.switch_database(again) is True and window.db is again


def _import_clean_copy(qtbot, window: MainWindow, folder: Path) -> ImportWizard:
    """The clean sample survey imported through the wizard's pages, as a clerk clicks 下一步."""
    wizard = open_clean_copy(qtbot, window, folder)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    next_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=15000):
        next_page(qtbot, wizard)
    return wizard


def test_the_wizards_last_page_is_final(qtbot, window: MainWindow, tmp_path: Path) -> None:
    wizard = _import_clean_copy(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: wizard.apply_page.done, timeout=5000)
    batches = len(imports.list_batches(window.db))
    assert wizard.currentPage() is wizard.apply_page
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # no way back into a second run
    wizard.back()  # even programmatically: the page does not run the import again
    if wizard.currentPage() is not wizard.apply_page:
        wizard.next()
    window.runner.wait()
    assert len(imports.list_batches(window.db)) == batches
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_resettle_app_opens_the_file_given_with_db(qtbot, prefs: QSettings, tmp_path: Path) -> None:
    assert app.parse_arguments(["resettle-app", "--db", str(tmp_path / "x.sqlite3")]).db == tmp_path / "x.sqlite3"
    given = tmp_path / "given.sqlite3"
    with Database.open(given, actor=CLERK, startup_backup=False) as database:
        projects.create_project(database, "指定的项目")
    prefs.setValue(last_database_key(), str(tmp_path / "somewhere-else.sqlite3"))
    db = app.open_start_database(prefs, app.parse_arguments(["resettle-app", "--db", str(given)]).db)
    assert db is not None
    try:
        assert db.path == given and [p.name for p in projects.tree(db, with_counts=False)] == ["指定的项目"]
    finally:
        db.close()


def test_a_new_data_folder_does_not_reopen_another_folders_database(
    qtbot, prefs: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "office-a.sqlite3"
    Database.open(first, actor=CLERK, startup_backup=False).close()
    monkeypatch.setenv("RESETTLE_DATA_DIR", str(tmp_path / "data-a"))
    prefs.setValue(last_database_key(), str(first))
    db = app.open_start_database(prefs)  # the same data folder: the last database opens
    assert db is not None and db.path == first
    db.close()
    monkeypatch.setenv("RESETTLE_DATA_DIR", str(tmp_path / "data-b"))
    welcomed: list[WelcomeDialog] = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: welcomed.append(dialog) or 0)
    assert app.open_start_database(prefs) is None  # a new folder starts at the welcome page
    assert welcomed
    monkeypatch.setenv("RESETTLE_DATA_DIR", str(tmp_path / "data-a"))
    assert prefs.value(last_database_key()) == str(first)  # folder a still remembers its own


def test_several_projects_in_the_window_count_per_selection(qtbot, window: MainWindow) -> None:
    """The tree's project filter is applied once there are two projects (one project = whole register)."""
    second = projects.create_project(window.db, "第二个项目")
    gid = projects.add_group(window.db, second, "德源村", "一组")
    from resettle.domain.household import HouseholdData

    households.create_household(window.db, HouseholdData(household_no="DY001", group_id=gid, head_name="王五"))
    window.reload_all()
    settle(qtbot, window)
    item, _ = window._tree_items[("project", second)]
    window.tree.setCurrentIndex(item.index())
    settle(qtbot, window)
    assert window.model.rowCount() == 1 and window.current_project_id() == second


def _import_then_undo(qtbot, window: MainWindow) -> int:
    """Imports the clean sample, undoes it from the window; the household count before."""
    from resettle.io.survey import ReadOptions

    before = search.count_households(window.db, HouseholdQuery())
    found = imports.preview_import(
        window.db, SAMPLES / "sample_survey_clean.xlsx", project="德源村征地项目", options=ReadOptions(village="德源村")
    )
    batch = imports.apply_import(window.db, found).batch_id
    window.runner.announce("households", "tree")
    settle(qtbot, window)
    assert search.count_households(window.db, HouseholdQuery()) == before + 40
    assert window.model.rowCount() == before  # the project shown is still the demo: the newcomers are elsewhere
    window.imports.undo_batch(batch, "导错了项目")
    qtbot.waitUntil(lambda: "已撤销" in window.statusBar().currentMessage(), timeout=15000)
    settle(qtbot, window)
    assert window.model.rowCount() == before == search.count_households(window.db, HouseholdQuery())
    return before


def test_undo_of_a_batch_runs_on_the_worker_thread(qtbot, window: MainWindow) -> None:
    _import_then_undo(qtbot, window)


@pytest.mark.sqlite_only  # a restore swaps the register file; on a server it is refused (tests/postgres/test_server.py)
def test_undo_of_a_batch_and_restore_run_on_the_worker_thread(qtbot, window: MainWindow, tmp_path: Path) -> None:
    saved = window.db.backup_now("manual")
    before = _import_then_undo(qtbot, window)
    households.delete_household(window.db, search.list_households(window.db, HouseholdQuery(), 0, 1).rows[0].id,
                                "测试删除")  # fmt: skip
    window.files.restore_from(saved)
    qtbot.waitUntil(lambda: "已恢复" in window.statusBar().currentMessage(), timeout=15000)
    settle(qtbot, window)
    assert search.count_households(window.db, HouseholdQuery()) == before == window.model.rowCount()


@pytest.mark.sqlite_only  # a restore swaps the register file; on a server it is refused
def test_a_restore_cancelled_from_the_window_keeps_the_register(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.store import backup

    saved = window.db.backup_now("manual")
    households.delete_household(window.db, search.list_households(window.db, HouseholdQuery(), 0, 1).rows[0].id,
                                "测试删除")  # fmt: skip
    window.runner.announce("households", "tree")
    settle(qtbot, window)
    before = search.count_households(window.db, HouseholdQuery())
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)  # the demo file is copied in many steps, each looks at 取消
    stopped: list[str] = []
    window.runner.cancelled.connect(stopped.append)
    block = threading.Event()
    window.runner.run(window, "", block.wait, with_progress=False, timeout=10)  # the writer lane is busy ...
    window.files.restore_from(saved)
    window.runner.cancel_all()  # ... while the clerk presses 取消 in the restore's progress box
    block.set()
    qtbot.waitUntil(lambda: bool(stopped), timeout=15000)
    assert "已取消恢复，当前数据没有改变" in stopped[0]
    settle(qtbot, window)
    assert search.count_households(window.db, HouseholdQuery()) == before == window.model.rowCount()


def test_a_cancelled_import_ends_the_wizard_with_nothing_stored(qtbot, window: MainWindow, tmp_path: Path) -> None:
    before = search.count_households(window.db, HouseholdQuery())
    wizard = open_clean_copy(qtbot, window, tmp_path)
    for _ in range(2):
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    stopped: list[str] = []
    window.runner.cancelled.connect(stopped.append)
    block = threading.Event()
    window.runner.run(window, "", block.wait, with_progress=False, timeout=10)  # hold the writer lane
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    window.runner.cancel_all()  # the clerk presses 取消 in the progress box
    block.set()
    qtbot.waitUntil(lambda: wizard.apply_page.failed, timeout=15000)
    assert "没有导入任何数据" in wizard.apply_page.result_label.text()
    assert stopped and "导入已取消" in stopped[0]  # it was the cancel, not an error
    assert search.count_households(window.db, HouseholdQuery()) == before
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_error_report_is_written_on_the_worker_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_blocking_warnings: list[str]
) -> None:
    import openpyxl

    wizard = open_import(qtbot, window, SAMPLES / "sample_survey.xlsx")
    for _ in range(2):
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    out = tmp_path / "错误报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    wizard.check_page.export_report()
    qtbot.waitUntil(lambda: any("已导出到" in t for t in _no_blocking_warnings), timeout=15000)
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        assert len(book.sheetnames) >= 1
    finally:
        book.close()
    wizard.reject()


def test_a_file_opens_on_a_worker_and_a_cancel_keeps_the_register_in_use(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """文件 → 打开: the open (an upgrade and its backup can take a while) runs on a worker; 取消 pressed
    meanwhile closes the new register again and the window stays on the one it had."""
    before = window.db
    target = tmp_path / "另一个.sqlite3"
    seen: dict[str, object] = {}
    real = Database.open.__func__  # type: ignore[attr-defined]

    def opening(cls: type[Database], path: Path, *args: object, **kwargs: object) -> Database:
        seen["thread"] = threading.current_thread()
        db = real(cls, path, *args, **kwargs)
        window.runner.cancel_all()  # the clerk presses 取消 while it opens
        return db

    monkeypatch.setattr(Database, "open", classmethod(opening))
    window.files._open_path(target)
    assert seen["thread"] is not threading.main_thread()
    assert window.db is before
    monkeypatch.undo()
    with Database.open(target, actor=CLERK, startup_backup=False) as again:  # closed again: its lock is free
        assert again.path == target
    window.files._open_path(target)  # without 取消 it becomes the window's register
    settle(qtbot, window)
    assert window.db is not before and window.db.path == target


def test_a_superseded_job_never_runs_or_stops_quietly(qtbot) -> None:
    """supersede(): a queued job is taken off the queue (never runs, delivers nothing, the runner is not
    left busy); a running one is asked to stop, and its stop is not told to the clerk."""
    runner = OpRunner()
    release = threading.Event()
    ran: list[str] = []
    stopped: list[str] = []
    runner.cancelled.connect(stopped.append)

    def hold(name: str, cancelled=None) -> str:
        ran.append(name)
        while not release.is_set():
            if cancelled is not None and cancelled():
                raise Cancelled("已停止")
            time.sleep(0.005)
        return name

    done: list[str] = []
    running = [
        runner.run(None, "", hold, with_progress=False, read_only=True, name=f"running {i}", on_done=done.append)
        for i in range(2)
    ]  # fmt: skip  (both read threads busy)
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=5000)
    queued = runner.run(None, "", hold, with_progress=False, read_only=True, name="queued", on_done=done.append)
    runner.supersede(queued)
    runner.supersede(running[0])
    qtbot.waitUntil(lambda: len(runner._jobs) == 1, timeout=5000)  # the stopped one is gone, quietly
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    runner.wait()
    assert sorted(ran) == ["running 0", "running 1"] and done == ["running 1"] and stopped == []


def test_typing_on_stops_the_search_typed_past(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each keystroke's search supersedes the one before: the table ends on the last text's rows, and
    the earlier searches were stopped (or never started) rather than run to their end."""
    read = search.first_page
    outcomes: list[tuple[str, str]] = []

    def slow_read(db, query, limit, cancelled=None):  # each search takes a while, as on a county's register
        for _ in range(40):
            if cancelled is not None and cancelled():
                outcomes.append((query.text, "stopped"))
                raise Cancelled("已停止")
            time.sleep(0.005)
        outcomes.append((query.text, "read"))
        return read(db, query, limit, cancelled)

    monkeypatch.setattr(search, "first_page", slow_read)
    name = search.list_households(window.db, HouseholdQuery(), 0, 1).rows[0].head_name
    for n in range(1, len(name) + 1):
        window.search.setText(name[:n])
        window.apply_filter()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    settle(qtbot, window)
    assert outcomes[-1] == (name, "read"), outcomes
    typed_past = [(text, result) for text, result in outcomes if text != name and name.startswith(text)]
    # Each prefix was stopped while it ran, or taken off the queue before it started (then not listed).
    assert all(result == "stopped" for _, result in typed_past), outcomes
    assert window.model.query.text == name
    shown = {row.head_name for r in range(window.model.rowCount()) if (row := window.model.row_at(r)) is not None}
    assert name in shown


@pytest.mark.sqlite_only  # a restore swaps the register file; on a server it is refused
def test_a_backup_file_saved_elsewhere_is_restored_from_the_window(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from resettle.services.register import backups
    from ui.dialogs import RestoreDialog

    stick = tmp_path / "U盘"
    stick.mkdir()
    saved = stick / "东岗村备份.sqlite3"
    backups.backup_to(window.db, saved)
    before = search.count_households(window.db, HouseholdQuery())
    households.delete_household(window.db, search.list_households(window.db, HouseholdQuery(), 0, 1).rows[0].id,
                                "测试删除")  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: (self.pick_button.click(), self.result())[1])
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: shown.append(text) or QMessageBox.StandardButton.Yes
    )
    window.files.restore_backup()
    qtbot.waitUntil(lambda: "已恢复" in window.statusBar().currentMessage(), timeout=15000)
    assert "东岗村备份.sqlite3" in shown[0]
    settle(qtbot, window)
    assert search.count_households(window.db, HouseholdQuery()) == before == window.model.rowCount()


@pytest.mark.sqlite_only  # a restore swaps the register file; on a server it is refused
def test_a_clerk_cannot_restore_from_the_window(qtbot, window: MainWindow) -> None:
    from resettle.domain.roles import Role
    from resettle.store import backup

    saved = window.db.backup_now("manual")
    households.delete_household(window.db, search.list_households(window.db, HouseholdQuery(), 0, 1).rows[0].id,
                                "测试删除")  # fmt: skip
    before = (search.count_households(window.db, HouseholdQuery()), backup.list_backups(window.db.path))
    errors: list[BaseException] = []
    window.runner.on_error = lambda _parent, exc, _trace: errors.append(exc)
    window.db.accounts_on, window.db.role, window.db.account = True, Role.CLERK, "clerk"  # logged in as a clerk
    window.files.restore_from(saved)
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    assert "无权从备份恢复数据库" in str(errors[0])
    assert (search.count_households(window.db, HouseholdQuery()), backup.list_backups(window.db.path)) == before


@pytest.mark.sqlite_only
def test_after_a_restore_without_this_account_the_window_asks_for_a_login(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from resettle.services import accounts
    from resettle.services.accounts import Role
    from ui.payments import login

    secret = "Zq7-longer-secret"
    no_accounts = window.db.backup_now("manual")  # the demo register, one clerk
    accounts.add_user(window.db, "admin", Role.ADMIN, secret)
    accounts.login(window.db, "admin", secret)
    admin_only = window.db.backup_now("manual")
    accounts.add_user(window.db, "admin2", Role.ADMIN, secret)
    accounts.login(window.db, "admin2", secret)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    asked: list[str | None] = []

    def log_in_as_admin(_parent: object, db: Database) -> bool:
        asked.append(db.account)
        accounts.login(db, "admin", secret)
        return True

    monkeypatch.setattr(login, "ensure_login", log_in_as_admin)
    window.files.restore_from(admin_only)  # admin2 came after this backup: logged out, asked to log in
    qtbot.waitUntil(lambda: "已恢复" in window.statusBar().currentMessage(), timeout=15000)
    assert asked == [None] and len(told) == 1 and "请重新登录" in told[0]
    assert window.db.account == "admin" and window.db.role is Role.ADMIN

    window.statusBar().clearMessage()
    window.files.restore_from(admin_only)  # admin is in it, still an admin: nothing asked
    qtbot.waitUntil(lambda: "已恢复" in window.statusBar().currentMessage(), timeout=15000)
    assert asked == [None] and len(told) == 1 and window.db.account == "admin"

    window.statusBar().clearMessage()
    window.files.restore_from(no_accounts)  # no accounts in it: one clerk again, nobody to log in
    qtbot.waitUntil(lambda: "已恢复" in window.statusBar().currentMessage(), timeout=15000)
    assert asked == [None] and len(told) == 1 and window.db.role is None
    assert not accounts.accounts_enabled(window.db)


def test_an_administrator_opens_the_window_without_errors_and_sees_no_families(
    qtbot, demo_db: Database, prefs: QSettings
) -> None:
    """An administrator manages accounts and restores; the window opens for it empty with a banner
    that says why (it used to fail on the first read), and shows the register once a clerk logs in."""
    from resettle.services import accounts
    from resettle.services.accounts import Role

    secret = "Zq7-longer-secret"
    accounts.add_user(demo_db, "admin", Role.ADMIN, secret)
    accounts.login(demo_db, "admin", secret)
    accounts.add_user(demo_db, "clerk", Role.CLERK, secret)
    errors: list[BaseException] = []
    runner = OpRunner()
    runner.on_error = lambda _parent, exc, _trace: errors.append(exc)
    win = MainWindow(demo_db, prefs, runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    assert win.no_read_label.isVisible() and "管理员" in win.no_read_label.text()
    assert win.model.rowCount() == 0 and win.tree_model.rowCount() == 0
    with demo_db.read() as s:
        surname = s.scalars(select(Person.name).order_by(Person.id)).first()[:1]  # someone the register holds
    win.search.setText(surname)
    win._search_now()
    settle(qtbot, win)
    assert win.model.rowCount() == 0 and errors == []

    accounts.login(demo_db, "clerk", secret)
    win.after_login()
    settle(qtbot, win)
    assert not win.no_read_label.isVisible()
    assert win.tree_model.rowCount() > 0 and win.model.rowCount() > 0 and errors == []
    runner.wait()


def test_importing_the_same_file_again_records_no_empty_batch(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The second import of an unchanged survey: the check page says there is nothing to import and
    its 下一步 stays off; the service refuses too, and no 导入批次 is recorded."""
    from resettle.errors import ValidationError

    _import_clean_copy(qtbot, window, tmp_path)
    window.runner.wait()
    batches = imports.list_batches(window.db)

    (tmp_path / "again").mkdir()
    again = open_clean_copy(qtbot, window, tmp_path / "again")
    next_page(qtbot, again)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=10000)
    next_page(qtbot, again)
    qtbot.waitUntil(lambda: again.currentPage() is again.check_page, timeout=5000)
    assert "无需导入" in again.check_page.subTitle()
    assert not again.check_page.isComplete()
    assert not again.button(QWizard.WizardButton.NextButton).isEnabled()
    preview = again.preview
    assert preview is not None and preview.added == [] and preview.changed == []
    with pytest.raises(ValidationError, match="完全一致"):
        imports.apply_import(window.db, preview)
    assert imports.list_batches(window.db) == batches
