import CLibGit2

// Tree-to-tree differences.
//
// git_diff_tree_to_tree (libgit2 1.5) expands every subtree on both sides
// and compares leaf by leaf, even where two subtrees have the same id, so
// its cost grows with the size of the trees. The walk below compares the
// two trees entry by entry, in git's order, and descends only into subtrees
// whose ids differ: its cost grows with the size of the change.
extension Repository {
  /// The paths whose entry differs between two trees (nil: the empty tree),
  /// in git's path order. Only non-tree entries are reported (files,
  /// symlinks, submodules); a path that changes between a file and a
  /// directory appears as the file deleted (or added) and the directory's
  /// entries added (or deleted). A change of mode alone is `.modified`; a
  /// change of kind (file, symlink, submodule) is `.typeChanged`. No rename
  /// detection.
  public func diffTrees(_ old: ObjectID?, _ new: ObjectID?) throws -> [TreeChange] {
    var changes: [TreeChange] = []
    try forEachChange(old, new) { changes.append($0) }
    return changes
  }

  /// Calls `body` with each change between two trees, as `diffTrees`
  /// returns them, without collecting them.
  public func forEachChange(
    _ old: ObjectID?, _ new: ObjectID?, _ body: (TreeChange) throws -> Void
  ) throws {
    if old == new { return }

    // One pair of trees being compared; either side may be absent.
    struct Frame {
      let old: LoadedTree?
      let new: LoadedTree?
      let prefix: String
      var oldNext = 0
      var newNext = 0
    }
    var stack = [Frame(old: try old.map(loadTree), new: try new.map(loadTree), prefix: "")]

    func descend(_ old: OpaquePointer?, _ new: OpaquePointer?, _ path: String) throws {
      stack.append(
        Frame(
          old: try old.map { try loadTree(ObjectID(git_tree_entry_id($0))) },
          new: try new.map { try loadTree(ObjectID(git_tree_entry_id($0))) },
          prefix: path + "/"))
    }

    func change(
      _ status: ChangeStatus, _ path: String, _ old: OpaquePointer?, _ new: OpaquePointer?
    ) -> TreeChange {
      TreeChange(
        path: path, status: status,
        oldID: old.map { ObjectID(git_tree_entry_id($0)) },
        newID: new.map { ObjectID(git_tree_entry_id($0)) },
        oldMode: old.map { FileMode(rawValue: git_tree_entry_filemode_raw($0).rawValue) },
        newMode: new.map { FileMode(rawValue: git_tree_entry_filemode_raw($0).rawValue) })
    }

    /// An entry only the old tree has: its file was deleted, or every file of its folder was.
    func onlyInOld(_ entry: OpaquePointer?, _ path: String) throws {
      if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
        try descend(entry, nil, path)
      } else {
        try body(change(.deleted, path, entry, nil))
      }
    }

    /// An entry only the new tree has: its file was added, or every file of its folder was.
    func onlyInNew(_ entry: OpaquePointer?, _ path: String) throws {
      if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
        try descend(nil, entry, path)
      } else {
        try body(change(.added, path, nil, entry))
      }
    }

    /// An entry both trees have under one name, both trees or both not (git's order tells a
    /// directory "a" from a file "a"): unchanged, a changed folder to walk, or a changed file.
    func inBoth(_ old: OpaquePointer?, _ new: OpaquePointer?, _ prefix: String) throws {
      let sameID = git_oid_equal(git_tree_entry_id(old), git_tree_entry_id(new)) == 1
      let oldMode = git_tree_entry_filemode_raw(old).rawValue
      let newMode = git_tree_entry_filemode_raw(new).rawValue
      if sameID && oldMode == newMode { return }
      let path = prefix + String(cString: git_tree_entry_name(old))
      if git_tree_entry_type(old) == GIT_OBJECT_TREE {
        try descend(old, new, path)
      } else {
        let kindChanged = FileMode(rawValue: oldMode).kind != FileMode(rawValue: newMode).kind
        try body(change(kindChanged ? .typeChanged : .modified, path, old, new))
      }
    }

    // The two trees of the top frame are walked side by side in git's order. The frame is read
    // field by field, not copied: a folder of thousands of files is walked entry by entry, and
    // each copy would retain both trees and the prefix.
    while !stack.isEmpty {
      let index = stack.count - 1
      let oldEntry = stack[index].old?.entry(stack[index].oldNext)
      let newEntry = stack[index].new?.entry(stack[index].newNext)
      let order: Int32
      switch (oldEntry, newEntry) {
      case (nil, nil):
        stack.removeLast()
        continue
      case (_, nil): order = -1
      case (nil, _): order = 1
      case (let old?, let new?): order = git_tree_entry_cmp(old, new)
      }
      if order < 0 {
        stack[index].oldNext += 1
        try onlyInOld(oldEntry, stack[index].prefix + String(cString: git_tree_entry_name(oldEntry)))
      } else if order > 0 {
        stack[index].newNext += 1
        try onlyInNew(newEntry, stack[index].prefix + String(cString: git_tree_entry_name(newEntry)))
      } else {
        stack[index].oldNext += 1
        stack[index].newNext += 1
        try inBoth(oldEntry, newEntry, stack[index].prefix)
      }
    }
  }
}
