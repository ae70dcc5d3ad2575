#!/usr/bin/env bash
# One command for the tests: install into .venv with the dev extra, run pytest (arguments pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
.venv/bin/python -m pytest "$@"
