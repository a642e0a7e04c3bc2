/// A section: a heading, paragraphs and an optional table.
public struct SiteSection: Sendable {
  public var id: String
  public var title: String
  public var paragraphs: [String]
  public var table: SiteTable?

  public init(id: String, title: String, paragraphs: [String] = [], table: SiteTable? = nil) {
    self.id = id
    self.title = title
    self.paragraphs = paragraphs
    self.table = table
  }
}
