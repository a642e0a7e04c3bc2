import MuluCatalog
import MuluYAML

/// A resource file as JSON: its keys and values as the file writes them, so that the JSON means
/// what the YAML means. Scalars are text (codes, dates and numbers-as-text stay as written),
/// except where the schema says otherwise: `open.to_public` a boolean, an item's `length` an
/// integer; a null is null.
enum ResourceJSON {
  static func value(_ mapping: YAMLMapping) -> [(String, JSON)] {
    mapping.pairs.map { pair in
      let key = pair.key.value
      return (key, convert(pair.value, at: key == "open" ? .open : key == "items" ? .items : .other))
    }
  }

  /// Where a value stands, as far as the schema's typed scalars care (a list of the keys above
  /// each value, made for every value, was most of what a publish allocated).
  private enum Place {
    /// The value of `open`, of `items`, an element of `items`.
    case open, items, item
    /// `open.to_public`, an item's `length`.
    case toPublic, length
    case other

    /// The place of the value of `key` in a mapping standing here.
    func value(of key: String) -> Place {
      switch self {
      case .open: key == "to_public" ? .toPublic : .other
      case .item: key == "length" ? .length : .other
      default: .other
      }
    }

    /// The place of the elements of a sequence standing here.
    var element: Place { self == .items ? .item : .other }
  }

  private static func convert(_ node: YAMLNode, at place: Place) -> JSON {
    switch node {
    case .mapping(let mapping):
      return .object(mapping.pairs.map { ($0.key.value, convert($0.value, at: place.value(of: $0.key.value))) })
    case .sequence(let sequence):
      return .array(sequence.items.map { convert($0, at: place.element) })
    case .scalar(let scalar):
      if scalar.isNull { return .null }
      if scalar.style == .plain {
        if place == .toPublic {
          if scalar.value == "true" { return .bool(true) }
          if scalar.value == "false" { return .bool(false) }
        }
        if place == .length, let number = Int(scalar.value), String(number) == scalar.value {
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
