/// A page of an extension, at `path` (relative to the site's root, no folder: `evaluation.html`),
/// titled in the navigation.
public struct SitePage: Sendable {
  public var path: String
  public var title: String
  public var sections: [SiteSection]

  public init(path: String, title: String, sections: [SiteSection]) {
    self.path = path
    self.title = title
    self.sections = sections
  }
}
