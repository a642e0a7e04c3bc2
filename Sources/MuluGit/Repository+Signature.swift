import CLibGit2

extension Repository {
  /// The signature in the header of commit `id` and the data it signs, or
  /// nil for an unsigned commit. Read from the raw object: libgit2 1.5's
  /// `git_commit_extract_signature` can also pick up a "gpgsig" line from
  /// the message, which anyone can write without a key.
  public func commitSignature(_ id: ObjectID) throws -> CommitSignature? {
    CommitSignature.parse(commit: try rawObject(id, kind: .commit))
  }

  /// The stored contents of an object (without git's "type size" prefix),
  /// checked to be of `kind`.
  public func rawObject(_ id: ObjectID, kind: ObjectKind) throws -> [UInt8] {
    var object: OpaquePointer? = nil
    let odb = try objectDatabase
    try id.withOID { try check("git_odb_read", git_odb_read(&object, odb.handle, $0)) }
    defer { git_odb_object_free(object) }
    guard git_odb_object_type(object) == kind.type else {
      throw GitError.invalid(
        "Repository.rawObject", "object \(id) is not a \(kind.name)", code: GIT_ENOTFOUND)
    }
    let size = git_odb_object_size(object)
    return Array(UnsafeRawBufferPointer(start: git_odb_object_data(object), count: size))
  }
}
