import Foundation
import MuluTestSupport
import Testing

/// Workbooks from anyone: refused with a clear message (exit 2) and nothing written, or read
/// with what had to be done said.
@Suite("hostile workbooks")
struct HostileWorkbookTests {
  /// Imports a workbook that must be refused; its one line of standard error.
  func refused(_ spec: [String: Any], _ name: String = "hostile.xlsx") throws -> String {
    let lab = try SheetLab()
    try lab.workbook(name, spec)
    let outcome = try lab.importing(name)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(try lab.untouched())
    return outcome.stderr
  }

  @Test("a zip bomb: a part compressed more than 100:1 is refused by its stated sizes")
  func zipBomb() throws {
    let message = try refused(["bomb": 50_000_000])
    #expect(message.hasPrefix("mulu: error: workbook part xl/worksheets/sheet1.xml is compressed "), "\(message)")
    #expect(message.hasSuffix(":1, more than 100:1: refused (a zip bomb?)\n"), "\(message)")
  }

  @Test("a zip bomb whose archive understates the size: the bytes are counted as they come out")
  func lyingZipBomb() throws {
    let message = try refused(["bomb": 50_000_000, "lie": true])
    #expect(message.hasPrefix("mulu: error: workbook part xl/worksheets/sheet1.xml unpacks to "), "\(message)")
    #expect(message.hasSuffix(": refused (a zip bomb?)\n"), "\(message)")
  }

  @Test("XML entity expansion and external entities: a part with a DTD is refused", arguments: ["entities", "external"])
  func entities(kind: String) throws {
    let message = try refused(["doctype": kind])
    #expect(
      message
        == "mulu: error: workbook part xl/worksheets/sheet1.xml has a document type declaration (DOCTYPE/entities), which xlsx never needs: refused (entity expansion or external entities)\n"
    )
  }

  @Test("a sheet with a million empty styled rows is refused")
  func emptyRows() throws {
    let message = try refused(["emptyRows": 1_000_000])
    #expect(
      message
        == "mulu: error: sheet Sheet1 has at least 100001 rows or cells with formatting and no content (limit 100000): refused; delete those rows and save again\n"
    )
  }

  @Test("not a workbook at all")
  func notAZip() throws {
    let lab = try SheetLab()
    try lab.sandbox.write("fake.xlsx", "信息资源代码,信息资源名称\n")
    let outcome = try lab.importing("fake.xlsx")
    #expect(outcome.status == 2)
    #expect(outcome.stderr == "mulu: error: fake.xlsx is not a valid xlsx workbook: ZIP is missing\n")
  }

  @Test("merged cells across rows of different resources are refused at the merge; within one resource they fill its rows")
  func merges() throws {
    let lab = try SheetLab()
    // Rows 2–9 are 104001/000001's eight items, rows 10… 104001/000002's.
    try lab.workbook("across.xlsx", ["merges": ["N8:N10"]])
    let across = try lab.importing("across.xlsx")
    #expect(across.status == 1, "\(across)")
    #expect(across.stderr.hasPrefix(
      "across.xlsx!Sheet1!N8: error[sheet.merge-across]: merged cells N8:N10 span rows of different resources: whose value is it?"))
    #expect(across.stderr.hasSuffix("mulu: error: the import has errors: nothing was written\n"))
    #expect(try lab.untouched())

    var cells: [String: Any] = [:]
    for row in 3...9 { cells["N\(row)"] = "" }
    try lab.workbook("within.xlsx", ["merges": ["N2:N9"], "cells": cells])
    let within = try lab.importing("within.xlsx")
    #expect(within.status == 0, "\(within)")
    #expect(within.stdout.hasPrefix("working tree → within.xlsx: no changes\n"))
    #expect(try lab.untouched())
  }

  @Test("a hidden sheet is not read, and said so")
  func hiddenSheet() throws {
    let lab = try SheetLab()
    let header = try lab.rows()[0]
    var changed = try lab.rows()[1]
    changed[2] = "改过的名称"
    try lab.workbook("hidden.xlsx", ["hidden": [header, changed]])
    let outcome = try lab.importing("hidden.xlsx")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(
      outcome.stderr
        == "hidden.xlsx!隐藏: warning[sheet.hidden]: hidden sheet 隐藏 is not imported (hint: unhide it to import it)\nmulu: wrote 0 file(s)\n")
    #expect(try lab.untouched())
  }

  @Test("a formula: its cached value is used and a warning names the cell")
  func formula() throws {
    let lab = try SheetLab()
    let summary = try lab.rows()[2][6]
    try lab.workbook("formula.xlsx", ["cells": ["G3": ["f": "CONCATENATE(\"a\",\"b\")", "v": summary]]])
    let outcome = try lab.importing("formula.xlsx")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stderr.hasPrefix(
      "formula.xlsx!Sheet1!G3: warning[sheet.formula]: the cell holds a formula; its cached value \"\(summary)\" is used"))
    #expect(try lab.untouched())
  }
}
