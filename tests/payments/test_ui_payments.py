"""The window side of issue 12: login dialog, idle lock, the 协议兑付 dialogs and their table models."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QWidget

from resettle.errors import PermissionDenied
from resettle.services import accounts
from resettle.services.payments import agreements, batches, reconcile
from tests.payments.conftest import Two, household_ids
from ui.areas import AreaContext
from ui.ops import OpRunner
from ui.payments.accounts_dialog import AccountsDialog
from ui.payments.dialogs import AgreementsDialog, BatchesDialog, ReconcileDialog, SupportingDialog, _selected_rows
from ui.payments.login import IdleLock, LoginDialog
from ui.payments.models import AccountsModel, AgreementsModel, BalancesModel, BatchesModel, DifferencesModel

SECRET = "window-secret-1"


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(parent: object, title: str, text: str, *args: object, **kwargs: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def ctx(qtbot, two: Two) -> Iterator[AreaContext]:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = OpRunner()
    chosen = household_ids(two.db, two.a)[:3]
    yield AreaContext(parent, runner, lambda: two.db, lambda: two.a, lambda: chosen)
    runner.wait()


def _with_accounts(two: Two) -> None:
    accounts.add_user(two.db, "admin", "admin", SECRET)
    accounts.login(two.db, "admin", SECRET)
    accounts.add_user(two.db, "clerk", "clerk", SECRET)
    accounts.logout(two.db)


def test_login_dialog_refuses_a_wrong_password_then_logs_in(qtbot, two: Two) -> None:  # type: ignore[no-untyped-def]
    _with_accounts(two)
    dialog = LoginDialog(two.db)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("clerk")
    dialog.password_edit.setText("not-the-password")
    dialog.try_login()
    assert "不正确" in dialog.message.text() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == ""
    dialog.password_edit.setText(SECRET)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert two.db.role is accounts.Role.CLERK and two.db.account == "clerk"


def test_after_a_reset_the_login_asks_for_a_new_password_before_the_window_opens(
    qtbot, two: Two, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The admin's temporary password opens nothing: the login asks for the owner's own new one (a refusal, such as
    a short one, asks again); giving up leaves nobody logged in."""
    from ui.payments.accounts_dialog import PasswordForm

    _with_accounts(two)
    accounts.login(two.db, "admin", SECRET)
    accounts.reset_password(two.db, "clerk", "temporary-pass-1")
    accounts.logout(two.db)
    typed = iter(["short", "clerk-own-pass-2"])
    asked: list[str] = []

    def answer(form: PasswordForm) -> int:
        asked.append(form.windowTitle())
        new = next(typed, None)
        if new is None:
            return QDialog.DialogCode.Rejected
        form.password.setText(new)
        form.again.setText(new)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasswordForm, "exec", answer)
    dialog = LoginDialog(two.db)
    qtbot.addWidget(dialog)
    register = two.db.location if two.db.server is not None else two.db.path.name
    assert register in dialog.windowTitle()  # which register asks (a file's name, a server's address)
    dialog.name_edit.setText("clerk")
    dialog.password_edit.setText("temporary-pass-1")
    dialog.try_login()
    assert asked == ["设置新密码", "设置新密码"] and dialog.result() == QDialog.DialogCode.Accepted
    assert agreements.list_agreements(two.db, two.a) == []  # the clerk works
    accounts.logout(two.db)
    assert not accounts.login(two.db, "clerk", "clerk-own-pass-2").must_change
    # giving up the new password: nobody stays logged in, and the dialog says why
    accounts.logout(two.db)
    accounts.login(two.db, "admin", SECRET)
    accounts.reset_password(two.db, "clerk", "temporary-pass-3")
    accounts.logout(two.db)
    again = LoginDialog(two.db)
    qtbot.addWidget(again)
    again.name_edit.setText("clerk")
    again.password_edit.setText("temporary-pass-3")
    again.try_login()
    assert again.result() != QDialog.DialogCode.Accepted and "新密码" in again.message.text()
    assert two.db.role is None


