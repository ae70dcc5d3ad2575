#!/usr/bin/env bash
# One command for a new user: install into .venv, index the sample articles, ask the sample question.
# Extra arguments replace the question: bash scripts/demo.sh "锡会产业园累计引进了多少家企业？"
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
.venv/bin/wenjin ingest samples/articles --index .wenjin
.venv/bin/wenjin ask "${1:-德格帮扶项目有哪些}" --index .wenjin
