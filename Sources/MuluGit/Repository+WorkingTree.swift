import CLibGit2

// The index and the working tree.
extension Repository {
  /// Whether the index or the working tree differs from HEAD: staged or
  /// unstaged changes, deletions, or untracked files that are not ignored.
  /// Always false for a bare repository, which has no working tree.
  public func hasUncommittedChanges() throws -> Bool {
    if isBare { return false }
    var options = git_status_options()
    try check(
      "git_status_options_init",
      git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
    var list: OpaquePointer? = nil
    try check("git_status_list_new", git_status_list_new(&list, handle, &options))
    defer { git_status_list_free(list) }
    return git_status_list_entrycount(list) > 0
  }

  /// The staged entries of the index (honouring `GIT_INDEX_FILE` when the
  /// repository was opened from the environment), in git's path order, as
  /// `git ls-files -s` lists them at stage 0. Entries in conflict (stages
  /// 1–3) are left out. A repository without an index file (a new or bare
  /// one) has no entries.
  public func indexEntries() throws -> [TreeEntry] {
    var index: OpaquePointer? = nil
    try check("git_repository_index", git_repository_index(&index, handle))
    defer { git_index_free(index) }
    // Pick up changes made on disk since this handle last read the index.
    try check("git_index_read", git_index_read(index, 0))
    var entries: [TreeEntry] = []
    let count = git_index_entrycount(index)
    entries.reserveCapacity(count)
    for position in 0..<count {
      guard let entry = git_index_get_byindex(index, position), git_index_entry_stage(entry) == 0
      else { continue }
      entries.append(
        TreeEntry(
          path: String(cString: entry.pointee.path), mode: FileMode(rawValue: entry.pointee.mode),
          id: ObjectID(entry.pointee.id)))
    }
    return entries
  }

  /// Moves the index and the working tree from tree `old` to tree `new`,
  /// like `git read-tree -m -u old new`: paths that differ between the two
  /// trees are written, added or removed; everything else is left alone.
  /// If a path to be changed has local changes (in the index or the working
  /// tree), nothing is written and the error's `isCheckoutConflict` is true.
  /// Untracked files that are in the way count as local changes; ignored
  /// files are kept. Use it after moving the checked-out branch from a
  /// commit with tree `old` to one with tree `new`.
  public func checkout(from old: ObjectID, to new: ObjectID) throws {
    let baseline = try loadTree(old)
    try withObject(new, GIT_OBJECT_TREE) { target in
      var options = git_checkout_options()
      try check(
        "git_checkout_options_init",
        git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
      options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
      options.baseline = baseline.handle
      try withExtendedLifetime(baseline) {
        try check("git_checkout_tree", git_checkout_tree(handle, target, &options))
      }
    }
  }
}
