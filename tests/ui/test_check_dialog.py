"""完整性检查 in the window says what the CLI says: the chain head's number, what was replayed, the notices."""

from __future__ import annotations

from resettle.services.register import checks
from ui.main_window import MainWindow


def test_the_check_box_names_the_chain_head_and_the_replay(
    qtbot, window: MainWindow, _no_blocking_warnings: list[str]
) -> None:
    window.run_check()
    qtbot.waitUntil(lambda: bool(_no_blocking_warnings), timeout=60000)
    window.runner.wait()
    text = _no_blocking_warnings[-1]
    assert text.startswith("检查通过")
    report = checks.check_database(window.db)
    assert f"审计链头：第 {report.chain_seq} 条 {report.chain_head[:16]}" in text
    assert f"回放核对了 {report.households_replayed} 户、{report.rows_replayed} 行" in text
    assert all(f"说明：{n}" in text for n in report.notices)
