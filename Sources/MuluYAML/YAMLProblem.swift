/// Something wrong with a file, always with a position.
public enum YAMLProblem: Sendable, Hashable {
  /// The file cannot be read as a single YAML document: a parse error, not
  /// UTF-8, a byte order mark, a NUL byte, more than one document, or
  /// nesting deeper than `YAMLReader.maximumDepth`.
  case syntax(message: String, mark: YAMLMark)
  /// A key repeated in one mapping; `mark` is the repeat, `first` the original.
  case duplicateKey(key: String, mark: YAMLMark, first: YAMLMark)
  /// A YAML feature the catalogs do not allow.
  case forbidden(ForbiddenConstruct, mark: YAMLMark)
  /// A typing slip (full-width punctuation, a missing space, a tab or an ideographic space
  /// in the indentation): the file does not say what its author meant.
  case slip(YAMLSlip)

  public enum ForbiddenConstruct: Sendable, Hashable {
    /// `&name`; the node is kept.
    case anchor(String)
    /// `*name`; read as a null plain scalar, never expanded.
    case alias(String)
    /// An explicit tag such as `!!str` or `!foo`; the node is kept.
    case tag(String)
    /// A mapping or sequence used as a key; the pair is dropped.
    case nonScalarKey
  }

  public var mark: YAMLMark {
    switch self {
    case .syntax(_, let mark): return mark
    case .duplicateKey(_, let mark, _): return mark
    case .forbidden(_, let mark): return mark
    case .slip(let slip): return slip.mark
    }
  }
}
