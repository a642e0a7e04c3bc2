import Foundation
import MuluSheets
import MuluTestSupport
import Testing

/// `mulu export` then `mulu import` of the whole sample registry: no byte of any file changes.
@Suite("spreadsheet round trip")
struct RoundTripTests {
  static let titles = Column.allCases.map(\.title)

  @Test("export then import without edits changes no file, for xlsx and CSV", arguments: ["xlsx", "csv"])
  func sample(kind: String) throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let before = try sandbox.snapshot("registry")
    let export = try mulu("export", "--include-retired", "-o", "../all.\(kind)", in: registry)
    #expect(export.status == 0, "\(export)")
    #expect(export.stderr.hasPrefix("mulu: exported 137 resource(s) ("), "\(export)")

    let imported = try mulu("import", "../all.\(kind)", in: registry)
    #expect(imported.status == 0, "\(imported)")
    #expect(imported.stdout == "working tree → all.\(kind): no changes\nunchanged: 137 resource(s)\n")
    #expect(try sandbox.snapshot("registry") == before)
  }

  @Test("CSV is UTF-8 with a byte order mark, one row per data item under the Guide's column names")
  func csvShape() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let outcome = try mulu("export", "--provider", "11100000000090114B", "-o", "../ndrc.csv", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    let bytes = try sandbox.bytes("ndrc.csv")
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let rows = try pythonCSV(sandbox("ndrc.csv"))
    #expect(rows.first == Self.titles)
    let first = try #require(rows.dropFirst().first)
    #expect(first[0] == "104001")
    #expect(first[1] == "104001/000001")
    #expect(first[2] == "法人和非法人组织公共信用信息")
    #expect(first[10] == "统一社会信用代码")
    #expect(first[11] == "C")
    #expect(first[12] == "18")
    #expect(first[18] == "否")
    #expect(Set(rows.dropFirst().map { $0[4] }) == ["11100000000090114B"])
    // The resource's eight items are eight rows, its columns repeated.
    #expect(rows.filter { $0[1] == "104001/000001" }.count == 8)
  }

  @Test("retired resources are left out unless --include-retired")
  func retired() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let outcome = try mulu("export", "-o", "../active.csv", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stderr.contains("retired resource(s) left out (--include-retired)"), "\(outcome)")
    let rows = try pythonCSV(sandbox("active.csv"))
    #expect(rows.dropFirst().allSatisfy { $0[23].isEmpty })
    let all = try pythonCSV(try { _ = try mulu("export", "--include-retired", "-o", "../all.csv", in: registry); return sandbox("all.csv") }())
    #expect(all.dropFirst().contains { !$0[23].isEmpty })
  }

  @Test("a value a spreadsheet would evaluate: a text cell in xlsx, a ' in CSV that import removes")
  func formulaLookingValues() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let path = "registry/catalogs/11100000000090114B/104001-000001.yaml"
    try sandbox.edit(
      path, replacing: "summary: 各部门归集的法人和非法人组织行政许可、行政处罚、红黑名单等公共信用信息。",
      with: #"summary: "=HYPERLINK(\"http://x\")+1""#)
    try sandbox.edit(path, replacing: "unit: 国家公共信用信息中心", with: "unit: \"-信用中心\"")
    let before = try sandbox.snapshot("registry")
    for kind in ["csv", "xlsx"] {
      let export = try mulu("export", "--provider", "11100000000090114B", "-o", "../ndrc.\(kind)", in: registry)
      #expect(export.status == 0, "\(export)")
      let imported = try mulu("import", "../ndrc.\(kind)", in: registry)
      #expect(imported.status == 0, "\(imported)")
      #expect(imported.stdout.hasPrefix("working tree → ndrc.\(kind): no changes\n"), "\(imported)")
      #expect(try sandbox.snapshot("registry") == before)
    }
    let rows = try pythonCSV(sandbox("ndrc.csv"))
    #expect(rows[1][6] == #"'=HYPERLINK("http://x")+1"#)
    #expect(rows[1][5] == "'-信用中心")
  }
}
