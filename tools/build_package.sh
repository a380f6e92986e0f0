#!/usr/bin/env bash
# Build the desktop package (dist/SalesDesk/) with PyInstaller and smoke-test the BUILT program:
# --version, the command line on a fresh data folder, the window under Xvfb with Qt's xcb platform,
# the folder's size (at most 250 MB) and its start-up time against `python -m salesdesk` (at most 2x).
# .ci/run calls this after the tests; by hand: `bash tools/build_package.sh` (needs .venv, Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."

.venv/bin/pip install -q -e ".[build]"
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN salesdesk.spec
echo "package built in $(( $(date +%s) - started )) s: dist/SalesDesk/"
.venv/bin/python tools/smoke_package.py dist/SalesDesk
