import CLibGit2
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How far a fetch has come.
public struct FetchProgress: Sendable, Hashable {
  public var totalObjects: Int
  public var receivedObjects: Int
  public var indexedObjects: Int
  public var receivedBytes: Int

  init(_ stats: git_indexer_progress) {
    totalObjects = Int(stats.total_objects)
    receivedObjects = Int(stats.received_objects)
    indexedObjects = Int(stats.indexed_objects)
    receivedBytes = stats.received_bytes
  }
}
