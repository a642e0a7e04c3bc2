import MuluYAML
import Synchronization

/// A registry read from one snapshot: settings, dictionaries and every resource file.
public struct Catalog: Sendable {
  public var label: String
  public var settings: RegistrySettings
  public var departments: [String: Department]
  public var classification: Classification
  /// Whether the dictionaries could be read: rules that look things up in them stay silent otherwise,
  /// since the dictionary's own finding says what is wrong.
  public var dictionariesRead: Bool
  /// Every resource file of the registry, read or not, in the snapshot's order.
  public private(set) var resources: [ResourceDigest]
  /// Where the files of each code stand in `resources` (all resource files of the snapshot,
  /// also while `resources` is still being read).
  let codes: CodeIndex

  /// Whether some resource file's name gives this code.
  public func hasResource(withCode code: String) -> Bool {
    ResourceCode(code).map(codes.contains) ?? false
  }

  /// A catalog of files read in full (a change's neighbourhood, examples).
  init(
    label: String, settings: RegistrySettings, departments: [String: Department], classification: Classification,
    dictionariesRead: Bool, resources files: [ResourceFile]
  ) {
    let names = ItemNames()
    let digests = files.compactMap { file in
      file.fileCode.map { ResourceDigest(file, fileCode: $0, folder: file.folder, names: names) }
    }
    self.init(
      label: label, settings: settings, departments: departments, classification: classification,
      dictionariesRead: dictionariesRead, digests: digests, codes: CodeIndex(digests.map(\.fileCode)))
  }

  /// `codes` indexes `digests`, or, while they are being read, the files they will be made of.
  init(
    label: String, settings: RegistrySettings, departments: [String: Department], classification: Classification,
    dictionariesRead: Bool, digests: [ResourceDigest], codes: CodeIndex
  ) {
    self.label = label
    self.settings = settings
    self.departments = departments
    self.classification = classification
    self.dictionariesRead = dictionariesRead
    self.resources = digests
    self.codes = codes
  }

  /// The same registry with the digests of the files `codes` indexes.
  func with(digests: [ResourceDigest]) -> Catalog {
    Catalog(
      label: label, settings: settings, departments: departments, classification: classification,
      dictionariesRead: dictionariesRead, digests: digests, codes: codes)
  }
}
