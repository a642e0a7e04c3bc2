#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A set of files the catalog layer reads: a working tree, a commit, or files in memory.
///
/// `read` is called from several threads at once.
public protocol Snapshot: Sendable {
  /// Every file of the snapshot (no directories), in any order.
  var entries: [SnapshotEntry] { get }
  /// The bytes of one entry.
  func read(_ entry: SnapshotEntry) throws -> [UInt8]
  /// A short name for messages: a folder, or a revision.
  var label: String { get }
}
