import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// `mulu hooks install`: writes the hook shims, small POSIX sh scripts that run the `mulu`
/// that installed them. Their text is that of the project's `hooks/` folder, `@MULU@`
/// standing for the absolute path of `mulu`.
public enum HookInstaller {
  public enum Kind: String, Sendable, CaseIterable {
    case preReceive = "pre-receive"
    case preCommit = "pre-commit"

    /// The shim's text, as in `hooks/<name>`.
    public var template: String {
      switch self {
      case .preReceive:
        return """
          #!/bin/sh
          # mulu pre-receive hook: judges every push to this catalog registry (政务信息资源目录)
          # against access.yaml and the catalog rules, and rejects it on any error, its own included.
          # Written by `mulu hooks install --server`; run that again after moving mulu.
          exec '@MULU@' hook pre-receive

          """
      case .preCommit:
        return """
          #!/bin/sh
          # mulu pre-commit hook: validates the staged catalog files (政务信息资源目录) before each commit.
          # Written by `mulu hooks install --client`; run that again after moving mulu.
          exec '@MULU@' hook pre-commit

          """
      }
    }
  }

  static let placeholder = "@MULU@"

  /// The shim running `mulu` (an absolute path), quoted for sh.
  public static func script(_ kind: Kind, mulu: String) -> String {
    let quoted = mulu.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
    return kind.template.replacingFirst(placeholder, with: quoted)
  }

