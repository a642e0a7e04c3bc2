/// Files held in memory: examples, tests, and content staged elsewhere.
public struct MemorySnapshot: Snapshot {
  public var files: [String: [UInt8]]
  public var kinds: [String: EntryKind]
  public var label: String

  public init(_ files: [String: String], kinds: [String: EntryKind] = [:], label: String = "memory") {
    self.files = files.mapValues { Array($0.utf8) }
    self.kinds = kinds
    self.label = label
  }

  public init(bytes: [String: [UInt8]], kinds: [String: EntryKind] = [:], label: String = "memory") {
    self.files = bytes
    self.kinds = kinds
    self.label = label
  }

  public var entries: [SnapshotEntry] {
    files.map { SnapshotEntry(path: $0.key, kind: kinds[$0.key] ?? .regular, size: $0.value.count) }
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    guard let bytes = files[entry.path] else {
      throw SnapshotError.unreadable(path: entry.path, reason: "no such file")
    }
    return bytes
  }
}
