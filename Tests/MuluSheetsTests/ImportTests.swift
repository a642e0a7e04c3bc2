import Foundation
import MuluSheets
import MuluTestSupport
import Testing

/// `mulu import`: edits, new resources, findings at cells, what it accepts and what it leaves alone.
@Suite("mulu import")
struct ImportTests {
  static let summary = Column.summary.rawValue
  static let name = Column.name.rawValue
  static let code = Column.code.rawValue

  /// The rows of a resource (their indexes in `rows`).
  func indexes(of code: String, in rows: [[String]]) -> [Int] {
    rows.indices.filter { rows[$0][Self.code] == code }
  }

  @Test("an edited summary and a new resource of two rows: the file is rewritten, the new one gets the next 顺序码")
  func edits() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    for index in indexes(of: "104001/000001", in: rows) { rows[index][Self.summary] = "各部门归集的公共信用信息。" }
    var new = rows[indexes(of: "303001001/000001", in: rows)[0]]
    new[Self.code] = ""
    new[Self.name] = "企业投资项目变更信息"
    new[Column.itemName.rawValue] = "项目代码"
    var second = new
    second[Column.itemName.rawValue] = "变更日期"
    second[Column.itemType.rawValue] = "D"
    second[Column.itemLength.rawValue] = ""
    rows += [new, second]
    try lab.writeCSV(rows, "edited.csv")

    let check = try lab.importing("edited.csv", "--check")
    #expect(check.status == 1, "\(check)")
    #expect(try lab.untouched())
    #expect(check.stderr == "mulu: --check: nothing written (2 file(s) would be)\n")

