import CLibGit2

// Writing objects. None of these move a reference: publish a commit or a
// tag with `updateReference`.
extension Repository {
  /// Stores `contents` as a blob.
  public func writeBlob(_ contents: [UInt8]) throws -> ObjectID {
    var oid = git_oid()
    try contents.withUnsafeBytes { buffer in
      try check(
        "git_blob_create_from_buffer",
        git_blob_create_from_buffer(&oid, handle, buffer.baseAddress, buffer.count))
    }
    return ObjectID(oid)
  }

  /// Writes the tree that results from applying `edits` (path → edit,
  /// paths with "/" separators) to `base` (nil: the empty tree), and
  /// returns its id. Only the trees along edited paths are rewritten.
  /// Directories left empty disappear. A path cannot be both replaced and
  /// have edits below it, and a file cannot get entries below it unless the
  /// same edits remove it.
  public func buildTree(from base: ObjectID?, applying edits: [String: TreeEdit]) throws
    -> ObjectID
  {
    var split: [(components: ArraySlice<Substring>, edit: TreeEdit)] = []
    for (path, edit) in edits {
      let components = path.split(separator: "/", omittingEmptySubsequences: false)
      guard !components.contains(where: \.isEmpty) else {
        throw GitError.invalid("Repository.buildTree", "invalid path '\(path)' in a tree edit")
      }
      split.append((components[...], edit))
    }
    return try writeTree(base: base, edits: split, prefix: "") ?? writeEmptyTree()
  }

  /// Applies edits relative to one tree; nil when the result is empty.
  private func writeTree(
    base: ObjectID?, edits: [(components: ArraySlice<Substring>, edit: TreeEdit)], prefix: String
  ) throws -> ObjectID? {
    var direct: [String: TreeEdit] = [:]
    var nested: [String: [(components: ArraySlice<Substring>, edit: TreeEdit)]] = [:]
    for (components, edit) in edits {
      let name = String(components.first!)
      if components.count == 1 {
        direct[name] = edit
      } else {
        nested[name, default: []].append((components.dropFirst(), edit))
      }
    }

    return try withTreeBuilder(base: base) { builder in
      for name in Set(direct.keys).union(nested.keys).sorted() {
        let path = prefix + name
        let existing = git_treebuilder_get(builder, name).map {
          (id: ObjectID(git_tree_entry_id($0)), isTree: git_tree_entry_type($0) == GIT_OBJECT_TREE)
        }
        var edit = direct[name]
        if let below = nested[name] {
          var subtreeBase: ObjectID? = nil
          switch edit {
          case .upsert:
            throw GitError.invalid(
              "Repository.buildTree", "'\(path)' is replaced and also has edits below it")
          case .remove:
            break
          case nil:
            if let existing {
              guard existing.isTree else {
                throw GitError.invalid(
                  "Repository.buildTree",
                  "'\(path)' is not a directory; remove it to put entries below it",
                  code: GIT_EDIRECTORY)
              }
              subtreeBase = existing.id
            }
          }
          let subtree = try writeTree(base: subtreeBase, edits: below, prefix: path + "/")
          edit = subtree.map { .upsert($0, .tree) } ?? .remove
        }
        switch edit {
        case .upsert(let id, let mode):
          var oid = id.oid
          try check(
            "git_treebuilder_insert",
            git_treebuilder_insert(nil, builder, name, &oid, git_filemode_t(mode.rawValue)))
        case .remove where existing != nil:
          try check("git_treebuilder_remove", git_treebuilder_remove(builder, name))
        case .remove, nil:
          break
        }
      }
      if git_treebuilder_entrycount(builder) == 0 { return nil }
      var oid = git_oid()
      try check("git_treebuilder_write", git_treebuilder_write(&oid, builder))
      return ObjectID(oid)
    }
  }

  private func writeEmptyTree() throws -> ObjectID {
    try withTreeBuilder(base: nil) { builder in
      var oid = git_oid()
      try check("git_treebuilder_write", git_treebuilder_write(&oid, builder))
      return ObjectID(oid)
    }
  }

  private func withTreeBuilder<Result>(
    base: ObjectID?, _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    let baseTree = try base.map(loadTree)
    var builder: OpaquePointer? = nil
    try check(
      "git_treebuilder_new", git_treebuilder_new(&builder, handle, baseTree?.handle))
    defer { git_treebuilder_free(builder) }
    return try withExtendedLifetime(baseTree) { try body(builder!) }
  }

