import CLibGit2

// Configuration.
extension Repository {
  /// The value of a configuration key ("core.bare", "user.name",
  /// "mulu.section.key") as git sees it (repository, user and system
  /// files), or nil when it is not set.
  public func config(_ key: String) throws -> String? {
    try withConfig { config in
      var buffer = git_buf()
      defer { git_buf_dispose(&buffer) }
      let code = git_config_get_string_buf(&buffer, config, key)
      guard try checkFound("git_config_get_string_buf", code) else { return nil }
      return String(cString: buffer.ptr)
    }
  }

  /// Sets a key in the repository's own configuration file.
  public func setConfig(_ key: String, _ value: String) throws {
    try withConfig { config in
      try check("git_config_set_string", git_config_set_string(config, key, value))
    }
  }

  /// The author/committer identity from the configuration (`user.name`,
  /// `user.email`) with the current time.
  public func defaultSignature() throws -> Signature {
    var signature: UnsafeMutablePointer<git_signature>? = nil
    try check("git_signature_default", git_signature_default(&signature, handle))
    defer { git_signature_free(signature) }
    return Signature(signature!)
  }

  private func withConfig<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    var config: OpaquePointer? = nil
    try check("git_repository_config", git_repository_config(&config, handle))
    defer { git_config_free(config) }
    return try body(config!)
  }
}

