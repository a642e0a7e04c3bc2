import MuluCatalog
import MuluYAML

/// A resource file as JSON: its keys and values as the file writes them, so that the JSON means
/// what the YAML means. Scalars are text (codes, dates and numbers-as-text stay as written),
/// except where the schema says otherwise: `open.to_public` a boolean, an item's `length` an
/// integer; a null is null.
enum ResourceJSON {
  static func value(_ mapping: YAMLMapping) -> [(String, JSON)] {
    mapping.pairs.map { pair in (pair.key.value, convert(pair.value, path: [pair.key.value])) }
  }

  private static func convert(_ node: YAMLNode, path: [String]) -> JSON {
    switch node {
    case .mapping(let mapping):
      return .object(mapping.pairs.map { ($0.key.value, convert($0.value, path: path + [$0.key.value])) })
    case .sequence(let sequence):
      return .array(sequence.items.map { convert($0, path: path + ["[]"]) })
    case .scalar(let scalar):
      if scalar.isNull { return .null }
      if scalar.style == .plain {
        if path == ["open", "to_public"] {
          if scalar.value == "true" { return .bool(true) }
          if scalar.value == "false" { return .bool(false) }
        }
        if path == ["items", "[]", "length"], let number = Int(scalar.value), String(number) == scalar.value {
          return .int(number)
        }
      }
      return .string(scalar.value)
    }
  }

  /// `api/v1/resources/<分类码>/<顺序码>.json`: the file, `provider_name`, `retired` (null when
  /// the file has none) and the releases that changed it, newest first.
  static func document(_ mapping: YAMLMapping, resource: Resource, history: [HistoryItem]) -> JSON {
    var pairs = value(mapping)
    pairs.append(("provider_name", .string(resource.provider.name)))
    if mapping["retired"] == nil { pairs.append(("retired", .null)) }
    pairs.append(
      (
        "history",
        .array(
          history.map { item in
            .object([
              ("release", .string(item.release)), ("kind", .string(item.kind.rawValue)),
              ("breaking", .bool(item.breaking)),
            ])
          })
      ))
    return .object(pairs)
  }
}
