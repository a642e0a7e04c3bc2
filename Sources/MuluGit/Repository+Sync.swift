import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

// What sync and releases need beyond reading and writing objects.
extension GitError {
  /// A lock file is in the way: another writer holds the reference (or the index), or one died
  /// holding it. git's advice applies: if no git process is running, remove the `.lock` file.
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
}

extension Repository {
  /// Whether git has an operation in progress that stopped for the user: a merge, revert,
  /// cherry-pick, rebase, bisect or `git am` whose state files (`MERGE_HEAD`, `REVERT_HEAD`,
  /// `rebase-merge/`, ...) are in the git directory (`git_repository_state`).
  public var hasOperationInProgress: Bool {
    git_repository_state(handle) != Int32(GIT_REPOSITORY_STATE_NONE.rawValue)
  }
}

extension Repository {
  /// The git directory shared by all working trees of the repository, where references and
  /// their lock files live; the same as `path` except in a linked working tree.
  public var commonPath: String {
    let path = String(cString: git_repository_commondir(handle))
    return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }
}

extension Repository {
  /// The lock file of the reference `name` (a full name, "refs/heads/main"), when one is there.
  public func lockFile(ofReference name: String) -> LockFile? {
    let path = commonPath + "/" + name + ".lock"
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    let now = time(nil)
    return LockFile(path: path, age: max(0, Int(now - status.st_mtim.tv_sec)))
  }
}
