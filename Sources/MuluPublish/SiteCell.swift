/// A table cell: text, a link (its `href` relative to the site's root), a number aligned right.
public struct SiteCell: Sendable {
  public var text: String
  public var href: String?
  public var numeric: Bool

  public init(_ text: String, href: String? = nil, numeric: Bool = false) {
    self.text = text
    self.href = href
    self.numeric = numeric
  }
}
