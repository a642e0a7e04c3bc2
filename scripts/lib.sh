# Sourced by the scripts beside it: the steps of the demo, and packages installed with apt.

# The demo: a step that exits otherwise than it should marks the whole demo failed; each
# script ends with `exit $failed`.
failed=0

section() { printf '\n== %s\n' "$*"; }

# expect STATUS ACTUAL: prints ACTUAL as the demo shows it; records a failure unless it is STATUS.
expect() {
  printf '(exit %d)\n' "$2"
  if [ "$2" -ne "$1" ]; then
    printf 'demo: FAILED: exit %d where %d was expected\n' "$2" "$1" >&2
    failed=1
  fi
}

# run STATUS COMMAND…: prints the command, runs it (its messages in order with its output),
# then its exit status, which must be STATUS.
run() {
  local status=$1
  shift
  printf '$ %s\n' "$*"
  "$@" 2>&1
  expect "$status" "$?"
}

# apt_install WHO PACKAGE…: installs the packages with apt-get (Debian, as root); WHO names
# the script in its messages. Exits 2 when not root.
apt_install() {
  local who=$1
  shift
  echo "$who: installing $*" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "$who: run as root, or install: $*" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}
