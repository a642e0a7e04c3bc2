#!/usr/bin/env python3
"""Writes a synthetic registry of N resources as a `git fast-import` stream.

Deterministic: the same arguments give the same repository. About 100 departments,
about 20 data items per resource, all three sharing types, base resources kept by
five lead departments, `related` links from department resources to base ones.

  bench/generate.py 100000 | git -C repo.git fast-import --quiet
  bench/generate.py 100000 --change 0.01 --parent refs/heads/main | git fast-import   # a second commit
"""
import argparse
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CYCLES = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]
ITEM_WORDS = ["统一社会信用代码", "名称", "登记日期", "地址", "法定代表人", "注册资本", "经营范围", "状态", "批准文号",
              "发证机关", "有效期", "联系电话", "行政区划代码", "类别", "金额", "数量", "备注", "负责人", "证件号码", "更新时间"]


def credit_code(n):
    body = "111000000" + f"{n:08d}"
    check = (31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + ALPHABET[check]


def departments(count):
    return [(credit_code(90000 + i), f"示例部门{i:03d}", f"303{i + 1:03d}") for i in range(count)]


def resource(n, dept, code, rng, base_codes, variant=0):
    dept_code, dept_name, _ = dept
    base = code.startswith("1")
    sharing = "无条件共享" if base else rng.choice(["无条件共享", "有条件共享", "有条件共享", "不予共享"])
    lines = ["# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json", f"code: {code}",
             f"name: 示例信息资源{n}" + (f"（修订{variant}）" if variant else ""),
             "provider:", f"  code: {dept_code}", f"  name: {dept_name}", "  unit: 信息中心",
             f"summary: 第{n}号示例信息资源的登记、变更和注销信息，供基准测试使用。",
             "format:", "  class: 数据库", "  type: KingbaseES", "items:"]
    for i in range(20 - (variant % 3)):
        word = ("基础" if base else "") + ITEM_WORDS[(n + i) % len(ITEM_WORDS)]
        kind = "C" if i % 4 else "D"
        length = f", length: {20 + (n + i) % 180}" if kind == "C" else ""
        lines.append(f"  - {{ name: {word}{i}, type: {kind}{length} }}")
    lines += ["sharing:", f"  type: {sharing}"]
    if sharing == "有条件共享":
        lines.append("  condition: 仅向相关业务主管部门提供")
    if sharing == "不予共享":
        lines.append("  basis: 《中华人民共和国保守国家秘密法》第十三条")
    else:
        lines += ["  method:", "    class: 共享平台方式", "    type: 接口"]
    lines += ["open:", f"  to_public: {'true' if sharing == '无条件共享' and n % 5 == 0 else 'false'}",
              f"update_cycle: {CYCLES[(n + variant) % len(CYCLES)]}", f"published: 20{19 + n % 7}-0{1 + n % 9}-1{n % 9}"]
    if not base and base_codes and n % 3 == 0:
        lines.append(f"related: [{base_codes[n % len(base_codes)]}]")
    return ("\n".join(lines) + "\n").encode()


def blob(out, data):
    out.write(b"data %d\n" % len(data))
    out.write(data)
    out.write(b"\n")


def layout(count, depts):
    """(path, code, department index) of every resource: 1 in 100 is a base resource."""
    items = []
    per_dept = {}
    for n in range(count):
        if n % 100 == 0:
            lead = (n // 100) % 5
            item = f"{lead + 1:02d}"
            seq = per_dept.setdefault(("base", lead), 0) + 1
            per_dept[("base", lead)] = seq
            classification = f"1{item}{1 + seq // 1000000:03d}"
            code = f"{classification}/{seq % 1000000:06d}"
            items.append((n, code, lead))
        else:
            d = n % len(depts)
            seq = per_dept.setdefault(d, 0) + 1
            per_dept[d] = seq
            classification = f"{depts[d][2]}{1 + seq // 100000:03d}"
            code = f"{classification}/{seq % 100000 + 1:06d}"
            items.append((n, code, d))
    return items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--departments", type=int, default=100)
    parser.add_argument("--change", type=float, default=0.0, help="write a second commit changing this share")
    parser.add_argument("--parent", default=None, help="the commit to change (with --change)")
    parser.add_argument("--ref", default="refs/heads/main")
    args = parser.parse_args()
    rng = random.Random(args.count)
    depts = departments(args.departments)
    entries = layout(args.count, depts)
    base_codes = [code for _, code, _ in entries if code.startswith("1")][:500]
    out = sys.stdout.buffer
    files = []
    if args.change:
        step = max(1, int(1 / args.change))
        for n, code, d in entries[1::step]:
            classification, seq = code.split("/")
            path = f"catalogs/{depts[d][0]}/{classification}-{seq}.yaml"
            files.append((path, resource(n, depts[d], code, random.Random(n), base_codes, variant=1)))
    else:
        registry = "format: 1\nname: 基准测试目录\nlevel: national\n".encode()
        classes = "classes:\n"
        for c, name, leads in [("1", "基础信息资源", True), ("2", "主题信息资源", False), ("3", "部门信息资源", False)]:
            classes += f'  - code: "{c}"\n    name: {name}\n    items:\n'
            count = 5 if c == "1" else (12 if c == "2" else 8)
            for i in range(count):
                lead = f", lead: {depts[i][0]}" if c != "3" else ""
                classes += f'      - {{ code: "{i + 1:02d}", name: 项{i + 1:02d}{lead} }}\n'
        deps = "departments:\n" + "".join(
            f'  - code: {code}\n    name: {name}\n    prefix: "{prefix}"\n    parent: null\n    status: active\n'
            for code, name, prefix in depts)
        files += [("registry.yaml", registry), ("dictionaries/classification.yaml", classes.encode()),
                  ("dictionaries/departments.yaml", deps.encode())]
        for n, code, d in entries:
            classification, seq = code.split("/")
            path = f"catalogs/{depts[d][0]}/{classification}-{seq}.yaml"
            files.append((path, resource(n, depts[d], code, random.Random(n), base_codes)))
    marks = []
    for i, (path, data) in enumerate(files):
        out.write(b"blob\nmark :%d\n" % (i + 1))
        blob(out, data)
        marks.append((path, i + 1))
    message = f"synthetic registry of {args.count} resources" + (f", {len(files)} changed" if args.change else "")
    out.write(f"commit {args.ref}\n".encode())
    out.write(b"author bench <bench@example.cn> 1767225600 +0800\ncommitter bench <bench@example.cn> 1767225600 +0800\n")
    blob(out, message.encode())
    if args.parent:
        out.write(f"from {args.parent}^0\n".encode())
    for path, mark in marks:
        out.write(f"M 100644 :{mark} {path}\n".encode())
    out.write(b"\n")


if __name__ == "__main__":
    main()
