/// A department of the site: in the dictionary, or a provider folder.
public struct SiteDepartment: Sendable {
  public var code: String
  public var name: String
  /// Positions of its resources in `Site.resources` (a range: resources are ordered by folder).
  var range: Range<Int>
  public var resources: Int { range.count }
  public var active: Int
  public var bySharing: [String: Int]
}