def test_idle_lock_logs_out_in_the_service_layer_and_unlocks_with_the_password(qtbot, two: Two) -> None:  # type: ignore[no-untyped-def]
    _with_accounts(two)
    accounts.login(two.db, "clerk", SECRET)
    lock = IdleLock(lambda: two.db, lambda: None, minutes=10)
    lock.timer.setInterval(50)  # instead of minutes
    lock.timer.start()
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert two.db.role is None
    with pytest.raises(PermissionDenied):
        agreements.list_agreements(two.db, two.a)
    dialog = lock.dialog
    assert dialog.name_edit.text() == "clerk"
    # Esc (or 退出程序) asks first: answered 否, the lock stays, nothing given up
    gave_up: list[int] = []
    dialog.rejected.connect(lambda: gave_up.append(1))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
        dialog.reject()
    assert gave_up == [] and dialog.isVisible() and lock.is_locked
    dialog.password_edit.setText(SECRET)
    with qtbot.waitSignal(lock.unlocked, timeout=3000):
        dialog.try_login()
    assert two.db.role is accounts.Role.CLERK
    lock.close()


class _Main(QWidget):
    """What ui.app.lock_when_idle needs of the main window."""

    def __init__(self, db: object) -> None:
        super().__init__()
        self.db = db
        self.logins = 0

    def after_login(self) -> None:
        self.logins += 1


def test_a_lock_covers_every_window_and_gives_them_back_to_the_same_account_only(
    qtbot, two: Two, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    from ui.app import lock_when_idle

    _with_accounts(two)
    accounts.login(two.db, "admin", SECRET)
    accounts.add_user(two.db, "reviewer", "reviewer", SECRET)
    accounts.logout(two.db)
    accounts.login(two.db, "clerk", SECRET)
    main = _Main(two.db)
    qtbot.addWidget(main)
    main.show()
    ledger = QDialog()  # e.g. 对账, with names and amounts, left open beside the main window
    qtbot.addWidget(ledger)
    QLabel("东岗01001 张三 120,000.00", ledger)
    ledger.resize(500, 300)
    ledger.show()
    idle = lock_when_idle(main, QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))

    def lock_and_login(name: str) -> None:
        idle.timer.setInterval(50)
        idle.timer.start()
        with qtbot.waitSignal(idle.locked, timeout=3000):
            pass
        assert not main.isVisible()
        panels = [w for w in ledger.findChildren(QLabel) if w.text() == "已锁定" and w.isVisible()]
        assert panels and panels[0].geometry() == ledger.rect()  # nothing of the ledger shows
        idle.dialog.name_edit.setText(name)
        idle.dialog.password_edit.setText(SECRET)
        with qtbot.waitSignal(idle.unlocked, timeout=3000):
            idle.dialog.try_login()
        assert main.isVisible()
        qtbot.waitUntil(lambda: not [w for w in ledger.findChildren(QLabel) if w.text() == "已锁定"])

    lock_and_login("clerk")
    assert ledger.isVisible()  # the same clerk: the window is theirs again
    lock_and_login("reviewer")
    assert not ledger.isVisible()  # another account: what was open for the clerk is closed
    assert main.logins == 2
    idle.close()


def test_idle_lock_does_nothing_without_accounts(qtbot, two: Two) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(lambda: two.db, lambda: None)
    lock.timer.setInterval(30)
    lock.timer.start()
    with qtbot.assertNotEmitted(lock.locked, wait=300):
        pass
    lock.close()


