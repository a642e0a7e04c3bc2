import MuluYAML

/// Writes resource files in canonical form: the editor's schema line, the fields in the
/// order of docs/format.md, two-space indentation, data items and code lists in flow style, and
/// quotes only where a YAML reader could take the text for something else.
public enum CanonicalWriter {
  /// Why a file is left as it is.
  public enum Refusal: Error, Sendable, Equatable {
    /// The file does not read cleanly: the first of its `yaml.*` findings says why.
    case unreadable(Finding?)
    /// Keys the schema does not know: rewriting would have to guess their place.
    case unknownFields
    /// Comments other than the schema line, which rewriting would drop.
    case comments(lines: [Int])
    /// A mapping or a list where the schema wants something else: rewriting has no place for it.
    case misplacedValues

    public var message: LocalizedText {
      switch self {
      case .unreadable(let finding):
        let general = LocalizedText(zh: "文件无法读取，先修正 yaml.* 错误", en: "the file does not read; fix its yaml.* errors first")
        guard let finding else { return general }
        let place = [finding.line, finding.column].compactMap { $0 }.map(String.init).joined(separator: ":")
        return general
          + LocalizedText(
            zh: "（\(place) \(finding.rule)：\(finding.message.zh)）", en: " (\(place) \(finding.rule): \(finding.message.en))")
      case .unknownFields:
        return LocalizedText(zh: "文件含未定义的字段，先修正 schema.unknown-field", en: "the file has unknown fields; fix schema.unknown-field first")
      case .misplacedValues:
        return LocalizedText(
          zh: "文件有字段的值是映射或列表，而该字段不应是，先修正 schema.type",
          en: "a field holds a mapping or a list where it should not; fix schema.type first")
      case .comments(let lines):
        let list = lines.map(String.init).joined(separator: ", ")
        return LocalizedText(
          zh: "文件第 \(list) 行有注释，格式化会丢掉它们；请把说明写进字段或删去注释",
          en: "comments at line \(list) would be lost; move them into fields or remove them")
      }
    }
  }

  /// The canonical text of a resource file, or why it cannot be written.
  public static func canonical(_ bytes: [UInt8]) -> Result<String, Refusal> {
    let document = YAMLReader.read(bytes)
    guard document.problems.isEmpty, case .mapping(let root)? = document.root else {
      return .failure(.unreadable(document.problems.first.map { YAMLFindings.finding(for: $0, path: "", code: nil) }))
    }
    if !document.comments.isEmpty { return .failure(.comments(lines: document.comments.map(\.line))) }
    let schema = SchemaCheck(path: "", code: nil).check(.mapping(root), against: Schemas.resource)
    if schema.findings.contains(where: { $0.rule == SchemaUnknownField.id }) { return .failure(.unknownFields) }
    if schema.misplacedCollection { return .failure(.misplacedValues) }
    return .success(canonical(root))
  }

  /// The canonical text of a resource mapping whose keys the schema knows and whose mappings
  /// and lists stand where the schema has them.
  public static func canonical(_ root: YAMLMapping) -> String {
    var out = JSONSchema.modeline + "\n"
    writeMapping(root, Schemas.resource.fields, indent: 0, into: &out)
    return out
  }

  private static func writeMapping(_ map: YAMLMapping, _ fields: [SchemaField], indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    for field in fields {
      guard let value = map[field.name], !isDroppable(value, field.type) else { continue }
      out += pad + key(field.name) + ":"
      writeValue(value, field.type, indent: indent, into: &out)
    }
  }

  /// A null where the schema has no null is the same as leaving the key out.
  private static func isDroppable(_ node: YAMLNode, _ shape: FieldShape) -> Bool {
    if case .nullable = shape { return false }
    if case .scalar(let scalar) = node { return scalar.isNull }
    return false
  }

