#!/usr/bin/env bash
# Times `mulu diff` on a generated registry: N resources (default 50000) in 100 provider
# folders, then a second commit that changes 1% of them (sharing tightened, items removed
# or widened, summaries rewritten, retirements, reformat-only rewrites, new resources).
# Both commits are written with one `git fast-import` run. Usage:
#   scripts/bench-diff.sh [MULU] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
MULU=${1:-.build/release/mulu}
N=${2:-50000}
[ -x "$MULU" ] || { echo "bench-diff: $MULU is not built (swift build -c release)" >&2; exit 2; }
MULU=$(cd "$(dirname "$MULU")" && pwd)/$(basename "$MULU")
work=$(mktemp -d "${TMPDIR:-/tmp}/mulu-bench-diff.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1

git init -q -b main "$work/repo"
python3 - "$N" > "$work/stream" <<'PY'
import sys

n = int(sys.argv[1])
alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def credit(i):
    body = "11100000000%06d" % i
    check = (31 - sum(alphabet.index(c) * w for c, w in zip(body, weights)) % 31) % 31
    return body + alphabet[check]

folders = [credit(90000 + i) for i in range(100)]
sharing = ["无条件共享", "有条件共享", "不予共享"]

def resource(i, change=None):
    folder = folders[i % 100]
    klass = "303%03d%03d" % (i % 100 + 1, i // 100 % 1000 + 1)
    seq = "%06d" % (i // 100000 + 1)
    items = [("统一社会信用代码", "C", 18), ("项目名称", "C", 200), ("项目代码", "C", 24),
             ("金额", "Y", None), ("登记日期", "D", None), ("备注", "M", None)]
    kind = sharing[i % 2]
    summary = "第 %d 号资源：登记、审批与变更信息。" % i
    retired = ""
    if change == "tighten": kind = "不予共享"
    if change == "remove-item": items = items[:-2]
    if change == "widen": items[1] = ("项目名称", "C", 400)
    if change == "summary": summary += "（修订）"
    if change == "retire": retired = "retired:\n  date: 2026-10-01\n  reason: 职能划转\n"
    if change == "reorder": items = list(reversed(items))
    lines = ["code: %s/%s" % (klass, seq), "name: 资源%d" % i,
             "provider:", "  code: %s" % folder, "  name: 部门%s" % folder[-4:],
             "summary: %s" % summary, "format:", "  class: 数据库", "  type: KingbaseES", "items:"]
    for name, t, length in items:
        lines.append("  - { name: %s, type: %s%s }" % (name, t, ", length: %d" % length if length else ""))
    lines += ["sharing:", "  type: %s" % kind]
    if kind == "有条件共享": lines.append("  condition: 仅向相关部门提供")
    if kind == "不予共享": lines.append("  basis: 《政务信息资源共享管理暂行办法》第九条")
    else: lines += ["  method:", "    class: 共享平台方式", "    type: 接口"]
    lines += ["open:", "  to_public: false", "update_cycle: 每月", "published: 2026-03-01"]
    text = "\n".join(lines) + "\n" + retired
    return "catalogs/%s/%s-%s.yaml" % (folder, klass, seq), text

out = sys.stdout.buffer
def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")

def commit(mark, message, files, parent=None):
    out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
    out.write(b"committer bench <bench@example.cn> %d +0800\n" % (1767225600 + mark * 60))
    data(message)
    if parent: out.write(b"from :%d\n" % parent)
    for path, text in files:
        out.write(b"M 100644 inline " + path.encode() + b"\n")
        data(text)
    out.write(b"\n")

base = [("registry.yaml", "format: 1\nname: 基准目录\nlevel: national\n"),
        ("dictionaries/classification.yaml", "classes: []\n"),
        ("dictionaries/departments.yaml", "departments: []\n")]
commit(1, "v1", base + [resource(i) for i in range(n)])
kinds = ["tighten", "remove-item", "widen", "summary", "retire", "reorder"]
changed = [resource(i, kinds[j % len(kinds)]) for j, i in enumerate(range(0, n, 100))]
added = [resource(n + i) for i in range(n // 1000)]
commit(2, "v2", changed + added, parent=1)
out.write(b"reset refs/tags/v1\nfrom :1\n\nreset refs/tags/v2\nfrom :2\n\n")
PY
start=$(date +%s%N)
git -C "$work/repo" fast-import --quiet < "$work/stream"
echo "generated $N resources and 1% changes in $(( ($(date +%s%N) - start) / 1000000 )) ms (git fast-import)"

time_it() {
  local label=$1; shift
  local start=$(date +%s%N)
  "$@" > "$work/out" || [ $? -eq 1 ]
  echo "$label: $(( ($(date +%s%N) - start) / 1000000 )) ms"
}
time_it "mulu diff v1 v2 (text)" "$MULU" diff -C "$work/repo" v1 v2 --lang en
head -1 "$work/out"
time_it "mulu diff v1 v2 --format json" "$MULU" diff -C "$work/repo" v1 v2 --format json
time_it "mulu diff v1 v2 --format markdown" "$MULU" diff -C "$work/repo" v1 v2 --format markdown

git -C "$work/repo" checkout -q v1 2>/dev/null
git -C "$work/repo" diff --name-only v1 v2 > "$work/changed"
head -500 "$work/changed" | while read -r path; do
  git -C "$work/repo" show "v2:$path" > "$work/repo/$path"
done
time_it "mulu diff v1 (working tree, 500 files edited)" "$MULU" diff -C "$work/repo" v1 --lang en
head -1 "$work/out"
time_it "mulu log (one resource)" "$MULU" log -C "$work/repo" --rev v2 303001001/000001 --lang en
