import CLibGit2
import Foundation

/// The owner of a `git_odb` handle.
final class ObjectDatabase {
  let handle: OpaquePointer

  init(handle: OpaquePointer) {
    self.handle = handle
  }

  deinit {
    git_odb_free(handle)
  }
}
