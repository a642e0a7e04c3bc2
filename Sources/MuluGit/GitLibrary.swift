import CLibGit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Process-wide libgit2 state.
public enum GitLibrary {
  /// Initialised on first use, exactly once, by the Swift runtime's lazy
  /// global initialisation (which is thread-safe). libgit2 is never shut
  /// down: its global state lives as long as the process.
  private static let initialized: Void = {
    git_libgit2_init()
    // Objects are addressed by their hash already; re-hashing every object
    // read costs a large share of the time spent reading blobs.
    _ = mulu_git_set_strict_hash_verification(0)
    // A provider folder of a national registry is a tree of thousands of entries (a few
    // hundred KB), looked up once per path in it: keep trees up to 16 MB in the object cache
    // (libgit2 keeps none over 4 KB by default), and the cache under 32 MB (not 256 MB): a
    // diff of two registries reads each of their folders once.
    _ = mulu_git_set_cache_object_limit(GIT_OBJECT_TREE, 16 << 20)
    _ = mulu_git_set_cache_max_size(32 << 20)
  }()

  /// Sets up libgit2 for a process whose environment is `environment`, once, before it opens
  /// any repository: git's configuration variables (below) and the test-only pauses of
  /// `TestPause`. A program that never calls this reads git's configuration files as libgit2
  /// finds them, and never pauses.
  public static func configure(environment: [String: String]) {
    ensureInitialized()
    honourConfigVariables(environment)
    TestPause.configure(environment: environment)
  }

  /// git's `GIT_CONFIG_NOSYSTEM` and `GIT_CONFIG_GLOBAL`, which libgit2 1.5 does not read: the
  /// system file is not read when the first is true; the second names the global file instead
  /// of `~/.gitconfig` and `$XDG_CONFIG_HOME/git/config`. libgit2 finds a global file only as
  /// `.gitconfig` in a folder, so a file of another name is honoured as "no global file" only
  /// when it is `/dev/null` or empty, as tests and CI write it; other names leave the default.
  private static func honourConfigVariables(_ environment: [String: String]) {
    if let value = environment["GIT_CONFIG_NOSYSTEM"], ["1", "true", "yes", "on"].contains(value.lowercased()) {
      _ = mulu_git_set_search_path(GIT_CONFIG_LEVEL_SYSTEM, "")
    }
    guard let global = environment["GIT_CONFIG_GLOBAL"] else { return }
    let folder: String
    if global.isEmpty || global == "/dev/null" {
      folder = ""
    } else if global.hasSuffix("/.gitconfig") {
      folder = String(global.dropLast("/.gitconfig".count))
    } else {
      return
    }
    _ = mulu_git_set_search_path(GIT_CONFIG_LEVEL_GLOBAL, folder)
    _ = mulu_git_set_search_path(GIT_CONFIG_LEVEL_XDG, "")
  }

  /// Makes sure libgit2 is initialised. Every entry point that creates a
  /// handle calls this first.
  @inline(__always)
  static func ensureInitialized() { _ = initialized }

  /// The libgit2 version this process runs with, e.g. "1.5.1".
  public static var version: String {
    ensureInitialized()
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
  }

  /// Whether libgit2 was built with thread support, which separate handles
  /// on separate threads rely on (Debian's and most builds have it).
  public static var isThreadSafe: Bool {
    ensureInitialized()
    return git_libgit2_features() & Int32(GIT_FEATURE_THREADS.rawValue) != 0
  }

  /// Turns libgit2's check that a repository belongs to the current user
  /// (git's `safe.directory`) on or off for the whole process. It is on by
  /// default, as in git.
  public static func setOwnerValidation(_ enabled: Bool) throws {
    ensureInitialized()
    try check(
      "git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION)",
      mulu_git_set_owner_validation(enabled ? 1 : 0))
  }
}
