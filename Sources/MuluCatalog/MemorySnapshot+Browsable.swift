extension MemorySnapshot: BrowsableSnapshot {
  public func entry(at path: String) throws -> SnapshotEntry? {
    files[path].map { SnapshotEntry(path: path, kind: kinds[path] ?? .regular, size: $0.count) }
  }

  public func names(in folder: String) throws -> [String] {
    let prefix = folder.isEmpty ? "" : folder + "/"
    var names: Set<String> = []
    for path in files.keys where path.hasPrefix(prefix) {
      names.insert(String(path.dropFirst(prefix.count).prefix { $0 != "/" }))
    }
    return names.sorted()
  }

  public func files(in folder: String) throws -> [SnapshotEntry] {
    let prefix = folder + "/"
    return try files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
      .compactMap { try entry(at: $0) }
  }
}
