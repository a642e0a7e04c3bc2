import CLibGit2

// References: reading and compare-and-swap updates.
extension Repository {
  /// The object a reference points to, following symbolic references
  /// ("HEAD" → "refs/heads/main" → id); nil when the reference does not
  /// exist or is a symbolic reference to a branch that has no commit yet.
  /// `name` is a full name ("HEAD", "refs/heads/main", "refs/tags/v1");
  /// for a tag this is the tag's own target, not peeled.
  public func referenceTarget(_ name: String) throws -> ObjectID? {
    var oid = git_oid()
    let code = git_reference_name_to_id(&oid, handle, name)
    guard try checkFound("git_reference_name_to_id", code) else { return nil }
    return ObjectID(oid)
  }

  /// The references whose full names match `glob` (wildcards "*", "?" and
  /// "[...]", where "*" also matches "/": "refs/tags/*", "refs/heads/*";
  /// a name without wildcards matches itself), sorted by name, each with its target
  /// resolved through symbolic references. For an annotated tag the target
  /// is the tag object. Symbolic references that lead nowhere are left out.
  public func references(matching glob: String) throws -> [(name: String, target: ObjectID)] {
    var iterator: OpaquePointer? = nil
    try check(
      "git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, glob))
    defer { git_reference_iterator_free(iterator) }
    var result: [(name: String, target: ObjectID)] = []
    while true {
      var name: UnsafePointer<CChar>? = nil
      let code = git_reference_next_name(&name, iterator)
      if code == GIT_ITEROVER.rawValue {
        git_error_clear()
        break
      }
      try check("git_reference_next_name", code)
      let fullName = String(cString: name!)
      if let target = try referenceTarget(fullName) {
        result.append((fullName, target))
      }
    }
    result.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    return result
  }

  /// The full name of the branch HEAD refers to ("refs/heads/main"), also
  /// when that branch has no commit yet; nil when HEAD is detached or
  /// missing.
  public var headReference: String? {
    var head: OpaquePointer? = nil
    guard git_reference_lookup(&head, handle, "HEAD") == 0 else {
      git_error_clear()
      return nil
    }
    defer { git_reference_free(head) }
    return git_reference_symbolic_target(head).map { String(cString: $0) }
  }

  /// Points the reference `name` (a full name, e.g. "refs/heads/main") at
  /// `target`, only if it still has the value the caller saw: `expected`
  /// nil means it must not exist yet. Otherwise the update fails with an
  /// error whose `isConcurrentUpdate` is true and nothing changes. The
  /// check and the write happen under git's lock file for the reference,
  /// so a concurrent `git push` or another `mulu` cannot slip in between.
  ///
  /// A symbolic reference is refused rather than overwritten: update the
  /// branch it names (see `headReference`). `message` goes to the reflog,
  /// when the repository keeps one for the reference.
  public func updateReference(
    name: String, to target: ObjectID, expected: ObjectID?, message: String
  ) throws {
    var existing: OpaquePointer? = nil
    let found = try checkFound(
      "git_reference_lookup", git_reference_lookup(&existing, handle, name))
    if found {
      defer { git_reference_free(existing) }
      if git_reference_type(existing) == GIT_REFERENCE_SYMBOLIC {
        throw GitError.invalid(
          "Repository.updateReference",
          "'\(name)' is a symbolic reference; update the reference it points to")
      }
    }
    TestPause.holdingLock(commonPath + "/" + name + ".lock", of: name)
    var reference: OpaquePointer? = nil
    var oid = target.oid
    if let expected {
      guard found else {
        throw GitError(
          function: "Repository.updateReference", code: GIT_EMODIFIED.rawValue,
          klass: Int32(GIT_ERROR_REFERENCE.rawValue),
          message: "reference '\(name)' does not exist; expected it at \(expected)")
      }
      var current = expected.oid
      try check(
        "git_reference_create_matching",
        git_reference_create_matching(&reference, handle, name, &oid, 1, &current, message))
    } else {
      try check(
        "git_reference_create", git_reference_create(&reference, handle, name, &oid, 0, message))
    }
    git_reference_free(reference)
  }

  /// Deletes the reference `name` only if it still points at `expected`.
  /// Fails with `isConcurrentUpdate` when it moved, and with `isNotFound`
  /// when it does not exist.
  public func deleteReference(name: String, expected: ObjectID) throws {
    var reference: OpaquePointer? = nil
    try check("git_reference_lookup", git_reference_lookup(&reference, handle, name))
    defer { git_reference_free(reference) }
    guard git_reference_type(reference) == GIT_REFERENCE_DIRECT,
      let current = git_reference_target(reference), ObjectID(current) == expected
    else {
      throw GitError(
        function: "Repository.deleteReference", code: GIT_EMODIFIED.rawValue,
        klass: Int32(GIT_ERROR_REFERENCE.rawValue),
        message: "reference '\(name)' does not point at \(expected)")
    }
    // libgit2 deletes under the reference's lock and only if it still has
    // the value read by the lookup above.
    try check("git_reference_delete", git_reference_delete(reference))
  }
}
