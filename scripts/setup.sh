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
pkg-config --exists libdeflate 2>/dev/null || missing+=(libdeflate-dev)
# The allocator mulu is linked with (no pkg-config file in Debian's package).
[ -e /usr/include/mimalloc.h ] || missing+=(libmimalloc-dev)
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

# The tests through real Git servers (Tests/Servers/serverlab.py): sshd, nginx with fcgiwrap,
# Apache (and htpasswd), gitolite. Installed without starting them (policy-rc.d says no while
# apt runs): the tests start their own, on free ports.
servers=()
[ -x /usr/sbin/sshd ] || servers+=(openssh-server)
[ -x /usr/sbin/nginx ] || servers+=(nginx)
[ -x /usr/sbin/fcgiwrap ] || servers+=(fcgiwrap)
[ -x /usr/sbin/apache2 ] || servers+=(apache2)
command -v htpasswd >/dev/null 2>&1 || servers+=(apache2-utils)
command -v gitolite >/dev/null 2>&1 || servers+=(gitolite3)
if [ ${#servers[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt_install setup "${servers[@]}"
fi

# Pages (mulu publish, mulu report) are checked in a real headless Chromium driven by WebDriver:
# Debian's python3-selenium, which the tests run with Debian's /usr/bin/python3.
browser=()
command -v chromium >/dev/null 2>&1 || browser+=(chromium)
command -v chromedriver >/dev/null 2>&1 || browser+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || browser+=(python3-selenium)
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || browser+=(python3-yaml)
[ -d /usr/share/fonts/opentype/noto ] || browser+=(fonts-noto-cjk)
[ ${#browser[@]} -eq 0 ] || apt_install setup "${browser[@]}"
