/// A mapping, with pairs in source order and unique keys.
public struct YAMLMapping: Sendable, Hashable {
  public var pairs: [YAMLPair]
  public var mark: YAMLMark
  /// True for `{ }` style, false for block style.
  public var isFlow: Bool

  public init(pairs: [YAMLPair], mark: YAMLMark, isFlow: Bool) {
    self.pairs = pairs
    self.mark = mark
    self.isFlow = isFlow
  }

  /// The value of the first pair whose key is `key`.
  public subscript(key: String) -> YAMLNode? {
    for pair in pairs where pair.key.value == key { return pair.value }
    return nil
  }

  /// The first pair whose key is `key`.
  public func pair(_ key: String) -> YAMLPair? {
    for pair in pairs where pair.key.value == key { return pair }
    return nil
  }
}
