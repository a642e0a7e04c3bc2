import MuluYAML

/// Checks a node against a shape: `schema.required`, `schema.type`, `schema.enum`, `schema.unknown-field`.
struct SchemaCheck {
  var path: String
  var code: String?

  /// One step of the way to a node: a key, or a 1-based position in a sequence.
  enum Step {
    case key(String)
    case position(Int)
  }

  func check(_ node: YAMLNode, against shape: FieldShape, into findings: inout [Finding]) {
    var trail: [Step] = []
    var misplaced = false
    check(node, against: shape, at: &trail, into: &findings, misplaced: &misplaced)
  }

  /// The findings on a node, and whether among them is a mapping or a sequence standing where
  /// the shape wants something else (a value the canonical writer has no place for).
  func check(_ node: YAMLNode, against shape: FieldShape) -> (findings: [Finding], misplacedCollection: Bool) {
    var trail: [Step] = []
    var findings: [Finding] = []
    var misplaced = false
    check(node, against: shape, at: &trail, into: &findings, misplaced: &misplaced)
    return (findings, misplaced)
  }

  /// `trail` is the way to `node`, spelt out only for a finding.
  private func check(
    _ node: YAMLNode, against shape: FieldShape, at trail: inout [Step], into findings: inout [Finding],
    misplaced: inout Bool
  ) {
    var field: String { SchemaCheck.dotted(trail) }
    func mismatch(_ node: YAMLNode, _ expected: String, _ field: String, _ findings: inout [Finding]) {
      if case .scalar = node {} else { misplaced = true }
      findings.append(
        SchemaType.finding(path, at: node.mark, code: code, message: SchemaType.expected(expected, at: field)))
    }
    switch shape {
    case .nullable(let inner):
      if case .scalar(let scalar) = node, scalar.isNull { return }
      check(node, against: inner, at: &trail, into: &findings, misplaced: &misplaced)

    case .object(let fields, let values):
      guard case .mapping(let mapping) = node else {
        return mismatch(node, "mapping", field, &findings)
      }
      check(mapping, fields: fields, values: values, at: &trail, into: &findings, misplaced: &misplaced)

    case .array(let element, _):
      guard case .sequence(let sequence) = node else {
        return mismatch(node, "sequence", field, &findings)
      }
      for (index, item) in sequence.items.enumerated() {
        trail.append(.position(index + 1))
        check(item, against: element, at: &trail, into: &findings, misplaced: &misplaced)
        trail.removeLast()
      }

    case .string, .date:
      guard case .scalar(let scalar) = node else { return mismatch(node, "text", field, &findings) }
      if scalar.isNull { mismatch(node, "text", field, &findings) }

    case .boolean:
      guard case .scalar(let scalar) = node, scalar.style == .plain,
        scalar.value == "true" || scalar.value == "false"
      else { return mismatch(node, "true/false", field, &findings) }

    case .integer:
      guard case .scalar(let scalar) = node, scalar.style == .plain, Int(scalar.value) != nil else {
        return mismatch(node, "integer", field, &findings)
      }

    case .enumeration(let allowed):
      guard case .scalar(let scalar) = node else { return mismatch(node, "text", field, &findings) }
      // Equal bytes are equal text; only a value that matches none by its bytes is compared as text.
      let value = scalar.value
      if !allowed.contains(where: { $0.hasSameBytes(as: value) }) && !allowed.contains(value) {
        findings.append(
          SchemaEnum.finding(
            path, at: scalar.mark, code: code,
            message: SchemaEnum.meaning.with(
              zh: "\(field) 的值“\(value)”不在 \(allowed.joined(separator: "、")) 之中",
              en: "\(field) is \"\(value)\", not one of \(allowed.joined(separator: ", "))")))
      }
    }
  }

  /// A mapping against an object's fields: each field's value checked, a required field that is
  /// absent or empty and a key the object does not have (unless `values` gives the shape of
  /// any other key's value) are findings.
  private func check(
    _ mapping: YAMLMapping, fields: [SchemaField], values: FieldShape?, at trail: inout [Step],
    into findings: inout [Finding], misplaced: inout Bool
  ) {
    var field: String { SchemaCheck.dotted(trail) }
    // The schema's fields this mapping has, by position in `fields` (a schema has fewer than 64).
    var present: UInt64 = 0
    for pair in mapping.pairs {
      let name = pair.key.value
      trail.append(.key(name))
      defer { trail.removeLast() }
      if let index = fields.firstIndex(where: { $0.name == name }) {
        if index < 64 { present |= 1 << UInt64(index) }
        let schemaField = fields[index]
        if isAbsent(pair.value) {
          if schemaField.required {
            findings.append(SchemaRequired.finding(path, at: pair.key.mark, code: code, detail: field))
          }
          continue
        }
        check(pair.value, against: schemaField.type, at: &trail, into: &findings, misplaced: &misplaced)
      } else if let values {
        if !isAbsent(pair.value) {
          check(pair.value, against: values, at: &trail, into: &findings, misplaced: &misplaced)
        }
      } else {
        findings.append(SchemaUnknownField.finding(path, at: pair.key.mark, code: code, detail: field))
      }
    }
    for (index, schemaField) in fields.enumerated() where schemaField.required {
      if index < 64 ? present & (1 << UInt64(index)) != 0 : mapping[schemaField.name] != nil { continue }
      trail.append(.key(schemaField.name))
      findings.append(SchemaRequired.finding(path, at: mapping.mark, code: code, detail: field))
      trail.removeLast()
    }
  }

  /// `a.b[2].c`
  static func dotted(_ trail: [Step]) -> String {
    var text = ""
    for step in trail {
      switch step {
      case .key(let key):
        if !text.isEmpty && !key.hasPrefix("[") { text += "." }
        text += key
      case .position(let position):
        text += "[\(position)]"
      }
    }
    return text
  }

  /// Absent, null, or blank text: what `schema.required` calls missing or empty.
  private func isAbsent(_ node: YAMLNode) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.isNull || scalar.value.isBlank
  }
}
