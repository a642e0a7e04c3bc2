#!/usr/bin/env bash
# `make package-test`: installs the .deb of `make package` with dpkg, as a server's administrator
# would, and runs what it installed with the Swift toolchain out of PATH and LD_LIBRARY_PATH:
# no toolchain library in `ldd`, `mulu --version`, `mulu validate` on the sample registry, the
# man page and completions in place, and pushes through a hook installed from the package (one
# accepted, one refused). Removes the package afterwards unless it was installed before.
# Debian, as root. Exit 0 when everything holds, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

out=${PACKAGE_DIR:-.build/package}
deb=$(ls "$out"/mulu_*.deb 2>/dev/null | tail -n 1)
if [ -z "$deb" ]; then
  echo "package-test: no .deb in $out; run make package first" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "package-test: run as root (dpkg -i)" >&2
  exit 1
fi

failures=0
check() { # check DESCRIPTION COMMAND…: runs the command; a failure is counted and shown.
  local description=$1
  shift
  if output=$("$@" 2>&1); then
    printf 'ok: %s\n' "$description"
  else
    printf 'FAILED: %s\n%s\n' "$description" "$output"
    failures=$((failures + 1))
  fi
}

preinstalled=$(dpkg-query -W -f='${Status}' mulu 2>/dev/null | grep -c 'install ok installed')
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  [ "$preinstalled" -eq 0 ] && dpkg -r mulu >/dev/null 2>&1
}
trap cleanup EXIT

check "dpkg -i $(basename "$deb")" dpkg -i "$deb"

# What a server has: the system's folders only, nothing of the toolchain.
clean=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work" LANG=C.UTF-8 GIT_CONFIG_NOSYSTEM=1
  GIT_AUTHOR_NAME=张三 GIT_AUTHOR_EMAIL=zhangsan@example.cn GIT_COMMITTER_NAME=张三 GIT_COMMITTER_EMAIL=zhangsan@example.cn)
version=$(dpkg-deb -f "$deb" Version)

no_toolchain() { ! ldd /usr/bin/mulu | grep -i -E 'swift|/opt/|not found'; }
check "ldd /usr/bin/mulu names no toolchain library" no_toolchain
check "mulu --version is $version" test "$("${clean[@]}" mulu --version)" = "$version"
cp -r registry "$work/registry"
check "mulu validate on the sample registry" "${clean[@]}" mulu validate -C "$work/registry"
check "the man page" test -s /usr/share/man/man1/mulu.1 -o -s /usr/share/man/man1/mulu.1.gz
check "bash completion" test -s /usr/share/bash-completion/completions/mulu
check "the hook shim runs /usr/bin/mulu" grep -q "exec '/usr/bin/mulu' hook pre-receive" /usr/share/mulu/hooks/pre-receive

# A push through the hook, installed by the packaged mulu.
server="$work/server.git"
"${clean[@]}" git init -q --bare -b main "$server"
check "mulu hooks install --server" "${clean[@]}" mulu hooks install --server "$server"
check "the installed hook is the packaged shim" cmp "$server/hooks/pre-receive" /usr/share/mulu/hooks/pre-receive
maintainer=$(sed -n 's/^maintainers: \[\([^],]*\).*/\1/p' "$work/registry/access.yaml")
(cd "$work/registry" && "${clean[@]}" git init -q -b main && "${clean[@]}" git add -A &&
  "${clean[@]}" git commit -q -m "国家政务信息资源目录")
push() { # push PUSHER: the sample registry to the server, as PUSHER.
  (cd "$work/registry" && "${clean[@]}" MULU_PUSHER="$1" git push -q "file://$server" main 2>&1)
}
refused() { # the push fails, says why, and leaves no main behind
  local said
  said=$(push visitor) && return 1
  grep -q 'error\[access.unknown-identity\]' <<<"$said" || { echo "$said"; return 1; }
  ! git -C "$server" rev-parse -q --verify main
}
check "a push by someone access.yaml does not list is refused" refused
check "the maintainer's ($maintainer) first push is accepted" push "$maintainer"
check "main on the server is the pushed commit" test "$(git -C "$server" rev-parse main)" = "$(git -C "$work/registry" rev-parse HEAD)"

if [ "$failures" -ne 0 ]; then
  echo "package-test: $failures checks failed"
  exit 1
fi
echo "package-test: $(basename "$deb") installs and works without the toolchain"
