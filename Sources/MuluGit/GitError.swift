import CLibGit2

/// A failure reported by libgit2 (or by this layer, for conditions libgit2
/// does not check), naming the function that failed.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The C function (or, for checks made in Swift, the Swift method) that failed.
  public var function: String
  /// A `git_error_code` value: `GIT_ENOTFOUND`, `GIT_EEXISTS`, ...
  public var code: Int32
  /// A `git_error_t` value: the subsystem that reported the error.
  public var klass: Int32
  public var message: String

  public init(function: String, code: Int32, klass: Int32, message: String) {
    self.function = function
    self.code = code
    self.klass = klass
    self.message = message
  }

  public var description: String { "\(function): \(message)" }

  /// An object, reference, path or configuration key does not exist.
  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  /// A compare-and-swap update lost a race: the reference already exists,
  /// no longer has the expected value, or is locked by another writer.
  public var isConcurrentUpdate: Bool {
    code == GIT_EEXISTS.rawValue || code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue
  }
  /// A checkout would overwrite local changes in the index or working tree.
  public var isCheckoutConflict: Bool { code == GIT_ECONFLICT.rawValue }
  /// The repository belongs to another user and is not listed in git's
  /// `safe.directory` (see `GitLibrary.setOwnerValidation`).
  public var isNotOwned: Bool { code == GIT_EOWNER.rawValue }
  /// The operation needs a working tree and the repository is bare.
  public var isBareRepository: Bool { code == GIT_EBAREREPO.rawValue }
}

extension GitError {
  /// The error libgit2 recorded for this thread, read right after `function`
  /// returned `code`. The thread's error slot is cleared so that a later
  /// failure that sets no message cannot be blamed on this one.
  static func last(_ function: String, _ code: Int32) -> GitError {
    defer { git_error_clear() }
    guard let last = git_error_last(), let text = last.pointee.message else {
      return GitError(
        function: function, code: code, klass: 0,
        message: "failed with code \(code) and no message")
    }
    return GitError(
      function: function, code: code, klass: last.pointee.klass, message: String(cString: text))
  }

  /// An error for a condition this layer checks itself.
  static func invalid(_ function: String, _ message: String, code: git_error_code = GIT_EINVALID)
    -> GitError
  {
    GitError(
      function: function, code: code.rawValue, klass: Int32(GIT_ERROR_INVALID.rawValue),
      message: message)
  }
}

/// Throws the thread's libgit2 error unless `code` is zero.
@inline(__always)
func check(_ function: String, _ code: Int32) throws {
  if code != 0 { throw GitError.last(function, code) }
}

/// Runs a libgit2 call that returns `GIT_ENOTFOUND` for "absent": returns
/// false for that, true on success, and throws for every other failure.
@inline(__always)
func checkFound(_ function: String, _ code: Int32) throws -> Bool {
  if code == GIT_ENOTFOUND.rawValue {
    git_error_clear()
    return false
  }
  try check(function, code)
  return true
}
