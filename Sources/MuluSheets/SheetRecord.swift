import MuluCatalog
import MuluYAML

/// A resource as the columns carry it: the text of each resource column, and its data items.
/// Values have no white space at either end, as a resource's meaning has none
/// (`ResourceComparison` compares trimmed values too).
public struct SheetRecord: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var name: String
    public var type: String
    public var length: String
  }

  /// The text of each resource column (not the item columns); absent is empty.
  public var fields: [String]
  public var items: [Item]

  public init() {
    fields = Array(repeating: "", count: Column.allCases.count)
    items = []
  }

  public subscript(column: Column) -> String {
    get { fields[column.rawValue] }
    set { fields[column.rawValue] = newValue }
  }

  /// The rows of the resource: one per data item, or one with empty item cells when it has none.
  public var rows: [[String]] {
    let itemRows = items.isEmpty ? [Item(name: "", type: "", length: "")] : items
    return itemRows.map { item in
      var row = fields
      row[Column.itemName.rawValue] = item.name
      row[Column.itemType.rawValue] = item.type
      row[Column.itemLength.rawValue] = item.length
      return row
    }
  }

  /// How codes are joined in one cell of 关联资源代码, and the separators read back.
  static let listSeparator = "、"
  static let listSeparators: Set<Character> = ["、", ",", "，", ";", "；", " ", "\u{3000}", "\n", "\r\n", "\t"]

  /// The record of a resource file's content; `fileCode` is the code its file name gives.
  public init(_ resource: Resource, fileCode: ResourceCode) {
    self.init()
    func clean(_ text: String?) -> String { (text ?? "").trimmingWhitespace() }
    self[.classification] = fileCode.classification
    self[.code] = fileCode.description
    self[.name] = clean(resource.name)
    self[.providerName] = clean(resource.provider.name)
    self[.providerCode] = clean(resource.provider.code)
    self[.unit] = clean(resource.provider.unit)
    self[.summary] = clean(resource.summary)
    self[.formatClass] = clean(resource.format.formatClass)
    self[.formatType] = clean(resource.format.type)
    self[.formatNote] = clean(resource.format.note)
    self[.sharingType] = clean(resource.sharing.type)
    self[.sharingCondition] = clean(resource.sharing.condition)
    self[.sharingBasis] = clean(resource.sharing.basis)
    self[.methodClass] = clean(resource.sharing.method?.methodClass)
    self[.methodType] = clean(resource.sharing.method?.type)
    self[.toPublic] = resource.open.toPublic.map { $0 ? "是" : "否" } ?? ""
    self[.openCondition] = clean(resource.open.condition)
    self[.updateCycle] = clean(resource.updateCycle)
    self[.published] = clean(resource.published)
    self[.related] = resource.related.map(clean).filter { !$0.isEmpty }.joined(separator: Self.listSeparator)
    self[.retiredDate] = clean(resource.retired?.date)
    self[.retiredReason] = clean(resource.retired?.reason)
    self[.replacedBy] = clean(resource.retired?.replacedBy)
    items = resource.items.map { Item(name: clean($0.name), type: clean($0.type), length: clean($0.length)) }
  }

  /// The codes of 关联资源代码.
  var relatedCodes: [String] {
    self[.related].split(whereSeparator: { Self.listSeparators.contains($0) }).map(String.init)
  }

  /// Whether the retirement columns say the resource is retired.
  var isRetired: Bool { !self[.retiredDate].isEmpty || !self[.retiredReason].isEmpty || !self[.replacedBy].isEmpty }

  /// The columns whose values differ from `other`'s (item columns when the items differ).
  func differences(from other: SheetRecord) -> [Column] {
    var columns = Column.allCases.filter { !$0.isItem && self[$0] != other[$0] }
    if items != other.items { columns.append(.itemName) }
    return columns
  }

  /// The YAML text of the record, in canonical form. `keeping` names the optional fields
  /// (`format.note`, `sharing.basis` …) the old file wrote empty, which stay so.
  func yaml(code: String, keeping emptyFields: Set<String> = []) -> String {
    var out = ""
    func line(_ indent: Int, _ key: String, _ value: String) {
      out += String(repeating: " ", count: indent) + key + ": " + value + "\n"
    }
    func text(_ value: String) -> String { YAMLQuoting.doubleQuoted(value) }
    func optional(_ indent: Int, _ path: String, _ key: String, _ column: Column) {
      let value = self[column]
      if !value.isEmpty || emptyFields.contains(path) { line(indent, key, text(value)) }
    }
    line(0, "code", text(code))
    line(0, "name", text(self[.name]))
    out += "provider:\n"
    line(2, "code", text(self[.providerCode]))
    line(2, "name", text(self[.providerName]))
    optional(2, "provider.unit", "unit", .unit)
    line(0, "summary", text(self[.summary]))
    out += "format:\n"
    line(2, "class", text(self[.formatClass]))
    line(2, "type", text(self[.formatType]))
    optional(2, "format.note", "note", .formatNote)
    if items.isEmpty {
      out += "items: []\n"
    } else {
      out += "items:\n"
      for item in items {
        var parts = ["name: " + text(item.name), "type: " + text(item.type)]
        if !item.length.isEmpty {
          parts.append("length: " + (item.length.allSatisfy(\.isASCIIDigit) ? item.length : text(item.length)))
        }
        out += "  - { " + parts.joined(separator: ", ") + " }\n"
      }
    }
    out += "sharing:\n"
    line(2, "type", text(self[.sharingType]))
    optional(2, "sharing.condition", "condition", .sharingCondition)
    optional(2, "sharing.basis", "basis", .sharingBasis)
    if !self[.methodClass].isEmpty || !self[.methodType].isEmpty {
      out += "  method:\n"
      line(4, "class", text(self[.methodClass]))
      if !self[.methodType].isEmpty { line(4, "type", text(self[.methodType])) }
    }
    out += "open:\n"
    switch self[.toPublic] {
    case "是": line(2, "to_public", "true")
    case "否": line(2, "to_public", "false")
    default: line(2, "to_public", text(self[.toPublic]))
    }
    optional(2, "open.condition", "condition", .openCondition)
    line(0, "update_cycle", text(self[.updateCycle]))
    line(0, "published", date(self[.published]))
    let related = relatedCodes
    if !related.isEmpty {
      out += "related: [" + related.map(text).joined(separator: ", ") + "]\n"
    } else if emptyFields.contains("related") {
      out += "related: []\n"
    }
    if isRetired {
      out += "retired:\n"
      line(2, "date", date(self[.retiredDate]))
      line(2, "reason", text(self[.retiredReason]))
      if !self[.replacedBy].isEmpty { line(2, "replaced_by", text(self[.replacedBy])) }
    }
    guard case .success(let canonical) = CanonicalWriter.canonical(Array(out.utf8)) else {
      // The text above is always one readable mapping of known keys.
      return JSONSchema.modeline + "\n" + out
    }
    return canonical
  }

  /// A date plain when it has the form of one (so that it is read as a date), else quoted.
  private func date(_ value: String) -> String {
    let bytes = Array(value.utf8)
    let isDate =
      bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
      && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
    return isDate ? value : YAMLQuoting.doubleQuoted(value)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension SheetRecord {
  /// The optional fields a resource file writes with an empty value (`note: ""`), so that a
  /// rewrite keeps them.
  static func emptyFields(of root: YAMLMapping) -> Set<String> {
    var found: Set<String> = []
    func visit(_ map: YAMLMapping, _ prefix: String) {
      for pair in map.pairs {
        let path = prefix.isEmpty ? pair.key.value : prefix + "." + pair.key.value
        switch pair.value {
        case .scalar(let scalar) where scalar.value.isEmpty && !scalar.isNull:
          found.insert(path)
        case .mapping(let inner):
          visit(inner, path)
        case .sequence(let list) where list.items.isEmpty:
          found.insert(path)
        default:
          break
        }
      }
    }
    visit(root, "")
    return found
  }
}
