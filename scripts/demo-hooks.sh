#!/usr/bin/env bash
# Part of `make demo` (run by scripts/demo.sh with MULU and WORK set): the sample national
# registry on a Git server guarded by mulu's pre-receive hook. 公安部's good push is
# accepted, a bad one rejected with its messages; the pre-commit hook on a laptop.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${MULU:?run through scripts/demo.sh}" "${WORK:?run through scripts/demo.sh}"
export NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# The hooks talk on stderr (git shows the server's as "remote:"): `run` keeps it in order with stdout.
source scripts/lib.sh
server="$WORK/hooks/national.git"
work="$WORK/hooks/mps"
mps=11100000000090379C
ndrc=11100000000090114B
git_() { git -C "$work" -c user.name=公安部目录管理员 -c user.email=catalog@mps.example.cn \
  -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
# push STATUS PUSHER ARGUMENT…: a Chinese-speaking server (SERVER_LANG, zh_CN.UTF-8 unless set);
# the pusher as the Git server would name it.
push() { local status=$1 pusher=$2; shift 2; printf '$ MULU_PUSHER=%s git push %s\n' "$pusher" "$*"
  LANG=${SERVER_LANG:-zh_CN.UTF-8} MULU_PUSHER="$pusher" git -C "$work" push "file://$server" "$@" 2>&1
  expect "$status" "$?"; }

section "Pre-receive hook: a Git server that judges every push"
mkdir -p "$WORK/hooks"
git init -q --bare -b main "$server"
run 0 "$MULU" hooks install --server "$server" --lang zh
printf '$ cat %s\n' "$server/hooks/pre-receive"; cat "$server/hooks/pre-receive"

git init -q -b main "$work" && cp -r registry/. "$work/"
git_ add -A && git_ commit -qm "国家政务信息资源目录"
printf '\nThe first push: a maintainer of the access.yaml it brings.\n'
push 0 ndrc-catalog-admin -q main

section "公安部 updates its own resource: accepted, with a preview of the change"
sed -i 's/^update_cycle: 每日$/update_cycle: 实时/' "$work/catalogs/$mps/303003002-000001.yaml"
git_ commit -qam "公安部：机动车登记信息改为实时更新"
push 0 mps-editor main

section "A bad push: another department's resource, a deleted resource, no legal basis"
sed -i 's/^update_cycle: .*/update_cycle: 每周/' "$work/catalogs/$ndrc/303001001-000001.yaml"
git_ rm -q "catalogs/$mps/303003004-000001.yaml"
sed -i 's/^  type: 有条件共享$/  type: 不予共享/' "$work/catalogs/$mps/303003001-000001.yaml"
git_ commit -qam "公安部：一次不合规的修改"
push 1 mps-editor main
printf '$ git ls-remote (the server did not move)\n'; git ls-remote "file://$server"
push 1 visitor main
git_ reset -q --hard HEAD~1

section "Release tags: annotated, by a maintainer, on main"
git_ tag -a -m "2026 年 3 月版" v2026.03.1
push 1 mps-editor refs/tags/v2026.03.1
SERVER_LANG=en_US.UTF-8 push 0 ndrc-catalog-admin refs/tags/v2026.03.1

section "Every ref is judged: tags are the maintainers', a department's branches its own"
git_ tag mps-draft
push 1 mps-editor refs/tags/mps-draft
push 1 ndrc-catalog-admin main:refs/tags/main
push 1 mps-editor main:refs/heads/draft
push 0 mps-editor main:refs/heads/mps-editor/draft

section "Pre-commit hook: the staged file is judged, not the working tree"
run 0 "$MULU" hooks install --client "$work" --lang zh
f="catalogs/$mps/303003001-000001.yaml"
cp "$work/$f" "$WORK/hooks/valid.yaml"
sed -i 's/^  type: 有条件共享$/  type: 不予共享/' "$work/$f"
git_ add "$f"
cp "$WORK/hooks/valid.yaml" "$work/$f"
printf '$ git add %s   # 不予共享, no legal basis
$ (the working-tree copy put back as it was)
' "$f"
printf '$ git commit -m "居民身份证信息不予共享"
'
LANG=zh_CN.UTF-8 git_ commit -q -m "居民身份证信息不予共享"; expect 1 "$?"
exit "$failed"
