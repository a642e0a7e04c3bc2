import Foundation
import MuluCatalog
import MuluKit
import MuluYAML

/// `mulu import`: a workbook or CSV file in the Guide's columns back into resource files.
///
/// Rows are grouped by 信息资源代码; consecutive rows without a code and with one 信息资源名称
/// form a new resource, which gets the next free 顺序码 of its 分类码. The registry with the
/// imported resources is judged in memory by the one validation engine; files are written, in
/// canonical form, only when it finds no error, and only those whose meaning changed.
public enum SheetImport {
  public struct Outcome: Sendable {
    /// Findings on cells (reading, grouping, validation), warnings included.
    public var findings: [Finding] = []
    /// What reading had to say that is no finding (sheets not read, the encoding of a CSV file).
    public var notes: [LocalizedText] = []
    /// The resources added and modified, as `mulu diff` shows them.
    public var diff: SemanticDiff
    /// Resources of the file whose meaning did not change.
    public var unchanged = 0
    /// Files left as they are, though the sheet changes them, and why.
    public var leftAlone: [(path: String, reason: LocalizedText)] = []
    /// Whether files were written.
    public var wrote = false

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
  }

  /// Imports `file` into the working tree of `workspace`; with `check`, writes nothing.
  /// `provider` is the department all rows must belong to (and the one of rows that name none).
  /// A workbook is unpacked below the environment's `TMPDIR` (else `/tmp`).
  public static func run(
    file: String, in workspace: Workspace, provider: String? = nil, check: Bool = false, environment: [String: String]
  ) throws -> Outcome {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    let workbook = try read(file, name: name, temporaryBase: environment["TMPDIR"] ?? "/tmp")
    var table = try SheetTable(workbook, file: name)
    let snapshot = try workspace.workingTree()
    let (catalog, loadFindings) = try loadRegistry(snapshot)
    if let provider, catalog.departments[provider] == nil {
      throw SheetImportFailure.unknownProvider(provider)
    }
    var outcome = Outcome(diff: SemanticDiff(from: SemanticDiff.workingTree, to: name, changes: []))
    outcome.notes = readingNotes(table, workbook)

    var plan = Plan(table: table, catalog: catalog, snapshot: snapshot, provider: provider)
    plan.group()
    plan.build()
    table.findings += plan.findings
    outcome.unchanged = plan.unchanged
    outcome.leftAlone = plan.leftAlone
    if !plan.writes.isEmpty && !table.findings.contains(where: { $0.severity == .error }) {
      table.findings += try findingsOfTheImportedRegistry(plan, snapshot: snapshot, catalog: catalog, loadFindings: loadFindings)
    }
    outcome.findings = table.findings.sorted(by: Finding.ordered)
    outcome.diff = SemanticDiff(from: SemanticDiff.workingTree, to: name, changes: plan.changes())
    if outcome.hasErrors || check || plan.writes.isEmpty { return outcome }
    try write(plan, into: workspace)
    outcome.wrote = true
    return outcome
  }

  /// The registry of the working tree, and what loading it found.
  private static func loadRegistry(_ snapshot: any Snapshot) throws -> (Catalog, [Finding]) {
    do {
      return try Validator.load(snapshot)
    } catch let SnapshotError.unreadable(path, reason) {
      throw SheetFailure.unreadable(path, reason: reason)
    }
  }

  /// What reading had to say that is no finding: sheets not read, a CSV file's encoding.
  private static func readingNotes(_ table: SheetTable, _ workbook: Workbook) -> [LocalizedText] {
    var notes = table.notes
    if let encoding = workbook.encoding, encoding != .utf8 {
      notes.append(LocalizedText(zh: "按 \(encoding.rawValue) 编码读取", en: "read as \(encoding.rawValue)"))
    }
    return notes
  }

  /// The one engine, on the registry as it would be: the findings in the files the import
  /// writes (placed on their cells), and the new ones elsewhere (those the registry had
  /// before are not the import's).
  private static func findingsOfTheImportedRegistry(
    _ plan: Plan, snapshot: any Snapshot, catalog: Catalog, loadFindings: [Finding]
  ) throws -> [Finding] {
    let before = Validator.apply(catalog.settings, to: loadFindings + Validator.check(catalog))
    let overlay = OverlaySnapshot(base: snapshot, files: plan.writes.mapValues { Array($0.text.utf8) })
    let after: Report
    do {
      after = try Validator.validate(overlay)
    } catch let SnapshotError.unreadable(path, reason) {
      throw SheetFailure.unreadable(path, reason: reason)
    }
    let known = Set(before.map(FindingKey.init))
    var findings: [Finding] = []
    for finding in after.findings {
      if let write = plan.writes[finding.path] {
        findings.append(plan.locate(finding, in: write))
      } else if !known.contains(FindingKey(finding)) {
        findings.append(finding)
      }
    }
    return findings
  }

  /// All files written, flushed once, then renamed into place: one flush instead of one per file.
  private static func write(_ plan: Plan, into workspace: Workspace) throws {
    try Files.writeAllAtomically(plan.writes.keys.sorted().map { path in
      let write = plan.writes[path]!
      return Files.Planned(path: workspace.root + "/" + path, text: write.text, exclusive: write.old == nil)
    })
  }

  static func read(_ file: String, name: String, temporaryBase: String) throws(SheetFailure) -> Workbook {
    switch try SheetKind(path: file) {
    case .xlsx:
      return try XLSXReader.read(file, name: name, temporaryBase: temporaryBase)
    case .csv:
      let bytes: [UInt8]
      do {
        bytes = try DirectorySnapshot.readFile(file, reportAs: name)
      } catch {
        throw .unreadable(name, reason: "\(error)")
      }
      guard let (text, encoding) = CSV.decode(bytes) else { throw .encoding(name) }
      let records = try CSV.records(text)
      if records.count > XLSXReader.rowLimit { throw .tooManyRows(sheet: name, limit: XLSXReader.rowLimit) }
      var sheet = SheetData(name: name)
      for (index, record) in records.enumerated() {
        if record.allSatisfy(\.isEmpty) { continue }
        sheet.rows.append(Row(number: index, cells: record.map { Cell(value: .text($0)) }))
      }
      return Workbook(kind: .csv, sheets: [sheet], encoding: encoding)
    }
  }

  /// A finding compared across two validations: the same rule on the same file saying the same.
  struct FindingKey: Hashable {
    var rule: String
    var path: String
    var message: String

    init(_ finding: Finding) {
      rule = finding.rule
      path = finding.path
      message = finding.message.en
    }
  }
}
