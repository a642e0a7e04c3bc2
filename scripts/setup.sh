#!/usr/bin/env bash
# Installs what mulu needs to build and test, when it is missing (Debian, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift is not on PATH; install the Swift 6 toolchain (swift.org) first" >&2
  exit 2
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v git >/dev/null 2>&1 || missing+=(git)
pkg-config --exists libgit2 2>/dev/null || missing+=(libgit2-dev)
pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)

[ ${#missing[@]} -eq 0 ] || apt_install setup "${missing[@]}"

# The schema test checks `mulu schema` with an independent validator. Debian's own packages
# first: its python3 refuses `pip install` outside a virtual environment (PEP 668). pip only
# where apt cannot be used, and allowed to fail: the tests then say what is missing.
if ! python3 -c 'import jsonschema, yaml' >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt_install setup python3-jsonschema python3-yaml
  else
    echo "setup: installing the Python jsonschema and yaml modules with pip" >&2
    python3 -m pip install -q jsonschema pyyaml ||
      echo "setup: pip could not install them; install python3-jsonschema and python3-yaml (Debian) for the schema tests" >&2
  fi
fi

# Pages are checked in a real headless Chromium driven by WebDriver: Debian's python3-selenium,
# which the tests run with Debian's /usr/bin/python3.
browser=()
command -v chromium >/dev/null 2>&1 || browser+=(chromium)
command -v chromedriver >/dev/null 2>&1 || browser+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || browser+=(python3-selenium)
[ ${#browser[@]} -eq 0 ] || apt_install setup "${browser[@]}"