  /// Whether a hook file is one of mulu's shims (for any path of `mulu`).
  public static func isOwn(_ text: String, _ kind: Kind) -> Bool {
    let parts = kind.template.split(separator: placeholder, maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    return text.hasPrefix(parts[0]) && text.hasSuffix(parts[1]) && text.utf8.count > parts[0].utf8.count + parts[1].utf8.count
  }

  /// What an installation did.
  public struct Installed: Sendable, Equatable {
    public var path: String
    public enum Outcome: Sendable, Equatable {
      case created
      /// mulu's shim was there, and is now written anew.
      case updated
      /// Another hook was there, and `force` replaced it.
      case replacedForeign
    }
    public var outcome: Outcome
    /// For a server: the large trees of its HEAD for the hook's cache (`PreReceive.treeStore`),
    /// how many and their bytes, where, and whether they could be written; nil when it has no commit.
    public var keptTrees: KeptTrees? = nil
    /// For a server: `core.looseCompression` as the install left it.
    public var looseCompression: LooseCompression? = nil
  }

  /// A server's `core.looseCompression`, and whether the install set it (else it was set before).
  public struct LooseCompression: Sendable, Equatable {
    public var value: String
    public var set: Bool
    /// Whether git accepts the value: a level from -1 to 9 (git refuses to write objects otherwise).
    public var isLevel: Bool { Int(value.trimmingCharacters(in: .whitespaces)).map { (-1...9).contains($0) } ?? false }
  }

  public struct KeptTrees: Sendable, Equatable {
    public var count: Int
    public var bytes: Int
    public var folder: String
    /// False when the folder cannot be written by this user: the hook then reads the trees
    /// from git, and keeps them itself only if it runs as another user who can.
    public var written: Bool
  }

  /// A failure to install (exit code 2).
  public enum Failure: UserFacingError, Sendable, Equatable {
    case notARepository(String, String)
    case foreignHook(String)
    case cannotWrite(String, String)
    /// No registry.yaml in the folder given, above it, or where `mulu.registry` says.
    case noRegistry(String)
    /// `mulu.registry` names a folder: the server hook judges registries at the root only.
    case registryBelowRoot(String)

    public var message: LocalizedText {
      switch self {
      case .registryBelowRoot(let prefix):
        return RegistryFolder.notAtRoot(prefix, for: RegistryFolder.serverHook)
      case .noRegistry(let path):
        return LocalizedText(
          zh: "\(path) 及其上级文件夹中没有 registry.yaml：请在目录库所在的文件夹中运行，或用 git config \(RegistryFolder.configKey) 文件夹 指明；否则钩子会拒绝每一次提交",
          en: "no registry.yaml in \(path) or above: run this in the registry's folder, or name it with"
            + " git config \(RegistryFolder.configKey) FOLDER; otherwise the hook would refuse every commit")
      case .notARepository(let path, let reason):
        return LocalizedText(zh: "\(path) 不是 Git 仓库：\(reason)", en: "\(path) is not a Git repository: \(reason)")
      case .foreignHook(let path):
        return LocalizedText(
          zh: "\(path) 已有另一个钩子，未覆盖；请先合并或移走它，或用 --force 替换",
          en: "\(path) holds another hook and was left alone; merge or move it first, or replace it with --force")
      case .cannotWrite(let path, let reason):
        return LocalizedText(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
      }
    }
  }

  /// Installs the pre-receive shim in a (bare) repository, sets `receive.fsckObjects`, and
  /// `core.looseCompression` to 0 unless it is set already. `environment` gives `HOME` for a
  /// `core.hooksPath` of `~/…`.
  ///
  /// A push of a few files is unpacked into loose objects, among them the new tree of the
  /// pushed provider folder: megabytes in a national registry. Stored uncompressed, it is read
  /// by git's checks and by the hook without inflating it, which was the largest part of what
  /// the hook's work grew by with the registry's size; `git gc` packs and compresses it as
  /// before.
  public static func installServer(
    repository path: String, mulu: String, force: Bool, environment: [String: String]
  ) throws(Failure) -> Installed {
    let repository = try open(path)
    let prefix = RegistryFolder.configured(in: repository)
    if !prefix.isEmpty { throw .registryBelowRoot(prefix) }
    var installed = try install(.preReceive, in: try hooksFolder(repository, environment), mulu: mulu, force: force)
    do {
      try repository.setConfig("receive.fsckObjects", "true")
      if let value = try repository.config("core.looseCompression") {
        installed.looseCompression = LooseCompression(value: value, set: false)
      } else {
        try repository.setConfig("core.looseCompression", "0")
        installed.looseCompression = LooseCompression(value: "0", set: true)
      }
    } catch {
      throw .cannotWrite(repository.path + "/config", error.message)
    }
    installed.keptTrees = keepTrees(repository)
    return installed
  }

  /// Fills the hook's tree store with the large trees of HEAD (the branch pushes are judged
  /// against), so that the first pushes map them as later ones do. Only a cache: nothing is
  /// kept when HEAD has no commit, and the hook fills it then.
  private static func keepTrees(_ repository: Repository) -> KeptTrees? {
    let store = PreReceive.treeStore(of: repository, writesAside: false)
    repository.keepTrees(in: store)
    guard let head = try? repository.resolveCommit("HEAD"), let root = try? repository.tree(ofCommit: head),
      let kept = try? repository.keepTrees(under: root)
    else { return nil }
    return KeptTrees(
      count: kept.count, bytes: kept.bytes, folder: store.folder, written: access(store.folder, W_OK) == 0)
  }

  /// Installs the pre-commit shim in a clone (where `core.hooksPath` points, if set).
  public static func installClient(
    repository path: String, mulu: String, force: Bool, environment: [String: String]
  ) throws(Failure) -> Installed {
    let repository: Repository
    do {
      repository = try Repository.discover(from: Workspace.absolute(path))
    } catch {
      throw .notARepository(path, error.message)
    }
    // The hook judges the registry's folder of the staged tree: found here, and recorded for
    // the hook, which git runs at the top of the working tree.
    guard let workspace = try? Workspace(from: Workspace.absolute(path)), access(workspace.root + "/registry.yaml", F_OK) == 0
    else { throw .noRegistry(Workspace.absolute(path)) }
    let prefix = workspace.registryPrefix(in: repository)
    if prefix != RegistryFolder.configured(in: repository) {
      do {
        try repository.setConfig(RegistryFolder.configKey, prefix.isEmpty ? "." : String(prefix.dropLast()))
      } catch {
        throw .cannotWrite(repository.path + "/config", error.message)
      }
    }
    return try install(.preCommit, in: try hooksFolder(repository, environment), mulu: mulu, force: force)
  }

  private static func open(_ path: String) throws(Failure) -> Repository {
    do {
      return try Repository.open(at: Workspace.absolute(path))
    } catch {
      throw .notARepository(path, error.message)
    }
  }

  /// Where git looks for hooks: `core.hooksPath` (relative to the working tree, or to the
  /// repository when bare), else the repository's `hooks/` — the one shared by all working
  /// trees, not a linked working tree's own folder, which git never looks in. `~/` is the
  /// environment's `HOME`.
  private static func hooksFolder(_ repository: Repository, _ environment: [String: String]) throws(Failure) -> String {
    let configured: String?
    do {
      configured = try repository.config("core.hooksPath")
    } catch {
      throw .notARepository(repository.path, error.message)
    }
    guard let configured, !configured.isEmpty else { return repository.commonPath + "/hooks" }
    if configured.hasPrefix("/") { return configured }
    if configured.hasPrefix("~/"), let home = environment["HOME"] { return home + configured.dropFirst() }
    return (repository.workdir ?? repository.path) + "/" + configured
  }

  private static func install(_ kind: Kind, in folder: String, mulu: String, force: Bool) throws(Failure) -> Installed {
    let path = folder + "/" + kind.rawValue
    var outcome = Installed.Outcome.created
    if let existing = try? DirectorySnapshot.readFile(path, reportAs: path) {
      if isOwn(String(decoding: existing, as: UTF8.self), kind) {
        outcome = .updated
      } else if force {
        outcome = .replacedForeign
      } else {
        throw .foreignHook(path)
      }
    } else {
      var info = stat()
      if lstat(path, &info) == 0 {
        // A symbolic link or something unreadable: not ours to replace silently.
        guard force else { throw .foreignHook(path) }
        outcome = .replacedForeign
        unlink(path)
      }
    }
    do {
      try Files.makeDirectories(folder)
      try Files.writeAtomically(script(kind, mulu: mulu), to: path, mode: 0o755)
    } catch {
      throw .cannotWrite(error.path, error.reason)
    }
    return Installed(path: path, outcome: outcome)
  }

  /// The absolute path of the running `mulu`, as it was started (`argv[0]`, through `PATH`
  /// when it has no slash), so that a symbolic link to the current release stays one; the
  /// kernel's `/proc/self/exe` when that fails.
  public static func executablePath(argv0: String, environment: [String: String]) -> String {
    if argv0.contains("/") {
      let absolute = Workspace.absolute(argv0)
      if access(absolute, X_OK) == 0 { return absolute }
    } else if let found = SSHSignatureVerifier.locate(argv0, environment: environment, fallbacks: []) {
      return Workspace.absolute(found)
    }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if length > 0 {
      return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return Workspace.absolute(argv0)
  }
}
