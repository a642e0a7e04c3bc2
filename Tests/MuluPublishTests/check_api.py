#!/usr/bin/env python3
"""Checks a published site's JSON API against the registry's YAML files, read with PyYAML.

  check_api.py REGISTRY_FOLDER SITE_FOLDER

Every resource file must have api/v1/resources/<分类码>/<顺序码>.json meaning what the YAML
means (plus provider_name, retired and history), a line in resources.jsonl.gz equal to it, a
page, and the counts of index.json, departments.json and the department files must be those of
the files. Prints what differs and exits 1; exits 0 when all agrees.
"""
import datetime
import glob
import gzip
import json
import os
import sys

import yaml

registry, site = sys.argv[1], sys.argv[2]
problems = []


def plain(value):
    """YAML's values as JSON has them: dates as their text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


resources = {}
for path in sorted(glob.glob(os.path.join(registry, "catalogs", "*", "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        data = plain(yaml.safe_load(f))
    classification, sequence = data["code"].split("/")
    resources[data["code"]] = (path, data)
    api = os.path.join(site, "api", "v1", "resources", classification, sequence + ".json")
    if not os.path.exists(api):
        problems.append(f"{api}: missing")
        continue
    doc = load(api)
    extra = {k: doc.pop(k) for k in ("provider_name", "history")}
    if doc.get("retired", "absent") is None and "retired" not in data:
        doc.pop("retired")
    if doc != data:
        problems.append(f"{api}: differs from {path}:\n  json {doc}\n  yaml {data}")
    if extra["provider_name"] != data["provider"]["name"]:
        problems.append(f"{api}: provider_name {extra['provider_name']!r}")
    if not isinstance(extra["history"], list) or any(set(h) != {"release", "kind", "breaking"} for h in extra["history"]):
        problems.append(f"{api}: history {extra['history']!r}")
    page = os.path.join(site, "resources", classification, sequence + ".html")
    if not os.path.exists(page):
        problems.append(f"{page}: missing")

lines = {}
with gzip.open(os.path.join(site, "api", "v1", "resources.jsonl.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        lines[doc["code"]] = doc
if set(lines) != set(resources):
    problems.append(f"resources.jsonl.gz: codes {sorted(set(lines) ^ set(resources))} differ")
for code, doc in lines.items():
    classification, sequence = code.split("/")
    if doc != load(os.path.join(site, "api", "v1", "resources", classification, sequence + ".json")):
        problems.append(f"resources.jsonl.gz: the line of {code} differs from its file")

active = [d for _, d in resources.values() if "retired" not in d]
index = load(os.path.join(site, "api", "v1", "index.json"))
with open(os.path.join(registry, "registry.yaml"), encoding="utf-8") as f:
    settings = yaml.safe_load(f)
expected_counts = {
    "resources": len(resources), "active": len(active), "retired": len(resources) - len(active),
    "by_sharing_type": {t: sum(1 for d in active if d["sharing"]["type"] == t) for t in ["无条件共享", "有条件共享", "不予共享"]},
}
for key, value in expected_counts.items():
    if index["counts"][key] != value:
        problems.append(f"index.json: counts.{key} is {index['counts'][key]}, the files say {value}")
if index["registry"] != {"name": settings["name"], "level": settings["level"]}:
    problems.append(f"index.json: registry {index['registry']}")
if not index["generator"].startswith("mulu "):
    problems.append(f"index.json: generator {index['generator']}")

with open(os.path.join(registry, "dictionaries", "departments.yaml"), encoding="utf-8") as f:
    dictionary = {d["code"]: d["name"] for d in yaml.safe_load(f)["departments"]}
departments = load(os.path.join(site, "api", "v1", "departments.json"))
if index["counts"]["departments"] != len(departments):
    problems.append("index.json: counts.departments is not the length of departments.json")
for entry in departments:
    own = {c: d for c, (p, d) in resources.items() if os.path.basename(os.path.dirname(p)) == entry["code"]}
    want = {"code": entry["code"], "name": dictionary.get(entry["code"], entry["name"]), "resources": len(own),
            "active": sum(1 for d in own.values() if "retired" not in d)}
    if entry != want:
        problems.append(f"departments.json: {entry} where the files say {want}")
    doc = load(os.path.join(site, "api", "v1", "departments", entry["code"] + ".json"))
    # Compact, in the documented key order, one line.
    with open(os.path.join(site, "api", "v1", "departments", entry["code"] + ".json"), encoding="utf-8") as f:
        if f.read() != json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n" or \
                list(doc) != ["code", "name", "resources"] or \
                any(list(r) != ["code", "name", "sharing_type", "retired"] for r in doc["resources"]):
            problems.append(f"departments/{entry['code']}.json: not written as the API's other files")
    listed = {r["code"]: r for r in doc["resources"]}
    if set(doc) != {"code", "name", "resources"} or set(listed) != set(own):
        problems.append(f"departments/{entry['code']}.json: lists {sorted(listed)}, the files {sorted(own)}")
    for code, r in listed.items():
        d = own.get(code)
        if d and r != {"code": code, "name": d["name"], "sharing_type": d["sharing"]["type"], "retired": "retired" in d}:
            problems.append(f"departments/{entry['code']}.json: {r}")

dcat = load(os.path.join(site, "api", "v1", "dcat.jsonld"))
datasets = {d["dct:identifier"]: d for d in dcat["dcat:dataset"]}
if dcat["@type"] != "dcat:Catalog" or set(datasets) != {d["code"] for d in active}:
    problems.append("dcat.jsonld: not one dcat:Dataset per active resource")
for d in active:
    ds = datasets.get(d["code"], {})
    if ds.get("dct:title") != d["name"] or ds.get("dct:description") != d["summary"] or \
            ds.get("dcat:keyword") != list(dict.fromkeys(i["name"] for i in d.get("items") or [])) or \
            not ds.get("dct:accrualPeriodicity", {}).get("@id", "").startswith("http://publications.europa.eu/resource/authority/frequency/") or \
            ds.get("dct:publisher", {}).get("foaf:name") != d["provider"]["name"]:
        problems.append(f"dcat.jsonld: the dataset of {d['code']} is {ds}")

for p in problems[:40]:
    print(p)
print(f"{len(resources)} resources checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
