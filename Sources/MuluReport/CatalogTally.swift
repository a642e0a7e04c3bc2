import MuluCatalog

/// What the evaluation counts of each provider folder's resource files, gathered while the
/// one validation pass reads them (no file is parsed twice).
struct CatalogTally: ResourceTally {
  var folders: [String: FolderTally] = [:]

  init() {}

  mutating func add(_ file: ResourceFile) {
    folders[file.folder, default: FolderTally()].add(file)
  }

  mutating func merge(_ other: CatalogTally) {
    for (folder, tally) in other.folders { folders[folder, default: FolderTally()].merge(tally) }
  }
}
