#!/usr/bin/env bash
# `make package`: the Debian package mulu_VERSION_ARCH.deb and the tarball
# mulu-VERSION-linux-ARCH.tar.gz, in .build/package/ (or PACKAGE_DIR).
#
# The binary is the release build with the Swift standard library and Foundation linked in
# (--static-swift-stdlib), so that it runs on a server without the toolchain; it still links
# Debian's libgit2 and libyaml, which the package depends on. Both hold the man pages and shell
# completions (`make install-built`), the hook shims (share/mulu/hooks, with mulu's installed
# path) and the documentation (share/doc/mulu).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib.sh
command -v readelf >/dev/null 2>&1 && command -v strip >/dev/null 2>&1 || apt_install package binutils

SWIFT=${SWIFT:-swift}
out=${PACKAGE_DIR:-.build/package}
flags=(-c release --static-swift-stdlib)

"$SWIFT" build "${flags[@]}"
mulu="$("$SWIFT" build "${flags[@]}" --show-bin-path)/mulu"
version=$("$mulu" --version)
arch=$(dpkg --print-architecture)

# stage PREFIX FOLDER: the installed tree of mulu under FOLDER, for PREFIX.
stage() {
  local prefix=$1 root=$2
  rm -rf "$root"
  make --no-print-directory install-built PREFIX="$prefix" DESTDIR="$root" MULU="$mulu" >/dev/null
  strip --strip-unneeded "$root$prefix/bin/mulu"
  install -d "$root$prefix/share/mulu/hooks" "$root$prefix/share/doc/mulu"
  for hook in pre-receive pre-commit; do
    sed "s|@MULU@|$prefix/bin/mulu|" "hooks/$hook" >"$root$prefix/share/mulu/hooks/$hook"
    chmod 755 "$root$prefix/share/mulu/hooks/$hook"
  done
  install -m 644 README.md "$root$prefix/share/doc/mulu/README.md"
  install -m 644 docs/*.md "$root$prefix/share/doc/mulu/"
}

# The Debian package.
root="$out/deb"
stage /usr "$root"
# Depends: the Debian package of each shared library the binary names (its NEEDED entries, not
# theirs), found where ldd resolves it, as dpkg knows it.
needed=$(readelf -d "$root/usr/bin/mulu" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
depends=$(for name in $needed; do
  library=$(ldd "$root/usr/bin/mulu" | awk -v name="$name" '$1 == name {print $3}')
  [ -n "$library" ] || continue
  dpkg -S "$(readlink -f "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
case "$depends" in
  *libgit2*libyaml* | *libyaml*libgit2*) ;;
  *) echo "package: the binary's libraries do not come from Debian's libgit2 and libyaml packages: $depends" >&2; exit 2 ;;
esac
if ldd "$root/usr/bin/mulu" | grep -q -i swift; then
  echo "package: the binary links the Swift runtime dynamically:" >&2
  ldd "$root/usr/bin/mulu" >&2
  exit 2
fi
install -d "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: mulu
Version: $version
Architecture: $arch
Maintainer: mulu <mulu@mulu.example>
Depends: $depends, git, openssh-client
Section: vcs
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Description: government information resource catalogs (政务信息资源目录) in Git
 mulu keeps catalog registries as versioned YAML files in Git: one validation
 engine for the editor, the laptop (pre-commit hook), the Git server
 (pre-receive hook) and CI; semantic diff and history; sync of departmental
 forks; releases.
EOF
deb="$out/mulu_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

# The tarball: the same tree for /usr/local (tar -xzf … --strip-components=1 -C /usr/local).
tree="$out/tar/mulu-$version-linux-$arch"
stage /usr/local "$out/tar/root"
rm -rf "$tree"
mv "$out/tar/root/usr/local" "$tree"
rm -rf "$out/tar/root"
tarball="$out/mulu-$version-linux-$arch.tar.gz"
tar -C "$out/tar" --owner=0 --group=0 -czf "$tarball" "mulu-$version-linux-$arch"

echo "$deb ($(du -h "$deb" | cut -f1)): Depends: $depends, git, openssh-client"
echo "$tarball ($(du -h "$tarball" | cut -f1))"
