import CLibGit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Repository {
  /// Fetches from `url` (anything libgit2 can reach: a path, file://,
  /// https://, ssh:// or user@host:path) into this repository, updating the
  /// local references named by `refspecs` (e.g.
  /// "+refs/heads/main:refs/mulu/sources/ndrc"), without configuring a
  /// remote, following tags, pruning or recording anything in FETCH_HEAD
  /// (libgit2 1.5 may leave that file empty). `progress` is
  /// called on this thread as objects arrive. For SSH, the keys of a running
  /// ssh-agent are offered once. Returns the final transfer statistics.
  @discardableResult
  public func fetch(
    url: String, refspecs: [String], progress: ((FetchProgress) -> Void)? = nil
  ) throws -> FetchProgress {
    guard !refspecs.isEmpty else {
      throw GitError.invalid("Repository.fetch", "no refspec: nothing would be fetched")
    }
    var remote: OpaquePointer? = nil
    try check("git_remote_create_anonymous", git_remote_create_anonymous(&remote, handle, url))
    defer { git_remote_free(remote) }

    var options = git_fetch_options()
    try check(
      "git_fetch_options_init",
      git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)))
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.prune = GIT_FETCH_NO_PRUNE
    options.update_fetchhead = 0
    let context = FetchContext(progress: progress)
    options.callbacks.payload = Unmanaged.passUnretained(context).toOpaque()
    options.callbacks.transfer_progress = { stats, payload in
      guard let stats, let payload else { return 0 }
      let context = Unmanaged<FetchContext>.fromOpaque(payload).takeUnretainedValue()
      context.progress?(FetchProgress(stats.pointee))
      return 0
    }
    options.callbacks.credentials = { credential, _, username, allowed, payload in
      guard let payload else { return GIT_PASSTHROUGH.rawValue }
      let context = Unmanaged<FetchContext>.fromOpaque(payload).takeUnretainedValue()
      guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0, !context.triedAgent else {
        return GIT_PASSTHROUGH.rawValue
      }
      context.triedAgent = true
      if let username { return git_credential_ssh_key_from_agent(credential, username) }
      return git_credential_ssh_key_from_agent(credential, "git")
    }

    try withExtendedLifetime(context) {
      try MuluGit.withStringArray(refspecs) { array in
        try check("git_remote_fetch", git_remote_fetch(remote, &array, &options, nil))
      }
    }
    return FetchProgress(git_remote_stats(remote).pointee)
  }
}

/// State shared with the C callbacks of one fetch.
private final class FetchContext {
  let progress: ((FetchProgress) -> Void)?
  var triedAgent = false

  init(progress: ((FetchProgress) -> Void)?) {
    self.progress = progress
  }
}

/// Calls `body` with `strings` as a `git_strarray` whose C strings live for
/// the duration of the call.
func withStringArray<Result>(
  _ strings: [String], _ body: (inout git_strarray) throws -> Result
) rethrows -> Result {
  var pointers = strings.map { strdup($0) }
  defer { pointers.forEach { free($0) } }
  return try pointers.withUnsafeMutableBufferPointer { buffer in
    var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
    return try body(&array)
  }
}
