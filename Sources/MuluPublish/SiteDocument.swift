/// A page an extension made whole, at `path` (relative to the site's root, no folder), titled in
/// the navigation. Its maker escapes its text: the site writes its bytes as they are.
public struct SiteDocument: Sendable {
  public var path: String
  public var title: String
  public var content: String

  public init(path: String, title: String, content: String) {
    self.path = path
    self.title = title
    self.content = content
  }

  /// The site's one escaping function, for the text of a page an extension makes whole.
  public static func escape(_ text: String) -> String { HTML.escape(text) }
}
