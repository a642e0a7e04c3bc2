#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit

/// A registry kept in a folder below the repository's root (`registry/` beside `docs/`):
/// every reader takes the folder's subtree of a commit as the registry. The folder is found
/// from where a command runs in a working tree, else from `git config mulu.registry`, which
/// `mulu hooks install --client` writes for the pre-commit hook (docs/commands.md).
public enum RegistryFolder {
  /// The git configuration key naming the registry's folder in the repository's trees.
  public static let configKey = "mulu.registry"

  /// The folder as a prefix of paths in the repository's trees: "" at the root, else
  /// "folder/" (from `mulu.registry`, with or without slashes).
  public static func configured(in repository: Repository) -> String {
    guard let value = (try? repository.config(configKey)) ?? nil else { return "" }
    let parts = value.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
    return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
  }

  /// Why the server hook and sync refuse a registry below the repository's root: they judge
  /// pushes and forks path by path against `access.yaml` and `sources.yaml` at the root.
  public static func notAtRoot(_ prefix: String, for work: LocalizedText) -> LocalizedText {
    let folder = String(prefix.dropLast())
    return LocalizedText(
      zh: "目录库在本仓库的文件夹 \(folder) 中（git config \(configKey)）；\(work.zh)只支持位于仓库根目录的目录库：请把目录库放在独立的仓库中",
      en: "the registry is kept in the folder \(folder) of this repository (git config \(configKey)); \(work.en)"
        + " supports a registry at the root of its repository only: keep the registry in a repository of its own")
  }

  static let serverHook = LocalizedText(zh: "服务端钩子", en: "the server hook")
  static let sync = LocalizedText(zh: "同步", en: "sync")

  /// The registry's tree in a commit: the commit's tree, or its subtree at `prefix`; nil
  /// when the commit has no such folder.
  static func tree(ofCommit commit: ObjectID, prefix: String, in repository: Repository) throws -> ObjectID? {
    let tree = try repository.tree(ofCommit: commit)
    if prefix.isEmpty { return tree }
    guard let entry = try repository.entry(at: String(prefix.dropLast()), inTree: tree), entry.mode == .tree else {
      return nil
    }
    return entry.id
  }
}

extension Workspace {
  /// Where the registry is in the trees of `repository`: the registry's folder below the
  /// working tree's root, or `mulu.registry` in a bare repository.
  public func registryPrefix(in repository: Repository) -> String {
    workingTreePrefix(in: repository) ?? RegistryFolder.configured(in: repository)
  }

  /// `mulu.registry`'s folder of the working tree that `directory` is in, when the search
  /// upward found no registry.yaml: a command run at the repository's root finds the
  /// registry kept below it.
  static func configuredRegistry(from directory: String) -> String? {
    guard let repository = try? Repository.discover(from: directory), let workdir = repository.workdir else { return nil }
    let prefix = RegistryFolder.configured(in: repository)
    guard !prefix.isEmpty else { return nil }
    let folder = workdir + "/" + String(prefix.dropLast())
    return access(folder + "/registry.yaml", F_OK) == 0 ? folder : nil
  }
}
