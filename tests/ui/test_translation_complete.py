"""The English window is complete: every Chinese literal under ``ui/`` is translatable (or marked as
data), every one of them is in the .ts file, and the .ts has nothing left unfinished."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
TS = ROOT / "resources" / "translations" / "resettle_en.ts"
CJK = re.compile("[\u4e00-\u9fff]")
DATA_MARK = "# data, not text"
# call name -> index of the argument holding the source text
TRANSLATING = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}


@dataclass(frozen=True)
class Literal:
    path: str
    line: int
    text: str
    translated: bool  # the source text of a tr()-style call


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def scan(path: Path, root: Path = ROOT) -> list[Literal]:
    """Every Chinese string constant in PATH that is not a docstring: translated or not."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))
    docstrings = _docstring_nodes(tree)
    sources: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            index = TRANSLATING.get(_call_name(node.func) or "")
            if index is not None and len(node.args) > index and isinstance(node.args[index], ast.Constant):
                sources.add(id(node.args[index]))
    found: list[Literal] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
            continue
        if not CJK.search(node.value):
            continue
        translated = id(node) in sources
        end = node.end_lineno or node.lineno
        marked = any(lines[n - 1].rstrip().endswith(DATA_MARK) for n in range(node.lineno, end + 1))
        if translated or not marked:
            found.append(Literal(str(path.relative_to(root)), node.lineno, node.value, translated))
    return found


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def ts_messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def sources_in(context: str) -> set[str | None]:
    """The source texts the .ts holds under ``context``."""
    return {
        m.findtext("source")
        for c in ET.parse(TS).getroot().iter("context")
        if c.findtext("name") == context
        for m in c.iter("message")
    }


def test_the_scan_sees_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明"""\n'
        "def f(self):\n"
        '    """函数说明"""\n'
        '    self.tr("已翻译")\n'
        '    QCoreApplication.translate("ctx", "上下文")\n'
        '    x = "数据"  # data, not text\n'
        '    y = "漏掉的"\n'
        '    z = f"格式{x}化"\n'
        '    return self.tr(y) + "ascii"\n',
        encoding="utf-8",
    )
    literals = scan(sample, root=tmp_path)
    assert {(lit.text, lit.translated) for lit in literals} == {
        ("已翻译", True),
        ("上下文", True),
        ("漏掉的", False),
        ("格式", False),
        ("化", False),
    }


def test_no_unfinished_translation() -> None:
    unfinished = [m.findtext("source") for m in ts_messages() if m.find("translation") is not None
                  and m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]  # fmt: skip
    empty = [m.findtext("source") for m in ts_messages() if not (m.findtext("translation") or "").strip()]
    assert not unfinished, f"{len(unfinished)} unfinished: {unfinished[:20]}"
    assert not empty, f"{len(empty)} empty: {empty[:20]}"


@pytest.mark.parametrize("path", ui_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_chinese_literal_is_translatable(path: Path) -> None:
    bare = [f"{lit.path}:{lit.line} {lit.text!r}" for lit in scan(path) if not lit.translated]
    assert not bare, "wrap in self.tr() or mark the line '# data, not text':\n" + "\n".join(bare)


@pytest.mark.parametrize("path", ui_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_translatable_literal_is_in_the_ts(path: Path) -> None:
    known = {m.findtext("source") for m in ts_messages()}
    missing = [f"{lit.path}:{lit.line} {lit.text!r}" for lit in scan(path) if lit.translated and lit.text not in known]
    assert not missing, "run `make translations` (and add English to scripts/english.py):\n" + "\n".join(missing)


def test_translations_keep_placeholders_and_accelerators() -> None:
    """{0} / {n} fields, and an & accelerator, survive translation (a lost field raises or shows nothing)."""
    wrong = []
    for m in ts_messages():
        source, english = m.findtext("source") or "", m.findtext("translation") or ""
        if sorted(re.findall(r"\{[^}]*\}", source)) != sorted(re.findall(r"\{[^}]*\}", english)):
            wrong.append((source, english))
        if ("&" in source.replace("&&", "")) != ("&" in english.replace("&&", "")):
            wrong.append((source, english))
    assert not wrong, wrong[:20]


def test_every_household_stage_has_a_label() -> None:
    """The register's Status column and status filter show stored stages through MainWindow's translations."""
    from resettle.domain.progress import STAGES

    in_main_window = sources_in("MainWindow")
    assert set(STAGES) <= in_main_window, set(STAGES) - in_main_window


def test_every_document_kind_has_a_label() -> None:
    """The 打印 menu and the PDF dialog show each document's name through PrintActions' translations."""
    from resettle.documents.kinds import KINDS

    in_print_actions = sources_in("PrintActions")
    names = {info.short for info in KINDS.values()}
    assert names <= in_print_actions, names - in_print_actions


def test_every_history_action_object_and_field_has_a_label() -> None:
    """The history table shows resettle's action, object and field names through HistoryModel's translations."""
    from resettle.services.register.labels import ACTION_LABELS, ENTITY_LABELS, FIELD_LABELS, OVERRIDES

    in_history = sources_in("HistoryModel")
    names = (
        set(ACTION_LABELS.values()) | set(ENTITY_LABELS.values()) | set(FIELD_LABELS.values()) | set(OVERRIDES.values())
    )
    assert names <= in_history, names - in_history


def test_every_import_field_has_a_label() -> None:
    """The wizard's mapping page names each field through MappingPage's translations."""
    from resettle.io.headers import FIELD_LABELS
    from ui.import_wizard import MAPPED_FIELDS

    on_mapping_page = sources_in("MappingPage")
    names = {FIELD_LABELS.get(key, key) for key in MAPPED_FIELDS}
    assert names <= on_mapping_page, names - on_mapping_page
