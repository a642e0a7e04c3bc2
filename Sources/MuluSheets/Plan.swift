import Foundation
import MuluCatalog
import MuluKit
import MuluYAML

/// What the rows of a sheet mean for the registry.
struct Plan {
  let table: SheetTable
  let catalog: Catalog
  let snapshot: any Snapshot
  let provider: String?
  var findings: [Finding] = []
  var groups: [[TableRow]] = []
  var writes: [String: PlannedWrite] = [:]
  var unchanged = 0
  var leftAlone: [(path: String, reason: LocalizedText)] = []
  /// The snapshot's files by path.
  let entries: [String: SnapshotEntry]
  /// The first free code of each 分类码 new resources take, and how many took one.
  var nextCodes: [String: (first: ResourceCode, taken: UInt64)] = [:]

  init(table: SheetTable, catalog: Catalog, snapshot: any Snapshot, provider: String?) {
    self.table = table
    self.catalog = catalog
    self.snapshot = snapshot
    self.provider = provider
    var entries: [String: SnapshotEntry] = [:]
    for entry in snapshot.entries { entries[entry.path] = entry }
    self.entries = entries
  }

  var locator: Locator { table.locator }

  // MARK: Grouping

  /// Rows with a code by code; rows without one, consecutive and with one name, as one new
  /// resource; a row that describes no resource (only its item cells are filled) belongs to the
  /// resource of the row above.
  mutating func group() {
    var byCode: [String: Int] = [:]
    var previous: Int? = nil
    var previousNewName: String? = nil
    // The rows of each sheet in order, with their group, for the merges.
    var sheetRows: [Int: [(row: Int, group: Int)]] = [:]
    for row in table.rows {
      let code = row[.code]
      var index: Int
      if !code.isEmpty {
        if let existing = byCode[code] {
          index = existing
        } else {
          index = groups.count
          byCode[code] = index
          groups.append([])
        }
        previousNewName = nil
      } else if row.describesNoResource, let previous {
        index = previous
      } else if let previous, let name = previousNewName, name == row[.name] {
        index = previous
      } else {
        index = groups.count
        groups.append([])
        previousNewName = row[.name]
      }
      groups[index].append(row)
      sheetRows[row.sheet, default: []].append((row.row, index))
      previous = index
    }
    let rowNumbers = sheetRows.mapValues { $0.map(\.row) }
    for (sheet, range) in table.merges {
      let rows = sheetRows[sheet] ?? []
      var next = SheetTable.lowerBound(rowNumbers[sheet] ?? [], range.firstRow)
      var covered: Set<Int> = []
      while next < rows.count && rows[next].row <= range.lastRow && covered.count < 2 {
        covered.insert(rows[next].group)
        next += 1
      }
      if covered.count > 1 {
        findings.append(
          locator.finding(
            "sheet.merge-across", .error, at: CellPlace(sheet: sheet, row: range.firstRow, column: range.firstColumn),
            message: LocalizedText(
              zh: "合并单元格 \(range.text) 跨越了不同资源的行，无法确定各资源的值",
              en: "merged cells \(range.text) span rows of different resources: whose value is it?"),
            hint: LocalizedText(
              zh: "取消合并，并在每行填上该资源自己的值", en: "unmerge them and give each row its resource's own value")))
      }
    }
  }

  // MARK: Records

  /// The record of a group of rows: each resource column's one value (empty cells say nothing;
  /// two different values are an error), and the data items of the rows that have one.
  mutating func record(_ rows: [TableRow]) -> (SheetRecord, [Column: CellPlace], [TableRow])? {
    var record = SheetRecord()
    var sources: [Column: CellPlace] = [:]
    var consistent = true
    for column in Column.allCases where !column.isItem {
      for row in rows where !row[column].isEmpty {
        if let first = sources[column] {
          if row[column] != record[column] {
            consistent = false
            findings.append(
              locator.finding(
                "sheet.conflict", .error, at: row.place(column), code: rows[0][.code].nonEmpty,
                message: LocalizedText(
                  zh: "同一资源的\(column.title)与第 \(first.row + 1) 行不同（“\(row[column].oneLine)” 与 “\(record[column].oneLine)”）",
                  en: "\(column.title) differs from row \(first.row + 1) of the same resource (\"\(row[column].oneLine)\" and \"\(record[column].oneLine)\")"),
                hint: LocalizedText(
                  zh: "一个资源的各行应填相同的值（或只在第一行填写）",
                  en: "give every row of a resource the same value (or fill in only its first row)")))
          }
        } else {
          record[column] = row[column]
          sources[column] = row.place(column)
        }
      }
    }
    let itemRows = rows.filter(\.hasItem)
    record.items = itemRows.map { SheetRecord.Item(name: $0[.itemName], type: $0[.itemType], length: $0[.itemLength]) }
    return consistent ? (record, sources, itemRows) : nil
  }

