/// A position in a YAML file. Both numbers are 1-based; the column counts
/// Unicode scalars (characters as libyaml counts them), not bytes.
public struct YAMLMark: Sendable, Hashable, Comparable, CustomStringConvertible {
  // Stored as 32-bit numbers to keep nodes small; values beyond that range
  // are clamped (no file this reader is meant for gets near it).
  private var storedLine: Int32
  private var storedColumn: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  public init(line: Int, column: Int) {
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
  }

  public static func < (a: YAMLMark, b: YAMLMark) -> Bool {
    a.storedLine != b.storedLine ? a.storedLine < b.storedLine : a.storedColumn < b.storedColumn
  }

  public var description: String { "\(line):\(column)" }
}

/// How a scalar was written in the source.
public enum YAMLScalarStyle: Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

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

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Hashable {
  public var key: YAMLScalar
  public var value: YAMLNode

  public init(key: YAMLScalar, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

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

/// The result of reading one file.
public struct YAMLDocument: Sendable, Hashable {
  /// The root node; nil for an empty file or when there is a `.syntax` problem.
  public var root: YAMLNode?
  /// Problems in document order.
  public var problems: [YAMLProblem]
  /// Where comments start, except a modeline comment on line 1 that starts
  /// with `# yaml-language-server:`. Empty when the file has a syntax problem.
  public var comments: [YAMLMark]

  public init(root: YAMLNode?, problems: [YAMLProblem], comments: [YAMLMark]) {
    self.root = root
    self.problems = problems
    self.comments = comments
  }

  /// True when any problem is a `.syntax` problem.
  public var hasSyntaxError: Bool {
    problems.contains { if case .syntax = $0 { return true } else { return false } }
  }
}
