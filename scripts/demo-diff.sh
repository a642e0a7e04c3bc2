#!/usr/bin/env bash
# Part of `make demo` (run by scripts/demo.sh with MULU and WORK set): the semantic diff
# between two versions of the sample national registry, and the history of one resource.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${MULU:?run through scripts/demo.sh}" "${WORK:?run through scripts/demo.sh}"
export NO_COLOR=1

source scripts/lib.sh
repo="$WORK/diff-repo"
ndrc=11100000000090114B
moe=11100000000090251U
git_() { git -C "$repo" -c user.name=国家目录管理员 -c user.email=catalog@example.cn \
  -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }

section "Semantic diff: what changed between two catalog versions, in the users' terms"
git init -q -b main "$repo" && cp -r registry/. "$repo/"
git_ add -A && git_ commit -qm "国家目录 2026 年第一版" && git_ tag v1
c="$repo/catalogs/$ndrc"
# 企业投资项目备案信息: 无条件共享 tightened to 有条件共享.
sed -i 's/^  type: 无条件共享$/  type: 有条件共享\n  condition: 仅向投资主管、统计部门提供/' "$c/303001001-000002.yaml"
# 企业投资项目核准信息: the item 建设地点 removed.
sed -i '/{ name: 建设地点, type: C, length: 200 }/d' "$c/303001001-000001.yaml"
# 中央预算内投资计划执行信息: a new resource, which replaces the 下达信息 retired below.
sed -e 's#^code: 303001002/000001#code: 303001002/000002#' -e 's/^name: .*/name: 中央预算内投资计划执行信息/' \
  -e 's/^summary: .*/summary: 中央预算内投资计划的下达、拨付和完成情况。/' -e 's/^published: .*/published: 2026-10-01/' \
  "$c/303001002-000001.yaml" > "$c/303001002-000002.yaml"
printf 'retired:\n  date: 2026-10-01\n  reason: 并入中央预算内投资计划执行信息\n  replaced_by: 303001002/000002\n' \
  >> "$c/303001002-000001.yaml"
# 教育部: items reordered and a value quoted; no change in meaning, so not in the diff.
f="$repo/catalogs/$moe/$(ls "$repo/catalogs/$moe" | head -1)"
sed -i '0,/^  - {/{/^  - {/{h;d}};0,/^  - {/{/^  - {/G}' "$f"
sed -i 's/^update_cycle: \(.*\)$/update_cycle: "\1"/' "$f"
git_ add -A && git_ commit -qm "国家目录 2026 年第二版" && git_ tag v2
printf '$ git diff --stat v1 v2\n'; git_ diff --stat v1 v2

run 0 "$MULU" diff -C "$repo" v1 v2 --lang zh
run 0 "$MULU" diff -C "$repo" v1 v2 --format markdown --lang zh
run 1 "$MULU" diff -C "$repo" v1 v2 --breaking-only --exit-code --lang en

section "The history of one resource: every commit that changed it in meaning"
f="$c/303001001-000002.yaml"
sed -i '0,/^  - {/{/^  - {/{h;d}};0,/^  - {/{/^  - {/G}' "$f"
git_ commit -qam "备案信息：信息项重新排序（格式整理，不计入历史）"
sed -i 's/^update_cycle: 每日$/update_cycle: 实时/' "$f"
git_ commit -qam "备案信息改为实时更新"
printf '$ git log --oneline\n'; git_ log --oneline
run 0 "$MULU" log -C "$repo" 303001001/000002 --lang zh
exit "$failed"
