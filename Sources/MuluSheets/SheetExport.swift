import MuluCatalog
import MuluKit
import MuluYAML

/// The kinds of file a catalog sheet is written to and read from, by the file's name.
public enum SheetKind: Sendable {
  case xlsx
  case csv

  public init(path: String) throws(SheetFailure) {
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") {
      self = .xlsx
    } else if lower.hasSuffix(".csv") {
      self = .csv
    } else {
      throw .unknownKind(path)
    }
  }
}

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

/// The two sheets of a catalog workbook: the data (`Sheet1`, as Excel names a first sheet)
/// and the explanation of its columns (`填写说明`).
enum CatalogWorkbook {
  static let dataSheet = "Sheet1"
  static let explanationSheet = "填写说明"
  /// The first cell of the explanation sheet, by which import knows it.
  static let explanationHeader = ["列", "列名", "说明", "示例"]

  /// The sheets for `rows` (the header first); `departments` (code, name) limit the drop-down
  /// lists of the provider columns.
  static func sheets(rows: [[String]], departments: [(code: String, name: String)]?, example: SheetRecord? = nil)
    -> [XLSXWriter.Sheet]
  {
    var data = XLSXWriter.Sheet(name: dataSheet, rows: rows, widths: widths(rows))
    for column in Column.allCases {
      if let choices = column.choices { data.choices[column.rawValue] = choices }
      data.prompts[column.rawValue] = (column.title, String(column.explanation.prefix(250)))
    }
    if let departments, !departments.isEmpty {
      data.choices[Column.providerCode.rawValue] = departments.map(\.code)
      data.choices[Column.providerName.rawValue] = departments.map(\.name)
    }
    data.wrapped = [Column.summary.rawValue]

    let sample = example ?? exampleRecord
    var explanation: [[String]] = [explanationHeader]
    let sampleRow = sample.rows[0]
    for column in Column.allCases {
      explanation.append([column.letter, column.title, column.explanation, sampleRow[column.rawValue]])
    }
    explanation.append([])
    explanation.append(["", "示例：一个资源的两个信息项占两行，资源的各列在每行重复"])
    explanation.append(Column.allCases.map(\.title))
    explanation += sample.rows
    var help = XLSXWriter.Sheet(name: explanationSheet, rows: explanation, widths: [6, 20, 60, 40])
    help.wrapped = [2, 3]
    return [data, help]
  }

  /// A width for each column that fits its header and its longest value (up to a limit):
  /// CJK characters count twice.
  static func widths(_ rows: [[String]]) -> [Int] {
    var widths = Array(repeating: 8, count: Column.allCases.count)
    for (index, row) in rows.enumerated() {
      // The first rows tell enough of the widths: a catalog's texts are alike.
      if index > 2000 { break }
      for (column, value) in row.enumerated() where column < widths.count {
        var width = 0
        for scalar in value.unicodeScalars {
          if scalar == "\n" { break }
          width += scalar.value >= 0x1100 ? 2 : 1
        }
        widths[column] = max(widths[column], min(width + 2, 50))
      }
    }
    return widths
  }

  /// The example of the explanation sheet.
  static var exampleRecord: SheetRecord {
    var record = SheetRecord()
    record[.classification] = "303001001"
    record[.code] = "303001001/000001"
    record[.name] = "企业投资项目核准信息"
    record[.providerName] = "国家发展和改革委员会"
    record[.providerCode] = "11100000000000001M"
    record[.unit] = "固定资产投资司"
    record[.summary] = "企业投资项目核准的申请、受理、批复信息。"
    record[.formatClass] = "数据库"
    record[.formatType] = "KingbaseES"
    record[.sharingType] = "有条件共享"
    record[.sharingCondition] = "仅向投资审批、统计部门提供"
    record[.methodClass] = "共享平台方式"
    record[.methodType] = "接口"
    record[.toPublic] = "否"
    record[.updateCycle] = "每月"
    record[.published] = "2026-03-01"
    record[.related] = "101001/000003"
    record.items = [
      .init(name: "统一社会信用代码", type: "C", length: "18"), .init(name: "核准日期", type: "D", length: ""),
    ]
    return record
  }
}

/// `mulu template`: a catalog workbook without rows, to fill in.
public enum SheetTemplate {
  /// A department, as the template names it.
  public struct Provider: Sendable {
    public var code: String
    public var name: String
    public var prefix: String

    public init(code: String, name: String, prefix: String) {
      self.code = code
      self.name = name
      self.prefix = prefix
    }
  }

  public static func write(to path: String, provider: Provider?) throws(SheetFailure) {
    let kind = try SheetKind(path: path)
    let header = Column.allCases.map(\.title)
    switch kind {
    case .csv:
      var out = CSV.byteOrderMark
      CSV.append(header, to: &out)
      try SheetFiles.write(out, to: path)
    case .xlsx:
      var example = CatalogWorkbook.exampleRecord
      if let provider {
        example[.providerCode] = provider.code
        example[.providerName] = provider.name
        example[.unit] = ""
        if provider.prefix.count >= 6 {
          let classification = provider.prefix.count >= 9 ? provider.prefix : provider.prefix + "001"
          example[.classification] = classification
          example[.code] = ""
        }
      }
      let departments = provider.map { [($0.code, $0.name)] }
      try XLSXWriter.write(CatalogWorkbook.sheets(rows: [header], departments: departments, example: example), to: path)
    }
  }

  /// The departments of a registry's `dictionaries/departments.yaml`, read without the rest.
  public static func departments(_ snapshot: any Snapshot) -> [Provider] {
    guard let entry = snapshot.entries.first(where: { $0.path == "dictionaries/departments.yaml" }),
      let bytes = try? snapshot.read(entry), case .mapping(let root)? = YAMLReader.read(bytes).root,
      case .sequence(let list)? = root["departments"]
    else { return [] }
    return list.items.compactMap { node in
      guard case .mapping(let department) = node, let code = department["code"]?.string,
        let name = department["name"]?.string
      else { return nil }
      return Provider(code: code, name: name, prefix: department["prefix"]?.string ?? "")
    }
  }
}

/// Files written whole or not at all.
enum SheetFiles {
  static func write(_ bytes: [UInt8], to path: String) throws(SheetFailure) {
    do {
      try Files.writeAtomically(String(decoding: bytes, as: UTF8.self), to: path)
    } catch {
      throw .cannotWrite(path, reason: error.reason)
    }
  }
}
