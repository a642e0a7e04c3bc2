import CLibGit2
import Foundation

/// An open git repository: the one owner of a `git_repository` handle.
///
/// Thread safety: a `Repository` may be handed from one thread to another,
/// but must not be used by two threads at the same time (libgit2 shares
/// caches and file handles inside one handle). Give each concurrent worker
/// its own handle with `reopen()`; handles to one repository never interfere,
/// and every value this type returns is a plain Swift value that can be
/// shared freely.
public final class Repository: @unchecked Sendable {
  /// The `git_repository *` this object owns.
  let handle: OpaquePointer
  /// What was applied on top of the on-disk repository when it was opened
  /// (from git's environment variables); `reopen()` applies it again.
  private let overrides: Overrides
  /// The object database, obtained on first use.
  private var cachedObjectDatabase: ObjectDatabase?
  /// The commits where a shallow clone's history stops, read on first use.
  var cachedShallowBoundary: Set<ObjectID>?
  /// Trees read as raw bytes, shared by this handle and those `reopen()` makes.
  let rawTrees: RawTreeCache

  private init(handle: OpaquePointer, overrides: Overrides, rawTrees: RawTreeCache) {
    self.handle = handle
    self.overrides = overrides
    self.rawTrees = rawTrees
  }

  deinit {
    git_repository_free(handle)
  }

  // MARK: Opening

  /// Opens the repository at `path`: a bare repository, a `.git` directory,
  /// or the root of a working tree. Does not search parent directories and
  /// ignores git's environment variables.
  public static func open(at path: String) throws -> Repository {
    try open(path, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, ceilings: nil, Overrides())
  }

  /// Opens the repository containing `path`, searching upwards as git does
  /// (without crossing file systems).
  public static func discover(from path: String) throws -> Repository {
    try open(path, flags: 0, ceilings: nil, Overrides())
  }

  /// Opens the repository the way git describes it to hooks and to commands
  /// it runs: `GIT_DIR` (no search when set, else search from the current
  /// directory bounded by `GIT_CEILING_DIRECTORIES` and
  /// `GIT_DISCOVERY_ACROSS_FILESYSTEM`), `GIT_OBJECT_DIRECTORY`,
  /// `GIT_ALTERNATE_OBJECT_DIRECTORIES` (so that a pre-receive hook sees the
  /// quarantined objects of the push), `GIT_INDEX_FILE`, `GIT_NAMESPACE` and
  /// `GIT_WORK_TREE`. Empty values count as unset; `GIT_COMMON_DIR` is
  /// refused.
  ///
  /// The variables are read from `environment` and relative paths taken
  /// from `currentDirectory` (by default this process's); nothing is written
  /// to the process environment, so this is safe to call concurrently with
  /// anything.
  public static func openFromEnvironment(
    _ environment: [String: String],
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) throws -> Repository {
    func value(_ key: String) -> String? {
      guard let value = environment[key], !value.isEmpty else { return nil }
      return value
    }
    func absolute(_ path: String) -> String {
      path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }
    if value("GIT_COMMON_DIR") != nil {
      throw GitError.invalid(
        "Repository.openFromEnvironment", "GIT_COMMON_DIR is set, and is not supported")
    }
    var flags: UInt32 = 0
    var start = currentDirectory
    if let gitDir = value("GIT_DIR") {
      start = absolute(gitDir)
      flags |= GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
    }
    if let across = value("GIT_DISCOVERY_ACROSS_FILESYSTEM"),
      ["1", "true", "yes", "on"].contains(across.lowercased())
    {
      flags |= GIT_REPOSITORY_OPEN_CROSS_FS.rawValue
    }
    let overrides = Overrides(
      objectDirectory: value("GIT_OBJECT_DIRECTORY").map(absolute),
      alternates: value("GIT_ALTERNATE_OBJECT_DIRECTORIES").map(parseAlternates)?.map(absolute)
        ?? [],
      indexFile: value("GIT_INDEX_FILE").map(absolute),
      namespace: value("GIT_NAMESPACE"),
      workTree: value("GIT_WORK_TREE").map(absolute))
    return try open(
      start, flags: flags, ceilings: value("GIT_CEILING_DIRECTORIES"), overrides)
  }

  /// An independent handle to the same repository, with the same object
  /// directories, index, namespace and working tree, for use on another
  /// thread.
  public func reopen() throws -> Repository {
    try Repository.open(
      path,
      flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue,
      ceilings: nil, overrides, rawTrees: rawTrees)
  }

  /// Opens as git would: a repository of another user is refused, unless git's `safe.directory`
  /// names it (libgit2 checks that) or is `*` (which libgit2 1.5 does not know: then the check is
  /// turned off for the whole process, as `*` makes every repository safe).
  private static func open(
    _ path: String, flags: UInt32, ceilings: String?, _ overrides: Overrides, rawTrees: RawTreeCache = RawTreeCache()
  ) throws -> Repository {
    do {
      return try openChecked(path, flags: flags, ceilings: ceilings, overrides, rawTrees: rawTrees)
    } catch let error as GitError where error.isNotOwned && SafeDirectory.allowsEveryRepository() {
      try GitLibrary.setOwnerValidation(false)
      return try openChecked(path, flags: flags, ceilings: ceilings, overrides, rawTrees: rawTrees)
    }
  }

