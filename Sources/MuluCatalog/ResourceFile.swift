import MuluYAML
import Synchronization

/// One resource file of the snapshot, read: what a file's own rules judge.
public struct ResourceFile: Sendable {
  public var path: String
  /// The provider folder the file stands in.
  public var folder: String
  /// The code its file name gives.
  public var fileCode: ResourceCode?
  /// The YAML mapping, when the file could be read as one.
  public var root: YAMLMapping?
  /// The resource, when the file could be read.
  public var resource: Resource?

  /// The code to name in findings: the one written in the file, else the file name's.
  public var code: String? {
    if let written = resource?.code, !written.isEmpty { return written }
    return fileCode?.description
  }

  /// Where a field stands in the file (the nearest existing key when it is absent).
  public func mark(_ fields: String...) -> YAMLMark? {
    root?.mark(fields)
  }

  /// Where each code of `resource.related` stands.
  public var relatedMarks: [YAMLMark] {
    root.map { Resource.relatedNodes(of: $0).map(\.mark) } ?? []
  }

  /// Where the `index`th code of `resource.related` stands.
  public func relatedMark(_ index: Int) -> YAMLMark? {
    let marks = relatedMarks
    return index < marks.count ? marks[index] : mark("related")
  }

  /// Where the `index`th data item of `resource.items` stands.
  public func itemMark(_ index: Int) -> YAMLMark? {
    let nodes = root.map(Resource.itemNodes) ?? []
    return index < nodes.count ? nodes[index].mark : mark("items")
  }
}
