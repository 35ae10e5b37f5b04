# shellcheck shell=bash
# Shared set-up for scripts/demo and scripts/test: installs what is missing, and only that.
# Sourced, not run. Each install is skipped when a stamp says its inputs have not changed.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Each step says when it started (minutes:seconds since the script did), so a slow step shows in
# any log.
STARTED_AT="$(date +%s)"
say() {
  local t=$(($(date +%s) - STARTED_AT))
  printf '\033[1m==> [%d:%02d] %s\033[0m\n' $((t / 60)) $((t % 60)) "$*" >&2
}

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

# install_venv DIR CONSTRAINTS FILE...: a venv at DIR holding the pinned requirements in FILE(s),
# resolved within CONSTRAINTS; skipped when the stamp (over those, and requirements.txt, which the
# other requirement files build on) says nothing changed.
install_venv() {
  local dir="$1" constraints="$ROOT/$2" want have="" files=()
  shift 2
  for f in "$@"; do files+=("$ROOT/$f"); done
  want="$(stamp_of "${files[@]}" "$ROOT/requirements.txt" "$constraints")"
  [ -f "$dir/.trt-pte-stamp-$1" ] && have="$(cat "$dir/.trt-pte-stamp-$1")"
  if [ "$want" != "$have" ]; then
    if [ ! -x "$dir/bin/python" ]; then
      say "python3 -m venv ${dir#"$ROOT/"}"
      python3 -m venv "$dir"
    fi
    say "pip install ${*} into ${dir#"$ROOT/"} (torch CPU build + executorch; first time takes a minute or two)"
    local args=(-c "$constraints")
    for f in "${files[@]}"; do args+=(-r "$f"); done
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}" 2>&1 | grep -v "WARNING: Location" >&2 || true
    "$dir/bin/python" -c "import torch, executorch" 2>/dev/null || { echo "pip install failed" >&2; exit 1; }
    echo "$want" >"$dir/.trt-pte-stamp-$1"
  fi
}

# ensure_venv FILE...: the main venv at .venv, within constraints.txt.
ensure_venv() {
  install_venv "$VENV" constraints.txt "$@"
}

# ensure_et15_venv: .venv-et15, the same torch CPU build with executorch 1.5.x, that the test command
# runs the CPU-target end-to-end tests and the .pte oracle on a second time.
VENV_ET15="$ROOT/.venv-et15"
ensure_et15_venv() {
  install_venv "$VENV_ET15" constraints-et15.txt requirements-et15.txt
}
