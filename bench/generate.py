#!/usr/bin/env python3
"""Writes a synthetic registry of N resources as a `git fast-import` stream.

Deterministic: the same arguments give the same repository. About 100 departments,
about 20 data items per resource, all three sharing types, base resources kept by
five lead departments (1 in 100 resources), `related` links from department resources
to base ones, an access.yaml with an editor per department, and optionally a
sources.yaml naming a fork. Blobs are written in path order, so that each blob's
delta base in the pack is the file beside it in the tree.

  bench/generate.py 100000 | git -C repo.git fast-import --quiet

A second commit on top of `--parent` changes resources (and stays valid):

  bench/generate.py 100000 --change 0.01 --added 100 --parent refs/heads/main   # 1% of all, 100 new
  bench/generate.py 100000 --changes 10 --department 3 --offset 2 --parent ...  # 10 of one department's

`--shape skewed` writes a registry shaped like a provincial one instead (give the same
`--shape` to a change commit as to the registry it changes):
- 40 departments of very unequal size: department 0 holds 20% of the registry (94,000 files in
  one folder at 470k), departments 1–4 hold 35% between them, the other 35 share the rest,
  each weighted 1/rank;
- 12% base resources, kept by the five lead departments 0–4;
- 3 to 30 data items per resource: a handful of names in most resources (统一社会信用代码 in
  70%, 姓名 and 地址 in 55%, 公民身份号码 and 联系电话 in 45% …), the rest drawn from
  20,000 names by a Zipf law (the name of rank r with weight 1/r);
- dense `related` links: every department resource names 2 to 6 others, base resources
  chosen by a Zipf law (the first ones are the most linked) and earlier resources of any
  department.

The changes cycle through: sharing tightened, items removed, an item widened, the summary
rewritten, the resource retired, items reordered (no change of meaning). Base resources are
only rewritten, never tightened or retired.
"""
import argparse
import bisect
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CYCLES = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]
ITEM_WORDS = ["统一社会信用代码", "名称", "登记日期", "地址", "法定代表人", "注册资本", "经营范围", "状态", "批准文号",
              "发证机关", "有效期", "联系电话", "行政区划代码", "类别", "金额", "数量", "备注", "负责人", "证件号码", "更新时间"]
KINDS = ["tighten", "remove-item", "widen", "summary", "retire", "reorder"]
TIGHTER = {"无条件共享": "有条件共享", "有条件共享": "不予共享", "不予共享": "不予共享"}


