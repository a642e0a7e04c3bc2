public struct SiteTable: Sendable {
  public var header: [String]
  public var rows: [[SiteCell]]

  public init(header: [String], rows: [[SiteCell]]) {
    self.header = header
    self.rows = rows
  }
}
