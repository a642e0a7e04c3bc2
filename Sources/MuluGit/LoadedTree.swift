import CLibGit2

/// The owner of a `git_tree` handle, for walks that keep several trees open
/// at once.
final class LoadedTree {
  let handle: OpaquePointer
  let count: Int

  init(handle: OpaquePointer) {
    self.handle = handle
    count = git_tree_entrycount(handle)
  }

  deinit {
    git_tree_free(handle)
  }

  /// The entry at `index`, or nil past the end. Valid while this tree lives.
  func entry(_ index: Int) -> OpaquePointer? {
    index < count ? git_tree_entry_byindex(handle, index) : nil
  }
}
