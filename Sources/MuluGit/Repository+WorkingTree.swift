import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

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
  public func diffTreeToWorkingTree(_ tree: ObjectID?, paths: [String] = []) throws -> [TreeChange] {
    var options = git_diff_options()
    try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
    options.flags =
      GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_DIFF_INCLUDE_IGNORED.rawValue | GIT_DIFF_RECURSE_IGNORED_DIRS.rawValue
      | GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    return try Repository.withStringArray(paths) { pathspec in
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
          throw GitError.invalid(
            "git_diff_tree_to_workdir_with_index",
            "cannot read \(String(cString: delta.new_file.path)) in the working tree")
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

  /// Calls `body` with `strings` as a `git_strarray` that lives for the call.
  static func withStringArray<Result>(
    _ strings: [String], _ body: (git_strarray) throws -> Result
  ) throws -> Result {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers = copies
    return try pointers.withUnsafeMutableBufferPointer { buffer in
      try body(git_strarray(strings: buffer.baseAddress, count: buffer.count))
    }
  }
}