  mutating func build() {
    var existingPaths: [String: String] = [:]
    for digest in catalog.resources { existingPaths[digest.fileCode.description] = digest.path }
    for rows in groups {
      guard case (var record, let sources, let itemRows)? = record(rows) else { continue }
      let first = rows[0]
      if let provider {
        if record[.providerCode].isEmpty {
          record[.providerCode] = provider
        } else if record[.providerCode] != provider {
          findings.append(
            locator.finding(
              "sheet.provider-other", .error, at: sources[.providerCode], code: record[.code].nonEmpty,
              message: LocalizedText(
                zh: "提供方代码 \(record[.providerCode]) 不是 --provider 指定的 \(provider)",
                en: "provider code \(record[.providerCode]) is not \(provider), which --provider names"),
              hint: LocalizedText(zh: "只导入本部门的资源", en: "import only your department's resources")))
          continue
        }
      }
      let codeText = record[.code]
      if !codeText.isEmpty {
        guard let code = ResourceCode(codeText), let path = existingPaths[code.description] else {
          findings.append(
            locator.finding(
              "sheet.code-unknown", .error, at: first.place(.code), code: codeText,
              message: LocalizedText(
                zh: "目录库中没有信息资源代码 \(codeText.oneLine)", en: "no resource has the code \(codeText.oneLine)"),
              hint: LocalizedText(
                zh: "新资源的信息资源代码留空，导入时分配", en: "leave the code of a new resource empty: import gives it one")))
          continue
        }
        if !record[.classification].isEmpty && record[.classification] != code.classification {
          findings.append(
            locator.finding(
              CodeFormat.id, .error, at: sources[.classification], code: codeText,
              message: LocalizedText(
                zh: "分类码 \(record[.classification].oneLine) 与信息资源代码 \(codeText) 不符",
                en: "分类码 \(record[.classification].oneLine) does not match the code \(codeText)"),
              hint: LocalizedText(zh: "已有资源的代码不会改变", en: "the code of a resource never changes")))
          continue
        }
        record[.classification] = code.classification
        existing(record, code: code, path: path, rows: rows, sources: sources, itemRows: itemRows)
      } else {
        new(record, rows: rows, sources: sources, itemRows: itemRows)
      }
    }
  }

  private mutating func existing(
    _ record: SheetRecord, code: ResourceCode, path: String, rows: [TableRow], sources: [Column: CellPlace],
    itemRows: [TableRow]
  ) {
    guard let entry = entries[path], let bytes = try? snapshot.read(entry) else {
      leaveAlone(path, LocalizedText(zh: "文件无法读取", en: "the file cannot be read"), rows[0], code)
      return
    }
    guard case .read(let old) = ResourceComparison.read(bytes, path: path, code: code.description) else {
      leaveAlone(path, CanonicalWriter.Refusal.unreadable(nil).message, rows[0], code)
      return
    }
    let before = SheetRecord(old, fileCode: code)
    if before == record {
      unchanged += 1
      return
    }
    if old.isRetired {
      let changed = record.differences(from: before).filter { !$0.isRetirement }
      if let column = changed.first {
        let place = column.isItem ? (itemRows.first ?? rows[0]).place(.itemName) : (sources[column] ?? rows[0].place(column))
        findings.append(
          locator.finding(
            "retire.immutable", .error, at: place, code: code.description,
            message: LocalizedText(
              zh: "资源 \(code) 已注销，只能修改注销各列（\(column.title)变了）",
              en: "resource \(code) is retired: only its retirement columns may change (\(column.title) did)"),
            hint: LocalizedText(
              zh: "恢复为导出时的值；要恢复资源，先清空注销各列", en: "restore the exported value; to restore the resource, clear its retirement columns first")))
        return
      }
    }
    switch CanonicalWriter.canonical(bytes) {
    case .failure(let refusal):
      leaveAlone(path, refusal.message, rows[0], code)
      return
    case .success:
      break
    }
    let emptyFields: Set<String>
    if case .mapping(let root)? = YAMLReader.read(bytes).root {
      emptyFields = SheetRecord.emptyFields(of: root)
    } else {
      emptyFields = []
    }
    plan(record, code: code, folder: String(path.split(separator: "/")[1]), path: path, old: old, rows: rows,
         sources: sources, itemRows: itemRows, keeping: emptyFields)
  }

