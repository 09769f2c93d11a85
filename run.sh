#!/usr/bin/env bash
# Installs Vinh Danh, loads the demo province and serves it on http://127.0.0.1:8000
source "$(dirname "$0")/scripts/bootstrap.sh"
mkdir -p var
export DEBUG="${DEBUG:-true}"
python manage.py migrate --no-input
# A throw-away signing certificate, so the demo's decisions and certificates come out
# digitally signed (a province configures its own: see the README).
if [ -z "${SIGNING_PKCS12:-}" ]; then
    python manage.py make_demo_signing_certificate var/signing --if-missing >/dev/null
    export SIGNING_PKCS12=var/signing/demo-signer.p12
    export SIGNING_PASSPHRASE_FILE=var/signing/demo-signer.pass
    export SIGNING_TRUST_ROOTS=var/signing/demo-ca.pem
fi
python manage.py load_demo --if-empty
# The task worker runs background imports beside the web server, and stops with it.
python manage.py db_worker --queue-name '*' >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
python manage.py runserver "${VINHDANH_ADDR:-127.0.0.1:8000}"
