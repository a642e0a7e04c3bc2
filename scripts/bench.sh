#!/usr/bin/env bash
# `make bench`: mulu at national scale against what a user would use instead (bench/bench.py).
# Installs the peer (check-jsonschema with ruamel.yaml's C loader, in a virtual environment in
# the build folder), builds mulu for release and the libyaml floor (bench/yaml-floor.c), then
# prints the table and writes it to bench/RESULTS.md; then the load of concurrent pushes through
# nginx (bench/load.py), whose section it adds there. Arguments go to bench/bench.py
# (e.g. --sizes 1000,100000 --runs 5); BUILD_FLAGS go to swift build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SWIFT=${SWIFT:-swift}
read -r -a flags <<< "${BUILD_FLAGS:-}"

missing=()
command -v cc >/dev/null 2>&1 || missing+=(gcc)
[ -x /usr/bin/time ] || missing+=(time)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
[ ${#missing[@]} -eq 0 ] || apt_install bench "${missing[@]}"

echo "bench: building mulu for release" >&2
"$SWIFT" build -c release "${flags[@]}"
bin=$("$SWIFT" build -c release "${flags[@]}" --show-bin-path)

venv="$bin/bench-venv"
if ! "$venv/bin/python" -c 'import _ruamel_yaml, check_jsonschema' >/dev/null 2>&1; then
  echo "bench: installing check-jsonschema and ruamel.yaml.clib in $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q check-jsonschema ruamel.yaml.clib
fi

cc -O2 -o "$bin/yaml-floor" bench/yaml-floor.c $(pkg-config --cflags --libs yaml-0.1)

PATH="$venv/bin:$PATH" "$venv/bin/python" bench/bench.py --mulu "$bin/mulu" --floor "$bin/yaml-floor" "$@"

# Concurrent pushes through a real nginx + git-http-backend (root: it makes a throw-away account).
python3 bench/load.py --mulu "$bin/mulu" --results bench/RESULTS.md
