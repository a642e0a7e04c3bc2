import MuluCatalog
import MuluKit
import MuluYAML

/// `mulu export`: resources of a snapshot (the working tree or a revision) as a workbook or a
/// CSV file in the Guide's columns.
public enum SheetExport {
  public struct Result: Sendable {
    /// The resources written, and the rows they take (the header not counted).
    public var resources = 0
    public var rows = 0
    /// Retired resources left out (without `--include-retired`).
    public var retiredLeftOut = 0
    /// Files that could not be read as resources, left out.
    public var unreadable: [Finding] = []
  }

  /// Writes the resources of `providers` (all when empty) to `path`, retired ones only with
  /// `includeRetired`; refused when that takes more than `rowLimit` rows, the header included.
  public static func run(
    _ snapshot: any Snapshot, to path: String, providers: [String] = [], includeRetired: Bool = false,
    rowLimit: Int = XLSXReader.rowLimit
  ) throws(SheetFailure) -> Result {
    let kind = try SheetKind(path: path)
    var result = Result()
    var records: [SheetRecord] = []
    let wanted = Set(providers)
    var files: [(folder: String, code: ResourceCode, entry: SnapshotEntry)] = []
    for entry in snapshot.entries where entry.isFile {
      guard case .resource(let folder, let code) = TreeLayout.role(of: entry.path) else { continue }
      if !wanted.isEmpty && !wanted.contains(folder) { continue }
      files.append((folder, code, entry))
    }
    files.sort { $0.folder != $1.folder ? $0.folder < $1.folder : $0.code < $1.code }
    for (_, code, entry) in files {
      let bytes: [UInt8]
      do {
        bytes = try snapshot.read(entry)
      } catch {
        throw .unreadable(entry.path, reason: "\(error)")
      }
      switch ResourceComparison.read(bytes, path: entry.path, code: code.description) {
      case .unreadable(let finding):
        result.unreadable.append(finding)
      case .read(let resource):
        if resource.isRetired && !includeRetired {
          result.retiredLeftOut += 1
          continue
        }
        records.append(SheetRecord(resource, fileCode: code))
      }
    }
    result.resources = records.count
    result.rows = records.reduce(0) { $0 + max($1.items.count, 1) }
    if result.rows + 1 > rowLimit { throw .exportTooLarge(rows: result.rows + 1, limit: rowLimit) }
    switch kind {
    case .csv:
      var out = CSV.byteOrderMark
      out.reserveCapacity(result.rows * 400)
      CSV.append(Column.allCases.map(\.title), to: &out)
      for record in records {
        for row in record.rows { CSV.append(row, to: &out) }
      }
      try SheetFiles.write(out, to: path)
    case .xlsx:
      var rows = [Column.allCases.map(\.title)]
      rows.reserveCapacity(result.rows + 1)
      for record in records { rows += record.rows }
      try XLSXWriter.write(CatalogWorkbook.sheets(rows: rows, departments: nil), to: path)
    }
    return result
  }
}
