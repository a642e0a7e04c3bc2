/// A node of the tree.
///
/// Not `indirect`: mappings and sequences hold their children in arrays, which
/// already break the recursion, so scalars need no box of their own.
public enum YAMLNode: Sendable, Hashable {
  case scalar(YAMLScalar)
  case mapping(YAMLMapping)
  case sequence(YAMLSequence)

  /// Where the node starts (at its anchor or tag, if it has one).
  public var mark: YAMLMark {
    switch self {
    case .scalar(let s): return s.mark
    case .mapping(let m): return m.mark
    case .sequence(let s): return s.mark
    }
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  public var mapping: YAMLMapping? {
    if case .mapping(let m) = self { return m }
    return nil
  }

  public var sequence: YAMLSequence? {
    if case .sequence(let s) = self { return s }
    return nil
  }

  /// A scalar's value, or nil for a collection.
  public var string: String? { scalar?.value }

  /// True for a null scalar (see `YAMLScalar.isNull`).
  public var isNull: Bool { scalar?.isNull ?? false }

  /// The value for `key` if this is a mapping.
  public subscript(key: String) -> YAMLNode? { mapping?[key] }
}