  /// A file the sheet changes but the import cannot rewrite without losing what it holds.
  private mutating func leaveAlone(_ path: String, _ reason: LocalizedText, _ row: TableRow, _ code: ResourceCode) {
    leftAlone.append((path, reason))
    findings.append(
      locator.finding(
        "sheet.left-alone", .warning, at: row.place(.code), code: code.description,
        message: LocalizedText(zh: "\(path) 未修改：", en: "\(path) is left as it is: ") + reason,
        hint: LocalizedText(
          zh: "在 YAML 中修改该资源，或先修正该文件", en: "change this resource in its YAML file, or fix the file first")))
  }

  private mutating func new(
    _ record: SheetRecord, rows: [TableRow], sources: [Column: CellPlace], itemRows: [TableRow]
  ) {
    var record = record
    let first = rows[0]
    let classification = record[.classification]
    guard ResourceCode.isClassification(classification) else {
      findings.append(
        locator.finding(
          CodeFormat.id, .error, at: sources[.classification] ?? first.place(.classification),
          message: classification.isEmpty
            ? LocalizedText(zh: "新资源须填写信息资源分类码", en: "a new resource needs its 信息资源分类码")
            : CodeFormat.meaning.with(classification.oneLine),
          hint: LocalizedText(
            zh: "分类码为 类（1位）+项（2位）+目（3位）+细目，如 303001001", en: "类 (1 digit) + 项 (2) + 目 (3) + 细目, e.g. 303001001")))
      return
    }
    let providerCode = record[.providerCode]
    guard CreditCode.hasForm(providerCode) else {
      findings.append(
        locator.finding(
          ProviderUnknown.id, .error, at: sources[.providerCode] ?? first.place(.providerCode),
          message: providerCode.isEmpty
            ? LocalizedText(zh: "新资源须填写信息资源提供方代码", en: "a new resource needs its provider code")
            : ProviderUnknown.meaning.with(providerCode.oneLine),
          hint: LocalizedText(zh: "填写提供方的18位统一社会信用代码", en: "enter the provider's 18-character 统一社会信用代码")))
      return
    }
    if record[.providerName].isEmpty, let department = catalog.departments[providerCode] {
      record[.providerName] = department.name
    }
    guard let code = allocate(classification, at: sources[.classification]) else { return }
    record[.code] = code.description
    let path = "catalogs/\(providerCode)/\(code.fileName)"
    plan(record, code: code, folder: providerCode, path: path, old: nil, rows: rows, sources: sources,
         itemRows: itemRows, keeping: [])
  }

  /// The next free code under a 分类码, as `mulu new` gives it, counting those this import gave.
  private mutating func allocate(_ classification: String, at place: CellPlace?) -> ResourceCode? {
    func refuse(_ rule: String, _ message: LocalizedText) -> ResourceCode? {
      findings.append(
        locator.finding(
          rule, .error, at: place, message: message,
          hint: LocalizedText(zh: "换一个分类码", en: "use another 分类码")))
      return nil
    }
    if nextCodes[classification] == nil {
      do {
        nextCodes[classification] = (try Scaffold.nextCode(classification, in: catalog), 0)
      } catch {
        return refuse(error.rule, error.message)
      }
    }
    let (first, taken) = nextCodes[classification]!
    nextCodes[classification] = (first, taken + 1)
    let digits = String(UInt64(first.sequence)! + taken)
    let sequence = String(repeating: "0", count: max(0, first.sequence.count - digits.count)) + digits
    guard let code = ResourceCode(classification: classification, sequence: sequence) else {
      return refuse(
        CodeFormat.id,
        CodeFormat.meaning.with(
          zh: "分类码 \(classification) 下已没有空闲的顺序码", en: "no free 顺序码 is left under \(classification)"))
    }
    return code
  }