def test_agreement_batch_and_reconcile_dialogs(
    qtbot, qtmodeltester, ctx: AreaContext, two: Two, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), date(2026, 7, 1), "70,30")
    batches.make_batch(db, two.a, 1)
    dialog = AgreementsDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == len(household_ids(db, two.a))
    qtmodeltester.check(dialog.model)
    dialog.grab().save(str(tmp_path / "agreements.png"))
    b = BatchesDialog(ctx, two.a)
    qtbot.addWidget(b)
    b.show()
    assert b.model.rowCount() == 1 and "审计链头" in b.head.text()
    qtmodeltester.check(b.model)
    b.grab().save(str(tmp_path / "batches.png"))
    r = ReconcileDialog(ctx, two.a)
    qtbot.addWidget(r)
    r.show()
    qtmodeltester.check(r.balances)
    qtmodeltester.check(r.differences)
    assert "计算" in r.totals.text()
    r.grab().save(str(tmp_path / "reconcile.png"))
    s = SupportingDialog(ctx, two.a, household_ids(db, two.a)[0])
    qtbot.addWidget(s)
    assert "身份证" in s.checks.text()
    first = agreements.get_agreements(db, two.a, household_ids(db, two.a)[0])
    assert first.household_no in s.windowTitle() and first.head_name in s.windowTitle()  # whose papers
    # the other project's dialog shows none of these agreements
    other = AgreementsDialog(ctx, two.b)
    qtbot.addWidget(other)
    assert other.model.rowCount() == 0


def test_sign_from_the_dialog_runs_off_the_gui_thread(
    qtbot, ctx: AreaContext, two: Two, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = AgreementsDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr("ui.payments.dialogs.SignDialog.exec", lambda self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(ctx.runner.changed, timeout=10000):
        dialog.sign(selected=True)
    assert dialog.model.rowCount() == 3


def test_vacating_is_picked_on_a_calendar_and_said_done_and_a_supplement_needs_its_reason(
    qtbot, ctx: AreaContext, two: Two, monkeypatch: pytest.MonkeyPatch, _no_message_boxes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QInputDialog

    from ui.payments.dialogs import VacateDialog

    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), date(2026, 7, 1))
    dialog = AgreementsDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    counts: list[str] = []

    def pick(form: VacateDialog) -> int:
        counts.append(form.findChildren(QLabel)[0].text())
        form.date_edit.setDate(QDate(2026, 8, 3))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(VacateDialog, "exec", pick)
    with qtbot.waitSignal(ctx.runner.changed, timeout=10000):
        dialog.vacate()  # the three households selected in the register
    qtbot.waitUntil(lambda: any("已登记 3 户腾房" in m for m in _no_message_boxes), timeout=10000)
    assert "所选 3 户" in counts[0]
    vacated = [a.vacated_on for a in agreements.list_agreements(db, two.a) if a.vacated_on is not None]
    assert vacated == [date(2026, 8, 3)] * 3
    assert all(a.vacated_on is None for a in agreements.list_agreements(db, two.b))  # the other project untouched
    # 补充协议: the prompt names the household; an empty reason is said, not silently dropped
    dialog.view.selectRow(0)
    prompts: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda _p, _t, label, *a, **k: (prompts.append(label), ("", True))[1])
    dialog.supplement()
    first = dialog.model.row(0)
    assert first.household_no in prompts[0] and "没有填写原因" in _no_message_boxes[-1]
    ctx.runner.wait()


def test_the_bank_file_is_written_from_the_batches_window(
    qtbot, ctx: AreaContext, two: Two, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_message_boxes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """写出银行文件 failed with a TypeError (the project was not passed): it writes the batch's workbook."""
    from PySide6.QtWidgets import QFileDialog

    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), date(2026, 7, 1))
    made = batches.make_batch(db, two.a, 1)
    dialog = BatchesDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.view.selectRow(0)
    out = tmp_path / "bank.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    errors: list[BaseException] = []
    ctx.runner.on_error = lambda _p, exc, _t: errors.append(exc)
    dialog.write_files()
    qtbot.waitUntil(lambda: bool(_no_message_boxes) or bool(errors), timeout=10000)
    assert errors == [] and out.exists() and "已写出" in _no_message_boxes[-1]
    dialog.refresh()  # as after the reply: the batch being worked on stays chosen
    assert _selected_rows(dialog.view) == [0]
    # the bank answers; 打印领款单 prints one page per paid line
    from pypdf import PdfReader

    from tests.payments.replies import answer

    batches.apply_reply(db, two.a, answer(out, tmp_path / "reply.xlsx"))
    dialog.refresh()
    pdf = tmp_path / "vouchers.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    dialog.print_vouchers()
    qtbot.waitUntil(lambda: "领款单" in _no_message_boxes[-1] or bool(errors), timeout=20000)
    assert errors == [] and len(PdfReader(pdf).pages) == made.rows
    ws = openpyxl.load_workbook(out).active
    assert ws is not None and made.batch_no in str(ws["A1"].value)


