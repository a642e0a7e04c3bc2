import Synchronization

/// The files a load took from kept results, gathered from its workers.
final class TakenEntries: Sendable {
  private let entries = Mutex<[SnapshotEntry]>([])

  func add(_ entry: SnapshotEntry) {
    entries.withLock { $0.append(entry) }
  }

  func all() -> [SnapshotEntry] { entries.withLock { $0 } }
}
