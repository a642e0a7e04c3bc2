import Dispatch
import MuluCatalog
import MuluGit

/// Handles on one repository for several threads: a handle is used by one thread at a time.
final class RepositoryPool: @unchecked Sendable {
  private let first: Repository
  private var idle: [Repository]
  private let lock = DispatchSemaphore(value: 1)

  init(_ repository: Repository) {
    self.first = repository
    self.idle = [repository]
  }

  func withRepository<T>(_ body: (Repository) throws -> T) throws -> T {
    lock.wait()
    let handle = idle.popLast()
    lock.signal()
    let repository = try handle ?? first.reopen()
    defer {
      lock.wait()
      idle.append(repository)
      lock.signal()
    }
    return try body(repository)
  }
}
