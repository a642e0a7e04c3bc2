import CLibGit2

// What sync and releases need beyond reading and writing objects.
extension GitError {
  /// A lock file is in the way: another writer holds the reference (or the index), or one died
  /// holding it. git's advice applies: if no git process is running, remove the `.lock` file.
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
}