  private static func writeValue(_ node: YAMLNode, _ shape: FieldShape, indent: Int, into out: inout String) {
    let inner: FieldShape
    if case .nullable(let wrapped) = shape { inner = wrapped } else { inner = shape }
    switch node {
    case .scalar(let scalar):
      out += " " + scalarText(scalar, inner, indent: indent) + "\n"
    case .mapping(let map):
      if map.pairs.isEmpty {
        out += " {}\n"
      } else {
        out += "\n"
        writeMapping(map, inner.fields, indent: indent + 2, into: &out)
      }
    case .sequence(let list):
      guard case .array(let element, let flow) = inner else { return }
      if list.items.isEmpty {
        out += " []\n"
      } else if flow, list.items.allSatisfy(isScalar) {
        out += " [" + list.items.map { flowText($0, element) }.joined(separator: ", ") + "]\n"
      } else {
        out += "\n"
        let pad = String(repeating: " ", count: indent + 2)
        for item in list.items {
          if flow || !isMapping(item) {
            out += pad + "-" + (isScalar(item) ? " " + flowText(item, element) + "\n" : " " + flowMapping(item, element) + "\n")
          } else if case .mapping(let map) = item {
            var nested = ""
            writeMapping(map, element.fields, indent: indent + 4, into: &nested)
            out += pad + "- " + nested.dropFirst(indent + 4)
          }
        }
      }
    }
  }

  private static func isScalar(_ node: YAMLNode) -> Bool {
    if case .scalar = node { return true }
    return false
  }

  private static func isMapping(_ node: YAMLNode) -> Bool {
    if case .mapping = node { return true }
    return false
  }

  private static func flowMapping(_ node: YAMLNode, _ shape: FieldShape) -> String {
    guard case .mapping(let map) = node else { return flowText(node, shape) }
    let parts = shape.fields.compactMap { field -> String? in
      guard let value = map[field.name], !isDroppable(value, field.type) else { return nil }
      return key(field.name) + ": " + flowText(value, field.type)
    }
    return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
  }

  private static func flowText(_ node: YAMLNode, _ shape: FieldShape) -> String {
    switch node {
    case .scalar(let scalar):
      let text = scalarText(scalar, shape, indent: nil)
      return text
    case .mapping:
      return flowMapping(node, shape)
    case .sequence(let list):
      guard case .array(let element, _) = shape else { return "[]" }
      return "[" + list.items.map { flowText($0, element) }.joined(separator: ", ") + "]"
    }
  }

  private static func key(_ name: String) -> String {
    YAMLQuoting.needsQuotes(name) ? YAMLQuoting.doubleQuoted(name) : name
  }

  /// A scalar as canonical text. Booleans and numbers keep being plain (or quoted) as written,
  /// since that is their meaning; text is plain unless a reader could misread it.
  /// `indent` is nil in flow context, where block scalars are not possible.
  static func scalarText(_ scalar: YAMLScalar, _ shape: FieldShape, indent: Int?) -> String {
    let value = scalar.value
    switch shape {
    case .boolean, .integer:
      if scalar.style == .plain && !value.contains("\n") && !YAMLQuoting.needsFlowQuotesBeyondType(value) {
        return value
      }
    case .nullable:
      if scalar.isNull { return "null" }
    case .date:
      if DateInvalid.isValid(value) { return value }
    case .string(let pattern):
      if pattern == ResourceCode.pattern, ResourceCode(value) != nil { return value }
    case .enumeration(let values):
      // The vocabularies (C, N, Y, 无条件共享 …) are written as the spec writes them.
      if values.contains(value) { return value }
    case .object, .array:
      break
    }
    if scalar.isNull && scalar.style == .plain { return "null" }
    if let indent, value.contains("\n"), let block = literalBlock(value, indent: indent + 2) {
      return block
    }
    return YAMLQuoting.needsQuotes(value) ? YAMLQuoting.doubleQuoted(value) : value
  }

  /// `|` text, when the lines allow it (no leading blanks, no control characters, no trailing spaces).
  private static func literalBlock(_ value: String, indent: Int) -> String? {
    var body = value
    var chomp = "-"
    if body.hasSuffix("\n") {
      body.removeLast()
      chomp = ""
      if body.hasSuffix("\n") { return nil }
    }
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, !first.hasPrefix(" "), !first.isEmpty else { return nil }
    for line in lines {
      if line.hasSuffix(" ") || line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        return nil
      }
    }
    let pad = String(repeating: " ", count: indent)
    return "|" + chomp + lines.map { "\n" + ($0.isEmpty ? "" : pad + $0) }.joined()
  }
}

extension YAMLQuoting {
  /// Whether a plain boolean or number would stop being one scalar in flow context.
  static func needsFlowQuotesBeyondType(_ value: String) -> Bool {
    value.isEmpty || value.unicodeScalars.contains { ",[]{}#:\"'".unicodeScalars.contains($0) || $0.value < 0x20 }
  }
}
