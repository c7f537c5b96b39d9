# Shared helpers for scripts/run and scripts/test.

step() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }

# find_python NAME: print the path of interpreter NAME (on PATH or under pyenv).
find_python() {
  local name=$1 found
  if found=$(command -v "$name" 2>/dev/null) && "$found" -c 'import sys' 2>/dev/null; then
    echo "$found"
    return 0
  fi
  if command -v pyenv >/dev/null 2>&1; then
    for found in "$(pyenv root)"/versions/"${name#python}"*/bin/"$name"; do
      [ -x "$found" ] && echo "$found" && return 0
    done
  fi
  return 1
}

# ensure_venv DIR PYTHON SPEC: make DIR a venv of PYTHON with SPEC installed
# (editable), reinstalling only when pyproject.toml changed since the last time.
ensure_venv() {
  local dir=$1 python=$2 spec=$3 stamp="$1/.installed"
  if [ ! -x "$dir/bin/python" ]; then
    step "creating $dir with $("$python" --version)"
    "$python" -m venv "$dir"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$(cat "$stamp")" != "$spec" ]; then
    step "installing $spec into $dir"
    # A current pip resolves this set faster than the one a new venv comes with.
    "$dir/bin/python" -m pip install --quiet --upgrade pip
    "$dir/bin/python" -m pip install --quiet --editable "$spec"
    echo "$spec" > "$stamp"
  fi
}
