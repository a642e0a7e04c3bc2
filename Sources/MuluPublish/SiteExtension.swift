import MuluCatalog

/// What another module adds to a published site: sections on each department's page (after its
/// resources) and pages of its own, linked from every page's navigation. Content is given as
/// text and links, never as markup: the site escapes it as it escapes everything else.
public protocol SiteExtension: Sendable {
  /// Sections for the page of one department (none by default).
  func departmentSections(_ department: SiteDepartment, language: Language) -> [SiteSection]
  /// Pages of the extension's own, e.g. `evaluation.html` (none by default).
  func pages(language: Language) -> [SitePage]
  /// Whole self-contained pages of the extension's own, written as they are (none by default):
  /// a page the extension draws itself, such as `mulu report`'s evaluation with its charts.
  func documents(language: Language) -> [SiteDocument]
}

extension SiteExtension {
  public func departmentSections(_ department: SiteDepartment, language: Language) -> [SiteSection] { [] }
  public func pages(language: Language) -> [SitePage] { [] }
  public func documents(language: Language) -> [SiteDocument] { [] }
}

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

public struct SiteTable: Sendable {
  public var header: [String]
  public var rows: [[SiteCell]]

  public init(header: [String], rows: [[SiteCell]]) {
    self.header = header
    self.rows = rows
  }
}

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
