/// One field of a resource that differs between two versions, named by its path in the
/// file (`sharing.type`, `open.to_public`, `items[项目名称].type`, `items[项目名称]`).
public struct FieldChange: Sendable, Hashable {
  public var field: String
  /// The value as written, white space trimmed; nil when absent.
  public var old: String?
  public var new: String?
  public var impact: Impact

  public init(field: String, old: String?, new: String?, impact: Impact) {
    self.field = field
    self.old = old
    self.new = new
    self.impact = impact
  }
}
