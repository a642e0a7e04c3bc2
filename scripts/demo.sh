#!/usr/bin/env bash
# The end-to-end demo of `make demo`: mulu on the sample national registry in registry/.
set -uo pipefail
cd "$(dirname "$0")/.."
MULU=${1:-.build/debug/mulu}
[ -x "$MULU" ] || { echo "demo: $MULU is not built (run make build)" >&2; exit 2; }
MULU=$(cd "$(dirname "$MULU")" && pwd)/$(basename "$MULU")
work=$(mktemp -d "${TMPDIR:-/tmp}/mulu-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
source scripts/lib.sh
ndrc=11100000000090114B
mps=11100000000090379C

section "1. The sample national registry: $(find registry/catalogs -name '*.yaml' | wc -l) resources of $(ls registry/catalogs | wc -l) departments"
start=$(date +%s%N)
run 0 "$MULU" validate -C registry
echo "validated in $(( ($(date +%s%N) - start) / 1000000 )) ms"

section "2. A deliberately broken copy"
cp -r registry "$work/broken"
b="$work/broken/catalogs"
# 不予共享 with no legal basis, yet open to the public.
sed -i 's/^  type: 有条件共享$/  type: 不予共享/; /^  condition: 仅向投资审批/d; s/^  to_public: false$/  to_public: true/' \
  "$b/$ndrc/303001001-000001.yaml"
# to_public: no is text, not false; 30 February; a C item with no length.
sed -i 's/^  to_public: false$/  to_public: no/; s/^published: .*/published: 2026-02-30/; s/{ name: 项目名称, type: C, length: 200 }/{ name: 项目名称, type: C }/' \
  "$b/$ndrc/303001001-000002.yaml"
# The provider's name shortened; a related code that does not exist.
sed -i 's/^  name: 公安部$/  name: 公安/; s/^related: \[.*\]$/related: [101001\/999999]/' "$b/$mps/$(ls "$b/$mps" | grep '^303' | head -1)"
# A YAML syntax error, and a stray file.
printf 'code: 303001009/000001\nname: [未闭合\n' > "$b/$ndrc/303001009-000001.yaml"
echo "草稿" > "$work/broken/notes.txt"
run 1 "$MULU" validate -C "$work/broken" --lang zh
run 1 "$MULU" validate -C "$work/broken" --lang en "catalogs/$ndrc/303001001-000001.yaml"

section "3. The same findings as JSON (for CI and editors)"
printf '$ %s\n' "$MULU validate -C … --format json catalogs/$ndrc/303001001-000002.yaml"
"$MULU" validate -C "$work/broken" --format json "catalogs/$ndrc/303001001-000002.yaml"; expect 1 $?

section "4. Any revision: validate a commit without checking it out"
git init -q -b main "$work/repo" && cp -r registry/. "$work/repo/"
git -C "$work/repo" add -A && git -C "$work/repo" -c user.name=demo -c user.email=demo@example.cn commit -qm "国家目录 v1"
sed -i 's/^  type: 无条件共享$/  type: 有条件共享/' "$work/repo/catalogs/$mps/101001-000001.yaml"
run 1 "$MULU" validate -C "$work/repo" --lang en
run 0 "$MULU" validate -C "$work/repo" --rev HEAD --lang en
run 2 "$MULU" validate -C "$work/repo" --rev no-such-branch --lang en

section "5. New resources, canonical form, the schema for editors"
cp -r registry "$work/new"
run 0 "$MULU" new -C "$work/new" --provider "$ndrc" --class 303001001
run 1 "$MULU" new -C "$work/new" --provider "$ndrc" --class 101001001 --lang en
run 0 "$MULU" fmt -C registry --check
printf '$ %s\n' "$MULU schema | head -12"
"$MULU" schema > "$work/schema.json"; expect 0 $?
head -12 "$work/schema.json"
for extra in scripts/demo-*.sh; do
  MULU="$MULU" WORK="$work" bash "$extra" || { echo "demo: FAILED: $extra" >&2; failed=1; }
done
[ "$failed" -eq 0 ] || echo "demo: FAILED: a step above did not exit as expected" >&2
exit "$failed"
