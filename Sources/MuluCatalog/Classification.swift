/// `dictionaries/classification.yaml`, read: 类 → 项.
public struct Classification: Sendable, Hashable {
  public var classes: [String: String] = [:]
  public var items: [String: ClassificationItem] = [:]

  public init() {}

  /// The 项 of a 分类码, keyed by 类 + 项 (three digits).
  public func item(for classification: String) -> ClassificationItem? {
    items[String(classification.prefix(3))]
  }

  /// Whether a department may publish under a 分类码: its own prefix, or a base/theme 项 it leads.
  public func mayPublish(_ department: Department, under classification: String) -> Bool {
    if !department.prefix.isEmpty && classification.hasPrefix(department.prefix) { return true }
    if classification.hasPrefix("1") || classification.hasPrefix("2"),
      let item = item(for: classification), item.lead == department.code
    {
      return true
    }
    return false
  }
}