def test_the_social_security_transfer_is_recorded_from_the_agreements_window(
    qtbot, ctx: AreaContext, two: Two, monkeypatch: pytest.MonkeyPatch, _no_message_boxes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from resettle.services.payments import transfers
    from ui.payments.dialogs import TransferDialog

    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), date(2026, 7, 1))
    owed = transfers.transfers_due(db, two.a, "社保")
    dialog = AgreementsDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []

    def confirm(form: TransferDialog) -> int:
        seen.append(form.due.text())
        form.date_edit.setDate(QDate(2026, 7, 20))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TransferDialog, "exec", confirm)
    with qtbot.waitSignal(ctx.runner.changed, timeout=10000):
        dialog.transfer()  # nothing chosen in the list: every signed household
    assert f"{owed.households} 户" in seen[0] and f"{owed.total:,.2f}" in seen[0]
    qtbot.waitUntil(lambda: any("已登记" in m and "划转" in m for m in _no_message_boxes), timeout=10000)
    assert transfers.transfers_due(db, two.a, "社保").households == 0
    ctx.runner.wait()


def test_models_with_rows(qtmodeltester, two: Two) -> None:  # type: ignore[no-untyped-def]
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), date(2026, 7, 1))
    rec = reconcile.reconcile(db, two.a)
    for model, rows in (
        (AgreementsModel(), agreements.list_agreements(db, two.a)),
        (BatchesModel(), [batches.make_batch(db, two.a, 1)]),
        (BalancesModel(), rec.households),
        (DifferencesModel(), rec.differences),
    ):
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)
    _with_accounts(two)
    accounts.login(db, "admin", SECRET)
    m = AccountsModel()
    m.set_rows(accounts.list_users(db))
    qtmodeltester.check(m)
    assert m.rowCount() == 2


def test_accounts_dialog_for_the_admin(qtbot, two: Two) -> None:  # type: ignore[no-untyped-def]
    _with_accounts(two)
    accounts.login(two.db, "admin", SECRET)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = AccountsDialog(two.db, parent)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2 and "admin" in dialog.who.text()
    assert all(b.isEnabled() for b in (dialog.b_add, dialog.b_reset, dialog.b_off, dialog.b_on, dialog.b_own))
    # A clerk sees why the list is empty, and only the button that is theirs is on; 关闭 closes.
    accounts.logout(two.db)
    accounts.login(two.db, "clerk", SECRET)
    clerk = AccountsDialog(two.db, parent)
    qtbot.addWidget(clerk)
    assert clerk.model.rowCount() == 0 and "只有管理员" in clerk.who.text()
    assert clerk.b_own.isEnabled() and not any(b.isEnabled() for b in (clerk.b_add, clerk.b_reset, clerk.b_on))
    clerk.show()
    next(b for b in clerk.findChildren(QPushButton) if b.text() == "关闭").click()
    assert not clerk.isVisible()


def test_reconcile_lists_what_needs_doing_first_with_the_banks_reason(
    qtbot, ctx: AreaContext, two: Two, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.payments.replies import answer

    db = two.db
    ids = household_ids(db, two.a)
    agreements.sign_agreements(db, two.a, ids[:-2], date(2026, 7, 1))  # two left unsigned: 已计算未签约
    info = batches.make_batch(db, two.a, 1)
    batches.write_bank_files(db, two.a, info.id, tmp_path / "b.xlsx")
    bad = batches.batch_lines(db, two.a, info.id)[-1].household_no
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx", fail=lambda no: no == bad))
    dialog = ReconcileDialog(ctx, two.a)
    qtbot.addWidget(dialog)
    first = dialog.differences.row(0)
    assert (first.household_no, first.cause, first.detail) == (bad, "银行退回，待重新支付", "账户不存在")
    causes = [dialog.differences.row(n).cause for n in range(dialog.differences.rowCount())]
    assert causes.count("已计算未签约") == 2 and causes[-2:] == ["已计算未签约", "已计算未签约"]
