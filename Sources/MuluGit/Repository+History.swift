import CLibGit2

// The commit graph: merge bases, ancestry, walks.
extension Repository {
  /// The best common ancestor of two commits, or nil when they share no
  /// history.
  public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
    var base = git_oid()
    var one = a.oid
    var two = b.oid
    guard try checkFound("git_merge_base", git_merge_base(&base, handle, &one, &two)) else {
      return nil
    }
    return ObjectID(base)
  }

  /// Whether `commit` is `ancestor` or has it in its history.
  public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws -> Bool {
    if commit == ancestor { return true }
    var one = commit.oid
    var two = ancestor.oid
    let result = git_graph_descendant_of(handle, &one, &two)
    if result < 0 { throw GitError.last("git_graph_descendant_of", result) }
    return result == 1
  }

  /// How many commits `local` has that `upstream` has not (ahead), and the
  /// other way round (behind), like `git rev-list --left-right --count
  /// local...upstream`.
  public func aheadBehind(_ local: ObjectID, _ upstream: ObjectID) throws -> (
    ahead: Int, behind: Int
  ) {
    var ahead = 0
    var behind = 0
    var one = local.oid
    var two = upstream.oid
    try check(
      "git_graph_ahead_behind", git_graph_ahead_behind(&ahead, &behind, handle, &one, &two))
    return (ahead, behind)
  }

  /// The commits reachable from `tips` and not from `hiding`, newest first
  /// (topological order, ties broken by commit time), like
  /// `git rev-list tips --not hiding`. `hidingReferences` adds the commits
  /// of every reference whose name matches one of the globs, as in
  /// `references(matching:)` ("refs/heads/main", "refs/heads/*", "refs/*"),
  /// to the hidden set; references to trees or blobs are passed over. Zero
  /// ids are skipped, so a hook can pass its old and new values as they
  /// come.
  public func revwalk(
    from tips: [ObjectID], hiding: [ObjectID], hidingReferences: [String] = []
  ) throws -> [ObjectID] {
    if isShallow {
      var hidden = hiding
      for glob in hidingReferences {
        for reference in try references(matching: glob) {
          if let commit = try commitIfPeelable(reference.target) { hidden.append(commit) }
        }
      }
      return try shallowWalk(from: tips, hiding: hidden)
    }
    return try withRevwalk { walk in
      for tip in tips where !tip.isZero {
        try tip.withOID { try check("git_revwalk_push", git_revwalk_push(walk, $0)) }
      }
      for hidden in hiding where !hidden.isZero {
        try hidden.withOID { try check("git_revwalk_hide", git_revwalk_hide(walk, $0)) }
      }
      for glob in hidingReferences {
        for reference in try references(matching: glob) {
          guard let commit = try commitIfPeelable(reference.target) else { continue }
          try commit.withOID { try check("git_revwalk_hide", git_revwalk_hide(walk, $0)) }
        }
      }
      var commits: [ObjectID] = []
      try Repository.drain(walk) { commits.append($0) }
      return commits
    }
  }

  /// The commits reachable from `tip` whose change touches `path`, newest
  /// first, with git log's default history simplification: a commit is
  /// listed when the entry at `path` (its id and mode, or its absence)
  /// differs from that of every parent; at a merge whose entry equals a
  /// parent's, only that parent's history is followed, as
  /// `git log -- path` does. A commit whose tree has no `path` and whose
  /// parents have none is not listed.
  public func commitsTouching(path: String, from tip: ObjectID) throws -> [ObjectID] {
    struct PathState: Equatable {
      var id: ObjectID
      var mode: FileMode
    }
    var states: [ObjectID: PathState?] = [:]
    var parentsOf: [ObjectID: [ObjectID]] = [:]
    func state(of commit: ObjectID) throws -> PathState? {
      if let known = states[commit] { return known }
      let links = try commitLinks(commit)
      parentsOf[commit] = links.parents
      let found = try entry(at: path, inTree: links.tree).map { PathState(id: $0.id, mode: $0.mode) }
      states[commit] = found
      return found
    }

    // Commits still on the simplified history: the walk's topological
    // order visits every child before its parents.
    var followed: Set<ObjectID> = [tip]
    var touching: [ObjectID] = []
    func visit(_ commit: ObjectID) throws {
      guard followed.remove(commit) != nil else { return }
      let mine = try state(of: commit)
      let parents = parentsOf[commit] ?? []
      if parents.isEmpty {
        if mine != nil { touching.append(commit) }
        return
      }
      for parent in parents where try state(of: parent) == mine {
        followed.insert(parent)
        return
      }
      touching.append(commit)
      followed.formUnion(parents)
    }
    if isShallow {
      for commit in try shallowWalk(from: [tip], hiding: []) { try visit(commit) }
      return touching
    }
    return try withRevwalk { walk in
      try tip.withOID { try check("git_revwalk_push", git_revwalk_push(walk, $0)) }
      try Repository.drain(walk, visit)
      return touching
    }
  }

  /// The commit `id` peels to, or nil when it is (or tags) a tree or blob.
  private func commitIfPeelable(_ id: ObjectID) throws -> ObjectID? {
    do {
      return try peelToCommit(id)
    } catch let error as GitError
      where error.code == GIT_EINVALIDSPEC.rawValue || error.code == GIT_EPEEL.rawValue
    {
      return nil
    }
  }

  // MARK: Scoped walks

  /// A walk sorted newest first, topologically, with ties by commit time.
  private func withRevwalk<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    var walk: OpaquePointer? = nil
    try check("git_revwalk_new", git_revwalk_new(&walk, handle))
    defer { git_revwalk_free(walk) }
    try check(
      "git_revwalk_sorting",
      git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue))
    return try body(walk!)
  }

  private static func drain(_ walk: OpaquePointer, _ body: (ObjectID) throws -> Void) throws {
    var oid = git_oid()
    while true {
      let code = git_revwalk_next(&oid, walk)
      if code == GIT_ITEROVER.rawValue {
        git_error_clear()
        return
      }
      try check("git_revwalk_next", code)
      try body(ObjectID(oid))
    }
  }
}
