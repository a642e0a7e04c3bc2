import MuluYAML
import Synchronization

/// A department of `dictionaries/departments.yaml`.
public struct Department: Sendable, Hashable {
  public var code: String
  public var name: String
  public var prefix: String
  public var parent: String?
  public var status: String
  public var mark: YAMLMark
}
