import CLibGit2

// One level of a tree; short names for objects.
extension Repository {
  /// The entries directly in `tree`, subtrees included and not entered, in
  /// git's order; each `path` is the entry's name.
  public func treeChildren(_ tree: ObjectID) throws -> [TreeEntry] {
    let loaded = try loadTree(tree)
    return (0..<loaded.count).compactMap { index in
      loaded.entry(index).map { entry in
        TreeEntry(
          path: String(cString: git_tree_entry_name(entry)),
          mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue),
          id: ObjectID(git_tree_entry_id(entry)))
      }
    }
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
