#!/usr/bin/env bash
# Part of `make demo` (run by scripts/demo.sh with MULU and WORK set): a department's catalog as
# a workbook and as CSV, edited as an editor would, and imported back.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${MULU:?run through scripts/demo.sh}" "${WORK:?run through scripts/demo.sh}"
export NO_COLOR=1

source scripts/lib.sh
reg="$WORK/sheets"
ndrc=11100000000090114B
cp -r registry "$reg"

section "Spreadsheets: a blank template, the department's catalog as xlsx and CSV"
run 0 "$MULU" template -C "$reg" --provider "$ndrc" -o ../模板.xlsx --lang zh
run 0 "$MULU" export -C "$reg" --provider "$ndrc" -o ../发展改革委.xlsx --lang zh
run 0 "$MULU" export -C "$reg" --provider "$ndrc" -o ../发展改革委.csv --lang zh
run 0 "$MULU" import -C "$reg" ../发展改革委.xlsx --lang zh

section "An editor's CSV: a summary rewritten, a new resource of two rows, a full-width space"
python3 - "$WORK/发展改革委.csv" "$WORK/编辑后.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
for row in rows[1:]:
    if row[1] == "303001001/000002":
        row[6] = "通过全国投资项目在线审批监管平台办理的企业投资项目备案信息（含变更）。"
new = list(next(r for r in rows if r[1] == "303001001/000001"))
new[1], new[2] = "", "\u3000企业投资项目变更信息"
second = list(new)
new[10:13], second[10:13] = ["项目代码", "C", "24"], ["变更日期", "D", ""]
rows += [new, second]
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
run 1 "$MULU" import -C "$reg" ../编辑后.csv --check --lang zh
run 0 "$MULU" import -C "$reg" ../编辑后.csv --lang zh
run 0 "$MULU" validate -C "$reg" --lang zh

section "A mistake is named by its cell, and nothing is written"
sed 's/,有条件共享,仅向投资审批、统计部门提供,/,不予共享,,/' "$WORK/发展改革委.csv" > "$WORK/错误.csv"
run 1 "$MULU" import -C "$reg" ../错误.csv --lang zh
exit "$failed"
