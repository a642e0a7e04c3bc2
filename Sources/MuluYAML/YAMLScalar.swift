/// A scalar exactly as written: no type resolution is done, so `0001`, `no`,
/// `on`, `2026-01-01` and `true` are all just strings.
public struct YAMLScalar: Sendable, Hashable {
  public var value: String
  public var mark: YAMLMark
  public var style: YAMLScalarStyle
  /// True for a plain scalar that is empty or one of `~`, `null`, `Null`, `NULL`.
  public var isNull: Bool

  public init(value: String, style: YAMLScalarStyle, mark: YAMLMark, isNull: Bool) {
    self.value = value
    self.style = style
    self.mark = mark
    self.isNull = isNull
  }
}
