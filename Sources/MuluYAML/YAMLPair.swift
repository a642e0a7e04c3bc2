/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Hashable {
  public var key: YAMLScalar
  public var value: YAMLNode

  public init(key: YAMLScalar, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