  private static func openChecked(
    _ path: String, flags: UInt32, ceilings: String?, _ overrides: Overrides, rawTrees: RawTreeCache
  ) throws -> Repository {
    GitLibrary.ensureInitialized()
    var pointer: OpaquePointer? = nil
    let code = git_repository_open_ext(&pointer, path, flags, ceilings)
    if code != 0 {
      let error = GitError.last("git_repository_open_ext", code)
      // libgit2 1.5.1 reports a repository of another user, when no
      // safe.directory is configured at all, as the missing configuration
      // value rather than as GIT_EOWNER.
      if error.isNotFound && error.message.contains("safe.directory") {
        throw GitError(
          function: error.function, code: GIT_EOWNER.rawValue, klass: error.klass,
          message: "repository at '\(path)' is not owned by the current user"
            + " and git's safe.directory does not list it")
      }
      throw error
    }
    // Owned from here on: freed by deinit even if applying the overrides fails.
    let repository = Repository(handle: pointer!, overrides: overrides, rawTrees: rawTrees)
    try overrides.apply(to: repository.handle)
    return repository
  }

  // MARK: Properties

  /// The git directory (for a bare repository, the repository itself),
  /// without a trailing slash.
  public var path: String {
    Repository.trimmingSlash(String(cString: git_repository_path(handle)))
  }

  /// The object directories whose loose objects `LooseObject` reads: git's environment's
  /// (`GIT_OBJECT_DIRECTORY`, then `GIT_ALTERNATE_OBJECT_DIRECTORIES`: a hook's quarantine,
  /// then the repository's), else the repository's own. Objects elsewhere (packs, alternates
  /// listed in `objects/info/alternates`) are read by libgit2.
  var looseObjectFolders: [String] {
    [overrides.objectDirectory ?? commonPath + "/objects"] + overrides.alternates
  }

  /// The root of the working tree, without a trailing slash; nil when bare.
  public var workdir: String? {
    git_repository_workdir(handle).map { Repository.trimmingSlash(String(cString: $0)) }
  }

  public var isBare: Bool { git_repository_is_bare(handle) == 1 }

  /// The object database, shared by all calls on this handle.
  var objectDatabase: ObjectDatabase {
    get throws {
      if let cached = cachedObjectDatabase { return cached }
      var odb: OpaquePointer? = nil
      try check("git_repository_odb", git_repository_odb(&odb, handle))
      let database = ObjectDatabase(handle: odb!)
      cachedObjectDatabase = database
      return database
    }
  }

  // MARK: Helpers

  static func trimmingSlash(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }

  /// Splits `GIT_ALTERNATE_OBJECT_DIRECTORIES` as git does: entries are
  /// separated by ":", and an entry that starts with a double quote is a
  /// C-style quoted string (git quotes paths that contain ":").
  static func parseAlternates(_ value: String) -> [String] {
    var entries: [String] = []
    var bytes = Array(value.utf8)[...]
    while !bytes.isEmpty {
      var entry: [UInt8] = []
      if bytes.first == UInt8(ascii: "\"") {
        bytes = bytes.dropFirst()
        while let byte = bytes.popFirst(), byte != UInt8(ascii: "\"") {
          guard byte == UInt8(ascii: "\\"), let escaped = bytes.popFirst() else {
            entry.append(byte)
            continue
          }
          switch escaped {
          case UInt8(ascii: "a"): entry.append(0x07)
          case UInt8(ascii: "b"): entry.append(0x08)
          case UInt8(ascii: "f"): entry.append(0x0c)
          case UInt8(ascii: "n"): entry.append(0x0a)
          case UInt8(ascii: "r"): entry.append(0x0d)
          case UInt8(ascii: "t"): entry.append(0x09)
          case UInt8(ascii: "v"): entry.append(0x0b)
          case UInt8(ascii: "0")...UInt8(ascii: "3"):
            var code = UInt32(escaped - UInt8(ascii: "0"))
            for _ in 0..<2 {
              guard let digit = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit)
              else { break }
              code = code * 8 + UInt32(digit - UInt8(ascii: "0"))
              bytes = bytes.dropFirst()
            }
            entry.append(UInt8(truncatingIfNeeded: code))
          default: entry.append(escaped)
          }
        }
        // Anything between the closing quote and the next separator is
        // dropped, as git does.
        while let byte = bytes.popFirst(), byte != UInt8(ascii: ":") {}
      } else {
        while let byte = bytes.popFirst(), byte != UInt8(ascii: ":") { entry.append(byte) }
      }
      if !entry.isEmpty { entries.append(String(decoding: entry, as: UTF8.self)) }
    }
    return entries
  }
}

/// Repository settings taken from git's environment variables, applied after
/// the repository is opened from disk.
private struct Overrides: Sendable {
  var objectDirectory: String? = nil
  var alternates: [String] = []
  var indexFile: String? = nil
  var namespace: String? = nil
  var workTree: String? = nil

  func apply(to repository: OpaquePointer) throws {
    if let objectDirectory {
      var odb: OpaquePointer? = nil
      try check("git_odb_open", git_odb_open(&odb, objectDirectory))
      defer { git_odb_free(odb) }
      try check("git_repository_set_odb", git_repository_set_odb(repository, odb))
    }
    if !alternates.isEmpty {
      var odb: OpaquePointer? = nil
      try check("git_repository_odb", git_repository_odb(&odb, repository))
      defer { git_odb_free(odb) }
      for alternate in alternates {
        try check("git_odb_add_disk_alternate", git_odb_add_disk_alternate(odb, alternate))
      }
    }
    if let indexFile {
      var index: OpaquePointer? = nil
      try check("git_index_open", git_index_open(&index, indexFile))
      defer { git_index_free(index) }
      try check("git_repository_set_index", git_repository_set_index(repository, index))
    }
    if let namespace {
      try check("git_repository_set_namespace", git_repository_set_namespace(repository, namespace))
    }
    if let workTree {
      try check("git_repository_set_workdir", git_repository_set_workdir(repository, workTree, 0))
    }
  }
}
