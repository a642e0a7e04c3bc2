import CLibGit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// One level of a tree; short names for objects.
extension Repository {
  /// The entries directly in `tree` (files, symlinks, submodules, and subtrees with mode `.tree`,
  /// not entered), in git's order; each path is `prefix` followed by the entry's name.
  public func treeChildren(_ tree: ObjectID, prefix: String = "") throws -> [TreeEntry] {
    let loaded = try loadTree(tree)
    return (0..<loaded.count).compactMap { index in
      loaded.entry(index).map { entry in
        TreeEntry(
          path: prefix + String(cString: git_tree_entry_name(entry)),
          mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue),
          id: ObjectID(git_tree_entry_id(entry)))
      }
    }
  }

  /// The tree of a commit.
  public func tree(ofCommit commit: ObjectID) throws -> ObjectID {
    try commitLinks(commit).tree
  }

  /// The shortest abbreviation of `id` (at least `core.abbrev`, by default
  /// seven digits) that names no other object in the repository, as
  /// `git log --oneline` prints it.
  public func abbreviatedID(_ id: ObjectID) throws -> String {
    try withObject(id, GIT_OBJECT_ANY) { object in
      var buffer = git_buf()
      defer { git_buf_dispose(&buffer) }
      try check("git_object_short_id", git_object_short_id(&buffer, object))
      return String(cString: buffer.ptr)
    }
  }
}
