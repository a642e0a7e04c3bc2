#!/usr/bin/env bash
# Part of `make demo` (run by scripts/demo.sh with MULU and WORK set): two releases of the
# sample national registry published as a static web catalog and JSON API, left in
# .build/demo-site (or $MULU_DEMO_SITE) to be opened in a browser.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${MULU:?run through scripts/demo.sh}" "${WORK:?run through scripts/demo.sh}"
export NO_COLOR=1

source scripts/lib.sh
repo="$WORK/publish-repo"
site=${MULU_DEMO_SITE:-$PWD/.build/demo-site}
ndrc=11100000000090114B
export GIT_AUTHOR_NAME=国家目录管理员 GIT_AUTHOR_EMAIL=catalog@example.cn
export GIT_COMMITTER_NAME=国家目录管理员 GIT_COMMITTER_EMAIL=catalog@example.cn
git_() { git -C "$repo" -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }

section "Publish: the catalog of a release as a static web site and JSON API"
git init -q -b main "$repo" && cp -r registry/. "$repo/"
GIT_AUTHOR_DATE="2026-05-06T10:00:00+08:00" GIT_COMMITTER_DATE="2026-05-06T10:00:00+08:00" \
  git_ add -A && GIT_AUTHOR_DATE="2026-05-06T10:00:00+08:00" GIT_COMMITTER_DATE="2026-05-06T10:00:00+08:00" \
  git_ commit -qm "国家目录 2026 年第一版"
GIT_COMMITTER_DATE="2026-05-06T10:00:00+08:00" "$MULU" release cut 2026.05.1 -C "$repo" --lang zh 2>&1 > /dev/null
# 企业投资项目备案信息 merged into 核准信息; 政府定价目录 tightened to 有条件共享.
printf 'retired:\n  date: 2026-05-20\n  reason: 与企业投资项目核准信息合并\n  replaced_by: 303001001/000001\n' \
  >> "$repo/catalogs/$ndrc/303001001-000002.yaml"
sed -i 's/^  type: 无条件共享$/  type: 有条件共享\n  condition: 仅向价格主管部门提供/' "$repo/catalogs/$ndrc/303001003-000001.yaml"
GIT_AUTHOR_DATE="2026-05-21T09:30:00+08:00" GIT_COMMITTER_DATE="2026-05-21T09:30:00+08:00" \
  git_ commit -qam "国家发展改革委：合并备案信息，收紧政府定价目录"
GIT_COMMITTER_DATE="2026-05-21T09:30:00+08:00" "$MULU" release cut 2026.05.2 -C "$repo" --lang zh 2>&1 > /dev/null
run 0 "$MULU" release list -C "$repo" --lang zh

rm -rf "$site"
run 0 "$MULU" publish -C "$repo" --out "$site" --lang zh
# Again: nothing changed, nothing is written.
run 0 "$MULU" publish -C "$repo" --out "$site" --lang zh
printf '$ head -c 400 %s\n' "api/v1/index.json"; head -c 400 "$site/api/v1/index.json"; echo
printf '$ find %s -type f | wc -l\n' "$site"; find "$site" -type f | wc -l

cat <<EOT

The catalog is in $site. To open it (the search needs it served over HTTP; the pages
also open from the file system):

  python3 -m http.server --bind 127.0.0.1 --directory "$site" 8000
  # then http://127.0.0.1:8000/index.html — e.g. search 统一社会信用代码 with 共享类型 无条件共享
EOT
exit "$failed"
