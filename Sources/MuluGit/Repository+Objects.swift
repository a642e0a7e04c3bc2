import CLibGit2

// Reading commits, trees, blobs and tags.
//
// libgit2 objects (git_object, git_commit, git_tree, git_blob, git_tag) only
// live inside the scoped `with…` helpers below; what leaves them is copied
// into Swift values first.
extension Repository {
  // MARK: Revisions

  /// The commit a revision names: anything `git rev-parse` understands
  /// ("HEAD", "main", "v1.0", "HEAD~3", an abbreviated id, "main@{1}").
  /// Annotated tags are peeled to their commit. A revision that names no
  /// object, or an object that does not peel to a commit (a tree, a blob),
  /// is an error.
  ///
  /// A short name that several refs answer to (a branch `main` and a tag `main`) is read
  /// as the branch, `refs/heads/main`, where git would read the tag; `ambiguousNames(in:)`
  /// lists them, for a note to the user.
  public func resolveCommit(_ revision: String) throws -> ObjectID {
    var spec = revision
    let (name, rest) = Repository.leadingName(revision)
    if ambiguousNames(in: revision).contains("refs/heads/" + name) { spec = "refs/heads/" + name + rest }
    var object: OpaquePointer? = nil
    try check("git_revparse_single", git_revparse_single(&object, handle, spec))
    defer { git_object_free(object) }
    return try Repository.peel(object!, to: GIT_OBJECT_COMMIT)
  }

  /// The full names of the refs that the short name leading `revision` could mean, in git's
  /// order (`refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`, `refs/remotes/<name>`,
  /// `refs/remotes/<name>/HEAD`), when it could mean more than one; else empty. A full name
  /// (`refs/…`), `HEAD` and a revision without a name (`@{-1}`) are never ambiguous.
  public func ambiguousNames(in revision: String) -> [String] {
    let (name, _) = Repository.leadingName(revision)
    guard !name.isEmpty, name != "HEAD", !name.hasPrefix("refs/") else { return [] }
    let candidates = [
      "refs/" + name, "refs/tags/" + name, "refs/heads/" + name, "refs/remotes/" + name, "refs/remotes/" + name + "/HEAD",
    ]
    let found = candidates.filter { (try? referenceTarget($0)) != nil }
    return found.count > 1 ? found : []
  }

  /// A revision split into the ref name it starts with and the rest (`main~2` → `main`, `~2`).
  static func leadingName(_ revision: String) -> (name: String, rest: Substring) {
    var index = revision.startIndex
    while index < revision.endIndex {
      let character = revision[index]
      if character == "^" || character == "~" || character == ":" { break }
      if character == "@", revision[index...].hasPrefix("@{") { break }
      index = revision.index(after: index)
    }
    return (String(revision[..<index]), revision[index...])
  }

  /// The commit `id` peels to: itself for a commit, the (recursively)
  /// tagged commit for an annotated tag. An error for trees and blobs.
  public func peelToCommit(_ id: ObjectID) throws -> ObjectID {
    try withObject(id, GIT_OBJECT_ANY) { try Repository.peel($0, to: GIT_OBJECT_COMMIT) }
  }

  private static func peel(_ object: OpaquePointer, to type: git_object_t) throws -> ObjectID {
    var peeled: OpaquePointer? = nil
    try check("git_object_peel", git_object_peel(&peeled, object, type))
    defer { git_object_free(peeled) }
    return ObjectID(git_object_id(peeled))
  }

  /// The kind of the object `id`, or nil when the repository does not have
  /// it. Reads only the object's header.
  public func objectType(_ id: ObjectID) throws -> ObjectKind? {
    guard let header = try readHeader(id) else { return nil }
    return ObjectKind(header.type)
  }

