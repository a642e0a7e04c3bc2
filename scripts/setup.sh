#!/usr/bin/env bash
# Installs what mulu needs to build and test, when it is missing (Debian, as root).
set -euo pipefail

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

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: run as root, or install: ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The schema test checks `mulu schema` with an independent validator.
if ! python3 -c 'import jsonschema, yaml' >/dev/null 2>&1; then
  echo "setup: installing the Python jsonschema and yaml modules" >&2
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install -q jsonschema pyyaml
  else
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-jsonschema python3-yaml >/dev/null
  fi
fi
