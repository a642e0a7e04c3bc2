import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

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

  /// The files that differ between `tree` (nil: the empty tree) and the
  /// working tree, as `git diff <tree>` sees them plus untracked files that
  /// are not ignored (listed one by one, not as directories): in git's path
  /// order, without rename detection. The working tree side has no object:
  /// `newID` is nil and the caller reads the file at `path`; `newMode` is
  /// the file's mode as git would record it. An error for a bare
  /// repository.
  public func workingTreeChanges(from tree: ObjectID?) throws -> [TreeChange] {
    try diffTreeToWorkingTree(tree, includeIgnored: false)
  }

  /// The staged entries of the index (honouring `GIT_INDEX_FILE` when the
  /// repository was opened from the environment), in git's path order, as
  /// `git ls-files -s` lists them at stage 0. Entries in conflict (stages
  /// 1–3) are left out. A repository without an index file (a new or bare
  /// one) has no entries.
  public func indexEntries() throws -> [TreeEntry] {
    try withIndex { index in
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
  }

  /// The entries of the index that a sparse checkout leaves out of the working tree (their
  /// skip-worktree bit is set), at stage 0, in git's path order.
  public func skippedIndexEntries() throws -> [TreeEntry] {
    try indexStats().entries.filter(\.skipsWorkingTree).map {
      TreeEntry(path: $0.path, mode: FileMode(rawValue: $0.mode), id: $0.id)
    }
  }

  /// The staged entries of the index at stage 0 with the stat data git recorded of each file,
  /// and when the index file was last written (nil without an index file): what `git status`
  /// compares the working tree with. An entry whose file matches its stat data, and was
  /// changed before the index was written, holds the entry's blob.
  public func indexStats() throws -> (entries: [IndexStat], written: IndexStat.Time?) {
    try withIndex { index in
      var entries: [IndexStat] = []
      let count = git_index_entrycount(index)
      entries.reserveCapacity(count)
      for position in 0..<count {
        guard let pointer = git_index_get_byindex(index, position), git_index_entry_stage(pointer) == 0 else { continue }
        let entry = pointer.pointee
        entries.append(
          IndexStat(
            path: String(cString: entry.path), id: ObjectID(entry.id), mode: entry.mode, size: entry.file_size,
            modified: IndexStat.Time(seconds: Int64(entry.mtime.seconds), nanoseconds: Int64(entry.mtime.nanoseconds)),
            changed: IndexStat.Time(seconds: Int64(entry.ctime.seconds), nanoseconds: Int64(entry.ctime.nanoseconds)),
            inode: entry.ino,
            skipsWorkingTree: entry.flags_extended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0))
      }
      var info = stat()
      guard let path = git_index_path(index), stat(path, &info) == 0 else { return (entries, nil) }
      return (entries, IndexStat.Time(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)))
    }
  }

  /// The tree the index would commit, as `git write-tree` makes it: written into the object
  /// database (where `git commit` writes it next), reusing the trees of folders that the
  /// index's tree cache still holds, so that its cost follows what was staged. Fails on an
  /// index with conflicts, as git does.
  public func writeIndexTree() throws -> ObjectID {
    try withIndex { index in
      var id = git_oid()
      try check("git_index_write_tree", git_index_write_tree(&id, index))
      return ObjectID(id)
    }
  }

  /// The index (`GIT_INDEX_FILE` when the repository was opened from the environment), read
  /// again from disk if it changed there. A repository without an index file has no entries.
  private func withIndex<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    var index: OpaquePointer? = nil
    try check("git_repository_index", git_repository_index(&index, handle))
    defer { git_index_free(index) }
    try check("git_index_read", git_index_read(index, 0))
    return try body(index!)
  }

  /// Whether git leaves `path` (relative to the working tree) out of `git status` and
  /// `git add -A`: one of its ignore rules (`.gitignore` files, `info/exclude`,
  /// `core.excludesFile`) matches it or a folder above it, and the index tracks nothing at
  /// or below it. `isFolder` tells a folder from a file. False for a bare repository.
  public func isIgnoredAndUntracked(_ path: String, isFolder: Bool) throws -> Bool {
    if isBare { return false }
    var ignored: Int32 = 0
    try check(
      "git_ignore_path_is_ignored", git_ignore_path_is_ignored(&ignored, handle, isFolder ? path + "/" : path))
    guard ignored == 1 else { return false }
    var index: OpaquePointer? = nil
    try check("git_repository_index", git_repository_index(&index, handle))
    defer { git_index_free(index) }
    if isFolder {
      var position = 0
      return git_index_find_prefix(&position, index, path + "/") == GIT_ENOTFOUND.rawValue
    }
    return git_index_get_bypath(index, path, 0) == nil
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

// A tree against the files of the working tree.
extension Repository {
  /// The paths whose working-tree file differs from their entry in `tree`
  /// (nil: the empty tree), in git's path order, as `git diff TREE`
  /// together with the files git does not track (untracked and ignored
  /// ones count as added). `paths` limits the comparison to those files
  /// or folders (no wildcards); empty means everything.
  ///
  /// The index's stat data decides which files need reading: a file whose
  /// size and times match its index entry is taken to hold the indexed
  /// blob, and only the others are hashed, as git does. Nothing is written,
  /// not even the index's refreshed stat data.
  ///
  /// Each change's `newID` is nil: read the file from the working tree.
  /// `oldID` and `oldMode` describe the tree's entry; `newMode` the file
  /// (nil when it is gone). Fails with `isBareRepository` on a bare
  /// repository.
  /// With `includeIgnored` false, files that `.gitignore` names are left out.
  public func diffTreeToWorkingTree(_ tree: ObjectID?, paths: [String] = [], includeIgnored: Bool = true) throws
    -> [TreeChange]
  {
    var options = git_diff_options()
    try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
    options.flags =
      GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    if includeIgnored {
      options.flags |= GIT_DIFF_INCLUDE_IGNORED.rawValue | GIT_DIFF_RECURSE_IGNORED_DIRS.rawValue
    }
    return try withStringArray(paths) { pathspec in
      options.pathspec = pathspec
      var diff: OpaquePointer? = nil
      if let tree {
        try withTree(tree) { treeHandle in
          try check(
            "git_diff_tree_to_workdir_with_index",
            git_diff_tree_to_workdir_with_index(&diff, handle, treeHandle, &options))
        }
      } else {
        try check(
          "git_diff_tree_to_workdir_with_index",
          git_diff_tree_to_workdir_with_index(&diff, handle, nil, &options))
      }
      defer { git_diff_free(diff) }
      return try Repository.changes(of: diff, function: "git_diff_tree_to_workdir_with_index")
    }
  }

  /// A libgit2 diff's deltas as changes, without new ids: the new side is the working tree.
  private static func changes(of diff: OpaquePointer?, function: String) throws -> [TreeChange] {
    var changes: [TreeChange] = []
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
      let status: ChangeStatus
      switch delta.status {
      case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_IGNORED: status = .added
      case GIT_DELTA_DELETED: status = .deleted
      case GIT_DELTA_TYPECHANGE: status = .typeChanged
      case GIT_DELTA_MODIFIED: status = .modified
      case GIT_DELTA_UNREADABLE:
        throw GitError.invalid(function, "cannot read \(String(cString: delta.new_file.path)) in the working tree")
      default: continue
      }
      let hasOld = status != .added
      let hasNew = status != .deleted
      changes.append(
        TreeChange(
          path: String(cString: hasNew ? delta.new_file.path : delta.old_file.path), status: status,
          oldID: hasOld ? ObjectID(delta.old_file.id) : nil, newID: nil,
          oldMode: hasOld ? FileMode(rawValue: UInt32(delta.old_file.mode)) : nil,
          newMode: hasNew ? FileMode(rawValue: UInt32(delta.new_file.mode)) : nil))
    }
    return changes
  }

}
