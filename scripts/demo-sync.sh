#!/usr/bin/env bash
# Part of `make demo`: two departments' forks synced into the national registry, then a release.
# scripts/demo.sh runs it with MULU (the binary) and WORK (a temporary folder) set.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${MULU:?MULU is not set}" "${WORK:?WORK is not set}"
export NO_COLOR=1

source scripts/lib.sh
git() { command git -c init.defaultBranch=main -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
mps=11100000000090379C   # 公安部
mnr=11100000000090642L   # 自然资源部
base="$WORK/sync"
mkdir -p "$base"

section "Sync: 公安部 and 自然资源部 keep their catalogs in forks of the national registry"
git init -q "$base/seed" && cp -r registry/. "$base/seed/"
# The sample's sources.yaml names https forks; here they are folders beside the registry.
cat > "$base/seed/sources.yaml" <<EOF
sources:
  - { name: mps, url: ../mps, branch: main, owns: [$mps] }  # 公安部
  - { name: mnr, url: ../mnr, branch: main, owns: [$mnr] }  # 自然资源部
EOF
git -C "$base/seed" add -A
git -C "$base/seed" -c user.name=国家目录管理员 -c user.email=admin@catalog.example.cn commit -qm "国家政务信息资源目录"
git clone -q --bare "$base/seed" "$base/national.git"
git -C "$base/national.git" config user.name 国家目录管理员
git -C "$base/national.git" config user.email admin@catalog.example.cn
git clone -q "$base/national.git" "$base/mps"
git clone -q "$base/national.git" "$base/mnr"
printf '$ %s\n' "$MULU release cut -C $base/national.git --lang en >/dev/null   # the baseline release"
"$MULU" release cut -C "$base/national.git" --lang en 2>&1 >/dev/null; expect 0 "$?"

# 公安部: 刑事案件立案信息 is now updated in real time, and a new resource is published.
f="$base/mps/catalogs/$mps/303003004-000001.yaml"
sed -i 's/^update_cycle: .*/update_cycle: 实时/' "$f"
sed -e 's#^code: 303003004/000001#code: 303003004/000002#' -e 's/^name: 刑事案件立案信息/name: 刑事案件结案信息/' \
  -e 's/受理、立案和案件状态信息/结案、移送起诉信息/' "$f" > "$base/mps/catalogs/$mps/303003004-000002.yaml"
git -C "$base/mps" add -A
git -C "$base/mps" -c user.name=公安部目录员 -c user.email=catalog@mps.example.cn commit -qm "公安部：立案信息改为实时更新，新增结案信息"

# 自然资源部: one resource retired (职能划转).
printf 'retired:\n  date: 2026-05-01\n  reason: 职能划转\n' >> "$base/mnr/catalogs/$mnr/303006006-000001.yaml"
git -C "$base/mnr" add -A
git -C "$base/mnr" -c user.name=自然资源部目录员 -c user.email=catalog@mnr.example.cn commit -qm "自然资源部：注销一项资源"

run 0 "$MULU" sync status -C "$base/national.git" --lang zh
run 0 "$MULU" sync pull mps -C "$base/national.git" --lang zh
run 0 "$MULU" sync pull mnr -C "$base/national.git" --lang en
run 0 "$MULU" sync pull mnr -C "$base/national.git" --lang en

section "Sync refuses a fork that strays outside its own folder, and writes nothing"
sed -i 's/^update_cycle: .*/update_cycle: 每周/' "$base/mps/catalogs/$mnr/303006001-000001.yaml"
git -C "$base/mps" -c user.name=公安部目录员 -c user.email=catalog@mps.example.cn commit -qam "公安部：误改自然资源部的资源"
run 1 "$MULU" sync pull mps -C "$base/national.git" --lang en
git -C "$base/national.git" log --oneline --graph -6 main

section "A release of the national registry: the notes are the semantic diff since the last one"
run 0 "$MULU" release cut -C "$base/national.git" --lang zh
run 0 "$MULU" release list -C "$base/national.git" --lang en

section "The evaluation (评价) of the release: indicators, scores and ranks, with the syncs and the period"
run 0 "$MULU" report -C "$base/national.git" --lang zh --department "$mps" "$mnr"
run 0 "$MULU" report -C "$base/national.git" --lang zh --format html -o "$base/evaluation.html"
grep -c "<svg" "$base/evaluation.html" | sed 's/$/ charts in evaluation.html (mulu report --format html -o FILE, then open FILE in a browser)/'
exit "$failed"
