/// A typing slip of a Chinese input method where YAML needs ASCII: a full-width comma in a
/// flow list, a full-width colon after a key, a key and its value without the space after the
/// colon, a tab or an ideographic space (U+3000) in the indentation. libyaml reports these
/// with its generic words, often on a later line, or reads them as text; the reader reports
/// the character where it is instead.
public struct YAMLSlip: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `，` (U+FF0C) between the entries of a flow list or mapping.
    case fullwidthComma
    /// `：` (U+FF1A) after a key.
    case fullwidthColon
    /// `key:value`: no space after the colon.
    case missingSpace
    /// A tab in the indentation.
    case tab
    /// An ideographic space (U+3000) in the indentation.
    case ideographicSpace
  }

  public var kind: Kind
  /// Where the character is.
  public var mark: YAMLMark
  /// The key before the colon, for `fullwidthColon` and `missingSpace`.
  public var key: String?

  public init(_ kind: Kind, at mark: YAMLMark, key: String? = nil) {
    self.kind = kind
    self.mark = mark
    self.key = key
  }
}
