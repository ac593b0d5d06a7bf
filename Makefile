# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test test-postgres lint typecheck pytest sysdeps desktopdeps translations bench clean package smoke

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

sysdeps:
	@bash scripts/system_deps.sh

# The window's libraries (Qt's xcb plugin) are checked with the rest before the venv is built,
# so a clerk who is not root gets one complete apt-get line.
desktopdeps:
	@bash scripts/system_deps.sh --desktop

run: desktopdeps $(STAMP)
	$(VENV)/bin/resettle-app --demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -p no:cacheprovider -q

# The whole suite twice: on SQLite files, then on a throw-away PostgreSQL cluster that
# scripts/pg_test.sh starts and always stops (docs/postgresql.md). Two workers each (pytest-xdist).
PYTEST_WORKERS ?= 2
test: sysdeps $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	@echo "== the suite on SQLite"
	env -u RESETTLE_TEST_POSTGRES QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS)
	@echo "== the suite on PostgreSQL (a throw-away server, scripts/pg_test.sh)"
	QT_QPA_PLATFORM=offscreen bash scripts/pg_test.sh $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS)

# The suite on PostgreSQL only (make test's second half).
test-postgres: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen bash scripts/pg_test.sh $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS)

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $(wildcard ui/*.py ui/*/*.py) -ts resources/translations/resettle_en.ts
	$(PY) scripts/english.py resources/translations/resettle_en.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/resettle_en.ts -qm resources/translations/resettle_en.qm
	$(VENV)/bin/pyside6-lrelease resources/translations/qtbase_extra_zh_CN.ts -qm resources/translations/qtbase_extra_zh_CN.qm

# One-folder program in dist/resettle/ (PyInstaller; rebuilt only when its sources changed).
package: sysdeps $(STAMP)
	$(PY) packaging/build.py

# The frozen program's smoke test on its own (make test runs it too, in tests/packaging/).
smoke: package
	$(PY) packaging/smoke_test.py dist/resettle

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