def credit_code(n):
    body = "111000000" + f"{n:08d}"
    check = (31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + ALPHABET[check]


def departments(count):
    return [(credit_code(90000 + i), f"示例部门{i:03d}", f"303{i + 1:03d}") for i in range(count)]


# The skewed shape: the names most resources carry, each with the share of resources that
# carries it, and the words the other names are made of.
COMMON_ITEMS = [("统一社会信用代码", 0.7), ("姓名", 0.55), ("地址", 0.55), ("公民身份号码", 0.45),
                ("联系电话", 0.45), ("名称", 0.4), ("行政区划代码", 0.35), ("更新时间", 0.3)]
TAIL_FIRST = ["企业", "人员", "项目", "车辆", "房屋", "土地", "药品", "证照", "案件", "学校", "医疗机构", "河流",
              "道路", "设备", "资金", "合同", "许可", "检查", "投诉", "补贴"]
TAIL_SECOND = ["名称", "编号", "类型", "状态", "日期", "金额", "数量", "地址", "负责人", "等级", "面积", "用途",
               "来源", "结果", "期限", "范围", "代码", "说明", "机构", "标准"]
TAIL_NAMES = 20000
SKEWED_DEPARTMENTS = 40


def tail_name(rank):
    """The name of rank `rank` (from 0) of the skewed shape's Zipf-distributed names."""
    pair = TAIL_FIRST[rank % 20] + TAIL_SECOND[(rank // 20) % 20]
    return pair if rank < 400 else f"{pair}{rank // 400}"


def cumulative(weights):
    total, sums = 0.0, []
    for weight in weights:
        total += weight
        sums.append(total)
    return sums


TAIL_WEIGHTS = cumulative(1 / (rank + 1) for rank in range(TAIL_NAMES))


def zipf(rng, sums):
    return bisect.bisect_left(sums, rng.random() * sums[-1])


def skewed_items(rng):
    """The item names of a resource of the skewed shape."""
    names = [name for name, share in COMMON_ITEMS if rng.random() < share]
    wanted = rng.randint(3, 30)
    while len(names) < wanted:
        name = tail_name(zipf(rng, TAIL_WEIGHTS))
        if name not in names:
            names.append(name)
    rng.shuffle(names)
    return names


def resource(n, dept, code, rng, base_codes, kind=None, shape="even", related=None):
    """The file of resource n; `kind` is the change made to it, if any."""
    dept_code, dept_name, _ = dept
    base = code.startswith("1")
    if base and kind in ("tighten", "retire"):
        kind = "summary"
    sharing = "无条件共享" if base else rng.choice(["无条件共享", "有条件共享", "有条件共享", "不予共享"])
    if kind == "tighten":
        sharing = TIGHTER[sharing]
    summary = f"第{n}号示例信息资源的登记、变更和注销信息，供基准测试使用。" + ("（修订）" if kind == "summary" else "")
    items = []
    words = skewed_items(rng) if shape == "skewed" else [
        ("基础" if base else "") + ITEM_WORDS[(n + i) % len(ITEM_WORDS)] + str(i) for i in range(20)]
    for i, word in enumerate(words):
        item_type = "C" if i % 4 else "D"
        length = 20 + (n + i) % 180
        if kind == "widen" and i == 1:
            length += 100
        items.append(f"  - {{ name: {word}, type: {item_type}" + (f", length: {length} }}" if item_type == "C" else " }"))
    if kind == "remove-item":
        items = items[:-2]
    if kind == "reorder":
        items.reverse()
    lines = ["# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json", f"code: {code}",
             f"name: 示例信息资源{n}", "provider:", f"  code: {dept_code}", f"  name: {dept_name}", "  unit: 信息中心",
             f"summary: {summary}", "format:", "  class: 数据库", "  type: KingbaseES", "items:"] + items
    lines += ["sharing:", f"  type: {sharing}"]
    if sharing == "有条件共享":
        lines.append("  condition: 仅向相关业务主管部门提供")
    if sharing == "不予共享":
        lines.append("  basis: 《中华人民共和国保守国家秘密法》第十三条")
    else:
        lines += ["  method:", "    class: 共享平台方式", "    type: 接口"]
    lines += ["open:", f"  to_public: {'true' if sharing == '无条件共享' and n % 5 == 0 else 'false'}",
              f"update_cycle: {CYCLES[n % len(CYCLES)]}", f"published: 20{19 + n % 7}-0{1 + n % 9}-1{n % 9}"]
    if related:
        lines.append(f"related: [{', '.join(related)}]")
    elif shape == "even" and not base and base_codes and n % 3 == 0:
        lines.append(f"related: [{base_codes[n % len(base_codes)]}]")
    if kind == "retire":
        lines += ["retired:", "  date: 2026-10-01", "  reason: 职能划转"]
    return ("\n".join(lines) + "\n").encode()


class Links:
    """The `related` codes of the skewed shape's department resources."""

    def __init__(self, entries, base_codes):
        self.entries = entries
        self.base_codes = base_codes
        self.base_weights = cumulative(1 / (rank + 1) for rank in range(len(base_codes)))

    def of(self, n, code):
        rng = random.Random(-n - 10_000_000)
        related = []
        for i in range(rng.randint(2, 6)):
            if i % 2 == 0 and self.base_codes:
                other = self.base_codes[zipf(rng, self.base_weights)]
            elif n > 0:
                other = self.entries[rng.randrange(n)][1]
            else:
                continue
            if other != code and other not in related:
                related.append(other)
        return related


def blob(out, data):
    out.write(b"data %d\n" % len(data))
    out.write(data)
    out.write(b"\n")


def layout(count, depts, shape="even"):
    """(n, code, department index) of every resource: 1 in 100 is a base resource (12 in 100
    in the skewed shape, whose departments hold very unequal shares)."""
    items = []
    per_dept = {}
    shares = None
    if shape == "skewed":
        # Department 0: 20% of all; 1–4: 35%; the rest: 33%; each by 1/rank within its group.
        rest = [1 / rank for rank in range(1, len(depts) - 4)]
        weights = [0.2 / 0.88] + [0.35 / 0.88 / 4] * 4 + [0.33 / 0.88 * w / sum(rest) for w in rest]
        shares = cumulative(weights)
    for n in range(count):
        is_base = n % 100 < 12 if shares else n % 100 == 0
        if is_base:
            lead = n % 5 if shares else (n // 100) % 5
            item = f"{lead + 1:02d}"
            seq = per_dept.setdefault(("base", lead), 0) + 1
            per_dept[("base", lead)] = seq
            classification = f"1{item}{1 + seq // 1000000:03d}"
            code = f"{classification}/{seq % 1000000:06d}"
            items.append((n, code, lead))
        else:
            d = zipf(random.Random(-1 - n), shares) if shares else n % len(depts)
            seq = per_dept.setdefault(d, 0) + 1
            per_dept[d] = seq
            classification = f"{depts[d][2]}{1 + seq // 100000:03d}"
            code = f"{classification}/{seq % 100000 + 1:06d}"
            items.append((n, code, d))
    return items


def path_of(code, dept):
    classification, seq = code.split("/")
    return f"catalogs/{dept[0]}/{classification}-{seq}.yaml"


def registry_files(depts, sources):
    registry = "format: 1\nname: 基准测试目录\nlevel: national\n"
    classes = "classes:\n"
    for c, name in [("1", "基础信息资源"), ("2", "主题信息资源"), ("3", "部门信息资源")]:
        classes += f'  - code: "{c}"\n    name: {name}\n    items:\n'
        count = 5 if c == "1" else (12 if c == "2" else 8)
        for i in range(count):
            lead = f", lead: {depts[i][0]}" if c != "3" else ""
            classes += f'      - {{ code: "{i + 1:02d}", name: 项{i + 1:02d}{lead} }}\n'
    deps = "departments:\n" + "".join(
        f'  - code: {code}\n    name: {name}\n    prefix: "{prefix}"\n    parent: null\n    status: active\n'
        for code, name, prefix in depts)
    access = "maintainers: [bench-admin]\nidentities:\n" + "".join(
        f"  - {{ id: editor-{i:03d}, department: {code} }}\n" for i, (code, _, _) in enumerate(depts))
    access += "protected_branches: [main]\nrelease_tags: \"v*\"\nrequire_signed_commits: false\n"
    files = [("registry.yaml", registry), ("access.yaml", access), ("dictionaries/classification.yaml", classes),
             ("dictionaries/departments.yaml", deps)]
    if sources:
        text = "sources:\n"
        for name, url, owned in sources:
            text += f"  - {{ name: {name}, url: \"{url}\", branch: main, owns: [{', '.join(depts[d][0] for d in owned)}] }}\n"
        files.append(("sources.yaml", text))
    return [(path, text.encode()) for path, text in files]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--shape", choices=["even", "skewed"], default="even",
                        help="even: departments of one size, 1%% base resources, varied item names; skewed: see above")
    parser.add_argument("--departments", type=int, default=None, help="100 (even) or 40 (skewed)")
    parser.add_argument("--change", type=float, default=0.0, help="a second commit changing this share of all resources")
    parser.add_argument("--added", type=int, default=0, help="and adding this many resources")
    parser.add_argument("--changes", type=int, default=0, help="a second commit changing this many of one department's")
    parser.add_argument("--department", type=int, default=0, help="the department of --changes")
    parser.add_argument("--offset", type=int, default=0, help="--changes takes its resources from this run on")
    parser.add_argument("--source", action="append", default=[], metavar="NAME=URL=DEPT[,DEPT…]",
                        help="a fork in sources.yaml, owning these departments' folders")
    parser.add_argument("--parent", default=None, help="the commit to change")
    parser.add_argument("--ref", default="refs/heads/main")
    parser.add_argument("--message", default=None)
    args = parser.parse_args()
    depts = departments(args.departments or (SKEWED_DEPARTMENTS if args.shape == "skewed" else 100))
    entries = layout(args.count + args.added, depts, args.shape)
    base_codes = [code for _, code, _ in entries[:args.count] if code.startswith("1")]
    base_codes = base_codes if args.shape == "skewed" else base_codes[:500]
    links = Links(entries, base_codes) if args.shape == "skewed" else None

    def write(n, code, d, kind=None):
        related = links.of(n, code) if links and not code.startswith("1") else None
        return resource(n, depts[d], code, random.Random(n), base_codes, kind, args.shape, related)

    out = sys.stdout.buffer
    files = []
    if args.change or args.changes or args.added:
        chosen = []
        if args.change:
            chosen = entries[1:args.count:max(1, int(round(1 / args.change)))]
        if args.changes:
            own = [entry for entry in entries[:args.count] if entry[2] == args.department and not entry[1].startswith("1")]
            start = args.offset * args.changes
            if start + args.changes > len(own):
                sys.exit(f"generate.py: department {args.department} has {len(own)} resources of its own, "
                         f"not {start + args.changes}")
            chosen += own[start:start + args.changes]
        for j, (n, code, d) in enumerate(chosen):
            kind = KINDS[j % len(KINDS)]
            files.append((path_of(code, depts[d]), write(n, code, d, kind)))
        for n, code, d in entries[args.count:]:
            files.append((path_of(code, depts[d]), write(n, code, d)))
        message = args.message or f"{len(chosen)} resources changed, {args.added} added"
    else:
        sources = []
        for spec in args.source:
            name, url, owned = spec.split("=")
            sources.append((name, url, [int(d) for d in owned.split(",")]))
        files += registry_files(depts, sources)
        for n, code, d in entries:
            files.append((path_of(code, depts[d]), write(n, code, d)))
        message = args.message or f"synthetic registry of {args.count} resources"
    files.sort(key=lambda f: f[0].encode())
    for i, (path, data) in enumerate(files):
        out.write(b"blob\nmark :%d\n" % (i + 1))
        blob(out, data)
    out.write(f"commit {args.ref}\n".encode())
    out.write(b"author bench <bench@example.cn> 1767225600 +0800\ncommitter bench <bench@example.cn> 1767225600 +0800\n")
    blob(out, message.encode())
    if args.parent:
        out.write(f"from {args.parent}^0\n".encode())
    for i, (path, _) in enumerate(files):
        out.write(f"M 100644 :{i + 1} {path}\n".encode())
    out.write(b"\n")


if __name__ == "__main__":
    main()
