#!/usr/bin/env bash
# Updates the Vietnamese catalogue from the source, then compiles it (needs GNU gettext).
# Untranslated messages come out empty: tests/test_translations.py fails until they are filled.
set -euo pipefail
cd "$(dirname "$0")/../src/vinhdanh"
export DEBUG=true
../../.venv/bin/python ../../manage.py makemessages -l vi --no-wrap --no-obsolete \
    --ignore "migrations/*" --ignore "static/*"
../../.venv/bin/python ../../manage.py compilemessages -l vi
