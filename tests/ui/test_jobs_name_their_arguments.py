"""Every job the window starts passes what its service requires (the project above all).

A service that gained a required argument (``project_id`` when registers began to hold several projects) and
a window that did not follow fails only when the clerk presses the button (写出银行文件 did, with a TypeError in
the error box). This reads every ``runner.run(…)``, ``self.run(…)`` (an area dialog's, which adds ``db`` and
``project_id``) and ``self._run(…)`` (a livelihood page's, the same) in ``ui/`` and checks the call's keywords
against the service's signature."""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

UI = Path(__file__).resolve().parents[2] / "ui"
RUNNERS = {"self.runner", "self.ctx.runner", "runner", "ctx.runner"}
IMPLIED = {"db", "project_id"}  # what self.run and self._run add


def _imported(tree: ast.Module) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("resettle"):
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def _resolve(text: str, names: dict[str, tuple[str, str]]) -> Any:
    head, *rest = text.split(".")
    if head not in names:
        return None
    module, name = names[head]
    found: Any = getattr(importlib.import_module(module), name, None)
    if found is None:
        found = importlib.import_module(f"{module}.{name}")
    for part in rest:
        found = getattr(found, part, None)
    return found


def _jobs() -> Iterator[tuple[str, str, Any, set[str]]]:
    """(place, service text, service, keywords given) for each job started in ui/."""
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _imported(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            receiver, method = ast.unparse(node.func.value), node.func.attr
            if method == "run" and receiver in RUNNERS and len(node.args) >= 3:
                fn, implied = node.args[2], set()
            elif method in ("run", "_run") and receiver == "self" and len(node.args) >= 2:
                fn, implied = node.args[1], IMPLIED
            else:
                continue
            if any(k.arg is None for k in node.keywords):  # **values: not checkable here
                continue
            service = _resolve(ast.unparse(fn), names)
            if callable(service):
                given = {k.arg for k in node.keywords if k.arg} | implied
                yield f"{path.relative_to(UI.parent)}:{node.lineno}", ast.unparse(fn), service, given


def test_every_job_passes_the_arguments_its_service_requires(qapp: object) -> None:
    missing = []
    checked = 0
    for place, text, service, given in _jobs():
        checked += 1
        params = inspect.signature(service).parameters.values()
        required = {
            p.name for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
        }
        if required - given:
            missing.append(f"{place} {text}: {sorted(required - given)}")
    assert checked > 40  # the reader finds the window's jobs (it would pass vacuously otherwise)
    assert not missing, missing
