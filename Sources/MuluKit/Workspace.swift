#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit

/// Where a command works: the registry folder found from a starting directory, and its Git repository.
public struct Workspace: Sendable {
  /// The folder that holds `registry.yaml` (a work tree), or the repository itself when bare.
  public var root: String
  /// The directory the command started in, for paths the user gives.
  public var start: String

  /// A failure to find or read what the user named (exit code 2).
  public enum Failure: UserFacingError, Sendable, Equatable {
    case notARegistry(String)
    case notARepository(String)
    case notOwned(String)
    /// A revision that names nothing here.
    case unknownRevision(String)
    /// A revision that names a tree or a blob.
    case notACommit(String)
    /// A revision before the first commit a shallow clone has.
    case beyondShallowHistory(String)
    /// A command that needs the whole history (the last sync, the previous release, a merge
    /// base), run in a shallow clone.
    case shallowClone
    case noSuchPath(String)
    case unreadable(String, String)

    public var message: LocalizedText {
      switch self {
      case .notARegistry(let path):
        return CatalogError.notARegistry(path).message
      case .notARepository(let path):
        return LocalizedText(zh: "\(path) 不在 Git 仓库中", en: "\(path) is not in a Git repository")
      case .notOwned(let path):
        return LocalizedText(
          zh: "\(path) 的 Git 仓库属于另一个用户，git 的 safe.directory 没有列出它（git config --global --add safe.directory 仓库路径）",
          en: "the Git repository of \(path) belongs to another user and git's safe.directory does not list it"
            + " (git config --global --add safe.directory REPOSITORY)")
      case .unknownRevision(let revision):
        return LocalizedText(zh: "没有这个版本：\(revision.oneLine)", en: "no such revision: \(revision.oneLine)")
      case .notACommit(let revision):
        return LocalizedText(
          zh: "“\(revision.oneLine)”不是提交（它指向目录树或文件）", en: "\(revision.oneLine) is not a commit (it names a tree or a file)")
      case .beyondShallowHistory(let revision):
        return LocalizedText(
          zh: "\(revision.oneLine) 早于这个浅克隆的历史（git clone --depth）；git fetch --unshallow 可取回完整历史",
          en: "\(revision.oneLine) is older than the history of this shallow clone (git clone --depth);"
            + " git fetch --unshallow fetches the rest")
      case .shallowClone:
        return LocalizedText(
          zh: "这是浅克隆（git clone --depth），而这个命令需要完整的历史（上次同步、上一个发布、合并基准可能都在它之外）；先运行 git fetch --unshallow --tags",
          en: "this is a shallow clone (git clone --depth), and this command needs the whole history (the last sync, the previous"
            + " release and the merge base may lie beyond it); run git fetch --unshallow --tags first")
      case .noSuchPath(let path):
        return LocalizedText(zh: "目录库中没有 \(path)", en: "\(path) is not in the registry")
      case .unreadable(let path, let reason):
        return CatalogError.unreadable(path: path, reason: reason).message
      }
    }
  }

  /// Finds the registry from `directory`: the nearest folder upward with a `registry.yaml`,
  /// else `directory` itself (a bare repository, or a revision that has one).
  public init(from directory: String) throws(Failure) {
    let absolute = Workspace.absolute(directory)
    var isDirectory = stat()
    guard stat(absolute, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR else {
      throw .unreadable(directory, "not a directory")
    }
    start = absolute
    root = absolute
    var candidate = absolute
    while true {
      if access(candidate + "/registry.yaml", F_OK) == 0 {
        root = candidate
        break
      }
      if access(candidate + "/.git", F_OK) == 0 || candidate == "/" {
        if let configured = Workspace.configuredRegistry(from: absolute) { root = configured }
        break
      }
      candidate = Workspace.parent(of: candidate)
    }
  }

  /// The working tree's files. In a Git working tree, files that git ignores and does not
  /// track (an editor's swap file, `.DS_Store`) are not part of it, as they are not part of
  /// any commit; every file the layout has a place for is, ignored or not. With `stamped`, each
  /// file's stat data is kept too.
  public func workingTree(stamped: Bool = false) throws(Failure) -> DirectorySnapshot {
    try readingWorkingTree {
      try withSparseCheckout(DirectorySnapshot(root: root, leavingOut: ignoredPaths(), stamped: stamped))
    }
  }

  /// What `read` reads of the working tree of a registry; what keeps it from reading, as a
  /// `Failure` (no registry.yaml, a file or folder that cannot be read).
  func readingWorkingTree<Result>(_ read: () throws -> Result) throws(Failure) -> Result {
    guard access(root + "/registry.yaml", F_OK) == 0 else { throw .notARegistry(root) }
    do {
      return try read()
    } catch SnapshotError.unreadable(let path, let reason) {
      throw .unreadable(path, reason)
    } catch SnapshotError.notADirectory(let path) {
      throw .unreadable(path, "not a directory")
    } catch {
      throw .unreadable(root, error.message)
    }
  }

  /// Where the registry is in `repository`'s working tree, as a prefix of its paths: "" at
  /// the top, "folder/" below it; nil when the registry is not in that working tree (a bare
  /// repository, or a registry outside it).
  public func workingTreePrefix(in repository: Repository) -> String? {
    guard let workdir = repository.workdir.map(Workspace.real) else { return nil }
    let registry = Workspace.real(root)
    if registry == workdir { return "" }
    guard registry.hasPrefix(workdir + "/") else { return nil }
    return String(registry.dropFirst(workdir.count + 1)) + "/"
  }

  /// The working tree with the files a sparse checkout (`git sparse-checkout set
  /// catalogs/<code>`) leaves out, read from the index, where they still are: the
  /// dictionaries and the other departments' resources that the rules need.
  private func withSparseCheckout(_ snapshot: DirectorySnapshot) -> DirectorySnapshot {
    guard let repository = try? Repository.discover(from: root), let prefix = workingTreePrefix(in: repository),
      let skipped = try? repository.skippedIndexEntries(), !skipped.isEmpty
    else { return snapshot }
    let entries = skipped.compactMap { entry -> SnapshotEntry? in
      guard entry.path.hasPrefix(prefix) else { return nil }
      let path = String(entry.path.dropFirst(prefix.count))
      // A file the user put back on disk is read from there.
      guard access(root + "/" + path, F_OK) != 0 else { return nil }
      return SnapshotEntry(path: path, kind: EntryKind(entry.mode), contentID: entry.id.hex)
    }
    let pool = RepositoryPool(repository)
    return snapshot.adding(notCheckedOut: entries) { entry in
      guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
        throw SnapshotError.unreadable(path: entry.path, reason: "no object id")
      }
      return try pool.withRepository { try $0.blob(id) }
    }
  }

