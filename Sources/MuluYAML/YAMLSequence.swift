/// A sequence, items in source order.
public struct YAMLSequence: Sendable, Hashable {
  public var items: [YAMLNode]
  public var mark: YAMLMark
  /// True for `[ ]` style, false for block style.
  public var isFlow: Bool

  public init(items: [YAMLNode], mark: YAMLMark, isFlow: Bool) {
    self.items = items
    self.mark = mark
    self.isFlow = isFlow
  }
}
