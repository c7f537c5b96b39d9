# Shared helpers for scripts/run and scripts/test.

step() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }

# find_python NAME: print the path of interpreter NAME that can make a venv: on PATH,
# or under pyenv's versions folder (found even when the pyenv command is not on PATH).
find_python() {
  local name=$1 found root
  if found=$(command -v "$name" 2>/dev/null) && "$found" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "$found"
    return 0
  fi
  root=${PYENV_ROOT:-${HOME:-/root}/.pyenv}
  if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root)
  fi
  for found in "$root"/versions/"${name#python}"*/bin/"$name"; do
    [ -x "$found" ] && echo "$found" && return 0
  done
  return 1
}

# ensure_venv DIR PYTHON SPEC [CONSTRAINTS]: make DIR a venv of PYTHON with SPEC
# installed (editable), under the pip constraints file CONSTRAINTS if given;
# reinstalling only when pyproject.toml or the constraints changed since the last time,
# and making it anew when it was made with another Python.
ensure_venv() {
  local dir=$1 python=$2 spec=$3 constraints=${4:-} stamp="$1/.installed" wanted
  wanted="$spec${constraints:+ $(cat "$constraints")}"
  if [ -x "$dir/bin/python" ] && [ "$("$dir/bin/python" --version)" != "$("$python" --version)" ]; then
    step "making $dir anew: it has $("$dir/bin/python" --version), not $("$python" --version)"
    rm -rf "$dir"
  fi
  if [ ! -x "$dir/bin/python" ]; then
    step "creating $dir with $("$python" --version)"
    "$python" -m venv "$dir"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    step "installing $spec into $dir${constraints:+ (constrained by $constraints)}"
    # A current pip resolves this set faster than the one a new venv comes with.
    "$dir/bin/python" -m pip install --quiet --upgrade pip
    "$dir/bin/python" -m pip install --quiet --editable "$spec" ${constraints:+--constraint "$constraints"}
    echo "$wanted" > "$stamp"
  fi
}
