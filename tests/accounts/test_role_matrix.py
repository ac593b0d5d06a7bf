"""Role × action matrix over every service call: each forbidden cell is refused in the service layer.

Every public function of ``resettle.services`` whose first parameter is the register (``db``)
must call ``require`` before doing anything. The check wraps ``require`` so that a call that
passes the real check stops right there (nothing runs on the dummy arguments), and a call
that fails it raises ``PermissionDenied``. Functions with a known need are checked against
the table below; any other service function must at least call ``require`` first.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

import resettle.services
from resettle.domain.roles import Role
from resettle.errors import PermissionDenied
from resettle.services.accounts import guard
from resettle.services.accounts.guard import ROLES_FOR, Need
from resettle.store.database import Database

R, E, V, P, A, M = Need.READ, Need.ENTER, Need.REVIEW, Need.PAY, Need.ACCOUNTS, Need.MAINTAIN

EXPECTED: dict[str, dict[str, Need]] = {
    "register.checks": {"check_database": R},
    "register.backups": {"backup_now": R, "backup_to": R, "restore_from": M},
    "compensation.computing": {
        "compute": E, "compute_household": E, "change_project_rate_table": E, "preview_rate_table_change": R,
    },
    "compensation.reviewing": {
        "get_household_compensation": R, "set_household_terms": E, "review": V, "review_many": V,
    },
    "compensation.adjustments": {"add_adjustment": E, "update_adjustment": E, "delete_adjustment": E},
    "compensation.summaries": {
        "find_village_id": R, "project_items": R, "project_summary": R, "household_totals": R, "detail_lines": R,
    },
    "demo.generate": {"generate_demo": E, "demo_township": E, "demo_compensation": E},
    "documents.register": {"issue": E, "record_printed": E, "list_documents": R},
    "documents.verify": {"verify_document": R},
    "documents.fonts": {"document_fonts": R, "set_document_font": E},
    "documents.job": {"prepare_documents": E},
    "documents.output": {"print_documents": E, "export_pdf": E, "reprint_document": E},
    "register.exports": {
        "resolve_scope": R, "iter_roster": R, "export_roster": R, "export_disclosure": R,
        "export_payments": R, "export_compensation": R,
    },
    "register.households": {
        "get_household": R, "find_household_id": R, "create_household": E, "update_household": E,
        "delete_household": E, "history": R,
    },
    "register.search": {"search_capped": R, "count_households": R, "list_households": R},
    "register.imports": {"preview_import": E, "apply_import": E, "list_batches": R, "undo_batch": E},
    "register.projects": {"create_project": E, "add_group": E, "resolve_project": R, "group_counts": R, "tree": R},
    "compensation.rate_tables": {
        "list_rate_tables": R, "get_rate_table": R, "create_rate_table": E, "import_rate_table": E,
        "export_rate_table": R, "update_rate_table": E, "replace_rules": E, "add_rule": E, "update_rule": E,
        "delete_rule": E, "delete_rate_table": E, "publish_rate_table": E, "new_rate_table_version": E,
        "set_project_rate_table": E, "get_project_rate_table": R,
    },
    "register.settings": {"get_township": R, "save_township": E, "get_document_font": R, "save_document_font": E},
    "accounts.users": {"list_users": A, "reset_password": A, "set_active": A},
    "payments.agreements": {
        "sign_agreements": E, "mark_vacated": E, "supplement": E, "supplement_from_recompute": E,
        "archive_agreements": E,
    },
    "payments.agreement_views": {"get_agreements": R, "list_agreements": R, "household_ids": R},
    "payments.batches": {
        "due_instalments": R, "find_batch": R, "current_chain_head": R, "make_batch": P, "list_batches": R, "approve_batch": V, "batch_lines": P,
        "bank_formats": R, "write_bank_files": P, "apply_reply": P,
    },
    "payments.reconcile": {"reconcile": R},
    "payments.printing": {"print_supplement": R, "print_payment_vouchers": P},
    "payments.supporting": {"attach_document": E, "list_supporting": R, "document_content": R, "checklist": R},
    "payments.progress": {"payment_counts": R},
}  # fmt: skip

# Not role-checked on purpose: logging in and out, the owner's own password, the first admin, the
# session's own check after a restore (which the restore's MAINTAIN already allowed), and asking
# whether a call would be allowed.
NOT_GUARDED = {
    "accounts.users": {"login", "logout", "change_password", "add_user", "recheck_session"},
    "accounts.guard": {"accounts_enabled", "require", "permitted"},
    "demo.register": {"is_demo"},  # a flag about the file itself, read before anyone logs in
}


class Passed(Exception):
    """The real check let the call through; raised instead of running the function."""

    def __init__(self, need: Need) -> None:
        super().__init__(need.name)
        self.need = need


def service_modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(resettle.services.__path__, "resettle.services."):
        yield importlib.import_module(info.name)


def short(mod: ModuleType) -> str:
    return mod.__name__.removeprefix("resettle.services.")


def service_calls() -> list[tuple[str, str, Callable[..., Any]]]:
    out = []
    for mod in service_modules():
        for name, fn in vars(mod).items():
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != mod.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:1] != ["db"] or name in NOT_GUARDED.get(short(mod), set()):
                continue
            out.append((short(mod), name, fn))
    return out


CALLS = service_calls()


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> list[Need]:
    seen: list[Need] = []
    real = guard.require

    def checking(db: Database, need: Need, what: str) -> None:
        seen.append(need)
        real(db, need, what)
        raise Passed(need)

    for mod in service_modules():
        if getattr(mod, "require", None) is real:
            monkeypatch.setattr(mod, "require", checking)
    return seen


def call_with_dummies(fn: Callable[..., Any], db: Database) -> None:
    """None for every required argument: a guarded function never gets to look at them."""
    args: list[Any] = [db]
    kwargs: dict[str, Any] = {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = None
        else:
            args.append(None)
    result = fn(*args, **kwargs)
    if inspect.isgenerator(result):
        next(result)


def test_the_table_names_only_functions_that_exist() -> None:
    found = {(m, n) for m, n, _ in CALLS}
    listed = {(m, n) for m, names in EXPECTED.items() for n in names}
    assert listed - found == set()


def test_every_service_call_checks_the_role_first(db: Database, wrapped: list[Need]) -> None:
    """Without accounts everything is allowed, but the check must still be made, before any work."""
    unguarded = []
    wrong = []
    for mod, name, fn in CALLS:
        try:
            call_with_dummies(fn, db)
        except Passed as passed:
            expected = EXPECTED.get(mod, {}).get(name)
            if expected is not None and passed.need is not expected:
                wrong.append(f"{mod}.{name}: {passed.need.name}, expected {expected.name}")
        except Exception as exc:
            unguarded.append(f"{mod}.{name} ({type(exc).__name__})")
        else:
            unguarded.append(f"{mod}.{name} (ran)")
        wrapped.clear()
    assert not wrong, wrong
    assert not unguarded, "service calls that do not call require() first: " + ", ".join(unguarded)


ROLES: list[Role | None] = [None, *Role]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: "nobody" if r is None else r.name.lower())
def test_each_role_is_refused_exactly_where_the_matrix_says(
    db: Database, wrapped: list[Need], role: Role | None
) -> None:
    db.accounts_on = True  # a register with accounts
    db.role = role
    db.account = None if role is None else f"user-{role.name.lower()}"
    mistakes = []
    for mod, name, fn in CALLS:
        try:
            call_with_dummies(fn, db)
        except Passed as passed:
            need = EXPECTED.get(mod, {}).get(name, passed.need)
            if role is None or role not in ROLES_FOR[need]:
                mistakes.append(f"{mod}.{name} allowed")
        except PermissionDenied:
            need = EXPECTED.get(mod, {}).get(name)
            if need is not None and role is not None and role in ROLES_FOR[need]:
                mistakes.append(f"{mod}.{name} refused")
        except Exception as exc:
            mistakes.append(f"{mod}.{name} not guarded ({type(exc).__name__})")
    assert not mistakes, mistakes


def test_auditor_reads_everything_and_changes_nothing() -> None:
    reads = {n for names in EXPECTED.values() for n, need in names.items() if need is R}
    assert reads and Role.AUDITOR in ROLES_FOR[R]
    assert all(Role.AUDITOR not in ROLES_FOR[need] for need in Need if need is not R)


def test_admin_manages_accounts_only() -> None:
    assert {need for need in Need if Role.ADMIN in ROLES_FOR[need]} == {Need.ACCOUNTS, Need.OVERRIDE, Need.MAINTAIN}
