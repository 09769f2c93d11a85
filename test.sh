#!/usr/bin/env bash
# Runs the whole test suite (SQLite unless DATABASE_URL points at PostgreSQL).
source "$(dirname "$0")/scripts/bootstrap.sh"
python -m pytest -n "${TEST_WORKERS:-auto}" "$@"
