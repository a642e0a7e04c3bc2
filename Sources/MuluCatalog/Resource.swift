import MuluYAML

/// A resource as its file says it, read leniently: a value of the wrong shape reads as
/// absent (the schema check has already reported it), so that rules can still run.
public struct Resource: Sendable, Hashable {
  public var code: String
  public var name: String
  public var provider: Provider
  public var summary: String
  public var format: ResourceFormat
  public var items: [DataItem]
  public var sharing: Sharing
  public var open: Openness
  public var updateCycle: String
  public var published: String
  public var related: [String]
  public var retired: Retirement?

  public var isRetired: Bool { retired != nil }

  public struct Provider: Sendable, Hashable {
    public var code: String
    public var name: String
    public var unit: String?
  }

  public struct ResourceFormat: Sendable, Hashable {
    public var formatClass: String
    public var type: String
    public var note: String?
  }

  public struct DataItem: Sendable, Hashable {
    public var name: String
    public var type: String
    /// As written; `nil` when absent.
    public var length: String?

    public var lengthValue: Int? { length.flatMap { Int($0) } }
  }

  public struct Sharing: Sendable, Hashable {
    public var type: String
    public var condition: String?
    public var basis: String?
    public var method: Method?

    public struct Method: Sendable, Hashable {
      public var methodClass: String
      public var type: String?
    }

    public var isShared: Bool { type == "无条件共享" || type == "有条件共享" }
  }

  public struct Openness: Sendable, Hashable {
    /// `nil` when absent or not a boolean.
    public var toPublic: Bool?
    public var condition: String?
  }

  public struct Retirement: Sendable, Hashable {
    public var date: String
    public var reason: String
    public var replacedBy: String?
  }
}

extension Resource {
  /// Reads a resource from its YAML mapping.
  public init(_ map: YAMLMapping) {
    let provider = map.mapping("provider")
    let format = map.mapping("format")
    let sharing = map.mapping("sharing")
    let method = sharing?.mapping("method")
    let open = map.mapping("open")
    let retired = map.mapping("retired")
    self.code = map.text("code") ?? ""
    self.name = map.text("name") ?? ""
    self.provider = Provider(
      code: provider?.text("code") ?? "", name: provider?.text("name") ?? "", unit: provider?.text("unit"))
    self.summary = map.text("summary") ?? ""
    self.format = ResourceFormat(
      formatClass: format?.text("class") ?? "", type: format?.text("type") ?? "", note: format?.text("note"))
    self.items = Self.itemNodes(of: map).compactMap { node in
      guard case .mapping(let item) = node else { return nil }
      return DataItem(name: item.text("name") ?? "", type: item.text("type") ?? "", length: item.text("length"))
    }
    self.sharing = Sharing(
      type: sharing?.text("type") ?? "", condition: sharing?.text("condition"), basis: sharing?.text("basis"),
      method: method.map { Sharing.Method(methodClass: $0.text("class") ?? "", type: $0.text("type")) })
    self.open = Openness(toPublic: open?.boolean("to_public"), condition: open?.text("condition"))
    self.updateCycle = map.text("update_cycle") ?? ""
    self.published = map.text("published") ?? ""
    self.related = Self.relatedNodes(of: map).compactMap { node in
      guard case .scalar(let scalar) = node else { return nil }
      return scalar.value
    }
    self.retired = retired.map {
      Retirement(date: $0.text("date") ?? "", reason: $0.text("reason") ?? "", replacedBy: $0.text("replaced_by"))
    }
  }
}

extension Resource {
  /// The nodes of `items` read as data items (mappings), in order: `items[i]` stands at the `i`th.
  static func itemNodes(of map: YAMLMapping) -> [YAMLNode] {
    (map.sequence("items") ?? []).filter { node in
      if case .mapping = node { return true }
      return false
    }
  }

  /// The nodes of `related` read as codes (scalars, not null), in order: `related[i]` stands at the `i`th.
  static func relatedNodes(of map: YAMLMapping) -> [YAMLNode] {
    (map.sequence("related") ?? []).filter { node in
      if case .scalar(let scalar) = node { return !scalar.isNull }
      return false
    }
  }
}

extension YAMLMapping {
  /// A scalar's text with surrounding white space removed; nil when absent, null, empty or not a scalar.
  func text(_ key: String) -> String? {
    guard case .scalar(let scalar)? = self[key], !scalar.isNull else { return nil }
    return scalar.value.isBlank ? nil : scalar.value
  }

  func mapping(_ key: String) -> YAMLMapping? {
    guard case .mapping(let mapping)? = self[key] else { return nil }
    return mapping
  }

  func sequence(_ key: String) -> [YAMLNode]? {
    guard case .sequence(let sequence)? = self[key] else { return nil }
    return sequence.items
  }

  /// Only plain `true` and `false` are booleans.
  func boolean(_ key: String) -> Bool? {
    guard case .scalar(let scalar)? = self[key], scalar.style == .plain else { return nil }
    switch scalar.value {
    case "true": return true
    case "false": return false
    default: return nil
    }
  }

  /// Where the value at a key path stands; where the path stops existing, the last key that exists.
  public func mark(_ path: [String]) -> YAMLMark {
    var mapping = self
    var best = self.mark
    for (index, key) in path.enumerated() {
      guard let pair = mapping.pairs.first(where: { $0.key.value == key }) else { return best }
      best = index == path.count - 1 ? pair.value.mark : pair.key.mark
      guard case .mapping(let next) = pair.value else { return index == path.count - 1 ? best : pair.key.mark }
      mapping = next
    }
    return best
  }
}

extension String {
  /// Empty, or white space only. Fast on the common case, text that starts with a visible ASCII character.
  var isBlank: Bool {
    for byte in utf8 {
      if byte > 0x20 && byte < 0x7F { return false }
      if byte >= 0x80 { break }
    }
    return unicodeScalars.allSatisfy(\.isWhiteSpace)
  }

  /// The text without white space at either end.
  public func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.isWhiteSpace })!
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// Unicode's White_Space property, as `properties.isWhitespace` gives it, without its table
  /// lookup: the 25 code points below have been the whole property since Unicode 6.3, and
  /// every scalar of Chinese text is tested here.
  var isWhiteSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }
}
