# Shared set-up for scripts/demo and scripts/test: installs what is missing, and only that.
# Sourced, not run. Each install is skipped when a stamp says its inputs have not changed.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

ensure_node_modules() {
  local want have=""
  want="$(stamp_of "$ROOT/package-lock.json")"
  [ -f "$ROOT/node_modules/.trt-pte-stamp" ] && have="$(cat "$ROOT/node_modules/.trt-pte-stamp")"
  if [ "$want" != "$have" ]; then
    say "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$ROOT/node_modules/.trt-pte-stamp"
  fi
}

# ensure_venv FILE...: a venv at .venv holding the pinned requirements in FILE(s).
ensure_venv() {
  local want have="" files=()
  for f in "$@"; do files+=("$ROOT/$f"); done
  want="$(stamp_of "${files[@]}" "$ROOT/requirements.txt" "$ROOT/constraints.txt")"
  [ -f "$VENV/.trt-pte-stamp-$1" ] && have="$(cat "$VENV/.trt-pte-stamp-$1")"
  if [ "$want" != "$have" ]; then
    if [ ! -x "$VENV/bin/python" ]; then
      say "python3 -m venv .venv"
      python3 -m venv "$VENV"
    fi
    say "pip install ${*} (torch CPU build + executorch; first time takes a minute or two)"
    local args=(-c "$ROOT/constraints.txt")
    for f in "${files[@]}"; do args+=(-r "$f"); done
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}" 2>&1 | grep -v "WARNING: Location" >&2 || true
    "$VENV/bin/python" -c "import torch, executorch" 2>/dev/null || { echo "pip install failed" >&2; exit 1; }
    echo "$want" >"$VENV/.trt-pte-stamp-$1"
  fi
}
