import MuluParallel
import Synchronization

// Reading many blobs on several threads.
extension Repository {
  /// Reads the blobs `ids` on up to `workers` threads, each thread with its
  /// own handle (`reopen()`), and calls `body` with each blob's position in
  /// `ids` and its contents. `body` runs concurrently on the worker threads,
  /// in no particular order, and must be safe to call that way.
  ///
  /// A libgit2 built without threads gets one worker.
  ///
  /// The first error (reading a blob, or thrown by `body`) stops the work
  /// and is rethrown once every worker has stopped. This handle is used by
  /// one of the workers and must not be used elsewhere meanwhile.
  public func readBlobs(
    _ ids: [ObjectID], workers: Int = 2, _ body: @Sendable (Int, [UInt8]) throws -> Void
  ) throws {
    let useful = GitLibrary.isThreadSafe ? ids.count / Repository.blobsPerClaim + 1 : 1
    let workerCount = max(1, min(workers, useful))
    if workerCount == 1 {
      for (position, id) in ids.enumerated() { try body(position, blob(id)) }
      return
    }
    let handles = try [self] + (1..<workerCount).map { _ in try reopen() }
    let failure = Mutex<(any Error)?>(nil)
    forEachRun(count: ids.count, run: Repository.blobsPerClaim, claimants: workerCount) { worker, positions in
      let repository = handles[worker]
      do {
        for position in positions { try body(position, repository.blob(ids[position])) }
        return true
      } catch {
        failure.withLock { if $0 == nil { $0 = error } }
        return false
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
  }

  /// Reads the blobs `ids` on up to `workers` threads (see `readBlobs`) and
  /// returns `transform` of each, in the order of `ids`.
  public func mapBlobs<Value: Sendable>(
    _ ids: [ObjectID], workers: Int = 2,
    _ transform: @Sendable (ObjectID, [UInt8]) throws -> Value
  ) throws -> [Value] {
    let results = ResultSlots<Value>(count: ids.count)
    try readBlobs(ids, workers: workers) { position, contents in
      results.store(try transform(ids[position], contents), at: position)
    }
    return results.values()
  }

  private static let blobsPerClaim = 64
}
