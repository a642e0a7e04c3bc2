import Foundation
import MuluCatalog
import MuluSheets
import MuluTestSupport
import Testing

/// `mulu template`, and the shape of every workbook mulu writes.
@Suite("mulu template")
struct TemplateTests {
  /// What Python's zipfile finds in a workbook: the parts named, as text.
  func parts(_ path: String, _ names: [String]) throws -> [String: String] {
    let script = """
      import json, sys, zipfile
      z = zipfile.ZipFile(sys.argv[1])
      print(json.dumps({n: z.read(n).decode('utf-8') for n in sys.argv[2:]}, ensure_ascii=False))
      """
    let outcome = try Program.run(
      ["python3", "-c", script, path] + names, in: "/",
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PYTHONUTF8": "1"])
    guard outcome.status == 0, let parts = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: String]
    else { throw TestFailure("python3 could not read \(path): \(outcome)") }
    return parts
  }

  @Test("a blank workbook: the header frozen, drop-down lists for the enumerated columns, text columns, an explanation sheet")
  func blank() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let outcome = try mulu("template", "--provider", "11100000000090114B", "-o", "../模板.xlsx", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stderr == "mulu: wrote the template ../模板.xlsx\n")
    let xml = try parts(
      sandbox("模板.xlsx"), ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"])
    let workbook = try #require(xml["xl/workbook.xml"])
    #expect(workbook.contains("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"填写说明\" sheetId=\"2\" r:id=\"rId2\"/>"))
    let sheet = try #require(xml["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    for column in Column.allCases {
      // Every column is text (style 1: number format 49, "@"), with a width.
      #expect(sheet.contains("<col min=\"\(column.rawValue + 1)\" max=\"\(column.rawValue + 1)\" width=\""))
      if let choices = column.choices {
        #expect(sheet.contains("sqref=\"\(column.letter)2:\(column.letter)1048576\"><formula1>\"\(choices.joined(separator: ","))\"</formula1>"), "\(column.title)")
      }
    }
    #expect(sheet.contains("<formula1>\"11100000000090114B\"</formula1>"))
    #expect(sheet.contains("<formula1>\"C,N,Y,D,T,L,M,G,B,I,F\"</formula1>"))
    let strings = try #require(xml["xl/sharedStrings.xml"])
    for column in Column.allCases { #expect(strings.contains("<t>\(column.title)</t>")) }
    #expect(strings.contains("<t>303001001</t>"), "the example takes the department's 分类码")
    #expect(!strings.contains("provider") && !strings.contains("sharing") && !strings.contains("update_cycle"))

    // Imported as it is, the template adds nothing.
    let imported = try mulu("import", "../模板.xlsx", in: registry)
    #expect(imported.status == 0, "\(imported)")
    #expect(imported.stdout == "working tree → 模板.xlsx: no changes\nunchanged: 0 resource(s)\n")
  }

  @Test("an unknown department or file kind is refused before anything is written")
  func refusals() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let unknown = try mulu("template", "--provider", "11100000000000001M", "-o", "../t.xlsx", in: registry)
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "mulu: error: no department 11100000000000001M in the departments dictionary\n")
    let kind = try mulu("export", "-o", "../t.ods", in: registry)
    #expect(kind.status == 2)
    #expect(kind.stderr.hasSuffix("t.ods: only .xlsx and .csv files are supported\n"))
    #expect(!sandbox.exists("t.xlsx") && !sandbox.exists("t.ods"))
  }

  @Test("an export past a workbook's rows is refused, and says to export per department")
  func tooManyRows() throws {
    let sandbox = try Sandbox()
    _ = try sampleRegistry(in: sandbox)
    let snapshot = try DirectorySnapshot(root: sandbox("registry"))
    #expect(throws: SheetFailure.exportTooLarge(rows: 1005, limit: 1000)) {
      try SheetExport.run(snapshot, to: sandbox("all.xlsx"), includeRetired: true, rowLimit: 1000)
    }
    #expect(SheetFailure.exportTooLarge(rows: 1_048_577, limit: 1_048_576).message.en
      == "the export needs 1048577 rows, more than a workbook's 1048576: export per department with --provider")
    #expect(!sandbox.exists("all.xlsx"))
  }
}