  /// Writes a commit object and returns its id; no reference moves. The
  /// message is stored exactly as given (git's own commands end it with a
  /// newline).
  ///
  /// `sign`, when given, receives the commit object as it will be stored
  /// without a signature (the payload git signs) and returns the armored
  /// signature, e.g. from `ssh-keygen -Y sign -n git`; it is stored in the
  /// `gpgsig` header as `git commit -S` does.
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    message: String, sign: ((_ payload: [UInt8]) throws -> String)? = nil
  ) throws -> ObjectID {
    try withObject(tree, GIT_OBJECT_TREE) { tree in
      var parentCommits: [OpaquePointer?] = []
      defer { parentCommits.forEach { git_commit_free($0) } }
      for parent in parents {
        var commit: OpaquePointer? = nil
        try parent.withOID {
          try check("git_commit_lookup", git_commit_lookup(&commit, handle, $0))
        }
        parentCommits.append(commit)
      }
      return try author.withSignature { author in
        try committer.withSignature { committer in
          var oid = git_oid()
          guard let sign else {
            try check(
              "git_commit_create",
              git_commit_create(
                &oid, handle, nil, author, committer, nil, message, tree, parentCommits.count,
                &parentCommits))
            return ObjectID(oid)
          }
          var buffer = git_buf()
          defer { git_buf_dispose(&buffer) }
          try check(
            "git_commit_create_buffer",
            git_commit_create_buffer(
              &buffer, handle, author, committer, nil, message, tree, parentCommits.count,
              &parentCommits))
          let payload = Array(UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size))
          // libgit2 indents every line after the first; a final newline
          // would leave a line holding a single space, which git does not.
          var signature = try sign(payload)
          while signature.hasSuffix("\n") { signature.removeLast() }
          try check(
            "git_commit_create_with_signature",
            git_commit_create_with_signature(&oid, handle, buffer.ptr, signature, nil))
          return ObjectID(oid)
        }
      }
    }
  }
}

// Annotated tags.
extension Repository {
  /// Writes an annotated tag object named `name` (without "refs/tags/")
  /// pointing at `target`, and returns its id. With `createReference`, also
  /// creates `refs/tags/<name>`, failing (with `isConcurrentUpdate`) if it
  /// exists; otherwise no reference is touched.
  ///
  /// `sign`, when given, receives the tag object as it will be stored
  /// without a signature (the payload git signs) and returns the armored
  /// signature, e.g. from `ssh-keygen -Y sign -n git`; it is appended to
  /// the message as `git tag -s` does. A signed tag's message is given a
  /// final newline if it lacks one, so that the signature starts a line.
  public func createAnnotatedTag(
    name: String, target: ObjectID, tagger: Signature, message: String,
    createReference: Bool = false, sign: ((_ payload: [UInt8]) throws -> String)? = nil
  ) throws -> ObjectID {
    var valid: Int32 = 0
    try check("git_tag_name_is_valid", git_tag_name_is_valid(&valid, name))
    guard valid == 1 else {
      throw GitError.invalid(
        "Repository.createAnnotatedTag", "'\(name)' is not a valid tag name",
        code: GIT_EINVALIDSPEC)
    }
    guard let kind = try objectType(target) else {
      throw GitError.invalid(
        "Repository.createAnnotatedTag", "object \(target) not found", code: GIT_ENOTFOUND)
    }
    // libgit2 checks the identity (no "<", ">" or newlines, not empty) and trims it, as it does
    // for the author and committer of a commit.
    let tagger = try tagger.withSignature { Signature($0) }
    var text = """
      object \(target.hex)
      type \(kind.name)
      tag \(name)
      tagger \(tagger.name) <\(tagger.email)> \(tagger.time) \(tagger.formattedOffset)


      """
    text += message
    if let sign {
      if !text.hasSuffix("\n") { text += "\n" }
      text += try sign(Array(text.utf8))
    }
    let id = try writeObject(Array(text.utf8), kind: .tag)
    TestPause.at("tag.written")
    if createReference {
      try updateReference(
        name: "refs/tags/" + name, to: id, expected: nil, message: "tag: \(name)")
    }
    return id
  }

  /// Stores raw object contents of the given kind, as `git hash-object -w`
  /// does, without checking that they parse.
  public func writeObject(_ contents: [UInt8], kind: ObjectKind) throws -> ObjectID {
    var oid = git_oid()
    let odb = try objectDatabase
    try contents.withUnsafeBytes { buffer in
      try check(
        "git_odb_write",
        git_odb_write(&oid, odb.handle, buffer.baseAddress, buffer.count, kind.type))
    }
    return ObjectID(oid)
  }
}
