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
