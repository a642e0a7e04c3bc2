import Foundation
import MuluTestSupport
import Testing

/// mulu's workbooks in a real office suite: LibreOffice (headless) opens the exported workbook
/// and its cells are mulu's; what LibreOffice saves imports with no change.
@Suite("LibreOffice")
struct LibreOfficeTests {
  /// Runs `soffice --headless` with a profile of its own (so that runs do not collide), in `folder`.
  func soffice(_ arguments: [String], in sandbox: Sandbox) throws -> Outcome {
    let outcome = try Program.run(
      ["timeout", "180", "soffice", "-env:UserInstallation=file://" + sandbox("lo-profile"), "--headless"] + arguments,
      in: sandbox.path,
      environment: [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": sandbox.path, "LANG": "C.UTF-8",
      ])
    guard outcome.status == 0 else { throw TestFailure("soffice \(arguments) failed (is libreoffice-calc installed?): \(outcome)") }
    return outcome
  }

  @Test("the exported workbook opens in LibreOffice with mulu's cells; LibreOffice's own workbooks import with no change")
  func roundTrip() throws {
    let sandbox = try Sandbox()
    let registry = try sampleRegistry(in: sandbox)
    let before = try sandbox.snapshot("registry")
    for kind in ["xlsx", "csv"] {
      let export = try mulu("export", "--include-retired", "-o", "../all.\(kind)", in: registry)
      #expect(export.status == 0, "\(export)")
    }
    let template = try mulu("template", "--provider", "11100000000090114B", "-o", "../template.xlsx", in: registry)
    #expect(template.status == 0, "\(template)")

    // 1. LibreOffice reads the workbook (a damaged one would not convert) and writes each sheet as CSV.
    let csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    _ = try soffice(["--convert-to", csvFilter, "--outdir", "lo-csv", "all.xlsx", "template.xlsx"], in: sandbox)
    #expect(try pythonCSV(sandbox("lo-csv/template-Sheet1.csv")) == [RoundTripTests.titles])
    #expect(try pythonCSV(sandbox("lo-csv/template-填写说明.csv")).count == 32)
    let ours = try pythonCSV(sandbox("all.csv")).map { $0.map(unescaped) }
    let theirs = try pythonCSV(sandbox("lo-csv/all-Sheet1.csv"))
    #expect(ours.count == 1005)
    #expect(theirs.count == ours.count)
    for (index, (mine, office)) in zip(ours, theirs).enumerated() {
      let padded = office + Array(repeating: "", count: max(0, mine.count - office.count))
      #expect(mine == Array(padded.prefix(mine.count)), "row \(index + 1)")
    }
    let help = try pythonCSV(sandbox("lo-csv/all-填写说明.csv"))
    #expect(help.first?.prefix(4) == ["列", "列名", "说明", "示例"])
    #expect(help.dropFirst().first?.prefix(2) == ["A", "信息资源分类码"])

    // 2. The workbook opened and saved again by LibreOffice.
    _ = try soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "lo-saved", "all.xlsx"], in: sandbox)
    let saved = try mulu("import", "../lo-saved/all.xlsx", in: registry)
    #expect(saved.status == 0, "\(saved)")
    #expect(saved.stdout == "working tree → all.xlsx: no changes\nunchanged: 137 resource(s)\n")
    #expect(try sandbox.snapshot("registry") == before)

    // 3. mulu's CSV turned into a workbook by LibreOffice, every column read as text.
    let textColumns = (1...26).map { "\($0)/2" }.joined(separator: "/")
    _ = try soffice(
      ["--infilter=CSV:44,34,76,1,\(textColumns)", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "lo-csv-xlsx", "all.csv"],
      in: sandbox)
    let converted = try mulu("import", "../lo-csv-xlsx/all.xlsx", in: registry)
    #expect(converted.status == 0, "\(converted)")
    #expect(converted.stdout == "working tree → all.xlsx: no changes\nunchanged: 137 resource(s)\n")
    #expect(try sandbox.snapshot("registry") == before)
  }

  /// A CSV cell as mulu wrote it, without the ' that keeps a spreadsheet from evaluating it.
  func unescaped(_ cell: String) -> String {
    let rest = cell.drop { $0 == "'" }
    guard cell.hasPrefix("'"), let first = rest.first, "=+-@\t\r".contains(first) else { return cell }
    return String(cell.dropFirst())
  }
}
