import MuluYAML
import Synchronization

/// An item (项) of `dictionaries/classification.yaml`.
public struct ClassificationItem: Sendable, Hashable {
  public var catalogClass: String
  public var code: String
  public var name: String
  public var lead: String?
  public var mark: YAMLMark
}