  /// What git ignores of the registry's files and folders, asked only about those the layout
  /// has no place for (a few, where 470,000 resource files are not asked about); nil outside
  /// a working tree.
  func ignoredPaths() -> ((String, Bool) throws -> Bool)? {
    guard let repository = try? Repository.discover(from: root), let prefix = workingTreePrefix(in: repository)
    else { return nil }
    return { path, isFolder in
      if isFolder {
        // dictionaries/, catalogs/ and catalogs/<provider-code>/.
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path == "dictionaries" || parts.first == "catalogs" && parts.count <= 2 { return false }
      } else {
        guard case .outside = TreeLayout.role(of: path) else { return false }
      }
      return try repository.isIgnoredAndUntracked(prefix + path, isFolder: isFolder)
    }
  }

  /// The repository the registry is kept in.
  public func repository() throws(Failure) -> Repository {
    do {
      return try Repository.discover(from: root)
    } catch let error as GitError where error.isNotOwned {
      throw .notOwned(root)
    } catch {
      throw .notARepository(root)
    }
  }

  /// The repository, refused when it is a shallow clone: for a command that needs its whole
  /// history, and would otherwise take a missing past for an empty one.
  public func repositoryWithHistory() throws(Failure) -> Repository {
    let repository = try repository()
    if repository.isShallow { throw .shallowClone }
    return repository
  }

  /// The files of a revision.
  public func snapshot(at revision: String) throws(Failure) -> GitSnapshot {
    let (_, snapshot) = try unlistedSnapshot(at: revision)
    do {
      try snapshot.list()
    } catch {
      throw .unreadable(revision, error.message)
    }
    return snapshot
  }

  /// A path the user gave (relative to where the command started), as a registry path.
  /// Folders end in "/".
  public func registryPath(_ userPath: String) -> String? {
    var full = Workspace.normalize(userPath.hasPrefix("/") ? userPath : start + "/" + userPath)
    let isFolder = userPath.hasSuffix("/") || Workspace.isDirectory(full)
    if full == root { return "" }
    guard full.hasPrefix(root + "/") else { return nil }
    full.removeFirst(root.count + 1)
    return isFolder ? full + "/" : full
  }

  /// A registry path as a path that works from the process's current directory (where the
  /// user's shell is): relative when the registry is below or beside it, else absolute.
  public func pathFromCurrentDirectory(_ registryPath: String) -> String {
    let target = Workspace.normalize(root + "/" + registryPath)
    let here = Workspace.absolute(".")
    if here == "/" { return target }
    let from = here.split(separator: "/")
    let to = target.split(separator: "/")
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    // Up to two levels of "../"; beyond that the absolute path reads better.
    guard common > 0, from.count - common <= 2 else { return target }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...].map(String.init)).joined(separator: "/")
  }

  /// The path with symbolic links resolved (itself when it cannot be).
  static func real(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let cwd = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
    return normalize(cwd + "/" + path)
  }

  /// Removes `.`, `..` and repeated slashes, without touching the file system.
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { _ = parts.popLast(); continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }
}

extension Workspace.Failure {
  /// Why `revision` does not name a commit of `repository`, in the user's words, not
  /// libgit2's: nothing by that name; a tree or a blob; or, in a shallow clone, an ancestor
  /// of a commit it has (`HEAD~3`) that it does not have.
  public static func revision(_ revision: String, _ error: any Error, in repository: Repository) -> Workspace.Failure {
    if let error = error as? GitError, error.function == "git_object_peel" { return .notACommit(revision) }
    if repository.isShallow, let end = revision.firstIndex(where: { $0 == "~" || $0 == "^" }),
      (try? repository.resolveCommit(String(revision[..<end]))) != nil
    {
      return .beyondShallowHistory(revision)
    }
    return .unknownRevision(revision)
  }
}

extension Error {
  /// The text of a Git or catalog failure, for a message.
  var message: String {
    if let git = self as? GitError { return git.message }
    return "\(self)"
  }
}

extension Workspace {
  static func isEmptyDirectory(_ path: String) -> Bool {
    guard let handle = opendir(path) else { return false }
    defer { closedir(handle) }
    while let item = readdir(handle) {
      let name = withUnsafePointer(to: item.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { return false }
    }
    return true
  }
}
