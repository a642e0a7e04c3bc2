#!/usr/bin/env bash
# Times real `git push`es through mulu's pre-receive hook on a generated registry of N
# resources (default 50000) in 100 department folders, to show that the hook's cost grows
# with the push, not with the registry. The registry is written straight into the server
# with `git fast-import` (as if it had been there before the hook); each push is one
# fast-import commit in a bare clone, pushed over file://. Usage:
#   scripts/bench-hooks.sh [MULU] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
MULU=${1:-.build/release/mulu}
N=${2:-50000}
[ -x "$MULU" ] || { echo "bench-hooks: $MULU is not built (swift build -c release)" >&2; exit 2; }
MULU=$(cd "$(dirname "$MULU")" && pwd)/$(basename "$MULU")
work=$(mktemp -d "${TMPDIR:-/tmp}/mulu-bench-hooks.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 LANG=en_US.UTF-8 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$work"

generate() {  # generate <kind> [args]: a fast-import stream on stdout
  python3 - "$N" "$@" <<'PY'
import sys

n = int(sys.argv[1]); kind = sys.argv[2]; args = sys.argv[3:]
alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def credit(i):
    body = "11100000000%06d" % i
    check = (31 - sum(alphabet.index(c) * w for c, w in zip(body, weights)) % 31) % 31
    return body + alphabet[check]

folders = [credit(90000 + d) for d in range(100)]

def resource(i, cycle="每月", sharing="有条件共享"):
    d = i % 100
    klass = "303%03d%03d" % (d + 1, i // 100 % 1000 + 1)
    seq = "%06d" % (i // 100000 + 1)
    lines = ["code: %s/%s" % (klass, seq), "name: 资源%d" % i,
             "provider:", "  code: %s" % folders[d], "  name: 部门%d" % d,
             "summary: 第 %d 号资源：登记、审批与变更信息。" % i,
             "format:", "  class: 数据库", "  type: KingbaseES", "items:",
             "  - { name: 统一社会信用代码, type: C, length: 18 }",
             "  - { name: 项目名称, type: C, length: 200 }", "  - { name: 登记日期, type: D }",
             "sharing:", "  type: %s" % sharing]
    if sharing == "有条件共享": lines.append("  condition: 仅向相关部门提供")
    if sharing != "不予共享": lines += ["  method:", "    class: 共享平台方式", "    type: 接口"]
    lines += ["open:", "  to_public: false", "update_cycle: %s" % cycle, "published: 2026-03-01"]
    return "catalogs/%s/%s-%s.yaml" % (folders[d], klass, seq), "\n".join(lines) + "\n"

out = sys.stdout.buffer
def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")

def commit(message, files, parent):
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer bench <bench@example.cn> 1767225600 +0800\n")
    data(message)
    if parent: out.write(b"from refs/heads/main^0\n")
    for path, text in files:
        out.write(b"M 100644 inline " + path.encode() + b"\n")
        data(text)
    out.write(b"\n")

if kind == "registry":
    departments = "departments:\n" + "".join(
        "  - code: %s\n    name: 部门%d\n    prefix: \"303%03d\"\n    parent: null\n    status: active\n" % (f, d, d + 1)
        for d, f in enumerate(folders))
    access = "maintainers: [admin]\nidentities:\n" + "".join(
        "  - { id: dept-%d, department: %s }\n" % (d, f) for d, f in enumerate(folders)) + \
        "protected_branches: [main]\nrelease_tags: \"v*\"\nrequire_signed_commits: false\n"
    base = [("registry.yaml", "format: 1\nname: 基准目录\nlevel: national\n"),
            ("access.yaml", access),
            ("dictionaries/classification.yaml",
             "classes:\n  - code: \"3\"\n    name: 部门信息资源\n    items:\n      - { code: \"03\", name: 国务院 }\n"),
            ("dictionaries/departments.yaml", departments)]
    commit("registry", base + [resource(i) for i in range(n)], parent=False)
else:
    count, step, cycle = int(args[0]), int(args[1]), args[2]
    sharing = args[3] if len(args) > 3 else "有条件共享"
    commit("%d changed" % count, [resource(i * step, cycle, sharing) for i in range(count)], parent=True)
PY
}

git init -q --bare -b main "$work/server.git"
start=$(date +%s%N)
generate registry | git -C "$work/server.git" fast-import --quiet
echo "registry of $N resources in 100 folders written in $(( ($(date +%s%N) - start) / 1000000 )) ms (git fast-import)"
"$MULU" hooks install --server "$work/server.git" > /dev/null 2>&1
git clone -q --bare "$work/server.git" "$work/client.git"

push() {  # push <label> <pusher> <count> <step> <cycle> [sharing]
  local label=$1 pusher=$2; shift 2
  generate change "$@" | git -C "$work/client.git" fast-import --quiet --force
  local start=$(date +%s%N) rc=0
  MULU_PUSHER=$pusher git -C "$work/client.git" push -q "file://$work/server.git" main 2> "$work/err" || rc=$?
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-58s %6d ms  %s\n' "$label" "$ms" "$(grep -o 'push [a-z]*: .*' "$work/err" | head -1)"
  if [ "$rc" -ne 0 ]; then git -C "$work/client.git" update-ref refs/heads/main "$(git -C "$work/server.git" rev-parse main)"; fi
}

echo "git push through the hook (wall time of the whole push):"
push "1 resource, by its department" dept-0 1 100 每周
push "1 resource of another department (rejected)" dept-1 1 100 每日
push "1 resource made 不予共享 without basis (rejected)" dept-0 1 100 每周 不予共享
push "10 resources of one department" dept-0 10 100 每日
push "100 resources of one department" dept-0 100 100 每周
push "1000 resources of all departments, by a maintainer" admin 1000 1 每日
push "5000 resources of all departments, by a maintainer" admin 5000 1 每周
