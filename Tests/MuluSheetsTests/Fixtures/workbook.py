#!/usr/bin/env python3
"""Writes an xlsx workbook as a test asks for it, with Python's own zipfile: the tests' second
writer of SpreadsheetML, independent of mulu's, and the maker of hostile workbooks.

    workbook.py OUT.xlsx SPEC.json

SPEC: {"csv": PATH (rows to start from, UTF-8 with or without BOM),
       "cells": {"E2": {"n": "11100000000090114"}, "V3": {"f": "TODAY()", "v": "46082", "t": "n"},
                 "B4": "text"},           # cells to set: text, a number, a formula with its cached value
       "merges": ["N2:N9"],
       "hidden": [[row, …], …],           # the rows of a hidden second sheet
       "emptyRows": N,                    # N empty styled rows after the data
       "doctype": "entities" | "external",  # a DTD in the sheet part
       "bomb": BYTES,                     # an extra part of BYTES spaces (compressed ~1000:1)
       "lie": true}                       # the bomb part states a size far smaller than it is
"""
import csv
import json
import re
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def letter(index):
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def position(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    column = 0
    for ch in m.group(1):
        column = column * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, column - 1


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cell_xml(ref, value):
    if isinstance(value, str):
        if value == "":
            return ""
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
    if "n" in value:
        return f'<c r="{ref}" s="1"><v>{value["n"]}</v></c>'
    if "f" in value:
        kind = value.get("t", "str")
        t = "" if kind == "n" else f' t="{kind}"'
        return f'<c r="{ref}"{t}><f>{escape(value["f"])}</f><v>{escape(value["v"])}</v></c>'
    if "b" in value:
        return f'<c r="{ref}" t="b"><v>{1 if value["b"] else 0}</v></c>'
    raise ValueError(value)


def sheet_xml(rows, merges=(), empty_rows=0, doctype=None):
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
    if doctype == "entities":
        parts.append('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                     '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
                     '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>\n')
    elif doctype == "external":
        parts.append('<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n')
    parts.append(f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>')
    for r, row in enumerate(rows):
        parts.append(f'<row r="{r + 1}">')
        for c, value in enumerate(row):
            if doctype and r == 1 and c == 2:
                value = "&h;" if doctype == "entities" else "&x;"
                parts.append(f'<c r="{letter(c)}{r + 1}" t="inlineStr"><is><t>{value}</t></is></c>')
                continue
            parts.append(cell_xml(f"{letter(c)}{r + 1}", value))
        parts.append("</row>")
    for r in range(len(rows), len(rows) + empty_rows):
        parts.append(f'<row r="{r + 1}" s="1" customFormat="1"/>')
    parts.append("</sheetData>")
    if merges:
        parts.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
                     + "</mergeCells>")
    parts.append("</worksheet>")
    return "".join(parts)


def main():
    out, spec_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    rows = []
    if "csv" in spec:
        with open(spec["csv"], encoding="utf-8-sig", newline="") as f:
            rows = [list(r) for r in csv.reader(f)]
    for ref, value in spec.get("cells", {}).items():
        r, c = position(ref)
        while len(rows) <= r:
            rows.append([])
        while len(rows[r]) <= c:
            rows[r].append("")
        rows[r][c] = value
    sheets = [("Sheet1", sheet_xml(rows, spec.get("merges", ()), spec.get("emptyRows", 0), spec.get("doctype")), False)]
    if "hidden" in spec:
        sheets.append(("隐藏", sheet_xml(spec["hidden"]), True))

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(sheets)))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + overrides + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        hidden_state = ' state="hidden"'
        entries = "".join(
            f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"{hidden_state if hidden else ""}/>'
            for i, (name, _, hidden) in enumerate(sheets))
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets)))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + rels + "</Relationships>")
        for i, (_, xml, _) in enumerate(sheets):
            data = xml.encode("utf-8")
            if "bomb" in spec and i == 0:
                # The sheet itself unpacks to far more than it packs to.
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * spec["bomb"], 1)
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", data)

    if spec.get("lie"):
        # The archive states a size of the sheet part 1,000 times smaller than it is.
        with open(out, "rb") as f:
            data = bytearray(f.read())
        with zipfile.ZipFile(out) as z:
            info = z.getinfo("xl/worksheets/sheet1.xml")
        real = info.file_size.to_bytes(4, "little")
        stated = (info.file_size // 1000).to_bytes(4, "little")
        data = data.replace(info.CRC.to_bytes(4, "little") + info.compress_size.to_bytes(4, "little") + real,
                            info.CRC.to_bytes(4, "little") + info.compress_size.to_bytes(4, "little") + stated)
        with open(out, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