  private mutating func plan(
    _ record: SheetRecord, code: ResourceCode, folder: String, path: String, old: Resource?, rows: [TableRow],
    sources: [Column: CellPlace], itemRows: [TableRow], keeping: Set<String>
  ) {
    let text = record.yaml(code: code.description, keeping: keeping)
    guard case .read(let resource) = ResourceComparison.read(Array(text.utf8), path: path, code: code.description)
    else { return }
    writes[path] = PlannedWrite(
      text: text, old: old, new: resource, code: code, folder: folder, rows: rows, sources: sources,
      itemRows: itemRows)
  }

  // MARK: Findings on cells

  /// A finding of the engine on a file the import would write, at the cell its field came from.
  func locate(_ finding: Finding, in write: PlannedWrite) -> Finding {
    var place: CellPlace? = write.rows.first.map { $0.place(.code) }
    if let line = finding.line, let (field, item) = Self.field(at: line, column: finding.column ?? 1, in: write.text),
      let column = Column.of(field: field)
    {
      if column.isItem, let item, item < write.itemRows.count {
        place = write.itemRows[item].place(column)
      } else if column.isItem {
        place = (write.itemRows.first ?? write.rows[0]).place(column)
      } else {
        place = write.sources[column] ?? write.rows[0].place(column)
      }
    }
    func editorWords(_ text: LocalizedText) -> LocalizedText {
      LocalizedText(zh: FieldNames.text(text.zh), en: FieldNames.text(text.en))
    }
    var located = locator.finding(
      finding.rule, finding.severity, at: place, code: write.code.description,
      message: editorWords(finding.message), hint: editorWords(finding.hint))
    if write.old == nil {
      located.message += LocalizedText(zh: "（新资源 \(write.code)）", en: " (new resource \(write.code))")
    }
    return located
  }

  /// The field (and data item) of a canonical resource text that a line and column fall in.
  static func field(at line: Int, column: Int, in text: String) -> ([String], Int?)? {
    guard case .mapping(let root)? = YAMLReader.read(Array(text.utf8)).root else { return nil }
    var best: (mark: YAMLMark, path: [String], item: Int?)? = nil
    func consider(_ mark: YAMLMark, _ path: [String], _ item: Int?) {
      guard mark.line < line || (mark.line == line && mark.column <= column) else { return }
      if best == nil || best!.mark < mark || best!.mark == mark { best = (mark, path, item) }
    }
    func visit(_ map: YAMLMapping, _ prefix: [String], _ item: Int?) {
      for pair in map.pairs {
        let path = prefix + [pair.key.value]
        consider(pair.key.mark, path, item)
        switch pair.value {
        case .mapping(let inner):
          visit(inner, path, item)
        case .sequence(let list):
          for (index, node) in list.items.enumerated() {
            consider(node.mark, path, path == ["items"] ? index : item)
            if case .mapping(let inner) = node { visit(inner, path, path == ["items"] ? index : item) }
          }
        case .scalar(let scalar):
          consider(scalar.mark, path, item)
        }
      }
    }
    visit(root, [], nil)
    return best.map { ($0.path, $0.item) }
  }

  // MARK: The change

  func changes() -> [ResourceChange] {
    writes.map { path, write in
      let delta = ResourceComparison.compare(old: write.old, new: write.new)
      return ResourceChange(
        code: write.code.description, path: path, provider: write.folder, providerName: write.new.provider.name,
        name: write.new.name, sharingType: write.new.sharing.type, kind: delta?.kind ?? .modified,
        fields: (delta?.fields ?? []).map { change in
          var change = change
          if change.field == "open.to_public" {
            change.old = change.old.map { $0 == "true" ? "是" : $0 == "false" ? "否" : $0 }
            change.new = change.new.map { $0 == "true" ? "是" : $0 == "false" ? "否" : $0 }
          }
          change.field = FieldNames.field(change.field)
          return change
        })
    }
  }
}
