# CityHealth — every entry point. `make demo` and `make test` install what they need first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build
PLUGIN := $(BUILD)/cityhealth_plugin
DEMO_SCALE ?= small
DEMO_SEED ?= 2024
DEMO_DIR ?= $(BUILD)/demo
YEAR ?= 2024
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1
# Everything imports the assembled plugin folder, never the source tree (-P: no cwd on sys.path):
# what is tested and demonstrated is what ships.
RUN := PYTHONPATH=$(abspath $(BUILD)) $(PY) -P

.PHONY: setup package demo test test-core bench deploy i18n lint clean

setup:
	@bash tools/setup.sh

package: setup
	@$(PY) tools/package.py --zip

demo: package
	@mkdir -p $(DEMO_DIR)
	@echo "[demo] generating the $(DEMO_SCALE) demo city (seed $(DEMO_SEED))"
	@$(RUN) -m cityhealth_plugin demo-data --scale $(DEMO_SCALE) --seed $(DEMO_SEED) --out $(DEMO_DIR)/democity_$(DEMO_SCALE).gpkg
	@echo "[demo] demo questionnaires"
	@$(RUN) -c "from cityhealth_plugin.core.survey.demo import generate_questionnaires as q, save_questionnaires as s; from cityhealth_plugin.core.store.gpkg import read_table as t; s(q(3400, $(DEMO_SEED), districts=list(t('$(DEMO_DIR)/democity_$(DEMO_SCALE).gpkg', 'XZQ')['XZQMC'])), '$(DEMO_DIR)/survey_$(YEAR).csv')"
	@echo "[demo] assessing $(YEAR)"
	@$(RUN) -m cityhealth_plugin assess --data $(DEMO_DIR)/democity_$(DEMO_SCALE).gpkg --year $(YEAR) --out $(DEMO_DIR)/assessment_$(YEAR)
	@echo "[demo] the $(YEAR) package (1+1+6)"
	@$(RUN) -m cityhealth_plugin package --data $(DEMO_DIR)/democity_$(DEMO_SCALE).gpkg --year $(YEAR) --assessment-db $(DEMO_DIR)/assessment_$(YEAR)/assessment_$(YEAR).gpkg --out $(DEMO_DIR)/package_$(YEAR)
	@echo "[demo] done: package in $(DEMO_DIR)/package_$(YEAR); open $(DEMO_DIR)/democity_$(DEMO_SCALE).gpkg in QGIS (CityHealth > Data panel > Open data package)"

# Three processes: pure core, QGIS API, GUI. Each starts QGIS on its own, which keeps one suite's
# leftover QGIS objects from interfering with another's background tasks. --qgis_disable_exit:
# no exitQgis() at the end, since QGIS objects Python still holds then (layers kept by fixtures)
# crash the interpreter when destroyed after it; the process ends right after anyway.
PYTEST := $(RUN) -m pytest -p no:cacheprovider -p no:xvfb --qgis_disable_exit -q
test: package
	@echo "[test] core + architecture"; $(PYTEST) tests/core tests/architecture
	@echo "[test] QGIS API and Processing"; $(PYTEST) tests/qgis
	@echo "[test] GUI (docks)"; $(PYTEST) tests/gui

test-core: package
	@$(PYTEST) tests/core tests/architecture

bench: package
	@$(RUN) tools/bench.py

deploy: package
	@mkdir -p "$(QGIS_PROFILE)/python/plugins"
	@rm -rf "$(QGIS_PROFILE)/python/plugins/cityhealth_plugin"
	@cp -r $(PLUGIN) "$(QGIS_PROFILE)/python/plugins/"
	@echo "[deploy] copied to $(QGIS_PROFILE)/python/plugins/cityhealth_plugin"

i18n: setup
	@$(PY) tools/i18n.py extract
	@for part in i18n/parts/*.tsv; do $(PY) tools/i18n.py apply $$part; done
	@$(PY) tools/i18n.py status || true

lint: setup
	@$(PY) -m pyflakes cityhealth_plugin tests tools 2>/dev/null || $(PY) -m compileall -q cityhealth_plugin

clean:
	rm -rf $(BUILD)
