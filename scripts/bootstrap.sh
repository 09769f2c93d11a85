# Sourced by run.sh and test.sh: finds Python >= 3.12, makes .venv and installs the lock file.
# Re-installs only when the lock file changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VINHDANH_VENV:-$ROOT/.venv}"
LOCK="$ROOT/requirements/dev.lock"

find_python() {
    local candidate version
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.14 python3 python \
        "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
        /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ] || continue
        # pyenv shims exist for versions that are not selected; asking the version tells.
        version=$("$candidate" -c 'import sys; print("%d%02d" % sys.version_info[:2])' 2>/dev/null) || continue
        if [ "$version" -ge 312 ]; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    return 1
}

if [ ! -x "$VENV/bin/python" ]; then
    PY=$(find_python) || { echo "Vinh Danh needs Python 3.12 or newer; none was found." >&2; exit 1; }
    echo "Creating $VENV with $PY"
    "$PY" -m venv "$VENV"
fi
stamp="$VENV/.lock-$(sha256sum "$LOCK" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --require-hashes -r "$LOCK"
    "$VENV/bin/python" -m pip install --quiet --no-deps -e "$ROOT"
    rm -f "$VENV"/.lock-*
    touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