    let outcome = try lab.importing("edited.csv")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(
      outcome.stdout == """
        working tree → edited.csv: 1 added, 1 modified, 0 retired, 0 unretired, 0 deleted; 0 breaking

        国家发展和改革委员会 (11100000000090114B)
          modified 104001/000001 法人和非法人组织公共信用信息
            信息资源摘要: 各部门归集的法人和非法人组织行政许可、行政处罚、红黑名单等公共信用信息。 → 各部门归集的公共信用信息。
          added 303001001/000003 企业投资项目变更信息
        unchanged: 11 resource(s)

        """)
    #expect(check.stdout == outcome.stdout)
    #expect(outcome.stderr == "mulu: wrote 2 file(s)\n")
    let edited = try lab.sandbox.read("registry/catalogs/11100000000090114B/104001-000001.yaml")
    #expect(edited.contains("\nsummary: 各部门归集的公共信用信息。\n"))
    let added = try lab.sandbox.read("registry/catalogs/11100000000090114B/303001001-000003.yaml")
    #expect(added.hasPrefix("# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json\ncode: 303001001/000003\nname: 企业投资项目变更信息\n"))
    #expect(added.contains("items:\n  - { name: 项目代码, type: C, length: 24 }\n  - { name: 变更日期, type: D }\n"))
    let validate = try mulu("validate", in: lab.registry)
    #expect(validate.status == 0, "\(validate)")
    let format = try mulu("fmt", "--check", in: lab.registry)
    #expect(format.status == 0, "\(format)")
  }

  @Test("an error points at its cell (CSV row:column, xlsx Sheet!cell) and nothing is written")
  func errorsAtCells() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    let target = indexes(of: "303001001/000001", in: rows)
    for index in target {
      rows[index][Column.sharingType.rawValue] = "不予共享"
      rows[index][Column.sharingCondition.rawValue] = ""
    }
    try lab.writeCSV(rows, "broken.csv")
    let csv = try lab.importing("broken.csv")
    #expect(csv.status == 1, "\(csv)")
    let row = target[0] + 1
    #expect(csv.stderr.contains("broken.csv:\(row):14: error[sharing.basis-required]: "), "\(csv)")
    #expect(csv.stderr.hasSuffix("mulu: error: the import has errors: nothing was written\n"))
    #expect(csv.stdout == "")
    #expect(try lab.untouched())

    var cells: [String: Any] = [:]
    for index in target { cells["N\(index + 1)"] = "不予共享"; cells["O\(index + 1)"] = "" }
    try lab.workbook("broken.xlsx", ["cells": cells])
    let xlsx = try lab.importing("broken.xlsx")
    #expect(xlsx.status == 1, "\(xlsx)")
    #expect(xlsx.stderr.contains("broken.xlsx!Sheet1!N\(row): error[sharing.basis-required]: "), "\(xlsx)")
    #expect(try lab.untouched())
  }

  @Test("a code stored as a number is refused with the cell named; dates as serial numbers are dates")
  func numbers() throws {
    let lab = try SheetLab()
    try lab.workbook("number.xlsx", ["cells": ["E2": ["n": "1.11000000000901E+17"]]])
    let number = try lab.importing("number.xlsx")
    #expect(number.status == 1, "\(number)")
    #expect(number.stderr.hasPrefix(
      "number.xlsx!Sheet1!E2: error[sheet.code-number]: 信息资源提供方代码 is stored as a number (1.11000000000901E+17), which loses leading zeros or digits (hint: format the column as text and enter the code again)\n"))
    #expect(try lab.untouched())

    // 104001/000001 was published 2019-11-08: day 43777 of the 1900 system.
    let rows = try lab.rows()
    var cells: [String: Any] = [:]
    for index in indexes(of: "104001/000001", in: rows) { cells["V\(index + 1)"] = ["n": "43777"] }
    try lab.workbook("serial.xlsx", ["cells": cells])
    let serial = try lab.importing("serial.xlsx")
    #expect(serial.status == 0, "\(serial)")
    #expect(serial.stdout.hasPrefix("working tree → serial.xlsx: no changes\n"), "\(serial)")
    #expect(try lab.untouched())
  }

  @Test("CSV in GB18030 is read; full-width and trailing spaces are trimmed with a warning naming the cell")
  func encodingsAndSpaces() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    let first = indexes(of: "104001/000002", in: rows)[0]
    rows[first][Self.name] = "\u{3000}" + rows[first][Self.name] + " "
    try lab.writeCSV(rows, "gbk.csv", encoding: "gb18030")
    let outcome = try lab.importing("gbk.csv")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(
      outcome.stderr == """
        mulu: read as GB18030
        gbk.csv:\(first + 1):3: warning[sheet.trimmed]: spaces at either end (full-width ones too) were removed (hint: leave no spaces at either end of a cell)
        mulu: wrote 0 file(s)

        """)
    #expect(try lab.untouched())
  }

  @Test("a file with comments is left alone and named when the sheet changes it; unchanged, it is no matter")
  func comments() throws {
    let lab = try SheetLab()
    let path = "registry/catalogs/11100000000090114B/104001-000002.yaml"
    try lab.sandbox.edit(path, replacing: "format:\n", with: "# 格式见平台说明\nformat:\n")
    let commented = try lab.sandbox.read(path)
    let sameCheck = try lab.importing("ndrc.csv", "--check")
    #expect(sameCheck.status == 0, "\(sameCheck)")
    #expect(sameCheck.stderr == "mulu: --check: nothing written (0 file(s) would be)\n")
    let same = try lab.importing("ndrc.csv")
    #expect(same.status == 0, "\(same)")
    #expect(same.stderr == "mulu: wrote 0 file(s)\n")

    var rows = try lab.rows()
    for index in indexes(of: "104001/000002", in: rows) { rows[index][Self.summary] = "新的摘要。" }
    for index in indexes(of: "104001/000003", in: rows) { rows[index][Self.summary] = "另一个新摘要。" }
    try lab.writeCSV(rows, "edited.csv")
    let outcome = try lab.importing("edited.csv")
    #expect(outcome.status == 0, "\(outcome)")
    let row = indexes(of: "104001/000002", in: rows)[0] + 1
    #expect(outcome.stderr.hasPrefix(
      "edited.csv:\(row):2: warning[sheet.left-alone]: catalogs/11100000000090114B/104001-000002.yaml is left as it is: comments at line 9 would be lost"), "\(outcome)")
    #expect(try lab.sandbox.read(path) == commented)
    #expect(try lab.sandbox.read("registry/catalogs/11100000000090114B/104001-000003.yaml").contains("summary: 另一个新摘要。\n"))
  }

  @Test("a retired resource changes only by its retirement columns")
  func retired() throws {
    let lab = try SheetLab()
    let export = try mulu(
      "export", "--provider", "11100000000092804G", "--include-retired", "-o", "../prra.csv", in: lab.registry)
    #expect(export.status == 0, "\(export)")
    var rows = try pythonCSV(lab.sandbox("prra.csv"))
    let target = indexes(of: "303018002/000001", in: rows)
    for index in target { rows[index][Self.name] = "改名" }
    try lab.writeCSV(rows, "renamed.csv")
    let renamed = try lab.importing("renamed.csv")
    #expect(renamed.status == 1, "\(renamed)")
    #expect(renamed.stderr.hasPrefix(
      "renamed.csv:\(target[0] + 1):3: error[retire.immutable]: resource 303018002/000001 is retired: only its retirement columns may change (信息资源名称 did)"), "\(renamed)")
    #expect(try lab.untouched())

    rows = try pythonCSV(lab.sandbox("prra.csv"))
    for index in target { rows[index][Column.retiredReason.rawValue] = "职责划入农业农村部" }
    try lab.writeCSV(rows, "reason.csv")
    let reason = try lab.importing("reason.csv")
    #expect(reason.status == 0, "\(reason)")
    #expect(reason.stdout.contains("    注销原因: 机构改革，国家乡村振兴局职责划入农业农村部 → 职责划入农业农村部\n"), "\(reason)")
  }

  @Test("a code the registry does not have is refused: import gives the codes (CSV without BOM)")
  func unknownCode() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    rows[1][Self.code] = "104001/000099"
    // UTF-8 without a byte order mark, as LibreOffice saves CSV.
    try lab.writeCSV(rows, "unknown.csv", encoding: "utf-8")
    let outcome = try lab.importing("unknown.csv")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stderr.hasPrefix(
      "unknown.csv:2:2: error[sheet.code-unknown]: no resource has the code 104001/000099 (hint: leave the code of a new resource empty: import gives it one)\n"), "\(outcome)")
    #expect(try lab.untouched())
  }

  @Test("--provider: rows of another department are refused; rows without a provider code get it")
  func provider() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    var new = rows[indexes(of: "303001002/000001", in: rows)[0]]
    new[Self.code] = ""
    new[Self.name] = "价格监测信息"
    new[Column.providerCode.rawValue] = ""
    new[Column.providerName.rawValue] = ""
    rows.append(new)
    try lab.writeCSV(rows, "new.csv")
    let outcome = try lab.importing("new.csv", "--provider", SheetLab.ndrc)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.contains("  added 303001002/000002 价格监测信息\n"), "\(outcome)")
    let added = try lab.sandbox.read("registry/catalogs/11100000000090114B/303001002-000002.yaml")
    #expect(added.contains("provider:\n  code: 11100000000090114B\n  name: 国家发展和改革委员会\n"))

    let other = try lab.importing("ndrc.csv", "--provider", "11100000000091527K")
    #expect(other.status == 1, "\(other)")
    #expect(other.stderr.hasPrefix(
      "ndrc.csv:2:5: error[sheet.provider-other]: provider code 11100000000090114B is not 11100000000091527K, which --provider names"))
  }

  @Test("columns: one unknown, one missing or one twice is refused at the header")
  func columns() throws {
    let lab = try SheetLab()
    var rows = try lab.rows()
    rows[0][Column.formatNote.rawValue] = "备注"
    try lab.writeCSV(rows, "columns.csv")
    let outcome = try lab.importing("columns.csv")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stderr.hasPrefix("""
      columns.csv:1:1: error[sheet.column-missing]: missing columns: 信息资源格式说明 (hint: do not delete columns; leave the ones you do not use empty)
      columns.csv:1:10: error[sheet.column-unknown]: unknown column 备注: its values have no place (hint: the column names are those of mulu template)

      """), "\(outcome)")
    #expect(try lab.untouched())
  }

  @Test("CSV that is no text, or with a quote never closed, is refused (exit 2)")
  func unreadableCSV() throws {
    let lab = try SheetLab()
    try lab.sandbox.write("binary.csv", bytes: [0xFF, 0xFE, 0x00, 0x81, 0x30, 0xFF])
    let binary = try lab.importing("binary.csv")
    #expect(binary.status == 2)
    #expect(binary.stderr == "mulu: error: binary.csv is neither UTF-8 nor GB18030 (GBK) text\n")
    try lab.sandbox.write("quote.csv", "信息资源代码,信息资源名称\n\"104001/000001,名称\n")
    let quote = try lab.importing("quote.csv")
    #expect(quote.status == 2)
    #expect(quote.stderr == "mulu: error: the quote opened in CSV row 2 is never closed\n")
  }
}
