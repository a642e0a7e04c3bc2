import CLibGit2

/// git's `safe.directory`, where libgit2 1.5 reads less of it than git does.
///
/// libgit2 1.5 accepts a repository of another user when the setting names it exactly, but not
/// when it is `*`, which git (2.35.2 and later) takes for "every repository". Git reads the
/// setting only from the system and the user's files (never from a repository's own), in that
/// order, and an empty value clears what came before it.
enum SafeDirectory {
  /// Whether git's own settings make every repository safe: the last `*` of `safe.directory`
  /// in the system, XDG and global files is not followed by an empty value.
  static func allowsEveryRepository() -> Bool {
    GitLibrary.ensureInitialized()
    var defaults: OpaquePointer? = nil
    guard git_config_open_default(&defaults) == 0, let defaults else {
      git_error_clear()
      return false
    }
    defer { git_config_free(defaults) }
    var allowed = false
    for level in [GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL] {
      for value in values(of: "safe.directory", in: defaults, level: level) {
        if value.isEmpty { allowed = false } else if value == "*" { allowed = true }
      }
    }
    return allowed
  }

  /// Every value of a multi-valued key in one file of the configuration, in the file's order;
  /// none when the file or the key is absent or unreadable.
  private static func values(of key: String, in config: OpaquePointer, level: git_config_level_t) -> [String] {
    var file: OpaquePointer? = nil
    guard git_config_open_level(&file, config, level) == 0, let file else {
      git_error_clear()
      return []
    }
    defer { git_config_free(file) }
    var iterator: OpaquePointer? = nil
    guard git_config_multivar_iterator_new(&iterator, file, key, nil) == 0, let iterator else {
      git_error_clear()
      return []
    }
    defer { git_config_iterator_free(iterator) }
    var result: [String] = []
    var entry: UnsafeMutablePointer<git_config_entry>? = nil
    while git_config_next(&entry, iterator) == 0, let entry {
      result.append(entry.pointee.value.map { String(cString: $0) } ?? "")
    }
    git_error_clear()
    return result
  }
}
