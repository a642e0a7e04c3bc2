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
  ///
  /// Each pair of trees is walked in its raw bytes (`RawTree`): a run of entries that are the
  /// same bytes on both sides (mode, name and id) is passed over by comparing the bytes in
  /// blocks, so a folder of tens of thousands of files with ten changed costs a pass of
  /// `memcmp`, and only a changed entry becomes a path.
  public func forEachChange(
    _ old: ObjectID?, _ new: ObjectID?, _ body: (TreeChange) throws -> Void
  ) throws {
    if old == new { return }

    // One pair of trees being compared; either side may be absent.
    struct Frame {
      let old: RawTree?
      let new: RawTree?
      let prefix: String
      var oldNext = 0
      var newNext = 0
    }
    var stack = [Frame(old: try old.map(rawTree), new: try new.map(rawTree), prefix: "")]

    func change(_ status: ChangeStatus, _ path: String, _ old: RawTree.Entry?, _ new: RawTree.Entry?) -> TreeChange {
      TreeChange(
        path: path, status: status, oldID: old?.id, newID: new?.id, oldMode: old?.mode, newMode: new?.mode)
    }

    /// An entry only the old tree has: its file was deleted, or every file of its folder was.
    func onlyInOld(_ entry: RawTree.Entry, _ path: String) throws {
      if entry.isTree {
        stack.append(Frame(old: try rawTree(entry.id), new: nil, prefix: path + "/"))
      } else {
        try body(change(.deleted, path, entry, nil))
      }
    }

    /// An entry only the new tree has: its file was added, or every file of its folder was.
    func onlyInNew(_ entry: RawTree.Entry, _ path: String) throws {
      if entry.isTree {
        stack.append(Frame(old: nil, new: try rawTree(entry.id), prefix: path + "/"))
      } else {
        try body(change(.added, path, nil, entry))
      }
    }

    /// An entry both trees have under one name, both trees or both not (git's order tells a
    /// directory "a" from a file "a"), not the same bytes: a changed folder to walk, or a
    /// changed file.
    func inBoth(_ old: RawTree.Entry, _ new: RawTree.Entry, _ prefix: String) throws {
      let sameID = old.hasSameID(as: new)
      if sameID && old.rawMode == new.rawMode { return }
      let path = prefix + old.nameText
      if old.isTree {
        let trees = try rawTrees([old.id, new.id])
        stack.append(Frame(old: trees[0], new: trees[1], prefix: path + "/"))
      } else {
        let kindChanged = old.mode.kind != new.mode.kind
        try body(change(kindChanged ? .typeChanged : .modified, path, old, new))
      }
    }

    // The two trees of the top frame are walked side by side in git's order. The frame is read
    // field by field, not copied: each copy would retain both trees and the prefix.
    while !stack.isEmpty {
      let index = stack.count - 1
      let oldTree = stack[index].old
      let newTree = stack[index].new
      let oldNext = stack[index].oldNext
      let newNext = stack[index].newNext
      let oldLeft = oldTree.map { oldNext < $0.count } ?? false
      let newLeft = newTree.map { newNext < $0.count } ?? false
      if oldLeft, newLeft, let oldTree, let newTree {
        // The common case in a large folder: a run of entries that did not change.
        let skip = oldTree.sameEntries(from: oldNext, as: newNext, of: newTree)
        if skip > 0 {
          stack[index].oldNext += skip
          stack[index].newNext += skip
          continue
        }
      }
      try withExtendedLifetime((oldTree, newTree)) {
        let oldEntry = oldLeft ? oldTree?.entry(oldNext) : nil
        let newEntry = newLeft ? newTree?.entry(newNext) : nil
        let order: Int
        switch (oldEntry, newEntry) {
        case (nil, nil):
          stack.removeLast()
          return
        case (_, nil): order = -1
        case (nil, _): order = 1
        case (let old?, let new?): order = RawTree.order(old, new)
        }
        let prefix = stack[index].prefix
        if order < 0, let oldEntry {
          stack[index].oldNext += 1
          try onlyInOld(oldEntry, prefix + oldEntry.nameText)
        } else if order > 0, let newEntry {
          stack[index].newNext += 1
          try onlyInNew(newEntry, prefix + newEntry.nameText)
        } else if let oldEntry, let newEntry {
          stack[index].oldNext += 1
          stack[index].newNext += 1
          try inBoth(oldEntry, newEntry, prefix)
        }
      }
    }
  }
}
