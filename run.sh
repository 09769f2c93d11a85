#!/usr/bin/env bash
# Installs Vinh Danh, loads the demo province and serves it on http://127.0.0.1:8000
source "$(dirname "$0")/scripts/bootstrap.sh"
mkdir -p var
export DEBUG="${DEBUG:-true}"
python manage.py migrate --no-input
python manage.py load_demo --if-empty
# The task worker runs background imports beside the web server, and stops with it.
python manage.py db_worker --queue-name '*' >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
python manage.py runserver "${VINHDANH_ADDR:-127.0.0.1:8000}"