  /// The size and type of an object, without inflating it when the storage
  /// allows; nil when the object is missing.
  func readHeader(_ id: ObjectID) throws -> (size: Int, type: git_object_t)? {
    var size = 0
    var type = GIT_OBJECT_INVALID
    let odb = try objectDatabase
    let code = id.withOID { git_odb_read_header(&size, &type, odb.handle, $0) }
    guard try checkFound("git_odb_read_header", code) else { return nil }
    return (size, type)
  }

  // MARK: Commits

  public func commit(_ id: ObjectID) throws -> Commit {
    try withCommit(id) { commit in
      Commit(
        id: id,
        tree: ObjectID(git_commit_tree_id(commit)),
        parents: shallowBoundary.contains(id)
          ? []
          : (0..<git_commit_parentcount(commit)).map {
            ObjectID(git_commit_parent_id(commit, $0))
          },
        author: Signature(git_commit_author(commit)),
        committer: Signature(git_commit_committer(commit)),
        message: git_commit_message(commit).map { String(cString: $0) } ?? "",
        summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }
  }

  /// The ids of a commit's tree and parents, without decoding the rest. A commit where a
  /// shallow clone's history stops has no parents here, as in git.
  func commitLinks(_ id: ObjectID) throws -> (tree: ObjectID, parents: [ObjectID]) {
    try withCommit(id) { commit in
      (
        ObjectID(git_commit_tree_id(commit)),
        shallowBoundary.contains(id)
          ? [] : (0..<git_commit_parentcount(commit)).map { ObjectID(git_commit_parent_id(commit, $0)) }
      )
    }
  }

  // MARK: Trees

  /// Every entry below `tree` that is not itself a tree (files, symlinks,
  /// submodules), recursively, in git's order (the order of
  /// `git ls-tree -r`: by path bytes).
  public func treeEntries(_ tree: ObjectID) throws -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try forEachEntry(inTree: tree, prefix: "") { entries.append($0) }
    return entries
  }

  /// `treeEntries(_:)` of the commit's tree.
  public func treeEntries(ofCommit commit: ObjectID) throws -> [TreeEntry] {
    try treeEntries(commitLinks(commit).tree)
  }

