/// The shape of a YAML file: one definition that the checker, the JSON Schema,
/// the canonical writer and the docs all read.
public indirect enum FieldShape: Sendable {
  /// Any scalar text; `pattern` is documentation and JSON Schema only (rules check codes).
  case string(pattern: String? = nil)
  /// A calendar date written `YYYY-MM-DD` (checked by `date.invalid`).
  case date
  /// `true` or `false`, nothing else.
  case boolean
  /// A whole number written in digits.
  case integer
  /// One of the listed texts.
  case enumeration([String])
  /// A mapping with exactly these keys (or, with `values`, any key mapped to that type).
  case object([SchemaField], values: FieldShape? = nil)
  /// A sequence; `flow` asks the canonical writer for `[a, b]` or `- { … }` items.
  case array(FieldShape, flow: Bool = false)
  /// The type, or null.
  case nullable(FieldShape)

  var fields: [SchemaField] {
    if case .object(let fields, _) = self { return fields }
    return []
  }

  func field(_ name: String) -> SchemaField? {
    fields.first { $0.name == name }
  }
}
