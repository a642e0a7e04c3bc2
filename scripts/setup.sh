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
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
# The spreadsheet tests open mulu's workbooks in LibreOffice.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
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