  /// The entry at `path` ("a/b/c", no leading slash) below `tree`, or nil
  /// when there is none. A directory gives its tree entry (mode `.tree`).
  public func entry(at path: String, inTree tree: ObjectID) throws -> TreeEntry? {
    try withTree(tree) { tree in
      var entry: OpaquePointer? = nil
      guard try checkFound("git_tree_entry_bypath", git_tree_entry_bypath(&entry, tree, path))
      else { return nil }
      defer { git_tree_entry_free(entry) }
      return TreeEntry(
        path: path, mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue),
        id: ObjectID(git_tree_entry_id(entry)))
    }
  }

  /// The entry at `path` below `tree`, as `entry(at:inTree:)` finds it, or else the first
  /// whose names read as `path`'s: a name whose bytes are not UTF-8 reads with U+FFFD in
  /// place of them (as every path this layer gives does) and cannot be looked up by that text.
  public func entry(readingAs path: String, inTree tree: ObjectID) throws -> TreeEntry? {
    if let found = try entry(at: path, inTree: tree) { return found }
    guard path.unicodeScalars.contains("\u{FFFD}") else { return nil }
    var current = TreeEntry(path: "", mode: .tree, id: tree)
    for component in path.split(separator: "/", omittingEmptySubsequences: false) {
      guard current.mode == .tree else { return nil }
      let children = try treeChildren(current.id)
      guard let child = children.first(where: { $0.path == component }) else { return nil }
      current = TreeEntry(path: path, mode: child.mode, id: child.id)
    }
    return current
  }

  /// Visits every non-tree entry below `tree`, depth first in git order,
  /// each path prefixed with `prefix` (empty, or ending in "/"). Iterative,
  /// so that no tree depth can exhaust a thread's stack.
  func forEachEntry(
    inTree tree: ObjectID, prefix: String, _ body: (TreeEntry) throws -> Void
  ) throws {
    struct Frame {
      let tree: LoadedTree
      let prefix: String
      var next = 0
    }
    var stack = [Frame(tree: try loadTree(tree), prefix: prefix)]
    while let top = stack.last {
      guard let entry = top.tree.entry(top.next) else {
        stack.removeLast()
        continue
      }
      stack[stack.count - 1].next += 1
      let path = top.prefix + String(cString: git_tree_entry_name(entry))
      let id = ObjectID(git_tree_entry_id(entry))
      if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
        stack.append(Frame(tree: try loadTree(id), prefix: path + "/"))
      } else {
        try body(
          TreeEntry(
            path: path, mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue),
            id: id))
      }
    }
  }

  // MARK: Blobs

  /// The contents of a blob.
  public func blob(_ id: ObjectID) throws -> [UInt8] {
    try withBlobContents(id) { Array($0) }
  }

  /// Calls `body` with the contents of a blob, without copying them. The
  /// buffer is valid only during the call.
  public func withBlobContents<Result>(
    _ id: ObjectID, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) throws -> Result {
    var blob: OpaquePointer? = nil
    try id.withOID { try check("git_blob_lookup", git_blob_lookup(&blob, handle, $0)) }
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    return try body(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size))
  }

  /// The size of a blob in bytes, read from the object's header without
  /// loading its contents where the storage allows it.
  public func blobSize(_ id: ObjectID) throws -> Int {
    guard let header = try readHeader(id) else {
      throw GitError.invalid(
        "git_odb_read_header", "object \(id) not found", code: GIT_ENOTFOUND)
    }
    guard header.type == GIT_OBJECT_BLOB else {
      throw GitError.invalid("Repository.blobSize", "object \(id) is not a blob")
    }
    return header.size
  }

  // MARK: Tags

  /// The annotated tag object `id`; nil when `id` is missing or is not a
  /// tag object (a lightweight tag's ref points straight at a commit).
  public func annotatedTag(_ id: ObjectID) throws -> AnnotatedTag? {
    var tag: OpaquePointer? = nil
    let code = id.withOID { git_tag_lookup(&tag, handle, $0) }
    guard try checkFound("git_tag_lookup", code) else { return nil }
    defer { git_tag_free(tag) }
    guard let targetKind = ObjectKind(git_tag_target_type(tag)) else {
      throw GitError.invalid("git_tag_target_type", "tag \(id) points to an unknown object type")
    }
    return AnnotatedTag(
      id: id,
      name: String(cString: git_tag_name(tag)),
      target: ObjectID(git_tag_target_id(tag)),
      targetKind: targetKind,
      tagger: git_tag_tagger(tag).map(Signature.init),
      message: git_tag_message(tag).map { String(cString: $0) } ?? "")
  }

  // MARK: Scoped objects

  func withObject<Result>(
    _ id: ObjectID, _ type: git_object_t, _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    var object: OpaquePointer? = nil
    try id.withOID { try check("git_object_lookup", git_object_lookup(&object, handle, $0, type)) }
    defer { git_object_free(object) }
    return try body(object!)
  }

  func withCommit<Result>(_ id: ObjectID, _ body: (OpaquePointer) throws -> Result) throws
    -> Result
  {
    var commit: OpaquePointer? = nil
    try id.withOID { try check("git_commit_lookup", git_commit_lookup(&commit, handle, $0)) }
    defer { git_commit_free(commit) }
    return try body(commit!)
  }

  func withTree<Result>(_ id: ObjectID, _ body: (OpaquePointer) throws -> Result) throws -> Result
  {
    let tree = try loadTree(id)
    return try withExtendedLifetime(tree) { try body(tree.handle) }
  }

  /// A tree kept open while a walk works through it.
  func loadTree(_ id: ObjectID) throws -> LoadedTree {
    var tree: OpaquePointer? = nil
    try id.withOID { try check("git_tree_lookup", git_tree_lookup(&tree, handle, $0)) }
    return LoadedTree(handle: tree!)
  }
}
