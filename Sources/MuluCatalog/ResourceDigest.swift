import MuluYAML
import Synchronization

/// What the registry-wide rules (`code.duplicate`, `name.duplicate`, `related.retired`,
/// `items.overlaps-base`) need of one resource file, and the positions their findings name.
///
/// A registry of 470,000 resources is held as digests, not as models or YAML trees: a file's
/// own rules run while it is parsed, then only its digest is kept. Folder and provider
/// texts are shared by the files of a folder, and item names are symbols of the catalog's
/// `ItemNames` table.
public struct ResourceDigest: Sendable {
  /// The provider folder the file stands in.
  public let folder: String
  /// The code its file name gives.
  public let fileCode: ResourceCode
  /// What the file says, when it could be read as a resource.
  var content: Content?

  struct Content: Sendable {
    /// The code written in the file (empty when absent); nil when it is the file name's.
    var writtenCode: String?
    var providerCode: String
    var name: String
    var isRetired: Bool
    /// `retired.replaced_by`, when retired.
    var replacedBy: String?
    var replacedByMark: YAMLMark?
    /// The codes of `related` that are codes, each with where it stands.
    var related: [(code: ResourceCode, mark: YAMLMark?)]
    /// The distinct item names, in file order; kept only for active base and department
    /// resources (the ones `items.overlaps-base` compares).
    var items: [ItemNames.Symbol]
    var codeMark: YAMLMark?
    var nameMark: YAMLMark?
    var itemsMark: YAMLMark?
  }

  public var path: String { "catalogs/\(folder)/\(fileCode.fileName)" }

  /// Whether the file could be read as a resource.
  public var isRead: Bool { content != nil }

  public var isRetired: Bool { content?.isRetired ?? false }

  /// The resource's name; empty when absent or unread.
  public var name: String { content?.name ?? "" }

  /// The code written in the file (empty when absent or unread).
  public var writtenCode: String {
    guard let content else { return "" }
    return content.writtenCode ?? fileCode.description
  }

  /// The code to name in findings: the one written in the file, else the file name's.
  public var code: String {
    let written = writtenCode
    return written.isEmpty ? fileCode.description : written
  }

  /// The digest of a file that could not be read.
  init(folder: String, fileCode: ResourceCode) {
    self.folder = folder
    self.fileCode = fileCode
  }

  /// The digest of a file: `folder` is the folder text to share; `names` interns item names.
  init(_ file: ResourceFile, fileCode: ResourceCode, folder: String, names: ItemNames) {
    self.folder = folder
    self.fileCode = fileCode
    guard let resource = file.resource else { return }
    let written = resource.code
    var content = Content(
      writtenCode: written == fileCode.description ? nil : written,
      providerCode: resource.provider.code == folder ? folder : resource.provider.code,
      name: resource.name, isRetired: resource.isRetired, replacedBy: resource.retired?.replacedBy,
      replacedByMark: resource.retired?.replacedBy == nil ? nil : file.mark("retired", "replaced_by"), related: [],
      items: [], codeMark: file.mark("code"), nameMark: file.mark("name"), itemsMark: file.mark("items"))
    let relatedMarks = file.relatedMarks
    for (index, text) in resource.related.enumerated() {
      if let code = ResourceCode(text) {
        content.related.append((code, index < relatedMarks.count ? relatedMarks[index] : file.mark("related")))
      }
    }
    if !resource.isRetired && (written.hasPrefix("1") || written.hasPrefix("3")) {
      content.items = names.symbols(for: resource.items.map(\.name).filter { !$0.isEmpty })
    }
    self.content = content
  }
}
